/**
 * Reading an export's timestamps as epoch milliseconds: ISO 8601 with an offset (or `Z`),
 * ISO without one in a named time zone, or epoch numbers.
 */
import { utcOffsetReader } from '../engine/local-time.js';

/** How the time column is written (the mapping's `timestamps:`). */
export interface TimestampOptions {
  format: 'iso' | 'epoch_seconds' | 'epoch_milliseconds';
  /** IANA zone of ISO times written without an offset. */
  timezone?: string;
}

/** A time read, or why it could not be. */
export type TimestampResult = { epochMs: number } | { problem: 'unreadable' | 'naive'; expected: string };

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

const ISO_EXPECTED = 'an ISO 8601 date-time such as 2010-01-13T08:40:25+00:00';

/** A reader of one column's timestamps. */
export function timestampReader(options: TimestampOptions): (text: string) => TimestampResult {
  if (options.format !== 'iso') {
    const scale = options.format === 'epoch_seconds' ? 1000 : 1;
    const expected = `a number of ${options.format === 'epoch_seconds' ? 'seconds' : 'milliseconds'} since 1970-01-01T00:00Z`;
    return (text) => {
      const value = Number(text.trim());
      return text.trim() !== '' && Number.isFinite(value) ? { epochMs: Math.round(value * scale) } : { problem: 'unreadable', expected };
    };
  }
  const offsetAt = options.timezone === undefined ? undefined : utcOffsetReader(options.timezone);
  return (text) => {
    const match = isoPattern.exec(text.trim());
    if (match === null) return { problem: 'unreadable', expected: ISO_EXPECTED };
    const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0', offset] = match;
    const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Math.round(Number(`0.${fraction}`) * 1000));
    const check = new Date(wall);
    if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
      return { problem: 'unreadable', expected: ISO_EXPECTED };
    }
    if (offset !== undefined) {
      if (offset === 'Z' || offset === 'z') return { epochMs: wall };
      const digits = offset.replace(':', '');
      const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0');
      return { epochMs: wall - (offset[0] === '-' ? -minutes : minutes) * 60_000 };
    }
    if (offsetAt === undefined) return { problem: 'naive', expected: ISO_EXPECTED };
    // Wall time → instant: guess with the offset at the wall time, correct once (exact except inside a DST gap).
    const guess = wall - offsetAt(wall) * 60_000;
    return { epochMs: wall - offsetAt(guess) * 60_000 };
  };
}
