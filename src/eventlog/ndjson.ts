/**
 * NDJSON form of the event log: one JSON object a line, `time` as ISO 8601 (UTC, ms).
 * Written with buffered synchronous writes so a long simulation streams to disk in
 * constant memory.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { EventSink, TicketEvent } from './types.js';

const FIELD_ORDER = ['agent', 'tier', 'channel', 'category', 'priority', 'customer', 'kind', 'value'] as const;

/** Formats a minute offset as ISO 8601 in UTC. */
export function isoTime(originEpochMs: number, minutes: number): string {
  return new Date(originEpochMs + Math.round(minutes * 60000)).toISOString();
}

/** One event as its NDJSON line (without the newline), fields in a fixed order. */
export function eventToJsonLine(event: TicketEvent, originEpochMs: number): string {
  const record: Record<string, unknown> = {};
  if (event.ticket !== undefined) record.ticket = event.ticket;
  record.time = isoTime(originEpochMs, event.time);
  record.type = event.type;
  for (const field of FIELD_ORDER) {
    if (event[field] !== undefined) record[field] = event[field];
  }
  return JSON.stringify(record);
}

/** Streams events to an NDJSON file. Call `close()` when the log ends. */
export class NdjsonFileSink implements EventSink {
  private readonly descriptor: number;
  private buffer: string[] = [];
  private bufferedLength = 0;

  constructor(
    path: string,
    private readonly originEpochMs: number,
  ) {
    this.descriptor = openSync(path, 'w');
  }

  emit(event: TicketEvent): void {
    const line = eventToJsonLine(event, this.originEpochMs);
    this.buffer.push(line);
    this.bufferedLength += line.length + 1;
    if (this.bufferedLength > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.descriptor, this.buffer.join('\n') + '\n');
    this.buffer = [];
    this.bufferedLength = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.descriptor);
  }
}
