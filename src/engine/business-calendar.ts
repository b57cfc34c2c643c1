/**
 * Weekly windows ("Mon–Fri 09:00–17:00") as on-intervals of the simulation clock, and
 * {@link BusinessCalendar}: "is it open?" and "how many open minutes between a and b?".
 */
import { LocalTimeError, type LocalTimeTable, minutesPerDay } from './local-time-table.js';

/** A day of the week as written in scenarios. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** The weekdays in order, Monday first (index = {@link LocalTimeTable.dayOfWeek}). */
export const weekdays: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * A weekly recurring window of local time, e.g. business hours or a shift.
 * If `end` ≤ `start` the window runs overnight into the next day (so an
 * overnight window starting on `fri` runs into Saturday; `start` = `end`
 * means 24 hours). `end` may be `"24:00"`.
 */
export interface WeeklyWindow {
  /** The days on which the window starts. */
  days: Weekday[];
  /** Local start time, `"HH:MM"` (00:00–23:59). */
  start: string;
  /** Local end time, `"HH:MM"` (00:00–24:00); at or before `start` means the next day. */
  end: string;
}

const clockPattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

function clockMinutes(text: string): number {
  if (text === '24:00') return minutesPerDay;
  const match = clockPattern.exec(text);
  return match === null ? NaN : Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Lists what is wrong with a weekly window, one sentence per problem; empty
 * when valid. Accepts untrusted input and never throws.
 */
export function windowProblems(window: WeeklyWindow): string[] {
  const problems: string[] = [];
  if (typeof window !== 'object' || window === null) return ['a window must be an object with days, start and end'];
  if (!Array.isArray(window.days) || window.days.length === 0) {
    problems.push(`days must be a non-empty list of ${weekdays.join(', ')} (found ${JSON.stringify(window.days)})`);
  } else {
    for (const day of window.days) {
      if (!weekdays.includes(day)) {
        problems.push(`unknown day ${JSON.stringify(day)} (expected one of ${weekdays.join(', ')})`);
      }
    }
  }
  if (typeof window.start !== 'string' || window.start === '24:00' || Number.isNaN(clockMinutes(window.start))) {
    problems.push(`start must be a time "HH:MM" between 00:00 and 23:59 (found ${JSON.stringify(window.start)})`);
  }
  if (typeof window.end !== 'string' || Number.isNaN(clockMinutes(window.end))) {
    problems.push(`end must be a time "HH:MM" between 00:00 and 24:00 (found ${JSON.stringify(window.end)})`);
  }
  return problems;
}

/**
 * The on-intervals of weekly windows within [fromMinute, toMinute), as
 * sorted, merged `[start, end)` pairs of simulation minutes. Windows are read
 * in local wall-clock time, so a 09:00–17:00 window stays 09:00–17:00 across
 * DST changes (and a window spanning a spring-forward gap is an hour shorter).
 *
 * @throws LocalTimeError if a window is invalid (see {@link windowProblems});
 *   RangeError if the range is not finite.
 */
export function windowIntervals(
  table: LocalTimeTable,
  windows: WeeklyWindow[],
  fromMinute: number,
  toMinute: number,
): Array<[number, number]> {
  const parsed = windows.map((window, index) => {
    const problems = windowProblems(window);
    if (problems.length > 0) throw new LocalTimeError(`invalid weekly window #${index + 1}: ${problems.join('; ')}`);
    const start = clockMinutes(window.start);
    let end = clockMinutes(window.end);
    if (end <= start) end += minutesPerDay;
    const dayMask = window.days.reduce((mask, day) => mask | (1 << weekdays.indexOf(day)), 0);
    return { start, end, dayMask };
  });
  if (!Number.isFinite(fromMinute) || !Number.isFinite(toMinute)) {
    throw new RangeError(`window intervals need a finite range of minutes (found ${fromMinute} to ${toMinute})`);
  }
  const intervals: Array<[number, number]> = [];
  if (parsed.length === 0 || !(toMinute > fromMinute)) return intervals;
  // Start a day early so overnight windows reaching into the range are included.
  const firstDay = Math.floor(table.localMinutes(fromMinute) / minutesPerDay) - 2;
  const lastDay = Math.floor(table.localMinutes(toMinute) / minutesPerDay) + 1;
  for (let day = firstDay; day <= lastDay; day++) {
    const weekday = (((day + 3) % 7) + 7) % 7;
    for (const window of parsed) {
      if ((window.dayMask & (1 << weekday)) === 0) continue;
      const start = Math.max(fromMinute, table.fromLocalMinutes(day * minutesPerDay + window.start));
      const end = Math.min(toMinute, table.fromLocalMinutes(day * minutesPerDay + window.end));
      if (end > start) intervals.push([start, end]);
    }
  }
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last !== undefined && interval[0] <= last[1]) {
      if (interval[1] > last[1]) last[1] = interval[1];
    } else {
      merged.push([interval[0], interval[1]]);
    }
  }
  return merged;
}

