/**
 * Reading a help desk's own export through a mapping: a CSV (columns by header name) or
 * NDJSON (keys, or dotted paths into nested objects); missing-value tokens, the creation
 * column, counters and flags; each activity value becomes its event(s). The file is read a
 * row at a time and only each row's record is kept. Every unreadable row and every unmapped
 * activity is collected and reported together.
 */
import { closestMatch } from '../document/suggest.js';
import { ImportError, importMessage, type ImportIssue } from './errors.js';
import type { Mapping } from './mapping.js';
import { canonicalJson, decodeLog, present, readCsvLog, type RawLog } from './raw.js';
import { RowMapper, type RowCells } from './row-mapper.js';
import { LineSplitter } from './stream.js';
import { ByteCells, cellCleaner } from './byte-cells.js';
import { readCsvBytes } from './byte-csv.js';

/** A cell's text, or undefined if it is empty or one of the mapping's missing-value tokens. */
function presentIn(missing: ReadonlySet<string>): (text: string | undefined) => string | undefined {
  return (text) => {
    const value = present(text);
    return value === undefined || missing.has(value) ? undefined : value;
  };
}

/** Where each mapped field is in a CSV export's rows (all must exist in the header). */
function columnPositions(header: string[], file: string, mapping: Mapping): Record<string, number> {
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
  return index;
}

