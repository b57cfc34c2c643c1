/**
 * Reading a log file a piece at a time: the bytes in chunks of 64 KiB, decoded, cut
 * into lines (NDJSON) or CSV rows (RFC 4180), each handed on with the line it starts on.
 * The file is never held whole, as text or as rows: what a reader keeps of a row is its
 * own business.
 *
 * Why hand-written and not csv-parse (still used for nothing else here): on the 156 MB
 * Helpdesk export csv-parse 7 parses 6 MB/s (3 MB/s with the `info` and `raw` the importer
 * needed for line numbers), a tenth of what this parser does. Rows without a quote — nearly
 * every row of an export — are cut with `indexOf` and `split`; a row with a quote goes
 * through a small state machine that follows quoted values across lines and chunks.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { importMessage } from './errors.js';

/**
 * Bytes read at a time: 64 KiB, so each chunk's text is small enough for V8's young
 * generation, where it dies cheaply (a mebibyte's went to the large-object space and stayed
 * until a full collection: 10 % more peak memory).
 */
const CHUNK_BYTES = 1 << 16;

/** A problem in the CSV's syntax, at the line its row starts on. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(detail);
    this.name = 'CsvSyntaxError';
  }
}

/** What decoding a file found: a warning when it is not valid UTF-8. */
export interface DecodeResult {
  warnings: string[];
}

/**
 * Decodes a file chunk by chunk and hands each piece of text on (`final` on the last).
 * UTF-8 (the default) is checked strictly; a file that is not valid UTF-8 is read with
 * replacement characters and a warning that says where and what to set — not silently.
 */
export function decodeFile(
  file: string,
  encoding: string | undefined,
  mapped: boolean,
  onText: (text: string, final: boolean) => void,
): DecodeResult {
  const utf8 = encoding === undefined || /^utf-?8$/i.test(encoding);
  const other = utf8 ? undefined : new TextDecoder(encoding);
  const strict = new TextDecoder('utf-8', { fatal: true });
  const strictInside = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const lenient = new TextDecoder('utf-8');
  const lenientInside = new TextDecoder('utf-8', { ignoreBOM: true });
  let valid = true;
  let newlines = 0;
  let replacements = 0;
  let firstReplacementLine: number | undefined;
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let carried = 0;
  let first = true;
  const descriptor = openSync(file, 'r');
  try {
    for (;;) {
      const read = readSync(descriptor, buffer, carried, CHUNK_BYTES - carried, null);
      const length = carried + read;
      const final = read === 0;
      if (other !== undefined) {
        onText(other.decode(buffer.subarray(0, length), { stream: !final }), final);
        if (final) break;
        carried = 0;
        continue;
      }
      // Whole UTF-8 sequences only: a chunk ends before a sequence the next read completes.
      const end = final ? length : sequenceBoundary(buffer, length);
      const bytes = buffer.subarray(0, end);
      let text: string | undefined;
      if (valid) {
        try {
          text = (first ? strict : strictInside).decode(bytes);
        } catch {
          valid = false;
        }
      }
      text ??= (first ? lenient : lenientInside).decode(bytes);
      // Every replacement character is counted, as reading the whole text would; said only if the file is invalid.
      const replacement = text.indexOf('\uFFFD');
      if (replacement >= 0) {
        firstReplacementLine ??= newlines + countNewlines(text, 0, replacement) + 1;
        replacements += countOf(text, '\uFFFD');
      }
      newlines += countNewlines(text, 0, text.length);
      first = false;
      onText(text, final);
      if (final) break;
      buffer.copy(buffer, 0, end, length);
      carried = length - end;
    }
  } finally {
    closeSync(descriptor);
  }
  if (valid) return { warnings: [] };
  return { warnings: [importMessage.notUtf8(replacements, firstReplacementLine ?? 1, mapped)] };
}

