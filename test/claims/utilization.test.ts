/**
 * Claim 7: sustained utilization above ~80 % → fatigue, turnover, cost per ticket up.
 * Mechanisms: agents.fatigue (rolling utilization above the threshold: slower, less
 * accurate), agents.attrition.fatigued_multiplier (fatigued agents leave three times as
 * often), policies.overtime (backlog-triggered, paid at a premium, tiring), a replacement's
 * paid training off the queue and its ramp (agents.new_hire). Fatigue and
 * turnover emerge; the cost part of the claim does not (docs/claims.md): the last test pins
 * what the model does instead, so a change there is seen.
 */
import { describe, expect, it } from 'vitest';
import { differenceTable } from '../../src/experiment/compare.js';
import { ArraySink } from '../../src/eventlog/types.js';
import { buildDesk } from '../../src/model/build.js';
import { simulate } from '../../src/model/simulate.js';
import { runAligned, scenario } from './support.js';

const SMALL = ['replications=6'];

describe('claim 7: a desk kept above 80 % for months', () => {
  const [moderate, busy] = runAligned(['claims/burnout-desk.yaml', 'claims/burnout-desk-busy.yaml'], SMALL);
  const change = differenceTable(moderate!, busy!).kpis;

  it('runs above 80 % where the reference runs near 55 %', () => {
    expect(change.utilization!.reference_mean!).toBeLessThan(0.7);
    expect(change.utilization!.mean!).toBeGreaterThan(0.85);
  });

  it('tires the agents: fatigued departures appear in the log', () => {
    const fatiguedDepartures = (file: string) => {
      const sink = new ArraySink();
      simulate(buildDesk(scenario(file, SMALL)), 1, sink);
      return sink.events.filter((event) => event.type === 'agent_left' && event.kind === 'fatigued').length;
    };
    expect(fatiguedDepartures('claims/burnout-desk-busy.yaml')).toBeGreaterThan(
      fatiguedDepartures('claims/burnout-desk.yaml'),
    );
  });

  it('raises overtime and turnover, significantly', () => {
    for (const kpi of ['overtime_share', 'agents_left', 'total_cost'] as const) {
      expect(change[kpi]!.significant).toBe(true);
      expect(change[kpi]!.difference!).toBeGreaterThan(0);
    }
  });

  it('but cost per ticket falls: the extra tickets spread the fixed paid hours more than premiums and turnover add', () => {
    // Per resolution too: the busy desk resolves fewer of its tickets, yet each costs less.
    for (const kpi of ['cost_per_ticket', 'cost_per_resolution'] as const) {
      expect(change[kpi]!.significant).toBe(true);
      expect(change[kpi]!.difference!).toBeLessThan(0);
    }
  });
});
