/**
 * Reading a log file into raw records, one per row, each remembering its line: an NDJSON
 * event log (as `desksim run --events` writes it), a CSV in the event-log form (docs/contracts.md#event-log),
 * or a help desk's own CSV export read through a mapping. Nothing is cleaned here; every
 * unreadable row is collected and reported together (file:line, why).
 */
import { EVENT_TYPES, TICKETLESS_TYPES, type EventType } from '../eventlog/types.js';
import { closestMatch } from '../document/suggest.js';
import { ImportError, importMessage, readLogText, type ImportIssue } from './errors.js';
import type { Mapping } from './mapping.js';
import { canonicalJson, EVENT_FIELDS, present, readCsvRows, timeOf, type RawLog, type RawRecord } from './raw.js';
import { readMapped } from './read-export.js';
import { timestampReader } from './time.js';

export { EVENT_FIELDS, type LogForm, type RawLog, type RawRecord, type RecordedCounters } from './raw.js';

const EVENT_TYPE_SET = new Set<string>(EVENT_TYPES);

// ---------------------------------------------------------------------------
// NDJSON
// ---------------------------------------------------------------------------

function readNdjson(text: string, file: string): RawLog {
  const records: RawRecord[] = [];
  const issues: ImportIssue[] = [];
  const readTime = timestampReader({ format: 'iso' });
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const issue = (code: string, path: string | undefined, message: string) => issues.push({ code, file, line: index + 1, ...(path === undefined ? {} : { path }), message });
    let object: unknown;
    try {
      object = JSON.parse(line);
    } catch (error) {
      issue('bad_json', undefined, importMessage.badJson((error as Error).message));
      continue;
    }
    if (object === null || typeof object !== 'object' || Array.isArray(object)) {
      issue('bad_json', undefined, importMessage.badJson(`found ${Array.isArray(object) ? 'a list' : JSON.stringify(object)}`));
      continue;
    }
    const row = object as Record<string, unknown>;
    const type = row.type;
    if (typeof type !== 'string' || !EVENT_TYPE_SET.has(type)) {
      if (type === undefined) issue('unknown_type', 'type', importMessage.missingField('type'));
      else issue('unknown_type', 'type', importMessage.unknownType(String(type), closestMatch(String(type), EVENT_TYPES)));
      continue;
    }
    if (typeof row.time !== 'string') {
      issue('bad_time', 'time', row.time === undefined ? importMessage.missingField('time') : importMessage.badTime(JSON.stringify(row.time), 'an ISO 8601 date-time string'));
      continue;
    }
    const epochMs = timeOf(readTime(row.time), row.time, issue, 'time');
    if (epochMs === undefined) continue;
    const ticket = row.ticket;
    const hasTicket = (typeof ticket === 'number' && Number.isFinite(ticket)) || (typeof ticket === 'string' && ticket.trim() !== '');
    if (!hasTicket && !TICKETLESS_TYPES.has(type as EventType)) {
      issue('missing_ticket', 'ticket', importMessage.missingTicket());
      continue;
    }
    if (type === 'queued' && (typeof row.tier !== 'string' || row.tier.trim() === '')) {
      issue('missing_tier', 'tier', importMessage.missingTier(false));
      continue;
    }
    const record: RawRecord = { line: index + 1, text: line, key: canonicalJson({ ...row, time: epochMs }), epochMs, type: type as EventType };
    if (hasTicket) record.ticket = ticket as number | string;
    for (const field of EVENT_FIELDS) {
      const value = row[field];
      if (value === undefined || value === null) continue;
      if (field === 'value' || (field === 'customer' && typeof value === 'number')) (record as unknown as Record<string, unknown>)[field] = value;
      else (record as unknown as Record<string, unknown>)[field] = String(value);
    }
    records.push(record);
  }
  if (issues.length > 0) throw new ImportError(issues);
  return { form: 'ndjson', records, rows: records.length, warnings: [] };
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