/** The end of the last whole UTF-8 sequence in the first `length` bytes. */
export function sequenceBoundary(bytes: Uint8Array, length: number): number {
  // A sequence is at most 4 bytes: look back over continuation bytes (10xxxxxx) to its lead.
  for (let back = 1; back <= 4 && back <= length; back++) {
    const byte = bytes[length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const size = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return size > back ? length - back : length;
  }
  return length;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function countOf(text: string, character: string): number {
  let count = 0;
  for (let at = text.indexOf(character); at >= 0; at = text.indexOf(character, at + 1)) count++;
  return count;
}

/**
 * A copy of a cell's text that holds nothing else: a cut of a long string keeps the whole
 * string alive in V8, and a kept cell must not keep its whole chunk.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (text + ' ').slice(0, -1);
}

/** Hands on each line of the text pushed (its `\r` removed) with its 1-based number. */
export class LineSplitter {
  private rest = '';
  private line = 1;

  constructor(private readonly onLine: (text: string, line: number) => void) {}

  push(text: string, final: boolean): void {
    const buffer = this.rest + text;
    let position = 0;
    for (;;) {
      const end = buffer.indexOf('\n', position);
      if (end < 0) break;
      this.onLine(trimReturn(buffer, position, end), this.line++);
      position = end + 1;
    }
    this.rest = buffer.slice(position);
    if (final && this.rest !== '') {
      this.onLine(trimReturn(this.rest, 0, this.rest.length), this.line++);
      this.rest = '';
    }
  }
}

function trimReturn(text: string, from: number, to: number): string {
  return text.slice(from, to > from && text.charCodeAt(to - 1) === 13 ? to - 1 : to);
}

const QUOTE_ADVICE = 'quote the whole value, and double each quote inside it';
const QUOTE = 34;
const NEWLINE = 10;
const RETURN = 13;

/**
 * Cuts pushed text into CSV rows (RFC 4180): fields separated by `delimiter`, rows by `\n`
 * or `\r\n`, a field in double quotes may hold separators, line breaks and doubled quotes.
 * Empty lines are skipped; a leading byte-order mark is dropped. Each row is handed on with
 * the line it starts on; a quote inside an unquoted value, text after a closing quote or a
 * quote never closed throws a `CsvSyntaxError`.
 */
export class CsvRowParser {
  private rest = '';
  private line = 1;
  private started = false;
  /** The header line as written (before any parsing), for telling a wrong separator. */
  firstLine: string | undefined;

  constructor(
    private readonly delimiter: string,
    private readonly onRow: (cells: string[], line: number) => void,
  ) {}

  push(text: string, final: boolean): void {
    if (this.started && this.rest !== '') {
      // The row cut by the chunk's start is finished on its own, so the chunk is not copied
      // into one new string with it. A row
      // whose quoted value runs past that line is left to the whole-buffer path below.
      const newline = text.indexOf('\n');
      if (newline >= 0) {
        const rest = this.rest;
        this.rest = '';
        this.parse(rest + text.slice(0, newline + 1), false);
        if (this.rest === '') text = text.slice(newline + 1);
        else this.rest = rest;
      }
    }
    this.parse(text, final);
  }

  /** Parses the rows of what is left of the previous text followed by `text`; what is left now is kept. */
  private parse(text: string, final: boolean): void {
    let buffer = this.rest === '' ? text : this.rest + text;
    if (!this.started) {
      if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
      const end = buffer.indexOf('\n');
      if (end < 0 && !final) {
        this.rest = buffer;
        return;
      }
      this.started = true;
      this.firstLine = trimReturn(buffer, 0, end < 0 ? buffer.length : end);
    }
    const length = buffer.length;
    let position = 0;
    // The next quote at or after position (length when none): rows before it are cut fast.
    let quote = buffer.indexOf('"');
    if (quote < 0) quote = length;
    while (position < length) {
      const newline = buffer.indexOf('\n', position);
      if (newline < 0 && !final) break;
      const stop = newline < 0 ? length : newline;
      if (quote < position) {
        quote = buffer.indexOf('"', position);
        if (quote < 0) quote = length;
      }
      if (quote >= stop) {
        const end = stop > position && buffer.charCodeAt(stop - 1) === RETURN ? stop - 1 : stop;
        if (end > position) this.onRow(buffer.slice(position, end).split(this.delimiter), this.line);
        this.line++;
        position = stop + 1;
        continue;
      }
      const row = this.quotedRow(buffer, position, final);
      if (row === undefined) break;
      this.onRow(row.cells, this.line);
      this.line += 1 + row.newlines;
      position = row.next;
    }
    this.rest = position >= length ? '' : buffer.slice(position);
    if (final && this.rest !== '') throw new CsvSyntaxError(this.line, 'the file ends inside a row');
  }

  /** A row holding a quote, from `start`; undefined when the text pushed so far ends inside it. */
  private quotedRow(
    buffer: string,
    start: number,
    final: boolean,
  ): { cells: string[]; next: number; newlines: number } | undefined {
    const delimiter = this.delimiter;
    const length = buffer.length;
    const cells: string[] = [];
    let newlines = 0;
    let position = start;
    for (;;) {
      if (buffer.charCodeAt(position) === QUOTE) {
        let value = '';
        let from = position + 1;
        for (;;) {
          const close = buffer.indexOf('"', from);
          if (close < 0 || close + 1 >= length) {
            if (!final) return undefined;
            if (close < 0) {
              const field = cells.length + 1;
              const detail = `a quoted value (field ${field}) is never closed: the file ends inside it`;
              throw new CsvSyntaxError(this.line, detail);
            }
          }
          value += buffer.slice(from, close);
          if (buffer.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            from = close + 2;
            continue;
          }
          position = close + 1;
          break;
        }
        newlines += countNewlines(value, 0, value.length);
        cells.push(value);
        const next = buffer.charCodeAt(position);
        if (position >= length) return { cells, next: position, newlines };
        if (buffer.startsWith(delimiter, position)) {
          position += delimiter.length;
          continue;
        }
        if (next === NEWLINE) return { cells, next: position + 1, newlines };
        if (next === RETURN && position + 1 >= length && !final) return undefined;
        if (next === RETURN && (position + 1 >= length || buffer.charCodeAt(position + 1) === NEWLINE)) {
          return { cells, next: position + 2, newlines };
        }
        throw new CsvSyntaxError(
          this.line + newlines,
          `field ${cells.length} has text after its closing quote: ${QUOTE_ADVICE}`,
        );
      }
      const newline = buffer.indexOf('\n', position);
      const separator = buffer.indexOf(delimiter, position);
      const rowEnd = newline < 0 ? length : newline;
      const end = separator >= 0 && separator < rowEnd ? separator : rowEnd;
      const quote = buffer.indexOf('"', position);
      if (quote >= 0 && quote < end) {
        throw new CsvSyntaxError(
          this.line + newlines,
          `field ${cells.length + 1} holds a quote but does not start with one: ${QUOTE_ADVICE}`,
        );
      }
      if (end === separator && separator >= 0 && separator < rowEnd) {
        cells.push(buffer.slice(position, end));
        position = end + delimiter.length;
        continue;
      }
      if (newline < 0 && !final) return undefined;
      const cut = end > position && buffer.charCodeAt(end - 1) === RETURN ? end - 1 : end;
      cells.push(buffer.slice(position, cut));
      return { cells, next: end + 1, newlines };
    }
  }
}
