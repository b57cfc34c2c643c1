/**
 * Claim 6: satisfaction falls about 15 % per extra contact — measured from the log (the
 * customers' truth_satisfaction answers, regressed on each issue's contacts with the other
 * experiences held equal: src/metrics/contact-satisfaction.ts), not read from the scenario.
 * Mechanism: customers.satisfaction.per_extra_contact in the satisfaction model. With it at
 * 0 the log shows no such fall: the second test pins that, and the first fails.
 */
import { describe, expect, it } from 'vitest';
import { ArraySink } from '../../src/eventlog/types.js';
import { pairedDifference } from '../../src/experiment/compare.js';
import { contactSatisfaction } from '../../src/metrics/contact-satisfaction.js';
import { buildDesk } from '../../src/model/build.js';
import { simulate } from '../../src/model/simulate.js';
import { scenario } from './support.js';

const REPLICATIONS = 3;

function factors(overrides: readonly string[]): Map<number, number> {
  const model = buildDesk(scenario('baseline.yaml', ['horizon.days=70', ...overrides]));
  const result = new Map<number, number>();
  for (let replication = 1; replication <= REPLICATIONS; replication++) {
    const sink = new ArraySink();
    simulate(model, replication, sink);
    result.set(replication, contactSatisfaction(sink.events).factorPerExtraContact);
  }
  return result;
}

describe('claim 6: satisfaction per extra contact, from the log', () => {
  const simulated = factors([]);
  const without = factors(['customers.satisfaction.per_extra_contact=0']);
  const one = new Map([...simulated.keys()].map((replication) => [replication, 1]));

  it('each extra contact lowers the share satisfied by about 15 % (significantly, 5–25 %)', () => {
    const change = pairedDifference(one, simulated, '');
    expect(change.significant).toBe(true);
    expect(change.difference!).toBeLessThan(-0.05);
    expect(change.difference!).toBeGreaterThan(-0.25);
  });

  it('without the satisfaction cost of a contact the log shows none (within 7 %)', () => {
    const change = pairedDifference(one, without, '');
    expect(Math.abs(change.difference!)).toBeLessThan(0.07);
    expect(pairedDifference(without, simulated, '').significant).toBe(true);
  });
});
