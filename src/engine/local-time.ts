/**
 * Wall-clock calendars on the simulation clock.
 *
 * The simulation clock counts (fractional) minutes since a start instant.
 * {@link LocalTimeTable} maps it to local time in an IANA time zone with O(1)
 * lookups (the zone's UTC offsets are tabulated once, at construction);
 * {@link windowIntervals} turns weekly windows such as "Mon–Fri 09:00–17:00"
 * into on-intervals of the simulation clock; {@link BusinessCalendar} answers
 * "is it open?" and "how many open minutes between a and b?" in O(log n).
 */

/** Thrown for unknown time zones, malformed ISO date-times and invalid weekly windows. */
export class LocalTimeError extends Error {
  /**
   * @param message - what was expected and what was found.
   */
  constructor(message: string) {
    super(message);
    this.name = 'LocalTimeError';
  }
}

const minutesPerDay = 1440;
const millisecondsPerMinute = 60_000;
/** Days tabulated before the start and after the horizon. */
const marginDays = 7;
const marginHours = marginDays * 24;

/** The parts of an ISO 8601 date-time; `offset` is undefined for local times. */
export interface IsoParts {
  /** Wall-clock milliseconds since 1970-01-01T00:00 of the written date-time, as if it were UTC. */
  wallMilliseconds: number;
  /** The written UTC offset in minutes, if any. */
  offset: number | undefined;
}

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Reads an ISO 8601 date-time the way the simulation clock does: `2026-01-05`,
 * `2026-01-05T09:00`, `2026-01-05 09:00:00Z`, `2026-01-05T09:00:00+05:30`, years 1000 to 9999.
 * The scenario schema calls it too, so a start time `validate` accepts is one `run` can use.
 *
 * @throws LocalTimeError saying what was expected and what was found.
 */
export function parseIsoDateTime(iso: string): IsoParts {
  const expected = `expected an ISO 8601 date-time like 2026-01-05T09:00, 2026-01-05T09:00:00Z or 2026-01-05T09:00:00+05:30, found ${JSON.stringify(iso)}`;
  const match = typeof iso === 'string' ? isoPattern.exec(iso.trim()) : null;
  if (match === null) throw new LocalTimeError(expected);
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fractionText, offsetText] = match;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  const hour = Number(hourText ?? 0);
  const minute = Number(minuteText ?? 0);
  const second = Number(secondText ?? 0);
  const milliseconds = fractionText === undefined ? 0 : Number(`0.${fractionText}`) * 1000;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // Date.UTC reads years 0-99 as 1900-1999; four-digit years from 1000 keep every date unambiguous.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    throw new LocalTimeError(`${expected} (a field is out of range)`);
  }
  let offset: number | undefined;
  if (offsetText !== undefined) {
    if (offsetText === 'Z' || offsetText === 'z') {
      offset = 0;
    } else {
      const sign = offsetText.startsWith('-') ? -1 : 1;
      const digits = offsetText.slice(1).replace(':', '');
      const offsetHours = Number(digits.slice(0, 2));
      const offsetMinutes = Number(digits.slice(2) || '0');
      if (offsetHours > 23 || offsetMinutes > 59) throw new LocalTimeError(`${expected} (the UTC offset is out of range)`);
      offset = sign * (offsetHours * 60 + offsetMinutes);
    }
  }
  const wallMilliseconds = Date.UTC(year, month - 1, day, hour, minute, second) + milliseconds;
  return { wallMilliseconds, offset };
}

function createFormatter(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new LocalTimeError(
      `unknown time zone ${JSON.stringify(timeZone)} (expected an IANA time zone name such as "Europe/Rome", "America/New_York" or "UTC")`,
    );
  }
}

/** The UTC offset in minutes of the formatter's zone at an instant (slow: uses Intl). */
function offsetFromIntl(formatter: Intl.DateTimeFormat, epochMilliseconds: number): number {
  const whole = Math.floor(epochMilliseconds / 1000) * 1000;
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatter.formatToParts(whole)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      default:
        break;
    }
  }
  return (Date.UTC(year, month - 1, day, hour, minute, second) - whole) / millisecondsPerMinute;
}

/**
 * The UTC offset (minutes) of a zone at any instant, for readers of timestamps outside the
 * simulation clock (imported logs). Offsets change on whole hours in every zone in use, so
 * one `Intl` call per hour of the epoch is cached.
 */
export function utcOffsetReader(timeZone: string): (epochMilliseconds: number) => number {
  const formatter = createFormatter(timeZone);
  const cache = new Map<number, number>();
  return (epochMilliseconds) => {
    const hour = Math.floor(epochMilliseconds / 3_600_000);
    let offset = cache.get(hour);
    if (offset === undefined) {
      offset = offsetFromIntl(formatter, hour * 3_600_000);
      cache.set(hour, offset);
    }
    return offset;
  };
}

