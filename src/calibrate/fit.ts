/**
 * Fitting a duration distribution to a sample: maximum likelihood for each of the shipped
 * continuous distributions (exponential, lognormal, gamma, Weibull), the best by AIC with
 * jStat's densities, its Kolmogorov–Smirnov distance as the goodness of fit — and the
 * sample itself (`empirical`) when no candidate fits.
 */
import jStat from 'jstat';
import type { DistributionSpec } from '../engine/distributions.js';

/** One candidate distribution fitted to a sample. */
export interface Candidate {
  spec: DistributionSpec;
  logLikelihood: number;
  aic: number;
  /** Kolmogorov–Smirnov statistic: the largest gap between the sample's and the fit's CDF. */
  ks: number;
}

/** A sample's fit: every candidate, the chosen distribution and the mean's uncertainty. */
export interface DurationFit {
  n: number;
  mean: number;
  sd: number;
  /** 95 % confidence interval of the mean (normal approximation). */
  meanCi: [number, number];
  /** Candidates by AIC, best first. */
  candidates: Candidate[];
  /** The distribution the scenario uses: the best candidate, or `empirical` when none fits. */
  chosen: DistributionSpec;
  /** Does the best candidate fit (KS gap under the 5 % critical value, or under 0.05)? */
  fits: boolean;
  /** Values raised to the log's one-second resolution (a zero duration has no density). */
  raisedToResolution: number;
}

/** Durations below this (one second, in minutes) are raised to it. */
const RESOLUTION = 1 / 60;
/** Quantiles an `empirical` distribution keeps of a large sample. */
const EMPIRICAL_POINTS = 200;

const digamma = (x: number): number => {
  let result = 0;
  for (; x < 6; x++) result -= 1 / x;
  const f = 1 / (x * x);
  return result + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
};
const trigamma = (x: number): number => {
  let result = 0;
  for (; x < 6; x++) result += 1 / (x * x);
  const f = 1 / (x * x);
  return result + 1 / x + f / 2 + (f / x) * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f / 30)));
};

function gammaShape(mean: number, meanLog: number): number {
  const s = Math.log(mean) - meanLog;
  // Minka's starting point, then Newton on ln(k) − ψ(k) = s.
  let shape = (3 - s + Math.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s);
  for (let step = 0; step < 50; step++) {
    const next = shape - (Math.log(shape) - digamma(shape) - s) / (1 / shape - trigamma(shape));
    if (!(next > 0)) break;
    if (Math.abs(next - shape) < 1e-10 * shape) return next;
    shape = next;
  }
  return shape;
}

/**
 * The Weibull shape's likelihood equation, 1/k + mean(ln x) − Σ xᵏ ln x / Σ xᵏ = 0, falls
 * in k: solved by bisection, on values scaled by their geometric mean so xᵏ cannot overflow.
 */
