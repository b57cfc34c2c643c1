/**
 * Satisfaction and surveys: the latent model's calibration (each extra contact ⇒ 15 %
 * fewer satisfied customers, by default), answers consistent with the latent value,
 * response bias, and the calibration holding inside a simulated desk.
 */
import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { ArraySink, type TicketEvent } from '../../src/eventlog/types.js';
import { buildDesk } from '../../src/model/build.js';
import {
  effortPoints,
  responseProbability,
  satisfiedProbability,
  surveyAnswers,
  type Experience,
} from '../../src/desk/satisfaction.js';
import { simulate } from '../../src/model/simulate.js';
import { createStream } from '../../src/engine/index.js';
import { loadScenarioFile, loadScenarioText } from '../../src/scenario/load.js';

const defaults = buildDesk(loadScenarioText('name: defaults', 'defaults.yaml').scenario).customers.satisfaction;

const smooth: Experience = {
  contacts: 1,
  fixed: true,
  abandoned: false,
  handoffs: 0,
  exchanges: 0,
  genericReplies: 0,
  firstResponseWait: 10,
  resolutionWait: 60,
  searchedFirst: false,
};

/** 99.9 % normal interval half-width of a proportion. */
const halfWidth = (share: number, n: number) => 3.29 * Math.sqrt((share * (1 - share)) / n);

describe('the satisfaction model', () => {
  it('by default, each extra contact lowers the probability of being satisfied by 15 %', () => {
    for (const experience of [smooth, { ...smooth, fixed: false }, { ...smooth, handoffs: 2, resolutionWait: 5000 }]) {
      for (let contacts = 1; contacts <= 4; contacts++) {
        const ratio =
          satisfiedProbability(defaults, { ...experience, contacts: contacts + 1 }, 0, 0) /
          satisfiedProbability(defaults, { ...experience, contacts }, 0, 0);
        expect(ratio).toBeCloseTo(0.85, 12);
      }
    }
    expect(satisfiedProbability(defaults, smooth, 0, 0)).toBeCloseTo(0.9, 12);
  });

  it('every other factor lowers it too: not fixed, handoffs, exchanges, generic replies, late answers', () => {
    const base = satisfiedProbability(defaults, smooth, 0, 0);
    expect(satisfiedProbability(defaults, { ...smooth, fixed: false }, 0, 0)).toBeCloseTo(base * 0.3, 12);
    expect(satisfiedProbability(defaults, { ...smooth, handoffs: 1 }, 0, 0)).toBeCloseTo(base * 0.9, 12);
    expect(satisfiedProbability(defaults, { ...smooth, exchanges: 2 }, 0, 0)).toBeCloseTo(base * 0.95 ** 2, 12);
    expect(satisfiedProbability(defaults, { ...smooth, genericReplies: 1 }, 0, 0)).toBeCloseTo(base * 0.9, 12);
    // Expected first response 240 min by default: 960 is four times late ⇒ × (1/4)^0.3.
    expect(satisfiedProbability(defaults, { ...smooth, firstResponseWait: 960 }, 0, 0)).toBeCloseTo(
      base * 0.25 ** 0.3,
      12,
    );
    expect(satisfiedProbability(defaults, { ...smooth, firstResponseWait: 240 }, 0, 0)).toBe(base);
  });

  it('giving up on the queue weighs on top of not being served: by default × 0.2', () => {
    const unserved = { ...smooth, fixed: false };
    expect(satisfiedProbability(defaults, { ...unserved, abandoned: true }, 0, 0)).toBeCloseTo(
      satisfiedProbability(defaults, unserved, 0, 0) * 0.2,
      12,
    );
    // 0.9 × 0.3 × 0.2: about one abandoning customer in twenty would still say 4–5, before waits.
    expect(satisfiedProbability(defaults, { ...unserved, abandoned: true }, 0, 0)).toBeCloseTo(0.054, 12);
  });

  it('answers: CSAT 4–5 with probability p; ratings, NPS and CES move together', () => {
    const random = createStream(1, 1, 'test');
    const n = 100_000;
    for (const probability of [0.9, 0.5, 0.1]) {
      let satisfied = 0;
      for (let index = 0; index < n; index++)
        if (surveyAnswers(probability, 0, random(), random()).csat >= 4) satisfied++;
      expect(Math.abs(satisfied / n - probability)).toBeLessThan(halfWidth(probability, n));
    }
    const delighted = surveyAnswers(0.9, 0, 0.001, 0.5);
    const furious = surveyAnswers(0.9, 0, 0.999, 0.5);
    expect([delighted.csat, delighted.nps, delighted.ces]).toEqual([5, 10, 1]);
    expect([furious.csat, furious.nps]).toEqual([1, 0]);
    expect(furious.ces).toBeGreaterThanOrEqual(4);
    // More effort, higher (worse) CES for the same rating.
    expect(surveyAnswers(0.9, 3, 0.5, 0.5).ces).toBeGreaterThan(surveyAnswers(0.9, 0, 0.5, 0.5).ces);
    expect(effortPoints({ ...smooth, contacts: 3, exchanges: 1, searchedFirst: true })).toBe(3);
  });

  it('response bias: extremes answer (1 + bias) times as often as the neutral middle', () => {
    expect(responseProbability(0.2, 1, 1) / responseProbability(0.2, 1, 0.5)).toBeCloseTo(2, 12);
    expect(responseProbability(0.2, 0, 0.9)).toBeCloseTo(0.2, 12);
    // Averaged over uniform ratings, the response rate is the configured one.
    const average = jStat.mean(
      Array.from({ length: 10_001 }, (_, index) => responseProbability(0.2, 1, index / 10_000)),
    );
    expect(average).toBeCloseTo(0.2, 4);
  });
});

