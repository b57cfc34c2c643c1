/**
 * Problems with a log or its mapping, and every word said about them (like
 * `document/errors.ts`): a problem names the file, the line (and column, in a mapping),
 * what was read there and why it cannot be used. Any of them means bad input (exit 2).
 */
import { readFileSync } from 'node:fs';
import { listOptions } from '../document/errors.js';

/** One problem, where it was written and why it stops the import. */
export interface ImportIssue {
  /**
   * What kind of problem: `yaml_syntax`, `unknown_key`, `invalid_type`, `invalid_value`,
   * `file_not_found`, `file_unreadable`, `csv_syntax`, `missing_column`, `unknown_column`,
   * `bad_json`, `bad_time`, `missing_ticket`, `unknown_type`, `unmapped_activity`,
   * `missing_created`, `empty_log`, `csv_delimiter`, `missing_tier`, `bad_counter`, `bad_flag`.
   */
  code: string;
  file: string;
  /** 1-based line, when the problem is on one line. */
  line?: number;
  /** 1-based column (mapping files only). */
  column?: number;
  /** The mapping field path ("activities.Wait.type") or the log column the problem is in. */
  path?: string;
  /** The one-line explanation, with what was found. */
  message: string;
}

/** `file:line:column  path`, as much of it as is known. */
export function importIssueLocation(issue: ImportIssue): string {
  let location = issue.file;
  if (issue.line !== undefined) location += `:${issue.line}`;
  if (issue.column !== undefined) location += `:${issue.column}`;
  return issue.path === undefined ? location : `${location}  ${issue.path}`;
}

/** Shown at most per error; the rest are counted. */
const MAXIMUM_SHOWN = 20;

/** Every issue as a two-line block: where, then why. */
export function renderImportIssues(issues: readonly ImportIssue[]): string {
  const shown = issues.slice(0, MAXIMUM_SHOWN).map((issue) => `${importIssueLocation(issue)}\n  ${issue.message}`);
  if (issues.length > MAXIMUM_SHOWN)
    shown.push(`… and ${issues.length - MAXIMUM_SHOWN} more problem(s) of the same kinds`);
  return shown.join('\n');
}

/** A log or mapping that cannot be imported, with every problem found. */
export class ImportError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(renderImportIssues(issues));
    this.name = 'ImportError';
  }
}

const quote = (text: string) => JSON.stringify(text);

