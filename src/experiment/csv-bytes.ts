/**
 * CSV text written as UTF-8 bytes into one reused buffer (`ticket-csv.ts`): a large table
 * is formatted without a string per cell, per row or per chunk. Numbers are the bytes of
 * `String(value)` (what `csvField` writes): whole numbers by their digits, fractions by
 * `writeFraction` (number-text.ts; `String` once for the few it leaves), and a number equal
 * to the one written just before (a ticket's first response, resolution and handle time
 * often are) copied from the buffer. No Node API: the browser page bundles it.
 */
import { writeFraction, writeWhole } from './number-text.js';

/** Largest whole number written digit by digit: every integer up to it is exact in a double. */
const LARGEST_DIGITS = 2 ** 53;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const MINUS = 0x2d;
const ZERO = 0x30;
/** Bytes `writeFraction` may write. */
const FRACTION_ROOM = 25;

const encoder = new TextEncoder();

/** Text as its UTF-8 bytes (fields built once: dictionary values, statuses, the header). */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * A buffer of CSV bytes: fields appended, rows ended, the whole handed on and emptied by
 * `flush`. A row never straddles two flushes, so every chunk is whole UTF-8 text.
 */
export class CsvBytes {
  private bytes: Uint8Array;
  /** Bytes in use. */
  length = 0;
  /** Where the last number written through `String` starts and ends (-1: none in this buffer). */
  private lastStart = -1;
  private lastEnd = -1;
  private lastValue = Number.NaN;

  /**
   * @param capacity - bytes held before `full()` says so (the buffer grows past it only for a
   *   row longer than what is left).
   * @param sink - receives each chunk; the bytes are reused after it returns.
   */
  constructor(
    private readonly capacity: number,
    private readonly sink: (bytes: Uint8Array) => void,
  ) {
    this.bytes = new Uint8Array(capacity + 4096);
  }

  /** Is the buffer past its capacity (time to `flush` after the row)? */
  full(): boolean {
    return this.length >= this.capacity;
  }

  /** Hands the bytes written so far to the sink and starts again. */
  flush(): void {
    if (this.length > 0) this.sink(this.bytes.subarray(0, this.length));
    this.length = 0;
    this.lastStart = -1;
  }

  /** Room for `count` more bytes (a long text field): the buffer grows, keeping its contents. */
  private reserve(count: number): void {
    if (this.length + count <= this.bytes.length) return;
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + count));
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
  }

  comma(): void {
    this.reserve(1);
    this.bytes[this.length++] = COMMA;
  }

  newline(): void {
    this.reserve(1);
    this.bytes[this.length++] = NEWLINE;
  }

  /** Bytes built beforehand (a field's UTF-8 text). */
  raw(field: Uint8Array): void {
    const count = field.length;
    this.reserve(count);
    const bytes = this.bytes;
    let at = this.length;
    // Most fields are a few bytes: a loop beats a call into `set` for those.
    if (count <= 16) for (let index = 0; index < count; index++) bytes[at++] = field[index]!;
    else {
      bytes.set(field, at);
      at += count;
    }
    this.length = at;
  }

  /** A text, as UTF-8 (already quoted if it needs it: `csvField`). */
  text(value: string): void {
    const count = value.length;
    this.reserve(3 * count);
    const bytes = this.bytes;
    const start = this.length;
    for (let index = 0; index < count; index++) {
      const code = value.charCodeAt(index);
      if (code >= 0x80) {
        this.length = start + encoder.encodeInto(value, bytes.subarray(start)).written;
        return;
      }
      bytes[start + index] = code;
    }
    this.length = start + count;
  }

  /** A number as `String(value)` writes it; NaN writes nothing (an empty field). */
  number(value: number): void {
    if (Number.isNaN(value)) return;
    if (Number.isInteger(value) && value <= LARGEST_DIGITS && value >= -LARGEST_DIGITS) {
      this.integer(value);
      return;
    }
    if (value === this.lastValue && this.lastStart >= 0) {
      this.copyLast();
      return;
    }
    this.reserve(FRACTION_ROOM);
    const start = this.length;
    const end = writeFraction(this.bytes, start, value);
    if (end >= 0) {
      this.length = end;
      this.lastValue = value;
      this.lastStart = start;
      this.lastEnd = end;
      return;
    }
    const text = String(value);
    const count = text.length;
    this.reserve(count);
    const bytes = this.bytes;
    // A number's text is ASCII.
    for (let index = 0; index < count; index++) bytes[start + index] = text.charCodeAt(index);
    this.length = start + count;
    this.lastValue = value;
    this.lastStart = start;
    this.lastEnd = start + count;
  }

  /** A number as `String(value)` writes it, NaN included ("NaN": an id or a count, not an absent time). */
  value(value: number): void {
    if (Number.isNaN(value)) this.text('NaN');
    else this.number(value);
  }

  /** The bytes of the last number written through `String`, again. */
  private copyLast(): void {
    const count = this.lastEnd - this.lastStart;
    this.reserve(count);
    this.bytes.copyWithin(this.length, this.lastStart, this.lastEnd);
    this.length += count;
  }

  /** A whole number of at most 2^53 in magnitude, by its digits (-0 is "0", as `String` writes it). */
  integer(value: number): void {
    this.reserve(17);
    const bytes = this.bytes;
    let rest = value;
    if (rest < 0) {
      bytes[this.length++] = MINUS;
      rest = -rest;
    }
    if (rest < 10) {
      bytes[this.length++] = ZERO + rest;
      return;
    }
    this.length = writeWhole(bytes, this.length, rest);
  }
}
