/**
 * Reading an export's timestamps as epoch milliseconds: ISO 8601 with an offset (or `Z`),
 * ISO without one in a named time zone, day-first or month-first dates (`29/02/2016 01:23`),
 * a strftime-style format (`%d-%m-%Y %H:%M`), or epoch numbers.
 *
 * Years are taken as written (0099 is the year 99, not 1999 — `Date.UTC` would shift years
 * below 100 into the 1900s), and a UTC offset must be one a place can have.
 */
import { utcOffsetReader } from '../engine/local-time.js';

/** The named time forms; any other `format` is a strftime-style pattern (it holds a `%`). */
export const NAMED_TIME_FORMATS = ['iso', 'epoch_seconds', 'epoch_milliseconds', 'day_first', 'month_first'] as const;

/** How the time column is written (the mapping's `timestamps:`). */
export interface TimestampOptions {
  /** A named form, or a strftime-style pattern such as `%d-%m-%Y %H:%M`. */
  format: (typeof NAMED_TIME_FORMATS)[number] | (string & {});
  /** IANA zone of times written without an offset. */
  timezone?: string;
}

/** A time read, or why it could not be. */
export type TimestampResult = { epochMs: number } | { problem: 'unreadable' | 'naive'; expected: string };

/** The parts of a written time, before its zone is applied. */
interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC, when the text carries an offset. */
  offsetMinutes?: number;
}

/** The furthest real UTC offsets are −12:00 and +14:00. */
const EARLIEST_OFFSET_MINUTES = -12 * 60;
const LATEST_OFFSET_MINUTES = 14 * 60;
/** 400 Gregorian years are exactly 146,097 days: shifting by them keeps month and weekday. */
const FOUR_CENTURIES_MS = 146_097 * 86_400_000;

/** Epoch milliseconds of a UTC wall time; NaN if a field is out of range (31 February, 24:00…). */
function utcWall(time: WallTime): number {
  const { year, month, day, hour, minute, second, millisecond } = time;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const shifted = Date.UTC(year + 400, month - 1, day, hour, minute, second, millisecond);
  if (new Date(shifted).getUTCDate() !== day) return Number.NaN;
  return shifted - FOUR_CENTURIES_MS;
}

/** `Z`, `+01`, `+0100`, `-05:30` as minutes east of UTC; NaN for an impossible offset. */
function offsetMinutes(text: string): number {
  if (text === 'Z' || text === 'z') return 0;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || '0');
  const total = (text[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
  return minutes > 59 || total < EARLIEST_OFFSET_MINUTES || total > LATEST_OFFSET_MINUTES ? Number.NaN : total;
}

const fractionMs = (fraction: string | undefined) =>
  fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * 1000);

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const ISO_EXPECTED = 'an ISO 8601 date-time such as 2010-01-13T08:40:25+00:00';

function readIso(text: string): WallTime | undefined {
  const match = isoPattern.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction, offset] = match;
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    millisecond: fractionMs(fraction),
    ...(offset === undefined ? {} : { offsetMinutes: offsetMinutes(offset) }),
  };
}

/** Day-first (`29/02/2016 01:23`) or month-first (`02/29/2016 1:23:45 PM`) dates, separated by `/`, `-` or `.`. */
const numericDatePattern = new RegExp(
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.source +
    /(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp][Mm])?)?/.source +
    /\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/.source,
);

function readNumericDate(text: string, dayFirst: boolean): WallTime | undefined {
  const match = numericDatePattern.exec(text);
  if (match === null) return undefined;
  const [, first, second, year, hour = '0', minute = '0', seconds = '0', fraction, meridiem, offset] = match;
  const time: WallTime = {
    year: Number(year),
    month: Number(dayFirst ? second : first),
    day: Number(dayFirst ? first : second),
    hour: twelveHour(Number(hour), meridiem),
    minute: Number(minute),
    second: Number(seconds),
    millisecond: fractionMs(fraction),
  };
  if (offset !== undefined) time.offsetMinutes = offsetMinutes(offset);
  return time;
}

