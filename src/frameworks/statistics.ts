/**
 * The statistics of a framework study: Spearman's rank correlation (ties at their mean
 * rank) and percentile bootstrap intervals over desks, drawn from a named random stream so
 * that the same study and seed give the same intervals.
 */
import { createStream } from '../engine/random.js';

/** Ranks from 1, tied values sharing their mean rank. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++;
    const rank = (start + end) / 2 + 1;
    for (let position = start; position <= end; position++) result[order[position]!.index] = rank;
    start = end + 1;
  }
  return result;
}

/** Pearson's correlation; null when either side does not vary. */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 2 || y.length !== n) return null;
  const meanX = x.reduce((sum, value) => sum + value, 0) / n;
  const meanY = y.reduce((sum, value) => sum + value, 0) / n;
  let xy = 0;
  let xx = 0;
  let yy = 0;
  for (let index = 0; index < n; index++) {
    const dx = x[index]! - meanX;
    const dy = y[index]! - meanY;
    xy += dx * dy;
    xx += dx * dx;
    yy += dy * dy;
  }
  if (xx === 0 || yy === 0) return null;
  return Math.max(-1, Math.min(1, xy / Math.sqrt(xx * yy)));
}

/** Spearman's rank correlation: Pearson's on the ranks; null when either side is constant. */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  return pearson(ranks(x), ranks(y));
}

/** An estimate with its 95 % interval. */
export interface Estimate {
  value: number | null;
  ci95: [number, number] | null;
}

/**
 * A statistic of paired samples (one pair per desk) with its 95 % percentile bootstrap
 * interval: desks drawn with replacement `resamples` times from the stream
 * (seed, 0, purpose). Resamples where the statistic is undefined (a constant side) are
 * left out; with fewer than half defined there is no interval.
 */
export function bootstrapPaired(
  x: readonly number[],
  y: readonly number[],
  statistic: (x: readonly number[], y: readonly number[]) => number | null,
  options: { resamples: number; seed: number; purpose: string },
): Estimate {
  const value = statistic(x, y);
  const random = createStream(options.seed, 0, `bootstrap/${options.purpose}`);
  const n = x.length;
  const draws: number[] = [];
  const sampleX = new Array<number>(n);
  const sampleY = new Array<number>(n);
  for (let resample = 0; resample < options.resamples; resample++) {
    for (let index = 0; index < n; index++) {
      const pick = Math.floor(random() * n);
      sampleX[index] = x[pick]!;
      sampleY[index] = y[pick]!;
    }
    const drawn = statistic(sampleX, sampleY);
    if (drawn !== null) draws.push(drawn);
  }
  if (value === null || draws.length < options.resamples / 2) return { value, ci95: null };
  draws.sort((a, b) => a - b);
  return { value, ci95: [quantile(draws, 0.025), quantile(draws, 0.975)] };
}

/** Linear-interpolated quantile of sorted values. */
export function quantile(sorted: readonly number[], probability: number): number {
  const position = (sorted.length - 1) * probability;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}
