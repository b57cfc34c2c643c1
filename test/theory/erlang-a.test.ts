import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/theory/erlang-a.js';
import { erlangC } from '../../src/theory/erlang-c.js';

/** Relative difference |x − y| / |y|. */
function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

/**
 * Independent reference for the same birth–death chain: log-weights
 * accumulated forward from state 0 with a fixed truncation at `states`
 * (no mode-centred walk, no adaptive stopping), normalised by the maximum.
 */
function erlangAByLogWeights(
  servers: number,
  arrivalRate: number,
  serviceRate: number,
  abandonmentRate: number,
  states: number,
): { probabilityWait: number; meanQueueLength: number; meanBusy: number } {
  const logWeights = [0];
  for (let n = 1; n < states; n++) {
    const death = Math.min(n, servers) * serviceRate + Math.max(n - servers, 0) * abandonmentRate;
    logWeights.push((logWeights[n - 1] ?? Number.NaN) + Math.log(arrivalRate / death));
  }
  const top = Math.max(...logWeights);
  let total = 0;
  let waiting = 0;
  let queue = 0;
  let busy = 0;
  logWeights.forEach((logWeight, n) => {
    const weight = Math.exp(logWeight - top);
    total += weight;
    busy += Math.min(n, servers) * weight;
    if (n >= servers) {
      waiting += weight;
      queue += (n - servers) * weight;
    }
  });
  return { probabilityWait: waiting / total, meanQueueLength: queue / total, meanBusy: busy / total };
}

/** Small seeded PRNG (mulberry32) for the Monte Carlo check. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * FCFS M/M/c+M simulated customer by customer (Kiefer–Wolfowitz style): a
 * customer's offered wait is the time until the earliest server frees up;
 * it is served iff its patience exceeds that, otherwise it leaves after its
 * patience without using a server. Exact for FCFS because abandoning
 * customers never occupy servers.
 */
function simulateErlangA(
  servers: number,
  arrivalRate: number,
  serviceRate: number,
  abandonmentRate: number,
  customers: number,
  seed: number,
): { probabilityWait: number; probabilityAbandon: number; meanWait: number; meanWaitServed: number } {
  const random = mulberry32(seed);
  const exponential = (rate: number): number => -Math.log(1 - random()) / rate;
  const freeAt: number[] = new Array<number>(servers).fill(0);
  const warmup = Math.floor(customers / 20);
  let now = 0;
  let counted = 0;
  let waited = 0;
  let abandoned = 0;
  let waitSum = 0;
  let servedWaitSum = 0;
  let served = 0;
  for (let index = 0; index < customers + warmup; index++) {
    now += exponential(arrivalRate);
    let earliest = 0;
    for (let server = 1; server < servers; server++) {
      if ((freeAt[server] ?? 0) < (freeAt[earliest] ?? 0)) earliest = server;
    }
    const offeredWait = Math.max((freeAt[earliest] ?? 0) - now, 0);
    const patience = exponential(abandonmentRate);
    const isServed = patience >= offeredWait;
    const wait = isServed ? offeredWait : patience;
    if (isServed) freeAt[earliest] = now + offeredWait + exponential(serviceRate);
    if (index < warmup) continue;
    counted++;
    if (offeredWait > 0) waited++;
    waitSum += wait;
    if (isServed) {
      served++;
      servedWaitSum += wait;
    } else {
      abandoned++;
    }
  }
  return {
    probabilityWait: waited / counted,
    probabilityAbandon: abandoned / counted,
    meanWait: waitSum / counted,
    meanWaitServed: servedWaitSum / served,
  };
}

