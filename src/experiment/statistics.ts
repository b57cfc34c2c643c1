/**
 * Across-replication statistics: mean, standard deviation and the Student-t 95 % confidence
 * interval of each KPI. Replications are independent (their own random streams), so the
 * textbook interval applies.
 */
import jStat from 'jstat';

/** Summary of one KPI over replications. `null` where the KPI had no value. */
export interface KpiSummary {
  mean: number | null;
  sd: number | null;
  ci95: [number, number] | null;
  /** Replications in which the KPI had a value. */
  n: number;
  unit: string;
}

/** Two-sided Student-t quantile for a 95 % interval with `n - 1` degrees of freedom. */
export function tQuantile95(n: number): number {
  return jStat.studentt.inv(0.975, n - 1);
}

/** Mean, sample sd and 95 % CI of the non-null values. */
export function summarize(values: ReadonlyArray<number | null>, unit: string): KpiSummary {
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
  const n = present.length;
  if (n === 0) return { mean: null, sd: null, ci95: null, n, unit };
  const mean = present.reduce((sum, value) => sum + value, 0) / n;
  if (n === 1) return { mean, sd: null, ci95: null, n, unit };
  const variance = present.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  const sd = Math.sqrt(variance);
  const half = tQuantile95(n) * (sd / Math.sqrt(n));
  return { mean, sd, ci95: [mean - half, mean + half], n, unit };
}
