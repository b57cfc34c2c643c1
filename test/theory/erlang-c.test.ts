import { describe, expect, it } from 'vitest';
import { erlangB, erlangC } from '../../src/theory/erlang-c.js';

/**
 * Independent reference: C(c, a) = 1 / (1 + (1 − ρ)·Σ_{k<c} (a^k/k!)/(a^c/c!)),
 * the textbook formula (Gross et al. 2008, eq. 2.34) rearranged so that each
 * ratio (a^k/k!)/(a^c/c!) = Π_{i=k+1..c} i/a is accumulated backwards and
 * stays finite for large c.
 */
function erlangCBySums(servers: number, offeredLoad: number): number {
  const utilization = offeredLoad / servers;
  let ratio = 1;
  let sum = 0;
  for (let k = servers - 1; k >= 0; k--) {
    ratio *= (k + 1) / offeredLoad;
    sum += ratio;
  }
  return 1 / (1 + (1 - utilization) * sum);
}

describe('erlangB', () => {
  it('matches hand values', () => {
    // B(1, 1) = a/(1 + a) = 1/2.
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 15);
    // B(2, 1) = (a²/2)/(1 + a + a²/2) = 0.5/2.5 = 0.2.
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 15);
    // B(2, 1.5) = 1.125/(1 + 1.5 + 1.125) = 9/29.
    expect(erlangB(2, 1.5)).toBeCloseTo(9 / 29, 15);
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(5, 0)).toBe(0);
  });
});

