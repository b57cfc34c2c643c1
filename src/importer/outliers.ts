/**
 * Times far outside the bulk of a log: a row dated 1970 (an epoch 0 written for "unknown"),
 * 0099 or 2099 in a log of 2010–2014 stretches the measured window by decades — thousands of
 * empty days in `daily.csv`, a backlog sampled over them — without a single warning.
 *
 * The bulk is told by its quartiles: an instant more than three interquartile ranges
 * (Tukey's "far out" fence), and at least 90 days, beyond the first or third quartile is an
 * outlier. The 90-day floor keeps a short log's late close (a ticket closed three weeks
 * after a busy week) in the log: only a date no desk could have meant is flagged.
 */
import { selectRank } from '../engine/index.js';

const DAY_MS = 86_400_000;
/** Tukey's far-out fence: three interquartile ranges beyond a quartile. */
const FENCE_IQRS = 3;
/** The smallest spread a fence allows, so a short log's legitimate tail stays in. */
const MINIMUM_SPREAD_MS = 30 * DAY_MS;

/** The instants (epoch milliseconds) inside which a log's times are not outliers. */
export interface TimeFences {
  earliest: number;
  latest: number;
}

/** The value that would be at place `rank` if `values` were sorted, moving values about (`selectRank`). */
export function orderStatistic(values: Float64Array, rank: number): number {
  selectRank(values, rank);
  return values[rank]!;
}

/** Linear-interpolation quantile of values, as of the sorted values. */
function quantile(values: Float64Array, probability: number): number {
  const position = (values.length - 1) * probability;
  const below = Math.floor(position);
  const above = Math.min(below + 1, values.length - 1);
  const low = orderStatistic(values, below);
  return low + (orderStatistic(values, above) - low) * (position - below);
}

/** The fences of a log's times; undefined for fewer than four times (no bulk to speak of). */
export function timeFences(times: ArrayLike<number>): TimeFences | undefined {
  if (times.length < 4) return undefined;
  const values = Float64Array.from(times);
  for (let at = 0; at < values.length; at++) {
    // Selection compares; a NaN compares false both ways, so it would not be found where sorting puts it.
    if (Number.isNaN(values[at]!)) {
      values.sort();
      break;
    }
  }
  const first = quantile(values, 0.25);
  const third = quantile(values, 0.75);
  const reach = FENCE_IQRS * Math.max(third - first, MINIMUM_SPREAD_MS);
  return { earliest: first - reach, latest: third + reach };
}

/** Is the instant outside the fences? */
export function isOutlier(epochMs: number, fences: TimeFences | undefined): boolean {
  return fences !== undefined && (epochMs < fences.earliest || epochMs > fences.latest);
}
