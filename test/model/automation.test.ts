/**
 * Automation tiers and handoffs (docs/model.md, Automation tier): the bot answers at once,
 * contains a share of its conversations and really fixes a share of those (the rest come
 * back), hands the others off; a handoff that loses the context costs the next session time;
 * a tier that hands tickets back does so with its probability.
 */
import { describe, expect, it } from 'vitest';
import { ArraySink, type TicketEvent } from '../../src/eventlog/types.js';
import { runScenario } from '../../src/experiment/run.js';
import { computeWarnings } from '../../src/experiment/warnings.js';
import { buildDesk } from '../../src/model/build.js';
import { effortPoints, satisfiedProbability, type SatisfactionModel } from '../../src/desk/satisfaction.js';
import { simulate } from '../../src/model/simulate.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { expectInside } from '../support/cli.js';

const load = (file: string, overrides: string[]) =>
  loadScenarioFile(`scenarios/textbook/${file}.yaml`, {
    overrides: ['horizon.days=10', 'replications=6', ...overrides],
  }).scenario;

/** Events of one replication, by ticket. */
function eventsByTicket(file: string, overrides: string[]): Map<number | string, TicketEvent[]> {
  const sink = new ArraySink();
  simulate(buildDesk(load(file, ['replications=1', ...overrides])), 1, sink);
  const byTicket = new Map<number | string, TicketEvent[]>();
  for (const event of sink.events)
    if (event.ticket !== undefined) byTicket.set(event.ticket, [...(byTicket.get(event.ticket) ?? []), event]);
  return byTicket;
}

/** Whether `count` of `trials` is inside the 99.9 % normal interval of a binomial with probability `p`. */
function binomialInside(count: number, trials: number, p: number): boolean {
  return Math.abs(count / trials - p) <= 3.29 * Math.sqrt((p * (1 - p)) / trials);
}

const bot =
  'automation=[{id: bot, response: 15s, conversation: 2m, containment: 0.5, accuracy: 0.8, cost_per_conversation: 1}]';

