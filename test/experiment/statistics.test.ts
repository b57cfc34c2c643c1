/**
 * Replication intervals: Student-t, kept inside each KPI's possible values, with the
 * coverage a 95 % interval promises on a case whose true value is known.
 */
import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/engine/random.js';
import { kpiRange } from '../../src/metrics/catalog.js';
import { isWide, summarize } from '../../src/experiment/statistics.js';
import { pairedDifference } from '../../src/experiment/compare.js';
import { formatMeanPlusMinus } from '../../src/cli/experiment-format.js';

/** A share measured on 100 tickets, each meeting its target with probability `p`. */
function binomialShare(random: () => number, p: number): number {
  let met = 0;
  for (let ticket = 0; ticket < 100; ticket++) if (random() < p) met++;
  return met / 100;
}

describe('replication intervals', () => {
  it('keeps every KPI interval inside its range: shares, NPS, times', () => {
    // Today's examples: 99.3 % [98.3 %, 100.3 %], NPS −68.6 [−105.5, −31.7], a time near 0.
    const share = summarize([1, 0.98, 1, 0.99, 0.995], 'share', kpiRange('sla_resolution_compliance'));
    expect(share.ci95![1]).toBe(1);
    expect(share.ci95![0]).toBeGreaterThan(0.97);
    const nps = summarize([-100, -40, -90, -45], 'score', kpiRange('nps'));
    expect(nps.ci95![0]).toBe(-100);
    const time = summarize([1, 30, 2, 0.5], 'minutes', kpiRange('first_response_time_mean'));
    expect(time.ci95![0]).toBe(0);
    expect(kpiRange('csat_mean')).toEqual([1, 5]);
    expect(kpiRange('tiers.tier1.service_level')).toEqual([0, 1]);
    // Without a range (a difference, say) the t-interval is left as it is.
    expect(summarize([1, 30, 2, 0.5], 'minutes').ci95![0]).toBeLessThan(0);
  });

  it('covers the true share about 95 % of the time, near the bound where clipping acts', () => {
    // 4000 experiments of 5 replications; each replication's share is binomial(100, 0.97)/100.
    // The clipped t-interval must cover 0.97 in 95 % ± 3 points (the binomial sd of 4000
    // trials is 0.35 points; the t-interval on a skewed share loses a little).
    const random = createStream(11, 1, 'test.coverage');
    let covered = 0;
    let clipped = 0;
    const experiments = 4000;
    for (let experiment = 0; experiment < experiments; experiment++) {
      const values = Array.from({ length: 5 }, () => binomialShare(random, 0.97));
      const { ci95, mean } = summarize(values, 'share', [0, 1]);
      if (ci95 === null) continue;
      expect(ci95[0]).toBeGreaterThanOrEqual(0);
      expect(ci95[1]).toBeLessThanOrEqual(1);
      if (ci95[1] === 1 && mean! + (mean! - ci95[0]) > 1) clipped++;
      if (ci95[0] <= 0.97 && 0.97 <= ci95[1]) covered++;
    }
    expect(covered / experiments).toBeGreaterThan(0.92);
    expect(covered / experiments).toBeLessThan(0.98);
    expect(clipped).toBeGreaterThan(experiments / 10);
  });

  it('keeps a paired difference of shares inside [−1, 1]', () => {
    const reference = new Map([
      [1, 0],
      [2, 0],
      [3, 0],
    ]);
    const other = new Map([
      [1, 1],
      [2, 0.2],
      [3, 1],
    ]);
    const difference = pairedDifference(reference, other, 'share', [0, 1]);
    expect(difference.ci95![1]).toBe(1);
    expect(difference.ci95![0]).toBeGreaterThanOrEqual(-1);
  });

  it('calls an interval wide when its half-width passes half the mean or a tenth of the range', () => {
    expect(isWide({ mean: 10, ci95: [4, 16] }, [0, Infinity])).toBe(true); // ±6 > 5
    expect(isWide({ mean: 10, ci95: [6, 14] }, [0, Infinity])).toBe(false); // ±4
    expect(isWide({ mean: 0.5, ci95: [0.35, 0.65] }, [0, 1])).toBe(true); // ±0.15 > 0.1
    expect(isWide({ mean: 0.5, ci95: [0.45, 0.55] }, [0, 1])).toBe(false);
    expect(isWide({ mean: 0.1, ci95: [-5, 5] }, [-Infinity, Infinity])).toBe(false);
    expect(isWide({ mean: 3, ci95: null }, [0, Infinity])).toBe(false);
  });

  it('prints a clipped interval as it is on the terminal, not as a symmetric ±', () => {
    expect(formatMeanPlusMinus({ mean: 0.5, sd: 0.1, ci95: [0.4, 0.6], n: 5, unit: 'share' })).toBe('50.0% ±10.0%');
    expect(formatMeanPlusMinus({ mean: 0.993, sd: 0.01, ci95: [0.983, 1], n: 5, unit: 'share' })).toBe(
      '99.3% [98.3% – 100.0%]',
    );
  });
});
