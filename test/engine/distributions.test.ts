import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import {
  createSampler,
  DistributionError,
  distributionProblems,
  gammaFunction,
  inverseNormalCdf,
  standardNormal,
  type DistributionSpec,
} from '../../src/engine/distributions.js';
import { createStream } from '../../src/engine/random.js';
import { fourthCentralMoment, kolmogorovSmirnov, kolmogorovSmirnovCritical, moments } from './helpers.js';

function sampleMany(spec: DistributionSpec, n: number, purpose: string): Float64Array {
  const sampler = createSampler(spec);
  const rng = createStream(20260105, 0, purpose);
  const values = new Float64Array(n);
  for (let index = 0; index < n; index++) values[index] = sampler.sample(rng);
  return values;
}

const cases: Array<{ spec: DistributionSpec; mean: number; variance: number }> = [
  { spec: { dist: 'exponential', mean: 5 }, mean: 5, variance: 25 },
  { spec: { dist: 'lognormal', mean: 10, sd: 5 }, mean: 10, variance: 25 },
  { spec: { dist: 'lognormal', mean: 3, sd: 0.1 }, mean: 3, variance: 0.01 },
  { spec: { dist: 'gamma', mean: 10, sd: 5 }, mean: 10, variance: 25 }, // shape 4
  { spec: { dist: 'gamma', mean: 6, sd: 6 }, mean: 6, variance: 36 }, // shape 1
  { spec: { dist: 'gamma', mean: 2, sd: 4 }, mean: 2, variance: 16 }, // shape 0.25: the boost path
  {
    spec: { dist: 'weibull', shape: 1.5, scale: 10 },
    mean: 10 * gammaFunction(1 + 1 / 1.5),
    variance: 100 * (gammaFunction(1 + 2 / 1.5) - gammaFunction(1 + 1 / 1.5) ** 2),
  },
  {
    spec: { dist: 'weibull', shape: 0.8, scale: 4 },
    mean: 4 * gammaFunction(1 + 1 / 0.8),
    variance: 16 * (gammaFunction(1 + 2 / 0.8) - gammaFunction(1 + 1 / 0.8) ** 2),
  },
  { spec: { dist: 'uniform', min: 2, max: 8 }, mean: 5, variance: 3 },
  { spec: { dist: 'triangular', min: 1, mode: 3, max: 10 }, mean: 14 / 3, variance: (1 + 100 + 9 - 10 - 3 - 30) / 18 },
  { spec: { dist: 'triangular', min: 0, mode: 0, max: 6 }, mean: 2, variance: 36 / 18 },
  { spec: { dist: 'triangular', min: 2, mode: 8, max: 8 }, mean: 6, variance: (4 + 64 + 64 - 16 - 16 - 64) / 18 },
  { spec: { dist: 'empirical', values: [1, 2, 2, 9] }, mean: 3.5, variance: (6.25 + 2.25 + 2.25 + 30.25) / 4 },
];

describe('createSampler: analytic moments', () => {
  it.each(cases)('$spec.dist $spec has the exact analytic mean and variance', ({ spec, mean, variance }) => {
    const sampler = createSampler(spec);
    expect(sampler.mean).toBeCloseTo(mean, 12);
    expect(sampler.variance).toBeCloseTo(variance, 12);
    expect(sampler.spec).toEqual(spec);
  });

  it('Weibull with shape 1 is exponential and shape 2 is Rayleigh', () => {
    const exponential = createSampler({ dist: 'weibull', shape: 1, scale: 3 });
    expect(exponential.mean).toBeCloseTo(3, 13);
    expect(exponential.variance).toBeCloseTo(9, 12);
    const rayleigh = createSampler({ dist: 'weibull', shape: 2, scale: 2 });
    expect(rayleigh.mean).toBeCloseTo(Math.sqrt(Math.PI), 13);
    expect(rayleigh.variance).toBeCloseTo(4 * (1 - Math.PI / 4), 12);
  });
});

