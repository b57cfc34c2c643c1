/** Shared statistics helpers for the engine tests. */

/** Sample mean and unbiased sample variance. */
export function moments(values: ArrayLike<number>): { mean: number; variance: number } {
  let mean = 0;
  let squares = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index] as number;
    const delta = value - mean;
    mean += delta / (index + 1);
    squares += delta * (value - mean);
  }
  return { mean, variance: squares / (values.length - 1) };
}

/** Fourth central moment about `mean`, for the standard error of the sample variance. */
export function fourthCentralMoment(values: ArrayLike<number>, mean: number): number {
  let sum = 0;
  for (let index = 0; index < values.length; index++) {
    const delta = (values[index] as number) - mean;
    sum += delta * delta * delta * delta;
  }
  return sum / values.length;
}

/** Kolmogorov–Smirnov statistic D = sup |F_n(x) − F(x)|. */
export function kolmogorovSmirnov(values: ArrayLike<number>, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let statistic = 0;
  for (let index = 0; index < n; index++) {
    const expected = cdf(sorted[index] as number);
    statistic = Math.max(statistic, (index + 1) / n - expected, expected - index / n);
  }
  return statistic;
}

/** Critical value of the KS statistic at level α = 0.001 (asymptotic: 1.949 / √n). */
export function kolmogorovSmirnovCritical(n: number): number {
  return 1.949 / Math.sqrt(n);
}
