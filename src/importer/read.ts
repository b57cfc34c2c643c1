/**
 * Reading a log file into raw records, one per row, each remembering its line: an NDJSON
 * event log (as `desksim run --events` writes it), a CSV in the event-log form (docs/contracts.md#event-log),
 * or a help desk's own CSV export read through a mapping. Nothing is cleaned here; every
 * unreadable row is collected and reported together (file:line, why).
 */
import { EVENT_TYPES, TICKETLESS_TYPES, type EventType } from '../eventlog/types.js';
import { closestMatch } from '../document/suggest.js';
import { closeSync, openSync, readSync } from 'node:fs';
import { ImportError, importMessage, type ImportIssue } from './errors.js';
import type { Mapping } from './mapping.js';
import {
  canonicalJson,
  decodeLog,
  EVENT_FIELDS,
  KeptRows,
  present,
  readCsvLog,
  timeOf,
  type RawLog,
  type RawRecord,
} from './raw.js';
import { readMapped } from './read-export.js';
import { LineSplitter } from './stream.js';
import { timestampReader } from './time.js';

export { EVENT_FIELDS, type LogForm, type RawLog, type RawRecord, type RecordedCounters } from './raw.js';

const EVENT_TYPE_SET = new Set<string>(EVENT_TYPES);

// ---------------------------------------------------------------------------
// NDJSON
// ---------------------------------------------------------------------------