describe('automation tier', () => {
  it('answers at its response time, then contains the ticket or hands it off to the entry tier', () => {
    const byTicket = eventsByTicket('mmc', [bot]);
    let contained = 0;
    let handedOff = 0;
    for (const events of byTicket.values()) {
      const created = events.find((event) => event.type === 'created')!;
      const reply = events.find((event) => event.type === 'replied')!;
      expect(events[1]).toMatchObject({ type: 'queued', tier: 'bot' });
      if (reply === undefined) continue; // created in the last seconds of the horizon
      expect(reply.tier).toBe('bot');
      expect(reply.time - created.time).toBeCloseTo(0.25, 9);
      const end = events.find(
        (event) => (event.type === 'resolved' || event.type === 'escalated') && event.tier === 'bot',
      );
      if (end === undefined) continue;
      expect(end.time - created.time).toBeCloseTo(2, 9);
      const human = events.filter((event) => event.type === 'queued' && event.tier === 'desk');
      if (end.type === 'resolved') {
        contained++;
        // A contained ticket meets a human only if its customer comes back (a reopen).
        if (human.length > 0)
          expect(events.some((event) => event.type === 'reopened' && event.time <= human[0]!.time)).toBe(true);
      } else {
        handedOff++;
        expect(end).toMatchObject({ kind: 'handoff', value: 'desk' });
        expect(human[0]!.time).toBe(end.time);
      }
    }
    expect(binomialInside(contained, contained + handedOff, 0.5)).toBe(true);
  });

  it('contains and really fixes the shares it is given, and charges its conversations', () => {
    const kpis = runScenario(load('mmc', [bot])).summary.kpis;
    const plain = runScenario(load('mmc', ['costs.per_ticket=0'])).summary.kpis;
    expect(kpis.automation_coverage!.mean).toBe(1);
    expectInside(kpis.automation_containment_rate, 0.5, 'containment');
    expectInside(kpis.automation_true_fix_rate, 0.5 * 0.8, 'true fix rate');
    expectInside(kpis.automation_hidden_failure_share, 0.2, 'hidden failures among contained');
    // A desk without it has no automation KPIs, and its warnings do not call them blank: they do not apply.
    expect(plain.automation_coverage!.mean).toBeNull();
    const plainWarnings = runScenario(load('mmc', ['costs.per_ticket=0'])).summary.warnings;
    expect(JSON.stringify(plainWarnings)).not.toContain('automation_');
    // The textbook desk costs nothing an hour: its cost is one per conversation, one per ticket.
    expect(kpis.cost_per_ticket!.mean).toBeCloseTo(1, 9);
  });

  it('sends confident wrong answers back as reopens or repeat tickets', () => {
    const wrong = 'automation=[{id: bot, containment: 1, accuracy: 0}]';
    const kpis = runScenario(load('mmc', [wrong, 'customers.return_when_not_fixed=1'])).summary.kpis;
    expect(kpis.automation_true_fix_rate!.mean).toBe(0);
    expect(kpis.automation_hidden_failure_share!.mean).toBe(1);
    // The dashboard counts every conversation as resolved; the truth knows the bot fixed none.
    expect(kpis.automation_containment_rate!.mean).toBeGreaterThan(0.99);
    expect(kpis.reopen_rate!.mean!).toBeGreaterThan(0.5);
    expect(kpis.contacts_per_issue!.mean!).toBeGreaterThan(1.5);
  });

  it('takes only its channels, and no more conversations at once than its concurrency', () => {
    const overrides = [
      'channels={chat: {share: 0.5, response: on_pickup}, email: {share: 0.5}}',
      'automation=[{id: bot, channels: [chat], concurrency: 2, conversation: 10m, containment: 0.5}]',
    ];
    let open = 0;
    let most = 0;
    let full = 0;
    const all = [...eventsByTicket('mmc', overrides).values()]
      .flat()
      .sort((a, b) => a.time - b.time || (a.type === 'queued' ? 1 : -1));
    const channel = new Map<number | string, string>();
    for (const event of all) {
      if (event.type === 'created') channel.set(event.ticket!, event.channel!);
      if (event.type === 'queued' && event.tier === 'bot') {
        expect(channel.get(event.ticket!)).toBe('chat');
        most = Math.max(most, ++open);
      }
      if ((event.type === 'resolved' || event.type === 'escalated') && event.tier === 'bot') open--;
      if (event.type === 'queued' && event.tier === 'desk' && open === 2 && channel.get(event.ticket!) === 'chat')
        full++;
    }
    expect(most).toBe(2);
    expect(full).toBeGreaterThan(0); // chat tickets that found it full went to the desk
  });
});

