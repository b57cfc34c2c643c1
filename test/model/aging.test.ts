/**
 * Customers of aging tickets chase (mechanisms/aging.ts): after `customers.chase.after` of
 * waiting in a queue they write again (customer_replied, kind chase), up to `max` times, and
 * each chase weighs on satisfaction as one contact more.
 */
import { describe, expect, it } from 'vitest';
import { differenceTable } from '../../src/experiment/compare.js';
import { runScenario } from '../../src/experiment/run.js';
import { ArraySink, type TicketEvent } from '../../src/eventlog/types.js';
import { buildDesk } from '../../src/model/build.js';
import { simulate } from '../../src/model/simulate.js';
import { loadScenarioText } from '../../src/scenario/load.js';

// One agent, 40 tickets a day of 30 minutes on average: the queue grows, tickets age.
const DESK = `
name: aging-desk
seed: 3
replications: 6
horizon: { days: 10, warmup_days: 1 }
arrivals: { rate_per_hour: 1.9 }
complexity: { standard: { handle_time: { dist: lognormal, mean: 30m, sd: 20m } } }
tiers:
  - { id: desk, agents: 1 }
`;

function log(overrides: string[]): TicketEvent[] {
  const sink = new ArraySink();
  simulate(buildDesk(loadScenarioText(DESK, 'aging-desk.yaml', { overrides }).scenario), 1, sink);
  return sink.events;
}

describe('customers of aging tickets chase', () => {
  it('never, by default', () => {
    expect(log([]).some((event) => event.kind === 'chase')).toBe(false);
  });

  it('after each `after` of waiting in the queue, at most `max` times', () => {
    const events = log(['customers.chase.after=2h', 'customers.chase.max=2']);
    const queuedAt = new Map<number | string, number>();
    const takenAt = new Map<number | string, number>();
    const chases = new Map<number | string, number[]>();
    for (const event of events) {
      if (event.type === 'queued') queuedAt.set(event.ticket!, event.time);
      if (event.type === 'assigned') takenAt.set(event.ticket!, event.time);
      if (event.kind === 'chase') chases.set(event.ticket!, [...(chases.get(event.ticket!) ?? []), event.time]);
    }
    expect(chases.size).toBeGreaterThan(10);
    for (const [ticket, times] of chases) {
      const queued = queuedAt.get(ticket)!;
      expect(times.length).toBeLessThanOrEqual(2);
      times.forEach((time, index) => expect(time).toBeCloseTo(queued + 120 * (index + 1), 9));
      // Still waiting when it chased: taken (if ever) after the last chase.
      expect(takenAt.get(ticket) ?? Number.POSITIVE_INFINITY).toBeGreaterThanOrEqual(times[times.length - 1]!);
    }
    // Every ticket that waited over 2 h chased at least once.
    for (const [ticket, queued] of queuedAt) {
      const taken = takenAt.get(ticket);
      if (taken !== undefined && taken - queued > 120 && queued + 120 <= events[events.length - 1]!.time)
        expect(chases.has(ticket)).toBe(true);
    }
  });

  it('weighs on true satisfaction, and nothing else changes', () => {
    const load = (overrides: string[]) => loadScenarioText(DESK, 'aging-desk.yaml', { overrides }).scenario;
    const change = differenceTable(runScenario(load([])), runScenario(load(['customers.chase.after=2h']))).kpis;
    expect(change.true_satisfaction_mean!.significant).toBe(true);
    expect(change.true_satisfaction_mean!.difference!).toBeLessThan(0);
    expect(change.queue_wait_mean!.difference).toBe(0);
    expect(change.resolution_time_mean!.difference).toBe(0);
  });
});