/** An NDJSON event log, a line at a time (`path` is read, `file` is its name in messages). */
function readNdjson(path: string, file: string): RawLog {
  const kept = new KeptRows();
  const issues: ImportIssue[] = [];
  const readTime = timestampReader({ format: 'iso' });
  let rows = 0;
  const lines = new LineSplitter((line, number) => {
    if (line.trim() === '') return;
    rows++;
    const issue = (code: string, path: string | undefined, message: string) =>
      issues.push({ code, file, line: number, ...(path === undefined ? {} : { path }), message });
    let object: unknown;
    try {
      object = JSON.parse(line);
    } catch (error) {
      issue('bad_json', undefined, importMessage.badJson((error as Error).message));
      return;
    }
    if (object === null || typeof object !== 'object' || Array.isArray(object)) {
      issue(
        'bad_json',
        undefined,
        importMessage.badJson(`found ${Array.isArray(object) ? 'a list' : JSON.stringify(object)}`),
      );
      return;
    }
    const row = object as Record<string, unknown>;
    const type = row.type;
    if (typeof type !== 'string' || !EVENT_TYPE_SET.has(type)) {
      if (type === undefined) issue('unknown_type', 'type', importMessage.missingField('type'));
      else
        issue('unknown_type', 'type', importMessage.unknownType(String(type), closestMatch(String(type), EVENT_TYPES)));
      return;
    }
    if (typeof row.time !== 'string') {
      issue(
        'bad_time',
        'time',
        row.time === undefined
          ? importMessage.missingField('time')
          : importMessage.badTime(JSON.stringify(row.time), 'an ISO 8601 date-time string'),
      );
      return;
    }
    const epochMs = timeOf(readTime(row.time), row.time, issue, 'time');
    if (epochMs === undefined) return;
    const ticket = row.ticket;
    const hasTicket =
      (typeof ticket === 'number' && Number.isFinite(ticket)) || (typeof ticket === 'string' && ticket.trim() !== '');
    if (!hasTicket && !TICKETLESS_TYPES.has(type as EventType)) {
      issue('missing_ticket', 'ticket', importMessage.missingTicket());
      return;
    }
    if (type === 'queued' && (typeof row.tier !== 'string' || row.tier.trim() === '')) {
      issue('missing_tier', 'tier', importMessage.missingTier(false));
      return;
    }
    if (issues.length > 0) return;
    const values = canonicalJson({ ...row, time: epochMs });
    const ticketId = hasTicket ? kept.records.ticketId(ticket as string | number) : 0;
    if (kept.duplicate(ticketId, epochMs, values)) return;
    const record: RawRecord = { line: number, epochMs, type: type as EventType };
    if (hasTicket) record.ticket = ticket as string | number;
    for (const field of EVENT_FIELDS) {
      const value = row[field];
      if (value === undefined || value === null) continue;
      if (field === 'value' || (field === 'customer' && typeof value === 'number'))
        (record as unknown as Record<string, unknown>)[field] = value;
      else (record as unknown as Record<string, unknown>)[field] = String(value);
    }
    kept.records.add(record);
  });
  const { warnings } = decodeLog(path, file, undefined, false, (text, final) => lines.push(text, final));
  if (issues.length > 0) throw new ImportError(issues);
  return { form: 'ndjson', records: kept.records, rows, duplicates: kept.duplicates, warnings };
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

/** The event-log form's columns (docs/contracts.md#event-log). */
const LOG_COLUMNS = ['ticket', 'time', 'type', ...EVENT_FIELDS] as const;

/** A CSV event log, a row at a time (`path` is read, `file` is its name in messages). */
function readEventCsv(path: string, file: string): RawLog {
  const kept = new KeptRows();
  const issues: ImportIssue[] = [];
  const readTime = timestampReader({ format: 'iso' });
  let at: Record<string, number> = {};
  const { rows, warnings } = readCsvLog(
    path,
    { shownAs: file, delimiter: ',', form: 'event-log' },
    (header) => {
      at = eventLogColumns(header, file);
    },
    (cells, line) => {
      const issue = (code: string, path: string, message: string) => issues.push({ code, file, line, path, message });
      const cell = (column: string) => (at[column] === undefined ? undefined : present(cells[at[column]!]));
      const type = cell('type') ?? '';
      if (!EVENT_TYPE_SET.has(type)) {
        issue(
          'unknown_type',
          'type',
          type === ''
            ? importMessage.missingField('type')
            : importMessage.unknownType(type, closestMatch(type, EVENT_TYPES)),
        );
        return;
      }
      const time = cell('time') ?? '';
      const epochMs = timeOf(readTime(time), time, issue, 'time');
      if (epochMs === undefined) return;
      const ticket = cell('ticket');
      if (ticket === undefined && !TICKETLESS_TYPES.has(type as EventType)) {
        issue('missing_ticket', 'ticket', importMessage.missingTicket());
        return;
      }
      if (type === 'queued' && cell('tier') === undefined) {
        issue('missing_tier', 'tier', importMessage.missingTier(false));
        return;
      }
      if (issues.length > 0) return;
      const values = cells.map((value, index) => (index === at.time ? String(epochMs) : value.trim())).join('\u0000');
      if (kept.duplicate(ticket === undefined ? 0 : kept.records.ticketId(ticket), epochMs, values)) return;
      const record: RawRecord = { line, epochMs, type: type as EventType };
      if (ticket !== undefined) record.ticket = ticket;
      for (const field of EVENT_FIELDS) {
        const value = cell(field);
        if (value === undefined) continue;
        // A value written as JSON (a survey's answers) is read back as JSON.
        if (field === 'value' && /^[[{]/.test(value)) {
          try {
            record.value = JSON.parse(value);
            continue;
          } catch {
            // not JSON after all: keep the text
          }
        }
        (record as unknown as Record<string, unknown>)[field] = value;
      }
      kept.records.add(record);
    },
  );
  if (issues.length > 0) throw new ImportError(issues);
  return { form: 'csv', records: kept.records, rows, duplicates: kept.duplicates, warnings };
}

/** Where each column of the event-log form is; a missing or unknown column is an `ImportError`. */
function eventLogColumns(header: string[], file: string): Record<string, number> {
  const missing = ['ticket', 'time', 'type'].filter((column) => !header.includes(column));
  if (missing.length > 0)
    throw new ImportError([
      { code: 'missing_column', file, line: 1, message: importMessage.notEventLogCsv(header, missing) },
    ]);
  const unknown = header.filter((column) => !(LOG_COLUMNS as readonly string[]).includes(column));
  if (unknown.length > 0) {
    throw new ImportError(
      unknown.map((column) => ({
        code: 'unknown_column',
        file,
        line: 1,
        path: column,
        message: importMessage.unknownColumn(column, closestMatch(column, LOG_COLUMNS)),
      })),
    );
  }
  return Object.fromEntries(header.map((column, index) => [column, index]));
}

/** Which form a log is in when no mapping is given: by extension, else by its first character. */
export function detectForm(file: string, text: string): 'ndjson' | 'csv' {
  if (/\.(nd)?jsonl?$/i.test(file) || /\.ndjson$/i.test(file)) return 'ndjson';
  if (/\.csv$/i.test(file)) return 'csv';
  return text.trimStart().startsWith('{') ? 'ndjson' : 'csv';
}

/** The first kilobytes of a file, for telling its form (nothing if it cannot be read: reading it says why). */
function beginning(file: string): string {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    const bytes = Buffer.alloc(64 * 1024);
    return bytes.subarray(0, readSync(descriptor, bytes, 0, bytes.length, 0)).toString('utf8');
  } catch {
    return '';
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/**
 * Reads every row of a log file, a piece at a time, keeping one record per row. With a
 * mapping, the file is a help desk's export; without one, it is an event log (NDJSON or CSV,
 * docs/contracts.md#event-log). Throws an `ImportError` listing every unreadable row.
 */
export function readLog(
  file: string,
  options: { shownAs?: string; mapping?: Mapping; mappingFile?: string } = {},
): RawLog {
  const shownAs = options.shownAs ?? file;
  if (options.mapping !== undefined) {
    return readMapped(file, shownAs, options.mapping, options.mappingFile ?? 'the mapping');
  }
  return detectForm(file, beginning(file)) === 'ndjson' ? readNdjson(file, shownAs) : readEventCsv(file, shownAs);
}
