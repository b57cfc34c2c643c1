import { describe, expect, it } from 'vitest';
import { minimalAgents, queueMeasures } from '../../src/staffing/erlang.js';
import { erlangA } from '../../src/theory/erlang-a.js';
import { erlangAServiceLevel } from '../../src/theory/erlang-a-service-level.js';

/**
 * Independent Erlang C: the textbook sum P(wait) = (a^c/c!)·c/(c−a) / (Σ_{k<c} a^k/k! + (a^c/c!)·c/(c−a))
 * (Gross et al. 2008, eq. 2.34), summed directly — small c only, no recursion shared with src/.
 */
function erlangCDirect(agents: number, offeredLoad: number): number {
  let term = 1;
  let sum = 0;
  for (let k = 0; k < agents; k++) {
    sum += term;
    term *= offeredLoad / (k + 1);
  }
  const top = (term * agents) / (agents - offeredLoad);
  return top / (sum + top);
}

describe('Erlang C: the Call Centre Helper worked example', () => {
  // Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example"
  // (callcentrehelper.com): 100 calls in 30 minutes, AHT 180 s, target 80 % in 20 s. It
  // works out 10 Erlangs and, with 11 agents, P(wait) 68.21 %, ASA 122.8 s and a service
  // level of 39 %. Checked here against the direct sum above as well.
  const load = { arrivalsPerHour: 200, handleMinutes: 3, thresholdMinutes: 20 / 60 };

  it('reproduces its 11-agent figures', () => {
    const measures = queueMeasures(load, 11);
    expect(measures.offeredLoad).toBeCloseTo(10, 12);
    expect(measures.probabilityWait).toBeCloseTo(0.6821, 4);
    expect(measures.probabilityWait).toBeCloseTo(erlangCDirect(11, 10), 12);
    // ASA = P(wait) × AHT / (c − a) = 0.68212 × 180 s / 1 = 122.8 s.
    expect(measures.meanWait * 60).toBeCloseTo(122.8, 1);
    // SL = 1 − 0.68212 × e^{−(11 − 10) × 20/180} = 1 − 0.68212 × 0.89484 = 0.3896.
    expect(measures.serviceLevel).toBeCloseTo(0.3896, 4);
    expect(measures.occupancy).toBeCloseTo(10 / 11, 12);
  });

  it('needs 14 agents for 80 % in 20 s (13 give 79.6 %)', () => {
    // Direct sums: P(wait) with 13 agents = 0.28527, SL = 1 − 0.28527·e^{−3·20/180} = 0.7956;
    // with 14: 0.17413, SL = 1 − 0.17413·e^{−4·20/180} = 0.8884.
    expect(queueMeasures(load, 13).serviceLevel).toBeCloseTo(1 - erlangCDirect(13, 10) * Math.exp(-3 / 9), 12);
    expect(queueMeasures(load, 13).serviceLevel).toBeCloseTo(0.7956, 4);
    expect(queueMeasures(load, 14).serviceLevel).toBeCloseTo(0.8884, 4);
    expect(minimalAgents(load, { serviceLevel: 0.8 }).agents).toBe(14);
  });

  it('finds the agents for each kind of target', () => {
    // P(wait) ≤ 20 %: 13 agents give 28.5 %, 14 give 17.4 %.
    expect(minimalAgents(load, { maxProbabilityWait: 0.2 }).agents).toBe(14);
    // ASA ≤ 30 s: 12 agents wait 40.4 s, 13 wait 17.1 s (P(wait)·AHT/(c − a)).
    expect(minimalAgents(load, { maxMeanWait: 0.5 }).agents).toBe(13);
    // Every target at once: the most demanding one decides.
    expect(minimalAgents(load, { maxMeanWait: 0.5, serviceLevel: 0.8 }).agents).toBe(14);
  });

  it('is unstable, not negative, at or below the offered load', () => {
    const measures = queueMeasures(load, 10);
    expect(measures.stable).toBe(false);
    expect(measures.serviceLevel).toBe(0);
    expect(measures.meanWait).toBe(Infinity);
  });
});

