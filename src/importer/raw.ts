/**
 * What reading a log produces — raw records, one per row, each remembering its line — and
 * the pieces every form shares: CSV rows (every ragged row listed, a separator told apart),
 * times, cells, and the canonical text that tells duplicate rows apart by their values.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { EventType } from '../eventlog/types.js';
import { ImportError, importMessage, type ImportIssue } from './errors.js';
import type { TimestampResult } from './time.js';

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

/** A canonical text of a parsed JSON value: keys sorted, so key order does not make rows differ. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
}

/** Records the time of a row, or the reason it cannot be read. */
export function timeOf(
  result: TimestampResult,
  found: string,
  issue: (code: string, path: string, message: string) => void,
  column: string,
): number | undefined {
  if ('epochMs' in result) return result.epochMs;
  issue(
    'bad_time',
    column,
    result.problem === 'naive' ? importMessage.naiveTime(found) : importMessage.badTime(found, result.expected),
  );
  return undefined;
}

export function present(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

export interface CsvRow {
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
export function otherDelimiter(text: string, delimiter: string): string | undefined {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (header.includes(delimiter)) return undefined;
  return LIKELY_DELIMITERS.filter((candidate) => candidate !== delimiter && header.includes(candidate)).sort(
    (a, b) => header.split(b).length - header.split(a).length,
  )[0];
}

export function readCsvRows(
  text: string,
  file: string,
  delimiter: string,
  form: 'mapped' | 'event-log',
): { header: string[]; rows: CsvRow[] } {
  const other = otherDelimiter(text, delimiter);
  if (other !== undefined)
    throw new ImportError([
      { code: 'csv_delimiter', file, line: 1, message: importMessage.otherDelimiter(delimiter, other, form) },
    ]);
  let parsed: Array<{ record: string[]; raw: string; info: { lines: number } }>;
  try {
    // With info and raw, csv-parse returns { record, raw, info } per row (its types do not say so).
    // Ragged rows are let through here and listed, every one, below.
    parsed = parseCsv(text, {
      delimiter,
      bom: true,
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ImportError([
      {
        code: 'csv_syntax',
        file,
        ...(line === undefined ? {} : { line }),
        message: importMessage.csvSyntax((error as Error).message.replace(/ on line \d+$/, '')),
      },
    ]);
  }
  if (parsed.length === 0) throw new ImportError([{ code: 'empty_log', file, message: importMessage.emptyLog() }]);
  const width = parsed[0]!.record.length;
  const issues: ImportIssue[] = [];
  const rows = parsed.slice(1).map(({ record, raw, info }) => {
    const row = raw.replace(/\r?\n$/, '');
    // info.lines is the line the record ends on; a quoted field may span lines.
    const line = info.lines - (row.match(/\n/g)?.length ?? 0);
    if (record.length !== width)
      issues.push({ code: 'csv_syntax', file, line, message: importMessage.raggedRow(record.length, width) });
    return { line, text: row, cells: record };
  });
  if (issues.length > 0) throw new ImportError(issues);
  return { header: parsed[0]!.record.map((name) => name.trim()), rows };
}