/** A field of a JSON object by a dotted path (`fields.status.name`), as text; objects and lists as JSON. */
function jsonField(object: Record<string, unknown>, path: string): string | undefined {
  let value: unknown = Object.hasOwn(object, path) ? object[path] : undefined;
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

/**
 * The rows of an NDJSON export (one JSON object a line), cells found by key or dotted path,
 * handed to `mapper`. A line that is not a JSON object is an issue; once there is one, the
 * rest of the file is only checked for more of them.
 */
function readNdjsonExport(
  path: string,
  file: string,
  mapping: Mapping,
  mapper: RowMapper,
): ReadRows & { mapper: RowMapper } {
  const value = presentIn(new Set(mapping.missing));
  const columns = mapping.columns as Record<string, string | undefined>;
  const badLines: ImportIssue[] = [];
  let rows = 0;
  const lines = new LineSplitter((line, number) => {
    if (line.trim() === '') return;
    let object: unknown;
    try {
      object = JSON.parse(line);
    } catch (error) {
      badLines.push({ code: 'bad_json', file, line: number, message: importMessage.badJson((error as Error).message) });
      return;
    }
    if (object === null || typeof object !== 'object' || Array.isArray(object)) {
      const found = Array.isArray(object) ? 'a list' : JSON.stringify(object);
      badLines.push({ code: 'bad_json', file, line: number, message: importMessage.badJson(`found ${found}`) });
      return;
    }
    rows++;
    if (badLines.length > 0) return;
    const record = object as Record<string, unknown>;
    mapper.row(number, {
      cell: (field) => (columns[field] === undefined ? undefined : value(jsonField(record, columns[field]!))),
      values: () => canonicalJson(record),
    });
  });
  const { warnings } = decodeLog(path, file, mapping.encoding, true, (text, final) => lines.push(text, final));
  if (badLines.length > 0) throw new ImportError(badLines);
  return { rows, warnings, mapper };
}

/** What reading a file's rows gives: how many, and the decoding's warnings. */
interface ReadRows {
  rows: number;
  warnings: string[];
}

/** Could `text` start or end with white space, or be a missing-value token? (When unsure, yes.) */
function mayNeedCleaning(text: string, missing: ReadonlySet<string>, longestMissing: number): boolean {
  const length = text.length;
  if (length === 0) return false;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(length - 1);
  // Below 0x1680 the only white space past the control characters and the space is U+00A0.
  return (
    first <= 32 ||
    last <= 32 ||
    first >= 0x1680 ||
    last >= 0x1680 ||
    first === 0xa0 ||
    last === 0xa0 ||
    (length <= longestMissing && missing.has(text))
  );
}

/** The cells of a CSV export's row, one object reused for every row (no closures per row). */
class CsvCells implements RowCells {
  cells: string[] = [];
  private readonly missing: ReadonlySet<string>;
  private readonly longestMissing: number;
  private readonly value: (text: string | undefined) => string | undefined;

  constructor(
    mapping: Mapping,
    private readonly index: Record<string, number>,
  ) {
    this.missing = new Set(mapping.missing);
    this.longestMissing = Math.max(0, ...mapping.missing.map((token) => token.length));
    this.value = presentIn(this.missing);
  }

  cell(field: string): string | undefined {
    const position = this.index[field];
    if (position === undefined) return undefined;
    const text = this.cells[position]!;
    // Most cells need no trimming and are no missing-value token: taken as they are, with no set lookup.
    return text.length > 0 && !mayNeedCleaning(text, this.missing, this.longestMissing) ? text : this.value(text);
  }

  /**
   * The time and the ticket are left out: rows are compared within a ticket at an instant,
   * and without its id a row's text is the same as many other tickets' rows, so one copy
   * of it is kept for them all.
   */
  values(): string {
    const cells = this.cells;
    const timeAt = this.index.time!;
    const ticketAt = this.index.ticket!;
    for (let at = 0; at < cells.length; at++) {
      if (at !== timeAt && at !== ticketAt && mayNeedCleaning(cells[at]!, this.missing, this.longestMissing)) {
        const value = (cell: string, position: number) =>
          position === timeAt || position === ticketAt ? '' : (this.value(cell) ?? '');
        return cells.map(value).join('\u0000');
      }
    }
    // Every cell is already as read trimmed, none a missing-value token: joined as they are.
    const time = cells[timeAt]!;
    const ticket = cells[ticketAt]!;
    cells[timeAt] = '';
    cells[ticketAt] = '';
    const joined = cells.join('\u0000');
    cells[timeAt] = time;
    cells[ticketAt] = ticket;
    return joined;
  }
}

/**
 * The rows of a CSV export, cells found by the mapping's column names, handed to a new row
 * mapper: read as bytes (`byte-csv.ts`), or as text when the byte reader declines the file.
 */
function readCsvExport(path: string, file: string, mapping: Mapping): ReadRows & { mapper: RowMapper } {
  const options = { shownAs: file, delimiter: mapping.delimiter, form: 'mapped', encoding: mapping.encoding } as const;
  const missing = new Set(mapping.missing);
  const longestMissing = Math.max(0, ...mapping.missing.map((token) => token.length));
  let mapper = new RowMapper(file, mapping);
  let cells: ByteCells | undefined;
  const read = readCsvBytes(
    path,
    options,
    (header, reread) => {
      cells = new ByteCells(
        columnPositions(header, file, mapping),
        header.length,
        cellCleaner(missing),
        longestMissing,
        reread,
      );
    },
    (row, line) => {
      cells!.load(row);
      mapper.row(line, cells!);
    },
  );
  if (read !== undefined) return { ...read, mapper };
  mapper = new RowMapper(file, mapping);
  let row: CsvCells | undefined;
  const rows = readCsvLog(
    path,
    options,
    (header) => {
      row = new CsvCells(mapping, columnPositions(header, file, mapping));
    },
    (cells, line) => {
      row!.cells = cells;
      mapper.row(line, row!);
    },
  );
  return { ...rows, mapper };
}

/**
 * Reads an export through its mapping, a row at a time (`path` is read, `file` is its name in
 * messages). Throws an `ImportError` listing every unreadable row and unmapped activity.
 */
export function readMapped(path: string, file: string, mapping: Mapping, mappingFile: string): RawLog {
  const { rows, warnings, mapper } =
    mapping.format === 'ndjson'
      ? readNdjsonExport(path, file, mapping, new RowMapper(file, mapping))
      : readCsvExport(path, file, mapping);
  const unmapped = mapper.unmappedIssue(mappingFile);
  const issues = unmapped === undefined ? mapper.issues : [unmapped, ...mapper.issues];
  if (issues.length > 0) throw new ImportError(issues);
  return {
    form: mapping.format === 'ndjson' ? 'mapped-ndjson' : 'mapped-csv',
    records: mapper.kept.records,
    rows,
    duplicates: mapper.kept.duplicates,
    activities: mapper.activities,
    warnings,
  };
}