describe('createSampler: sampling agrees with the moments (4-sigma confidence intervals)', () => {
  const n = 200_000;
  it.each(cases)('$spec.dist $spec', ({ spec, mean, variance }) => {
    const values = sampleMany(spec, n, `moments-${JSON.stringify(spec)}`);
    const sample = moments(values);
    // Standard error of the mean is σ/√n; of the sample variance ≈ √((μ₄ − σ⁴)/n).
    expect(Math.abs(sample.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / n));
    const fourth = fourthCentralMoment(values, mean);
    expect(Math.abs(sample.variance - variance)).toBeLessThan(4 * Math.sqrt((fourth - variance * variance) / n));
    expect(values.every((value) => value >= 0 && Number.isFinite(value))).toBe(true);
  });

  it('lognormal and gamma reproduce the requested mean and sd', () => {
    for (const dist of ['lognormal', 'gamma'] as const) {
      const values = sampleMany({ dist, mean: 12, sd: 7 }, n, `mean-sd-${dist}`);
      const sample = moments(values);
      expect(Math.abs(sample.mean - 12)).toBeLessThan((4 * 7) / Math.sqrt(n));
      const fourth = fourthCentralMoment(values, 12);
      // Delta method: se(sd) ≈ se(variance) / (2 sd).
      expect(Math.abs(Math.sqrt(sample.variance) - 7)).toBeLessThan((4 * Math.sqrt((fourth - 7 ** 4) / n)) / (2 * 7));
    }
  });

  it('deterministic always returns its value and consumes no uniforms', () => {
    const sampler = createSampler({ dist: 'deterministic', value: 7 });
    let calls = 0;
    const rng = () => {
      calls++;
      return 0.5;
    };
    expect(sampler.sample(rng)).toBe(7);
    expect(calls).toBe(0);
    expect(sampler.mean).toBe(7);
    expect(sampler.variance).toBe(0);
  });

  it('empirical draws each value with equal probability', () => {
    const values = sampleMany({ dist: 'empirical', values: [4, 5, 6, 7] }, n, 'empirical-frequencies');
    for (const value of [4, 5, 6, 7]) {
      const count = values.filter((sampled) => sampled === value).length;
      // Binomial(n, 1/4): sd √(n · 1/4 · 3/4).
      expect(Math.abs(count - n / 4)).toBeLessThan(4 * Math.sqrt((n * 3) / 16));
    }
  });

  it('empirical never indexes past the end, even for a uniform just below 1', () => {
    const sampler = createSampler({ dist: 'empirical', values: [1, 2, 3] });
    expect(sampler.sample(() => 1 - 2 ** -53)).toBe(3);
    expect(sampler.sample(() => 0)).toBe(1);
  });
});

describe('createSampler: Kolmogorov–Smirnov against jstat CDFs (α = 0.001)', () => {
  const n = 20_000;
  const critical = kolmogorovSmirnovCritical(n);

  it('exponential', () => {
    const values = sampleMany({ dist: 'exponential', mean: 4 }, n, 'ks-exponential');
    expect(kolmogorovSmirnov(values, (x) => jStat.exponential.cdf(x, 1 / 4))).toBeLessThan(critical);
  });

  it('lognormal (mean/sd converted to μ, σ)', () => {
    const mean = 8;
    const sd = 6;
    const sigmaSquared = Math.log(1 + (sd * sd) / (mean * mean));
    const mu = Math.log(mean) - sigmaSquared / 2;
    const values = sampleMany({ dist: 'lognormal', mean, sd }, n, 'ks-lognormal');
    expect(kolmogorovSmirnov(values, (x) => jStat.lognormal.cdf(x, mu, Math.sqrt(sigmaSquared)))).toBeLessThan(
      critical,
    );
  });

  it('gamma, including shape < 1 (shape = mean²/sd², scale = sd²/mean)', () => {
    for (const [mean, sd] of [
      [10, 4],
      [3, 5],
    ] as const) {
      const values = sampleMany({ dist: 'gamma', mean, sd }, n, `ks-gamma-${mean}-${sd}`);
      const shape = (mean * mean) / (sd * sd);
      const scale = (sd * sd) / mean;
      expect(kolmogorovSmirnov(values, (x) => jStat.gamma.cdf(x, shape, scale))).toBeLessThan(critical);
    }
  });

  it('weibull', () => {
    const values = sampleMany({ dist: 'weibull', shape: 2.5, scale: 7 }, n, 'ks-weibull');
    expect(kolmogorovSmirnov(values, (x) => jStat.weibull.cdf(x, 7, 2.5))).toBeLessThan(critical);
  });

  it('triangular', () => {
    const [a, c, b] = [1, 2, 6];
    const cdf = (x: number) =>
      x <= a ? 0 : x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : x < b ? 1 - (b - x) ** 2 / ((b - a) * (b - c)) : 1;
    const values = sampleMany({ dist: 'triangular', min: a, mode: c, max: b }, n, 'ks-triangular');
    expect(kolmogorovSmirnov(values, cdf)).toBeLessThan(critical);
  });
});

