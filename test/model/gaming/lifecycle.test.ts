/**
 * Gaming changes what agents do, never the rules of the log: with every behaviour on, the
 * log stays ordered in time, each ticket follows the lifecycle (with the few new turns that
 * gaming takes: an acknowledged or held ticket goes back to the queue, a needless question
 * follows an escalation, a ticket waiting on engineering is set pending on the customer
 * again after the customer answers), tickets are conserved, and the same seed gives the
 * same log.
 */
import { describe, expect, it } from 'vitest';
import { ArraySink, type TicketEvent } from '../../../src/eventlog/types.js';
import { buildDesk } from '../../../src/model/build.js';
import { simulate } from '../../../src/model/simulate.js';
import { loadScenarioFile } from '../../../src/scenario/load.js';
import { AFTERMATH, GAMING_LIFECYCLE } from '../../support/lifecycle.js';

const EVERY_BEHAVIOUR = [
  'gaming.premature_close.intensity=0.3',
  'gaming.generic_first_reply.intensity=0.3',
  'gaming.cherry_pick.intensity=0.3',
  'gaming.escalation_avoidance.intensity=0.3',
  'gaming.escalation_dumping.intensity=0.3',
  'gaming.sla_clock_pause.intensity=0.5',
  'gaming.rushing.intensity=0.3',
  'gaming.survey_selection.intensity=0.5',
  'gaming.ticket_splitting.intensity=0.3',
  'incentives=[{kpi: first_response_time_mean, pressure: 0.5}, {kpi: csat_mean, pressure: 0.5}, {kpi: escalation_rate, pressure: 0.3}]',
];

function log(overrides: string[]): TicketEvent[] {
  const { scenario } = loadScenarioFile('scenarios/baseline.yaml', { overrides: ['horizon.days=21', 'horizon.warmup_days=0', ...overrides] });
  const sink = new ArraySink();
  simulate(buildDesk(scenario), 1, sink);
  return sink.events;
}

describe('gaming keeps the log valid', () => {
  const events = log(EVERY_BEHAVIOUR);

  const byTicket = new Map<number | string, TicketEvent[]>();
  for (const event of events) {
    // Who gamed the ticket is a truth note beside the lifecycle, not a turn of it (checked below).
    if (event.ticket === undefined || event.type === 'truth_gamed') continue;
    if (!byTicket.has(event.ticket)) byTicket.set(event.ticket, []);
    byTicket.get(event.ticket)!.push(event);
  }

  it('is ordered in time, and every ticket follows the lifecycle', () => {
    // Problems are collected and compared once: an expect per event would dominate the run time.
    const problems: string[] = [];
    events.forEach((event, index) => {
      if (index > 0 && event.time < events[index - 1]!.time) problems.push(`event ${index} goes back in time`);
    });
    let ended = 0;
    for (const [ticket, all] of byTicket) {
      if (all[0]!.type !== 'created') problems.push(`ticket ${ticket} starts with ${all[0]!.type}`);
      // A customer's answer to a needless question that engineering overtook is a late message, not a turn of the lifecycle.
      const lifecycle = all.filter((event, index) => event.type !== 'customer_replied' || all[index - 1]?.type === 'pending');
      for (let index = 1; index < lifecycle.length; index++) {
        const [before, after] = [lifecycle[index - 1]!.type, lifecycle[index]!.type];
        if (!GAMING_LIFECYCLE[before]!.includes(after)) problems.push(`ticket ${ticket}: ${before} → ${after}`);
      }
      const main = lifecycle.filter((event) => !AFTERMATH.has(event.type));
      const last = main[main.length - 1]!.type;
      const isEnded = last === 'closed' || last === 'abandoned';
      if (isEnded) ended++;
      const verdicts = all.filter((event) => event.type === 'truth_satisfaction').length;
      if (verdicts !== (isEnded ? 1 : 0)) problems.push(`ticket ${ticket}: ${verdicts} truth_satisfaction`);
      // Nothing happens to a ticket after it is closed but its customer's verdict and survey.
      const closedAt = all.findIndex((event) => event.type === 'closed');
      if (closedAt >= 0 && !all.slice(closedAt + 1).every((event) => AFTERMATH.has(event.type))) problems.push(`ticket ${ticket}: events after closed`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(ended).toBeGreaterThan(1000);
  });

  it('shows every behaviour at work', () => {
    const turns = new Map<string, number>();
    for (const all of byTicket.values()) {
      for (let index = 1; index < all.length; index++) {
        const turn = `${all[index - 1]!.type}${all[index - 1]!.kind ? `(${all[index - 1]!.kind})` : ''} → ${all[index]!.type}${all[index]!.kind ? `(${all[index]!.kind})` : ''}`;
        turns.set(turn, (turns.get(turn) ?? 0) + 1);
      }
    }
    const seen = (turn: string) => turns.get(turn) ?? 0;
    expect(seen('replied(generic) → queued'), 'acknowledgements').toBeGreaterThan(50);
    expect(seen('resolved → closed(agent)'), 'premature closes').toBeGreaterThan(20);
    expect(seen('work_ended → queued'), 'held tickets').toBeGreaterThan(10);
    expect(seen('escalated → replied(info_request)'), 'pauses after escalation').toBeGreaterThan(5);
    expect(seen('pending(customer) → resumed(customer)') + seen('customer_replied → pending(customer)'), 'engineering waits on the customer').toBeGreaterThan(5);
    const customers = events.filter((event) => event.type === 'created').map((event) => event.customer);
    expect(customers.length - new Set(customers).size, 'split-off and repeat tickets').toBeGreaterThan(100);
    expect(events.filter((event) => event.type === 'survey_sent').length).toBeLessThan(events.filter((event) => event.type === 'closed').length * 0.9);
  });

  it('records who gamed which ticket for every behaviour, on tickets of the log, by agents who worked them', () => {
    const gamed = events.filter((event) => event.type === 'truth_gamed');
    const behaviours = new Set(gamed.map((event) => event.kind));
    expect([...behaviours].sort()).toEqual([
      'cherry_pick',
      'escalation_avoidance',
      'escalation_dumping',
      'generic_first_reply',
      'premature_close',
      'rushing',
      'sla_clock_pause',
      'survey_selection',
      'ticket_splitting',
    ]);
    const problems = gamed.filter((event) => !(byTicket.get(event.ticket!) ?? []).some((other) => other.type === 'assigned' && other.agent === event.agent));
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('is reproducible: the same seed gives the same log', () => {
    expect(log(EVERY_BEHAVIOUR)).toEqual(events);
  });
});
