/**
 * Where an export reads its events from: a log that can be read more than once, in log
 * order. The writers read it twice — once to learn each ticket's last event and every
 * attribute's type, once to write — so a long simulated log is streamed from its NDJSON
 * file both times and never held in memory whole.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { TicketEvent } from '../eventlog/types.js';

/** An event log that can be read again from the start. */
export interface EventSource {
  /** Calendar time of minute 0, as epoch milliseconds. */
  originEpochMs: number;
  /** The events in log order; each call starts again from the first. */
  events(): Iterable<TicketEvent>;
}

/** An in-memory log (an imported export, a test's events). */
export function arraySource(events: readonly TicketEvent[], originEpochMs: number): EventSource {
  return { originEpochMs, events: () => events };
}

/** The lines of a text file, read in chunks of a megabyte. */
export function* fileLines(path: string): Generator<string> {
  const descriptor = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    const decoder = new TextDecoder('utf-8');
    let rest = '';
    for (;;) {
      const read = readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) break;
      const text = rest + decoder.decode(chunk.subarray(0, read), { stream: true });
      const lines = text.split('\n');
      rest = lines.pop()!;
      for (const line of lines) yield line;
    }
    rest += decoder.decode();
    if (rest !== '') yield rest;
  } finally {
    closeSync(descriptor);
  }
}

/**
 * An NDJSON event log as `run --events` writes it (`eventToJsonLine`): times are ISO 8601
 * and turned back into minutes since `originEpochMs`.
 */
export function ndjsonSource(path: string, originEpochMs: number): EventSource {
  return {
    originEpochMs,
    *events() {
      for (const line of fileLines(path)) {
        if (line.trim() === '') continue;
        const record = JSON.parse(line) as Omit<TicketEvent, 'time'> & { time: string };
        yield { ...record, time: (Date.parse(record.time) - originEpochMs) / 60000 };
      }
    },
  };
}

/** Epoch milliseconds of an event, rounded as the NDJSON log rounds it. */
export function eventEpochMs(source: EventSource, event: TicketEvent): number {
  return source.originEpochMs + Math.round(event.time * 60000);
}