/** 12 AM is midnight, 12 PM noon; an hour over 12 with AM/PM is out of range. */
function twelveHour(hour: number, meridiem: string | undefined): number {
  if (meridiem === undefined) return hour;
  if (hour < 1 || hour > 12) return 99;
  const pm = meridiem.toLowerCase() === 'pm';
  return (hour % 12) + (pm ? 12 : 0);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** One strftime directive: the text it matches and where its value goes. */
interface Directive {
  pattern: string;
  field?:
    | 'year'
    | 'year2'
    | 'month'
    | 'monthName'
    | 'day'
    | 'hour'
    | 'hour12'
    | 'meridiem'
    | 'minute'
    | 'second'
    | 'fraction'
    | 'offset';
}

const DIRECTIVES: Record<string, Directive> = {
  Y: { pattern: '(\\d{4})', field: 'year' },
  y: { pattern: '(\\d{2})', field: 'year2' },
  m: { pattern: '(\\d{1,2})', field: 'month' },
  b: { pattern: '([A-Za-z]{3,9})', field: 'monthName' },
  B: { pattern: '([A-Za-z]{3,9})', field: 'monthName' },
  d: { pattern: '(\\d{1,2})', field: 'day' },
  e: { pattern: '\\s?(\\d{1,2})', field: 'day' },
  H: { pattern: '(\\d{1,2})', field: 'hour' },
  I: { pattern: '(\\d{1,2})', field: 'hour12' },
  p: { pattern: '([AaPp][Mm])', field: 'meridiem' },
  M: { pattern: '(\\d{2})', field: 'minute' },
  S: { pattern: '(\\d{2})', field: 'second' },
  f: { pattern: '(\\d{1,9})', field: 'fraction' },
  z: { pattern: '(Z|z|[+-]\\d{2}(?::?\\d{2})?)', field: 'offset' },
  a: { pattern: '[A-Za-z]{3,9}' },
  A: { pattern: '[A-Za-z]{3,9}' },
  '%': { pattern: '%' },
};

/** A strftime pattern compiled to a regular expression, or the directive it does not know. */
export function compileTimeFormat(
  format: string,
): { regex: RegExp; fields: NonNullable<Directive['field']>[] } | { unknown: string } {
  let source = '^';
  const fields: NonNullable<Directive['field']>[] = [];
  for (let index = 0; index < format.length; index++) {
    const character = format[index]!;
    if (character !== '%') {
      source += /\s/.test(character) ? '\\s+' : character.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
      continue;
    }
    const letter = format[++index] ?? '';
    const expansion = letter === 'T' ? '%H:%M:%S' : letter === 'F' ? '%Y-%m-%d' : undefined;
    if (expansion !== undefined) {
      const inner = compileTimeFormat(expansion) as { regex: RegExp; fields: NonNullable<Directive['field']>[] };
      source += inner.regex.source.slice(1, -1);
      fields.push(...inner.fields);
      continue;
    }
    const directive = DIRECTIVES[letter];
    if (directive === undefined) return { unknown: `%${letter}` };
    source += directive.pattern;
    if (directive.field !== undefined) fields.push(directive.field);
  }
  return { regex: new RegExp(`${source}$`), fields };
}

function strftimeReader(format: string): (text: string) => WallTime | undefined {
  const compiled = compileTimeFormat(format);
  if ('unknown' in compiled) throw new Error(`unknown time format directive ${compiled.unknown} in "${format}"`);
  return (text) => {
    const match = compiled.regex.exec(text);
    if (match === null) return undefined;
    const time: WallTime = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
    let hour12: number | undefined;
    let meridiem: string | undefined;
    compiled.fields.forEach((field, index) => {
      const value = match[index + 1]!;
      switch (field) {
        case 'year2':
          // POSIX: 69–99 are 1969–1999, 00–68 are 2000–2068.
          time.year = Number(value) + (Number(value) >= 69 ? 1900 : 2000);
          break;
        case 'monthName':
          time.month = MONTHS.indexOf(value.slice(0, 3).toLowerCase()) + 1;
          break;
        case 'hour12':
          hour12 = Number(value);
          break;
        case 'meridiem':
          meridiem = value;
          break;
        case 'fraction':
          time.millisecond = fractionMs(value);
          break;
        case 'offset':
          time.offsetMinutes = offsetMinutes(value);
          break;
        default:
          time[field] = Number(value);
      }
    });
    if (hour12 !== undefined) time.hour = twelveHour(hour12, meridiem);
    return time;
  };
}

/** The sample instant 2016-02-29 13:23:45 written in a strftime format, for messages. */
export function formatExample(format: string): string {
  const values: Record<string, string> = {
    Y: '2016',
    y: '16',
    m: '02',
    b: 'Feb',
    B: 'February',
    d: '29',
    e: '29',
    H: '13',
    I: '01',
    p: 'PM',
    M: '23',
    S: '45',
    f: '000',
    z: '+01:00',
    a: 'Mon',
    A: 'Monday',
    T: '13:23:45',
    F: '2016-02-29',
    '%': '%',
  };
  return format.replace(/%(.)/g, (whole, letter: string) => values[letter] ?? whole);
}

/** What a format expects, in words, for an error message. */
function expectedText(format: string): string {
  switch (format) {
    case 'iso':
      return ISO_EXPECTED;
    case 'day_first':
      return 'a day-first date-time (timestamps.format: day_first) such as 29/02/2016 13:23 or 29-02-2016 13:23:45';
    case 'month_first':
      return 'a month-first date-time (timestamps.format: month_first) such as 02/29/2016 1:23 PM';
    default:
      return `a time in the format "${format}" (timestamps.format) such as ${formatExample(format)}`;
  }
}

/** A reader of one column's timestamps. */
export function timestampReader(options: TimestampOptions): (text: string) => TimestampResult {
  const { format } = options;
  if (format === 'epoch_seconds' || format === 'epoch_milliseconds') {
    const scale = format === 'epoch_seconds' ? 1000 : 1;
    const expected = `a number of ${format === 'epoch_seconds' ? 'seconds' : 'milliseconds'} since 1970-01-01T00:00Z`;
    return (text) => {
      const value = Number(text.trim());
      return text.trim() !== '' && Number.isFinite(value)
        ? { epochMs: Math.round(value * scale) }
        : { problem: 'unreadable', expected };
    };
  }
  const read: (text: string) => WallTime | undefined =
    format === 'iso'
      ? readIso
      : format === 'day_first' || format === 'month_first'
        ? (text) => readNumericDate(text, format === 'day_first')
        : strftimeReader(format);
  const expected = expectedText(format);
  const offsetAt = options.timezone === undefined ? undefined : utcOffsetReader(options.timezone);
  return (text) => {
    const time = read(text.trim());
    if (time === undefined) return { problem: 'unreadable', expected };
    const wall = utcWall(time);
    if (Number.isNaN(wall)) return { problem: 'unreadable', expected };
    if (time.offsetMinutes !== undefined) {
      if (Number.isNaN(time.offsetMinutes))
        return { problem: 'unreadable', expected: `${expected}, with a UTC offset between -12:00 and +14:00` };
      return { epochMs: wall - time.offsetMinutes * 60_000 };
    }
    if (offsetAt === undefined) return { problem: 'naive', expected };
    // Wall time → instant: guess with the offset at the wall time, correct once (exact except inside a DST gap).
    const guess = wall - offsetAt(wall) * 60_000;
    return { epochMs: wall - offsetAt(guess) * 60_000 };
  };
}
