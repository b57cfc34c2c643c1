/**
 * Reading a help desk's own export through a mapping: a CSV (columns by header name) or
 * NDJSON (keys, or dotted paths into nested objects); missing-value tokens, the creation
 * column, counters and flags; each activity value becomes its event(s). Every unreadable
 * row and every unmapped activity is collected and reported together.
 */
import { closestMatch } from '../document/suggest.js';
import { ImportError, importMessage, type ImportIssue } from './errors.js';
import type { ActivityEvent, Mapping } from './mapping.js';
import {
  canonicalJson,
  present,
  readCsvRows,
  timeOf,
  type RawLog,
  type RawRecord,
  type RecordedCounters,
} from './raw.js';
import { timestampReader } from './time.js';

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
    if (position < 0)
      issues.push({
        code: 'missing_column',
        file,
        line: 1,
        message: importMessage.missingMappedColumn(column, field, header, closestMatch(column, header)),
      });
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
      issues.push({
        code: 'bad_json',
        file,
        line: index + 1,
        message: importMessage.badJson((error as Error).message),
      });
      continue;
    }
    if (object === null || typeof object !== 'object' || Array.isArray(object)) {
      issues.push({
        code: 'bad_json',
        file,
        line: index + 1,
        message: importMessage.badJson(`found ${Array.isArray(object) ? 'a list' : JSON.stringify(object)}`),
      });
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

/** The counter and flag columns of a row; an unreadable one is an issue. */
function readCounters(
  cell: (field: string) => string | undefined,
  issue: (code: string, path: string, message: string) => void,
  mapping: Mapping,
): RecordedCounters | undefined {
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
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
  ['1', true],
  ['0', false],
  ['y', true],
  ['n', false],
  ['t', true],
  ['f', false],
]);

export function readMapped(text: string, file: string, mapping: Mapping, mappingFile: string): RawLog {
  const rows = mapping.format === 'ndjson' ? ndjsonExportRows(text, file, mapping) : csvExportRows(text, file, mapping);
  const issues: ImportIssue[] = [];
  const readTime = timestampReader(mapping.timestamps);
  const records: RawRecord[] = [];
  const unmapped = new Map<string, { rows: number; firstLine: number }>();
  const activities: Record<string, { rows: number; type: string }> = {};
  const timeColumn = mapping.columns.time;
  for (const row of rows) {
    const issue = (code: string, path: string, message: string) =>
      issues.push({ code, file, line: row.line, path, message });
    const cell = row.cell;
    const activity = cell('activity') ?? '';
    const events: ActivityEvent[] | undefined = Object.prototype.hasOwnProperty.call(mapping.activities, activity)
      ? mapping.activities[activity]
      : undefined;
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
    const createdEpochMs =
      createdText === undefined
        ? undefined
        : timeOf(readTime(createdText), createdText, issue, mapping.columns.created!);
    const counters = readCounters(cell, issue, mapping);
    if (epochMs === undefined || ticket === undefined || (createdText !== undefined && createdEpochMs === undefined))
      continue;
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
        if (mapping.default_tier === undefined)
          issue('missing_tier', mapping.columns.tier ?? mapping.columns.activity, importMessage.missingTier(true));
        else record.tier = mapping.default_tier;
      }
      if (event.ends_pending === true) record.endsPending = true;
      if (createdEpochMs !== undefined) record.createdEpochMs = createdEpochMs;
      if (counters !== undefined) record.counters = counters;
      records.push(record);
    });
  }
  if (unmapped.size > 0) {
    const list = [...unmapped]
      .map(([activity, seen]) => ({ activity, ...seen }))
      .sort((a, b) => b.rows - a.rows || a.firstLine - b.firstLine);
    issues.unshift({
      code: 'unmapped_activity',
      file,
      line: list[0]!.firstLine,
      path: mapping.columns.activity,
      message: importMessage.unmappedActivities(mappingFile, list),
    });
  }
  if (issues.length > 0) throw new ImportError(issues);
  return {
    form: mapping.format === 'ndjson' ? 'mapped-ndjson' : 'mapped-csv',
    records,
    rows: rows.length,
    activities,
    warnings: [],
  };
}
