/**
 * Arrival rates for {@link ThinningArrivals} (src/engine/arrivals.ts): the rate interface,
 * {@link PiecewiseRate} (a base rate shaped by hourly multipliers and surges), the closed
 * periods of a business calendar as surges, and busy-day factors.
 */
import { createSampler } from './distributions.js';
import type { BusinessCalendar, LocalTimeTable } from './local-time.js';
import type { Rng } from './random.js';

export const MINUTES_PER_DAY = 24 * 60;

/** An arrival rate over simulation time, in arrivals per minute. */
export interface RateFunction {
  /** The rate at time t (arrivals per minute, ≥ 0). */
  rateAt(t: number): number;
  /** An upper bound of `rateAt` over [0, end). */
  readonly maxRate: number;
  /** No arrivals happen at or after this time. */
  readonly end: number;
  /**
   * Optional, for tighter thinning: a bound on the rate that is constant
   * over [t, majorantEnd(t)). Must be ≥ `rateAt` there. Provide both
   * `majorantAt` and `majorantEnd` or neither.
   */
  majorantAt?(t: number): number;
  /** Optional: the end (> t) of the piece over which `majorantAt(t)` holds. */
  majorantEnd?(t: number): number;
  /**
   * Optional: true when `majorantAt` equals `rateAt` everywhere (a
   * piecewise-constant rate), so candidates are never rejected and `rateAt`
   * need not be consulted.
   */
  readonly majorantIsRate?: boolean;
}

/** A period during which the arrival rate is multiplied (0 closes arrivals). */
export interface Surge {
  /** Simulation minute the surge starts (inclusive). */
  start: number;
  /** Simulation minute the surge ends (exclusive). */
  end: number;
  /** Factor applied to the rate while the surge lasts (≥ 0). */
  multiplier: number;
}

/**
 * A piecewise-constant rate: `baseRate × hourly[floor(t / 60)] × (product of
 * the multipliers of the surges active at t)` on [0, end), and 0 elsewhere.
 * The pieces are precomputed (adjacent equal pieces merged), so `rateAt` is
 * an O(1) lookup and `maxRate` is exactly the largest piece.
 */
export class PiecewiseRate implements RateFunction {
  /** The largest rate of any piece (0 if there are none). */
  readonly maxRate: number;
  /** Always true: the majorant is the rate itself, so thinning never rejects. */
  readonly majorantIsRate = true;
  /** The end of the rate function; the rate is 0 from here on. */
  readonly end: number;
  private readonly starts: Float64Array;
  private readonly rates: Float64Array;
  /** First piece index for each hour. */
  private readonly hourFirstPiece: Int32Array;

  /**
   * @param baseRate - arrivals per minute before multipliers (≥ 0).
   * @param hourly - multiplier per simulation hour, index floor(t / 60) (each ≥ 0).
   * @param surges - extra multipliers over intervals; overlapping surges multiply.
   * @param end - where the rate stops (default and maximum: `hourly.length × 60`).
   * @throws RangeError for negative or non-finite parameters.
   */
  constructor(baseRate: number, hourly: Float64Array, surges: readonly Surge[] = [], end: number = hourly.length * 60) {
    if (!Number.isFinite(baseRate) || baseRate < 0) {
      throw new RangeError(`base arrival rate must be a finite number ≥ 0 per minute (found ${baseRate})`);
    }
    hourly.forEach((multiplier, hour) => {
      if (!Number.isFinite(multiplier) || multiplier < 0) {
        throw new RangeError(`hourly multiplier #${hour} must be a finite number ≥ 0 (found ${multiplier})`);
      }
    });
    surges.forEach((surge, index) => {
      if (!Number.isFinite(surge.multiplier) || surge.multiplier < 0) {
        throw new RangeError(`surge #${index + 1} multiplier must be a finite number ≥ 0 (found ${surge.multiplier})`);
      }
      if (Number.isNaN(surge.start) || Number.isNaN(surge.end)) {
        throw new RangeError(
          `surge #${index + 1} must have numeric start and end (found ${surge.start} to ${surge.end})`,
        );
      }
    });
    if (!(end >= 0)) throw new RangeError(`rate end must be ≥ 0 (found ${end})`);
    this.end = Math.min(end, hourly.length * 60);
    const finalEnd = this.end;

    // Breakpoints: hour boundaries and surge edges inside (0, end).
    const breaks = new Set<number>([0]);
    for (let hour = 1; hour * 60 < finalEnd; hour++) breaks.add(hour * 60);
    const activeSurges = surges.filter((surge) => surge.end > surge.start && surge.end > 0 && surge.start < finalEnd);
    for (const surge of activeSurges) {
      if (surge.start > 0 && surge.start < finalEnd) breaks.add(surge.start);
      if (surge.end > 0 && surge.end < finalEnd) breaks.add(surge.end);
    }
    const points = Float64Array.from(breaks).sort();
    const bySurgeStart = [...activeSurges].sort((a, b) => a.start - b.start);
    let nextSurge = 0;
    let active: Surge[] = [];
    const starts: number[] = [];
    const rates: number[] = [];
    if (finalEnd > 0) {
      for (const point of points) {
        while (nextSurge < bySurgeStart.length && (bySurgeStart[nextSurge] as Surge).start <= point) {
          active.push(bySurgeStart[nextSurge] as Surge);
          nextSurge++;
        }
        active = active.filter((surge) => surge.end > point);
        let value = baseRate * (hourly[Math.floor(point / 60)] as number);
        for (const surge of active) value *= surge.multiplier;
        if (rates.length > 0 && rates[rates.length - 1] === value) continue; // merge equal neighbours
        starts.push(point);
        rates.push(value);
      }
    }
    this.starts = Float64Array.from(starts);
    this.rates = Float64Array.from(rates);
    this.maxRate = rates.reduce((maximum, value) => (value > maximum ? value : maximum), 0);

    const hours = Math.ceil(finalEnd / 60);
    this.hourFirstPiece = new Int32Array(Math.max(hours, 1));
    let piece = 0;
    for (let hour = 0; hour < hours; hour++) {
      while (piece + 1 < this.starts.length && (this.starts[piece + 1] as number) <= hour * 60) piece++;
      this.hourFirstPiece[hour] = piece;
    }
  }