describe('special functions', () => {
  it('gammaFunction matches known values', () => {
    expect(gammaFunction(1)).toBeCloseTo(1, 14);
    expect(gammaFunction(5)).toBeCloseTo(24, 11);
    expect(gammaFunction(0.5)).toBeCloseTo(Math.sqrt(Math.PI), 14);
    expect(gammaFunction(1.5)).toBeCloseTo(Math.sqrt(Math.PI) / 2, 14);
  });

  it('inverseNormalCdf matches reference quantiles and is symmetric', () => {
    // Reference values verified with Φ(x) = erfc(−x/√2)/2 in double precision.
    const references: Array<[number, number]> = [
      [1e-12, -7.034483825301132],
      [1e-6, -4.753424308822899],
      [0.001, -3.090232306167813],
      [0.3, -0.5244005127080407],
      [0.975, 1.959963984540054],
    ];
    for (const [p, quantile] of references) expect(inverseNormalCdf(p)).toBeCloseTo(quantile, 12);
    for (const p of [0.001, 0.025, 0.3, 0.5, 0.7, 0.975, 0.999]) {
      expect(inverseNormalCdf(p)).toBeCloseTo(jStat.normal.inv(p, 0, 1), 6); // jstat is accurate to ~1e-7
      expect(inverseNormalCdf(p)).toBeCloseTo(-inverseNormalCdf(1 - p), 8);
    }
    expect(inverseNormalCdf(0)).toBe(-Infinity);
  });

  it('standardNormal uses exactly one uniform and survives a uniform of 0', () => {
    let calls = 0;
    const value = standardNormal(() => {
      calls++;
      return 0;
    });
    expect(calls).toBe(1);
    expect(Number.isFinite(value)).toBe(true);
  });
});

describe('distributionProblems', () => {
  it('is empty for valid specifications', () => {
    for (const { spec } of cases) expect(distributionProblems(spec)).toEqual([]);
    expect(distributionProblems({ dist: 'deterministic', value: 0 })).toEqual([]);
  });

  it('names the parameter, the rule and the value found', () => {
    expect(distributionProblems({ dist: 'lognormal', mean: 5, sd: -1 })).toEqual(['sd must be > 0 (found -1)']);
    expect(distributionProblems({ dist: 'exponential', mean: 0 })).toEqual(['mean must be > 0 (found 0)']);
    expect(distributionProblems({ dist: 'gamma', mean: Number.NaN, sd: 0 })).toEqual([
      'mean must be a finite number (found NaN)',
      'sd must be > 0 (found 0); use dist: deterministic for a constant value',
    ]);
    expect(distributionProblems({ dist: 'weibull', shape: 0, scale: 2 })).toEqual(['shape must be > 0 (found 0)']);
    expect(distributionProblems({ dist: 'uniform', min: 5, max: 5 })).toEqual([
      'max must be > min (found min 5, max 5)',
    ]);
    expect(distributionProblems({ dist: 'uniform', min: -1, max: 5 })).toEqual(['min must be ≥ 0 (found -1)']);
    expect(distributionProblems({ dist: 'triangular', min: 1, mode: 9, max: 5 })).toEqual([
      'mode must lie between min and max (found min 1, mode 9, max 5)',
    ]);
    expect(distributionProblems({ dist: 'deterministic', value: -3 })).toEqual(['value must be ≥ 0 (found -3)']);
    expect(distributionProblems({ dist: 'empirical', values: [] })).toEqual([
      'values must be a non-empty list of numbers (found an array)',
    ]);
    expect(distributionProblems({ dist: 'empirical', values: [1, -2, 3] })).toEqual([
      'values[1] must be ≥ 0 (found -2)',
    ]);
  });

  it('handles untrusted input without throwing', () => {
    const untrusted = (value: unknown) => distributionProblems(value as DistributionSpec);
    expect(untrusted({ dist: 'normal', mean: 1 })[0]).toMatch(
      /unknown distribution "normal" \(expected one of exponential, lognormal/,
    );
    expect(untrusted({ dist: 'exponential', mean: '5' })).toEqual(['mean must be a finite number (found "5")']);
    expect(untrusted({ dist: 'exponential' })).toEqual(['mean must be a finite number (found nothing)']);
    expect(untrusted(null)[0]).toMatch(/must be an object/);
  });

  it('createSampler throws a DistributionError carrying the problems', () => {
    let caught: unknown;
    try {
      createSampler({ dist: 'lognormal', mean: 5, sd: -1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DistributionError);
    expect((caught as DistributionError).message).toBe('invalid lognormal distribution: sd must be > 0 (found -1)');
    expect((caught as DistributionError).problems).toEqual(['sd must be > 0 (found -1)']);
  });

  it('samplers keep their own copy of the specification', () => {
    const spec = { dist: 'empirical' as const, values: [1, 2, 3] };
    const sampler = createSampler(spec);
    spec.values.push(100);
    expect(sampler.mean).toBe(2);
    expect(sampler.spec).toEqual({ dist: 'empirical', values: [1, 2, 3] });
  });
});
