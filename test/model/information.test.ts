/**
 * Information requests: an agent who needs information asks the customer (a public reply
 * of kind info_request, then pending). The customer answers after a delay and the ticket
 * continues, or stays silent and the desk closes it by rule, unresolved.
 */
import { describe, expect, it } from 'vitest';
import { ArraySink, type TicketEvent } from '../../src/eventlog/types.js';
import { runReplication } from '../../src/experiment/run.js';
import { summarize } from '../../src/experiment/statistics.js';
import { buildDesk } from '../../src/model/build.js';
import { simulate } from '../../src/model/simulate.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { expectInside } from '../support/cli.js';

const mmc = (overrides: string[]) =>
  loadScenarioFile('scenarios/textbook/mmc.yaml', {
    overrides: ['horizon.days=6', 'replications=6', 'tiers.desk.agents=16', 'customers.info_request=1', ...overrides],
  }).scenario;

function ticketsOf(overrides: string[]): Map<number | string, TicketEvent[]> {
  const sink = new ArraySink();
  simulate(buildDesk(mmc(['replications=1', ...overrides])), 1, sink);
  const byTicket = new Map<number | string, TicketEvent[]>();
  for (const event of sink.events)
    if (event.ticket !== undefined) byTicket.set(event.ticket, [...(byTicket.get(event.ticket) ?? []), event]);
  return byTicket;
}

describe('information requests', () => {
  it('the customer answers after the delay and the ticket continues to a resolution', () => {
    let checked = 0;
    for (const events of ticketsOf([
      'customers.silence=0',
      'customers.reply_delay={dist: deterministic, value: 3h}',
    ]).values()) {
      const resolved = events.find((event) => event.type === 'resolved');
      if (resolved === undefined) continue;
      const ask = events.find((event) => event.type === 'replied')!;
      expect(ask.kind).toBe('info_request'); // the first public reply is the question
      const pending = events.find((event) => event.type === 'pending')!;
      const answer = events.find((event) => event.type === 'customer_replied')!;
      expect(pending.kind).toBe('customer');
      expect(answer.time - pending.time).toBeCloseTo(180, 6);
      expect(events.filter((event) => event.type === 'work_started')).toHaveLength(2);
      expect(events.filter((event) => event.type === 'replied' && event.kind === 'info_request')).toHaveLength(1);
      checked++;
    }
    expect(checked).toBeGreaterThan(3000);
  });

  it('work over resolved tickets is the first session plus the continuation', () => {
    const model = buildDesk(mmc(['customers.silence=0', 'customers.reply_delay={dist: deterministic, value: 1h}']));
    const perReplication: number[] = [];
    for (let replication = 1; replication <= 6; replication++) {
      const resolved = runReplication(model, replication)
        .ledger.measuredTickets()
        .filter((ticket) => ticket.resolvedCount > 0);
      perReplication.push(resolved.reduce((sum, ticket) => sum + ticket.handleTime, 0) / resolved.length);
    }
    expectInside(summarize(perReplication, 'minutes'), 10 + 0.5 * 10, 'handle time: session + continuation at 0.5');
  });

  it('a silent customer’s ticket is closed by rule, unresolved and not fixed', () => {
    let closed = 0;
    for (const events of ticketsOf(['customers.silence=1', 'customers.silent_close_after=2d']).values()) {
      const pending = events.find((event) => event.type === 'pending');
      const close = events.find((event) => event.type === 'closed');
      if (pending === undefined || close === undefined) continue;
      expect(close.kind).toBe('no_reply');
      expect(close.time - pending.time).toBeCloseTo(2 * 1440, 6);
      expect(events.some((event) => event.type === 'resolved' || event.type === 'truth_fixed')).toBe(false);
      closed++;
    }
    expect(closed).toBeGreaterThan(3000);
  });

  it('the request rate is per complexity', () => {
    const scenario = loadScenarioFile('scenarios/baseline.yaml', {
      overrides: ['replications=1', 'horizon.days=14', 'customers.info_request={simple: 0, medium: 0, complex: 1}'],
    }).scenario;
    const sink = new ArraySink();
    simulate(buildDesk(scenario), 1, sink);
    // Complexity is hidden from the log, but in the baseline only bugs and integrations are
    // ever complex: no other category may be asked about.
    const categoryOf = new Map(
      sink.events.filter((event) => event.type === 'created').map((event) => [event.ticket, event.category]),
    );
    const askedCategories = new Set(
      sink.events
        .filter((event) => event.type === 'replied' && event.kind === 'info_request')
        .map((event) => categoryOf.get(event.ticket)),
    );
    expect([...askedCategories].sort()).toEqual(['bug', 'integration']);
  });
});
