/**
 * What reading a log produces — raw records, one per row, each remembering its line — and
 * the pieces every form shares: CSV rows read a piece at a time (every ragged row listed, a
 * separator told apart), times, cells, and the canonical text that tells duplicate rows
 * apart by their values.
 */
import type { EventType } from '../eventlog/types.js';
import { ImportError, importMessage, readingFile, type ImportIssue } from './errors.js';
import { RecordColumns } from './records.js';
import { CsvRowParser, CsvSyntaxError, decodeFile, detached } from './stream.js';
import type { TimestampResult } from './time.js';

/** The optional fields of an event, as read. */
export const EVENT_FIELDS = ['agent', 'tier', 'channel', 'category', 'priority', 'customer', 'kind', 'value'] as const;

/** One row of the log, read but not cleaned. */
export interface RawRecord {
  /** 1-based line of the file where the row starts. */
  line: number;
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
  /** One record per event of each row kept, as columns (`records.ts`). */
  records: RecordColumns;
  /** Data rows in the file (an activity mapped to several events gives a row several records). */
  rows: number;
  /**
   * Rows dropped as duplicates while reading: a row with the same values as an earlier one
   * (cells unquoted and trimmed, the time as an instant), however each was quoted or its
   * time written. Their records are not kept.
   */
  duplicates: number;
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

/** Separators a CSV export may use instead of the one expected. */
const LIKELY_DELIMITERS = [';', '\t', '|', ','];

/**
 * The separator the header line seems to use, when it is not `delimiter`: the header has
 * none of `delimiter` and some of another likely one.
 */
export function otherDelimiter(header: string, delimiter: string): string | undefined {
  if (header.includes(delimiter)) return undefined;
  return LIKELY_DELIMITERS.filter((candidate) => candidate !== delimiter && header.includes(candidate)).sort(
    (a, b) => header.split(b).length - header.split(a).length,
  )[0];
}

/** How a CSV log is read. */
export interface CsvReadOptions {
  /** The file's name as shown in messages. */
  shownAs: string;
  delimiter: string;
  form: 'mapped' | 'event-log';
  /** The mapping's encoding (default UTF-8). */
  encoding?: string;
}

/**
 * Reads a CSV log row by row, never whole: the header (names trimmed) to `onHeader`, then
 * each data row with the line it starts on to `onRow`. A wrong separator, a syntax error or
 * an empty file is an `ImportError`; rows with more or fewer fields than the header are
 * all listed in one, after the whole file was read. Returns the data rows read and the
 * decoding's warnings.
 */
export function readCsvLog(
  path: string,
  options: CsvReadOptions,
  onHeader: (header: string[]) => void,
  onRow: (cells: string[], line: number) => void,
): { rows: number; warnings: string[] } {
  const file = options.shownAs;
  const ragged: ImportIssue[] = [];
  let header: string[] | undefined;
  let rows = 0;
  const parser = new CsvRowParser(options.delimiter, (cells, line) => {
    if (header === undefined) {
      const other = otherDelimiter(parser.firstLine ?? '', options.delimiter);
      if (other !== undefined) {
        const message = importMessage.otherDelimiter(options.delimiter, other, options.form);
        throw new ImportError([{ code: 'csv_delimiter', file, line: 1, message }]);
      }
      header = cells.map((name) => name.trim());
      onHeader(header);
      return;
    }
    rows++;
    if (cells.length !== header.length) {
      ragged.push({ code: 'csv_syntax', file, line, message: importMessage.raggedRow(cells.length, header.length) });
      return;
    }
    // Rows past a ragged one are still read (every ragged row is listed) but not used.
    if (ragged.length === 0) onRow(cells, line);
  });
  const { warnings } = decodeLog(path, file, options.encoding, options.form === 'mapped', (text, final) => {
    try {
      parser.push(text, final);
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      const message = importMessage.csvSyntax(error.message);
      throw new ImportError([{ code: 'csv_syntax', file, line: error.line, message }]);
    }
  });
  if (header === undefined) throw new ImportError([{ code: 'empty_log', file, message: importMessage.emptyLog() }]);
  if (ragged.length > 0) throw new ImportError(ragged);
  return { rows, warnings };
}

/**
 * Decodes a log file piece by piece (`stream.ts`), as an `ImportError` when it cannot be
 * read or holds nothing but white space.
 */
export function decodeLog(
  path: string,
  shownAs: string,
  encoding: string | undefined,
  mapped: boolean,
  onText: (text: string, final: boolean) => void,
): { warnings: string[] } {
  let content = false;
  let blank = '';
  const result = readingFile(shownAs, () =>
    decodeFile(path, encoding, mapped, (text, final) => {
      // White space before the first visible character is held back: a blank file is an empty log, not a bad header.
      if (!content) {
        if (!/\S/.test(text)) {
          blank += text;
          if (!final) return;
          throw new ImportError([{ code: 'empty_log', file: shownAs, message: importMessage.emptyLog() }]);
        }
        content = true;
        text = blank + text;
        blank = '';
      }
      onText(text, final);
    }),
  );
  return result;
}

/** A copy of a typed column, `length` long. */
function grownTo<T extends Int32Array | Float64Array>(column: T, length: number): T {
  const larger = new (column.constructor as new (length: number) => T)(Math.max(length, column.length * 2));
  larger.set(column);
  return larger;
}

/**
 * A row's values as a number told only when wanted (`byte-cells.ts`): for a row that shares
 * its ticket and instant with an earlier one, the earlier row then read again by its offset.
 */
export interface LaterValues {
  /** The id of the row's values (from 1), equal exactly when the values are. */
  values(): number;
  /** Where the row starts in the file, or -1 when its values must be told now. */
  offset(): number;
  /** `values` of the row that started at `offset`. */
  valuesAt(offset: number): number;
}

/**
 * The records kept of a log's rows while it is read: each row's record unless it repeats an
 * earlier row's values (a duplicate, counted), its texts shared between rows.
 */
export class KeptRows {
  readonly records = new RecordColumns();
  duplicates = 0;
  /**
   * The instants and values of the rows read, by ticket id (rows without one by instant): a
   * ticket has few rows, so a duplicate is told by comparing a few numbers and texts.
   */
  private readonly byTicket: Array<Array<number | string> | undefined> = [];
  private readonly byInstant = new Map<number, Array<string | number>>();
  private readonly strings = new Map<string, string>();
  /** One copy of each row text told: rows of many tickets often read the same but for the id. */
  private readonly valueTexts = new Map<string, string>();
  /** Rows whose values are numbers (`numberedDuplicate`), from 1; 0 ends a ticket's chain. */
  private readonly numbered = {
    count: 0,
    latest: new Int32Array(1024),
    instant: new Float64Array(1024),
    values: new Float64Array(1024),
    previous: new Int32Array(1024),
  };

