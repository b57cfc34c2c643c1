/**
 * Local time on the simulation clock: ISO date-times, UTC offsets of an IANA time zone, and
 * {@link LocalTimeTable}, which maps simulation minutes to local minutes in O(1).
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

export const minutesPerDay = 1440;
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
  const expected =
    `expected an ISO 8601 date-time like 2026-01-05T09:00, 2026-01-05T09:00:00Z or 2026-01-05T09:00:00+05:30, found ` +
    `${JSON.stringify(iso)}`;
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
  if (
    year < 1000 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
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
      if (offsetHours > 23 || offsetMinutes > 59)
        throw new LocalTimeError(`${expected} (the UTC offset is out of range)`);
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
      `unknown time zone ${JSON.stringify(timeZone)} (expected an IANA time zone name such as "Europe/Rome", ` +
        `"America/New_York" or "UTC")`,
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

  /**
   * The instant at simulation minute `t` as a UTC ISO 8601 string with milliseconds, e.g. `2026-01-05T09:30:00.000Z`.
   */
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
      return (
        (parts.wallMilliseconds - parts.offset * millisecondsPerMinute - this.startEpochMs) / millisecondsPerMinute
      );
    }
    return this.fromLocalMinutes(parts.wallMilliseconds / millisecondsPerMinute);
  }
}

/**
 * True for strings written as a date (`YYYY-MM-DD...`): the simulation reads them with
 * {@link parseIsoDateTime}, and anything else as a duration after the start.
 */
export function isIsoDateTime(text: string): boolean {
  return /^\s*\d{4}-\d{2}-\d{2}/.test(text);
}
