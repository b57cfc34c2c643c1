/**
 * Reading a UTF-8 CSV export as bytes: rows are cut in the file's own buffer, and a row is
 * handed on as the byte ranges of its cells — no text for the chunk, the row or a cell. The
 * reader of the rows (`byte-cells.ts`) decodes only the cells it needs, once per distinct
 * value. On the 156 MB Helpdesk export the string reader (`stream.ts`) made a text of each
 * 64 KiB chunk, of each row and of each of its ten cells: the parse, and the garbage it left,
 * were half of `desksim metrics`.
 *
 * It reads what the string reader reads, row for row, line for line, error for error: a row
 * without a quote is cut at its separators here; a row with one is cut by the string parser
 * (`CsvRowParser`) on that row's text alone, so quoting rules and their messages have one
 * home. A file this reader is not sure of — not valid UTF-8, a multi-character separator,
 * white space or a quote before the header ends — is declined (`undefined`) and read by the
 * string reader, which says all there is to say about it.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { ImportError, importMessage, readingFile, type ImportIssue } from './errors.js';
import { otherDelimiter, type CsvReadOptions } from './raw.js';
import { CsvRowParser, CsvSyntaxError, sequenceBoundary } from './stream.js';

/** Bytes read at a time; a row longer than this grows the buffer. */
const CHUNK_BYTES = 1 << 20;
const NEWLINE = 10;
const RETURN = 13;
const QUOTE = 34;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16_777_619;

/** One row's cells as byte ranges of `bytes`, with a hash of each cell's bytes (FNV-1a). */
export class ByteRow {
  bytes: Buffer = Buffer.alloc(0);
  count = 0;
  /** Where the row starts in the file; -1 for a row the string parser cut (it had a quote). */
  offset = -1;
  starts = new Int32Array(16);
  ends = new Int32Array(16);
  hashes = new Int32Array(16);

