import { describe, expect, it } from 'vitest';
import { erlangC } from '../../src/theory/erlang-c.js';
import { tandemEscalation } from '../../src/theory/jackson.js';

describe('tandemEscalation', () => {
  it('two tiers by hand', () => {
    // Tier 0: c = 10, μ = 0.1, λ_0 = 0.9 ⇒ Wq_0 = 6.687315 (see erlang-c tests).
    // Tier 1: λ_1 = 0.9 × 0.2 = 0.18, c = 2, μ = 0.1 ⇒ a = 1.8, ρ = 0.9,
    //   C = (a²/2)/(1 − ρ) / (1 + a + (a²/2)/(1 − ρ)) = 16.2/(2.8 + 16.2) = 81/95 = 0.852632,
    //   Wq_1 = C/(cμ − λ_1) = (81/95)/0.02 = 42.631579.
    // Per ticket: Wq = 6.687315 + 0.2 × 42.631579 = 15.213631;
    //   sojourn = (6.687315 + 10) + 0.2 × (42.631579 + 10) = 27.213631.
    const result = tandemEscalation({
      arrivalRate: 0.9,
      tiers: [
        { servers: 10, serviceRate: 0.1 },
        { servers: 2, serviceRate: 0.1 },
      ],
      escalationProbabilities: [0.2],
    });
    expect(result.tiers).toHaveLength(2);
    expect(result.tiers[0]?.arrivalRate).toBeCloseTo(0.9, 14);
    expect(result.tiers[1]?.arrivalRate).toBeCloseTo(0.18, 14);
    expect(result.tiers[1]?.probabilityWait).toBeCloseTo(81 / 95, 12);
    expect(result.tiers[1]?.meanWait).toBeCloseTo(81 / 95 / 0.02, 9);
    expect(result.meanWaitPerTicket).toBeCloseTo(6.68731524107697 + 0.2 * (81 / 95 / 0.02), 9);
    expect(result.meanSojourn).toBeCloseTo(16.68731524107697 + 0.2 * (81 / 95 / 0.02 + 10), 9);
    expect(result.tiers[1]?.serviceLevel(0)).toBeCloseTo(1 - 81 / 95, 12);
  });

  it('three tiers: each node is M/M/c_i at λ·Π p', () => {
    const tiers = [
      { servers: 8, serviceRate: 0.2 },
      { servers: 4, serviceRate: 0.05 },
      { servers: 2, serviceRate: 0.02 },
    ];
    const result = tandemEscalation({ arrivalRate: 1.2, tiers, escalationProbabilities: [0.1, 0.25] });
    const rates = [1.2, 0.12, 0.03];
    const visits = [1, 0.1, 0.025];
    let wait = 0;
    let sojourn = 0;
    tiers.forEach((tier, index) => {
      const reference = erlangC({ ...tier, arrivalRate: rates[index] ?? Number.NaN });
      expect(result.tiers[index]?.meanWait).toBeCloseTo(reference.meanWait, 11);
      wait += (visits[index] ?? Number.NaN) * reference.meanWait;
      sojourn += (visits[index] ?? Number.NaN) * reference.meanResponse;
    });
    expect(result.meanWaitPerTicket).toBeCloseTo(wait, 11);
    expect(result.meanSojourn).toBeCloseTo(sojourn, 11);
  });

  it('a single tier is plain Erlang C; p = 0 leaves later tiers idle', () => {
    const single = tandemEscalation({
      arrivalRate: 1.5,
      tiers: [{ servers: 2, serviceRate: 1 }],
      escalationProbabilities: [],
    });
    expect(single.meanWaitPerTicket).toBeCloseTo(9 / 7, 13);
    expect(single.meanSojourn).toBeCloseTo(16 / 7, 13);
    const none = tandemEscalation({
      arrivalRate: 1.5,
      tiers: [
        { servers: 2, serviceRate: 1 },
        { servers: 1, serviceRate: 1 },
      ],
      escalationProbabilities: [0],
    });
    expect(none.tiers[1]?.arrivalRate).toBe(0);
    expect(none.meanSojourn).toBeCloseTo(16 / 7, 13);
  });

  it('rejects bad inputs and unstable tiers', () => {
    const tiers = [
      { servers: 2, serviceRate: 1 },
      { servers: 1, serviceRate: 0.1 },
    ];
    expect(() => tandemEscalation({ arrivalRate: 1, tiers, escalationProbabilities: [] })).toThrow(RangeError);
    expect(() => tandemEscalation({ arrivalRate: 1, tiers, escalationProbabilities: [1.5] })).toThrow(RangeError);
    expect(() => tandemEscalation({ arrivalRate: 1, tiers: [], escalationProbabilities: [] })).toThrow(RangeError);
    // Tier 1 gets 1 × 0.2 = 0.2 ≥ 1 × 0.1.
    expect(() => tandemEscalation({ arrivalRate: 1, tiers, escalationProbabilities: [0.2] })).toThrow(RangeError);
  });
});