  /**
   * Is a row of the ticket `ticketId` (`records.ticketId`; 0 for none) at `epochMs` with these
   * `values` (its cells but the time; the ticket's own may be left out) a duplicate of an
   * earlier one? Remembers it if not. A reader gives `values` as texts, or as numbers equal
   * exactly when the texts are (`byte-cells.ts`), the same way for every row of a log.
   */
  duplicate(ticketId: number, epochMs: number, values: string | number | LaterValues): boolean {
    if (typeof values === 'object') {
      if (ticketId !== 0) return this.numberedDuplicate(ticketId, epochMs, values);
      values = values.values();
    }
    if (typeof values === 'number' && ticketId !== 0) return this.numberedDuplicate(ticketId, epochMs, values);
    if (ticketId === 0) {
      const earlier = this.byInstant.get(epochMs);
      if (earlier === undefined) {
        this.byInstant.set(epochMs, [values]);
        return false;
      }
      if (earlier.includes(values)) {
        this.duplicates++;
        return true;
      }
      earlier.push(values);
      return false;
    }
    let shared: string | number | undefined = values;
    if (typeof values === 'string') {
      shared = this.valueTexts.get(values);
      if (shared === undefined) this.valueTexts.set(values, (shared = values));
    }
    const earlier = this.byTicket[ticketId];
    if (earlier === undefined) {
      this.byTicket[ticketId] = [epochMs, shared];
      return false;
    }
    for (let at = 0; at < earlier.length; at += 2) {
      if (earlier[at] === epochMs && earlier[at + 1] === shared) {
        this.duplicates++;
        return true;
      }
    }
    earlier.push(epochMs, shared);
    return false;
  }

  /**
   * `duplicate` for values given as numbers: each row's instant and values in typed columns,
   * chained to the ticket's row before it — no array per ticket (a million rows' instants as
   * heap numbers in 284 k arrays were a large part of the garbage collector's marking).
   * Values told later (`LaterValues`) are kept as -1 - the row's offset until a row of the
   * same ticket at the same instant wants them: most rows never compare their values.
   */
  private numberedDuplicate(ticketId: number, epochMs: number, given: number | LaterValues): boolean {
    const rows = this.numbered;
    if (ticketId >= rows.latest.length) rows.latest = grownTo(rows.latest, ticketId + 1);
    // 0: not told yet (ids start at 1).
    let values = typeof given === 'number' ? given : 0;
    for (let row = rows.latest[ticketId]!; row !== 0; row = rows.previous[row]!) {
      if (rows.instant[row] !== epochMs) continue;
      if (values === 0) values = (given as LaterValues).values();
      let earlier = rows.values[row]!;
      if (earlier < 0) rows.values[row] = earlier = (given as LaterValues).valuesAt(-1 - earlier);
      if (earlier === values) {
        this.duplicates++;
        return true;
      }
    }
    if (values === 0) {
      const offset = (given as LaterValues).offset();
      values = offset < 0 ? (given as LaterValues).values() : -1 - offset;
    }
    const row = ++rows.count;
    if (row >= rows.instant.length) {
      rows.instant = grownTo(rows.instant, row * 2);
      rows.values = grownTo(rows.values, row * 2);
      rows.previous = grownTo(rows.previous, row * 2);
    }
    rows.instant[row] = epochMs;
    rows.values[row] = values;
    rows.previous[row] = rows.latest[ticketId]!;
    rows.latest[ticketId] = row;
    return false;
  }

  /** One copy of a text for all the rows that hold it. */
  text(value: string): string {
    let kept = this.strings.get(value);
    if (kept === undefined) {
      kept = detached(value);
      this.strings.set(kept, kept);
    }
    return kept;
  }
}
