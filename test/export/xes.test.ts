/**
 * The XES export of a baseline run: the standard's structure (log → trace → event), the
 * declared extensions used with their keys and value types, and the same events read back
 * with an XML parser. The NDJSON file of `run --events` exports to the same bytes as the
 * log in memory.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NdjsonFileSink } from '../../src/eventlog/ndjson.js';
import { arraySource, ndjsonSource } from '../../src/export/source.js';
import { writeXes, XES_EXTENSIONS } from '../../src/export/xes.js';
import { baselineLog } from './baseline-log.js';
import { asExported, attributesOf, parseXes, xesEvents } from './readers.js';

const scratch = mkdtempSync(join(tmpdir(), 'desksim-xes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const { events, originEpochMs } = baselineLog();
const path = join(scratch, 'events.xes');
writeXes(path, arraySource(events, originEpochMs), 'baseline');
const log = parseXes(path);
const traces = log.trace as Array<Record<string, unknown>>;

describe('XES export', () => {
  it('declares the IEEE 1849 version and the four standard extensions by prefix and URI', () => {
    expect(log['@xes.version']).toBe('1849-2016');
    expect(log['@xmlns']).toBe('http://www.xes-standard.org/');
    const extensions = (log.extension as Array<Record<string, string>>).map((extension) => [
      extension['@prefix'],
      extension['@uri'],
    ]);
    expect(extensions).toEqual(XES_EXTENSIONS.map((extension) => [extension.prefix, extension.uri]));
    const globals = Object.fromEntries(
      (log.global as Array<Record<string, unknown>>).map((global) => [
        global['@scope'],
        attributesOf(global).map((a) => `${a.element} ${a.key}`),
      ]),
    );
    expect(globals).toEqual({
      trace: ['string concept:name'],
      event: ['string concept:name', 'string lifecycle:transition', 'date time:timestamp'],
    });
  });

  it('has one trace per ticket, each named by its ticket, with its events under it', () => {
    const tickets = new Set(events.flatMap((event) => (event.ticket === undefined ? [] : [String(event.ticket)])));
    const names = traces.map(
      (trace) => attributesOf(trace).find((attribute) => attribute.key === 'concept:name')?.value,
    );
    expect(names.length).toBe(tickets.size);
    expect(new Set(names)).toEqual(tickets);
    expect(traces.every((trace) => (trace.event as unknown[]).length > 0)).toBe(true);
  });

  it('gives every attribute the value type its extension or content calls for', () => {
    const seen = new Map<string, Set<string>>();
    for (const trace of traces) {
      for (const event of trace.event as Array<Record<string, unknown>>) {
        const attributes = attributesOf(event);
        // Every event has the globals.
        expect(
          attributes.filter((a) => ['concept:name', 'time:timestamp', 'lifecycle:transition'].includes(a.key)).length,
        ).toBe(3);
        for (const attribute of attributes) {
          if (!seen.has(attribute.key)) seen.set(attribute.key, new Set());
          seen.get(attribute.key)!.add(attribute.element);
          if (attribute.element === 'date') expect(attribute.value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
          if (attribute.element === 'int') expect(Number.isInteger(Number(attribute.value))).toBe(true);
          if (attribute.element === 'float') expect(Number.isFinite(Number(attribute.value))).toBe(true);
        }
      }
    }
    expect(seen.get('time:timestamp')).toEqual(new Set(['date']));
    expect(seen.get('concept:name')).toEqual(new Set(['string']));
    expect(seen.get('lifecycle:transition')).toEqual(new Set(['string']));
    expect(seen.get('org:resource')).toEqual(new Set(['string']));
    expect(seen.get('org:group')).toEqual(new Set(['string']));
    expect(seen.get('customer')).toEqual(new Set(['int']));
    // A satisfaction score is a whole number on the 1–5 scale.
    expect(seen.get('value.csat')).toEqual(new Set(['int']));
    const lifecycle = new Set(
      traces.flatMap((trace) =>
        (trace.event as Array<Record<string, unknown>>).flatMap((event) =>
          attributesOf(event)
            .filter((a) => a.key === 'lifecycle:transition')
            .map((a) => a.value),
        ),
      ),
    );
    expect(lifecycle).toEqual(new Set(['start', 'complete']));
  });

  it('reads back into the same events, trace by trace', () => {
    const byTicket = new Map<string, unknown[]>();
    for (const event of events) {
      if (event.ticket === undefined) continue;
      const key = String(event.ticket);
      if (!byTicket.has(key)) byTicket.set(key, []);
      byTicket.get(key)!.push(asExported(event));
    }
    const readBack = new Map<string, unknown[]>();
    for (const event of xesEvents(log, originEpochMs)) {
      if (!readBack.has(event.ticket as string)) readBack.set(event.ticket as string, []);
      readBack.get(event.ticket as string)!.push(event);
    }
    expect(readBack.size).toBe(byTicket.size);
    for (const [ticket, expected] of byTicket) expect(readBack.get(ticket)).toEqual(expected);
    const ticketless = events.filter((event) => event.ticket === undefined).length;
    expect(ticketless).toBeGreaterThan(0);
    expect(readFileSync(path, 'utf8')).toContain(`<!-- ${ticketless} events without a ticket`);
  });

  it('writes the same bytes from the NDJSON log `run --events` streams to disk', () => {
    const ndjson = join(scratch, 'events.ndjson');
    const sink = new NdjsonFileSink(ndjson, originEpochMs);
    for (const event of events) sink.emit(event);
    sink.close();
    const fromFile = join(scratch, 'from-file.xes');
    writeXes(fromFile, ndjsonSource(ndjson, originEpochMs), 'baseline');
    expect(readFileSync(fromFile, 'utf8')).toBe(readFileSync(path, 'utf8'));
  });
});