describe('Erlang C: desksim’s textbook M/M/c scenario', () => {
  // scenarios/textbook/mmc.yaml states P(wait) ≈ 0.669 and a mean wait ≈ 6.69 min for
  // λ = 54/h, 10 min, 10 agents (a = 9): the direct sum gives P(wait) = 0.6687 and
  // Wq = P(wait) × 10 min / (10 − 9) = 6.687 min.
  it('matches the direct sum', () => {
    const measures = queueMeasures({ arrivalsPerHour: 54, handleMinutes: 10, thresholdMinutes: 5 }, 10);
    expect(measures.probabilityWait).toBeCloseTo(erlangCDirect(10, 9), 12);
    expect(measures.probabilityWait).toBeCloseTo(0.669, 3);
    expect(measures.meanWait).toBeCloseTo((erlangCDirect(10, 9) * 10) / (10 - 9), 10);
  });
});

/**
 * Independent Erlang A service level for θ = μ, where the number in system is Poisson(a)
 * (the chain is M/M/∞; Garnett, Mandelbaum & Reiman 2002, §2). An arrival with j queued
 * ahead waits V = Σ_{k=0..j} Exp(cμ + kθ) (a hypoexponential with distinct rates) if it
 * stays, and stays that long with probability e^{−θV}, so
 * P(taken by t | j) = Σ_i w_i · r_i (1 − e^{−(r_i+θ)t}) / (r_i + θ), w_i = Π_{l≠i} r_l/(r_l − r_i).
 * No shared code with the uniformization in src/.
 */
function erlangAServiceLevelDirect(agents: number, rate: number, threshold: number): number {
  const offered = 2;
  const poisson = (n: number) => {
    let value = Math.exp(-offered);
    for (let k = 1; k <= n; k++) value *= offered / k;
    return value;
  };
  let level = 0;
  for (let n = 0; n < agents; n++) level += poisson(n);
  for (let ahead = 0; ahead <= 40; ahead++) {
    const rates = Array.from({ length: ahead + 1 }, (_, k) => agents * rate + k * rate);
    let taken = 0;
    rates.forEach((own, i) => {
      let weight = 1;
      rates.forEach((other, l) => {
        if (l !== i) weight *= other / (other - own);
      });
      taken += (weight * own * (1 - Math.exp(-(own + rate) * threshold))) / (own + rate);
    });
    level += poisson(agents + ahead) * taken;
  }
  return level;
}

describe('Erlang A', () => {
  // No published Erlang A service level could be verified for this test, so it is checked
  // against the independent closed form above (θ = μ = 0.5/min, λ = 1/min, a = 2).
  it('service level equals the independent hypoexponential sum', () => {
    for (const agents of [1, 2, 3]) {
      for (const threshold of [0.1, 1, 4]) {
        const input = { servers: agents, arrivalRate: 1, serviceRate: 0.5, abandonmentRate: 0.5 };
        expect(erlangAServiceLevel(input, threshold)).toBeCloseTo(erlangAServiceLevelDirect(agents, 0.5, threshold), 9);
      }
    }
  });

  it('service level at threshold 0 is 1 − P(wait), and approaches Erlang C as θ → 0', () => {
    const input = { servers: 10, arrivalRate: 0.9, serviceRate: 0.1, abandonmentRate: 0.05 };
    expect(erlangAServiceLevel(input, 0)).toBeCloseTo(1 - erlangA(input).probabilityWait, 12);
    const nearlyC = queueMeasures(
      { arrivalsPerHour: 54, handleMinutes: 10, thresholdMinutes: 5, patienceMinutes: 1e6 },
      10,
    );
    const c = queueMeasures({ arrivalsPerHour: 54, handleMinutes: 10, thresholdMinutes: 5 }, 10);
    expect(nearlyC.serviceLevel).toBeCloseTo(c.serviceLevel, 3);
  });

  it('gives the agents for an abandonment target on the textbook M/M/c+M scenario', () => {
    // scenarios/textbook/mmc-abandonment.yaml: λ = 60/h, 10 min, mean patience 20 min.
    const load = { arrivalsPerHour: 60, handleMinutes: 10, thresholdMinutes: 1, patienceMinutes: 20 };
    const needed = minimalAgents(load, { maxProbabilityAbandon: 0.05 });
    expect(needed.probabilityAbandon).toBeLessThanOrEqual(0.05);
    expect(queueMeasures(load, needed.agents - 1).probabilityAbandon).toBeGreaterThan(0.05);
    // Erlang A is stable below the offered load, and fewer agents lose more customers.
    expect(queueMeasures(load, 8).stable).toBe(true);
    expect(queueMeasures(load, 8).probabilityAbandon).toBeGreaterThan(queueMeasures(load, 9).probabilityAbandon);
  });
});