/** The event-log form's columns (docs/contracts.md#event-log). */
const LOG_COLUMNS = ['ticket', 'time', 'type', ...EVENT_FIELDS] as const;

function readEventCsv(text: string, file: string): RawLog {
  const { header, rows } = readCsvRows(text, file, ',', 'event-log');
  const missing = ['ticket', 'time', 'type'].filter((column) => !header.includes(column));
  if (missing.length > 0) throw new ImportError([{ code: 'missing_column', file, line: 1, message: importMessage.notEventLogCsv(header, missing) }]);
  const unknown = header.filter((column) => !(LOG_COLUMNS as readonly string[]).includes(column));
  if (unknown.length > 0) {
    throw new ImportError(unknown.map((column) => ({ code: 'unknown_column', file, line: 1, path: column, message: importMessage.unknownColumn(column, closestMatch(column, LOG_COLUMNS)) })));
  }
  const at = Object.fromEntries(header.map((column, index) => [column, index]));
  const readTime = timestampReader({ format: 'iso' });
  const records: RawRecord[] = [];
  const issues: ImportIssue[] = [];
  for (const row of rows) {
    const issue = (code: string, path: string, message: string) => issues.push({ code, file, line: row.line, path, message });
    const cell = (column: string) => (at[column] === undefined ? undefined : present(row.cells[at[column]!]));
    const type = cell('type') ?? '';
    if (!EVENT_TYPE_SET.has(type)) {
      issue('unknown_type', 'type', type === '' ? importMessage.missingField('type') : importMessage.unknownType(type, closestMatch(type, EVENT_TYPES)));
      continue;
    }
    const time = cell('time') ?? '';
    const epochMs = timeOf(readTime(time), time, issue, 'time');
    if (epochMs === undefined) continue;
    const ticket = cell('ticket');
    if (ticket === undefined && !TICKETLESS_TYPES.has(type as EventType)) {
      issue('missing_ticket', 'ticket', importMessage.missingTicket());
      continue;
    }
    if (type === 'queued' && cell('tier') === undefined) {
      issue('missing_tier', 'tier', importMessage.missingTier(false));
      continue;
    }
    const key = row.cells.map((value, index) => (index === at.time ? String(epochMs) : value.trim())).join('\u0000');
    const record: RawRecord = { line: row.line, text: row.text, key, epochMs, type: type as EventType };
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
    records.push(record);
  }
  if (issues.length > 0) throw new ImportError(issues);
  return { form: 'csv', records, rows: rows.length, warnings: [] };
}

/** Which form a log is in when no mapping is given: by extension, else by its first character. */
export function detectForm(file: string, text: string): 'ndjson' | 'csv' {
  if (/\.(nd)?jsonl?$/i.test(file) || /\.ndjson$/i.test(file)) return 'ndjson';
  if (/\.csv$/i.test(file)) return 'csv';
  return text.trimStart().startsWith('{') ? 'ndjson' : 'csv';
}

/**
 * Reads every row of a log file. With a mapping, the file is a help desk's export; without
 * one, it is an event log (NDJSON or CSV, docs/contracts.md#event-log). Throws an `ImportError` listing every
 * unreadable row.
 */
export function readLog(file: string, options: { shownAs?: string; mapping?: Mapping; mappingFile?: string } = {}): RawLog {
  const shownAs = options.shownAs ?? file;
  const { text, warnings } = readLogText(file, shownAs, options.mapping?.encoding, options.mapping !== undefined);
  if (text.trim() === '') throw new ImportError([{ code: 'empty_log', file: shownAs, message: importMessage.emptyLog() }]);
  const log =
    options.mapping !== undefined
      ? readMapped(text, shownAs, options.mapping, options.mappingFile ?? 'the mapping')
      : detectForm(file, text) === 'ndjson'
        ? readNdjson(text, shownAs)
        : readEventCsv(text, shownAs);
  log.warnings.push(...warnings);
  return log;
}