describe('handoffs', () => {
  /** Minutes of each ticket's session at tier2, by ticket. */
  function tier2Sessions(overrides: string[]): Map<number | string, number> {
    const sessions = new Map<number | string, number>();
    for (const [id, events] of eventsByTicket('tandem', ['tiers.tier1.skill=0', ...overrides])) {
      const start = events.find((event) => event.type === 'work_started' && event.tier === 'tier2');
      const end = events.find((event) => event.type === 'work_ended' && event.tier === 'tier2');
      if (start !== undefined && end !== undefined) sessions.set(id, end.time - start.time);
    }
    return sessions;
  }

  it('a lost context adds the repeat time to the receiving tier’s session (at its speed), ticket by ticket', () => {
    // Tier 2 works at speed 0.5: 3 minutes of content take 6. Tier 1 escalates everything.
    const plain = tier2Sessions([]);
    const repeated = tier2Sessions(['handoffs.context_lost=1', 'handoffs.repeat_time=3m']);
    let compared = 0;
    for (const [id, minutes] of repeated) {
      const before = plain.get(id);
      if (before === undefined) continue;
      expect(minutes - before).toBeCloseTo(6, 6);
      compared++;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('a repeat lowers true satisfaction and raises effort', () => {
    const plain = runScenario(load('tandem', ['customers.survey.share=1'])).summary.kpis;
    const repeated = runScenario(
      load('tandem', ['customers.survey.share=1', 'handoffs.context_lost=1', 'handoffs.per_repeat=0.3']),
    ).summary.kpis;
    expect(repeated.true_satisfaction_mean!.mean!).toBeLessThan(plain.true_satisfaction_mean!.mean!);
    expect(repeated.ces_mean!.mean!).toBeGreaterThan(plain.ces_mean!.mean!);
  });

  it('a tier hands escalated tickets back with its probability, and they come back to it', () => {
    let escalations = 0;
    let handBacks = 0;
    for (const events of eventsByTicket('tandem', ['handoffs.hand_back={tier2: 0.4}']).values()) {
      for (const [index, event] of events.entries()) {
        if (event.type !== 'escalated') continue;
        if (event.kind === 'hand_back') {
          handBacks++;
          expect(event).toMatchObject({ tier: 'tier2', value: 'tier1' });
          // Tier 1 could not solve it before and cannot now: it escalates it again (or the run ends first).
          const next = events.slice(index + 1).find((later) => later.type === 'escalated' || later.type === 'resolved');
          if (next !== undefined) expect(next).toMatchObject({ type: 'escalated', tier: 'tier1' });
        } else if (events.slice(index + 1).some((later) => later.type === 'work_ended' && later.tier === 'tier2')) {
          escalations++; // a draw was made: Tier 2 finished a session on it after this escalation
        }
      }
    }
    // Each escalation into tier2 is drawn once, at the end of its first session there.
    expect(handBacks).toBeGreaterThan(100);
    expect(binomialInside(handBacks, escalations, 0.4)).toBe(true);
  });
});

describe('warnings', () => {
  const facts = {
    replications: 5,
    measuredDays: 28,
    reopenWindowDays: 7,
    surveyDelayMinutes: 360,
    escalationTargets: [],
  };
  const blank = { mean: null, sd: null, ci95: null, n: 0, unit: 'share' as const };
  it('call automation KPIs blank only on a desk with an automation tier', () => {
    const input = { kpis: { automation_coverage: blank }, tiers: {} };
    expect(computeWarnings(input, facts).map((warning) => warning.code)).not.toContain('blank_kpis');
    expect(computeWarnings(input, { ...facts, automation: true }).map((warning) => warning.code)).toContain(
      'blank_kpis',
    );
  });
});

describe('repeats in the satisfaction model', () => {
  const model: SatisfactionModel = {
    base: 0.9,
    contactFactor: 0.85,
    notFixedFactor: 0.3,
    abandonedFactor: 0.5,
    handoffFactor: 0.9,
    exchangeFactor: 0.95,
    genericFactor: 0.9,
    waitSensitivity: 0.3,
    repeatFactor: 0.8,
    repeatEffort: 1.5,
    expectedFirstResponse: Float64Array.of(60),
    expectedResolution: Float64Array.of(1440),
  };
  const experience = {
    contacts: 1,
    fixed: true,
    abandoned: false,
    handoffs: 1,
    exchanges: 0,
    genericReplies: 0,
    firstResponseWait: 10,
    resolutionWait: 100,
    searchedFirst: false,
  };
  it('multiplies the satisfied probability by (1 − per_repeat) per repeat, and adds its effort', () => {
    // 0.9 × 0.9 (one handoff) = 0.81; two repeats: × 0.8² = 0.5184. Effort: 0.5 (handoff) + 2 × 1.5 = 3.5.
    expect(satisfiedProbability(model, experience, 0, 0)).toBeCloseTo(0.81, 12);
    expect(satisfiedProbability(model, { ...experience, repeats: 2 }, 0, 0)).toBeCloseTo(0.5184, 12);
    expect(effortPoints(experience, 1.5)).toBe(0.5);
    expect(effortPoints({ ...experience, repeats: 2 }, 1.5)).toBe(3.5);
  });
});
