/** Small exact statistics used by KPI definitions. */
import { selectRank } from '../engine/index.js';

/** Arithmetic mean; null for no values. */
export function mean(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let index = 0; index < values.length; index++) sum += values[index]!;
  return sum / values.length;
}

/**
 * Exact quantile with linear interpolation between order statistics (Hyndman & Fan type 7,
 * the default of R and NumPy). Exact rather than streaming: the ledger keeps one record per
 * ticket anyway, and sorting 10^6 numbers takes well under a second.
 */
export function quantile(values: readonly number[], probability: number): number | null {
  return sortedQuantile(Float64Array.from(values).sort(), probability);
}

/** `quantile` of an already ascending sample. */
export function sortedQuantile(sorted: ArrayLike<number>, probability: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * probability;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  const fraction = position - lower;
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * fraction;
}

/**
 * Positions already selected in a sample (ascending): everything left of one is ≤ its value, everything right ≥. A
 * later quantile of the same sample (p90 after p50) selects only between the two positions around it.
 */
const selectedPositions = new WeakMap<Float64Array, number[]>();

/**
 * The same type-7 quantile as `quantile`, in O(n) by selection instead of sorting. Reorders
 * `values` (which must hold no NaN, and must not be changed between two quantiles of it).
 */
export function selectQuantile(values: Float64Array, probability: number): number | null {
  const length = values.length;
  if (length === 0) return null;
  const position = (length - 1) * probability;
  const lower = Math.floor(position);
  let selected = selectedPositions.get(values);
  if (selected === undefined) selectedPositions.set(values, (selected = []));
  // The selected positions around `lower` bound the part of the sample that still needs partitioning.
  let from = 0;
  let to = length - 1;
  for (const done of selected) {
    if (done < lower && done + 1 > from) from = done + 1;
    if (done >= lower && done - 1 < to) to = done === lower ? lower : done - 1;
  }
  if (!selected.includes(lower)) {
    selectRank(values, lower, from, to);
    selected.push(lower);
  }
  const lowerValue = values[lower]!;
  if (lower + 1 >= length || position === lower) return lowerValue;
  // After selection everything right of `lower` is ≥ it: the next order statistic is their minimum, found left of
  // the next selected position (everything right of that is ≥ the value there).
  let end = length - 1;
  for (const done of selected) if (done > lower && done < end) end = done;
  let upperValue = Number.POSITIVE_INFINITY;
  for (let index = lower + 1; index <= end; index++) if (values[index]! < upperValue) upperValue = values[index]!;
  return lowerValue + (upperValue - lowerValue) * (position - lower);
}