describe('erlangA', () => {
  it('pins values computed independently with 40-digit arithmetic', () => {
    // Reference: Python mpmath (40 digits), forward products π_n ∝ Π λ/d(k) over
    // 4000 states, then P(wait) = Σ_{n≥c} π_n, E[Lq] = Σ (n − c)π_n,
    // P(abandon) = θE[Lq]/λ, util = E[min(N, c)]/c, and the served-wait sum.
    const cases = [
      {
        input: { servers: 10, arrivalRate: 0.9, serviceRate: 0.1, abandonmentRate: 0.05 },
        probabilityWait: 0.468941704441337,
        probabilityAbandon: 0.0670117154734481,
        meanWait: 1.34023430946896,
        meanQueueLength: 1.20621087852207,
        utilization: 0.839689456073897,
        meanWaitServed: 1.25910485509271,
      },
      {
        // Overloaded: λ = 1.2 > cμ = 1.0.
        input: { servers: 10, arrivalRate: 1.2, serviceRate: 0.1, abandonmentRate: 0.05 },
        probabilityWait: 0.850384947914752,
        probabilityAbandon: 0.195655944010723,
        meanWait: 3.91311888021446,
        meanQueueLength: 4.69574265625735,
        utilization: 0.965212867187132,
        meanWaitServed: 4.00833695424436,
      },
      {
        input: { servers: 1, arrivalRate: 2, serviceRate: 1, abandonmentRate: 0.5 },
        probabilityWait: 0.925370558544904,
        probabilityAbandon: 0.537314720727548,
        meanWait: 1.0746294414551,
        meanQueueLength: 2.14925888291019,
        utilization: 0.925370558544904,
        meanWaitServed: 1.16992813534767,
      },
      {
        input: { servers: 50, arrivalRate: 5.5, serviceRate: 0.1, abandonmentRate: 0.2 },
        probabilityWait: 0.657926761157361,
        probabilityAbandon: 0.1194763466021,
        meanWait: 0.597381733010502,
        meanQueueLength: 3.28559953155776,
        utilization: 0.968576018737689,
        meanWaitServed: 0.581308071215167,
      },
    ];
    for (const { input, ...expected } of cases) {
      const result = erlangA(input);
      for (const key of Object.keys(expected) as Array<keyof typeof expected>) {
        expect(relativeError(result[key], expected[key]), `${key} for ${JSON.stringify(input)}`).toBeLessThan(1e-11);
      }
    }
  });

  it('reproduces published Erlang B and Erlang C values at its two limits', () => {
    // No interior Erlang A value from a published table was available offline, so the
    // published values it is held to are those of its limits. With patience → 0 (θ → ∞)
    // nobody waits and P(all busy on arrival) is Erlang B; the classical Erlang B table
    // (e.g. Iversen, "Teletraffic Engineering and Network Planning", DTU 2015) gives the
    // offered load that 10, 20 and 30 lines carry at 1 %, 2 % and 5 % blocking.
    const erlangBTable = [
      { lines: 10, erlangs: 4.461, blocking: 0.01 },
      { lines: 20, erlangs: 12.031, blocking: 0.01 },
      { lines: 30, erlangs: 20.337, blocking: 0.01 },
      { lines: 10, erlangs: 5.084, blocking: 0.02 },
      { lines: 10, erlangs: 6.216, blocking: 0.05 },
    ];
    for (const row of erlangBTable) {
      const result = erlangA({ servers: row.lines, arrivalRate: row.erlangs, serviceRate: 1, abandonmentRate: 1e7 });
      // The table's loads are rounded to 3 decimals: 0.3 % relative covers that rounding.
      expect(relativeError(result.probabilityWait, row.blocking)).toBeLessThan(0.003);
    }
    // With patience → ∞ (θ → 0) it is Erlang C. The worked example of Mitan Ltd's
    // "Erlang C calculation" page: 360 calls per half hour (0.2 per second), 240 s each
    // (48 Erlangs), 55 agents: P(wait) 0.2387, mean wait 8.18 s (printed to 4 digits).
    const callCentre = erlangA({ servers: 55, arrivalRate: 12, serviceRate: 0.25, abandonmentRate: 1e-9 });
    expect(callCentre.probabilityWait).toBeCloseTo(0.2387, 4);
    expect(callCentre.meanWait * 60).toBeCloseTo(8.184, 2);
  });

  it('θ = μ turns the chain into M/M/∞: N ~ Poisson(a)', () => {
    // Death rate min(n, c)μ + (n − c)⁺μ = nμ. With c = 10, a = 9:
    // P(N ≤ 9) = e^{−9} Σ_{k≤9} 9^k/k! = 1.2341e−4 × 4759.8183 = 0.587408 ⇒ P(wait) = 0.412592.
    const servers = 10;
    const offeredLoad = 9;
    let probability = Math.exp(-offeredLoad);
    let belowServers = 0;
    let shortfall = 0; // E[(c − N)⁺]
    for (let k = 0; k < servers; k++) {
      belowServers += probability;
      shortfall += (servers - k) * probability;
      probability *= offeredLoad / (k + 1);
    }
    const result = erlangA({ servers, arrivalRate: 0.9, serviceRate: 0.1, abandonmentRate: 0.1 });
    expect(result.probabilityWait).toBeCloseTo(1 - belowServers, 13);
    expect(result.probabilityWait).toBeCloseTo(0.412592, 6);
    // E[(N − c)⁺] = E[N] − c + E[(c − N)⁺]; E[min(N, c)] = c − E[(c − N)⁺].
    expect(result.meanQueueLength).toBeCloseTo(offeredLoad - servers + shortfall, 12);
    expect(result.utilization).toBeCloseTo((servers - shortfall) / servers, 13);
  });

  it('approaches Erlang C as θ → 0', () => {
    for (const [servers, arrivalRate, serviceRate] of [
      [1, 0.8, 1],
      [2, 1.5, 1],
      [10, 0.9, 0.1],
      [50, 4.5, 0.1],
    ] as const) {
      const limit = erlangC({ servers, arrivalRate, serviceRate });
      const result = erlangA({ servers, arrivalRate, serviceRate, abandonmentRate: 1e-9 });
      expect(relativeError(result.probabilityWait, limit.probabilityWait)).toBeLessThan(1e-6);
      expect(relativeError(result.meanWait, limit.meanWait)).toBeLessThan(1e-6);
      expect(relativeError(result.meanWaitServed, limit.meanWait)).toBeLessThan(1e-6);
      expect(relativeError(result.utilization, limit.utilization)).toBeLessThan(1e-6);
      expect(result.probabilityAbandon).toBeLessThan(1e-6);
      // θ = 0 exactly is delegated to Erlang C.
      const exact = erlangA({ servers, arrivalRate, serviceRate, abandonmentRate: 0 });
      expect(exact.meanWait).toBe(limit.meanWait);
      expect(exact.probabilityAbandon).toBe(0);
    }
  });

  it('agrees with an independent fixed-truncation log-space computation', () => {
    for (const [servers, arrivalRate, serviceRate, abandonmentRate] of [
      [1, 0.5, 1, 2],
      [3, 2.5, 1, 0.3],
      [10, 0.9, 0.1, 0.02],
      [10, 2, 0.1, 0.1],
      [50, 4.5, 0.1, 0.05],
      [50, 8, 0.1, 0.5],
      [100, 30, 0.2, 1],
    ] as const) {
      const result = erlangA({ servers, arrivalRate, serviceRate, abandonmentRate });
      const reference = erlangAByLogWeights(servers, arrivalRate, serviceRate, abandonmentRate, servers + 4000);
      expect(relativeError(result.probabilityWait, reference.probabilityWait)).toBeLessThan(1e-10);
      expect(relativeError(result.meanQueueLength, reference.meanQueueLength)).toBeLessThan(1e-10);
      expect(relativeError(result.utilization * servers, reference.meanBusy)).toBeLessThan(1e-10);
    }
  });

  it("balances flow: λ = throughput + abandonment rate, with Little's law", () => {
    for (const [servers, arrivalRate, serviceRate, abandonmentRate] of [
      [1, 0.3, 1, 0.1],
      [5, 4, 1, 0.5],
      [10, 0.9, 0.1, 0.1],
      [10, 3, 0.1, 0.01],
      [50, 500, 0.1, 0.001],
      [50, 4.9, 0.1, 1e-4],
    ] as const) {
      const result = erlangA({ servers, arrivalRate, serviceRate, abandonmentRate });
      const throughput = servers * serviceRate * result.utilization;
      const abandonRate = abandonmentRate * result.meanQueueLength;
      expect(relativeError(throughput + abandonRate, arrivalRate)).toBeLessThan(1e-10);
      expect(result.probabilityAbandon).toBeCloseTo(abandonRate / arrivalRate, 12);
      expect(result.meanWait).toBeCloseTo(result.meanQueueLength / arrivalRate, 12);
      expect(result.probabilityWait).toBeGreaterThan(0);
      expect(result.probabilityWait).toBeLessThanOrEqual(1);
    }
  });

  it('is finite in heavy overload with many servers', () => {
    // λ = 500 vs cμ = 5: queue ≈ (λ − cμ)/θ = 495 000, P(abandon) ≈ 1 − cμ/λ = 0.99.
    // Served customers wait ≈ (1/θ) ln((cμ + θ·queue)/cμ) = 1000 ln 100 = 4605.2 (fluid limit).
    const result = erlangA({ servers: 50, arrivalRate: 500, serviceRate: 0.1, abandonmentRate: 0.001 });
    expect(result.probabilityAbandon).toBeCloseTo(0.99, 6);
    expect(result.meanQueueLength).toBeCloseTo(495_000, 0);
    expect(relativeError(result.meanWaitServed, 1000 * Math.log(100))).toBeLessThan(1e-3);
    expect(result.utilization).toBeCloseTo(1, 10);
  });

  it("matches a Monte Carlo simulation, including the served customers' wait", () => {
    for (const [servers, arrivalRate, serviceRate, abandonmentRate, seed] of [
      [10, 0.9, 0.1, 0.1, 1],
      [3, 3, 1, 0.5, 2],
    ] as const) {
      const theory = erlangA({ servers, arrivalRate, serviceRate, abandonmentRate });
      const simulated = simulateErlangA(servers, arrivalRate, serviceRate, abandonmentRate, 1_000_000, seed);
      expect(relativeError(simulated.probabilityWait, theory.probabilityWait)).toBeLessThan(0.02);
      expect(relativeError(simulated.probabilityAbandon, theory.probabilityAbandon)).toBeLessThan(0.02);
      expect(relativeError(simulated.meanWait, theory.meanWait)).toBeLessThan(0.02);
      expect(relativeError(simulated.meanWaitServed, theory.meanWaitServed)).toBeLessThan(0.02);
    }
  });

  it('handles no arrivals and rejects bad inputs', () => {
    const idle = erlangA({ servers: 2, arrivalRate: 0, serviceRate: 1, abandonmentRate: 1 });
    expect(idle.meanWait).toBe(0);
    expect(idle.utilization).toBe(0);
    const base = { servers: 2, arrivalRate: 1, serviceRate: 1, abandonmentRate: 0.5 };
    expect(() => erlangA({ ...base, abandonmentRate: -1 })).toThrow(RangeError);
    expect(() => erlangA({ ...base, abandonmentRate: Number.NaN })).toThrow(RangeError);
    expect(() => erlangA({ ...base, servers: 0 })).toThrow(RangeError);
    expect(() => erlangA({ ...base, serviceRate: 0 })).toThrow(RangeError);
    expect(() => erlangA({ ...base, arrivalRate: Infinity })).toThrow(RangeError);
    // θ = 0 is Erlang C, which needs λ < cμ.
    expect(() => erlangA({ ...base, arrivalRate: 3, abandonmentRate: 0 })).toThrow(RangeError);
    // Absurdly small θ for the overload: the chain would need > 5e7 states.
    expect(() => erlangA({ ...base, arrivalRate: 3, abandonmentRate: 1e-9 })).toThrow(RangeError);
  });
});