  /**
   * A constant rate on [0, end) (a single piece; allocates one multiplier
   * per hour of `end` for the constructor).
   *
   * @param ratePerMinute - arrivals per minute.
   * @param end - where arrivals stop, in minutes.
   */
  static constant(ratePerMinute: number, end: number): PiecewiseRate {
    return new PiecewiseRate(ratePerMinute, new Float64Array(Math.max(1, Math.ceil(end / 60))).fill(1), [], end);
  }

  /** Index of the piece containing t (requires 0 ≤ t < end). */
  private piece(t: number): number {
    const starts = this.starts;
    let index = this.hourFirstPiece[Math.floor(t / 60)] as number;
    while (index + 1 < starts.length && (starts[index + 1] as number) <= t) index++;
    return index;
  }

  /** The rate at t in arrivals per minute (0 outside [0, end)). */
  rateAt(t: number): number {
    if (!(t >= 0 && t < this.end) || this.starts.length === 0) return 0;
    return this.rates[this.piece(t)] as number;
  }

  /** The rate itself is the tightest majorant: constant over the piece containing t. */
  majorantAt(t: number): number {
    return this.rateAt(t);
  }

  /** The end of the piece containing t (0 before the start, Infinity from `end` on). */
  majorantEnd(t: number): number {
    if (t < 0) return 0;
    if (!(t < this.end) || this.starts.length === 0) return Infinity;
    const index = this.piece(t);
    return index + 1 < this.starts.length ? (this.starts[index + 1] as number) : this.end;
  }
}

function normalised(weights: number[] | undefined, expectedLength: number, name: string): Float64Array | undefined {
  if (weights === undefined) return undefined;
  if (weights.length !== expectedLength) {
    throw new RangeError(`${name} weights must have ${expectedLength} entries (found ${weights.length})`);
  }
  let sum = 0;
  weights.forEach((weight, index) => {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`${name} weight #${index} must be a finite number ≥ 0 (found ${weight})`);
    }
    sum += weight;
  });
  if (!(sum > 0)) throw new RangeError(`${name} weights must not all be 0`);
  const mean = sum / expectedLength;
  return Float64Array.from(weights, (weight) => weight / mean);
}

/**
 * Hour-of-horizon multipliers for {@link PiecewiseRate} from a local-time
 * profile. Entry h covers simulation minutes [60h, 60h + 60).
 *
 * The 24 hourly weights (local hour 0–23) and the 7 weekly weights (Monday …
 * Sunday) are each normalised to mean 1, so over a whole week the profile
 * averages 1 and the base rate stays the average rate over the profile. With
 * `open`, closed time gets multiplier 0 — it removes arrivals rather than
 * moving them into open hours, so the base rate is then the rate while open
 * (for a flat profile). Each entry is the average of the profile over the
 * minutes of its hour (evaluated at minute midpoints), so an hour that is
 * half open, or straddles two local hours, gets the average; the expected
 * count per hour is exact at minute resolution. For minute-exact closures
 * instead, leave out `open` and pass {@link closedSurges} as surges.
 *
 * @throws RangeError for weight lists of the wrong length, negative weights,
 *   or all-zero weights.
 */
