/**
 * Reading a log file into raw records, one per row, each remembering its line: an NDJSON
 * event log (as `desksim run --events` writes it), a CSV in the event-log form of SPEC §4,
 * or a help desk's own CSV export read through a mapping. Nothing is cleaned here; every
 * unreadable row is collected and reported together (file:line, why).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { EVENT_TYPES, TICKETLESS_TYPES, type EventType } from '../eventlog/types.js';
import { closestMatch } from '../scenario/suggest.js';
import { ImportError, importMessage, readLogText, type ImportIssue } from './errors.js';
import type { ActivityEvent, Mapping } from './mapping.js';
import { timestampReader, type TimestampResult } from './time.js';

/** The optional fields of an event, as read. */
export const EVENT_FIELDS = ['agent', 'tier', 'channel', 'category', 'priority', 'customer', 'kind', 'value'] as const;

/** One row of the log, read but not cleaned. */
export interface RawRecord {
  /** 1-based line of the file where the row starts. */
  line: number;
  /** The row exactly as written. */
  text: string;
  /**
   * The row's values as read (cells unquoted and trimmed, the time as an instant): two rows
   * with the same key are duplicates, however each was quoted or its time written.
   */
  key: string;
  /** Which of its row's events this is (an activity may map to several): 0 for the first. */
  part?: number;
  /** Ticket id; absent on agent-level rows (shifts) and ticketless self-service. */
  ticket?: number | string;
  epochMs: number;
  /** The event type, or `ignore` for an activity the mapping ignores. */
  type: EventType | 'ignore';
  /** The export's activity value (mapped logs). */
  activity?: string;
  agent?: string;
  tier?: string;
  channel?: string;
  category?: string;
  priority?: string;
  customer?: string | number;
  kind?: string;
  value?: unknown;
  /** The activity ends a wait on the customer (mapped logs: `ends_pending`). */
  endsPending?: boolean;
  /** When the ticket was created, from the export's creation column (mapped logs). */
  createdEpochMs?: number;
  /** The export's own counters and flags on this row (mapped logs). */
  counters?: RecordedCounters;
}

/** A ticket's counters and flags as the export records them. */
export interface RecordedCounters {
  reassignment_count?: number;
  reopen_count?: number;
  made_sla?: boolean;
}

/** What form the log was in. */
export type LogForm = 'ndjson' | 'csv' | 'mapped-csv' | 'mapped-ndjson';

/** The rows of a log and the form they were read from. */
export interface RawLog {
  form: LogForm;
  records: RawRecord[];
  /** Data rows in the file (an activity mapped to several events gives a row several records). */
  rows: number;
  /** Rows per activity value and what each became (mapped logs). */
  activities?: Record<string, { rows: number; type: string }>;
  /** Things a person should know about the file that did not stop the import (an encoding problem). */
  warnings: string[];
}

const EVENT_TYPE_SET = new Set<string>(EVENT_TYPES);

/** A canonical text of a parsed JSON value: keys sorted, so key order does not make rows differ. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
}

/** Records the time of a row, or the reason it cannot be read. */
function timeOf(result: TimestampResult, found: string, issue: (code: string, path: string, message: string) => void, column: string): number | undefined {
  if ('epochMs' in result) return result.epochMs;
  issue('bad_time', column, result.problem === 'naive' ? importMessage.naiveTime(found) : importMessage.badTime(found, result.expected));
  return undefined;
}

