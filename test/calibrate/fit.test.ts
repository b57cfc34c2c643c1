/**
 * Distribution fitting: maximum likelihood by hand on a small sample, and each shipped
 * family recovered from a large sample of its own (drawn with the engine's samplers), the
 * empirical distribution when nothing fits.
 */
import { describe, expect, it } from 'vitest';
import { createSampler, type DistributionSpec } from '../../src/engine/distributions.js';
import { createStream } from '../../src/engine/random.js';
import { fitDurations } from '../../src/calibrate/fit.js';

function sample(spec: DistributionSpec, n: number, purpose = 'fit-test'): number[] {
  const sampler = createSampler(spec);
  const rng = createStream(11, 1, purpose);
  return Array.from({ length: n }, () => sampler.sample(rng));
}

describe('fitDurations', () => {
  it('fits the exponential by its sample mean, with the likelihood worked out by hand', () => {
    // Sample 1, 2, 3, 6: mean 3. Exponential log-likelihood = −n·ln(mean) − Σx/mean = −4·ln 3 − 12/3.
    const fit = fitDurations([1, 2, 3, 6]);
    const exponential = fit.candidates.find((candidate) => candidate.spec.dist === 'exponential')!;
    expect(exponential.spec).toEqual({ dist: 'exponential', mean: 3 });
    expect(exponential.logLikelihood).toBeCloseTo(-4 * Math.log(3) - 4, 10);
    expect(exponential.aic).toBeCloseTo(2 * 1 + 2 * (4 * Math.log(3) + 4), 10);
    // Lognormal MLE: μ = mean of ln x, σ² = mean of (ln x − μ)² (divided by n), mean = exp(μ + σ²/2).
    const logs = [1, 2, 3, 6].map(Math.log);
    const mu = logs.reduce((sum, value) => sum + value, 0) / 4;
    const sigma2 = logs.reduce((sum, value) => sum + (value - mu) ** 2, 0) / 4;
    const lognormal = fit.candidates.find((candidate) => candidate.spec.dist === 'lognormal')!;
    expect((lognormal.spec as { mean: number }).mean).toBeCloseTo(Math.exp(mu + sigma2 / 2), 10);
    expect(fit.mean).toBe(3);
  });

  const cases: Array<[string, DistributionSpec]> = [
    ['lognormal', { dist: 'lognormal', mean: 30, sd: 45 }],
    ['gamma', { dist: 'gamma', mean: 30, sd: 12 }],
    ['weibull', { dist: 'weibull', shape: 0.7, scale: 40 }],
  ];
  for (const [name, spec] of cases) {
    it(`recovers a ${name} from 5,000 of its draws: chosen by AIC, a fit by KS, mean inside its interval`, () => {
      const fit = fitDurations(sample(spec, 5000, name));
      expect(fit.chosen.dist).toBe(name);
      expect(fit.fits).toBe(true);
      const trueMean = createSampler(spec).mean;
      expect(trueMean).toBeGreaterThanOrEqual(fit.meanCi[0]);
      expect(trueMean).toBeLessThanOrEqual(fit.meanCi[1]);
      if (spec.dist === 'weibull') {
        // The shape's standard error is about 0.78·k/√n = 0.008: 5 % is over four of them.
        expect((fit.chosen as { shape: number }).shape).toBeGreaterThan(0.7 * 0.95);
        expect((fit.chosen as { shape: number }).shape).toBeLessThan(0.7 * 1.05);
      }
    });
  }

  it('keeps the sample as an empirical distribution when no family fits (two far-apart modes)', () => {
    const values = [
      ...sample({ dist: 'lognormal', mean: 5, sd: 1 }, 1000, 'a'),
      ...sample({ dist: 'lognormal', mean: 500, sd: 50 }, 1000, 'b'),
    ];
    const fit = fitDurations(values);
    expect(fit.fits).toBe(false);
    expect(fit.chosen.dist).toBe('empirical');
    expect((fit.chosen as { values: number[] }).values.length).toBe(200);
  });
});