/**
 * Opening hours on the simulation clock, with O(log n) queries (binary search
 * over precomputed intervals and prefix sums of open minutes; consecutive
 * monotone queries hit a cached position first).
 *
 * A calendar with no windows is always open (24/7). Otherwise the calendar is
 * defined over its coverage `[fromMinute, toMinute)` (by default the table's
 * whole range: the horizon plus a margin of days on each side) and is treated
 * as closed outside it.
 */
export class BusinessCalendar {
  /** True when the calendar has no windows and is therefore always open. */
  readonly alwaysOpen: boolean;
  /** The first simulation minute covered. */
  readonly fromMinute: number;
  /** The simulation minute where coverage ends. */
  readonly toMinute: number;
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  /** Open minutes before interval i (within coverage). */
  private readonly openBefore: Float64Array;
  /** Open minutes up to the end of interval i. */
  private readonly openThrough: Float64Array;
  private cursor = 0;

  /**
   * @param table - the local time of the simulation.
   * @param windows - the weekly opening windows; none means always open.
   * @param fromMinute - start of coverage (default: `table.firstMinute`).
   * @param toMinute - end of coverage (default: `table.lastMinute`).
   * @throws LocalTimeError if a window is invalid.
   */
  constructor(table: LocalTimeTable, windows: WeeklyWindow[], fromMinute?: number, toMinute?: number) {
    this.fromMinute = fromMinute ?? table.firstMinute;
    this.toMinute = toMinute ?? table.lastMinute;
    this.alwaysOpen = windows.length === 0;
    const intervals = this.alwaysOpen ? [] : windowIntervals(table, windows, this.fromMinute, this.toMinute);
    const count = intervals.length;
    this.starts = new Float64Array(count);
    this.ends = new Float64Array(count);
    this.openBefore = new Float64Array(count);
    this.openThrough = new Float64Array(count);
    let total = 0;
    intervals.forEach(([start, end], index) => {
      this.starts[index] = start;
      this.ends[index] = end;
      this.openBefore[index] = total;
      total += end - start;
      this.openThrough[index] = total;
    });
  }

  /** The open intervals `[start, end)` in simulation minutes (a copy; empty for a 24/7 calendar). */
  openIntervals(): Array<[number, number]> {
    return Array.from(this.starts, (start, index) => [start, this.ends[index] as number]);
  }

  /** Index of the last interval starting at or before t, or −1. */
  private locate(t: number): number {
    const starts = this.starts;
    const count = starts.length;
    const cached = this.cursor;
    if (
      cached < count &&
      (starts[cached] as number) <= t &&
      (cached + 1 === count || (starts[cached + 1] as number) > t)
    ) {
      return cached;
    }
    let low = 0;
    let high = count; // first index with start > t lies in [low, high]
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((starts[middle] as number) <= t) low = middle + 1;
      else high = middle;
    }
    const index = low - 1;
    if (index >= 0) this.cursor = index;
    return index;
  }

  /** Open minutes from the start of coverage up to t. */
  private openUntil(t: number): number {
    const index = this.locate(t);
    if (index < 0) return 0;
    const end = this.ends[index] as number;
    return (this.openBefore[index] as number) + (t < end ? t : end) - (this.starts[index] as number);
  }

  /** Whether the calendar is open at simulation minute t (intervals are closed at their start, open at their end). */
  isOpen(t: number): boolean {
    if (this.alwaysOpen) return true;
    const index = this.locate(t);
    return index >= 0 && t < (this.ends[index] as number);
  }

  /**
   * The first open minute at or after t: t itself when open, Infinity if the calendar never opens again within
   * coverage.
   */
  nextOpen(t: number): number {
    if (this.alwaysOpen) return t;
    const index = this.locate(t);
    if (index >= 0 && t < (this.ends[index] as number)) return t;
    const next = index + 1;
    return next < this.starts.length ? (this.starts[next] as number) : Infinity;
  }

  /** The open minutes in [a, b); 0 when b ≤ a. */
  businessMinutesBetween(a: number, b: number): number {
    if (!(b > a)) return 0;
    if (this.alwaysOpen) return b - a;
    return this.openUntil(b) - this.openUntil(a);
  }

  /**
   * The earliest time x ≥ t such that [t, x) contains `minutes` open minutes:
   * t itself for 0 minutes, a closing time if the count is reached exactly at
   * one, Infinity if coverage ends first.
   *
   * @throws RangeError if `minutes` is negative or NaN.
   */
  addBusinessMinutes(t: number, minutes: number): number {
    if (!(minutes >= 0)) throw new RangeError(`business minutes to add must be ≥ 0 (found ${minutes})`);
    if (minutes === 0) return t;
    if (this.alwaysOpen) return t + minutes;
    const target = this.openUntil(t) + minutes;
    const through = this.openThrough;
    let low = 0;
    let high = through.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((through[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    if (low === through.length) return Infinity;
    const result = (this.starts[low] as number) + (target - (this.openBefore[low] as number));
    return result > t ? result : t;
  }
}