  /** Records cell `cell` (growing the columns when a row has more cells than the last). */
  set(cell: number, start: number, end: number, hash: number): void {
    if (cell >= this.starts.length) {
      const grow = (column: Int32Array) => {
        const larger = new Int32Array(column.length * 2);
        larger.set(column);
        return larger;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.hashes = grow(this.hashes);
    }
    this.starts[cell] = start;
    this.ends[cell] = end;
    this.hashes[cell] = hash;
  }
}

/** The FNV-1a hash of bytes `start`–`end`, as the tokenizer computes it while cutting. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let at = start; at < end; at++) hash = Math.imul(hash ^ bytes[at]!, FNV_PRIME);
  return hash;
}

/** The cells of string rows (quoted ones) as bytes of one scratch buffer. */
function stringRow(row: ByteRow, cells: readonly string[]): void {
  const encoded = cells.map((cell) => Buffer.from(cell, 'utf8'));
  const bytes = Buffer.concat(encoded);
  let at = 0;
  for (let cell = 0; cell < encoded.length; cell++) {
    const end = at + encoded[cell]!.length;
    row.set(cell, at, end, hashBytes(bytes, at, end));
    at = end;
  }
  row.bytes = bytes;
  row.count = cells.length;
  row.offset = -1;
}

/**
 * Cuts bytes `start`–`end` of `row.bytes` at the separators, hashing each cell on the way;
 * false (the row half set) when a quote sends the row to the string parser.
 */
function cutCells(row: ByteRow, start: number, end: number, delimiter: number): boolean {
  const bytes = row.bytes;
  let cell = 0;
  let from = start;
  let hash = FNV_OFFSET;
  for (let at = start; at < end; at++) {
    const byte = bytes[at]!;
    if (byte === delimiter) {
      row.set(cell++, from, at, hash);
      from = at + 1;
      hash = FNV_OFFSET;
    } else if (byte === QUOTE) return false;
    else hash = Math.imul(hash ^ byte, FNV_PRIME);
  }
  row.set(cell++, from, end, hash);
  row.count = cell;
  return true;
}

/**
 * Reads again the row without a quote that starts at `offset` of the file into `row` (its
 * own buffer): a row the reader has moved past, wanted again only now and then.
 */
function rereadRow(descriptor: number, offset: number, row: ByteRow, delimiter: number): void {
  let bytes = row.bytes.length > 0 ? row.bytes : Buffer.allocUnsafe(1 << 12);
  for (;;) {
    const read = readSync(descriptor, bytes, 0, bytes.length, offset);
    const newline = bytes.subarray(0, read).indexOf(NEWLINE);
    if (newline >= 0 || read < bytes.length) {
      const stop = newline < 0 ? read : newline;
      row.bytes = bytes;
      cutCells(row, 0, stop > 0 && bytes[stop - 1] === RETURN ? stop - 1 : stop, delimiter);
      row.offset = offset;
      return;
    }
    bytes = Buffer.allocUnsafe(bytes.length * 2);
  }
}

/** Fills a row with the cells of the row that starts at a file offset (`ByteRow.offset`). */
export type RowRereader = (offset: number, row: ByteRow) => void;

/**
 * Reads a CSV export's rows as bytes: the header (names trimmed) to `onHeader`, each data
 * row (reused between calls) with its line to `onRow`; the same errors as `readCsvLog`.
 * Returns undefined, having handed on nothing but perhaps the header, when the file is one
 * to read as text (see the module's comment): the caller starts again with `readCsvLog`.
 */
export function readCsvBytes(
  path: string,
  options: CsvReadOptions,
  onHeader: (header: string[], reread: RowRereader) => void,
  onRow: (row: ByteRow, line: number) => void,
): { rows: number; warnings: string[] } | undefined {
  const encoding = options.encoding;
  const delimiter = options.delimiter.charCodeAt(0);
  if ((encoding !== undefined && !/^utf-?8$/i.test(encoding)) || options.delimiter.length !== 1 || delimiter >= 128)
    return undefined;
  const file = options.shownAs;
  // A pipe or a device is read as text, as it streams: the byte reader may give up part-way
  // and start again, and reads earlier rows again by their offsets, which a pipe cannot do.
  if (!readingFile(file, () => statSync(path).isFile())) return undefined;
  const descriptor = readingFile(file, () => openSync(path, 'r'));
  try {
    return readingFile(file, () => readRows(descriptor, file, options, delimiter, onHeader, onRow));
  } finally {
    closeSync(descriptor);
  }
}

function readRows(
  descriptor: number,
  file: string,
  options: CsvReadOptions,
  delimiter: number,
  onHeader: (header: string[], reread: RowRereader) => void,
  onRow: (row: ByteRow, line: number) => void,
): { rows: number; warnings: string[] } | undefined {
  const ragged: ImportIssue[] = [];
  const row = new ByteRow();
  let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let carried = 0;
  /** Where the buffer's first byte is in the file. */
  let base = 0;
  /** Bytes of the buffer checked to be UTF-8 (whole sequences). */
  let checked = 0;
  let columns = -1;
  let rows = 0;
  let line = 1;
  const syntaxError = (error: unknown, offset: number) => {
    if (!(error instanceof CsvSyntaxError)) throw error;
    const message = importMessage.csvSyntax(error.message);
    return new ImportError([{ code: 'csv_syntax', file, line: error.line + offset, message }]);
  };
  for (;;) {
    if (carried === buffer.length) {
      const larger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(larger, 0, 0, carried);
      buffer = larger;
    }
    const read = readSync(descriptor, buffer, carried, buffer.length - carried, null);
    const length = carried + read;
    const final = read === 0;
    const whole = final ? length : sequenceBoundary(buffer, length);
    if (!isUtf8(buffer.subarray(checked, whole))) return undefined;
    checked = whole;
    const bytes = buffer.subarray(0, length);
    let position = 0;
    if (columns < 0) {
      // The header: after the byte-order marks the decoder and the parser each drop, a line without a quote.
      for (let marks = 0; marks < 2 && bytes[position] === 0xef && bytes[position + 1] === 0xbb; marks++) {
        if (bytes[position + 2] === 0xbf) position += 3;
      }
      const newline = bytes.indexOf(NEWLINE, position);
      if (newline < 0 && !final) {
        if (length > 1 << 24) return undefined;
        carried = length;
        continue;
      }
      const stop = newline < 0 ? length : newline;
      const first = bytes[position];
      if (first === undefined || first <= 32 || first >= 128 || bytes.subarray(position, stop).includes(QUOTE))
        return undefined;
      const end = bytes[stop - 1] === RETURN ? stop - 1 : stop;
      const firstLine = bytes.toString('utf8', position, end);
      const other = otherDelimiter(firstLine, options.delimiter);
      if (other !== undefined) {
        const message = importMessage.otherDelimiter(options.delimiter, other, options.form);
        throw new ImportError([{ code: 'csv_delimiter', file, line: 1, message }]);
      }
      const header = firstLine.split(options.delimiter).map((name) => name.trim());
      columns = header.length;
      onHeader(header, (offset, into) => rereadRow(descriptor, offset, into, delimiter));
      line = 2;
      position = stop + 1;
    }
    row.bytes = bytes;
    while (position < length) {
      const newline = bytes.indexOf(NEWLINE, position);
      if (newline < 0 && !final) break;
      const stop = newline < 0 ? length : newline;
      const end = stop > position && bytes[stop - 1] === RETURN ? stop - 1 : stop;
      if (end === position) {
        line++;
        position = stop + 1;
        continue;
      }
      if (cutCells(row, position, end, delimiter)) {
        row.offset = base + position;
        rows++;
        if (row.count !== columns) {
          ragged.push({ code: 'csv_syntax', file, line, message: importMessage.raggedRow(row.count, columns) });
        } else if (ragged.length === 0) onRow(row, line);
        line++;
        position = stop + 1;
        continue;
      }
      const rowEnd = quotedRowEnd(bytes, position, length);
      if (rowEnd < 0 && !final) break;
      const to = rowEnd < 0 ? length : rowEnd + 1;
      // A line break first, so the parser takes nothing at the row's start for a byte-order mark.
      const text = '\n' + bytes.toString('utf8', position, to);
      const parsed: Array<{ cells: string[]; line: number }> = [];
      try {
        new CsvRowParser(options.delimiter, (cells, at) => parsed.push({ cells, line: at })).push(text, true);
      } catch (error) {
        throw syntaxError(error, line - 2);
      }
      for (const { cells, line: at } of parsed) {
        stringRow(row, cells);
        rows++;
        const rowLine = at + line - 2;
        if (cells.length !== columns) {
          ragged.push({
            code: 'csv_syntax',
            file,
            line: rowLine,
            message: importMessage.raggedRow(cells.length, columns),
          });
        } else if (ragged.length === 0) onRow(row, rowLine);
      }
      row.bytes = bytes;
      for (let at = position; at < to; at++) if (bytes[at] === NEWLINE) line++;
      if (to === length && bytes[to - 1] !== NEWLINE) line++;
      position = to;
    }
    if (final) break;
    buffer.copy(buffer, 0, position, length);
    base += position;
    carried = length - position;
    checked -= position;
  }
  if (columns < 0) throw new ImportError([{ code: 'empty_log', file, message: importMessage.emptyLog() }]);
  if (ragged.length > 0) throw new ImportError(ragged);
  return { rows, warnings: [] };
}

/** The newline that ends a row starting at `start`, quotes paired (RFC 4180); -1 when it is past `length`. */
function quotedRowEnd(bytes: Uint8Array, start: number, length: number): number {
  let inside = false;
  for (let at = start; at < length; at++) {
    const byte = bytes[at]!;
    if (byte === QUOTE) inside = !inside;
    else if (byte === NEWLINE && !inside) return at;
  }
  return -1;
}
