/**
 * The fast path of reading a timestamp: the ISO 8601 form exports write most
 * (`2010-01-13 08:40:25+00:00`, `…T…Z`, `+0100`, `+01`), read from its character codes with
 * no regular expression and no objects. It answers only when it is sure; anything else — a
 * fraction, a naive time, a value out of range, white space — is NaN, and the full reader
 * (`time.ts`) reads it or says why it cannot. A property test holds the two equal.
 */
import type { TimestampOptions } from './time.js';

const ZERO = 48;
const DAY_MS = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Two decimal digits at `at`, or -1. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - ZERO;
  const units = text.charCodeAt(at + 1) - ZERO;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : -1;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const shifted = month <= 2 ? year - 1 : year;
  const era = Math.floor(shifted / 400);
  const yearOfEra = shifted - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Minutes east of UTC of the offset from `at` to the end (`Z`, `+01`, `+0100`, `+01:00`), or NaN. */
function offsetAt(text: string, at: number): number {
  const length = text.length - at;
  const sign = text.charCodeAt(at);
  if (length === 1) return sign === 90 || sign === 122 ? 0 : Number.NaN;
  if (sign !== 43 && sign !== 45) return Number.NaN;
  const hours = twoDigits(text, at + 1);
  let minutes = 0;
  if (length === 5) minutes = twoDigits(text, at + 3);
  else if (length === 6 && text.charCodeAt(at + 3) === 58) minutes = twoDigits(text, at + 4);
  else if (length !== 3) return Number.NaN;
  if (hours < 0 || minutes < 0 || minutes > 59) return Number.NaN;
  const total = (sign === 45 ? -1 : 1) * (hours * 60 + minutes);
  return total < -720 || total > 840 ? Number.NaN : total;
}

/** `YYYY-MM-DD[T ]HH:MM:SS` followed by an offset, as epoch milliseconds; NaN when not exactly that. */
export function fastIsoMs(text: string): number {
  if (text.length < 20 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  const separator = text.charCodeAt(10);
  if ((separator !== 32 && separator !== 84) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58)
    return Number.NaN;
  const century = twoDigits(text, 0);
  const yearInCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if ((century | yearInCentury | month | day | hour | minute | second) < 0) return Number.NaN;
  const year = century * 100 + yearInCentury;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const offset = offsetAt(text, 19);
  if (Number.isNaN(offset)) return Number.NaN;
  const wall = daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
  return wall - offset * 60_000;
}

/** Two decimal digits at `at` of bytes, or -1. */
function twoDigitBytes(bytes: Uint8Array, at: number): number {
  const tens = bytes[at]! - ZERO;
  const units = bytes[at + 1]! - ZERO;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : -1;
}

/** `offsetAt` of the bytes from `at` to `end`. */
function offsetBytesAt(bytes: Uint8Array, at: number, end: number): number {
  const length = end - at;
  const sign = bytes[at];
  if (length === 1) return sign === 90 || sign === 122 ? 0 : Number.NaN;
  if (sign !== 43 && sign !== 45) return Number.NaN;
  const hours = twoDigitBytes(bytes, at + 1);
  let minutes = 0;
  if (length === 5) minutes = twoDigitBytes(bytes, at + 3);
  else if (length === 6 && bytes[at + 3] === 58) minutes = twoDigitBytes(bytes, at + 4);
  else if (length !== 3) return Number.NaN;
  if (hours < 0 || minutes < 0 || minutes > 59) return Number.NaN;
  const total = (sign === 45 ? -1 : 1) * (hours * 60 + minutes);
  return total < -720 || total > 840 ? Number.NaN : total;
}

/**
 * `fastIsoMs` of the UTF-8 bytes `start`–`end` (a cell of `byte-csv.ts`), read without making
 * a text: the same instant, or NaN where `fastIsoMs` would give NaN.
 */
export function fastIsoBytesMs(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length < 20 || length > 25 || bytes[start + 4] !== 45 || bytes[start + 7] !== 45) return Number.NaN;
  const separator = bytes[start + 10];
  if ((separator !== 32 && separator !== 84) || bytes[start + 13] !== 58 || bytes[start + 16] !== 58) return Number.NaN;
  const offset = offsetBytesAt(bytes, start + 19, end);
  if (Number.isNaN(offset)) return Number.NaN;
  const century = twoDigitBytes(bytes, start);
  const yearInCentury = twoDigitBytes(bytes, start + 2);
  const month = twoDigitBytes(bytes, start + 5);
  const day = twoDigitBytes(bytes, start + 8);
  const hour = twoDigitBytes(bytes, start + 11);
  const minute = twoDigitBytes(bytes, start + 14);
  const second = twoDigitBytes(bytes, start + 17);
  if ((century | yearInCentury | month | day | hour | minute | second) < 0) return Number.NaN;
  const year = century * 100 + yearInCentury;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const wall = daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
  return wall - offset * 60_000;
}

const unknown = () => Number.NaN;

/**
 * A reader of one column's timestamps that answers the common case fast: epoch
 * milliseconds, or NaN to ask the full reader (`timestampReader`).
 */
export function fastTimestampReader(options: TimestampOptions): (text: string) => number {
  return options.format === 'iso' ? fastIsoMs : unknown;
}