/** The baseline desk, every ticket from a new customer (so a repeat contact is recognisable). */
function baselineLog(replication: number): TicketEvent[] {
  const { scenario } = loadScenarioFile('scenarios/baseline.yaml', {
    overrides: ['customers.population=0', 'horizon.days=56', 'horizon.warmup_days=0'],
  });
  const sink = new ArraySink();
  simulate(buildDesk(scenario), replication, sink);
  return sink.events;
}

describe('satisfaction inside the simulated desk', () => {
  it('each extra contact ⇒ ~15 % fewer satisfied customers (baseline desk, by default)', () => {
    // Among tickets really fixed at the end, with no handoff and no information request,
    // compare customers served in one contact with those who had to reopen once.
    const satisfied = [0, 0];
    const total = [0, 0];
    const surveyed = { answered: 0, satisfied: 0 };
    for (const replication of [1, 2, 3, 4, 5, 6]) {
      const tickets = new Map<
        number | string,
        { reopens: number; fixed: boolean; other: boolean; csat?: number; customer?: string | number }
      >();
      for (const event of baselineLog(replication)) {
        if (event.ticket === undefined) continue;
        if (event.type === 'created')
          tickets.set(event.ticket, { reopens: 0, fixed: false, other: event.customer !== event.ticket });
        const ticket = tickets.get(event.ticket)!;
        if (event.type === 'reopened') ticket.reopens++;
        if (event.type === 'truth_fixed') ticket.fixed = true;
        if (event.type === 'escalated' || event.type === 'pending') ticket.other = true;
        if (event.type === 'truth_satisfaction') ticket.csat = (event.value as { csat: number }).csat;
        if (event.type === 'survey_answered') {
          surveyed.answered++;
          if ((event.value as { csat: number }).csat >= 4) surveyed.satisfied++;
        }
      }
      for (const ticket of tickets.values()) {
        if (ticket.csat === undefined || !ticket.fixed || ticket.other || ticket.reopens > 1) continue;
        total[ticket.reopens]!++;
        if (ticket.csat >= 4) satisfied[ticket.reopens]!++;
      }
    }
    const once = satisfied[0]! / total[0]!;
    const twice = satisfied[1]! / total[1]!;
    const ratio = twice / once;
    // Delta-method standard error of the ratio of two independent proportions.
    const se = ratio * Math.sqrt((1 - once) / (once * total[0]!) + (1 - twice) / (twice * total[1]!));
    expect(total[1]!).toBeGreaterThan(500);
    expect(
      Math.abs(ratio - 0.85),
      `ratio ${ratio.toFixed(3)} ± ${(3.29 * se).toFixed(3)} (n = ${total[0]}, ${total[1]})`,
    ).toBeLessThan(3.29 * se + 0.02);
    // Respondents are happier than customers as a whole: surveys only follow resolutions,
    // and the extremes answer more often.
    expect(surveyed.satisfied / surveyed.answered).toBeGreaterThan(0.7);
  });

  it('customers who abandoned rarely rate 4–5 (one in five did before abandonment weighed)', () => {
    let abandoned = 0;
    let satisfied = 0;
    for (const replication of [1, 2]) {
      const gaveUp = new Set<number | string>();
      for (const event of baselineLog(replication)) {
        if (event.type === 'abandoned') gaveUp.add(event.ticket!);
        if (event.type === 'truth_satisfaction' && gaveUp.has(event.ticket!)) {
          abandoned++;
          if ((event.value as { csat: number }).csat >= 4) satisfied++;
        }
      }
    }
    const share = satisfied / abandoned;
    // At most 0.9 × 0.3 × 0.2 = 5.4 % (waits past the expected first response lower it more).
    expect(abandoned).toBeGreaterThan(200); // live channels lose 3–12 % of contacts: a few hundred over two replications
    expect(share, `${satisfied} of ${abandoned}`).toBeLessThan(0.054 + halfWidth(0.054, abandoned));
  });
});