/**
 * Converts wall-clock minutes (since 1970-01-01T00:00 local) to epoch minutes
 * given a function returning the UTC offset at an epoch minute. Nonexistent
 * wall times (in a spring-forward gap) are shifted forward by the gap;
 * ambiguous ones (in an autumn fold) resolve to the earlier instant — the
 * "compatible" disambiguation of Temporal and most calendar software.
 */
function wallToEpochMinutes(wall: number, offsetAt: (epochMinute: number) => number): number {
  const before = offsetAt(wall - 2 * minutesPerDay);
  const after = offsetAt(wall + 2 * minutesPerDay);
  const early = wall - before;
  if (before === after) return early;
  const late = wall - after;
  const earlyValid = offsetAt(early) === before;
  const lateValid = offsetAt(late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (lateValid) return late;
  return early; // valid, or in a gap: shifted forward
}

/**
 * Local time in one IANA time zone on the simulation clock (minutes since
 * `startEpochMs`).
 *
 * The zone's UTC offset is tabulated per simulation hour from 7 days before
 * the start to 7 days after the horizon, together with the exact instant of
 * any offset change inside an hour, so every lookup is two array reads. Only
 * the constructor calls `Intl` (about one call per day plus a bisection
 * around each transition); lookups outside the tabulated range fall back to
 * `Intl` and are slow but still correct.
 */
export class LocalTimeTable {
  /** The start instant of the simulation clock, in milliseconds since the Unix epoch. */
  readonly startEpochMs: number;
  /** The IANA time zone name as given. */
  readonly timeZone: string;
  /** The horizon the table was built for, in minutes. */
  readonly horizonMinutes: number;
  /** The first simulation minute covered by the fast table (negative: a margin before the start). */
  readonly firstMinute: number;
  /** The simulation minute where the fast table ends (the horizon plus a margin). */
  readonly lastMinute: number;
  private readonly startEpochMinutes: number;
  private readonly formatter: Intl.DateTimeFormat;
  /** UTC offset (minutes) at the start of each tabulated hour. */
  private readonly offsets: Float64Array;
  /** Simulation minute of an offset change inside the hour, or Infinity. */
  private readonly changes: Float64Array;
  /** UTC offset after the change inside the hour (equal to `offsets` when none). */
  private readonly offsetsAfter: Float64Array;

  /**
   * @param startIso - the start instant: an ISO 8601 date-time with `Z` or a
   *   UTC offset, or without one (then it is wall-clock time in `timeZone`).
   * @param timeZone - an IANA time zone name, e.g. `"Europe/Rome"`.
   * @param horizonMinutes - how far the simulation runs, in minutes (≥ 0).
   * @throws LocalTimeError for an unknown time zone or a malformed date-time;
   *   RangeError for a negative or non-finite horizon.
   */
  constructor(startIso: string, timeZone: string, horizonMinutes: number) {
    if (!Number.isFinite(horizonMinutes) || horizonMinutes < 0) {
      throw new RangeError(`horizon must be a finite number of minutes ≥ 0 (found ${horizonMinutes})`);
    }
    this.formatter = createFormatter(timeZone);
    this.timeZone = timeZone;
    this.horizonMinutes = horizonMinutes;
    const formatter = this.formatter;
    const start = parseIsoDateTime(startIso);
    this.startEpochMs =
      start.offset !== undefined
        ? start.wallMilliseconds - start.offset * millisecondsPerMinute
        : wallToEpochMinutes(start.wallMilliseconds / millisecondsPerMinute, (epochMinute) =>
            offsetFromIntl(formatter, epochMinute * millisecondsPerMinute),
          ) * millisecondsPerMinute;
    this.startEpochMinutes = this.startEpochMs / millisecondsPerMinute;

    const hourCount = Math.ceil(horizonMinutes / 60) + 2 * marginHours + 1;
    this.firstMinute = -marginHours * 60;
    this.lastMinute = this.firstMinute + hourCount * 60;
    this.offsets = new Float64Array(hourCount);
    this.changes = new Float64Array(hourCount).fill(Infinity);
    this.offsetsAfter = new Float64Array(hourCount);

    const hourStartMs = (hour: number): number => this.startEpochMs + (hour - marginHours) * 3_600_000;
    const sample = (hour: number): number => offsetFromIntl(formatter, hourStartMs(hour));
    // Sample once a day; only days whose end offset differs from their start
    // are sampled hourly, and each changing hour is bisected to the second.
    let dayStart = 0;
    let startOffset = sample(0);
    while (dayStart < hourCount) {
      const dayEnd = Math.min(dayStart + 24, hourCount);
      const endOffset = sample(dayEnd);
      if (endOffset === startOffset) {
        this.offsets.fill(startOffset, dayStart, dayEnd);
        this.offsetsAfter.fill(startOffset, dayStart, dayEnd);
      } else {
        let previous = startOffset;
        for (let hour = dayStart; hour < dayEnd; hour++) {
          const next = hour + 1 === dayEnd ? endOffset : sample(hour + 1);
          this.offsets[hour] = previous;
          this.offsetsAfter[hour] = previous;
          if (next !== previous) {
            let low = hourStartMs(hour); // has `previous`
            let high = hourStartMs(hour + 1); // has `next`
            while (high - low > 1000) {
              const middle = Math.floor((low + high) / 2000) * 1000;
              if (middle <= low) break;
              if (offsetFromIntl(formatter, middle) === previous) low = middle;
              else high = middle;
            }
            if (high < hourStartMs(hour + 1)) {
              this.changes[hour] = (high - this.startEpochMs) / millisecondsPerMinute;
              this.offsetsAfter[hour] = next;
            }
          }
          previous = next;
        }
      }
      startOffset = endOffset;
      dayStart = dayEnd;
    }
  }

  /** The UTC offset in minutes (local − UTC) at simulation minute `t`. */
  offsetMinutes(t: number): number {
    const index = Math.floor(t / 60) + marginHours;
    if (index >= 0 && index < this.offsets.length) {
      return t < (this.changes[index] as number)
        ? (this.offsets[index] as number)
        : (this.offsetsAfter[index] as number);
    }
    return offsetFromIntl(this.formatter, this.startEpochMs + t * millisecondsPerMinute);
  }

  /** Wall-clock minutes since 1970-01-01T00:00 local time at simulation minute `t`. */
  localMinutes(t: number): number {
    return this.startEpochMinutes + t + this.offsetMinutes(t);
  }

  /**
   * The simulation minute at which local wall-clock minutes (since
   * 1970-01-01T00:00 local) occur. Nonexistent wall times (spring-forward gap)
   * shift forward by the gap; ambiguous ones (autumn fold) take the earlier
   * instant.
   */
  fromLocalMinutes(wallMinutes: number): number {
    const startEpochMinutes = this.startEpochMinutes;
    return (
      wallToEpochMinutes(wallMinutes, (epochMinute) => this.offsetMinutes(epochMinute - startEpochMinutes)) -
      startEpochMinutes
    );
  }

  /** The local day of the week at `t`: 0 = Monday … 6 = Sunday. */
  dayOfWeek(t: number): number {
    const day = Math.floor(this.localMinutes(t) / minutesPerDay);
    return (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  }

  /** Local minutes since midnight at `t`, in [0, 1440). */
  minuteOfDay(t: number): number {
    const local = this.localMinutes(t);
    return local - Math.floor(local / minutesPerDay) * minutesPerDay;
  }

  /** The local hour of the week at `t`: 0 = Monday 00:00–00:59 … 167 = Sunday 23:00–23:59. */
  hourOfWeek(t: number): number {
    const local = this.localMinutes(t);
    const day = Math.floor(local / minutesPerDay);
    const weekday = (((day + 3) % 7) + 7) % 7;
    return weekday * 24 + Math.floor((local - day * minutesPerDay) / 60);
  }

  /** The instant at simulation minute `t` as a UTC ISO 8601 string with milliseconds, e.g. `2026-01-05T09:30:00.000Z`. */
  toIso(t: number): string {
    return new Date(Math.round(this.startEpochMs + t * millisecondsPerMinute)).toISOString();
  }

  /**
   * The simulation minute of an ISO 8601 date-time. Strings with `Z` or an
   * offset are absolute; strings without are wall-clock time in this zone.
   *
   * @throws LocalTimeError for a malformed date-time.
   */
  fromIso(iso: string): number {
    const parts = parseIsoDateTime(iso);
    if (parts.offset !== undefined) {
      return (parts.wallMilliseconds - parts.offset * millisecondsPerMinute - this.startEpochMs) / millisecondsPerMinute;
    }
    return this.fromLocalMinutes(parts.wallMilliseconds / millisecondsPerMinute);
  }
}

// ---------------------------------------------------------------------------
// Weekly windows

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
    if (cached < count && (starts[cached] as number) <= t && (cached + 1 === count || (starts[cached + 1] as number) > t)) {
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

  /** The first open minute at or after t: t itself when open, Infinity if the calendar never opens again within coverage. */
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

/**
 * True for strings written as a date (`YYYY-MM-DD...`): the simulation reads them with
 * {@link parseIsoDateTime}, and anything else as a duration after the start.
 */
export function isIsoDateTime(text: string): boolean {
  return /^\s*\d{4}-\d{2}-\d{2}/.test(text);
}