function weibullShape(values: readonly number[], meanLog: number): number {
  const scaledLogs = values.map((value) => Math.log(value) - meanLog);
  const equation = (shape: number) => {
    let sum = 0;
    let sumLog = 0;
    for (const log of scaledLogs) {
      const power = Math.exp(shape * log);
      sum += power;
      sumLog += power * log;
    }
    return 1 / shape - sumLog / sum;
  };
  let low = 1e-3;
  let high = 100;
  for (let step = 0; step < 200 && high - low > 1e-10 * high; step++) {
    const middle = (low + high) / 2;
    if (equation(middle) > 0) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

interface Family {
  spec: DistributionSpec;
  parameters: number;
  logPdf: (x: number) => number;
  cdf: (x: number) => number;
}

function families(values: readonly number[]): Family[] {
  const n = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const logs = values.map(Math.log);
  const meanLog = logs.reduce((sum, value) => sum + value, 0) / n;
  const sdLog = Math.sqrt(logs.reduce((sum, value) => sum + (value - meanLog) ** 2, 0) / n);
  const found: Family[] = [
    {
      spec: { dist: 'exponential', mean },
      parameters: 1,
      logPdf: (x) => Math.log(jStat.exponential.pdf(x, 1 / mean)),
      cdf: (x) => jStat.exponential.cdf(x, 1 / mean),
    },
  ];
  if (sdLog > 0) {
    const lognormalMean = Math.exp(meanLog + sdLog ** 2 / 2);
    found.push({
      spec: { dist: 'lognormal', mean: lognormalMean, sd: lognormalMean * Math.sqrt(Math.expm1(sdLog ** 2)) },
      parameters: 2,
      logPdf: (x) => Math.log(jStat.lognormal.pdf(x, meanLog, sdLog)),
      cdf: (x) => jStat.lognormal.cdf(x, meanLog, sdLog),
    });
    const shape = gammaShape(mean, meanLog);
    const scale = mean / shape;
    found.push({
      spec: { dist: 'gamma', mean, sd: Math.sqrt(shape) * scale },
      parameters: 2,
      logPdf: (x) => Math.log(jStat.gamma.pdf(x, shape, scale)),
      cdf: (x) => jStat.gamma.cdf(x, shape, scale),
    });
    const k = weibullShape(values, meanLog);
    const lambda =
      Math.exp(meanLog) *
      (values.reduce((sum, value) => sum + Math.exp(k * (Math.log(value) - meanLog)), 0) / n) ** (1 / k);
    found.push({
      spec: { dist: 'weibull', shape: k, scale: lambda },
      parameters: 2,
      logPdf: (x) => Math.log(jStat.weibull.pdf(x, lambda, k)),
      cdf: (x) => jStat.weibull.cdf(x, lambda, k),
    });
  }
  return found;
}

function ksStatistic(sorted: readonly number[], cdf: (x: number) => number): number {
  let largest = 0;
  for (let index = 0; index < sorted.length; index++) {
    const fitted = cdf(sorted[index]!);
    largest = Math.max(largest, fitted - index / sorted.length, (index + 1) / sorted.length - fitted);
  }
  return largest;
}

/** The sample's quantiles as an empirical distribution (the sample itself when small). */
export function empiricalOf(sorted: readonly number[]): DistributionSpec {
  if (sorted.length <= EMPIRICAL_POINTS) return { dist: 'empirical', values: [...sorted] };
  const values: number[] = [];
  for (let index = 0; index < EMPIRICAL_POINTS; index++)
    values.push(sorted[Math.floor(((index + 0.5) / EMPIRICAL_POINTS) * sorted.length)]!);
  return { dist: 'empirical', values };
}

/** Fits a sample of durations (minutes). Needs at least two values. */
export function fitDurations(sample: readonly number[]): DurationFit {
  let raised = 0;
  const values = sample.map((value) => {
    if (value >= RESOLUTION) return value;
    raised++;
    return RESOLUTION;
  });
  const sorted = [...values].sort((a, b) => a - b);
  const n = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(n - 1, 1));
  const half = (1.959964 * sd) / Math.sqrt(n);
  const candidates = families(values)
    .map((family) => {
      const logLikelihood = values.reduce((sum, value) => sum + family.logPdf(value), 0);
      return {
        spec: family.spec,
        logLikelihood,
        aic: 2 * family.parameters - 2 * logLikelihood,
        ks: ksStatistic(sorted, family.cdf),
      };
    })
    .filter((candidate) => Number.isFinite(candidate.aic))
    .sort((a, b) => a.aic - b.aic);
  const best = candidates[0];
  const fits = best !== undefined && best.ks < Math.max(0.05, 1.358 / Math.sqrt(n));
  return {
    n,
    mean,
    sd,
    meanCi: [Math.max(0, mean - half), mean + half],
    candidates,
    chosen: fits ? best.spec : empiricalOf(sorted),
    fits,
    raisedToResolution: raised,
  };
}
