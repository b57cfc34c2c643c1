/**
 * Non-homogeneous Poisson arrivals.
 *
 * {@link ThinningArrivals} generates arrival times from any
 * {@link RateFunction} by thinning (Lewis & Shedler, 1979). {@link PiecewiseRate}
 * is the usual rate: a base rate shaped by hourly multipliers and surges; it
 * also publishes its piecewise-constant pieces, which lets the thinning use a
 * piecewise majorant equal to the rate itself — no rejected candidates, one
 * uniform per arrival, and closed periods are skipped without drawing.
 */
import type { RateFunction } from './arrival-rates.js';
import type { Rng } from './random.js';

/**
 * How {@link ThinningArrivals.next} draws. A number rather than two boolean fields: in V8's
 * optimised code each test of those fields was a generic truthiness check (is it false, the
 * empty string, a number, a bigint…) on the path of every arrival; a small integer compares
 * in one instruction. `npm run bench:profile`: the arrival path (`schedule`) 325 → 302
 * instructions a customer.
 */
const Sampling = {
  /** The maximum rate is 0: no arrivals. */
  None: 0,
  /** Candidates at the constant `maxRate`, thinned by `rateAt`. */
  ConstantMajorant: 1,
  /** Candidates at the piecewise-constant majorant, thinned by `rateAt`. */
  Piecewise: 2,
  /** The piecewise majorant is the rate: nothing is rejected. */
  PiecewiseExact: 3,
} as const;
type Sampling = (typeof Sampling)[keyof typeof Sampling];

export { busyDayFactors, BusyDaysRate, closedSurges, hourlyMultipliers, PiecewiseRate } from './arrival-rates.js';
export type { RateFunction, Surge } from './arrival-rates.js';

/**
 * A non-homogeneous Poisson process sampled by thinning.
 *
 * Candidates come from a homogeneous process at the majorant rate and are kept
 * with probability rate/majorant. With `majorantAt`/`majorantEnd` the
 * majorant is piecewise constant (the piece is cached between calls, and
 * pieces with majorant 0 are skipped without drawing); with `majorantIsRate`
 * nothing is ever rejected, so every arrival costs one uniform. Without them the
 * majorant is the constant `maxRate` (classic Lewis–Shedler); a candidate
 * whose rate equals the majorant is accepted without drawing, so a constant
 * rate uses exactly one uniform per arrival (a textbook Poisson process).
 */
export class ThinningArrivals {
  private readonly rate: RateFunction;
  private readonly rng: Rng;
  private readonly maxRate: number;
  private readonly meanGap: number;
  private readonly end: number;
  private readonly sampling: Sampling;
  /** The cached piece of the majorant: constant `pieceMajorant` over [pieceFrom, pieceEnd). */
  private pieceFrom = Infinity;
  private pieceEnd = -Infinity;
  private pieceMajorant = 0;

  /**
   * @param rate - the rate function.
   * @param rng - the stream of uniforms this process owns.
   * @throws RangeError if `maxRate` is negative or not finite.
   */
  constructor(rate: RateFunction, rng: Rng) {
    if (!(rate.maxRate >= 0) || !Number.isFinite(rate.maxRate)) {
      throw new RangeError(`the maximum arrival rate must be a finite number ≥ 0 (found ${rate.maxRate})`);
    }
    this.rate = rate;
    this.rng = rng;
    this.maxRate = rate.maxRate;
    this.meanGap = 1 / rate.maxRate;
    this.end = rate.end;
    const piecewise = typeof rate.majorantAt === 'function' && typeof rate.majorantEnd === 'function';
    this.sampling =
      rate.maxRate === 0
        ? Sampling.None
        : !piecewise
          ? Sampling.ConstantMajorant
          : rate.majorantIsRate === true
            ? Sampling.PiecewiseExact
            : Sampling.Piecewise;
  }

  /**
   * The next arrival after time `after` (call it with the previous arrival
   * time to walk the process; by memorylessness the result is the process's
   * next point). A gap of exactly 0 is possible only if the generator returns
   * exactly 0.
   *
   * @returns the arrival time, or Infinity if none happens before `rate.end`.
   */
  next(after: number): number {
    const sampling = this.sampling;
    if (sampling === Sampling.None) return Infinity;
    return sampling === Sampling.ConstantMajorant ? this.nextConstantMajorant(after) : this.nextPiecewise(after);
  }

  private nextConstantMajorant(after: number): number {
    const rng = this.rng;
    const rate = this.rate;
    const maxRate = this.maxRate;
    const meanGap = this.meanGap;
    const end = this.end;
    let t = after;
    for (;;) {
      t -= meanGap * Math.log(1 - rng());
      if (t >= end) return Infinity;
      const value = rate.rateAt(t);
      if (value >= maxRate || rng() * maxRate < value) return t;
    }
  }

  private nextPiecewise(after: number): number {
    const rng = this.rng;
    const rate = this.rate as Required<RateFunction>;
    const end = this.end;
    const exact = this.sampling === Sampling.PiecewiseExact;
    let t = after;
    // Remaining unit-rate exponential "distance" to the next candidate.
    let distance = -Math.log(1 - rng());
    for (;;) {
      if (t >= end) return Infinity;
      if (!(t >= this.pieceFrom && t < this.pieceEnd)) {
        // Outside the cached piece: look the piece containing t up.
        this.pieceFrom = t;
        this.pieceMajorant = rate.majorantAt(t);
        this.pieceEnd = rate.majorantEnd(t);
      }
      const majorant = this.pieceMajorant;
      const pieceEnd = this.pieceEnd;
      if (majorant > 0) {
        const candidate = t + distance / majorant;
        if (candidate < pieceEnd) {
          if (candidate >= end) return Infinity;
          t = candidate;
          if (exact) return t;
          const value = rate.rateAt(t);
          if (value >= majorant || rng() * majorant < value) return t;
          distance = -Math.log(1 - rng());
          continue;
        }
        distance -= majorant * (pieceEnd - t);
        if (distance < 0) distance = 0;
      }
      t = pieceEnd;
    }
  }
}