export const importMessage = {
  fileNotFound: (what: string, file: string) => `cannot find the ${what} "${file}"`,
  fileUnreadable: (what: string, file: string, reason: string) => `cannot read the ${what} "${file}": ${reason}`,
  emptyLog: () => 'the log holds no rows',
  csvSyntax: (detail: string) => `not valid CSV (RFC 4180): ${detail}`,
  raggedRow: (found: number, expected: number) =>
    `this row has ${found} field(s) but the header has ${expected}: a missing or extra separator, or an ` +
    `unquoted one inside a value`,
  otherDelimiter: (delimiter: string, found: string, form: 'mapped' | 'event-log') =>
    `the header has no ${quote(delimiter)} but has ${quote(found)}: the file seems separated by ${quote(found)}` +
    (form === 'mapped'
      ? ` — set delimiter: ${quote(found)} in the mapping`
      : ` — desksim's event-log CSV is comma-separated; to read another separator give --mapping <file> with ` +
        `delimiter: ${quote(found)} (see docs/metrics.md)`),
  missingTier: (mapped: boolean) =>
    'a queued event needs a tier (the queue it waits in), and this row names none' +
    (mapped
      ? ': map a tier column (columns.tier), give the activity one ({ type: queued, tier: desk }), or set ' +
        'default_tier: in the mapping'
      : ''),
  badCounter: (found: string) => `cannot read the count ${quote(found)}: expected a whole number 0, 1, 2…`,
  badFlag: (found: string) => `cannot read the flag ${quote(found)}: expected true/false (also yes/no, 1/0)`,
  notUtf8: (count: number, line: number, mapped: boolean) =>
    `the file is not valid UTF-8: ${count} byte sequence(s) could not be read (the first on line ${line}) and ` +
    `read as "\uFFFD"; ` +
    (mapped
      ? 'if it is Latin-1 (an older Western-European export), set encoding: latin1 in the mapping'
      : 'give --mapping with encoding: latin1 if it is Latin-1'),
  badJson: (detail: string) => `not a JSON object: ${detail}`,
  missingMappedColumn: (column: string, field: string, columns: readonly string[], suggestion: string | undefined) =>
    `the mapping names column ${quote(column)} (columns.${field}) but the file has no such column` +
    (suggestion === undefined ? '' : ` — did you mean ${quote(suggestion)}?`) +
    ` Its columns: ${listOptions(columns)}`,
  notEventLogCsv: (columns: readonly string[], missing: readonly string[]) =>
    `this CSV is not in desksim's event-log form: it lacks ${missing.map((column) => quote(column)).join(', ')} ` +
    `(the form's columns: ticket, time, type, agent, tier, channel, category, priority, customer, kind, value). ` +
    `Its columns: ${listOptions(columns)}. To import a help desk's own export, give --mapping <file> (see ` +
    `docs/metrics.md).`,
  unknownColumn: (column: string, suggestion: string | undefined) =>
    `unknown column ${quote(column)} in an event-log CSV` +
    (suggestion === undefined ? '' : ` — did you mean ${quote(suggestion)}?`),
  badTime: (found: string, expected: string) => `cannot read the time ${quote(found)}: expected ${expected}`,
  naiveTime: (found: string) =>
    `the time ${quote(found)} has no UTC offset: write it with one (2010-01-13T08:40:25+01:00 or …Z), ` +
    `or set timestamps.timezone in the mapping to the zone such times are in`,
  missingTicket: () => 'no ticket id: every event but shift_started, shift_ended and self_service needs one',
  missingField: (field: string) => `no "${field}": every event needs one`,
  unknownType: (found: string, suggestion: string | undefined) =>
    `unknown event type ${quote(found)}` + (suggestion === undefined ? '' : ` — did you mean ${quote(suggestion)}?`),
  unmappedActivities: (
    mapping: string,
    activities: ReadonlyArray<{ activity: string; rows: number; firstLine: number }>,
  ) =>
    `${activities.length} activity value(s) are not in the activities: table of ${mapping}:\n` +
    activities
      .map(({ activity, rows, firstLine }) => `    ${quote(activity)}: ${rows} row(s), first on line ${firstLine}`)
      .join('\n') +
    `\n  Add each one to activities: as an event type (created, assigned, resolved, …) or as ignore (counted ` +
    `in the report, never used).`,
  missingCreated: (ticket: string) =>
    `ticket ${quote(ticket)} has no created event before its first event here (missing_created: error); ` +
    'set missing_created: synthesize to create it at its first event',
} as const;

/** Reads a text file; a missing or unreadable one is an `ImportError` naming `what` it is. */
export function readTextFile(file: string, shownAs: string, what: string): string {
  return new TextDecoder().decode(readBytes(file, shownAs, what));
}

/**
 * Runs `read` on a file; the file missing or unreadable (an error from the file system, not
 * from what was read) becomes an `ImportError` naming the log.
 */
export function readingFile<T>(shownAs: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ImportError || (error as NodeJS.ErrnoException).syscall === undefined) throw error;
    throw fileError(error as NodeJS.ErrnoException, 'log', shownAs);
  }
}

function fileError(error: NodeJS.ErrnoException, what: string, shownAs: string): ImportError {
  const missing = error.code === 'ENOENT' || error.code === 'ENOTDIR';
  return new ImportError([
    {
      code: missing ? 'file_not_found' : 'file_unreadable',
      file: shownAs,
      message: missing
        ? importMessage.fileNotFound(what, shownAs)
        : importMessage.fileUnreadable(what, shownAs, error.message),
    },
  ]);
}

function readBytes(file: string, shownAs: string, what: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    throw fileError(error as NodeJS.ErrnoException, what, shownAs);
  }
}
