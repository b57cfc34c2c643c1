/**
 * A segment's context (a day's cohort, a channel, an agent) collects its queue visits from
 * its own tickets: they must be the visits a pass over the whole log would find for those
 * tickets, per tier, in log order, each once — whatever the order of the segment's tickets.
 */
import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../src/eventlog/types.js';
import { buildContext } from '../../src/metrics/engine.js';
import { Ledger } from '../../src/metrics/ledger.js';
import { computeSegments } from '../../src/metrics/segments.js';
import { metricOptions, runReplication } from '../../src/experiment/replication.js';
import { buildDesk } from '../../src/model/build.js';
import { loadScenarioFile } from '../../src/scenario/load.js';

/**
 * Visits, in log order: 0 A→tier1 (10), 1 B→tier1 (20), 2 A→tier2 (30), 3 B→tier2 (40),
 * 4 C→tier1 (50), 5 A→tier1 again (60). Rows: A 0, B 1, C 2.
 */
function ledger(): Ledger {
  const events: TicketEvent[] = [
    { time: 0, type: 'created', ticket: 'A' },
    { time: 1, type: 'created', ticket: 'B' },
    { time: 2, type: 'created', ticket: 'C' },
    { time: 10, type: 'queued', ticket: 'A', tier: 'tier1' },
    { time: 20, type: 'queued', ticket: 'B', tier: 'tier1' },
    { time: 30, type: 'queued', ticket: 'A', tier: 'tier2' },
    { time: 40, type: 'queued', ticket: 'B', tier: 'tier2' },
    { time: 50, type: 'queued', ticket: 'C', tier: 'tier1' },
    { time: 60, type: 'queued', ticket: 'A', tier: 'tier1' },
  ];
  const folded = new Ledger({ originEpochMs: 0, measureFrom: 0, measureTo: 1440 });
  for (const event of events) folded.emit(event);
  return folded;
}

const options = { serviceLevelThreshold: 5, reopenWindow: 7 * 1440 };
const visits = (context: ReturnType<typeof buildContext>) =>
  Object.fromEntries([...context.visitsByTier].map(([tier, list]) => [tier, [...list]]));

describe('a segment context', () => {
  it('of every ticket (the only channel, tier…) takes the desk-wide ticket KPIs: those it computes alone', () => {
    const { scenario } = loadScenarioFile('scenarios/textbook/mmc.yaml', {
      overrides: ['horizon.days=3', 'horizon.warmup_days=1', 'replications=1'],
    });
    const model = buildDesk(scenario);
    // A replication computes the desk-wide KPIs first, then segments on the same columns.
    const { outcome, ledger: folded } = runReplication(model, 1, undefined, undefined, true);
    const alone = computeSegments(folded, metricOptions(model));
    expect(alone.filter((segment) => segment.dimension === 'channel')).toHaveLength(1);
    expect(outcome.segments).toEqual(alone);
    const channel = alone.find((segment) => segment.dimension === 'channel')!;
    for (const [kpi, value] of Object.entries(channel.values)) expect(outcome.kpis.values[kpi], kpi).toEqual(value);
  });

  it('has the visits of the whole log for all tickets', () => {
    expect(visits(buildContext(ledger(), options))).toEqual({ tier1: [0, 1, 4, 5], tier2: [2, 3] });
  });

  it('has its tickets’ visits per tier in log order, each once, for tickets out of order and listed twice', () => {
    const tickets = Int32Array.from([1, 0, 1]); // B, A, B
    const context = buildContext(ledger(), options, { tickets, allTickets: tickets, agents: [] });
    expect(visits(context)).toEqual({ tier1: [0, 1, 5], tier2: [2, 3] });
  });

  it('has no visits for a ticket that never queued, and empty lists for tiers it did not visit', () => {
    const folded = ledger();
    folded.emit({ time: 70, type: 'created', ticket: 'D' });
    const tickets = Int32Array.from([3]);
    expect(visits(buildContext(folded, options, { tickets, allTickets: tickets, agents: [] }))).toEqual({
      tier1: [],
      tier2: [],
    });
  });
});