describe('erlangC', () => {
  it('M/M/1, λ = 0.8, μ = 1', () => {
    // ρ = 0.8; C = ρ = 0.8; Wq = ρ/(μ − λ) = 0.8/0.2 = 4; Lq = λWq = 3.2;
    // L = Lq + ρ = 4; W = Wq + 1/μ = 5; E[Wq | Wq > 0] = 1/(μ − λ) = 5.
    const result = erlangC({ servers: 1, arrivalRate: 0.8, serviceRate: 1 });
    expect(result.offeredLoad).toBeCloseTo(0.8, 14);
    expect(result.utilization).toBeCloseTo(0.8, 14);
    expect(result.probabilityWait).toBeCloseTo(0.8, 14);
    expect(result.meanWait).toBeCloseTo(4, 12);
    expect(result.meanWaitGivenWait).toBeCloseTo(5, 12);
    expect(result.meanQueueLength).toBeCloseTo(3.2, 12);
    expect(result.meanInSystem).toBeCloseTo(4, 12);
    expect(result.meanResponse).toBeCloseTo(5, 12);
    // P(Wq ≤ 2) = 1 − 0.8·e^{−0.2·2} = 1 − 0.8 × 0.6703200 = 0.4637440.
    expect(result.serviceLevel(2)).toBeCloseTo(0.463744, 6);
  });

  it('M/M/2, λ = 1.5, μ = 1', () => {
    // a = 1.5, ρ = 0.75. a^c/c!·1/(1 − ρ) = 1.125 × 4 = 4.5; Σ_{k<2} a^k/k! = 2.5.
    // C = 4.5/(2.5 + 4.5) = 9/14 = 0.642857; Wq = C/(cμ − λ) = (9/14)/0.5 = 9/7 = 1.285714.
    // Lq = 1.5 × 9/7 = 27/14 = 1.928571; L = 27/14 + 1.5 = 24/7; W = 9/7 + 1 = 16/7.
    const result = erlangC({ servers: 2, arrivalRate: 1.5, serviceRate: 1 });
    expect(result.probabilityWait).toBeCloseTo(9 / 14, 14);
    expect(result.probabilityWait).toBeCloseTo(0.6429, 4);
    expect(result.meanWait).toBeCloseTo(9 / 7, 13);
    expect(result.meanWait).toBeCloseTo(1.2857, 4);
    expect(result.meanWaitGivenWait).toBeCloseTo(2, 13);
    expect(result.meanQueueLength).toBeCloseTo(27 / 14, 13);
    expect(result.meanInSystem).toBeCloseTo(24 / 7, 13);
    expect(result.meanResponse).toBeCloseTo(16 / 7, 13);
    // P(Wq ≤ 1) = 1 − (9/14)·e^{−0.5} = 1 − 0.642857 × 0.606531 = 0.610087.
    expect(result.serviceLevel(1)).toBeCloseTo(0.610087, 6);
    expect(result.serviceLevel(0)).toBeCloseTo(1 - 9 / 14, 14);
    expect(result.serviceLevel(Infinity)).toBe(1);
  });

  it('call centre c = 10, a = 9 (λ = 0.9/min, μ = 0.1/min)', () => {
    // Σ_{k=0..9} 9^k/k! = 4759.818304; 9^10/10! = 960.864308, × c/(c − a) = 10 → 9608.643080.
    // C = 9608.643080/(4759.818304 + 9608.643080) = 0.668732 (the quoted ≈ 0.6687).
    // Wq = C/(cμ − λ) = 0.668732/0.1 = 6.687315 min; Lq = 0.9 × 6.687315 = 6.018584.
    // P(Wq ≤ 1 min) = 1 − 0.668732·e^{−0.1} = 1 − 0.668732 × 0.904837 = 0.394907.
    const result = erlangC({ servers: 10, arrivalRate: 0.9, serviceRate: 0.1 });
    expect(result.probabilityWait).toBeCloseTo(0.668731524107697, 12);
    expect(result.meanWait).toBeCloseTo(6.68731524107697, 10);
    expect(result.meanQueueLength).toBeCloseTo(6.018583716969273, 10);
    expect(result.meanWaitGivenWait).toBeCloseTo(10, 10);
    expect(result.serviceLevel(1)).toBeCloseTo(0.394906694367139, 12);
  });

  it('c = 50, a = 45 matches an exact rational computation', () => {
    // Exact value from Python fractions: C(50, 45) = 0.3638644672069884.
    const result = erlangC({ servers: 50, arrivalRate: 4.5, serviceRate: 0.1 });
    expect(result.probabilityWait).toBeCloseTo(0.3638644672069884, 12);
  });

  it('agrees with the textbook sum formula and stays finite for large c', () => {
    for (const [servers, offeredLoad] of [
      [1, 0.5],
      [3, 2.5],
      [20, 15],
      [200, 190],
      [1000, 950],
      [5000, 4990],
    ] as const) {
      const result = erlangC({ servers, arrivalRate: offeredLoad, serviceRate: 1 });
      expect(Number.isFinite(result.probabilityWait)).toBe(true);
      const reference = erlangCBySums(servers, offeredLoad);
      expect(Math.abs(result.probabilityWait - reference) / reference).toBeLessThan(1e-9);
    }
  });

  it('is zero-wait with no arrivals', () => {
    const result = erlangC({ servers: 3, arrivalRate: 0, serviceRate: 1 });
    expect(result.probabilityWait).toBe(0);
    expect(result.meanWait).toBe(0);
    expect(result.meanResponse).toBe(1);
  });

  it('rejects unstable and malformed inputs', () => {
    expect(() => erlangC({ servers: 2, arrivalRate: 2, serviceRate: 1 })).toThrow(RangeError);
    expect(() => erlangC({ servers: 2, arrivalRate: 3, serviceRate: 1 })).toThrow(RangeError);
    expect(() => erlangC({ servers: 0, arrivalRate: 0.5, serviceRate: 1 })).toThrow(RangeError);
    expect(() => erlangC({ servers: 1.5, arrivalRate: 0.5, serviceRate: 1 })).toThrow(RangeError);
    expect(() => erlangC({ servers: 2, arrivalRate: -1, serviceRate: 1 })).toThrow(RangeError);
    expect(() => erlangC({ servers: 2, arrivalRate: Number.NaN, serviceRate: 1 })).toThrow(RangeError);
    expect(() => erlangC({ servers: 2, arrivalRate: 1, serviceRate: 0 })).toThrow(RangeError);
    expect(() => erlangC({ servers: 2, arrivalRate: 1, serviceRate: Infinity })).toThrow(RangeError);
    const result = erlangC({ servers: 2, arrivalRate: 1, serviceRate: 1 });
    expect(() => result.serviceLevel(-1)).toThrow(RangeError);
    expect(() => result.serviceLevel(Number.NaN)).toThrow(RangeError);
  });
});
