/**
 * The system's automatic acknowledgement (policies.auto_acknowledgement): a reply of kind
 * `auto` on every new ticket, by no agent. It changes nothing for the customers or the
 * agents — the same seeds give the same tickets, work and truth — and first response only
 * where the metric option `auto_reply_counts_as_response` counts it.
 */
import { describe, expect, it } from 'vitest';
import { ArraySink, type TicketEvent } from '../../src/eventlog/types.js';
import { runScenario } from '../../src/experiment/run.js';
import { buildDesk } from '../../src/model/build.js';
import { simulate } from '../../src/model/simulate.js';
import { loadScenarioFile } from '../../src/scenario/load.js';

const SHORT = ['replications=2', 'horizon.days=10', 'horizon.warmup_days=2'];
const scenario = (...overrides: string[]) =>
  loadScenarioFile('scenarios/baseline.yaml', { overrides: [...SHORT, ...overrides] }).scenario;
const kpis = (...overrides: string[]) =>
  runScenario(scenario(...overrides)).outcomes.map((outcome) => outcome.kpis.values);
const events = (...overrides: string[]): TicketEvent[] => {
  const sink = new ArraySink();
  simulate(buildDesk(scenario(...overrides)), 1, sink);
  return sink.events;
};

describe('automatic acknowledgement', () => {
  it('is off by default: no automatic reply', () => {
    expect(events().some((event) => event.type === 'replied' && event.kind === 'auto')).toBe(false);
  });

  it('acknowledges every new ticket at once, by no agent, and moves nothing else', () => {
    const plain = events();
    const acknowledged = events('policies.auto_acknowledgement.enabled=true');
    const created = acknowledged.filter((event) => event.type === 'created');
    const automatic = acknowledged.filter((event) => event.type === 'replied' && event.kind === 'auto');
    expect(automatic.length).toBe(created.length);
    const createdAt = new Map(created.map((event) => [event.ticket, event.time]));
    for (const reply of automatic) {
      expect(reply.agent).toBeUndefined();
      expect(reply.time).toBe(createdAt.get(reply.ticket));
    }
    // The same log, less the acknowledgements: same seeds, same tickets, same work and truth.
    expect(acknowledged.filter((event) => !(event.type === 'replied' && event.kind === 'auto'))).toEqual(plain);
  });

  it('covers only the channels listed, and after a delay only tickets still waiting for an answer', () => {
    const log = events(
      'policies.auto_acknowledgement.enabled=true',
      'policies.auto_acknowledgement.delay=30m',
      'policies.auto_acknowledgement.channels=[chat,phone]',
    );
    const channel = new Map<number | string, string | undefined>();
    const ended = new Map<number | string, number>();
    let acknowledged = 0;
    for (const event of log) {
      if (event.type === 'created') channel.set(event.ticket!, event.channel);
      if ((event.type === 'abandoned' || event.type === 'resolved') && !ended.has(event.ticket!))
        ended.set(event.ticket!, event.time);
      if (event.type !== 'replied' || event.kind !== 'auto') continue;
      acknowledged++;
      expect(channel.get(event.ticket!)).not.toBe('email');
      // Never after the customer left or the ticket was resolved.
      expect(ended.has(event.ticket!)).toBe(false);
    }
    // Chat and phone customers who waited 30 minutes: some, not all (most are served or gone by then).
    const live = [...channel.values()].filter((id) => id !== 'email').length;
    expect(acknowledged).toBeGreaterThan(0);
    expect(acknowledged).toBeLessThan(live);
  });

  it('first response: unchanged unless auto replies count; then it shows service that did not happen', () => {
    const plain = kpis();
    const acknowledged = kpis('policies.auto_acknowledgement.enabled=true', 'policies.auto_acknowledgement.delay=5m');
    const counted = kpis(
      'policies.auto_acknowledgement.enabled=true',
      'policies.auto_acknowledgement.delay=5m',
      'metrics.auto_reply_counts_as_response=true',
    );
    // Not counted: every KPI as without the acknowledgement, truth included.
    expect(acknowledged).toEqual(plain);
    for (const [index, values] of counted.entries()) {
      // Counted: nobody waits more than five minutes for a "first response"…
      expect(values.first_response_time_p90).toBeLessThanOrEqual(5);
      expect(values.first_response_time_mean!).toBeLessThan(plain[index]!.first_response_time_mean! / 10);
      expect(values.sla_first_response_compliance!).toBeGreaterThan(plain[index]!.sla_first_response_compliance!);
      // …while customers, resolutions and the truth are exactly as before.
      for (const id of [
        'resolution_time_mean',
        'true_satisfaction_mean',
        'true_resolution_time_mean',
        'csat_mean',
        'handle_time_mean',
      ]) {
        expect(values[id], id).toBe(plain[index]![id]);
      }
    }
  });

  it('refuses a channel the desk does not have, with its path', () => {
    expect(() => scenario('policies.auto_acknowledgement.channels=[fax]')).toThrow(
      /policies\.auto_acknowledgement\.channels[\s\S]*unknown channel "fax"/,
    );
  });
});
