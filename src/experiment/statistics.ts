/**
 * Across-replication statistics: mean, standard deviation and the Student-t 95 % confidence
 * interval of each KPI. Replications are independent (their own random streams), so the
 * textbook interval applies.
 *
 * Intervals are kept inside the KPI's possible values (`KpiRange`: shares in [0, 1], NPS in
 * [−100, 100], times and counts ≥ 0) by clipping the t-interval at the range's ends. The
 * true value lies inside the range, so clipping never drops it from an interval that held
 * it: coverage stays the t-interval's. (A logit or log scale would also bound the interval,
 * but breaks on replications at exactly 0 or 1 — a share of 100 % SLA compliance is common.)
 */
import jStat from 'jstat';
import type { KpiRange } from '../metrics/catalog.js';

/** Summary of one KPI over replications. `null` where the KPI had no value. */
export interface KpiSummary {
  mean: number | null;
  sd: number | null;
  ci95: [number, number] | null;
  /** Replications in which the KPI had a value. */
  n: number;
  unit: string;
}

/** No bound on either side. */
export const UNBOUNDED: KpiRange = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];

/** Two-sided Student-t quantile for a 95 % interval with `n - 1` degrees of freedom. */
export function tQuantile95(n: number): number {
  return jStat.studentt.inv(0.975, n - 1);
}

/** An interval clipped to a range. */
export function clipInterval(interval: readonly [number, number], range: KpiRange): [number, number] {
  return [Math.min(Math.max(interval[0], range[0]), range[1]), Math.max(Math.min(interval[1], range[1]), range[0])];
}

/** Mean, sample sd and 95 % CI of the non-null values, the CI kept inside `range`. */
export function summarize(values: ReadonlyArray<number | null>, unit: string, range: KpiRange = UNBOUNDED): KpiSummary {
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
  const n = present.length;
  if (n === 0) return { mean: null, sd: null, ci95: null, n, unit };
  const mean = present.reduce((sum, value) => sum + value, 0) / n;
  if (n === 1) return { mean, sd: null, ci95: null, n, unit };
  const variance = present.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  const sd = Math.sqrt(variance);
  const half = tQuantile95(n) * (sd / Math.sqrt(n));
  return { mean, sd, ci95: clipInterval([mean - half, mean + half], range), n, unit };
}

/**
 * How wide an interval may be and still say something: a half-width over half the mean
 * (for values ≥ 0: times, counts, costs) or over a tenth of the range (shares, scores). A
 * KPI that can take either sign (a growth rate) has no such yardstick and is never "wide".
 */
export const WIDE_RELATIVE = 0.5;
export const WIDE_OF_RANGE = 0.1;

/** Is this summary's interval too wide to mean anything (see `WIDE_RELATIVE`, `WIDE_OF_RANGE`)? */
export function isWide(summary: Pick<KpiSummary, 'mean' | 'ci95'>, range: KpiRange): boolean {
  if (summary.mean === null || summary.ci95 === null) return false;
  const half = (summary.ci95[1] - summary.ci95[0]) / 2;
  const [low, high] = range;
  if (Number.isFinite(low) && Number.isFinite(high)) return half > WIDE_OF_RANGE * (high - low);
  if (Number.isFinite(low)) return half > WIDE_RELATIVE * Math.abs(summary.mean - low);
  return false;
}