export function hourlyMultipliers(
  table: LocalTimeTable,
  horizonMinutes: number,
  options: { hourly?: number[]; weekly?: number[]; open?: BusinessCalendar },
): Float64Array {
  const hours = Math.max(1, Math.ceil(horizonMinutes / 60));
  const multipliers = new Float64Array(hours);
  const hourly = normalised(options.hourly, 24, 'hourly');
  const weekly = normalised(options.weekly, 7, 'weekly');
  const open = options.open;
  if (hourly === undefined && weekly === undefined && open === undefined) return multipliers.fill(1);
  for (let hour = 0; hour < hours; hour++) {
    let sum = 0;
    for (let minute = 0; minute < 60; minute++) {
      const t = hour * 60 + minute + 0.5;
      if (open !== undefined && !open.isOpen(t)) continue;
      let weight = 1;
      if (hourly !== undefined) weight *= hourly[Math.floor(table.minuteOfDay(t) / 60)] as number;
      if (weekly !== undefined) weight *= weekly[table.dayOfWeek(t)] as number;
      sum += weight;
    }
    multipliers[hour] = sum / 60;
  }
  return multipliers;
}

/**
 * The closed periods of a calendar within [fromMinute, toMinute) as surges
 * with multiplier 0, for minute-exact closures with {@link PiecewiseRate}.
 * Empty for an always-open calendar.
 */
export function closedSurges(calendar: BusinessCalendar, fromMinute: number, toMinute: number): Surge[] {
  if (calendar.alwaysOpen || !(toMinute > fromMinute)) return [];
  const surges: Surge[] = [];
  let cursor = fromMinute;
  for (const [start, end] of calendar.openIntervals()) {
    if (end <= cursor) continue;
    if (start >= toMinute) break;
    if (start > cursor) surges.push({ start: cursor, end: start, multiplier: 0 });
    cursor = end;
  }
  if (cursor < toMinute) surges.push({ start: cursor, end: toMinute, multiplier: 0 });
  return surges;
}

/**
 * Day-to-day forecast error: one busyness factor per simulation day, gamma-distributed with
 * mean 1 and coefficient of variation `cv` (as in the ContactCenters library of Buist &
 * L'Ecuyer, "busyness" of a day), drawn from its own stream so every other draw is unchanged.
 * Returns an empty array when `cv` is 0 (no error: the forecast is the rate).
 */
export function busyDayFactors(days: number, cv: number, rng: Rng): Float64Array {
  if (!(cv >= 0) || !Number.isFinite(cv)) throw new RangeError(`busyness cv must be a finite number ≥ 0 (found ${cv})`);
  if (cv === 0) return new Float64Array(0);
  const sampler = createSampler({ dist: 'gamma', mean: 1, sd: cv });
  return Float64Array.from({ length: Math.max(1, Math.ceil(days)) }, () => sampler.sample(rng));
}

/**
 * A rate multiplied by a factor per day (day d covers minutes [1440d, 1440d + 1440)). The
 * pieces of the inner majorant are cut at midnight, so a piecewise-constant rate stays one
 * (thinning still never rejects).
 */
export class BusyDaysRate implements RateFunction {
  readonly maxRate: number;
  readonly end: number;
  readonly majorantIsRate?: boolean;
  readonly majorantAt?: (t: number) => number;
  readonly majorantEnd?: (t: number) => number;

  constructor(
    private readonly inner: RateFunction,
    private readonly factors: Float64Array,
  ) {
    this.end = inner.end;
    this.maxRate = inner.maxRate * Math.max(1, ...factors);
    if (inner.majorantIsRate) this.majorantIsRate = true;
    if (inner.majorantAt !== undefined && inner.majorantEnd !== undefined) {
      const majorantAt = inner.majorantAt.bind(inner);
      const majorantEnd = inner.majorantEnd.bind(inner);
      this.majorantAt = (t) => majorantAt(t) * this.factorAt(t);
      this.majorantEnd = (t) => Math.min(majorantEnd(t), (Math.floor(t / MINUTES_PER_DAY) + 1) * MINUTES_PER_DAY);
    }
  }

  /** The factor of the day containing `t` (1 past the last drawn day). */
  factorAt(t: number): number {
    return this.factors[Math.floor(t / MINUTES_PER_DAY)] ?? 1;
  }

  rateAt(t: number): number {
    return this.inner.rateAt(t) * this.factorAt(t);
  }
}
