/** Small exact statistics used by KPI definitions. */

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

/** Share of items meeting a predicate; null for no items. */
export function share<T>(items: readonly T[], predicate: (item: T) => boolean): number | null {
  if (items.length === 0) return null;
  let count = 0;
  for (const item of items) if (predicate(item)) count++;
  return count / items.length;
}
