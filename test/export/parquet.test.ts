/**
 * Parquet exports read back with an independent reader (hyparquet): the same rows, and
 * each column's physical and logical type as documented (integers, doubles, booleans,
 * UTC millisecond timestamps, UTF-8 text).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import { arraySource } from '../../src/export/source.js';
import { writeEventsParquet, writeTicketsParquet } from '../../src/export/parquet.js';
import { scanLog } from '../../src/export/attributes.js';
import { metricOptions } from '../../src/experiment/replication.js';
import { Ledger } from '../../src/metrics/ledger.js';
import { TICKET_COLUMNS, ticketRows } from '../../src/metrics/engine.js';
import { baselineLog } from './baseline-log.js';

const scratch = mkdtempSync(join(tmpdir(), 'desksim-parquet-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const { model, events, originEpochMs } = baselineLog();

async function read(path: string) {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  const rows = await parquetReadObjects({ file });
  const types = Object.fromEntries(
    metadata.schema
      .slice(1)
      .map((element) => [
        element.name,
        [element.type, element.converted_type ?? element.logical_type?.type ?? null].filter(Boolean).join(' '),
      ]),
  );
  return { rows, types, groups: metadata.row_groups.length };
}

/** A value as it comes back: INT64 as bigint, timestamps as Date. */
const plain = (value: unknown) =>
  typeof value === 'bigint' ? Number(value) : value instanceof Date ? value.getTime() : value;

describe('Parquet export', () => {
  it("writes tickets.csv's columns with their types, and reads back the same rows", async () => {
    const ledger = new Ledger({ originEpochMs, measureFrom: 0, measureTo: model.horizon });
    for (const event of events) ledger.emit(event);
    const rows = ticketRows(ledger, metricOptions(model));
    const path = join(scratch, 'tickets.parquet');
    writeTicketsParquet(path, rows);
    const back = await read(path);
    expect(Object.keys(back.types)).toEqual([...TICKET_COLUMNS]);
    expect(back.types).toMatchObject({
      ticket: 'INT64',
      created_minute: 'DOUBLE',
      customer: 'INT64',
      channel: 'BYTE_ARRAY UTF8',
      escalations: 'INT32',
      resolution_time: 'DOUBLE',
      truly_fixed: 'BOOLEAN',
    });
    expect(back.rows.length).toBe(rows.length);
    const expected = rows.map((row) => ({
      ...row,
      truly_fixed: row.truly_fixed === null ? null : row.truly_fixed === 'true',
    }));
    expect(
      back.rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, plain(value)]))),
    ).toEqual(expected);
  });

  it('writes the replication as a column of its own when asked', async () => {
    const path = join(scratch, 'replications.parquet');
    writeTicketsParquet(path, [{ replication: 2, ticket: 'A-1', customer: null, truly_fixed: null }], true);
    const back = await read(path);
    expect(Object.keys(back.types).slice(0, 2)).toEqual(['replication', 'ticket']);
    expect(back.types.ticket).toBe('BYTE_ARRAY UTF8');
    expect(back.rows[0]).toMatchObject({ replication: 2, ticket: 'A-1', customer: null });
  });

  it('streams the event log in row groups and reads back the same events, times as UTC timestamps', async () => {
    const path = join(scratch, 'events.parquet');
    const source = arraySource(events, originEpochMs);
    writeEventsParquet(path, source, scanLog(source), 1000);
    const back = await read(path);
    expect(back.groups).toBe(Math.ceil(events.length / 1000));
    expect(back.types).toMatchObject({
      ticket: 'INT64',
      time: 'INT64 TIMESTAMP_MILLIS',
      type: 'BYTE_ARRAY UTF8',
      customer: 'INT64',
      value: 'BYTE_ARRAY UTF8',
    });
    const expected = events.map((event) => ({
      ticket: event.ticket ?? null,
      time: originEpochMs + Math.round(event.time * 60000),
      type: event.type,
      agent: event.agent ?? null,
      tier: event.tier ?? null,
      channel: event.channel ?? null,
      category: event.category ?? null,
      priority: event.priority ?? null,
      customer: event.customer ?? null,
      kind: event.kind ?? null,
      value: event.value === undefined ? null : JSON.stringify(event.value),
    }));
    expect(
      back.rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, plain(value)]))),
    ).toEqual(expected);
  });
});
