import { describe, expect, it } from 'vitest';
import { erlangC } from '../../src/theory/erlang-c.js';
import { priorityQueueWaits } from '../../src/theory/priority.js';

describe('priorityQueueWaits', () => {
  it('single server: W_k = W0/((1 − σ_{k−1})(1 − σ_k)) with W0 = Σλ_i E[S²]/2 = ρ/μ', () => {
    // μ = 1, λ = [0.2, 0.3, 0.4]: ρ = 0.9, E[S²] = 2/μ² = 2, W0 = 0.9 × 2/2 = 0.9.
    // σ = [0.2, 0.5, 0.9]: W_0 = 0.9/(1 × 0.8) = 1.125; W_1 = 0.9/(0.8 × 0.5) = 2.25;
    // W_2 = 0.9/(0.5 × 0.1) = 18. Weighted: (0.225 + 0.675 + 7.2)/0.9 = 9 = ρ/(μ − λ).
    const arrivalRates = [0.2, 0.3, 0.4];
    const result = priorityQueueWaits({ servers: 1, serviceRate: 1, arrivalRates });
    const residual = arrivalRates.reduce((sum, rate) => sum + rate * 2, 0) / 2;
    expect(residual).toBeCloseTo(0.9, 14);
    const sigma = [0.2, 0.5, 0.9];
    result.meanWaits.forEach((wait, k) => {
      const higher = k === 0 ? 0 : (sigma[k - 1] ?? Number.NaN);
      const through = sigma[k] ?? Number.NaN;
      expect(wait).toBeCloseTo(residual / ((1 - higher) * (1 - through)), 12);
    });
    expect(result.meanWaits[0]).toBeCloseTo(1.125, 12);
    expect(result.meanWaits[1]).toBeCloseTo(2.25, 12);
    expect(result.meanWaits[2]).toBeCloseTo(18, 10);
    expect(result.overallMeanWait).toBeCloseTo(9, 11);
  });

  it('M/M/2 with two classes, by hand', () => {
    // c = 2, μ = 1, λ = [0.5, 1.0]: a = 1.5, C = 9/14, C/(cμ) = 9/28.
    // σ_0 = 0.25, σ_1 = 0.75. W_0 = (9/28)/0.75 = 3/7; W_1 = (9/28)/(0.75 × 0.25) = 12/7.
    // (0.5 × 3/7 + 1 × 12/7)/1.5 = 9/7 = FCFS Wq of M/M/2 at λ = 1.5.
    const result = priorityQueueWaits({ servers: 2, serviceRate: 1, arrivalRates: [0.5, 1] });
    expect(result.meanWaits[0]).toBeCloseTo(3 / 7, 13);
    expect(result.meanWaits[1]).toBeCloseTo(12 / 7, 13);
    expect(result.overallMeanWait).toBeCloseTo(9 / 7, 13);
  });

  it('obeys the conservation law: λ-weighted mean wait = FCFS Erlang C Wq', () => {
    for (const [servers, serviceRate, arrivalRates] of [
      [3, 1, [0.5, 0.8, 1.2]],
      [10, 0.1, [0.1, 0.2, 0.3, 0.3]],
      [50, 0.1, [0.5, 4.4]],
      [1, 2, [0.1, 0.2, 0.3, 0.4, 0.5]],
    ] as const) {
      const result = priorityQueueWaits({ servers, serviceRate, arrivalRates: [...arrivalRates] });
      const total = arrivalRates.reduce((sum, rate) => sum + rate, 0);
      const weighted =
        result.meanWaits.reduce((sum, wait, k) => sum + (arrivalRates[k] ?? Number.NaN) * wait, 0) / total;
      const fcfs = erlangC({ servers, arrivalRate: total, serviceRate }).meanWait;
      expect(weighted).toBeCloseTo(fcfs, 10);
      expect(result.overallMeanWait).toBeCloseTo(fcfs, 10);
      // Higher priority never waits longer.
      for (let k = 1; k < result.meanWaits.length; k++) {
        expect(result.meanWaits[k] ?? Number.NaN).toBeGreaterThanOrEqual(result.meanWaits[k - 1] ?? Number.NaN);
      }
    }
  });

  it('one class reduces to Erlang C', () => {
    const result = priorityQueueWaits({ servers: 10, serviceRate: 0.1, arrivalRates: [0.9] });
    expect(result.meanWaits[0]).toBeCloseTo(6.68731524107697, 10);
  });

  it('rejects bad inputs', () => {
    expect(() => priorityQueueWaits({ servers: 1, serviceRate: 1, arrivalRates: [] })).toThrow(RangeError);
    expect(() => priorityQueueWaits({ servers: 1, serviceRate: 1, arrivalRates: [-0.1, 0.2] })).toThrow(RangeError);
    expect(() => priorityQueueWaits({ servers: 1, serviceRate: 1, arrivalRates: [0.5, 0.5] })).toThrow(RangeError);
    expect(() => priorityQueueWaits({ servers: 0, serviceRate: 1, arrivalRates: [0.5] })).toThrow(RangeError);
  });
});