function present(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

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

interface CsvRow {
  line: number;
  text: string;
  cells: string[];
}

/** Separators a CSV export may use instead of the one expected. */
const LIKELY_DELIMITERS = [';', '\t', '|', ','];

/**
 * The separator the header line seems to use, when it is not `delimiter`: the header has
 * none of `delimiter` and some of another likely one.
 */
function otherDelimiter(text: string, delimiter: string): string | undefined {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (header.includes(delimiter)) return undefined;
  return LIKELY_DELIMITERS.filter((candidate) => candidate !== delimiter && header.includes(candidate))
    .sort((a, b) => header.split(b).length - header.split(a).length)[0];
}

function readCsvRows(text: string, file: string, delimiter: string, form: 'mapped' | 'event-log'): { header: string[]; rows: CsvRow[] } {
  const other = otherDelimiter(text, delimiter);
  if (other !== undefined) throw new ImportError([{ code: 'csv_delimiter', file, line: 1, message: importMessage.otherDelimiter(delimiter, other, form) }]);
  let parsed: Array<{ record: string[]; raw: string; info: { lines: number } }>;
  try {
    // With info and raw, csv-parse returns { record, raw, info } per row (its types do not say so).
    // Ragged rows are let through here and listed, every one, below.
    parsed = parseCsv(text, { delimiter, bom: true, info: true, raw: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ImportError([{ code: 'csv_syntax', file, ...(line === undefined ? {} : { line }), message: importMessage.csvSyntax((error as Error).message.replace(/ on line \d+$/, '')) }]);
  }
  if (parsed.length === 0) throw new ImportError([{ code: 'empty_log', file, message: importMessage.emptyLog() }]);
  const width = parsed[0]!.record.length;
  const issues: ImportIssue[] = [];
  const rows = parsed.slice(1).map(({ record, raw, info }) => {
    const row = raw.replace(/\r?\n$/, '');
    // info.lines is the line the record ends on; a quoted field may span lines.
    const line = info.lines - (row.match(/\n/g)?.length ?? 0);
    if (record.length !== width) issues.push({ code: 'csv_syntax', file, line, message: importMessage.raggedRow(record.length, width) });
    return { line, text: row, cells: record };
  });
  if (issues.length > 0) throw new ImportError(issues);
  return { header: parsed[0]!.record.map((name) => name.trim()), rows };
}

/** The event-log form's columns (SPEC §4). */
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

const MAPPED_FIELDS = ['agent', 'tier', 'channel', 'category', 'priority', 'customer'] as const;

/** A row of an export: its line, its text, its values, and its value in a named column (trimmed; undefined if missing). */
interface ExportRow {
  line: number;
  text: string;
  /** Every value of the row as read, time excepted (see `RawRecord.key`). */
  values: string;
  cell(field: string): string | undefined;
}

/** A cell's text, or undefined if it is empty or one of the mapping's missing-value tokens. */
function presentIn(missing: ReadonlySet<string>): (text: string | undefined) => string | undefined {
  return (text) => {
    const value = present(text);
    return value === undefined || missing.has(value) ? undefined : value;
  };
}

/** The rows of a CSV export, cells found by the mapping's column names (all must exist in the header). */
function csvExportRows(text: string, file: string, mapping: Mapping): ExportRow[] {
  const { header, rows } = readCsvRows(text, file, mapping.delimiter, 'mapped');
  const issues: ImportIssue[] = [];
  const index: Record<string, number> = {};
  for (const [field, column] of Object.entries(mapping.columns) as Array<[string, string | undefined]>) {
    if (column === undefined) continue;
    const position = header.indexOf(column);
    if (position < 0) issues.push({ code: 'missing_column', file, line: 1, message: importMessage.missingMappedColumn(column, field, header, closestMatch(column, header)) });
    index[field] = position;
  }
  if (issues.length > 0) throw new ImportError(issues);
  const value = presentIn(new Set(mapping.missing));
  const timeAt = index.time;
  return rows.map((row) => ({
    line: row.line,
    text: row.text,
    values: row.cells.map((cell, at) => (at === timeAt ? '' : (value(cell) ?? ''))).join('\u0000'),
    cell: (field: string) => (index[field] === undefined ? undefined : value(row.cells[index[field]!])),
  }));
}

/** A field of a JSON object by a dotted path (`fields.status.name`), as text; objects and lists as JSON. */
function jsonField(object: Record<string, unknown>, path: string): string | undefined {
  let value: unknown = Object.prototype.hasOwnProperty.call(object, path) ? object[path] : undefined;
  if (value === undefined) {
    value = object;
    for (const key of path.split('.')) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
      value = (value as Record<string, unknown>)[key];
    }
  }
  if (value === undefined || value === null) return undefined;
  return present(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/** The rows of an NDJSON export (one JSON object a line), cells found by key or dotted path. */
function ndjsonExportRows(text: string, file: string, mapping: Mapping): ExportRow[] {
  const value = presentIn(new Set(mapping.missing));
  const rows: ExportRow[] = [];
  const issues: ImportIssue[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    let object: unknown;
    try {
      object = JSON.parse(line);
    } catch (error) {
      issues.push({ code: 'bad_json', file, line: index + 1, message: importMessage.badJson((error as Error).message) });
      continue;
    }
    if (object === null || typeof object !== 'object' || Array.isArray(object)) {
      issues.push({ code: 'bad_json', file, line: index + 1, message: importMessage.badJson(`found ${Array.isArray(object) ? 'a list' : JSON.stringify(object)}`) });
      continue;
    }
    const record = object as Record<string, unknown>;
    rows.push({
      line: index + 1,
      text: line,
      values: canonicalJson(record),
      cell: (field: string) => {
        const column = (mapping.columns as Record<string, string | undefined>)[field];
        return column === undefined ? undefined : value(jsonField(record, column));
      },
    });
  }
  if (issues.length > 0) throw new ImportError(issues);
  return rows;
}

/** A number or flag column's value; undefined (and an issue) if unreadable. */
function readCounters(cell: (field: string) => string | undefined, issue: (code: string, path: string, message: string) => void, mapping: Mapping): RecordedCounters | undefined {
  const counters: RecordedCounters = {};
  for (const field of ['reassignment_count', 'reopen_count'] as const) {
    const text = cell(field);
    if (text === undefined) continue;
    const count = Number(text);
    if (Number.isInteger(count) && count >= 0) counters[field] = count;
    else issue('bad_counter', mapping.columns[field]!, importMessage.badCounter(text));
  }
  const flag = cell('made_sla');
  if (flag !== undefined) {
    const truth = FLAG_VALUES.get(flag.toLowerCase());
    if (truth === undefined) issue('bad_flag', mapping.columns.made_sla!, importMessage.badFlag(flag));
    else counters.made_sla = truth;
  }
  return Object.keys(counters).length === 0 ? undefined : counters;
}

const FLAG_VALUES = new Map<string, boolean>([
  ['true', true], ['false', false], ['yes', true], ['no', false], ['1', true], ['0', false], ['y', true], ['n', false], ['t', true], ['f', false],
]);

function readMapped(text: string, file: string, mapping: Mapping, mappingFile: string): RawLog {
  const rows = mapping.format === 'ndjson' ? ndjsonExportRows(text, file, mapping) : csvExportRows(text, file, mapping);
  const issues: ImportIssue[] = [];
  const readTime = timestampReader(mapping.timestamps);
  const records: RawRecord[] = [];
  const unmapped = new Map<string, { rows: number; firstLine: number }>();
  const activities: Record<string, { rows: number; type: string }> = {};
  const timeColumn = mapping.columns.time;
  for (const row of rows) {
    const issue = (code: string, path: string, message: string) => issues.push({ code, file, line: row.line, path, message });
    const cell = row.cell;
    const activity = cell('activity') ?? '';
    const events: ActivityEvent[] | undefined = Object.prototype.hasOwnProperty.call(mapping.activities, activity) ? mapping.activities[activity] : undefined;
    if (events === undefined) {
      const seen = unmapped.get(activity);
      if (seen === undefined) unmapped.set(activity, { rows: 1, firstLine: row.line });
      else seen.rows++;
      continue;
    }
    const entry = (activities[activity] ??= { rows: 0, type: events.map((event) => event.type).join(', ') });
    entry.rows++;
    const time = cell('time') ?? '';
    const epochMs = timeOf(readTime(time), time, issue, timeColumn);
    const ticket = cell('ticket');
    if (ticket === undefined) issue('missing_ticket', mapping.columns.ticket, importMessage.missingTicket());
    const createdText = cell('created');
    const createdEpochMs = createdText === undefined ? undefined : timeOf(readTime(createdText), createdText, issue, mapping.columns.created!);
    const counters = readCounters(cell, issue, mapping);
    if (epochMs === undefined || ticket === undefined || (createdText !== undefined && createdEpochMs === undefined)) continue;
    const key = `${epochMs}\u0000${row.values}`;
    events.forEach((event, part) => {
      const record: RawRecord = { line: row.line, text: row.text, key, ticket, epochMs, type: event.type, activity };
      if (events.length > 1) record.part = part;
      for (const field of MAPPED_FIELDS) {
        const value = cell(field);
        if (value !== undefined) record[field] = value;
      }
      if (event.kind !== undefined) record.kind = event.kind;
      if (event.tier !== undefined && record.tier === undefined) record.tier = event.tier;
      if (event.type === 'queued' && record.tier === undefined) {
        if (mapping.default_tier === undefined) issue('missing_tier', mapping.columns.tier ?? mapping.columns.activity, importMessage.missingTier(true));
        else record.tier = mapping.default_tier;
      }
      if (event.ends_pending === true) record.endsPending = true;
      if (createdEpochMs !== undefined) record.createdEpochMs = createdEpochMs;
      if (counters !== undefined) record.counters = counters;
      records.push(record);
    });
  }
  if (unmapped.size > 0) {
    const list = [...unmapped].map(([activity, seen]) => ({ activity, ...seen })).sort((a, b) => b.rows - a.rows || a.firstLine - b.firstLine);
    issues.unshift({ code: 'unmapped_activity', file, line: list[0]!.firstLine, path: mapping.columns.activity, message: importMessage.unmappedActivities(mappingFile, list) });
  }
  if (issues.length > 0) throw new ImportError(issues);
  return { form: mapping.format === 'ndjson' ? 'mapped-ndjson' : 'mapped-csv', records, rows: rows.length, activities, warnings: [] };
}

/** Which form a log is in when no mapping is given: by extension, else by its first character. */
export function detectForm(file: string, text: string): 'ndjson' | 'csv' {
  if (/\.(nd)?jsonl?$/i.test(file) || /\.ndjson$/i.test(file)) return 'ndjson';
  if (/\.csv$/i.test(file)) return 'csv';
  return text.trimStart().startsWith('{') ? 'ndjson' : 'csv';
}

/**
 * Reads every row of a log file. With a mapping, the file is a help desk's export; without
 * one, it is an event log (NDJSON or CSV, SPEC §4). Throws an `ImportError` listing every
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
