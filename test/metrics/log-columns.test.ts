/**
 * The per-ticket columns of a log are built once and shared by the desk-wide KPIs, every
 * segment and every day (src/metrics/log-columns.ts). Sharing must not change a value: a
 * segment's KPIs read from the shared columns equal those of a context with columns of its
 * own, and a segment holding every ticket (whose ticket KPIs are computed once) has the
 * desk's ticket KPIs.
 */
import { describe, expect, it } from 'vitest';
import { metricOptions } from '../../src/experiment/replication.js';
import { runReplication } from '../../src/experiment/run.js';
import { KPI_CATALOG, LogColumns } from '../../src/metrics/catalog.js';
import { buildContext, computable, computeKpis } from '../../src/metrics/engine.js';
import { computeSegments } from '../../src/metrics/segments.js';
import { buildDesk } from '../../src/model/build.js';
import { loadScenarioFile } from '../../src/scenario/load.js';

// The baseline: several channels, priorities and tiers, SLA targets on business hours, surveys, truth.
const model = buildDesk(
  loadScenarioFile('scenarios/baseline.yaml', { overrides: ['horizon.days=10', 'horizon.warmup_days=2'] }).scenario,
);
const { ledger } = runReplication(model, 1);
const options = metricOptions(model);
const computableKpis = KPI_CATALOG.filter((kpi) => computable(ledger, kpi.needs));

describe('shared log columns', () => {
  it('give each channel the values a context with its own columns gives', () => {
    const shared = new LogColumns(ledger, options);
    computeKpis(ledger, options, undefined, shared); // builds the columns on the whole log first
    const measured = ledger.measuredIndices();
    expect(ledger.channels.values.length).toBeGreaterThan(1);
    ledger.channels.values.forEach((_, code) => {
      const tickets = measured.filter((ticket) => ledger.channel[ticket] === code);
      const allTickets = Int32Array.from({ length: ledger.ticketCount }, (_, row) => row).filter(
        (ticket) => ledger.channel[ticket] === code,
      );
      const segment = { tickets, allTickets, agents: [] };
      const withShared = buildContext(ledger, options, segment, shared);
      const ownColumns = buildContext(ledger, options, segment);
      expect(withShared.columns).toBe(shared);
      expect(ownColumns.columns).not.toBe(shared);
      for (const kpi of computableKpis) expect(kpi.compute(withShared), kpi.id).toEqual(kpi.compute(ownColumns));
    });
  });

  it('are not shared with a context of other options', () => {
    const shared = new LogColumns(ledger, options);
    const other = { ...options, serviceLevelThreshold: 1 };
    expect(buildContext(ledger, other, undefined, shared).columns).not.toBe(shared);
  });

  it('give a segment holding every ticket the desk’s ticket KPIs, and each agent its own', () => {
    // One channel, one priority, one tier: each of those segments holds every ticket of the log.
    const textbook = buildDesk(
      loadScenarioFile('scenarios/textbook/mmc.yaml', { overrides: ['horizon.days=3', 'horizon.warmup_days=1'] })
        .scenario,
    );
    const folded = runReplication(textbook, 1).ledger;
    const textbookOptions = metricOptions(textbook);
    const desk = computeKpis(folded, textbookOptions).values;
    const segments = computeSegments(folded, textbookOptions);
    const ticketKpis = KPI_CATALOG.filter((kpi) => (kpi.scope ?? 'ticket') === 'ticket' && desk[kpi.id] !== null);
    expect(ticketKpis.length).toBeGreaterThan(20);
    for (const dimension of ['channel', 'priority', 'tier'] as const) {
      const [segment, ...others] = segments.filter((entry) => entry.dimension === dimension);
      expect(others).toEqual([]);
      for (const kpi of ticketKpis) expect(segment!.values[kpi.id], `${dimension} ${kpi.id}`).toBe(desk[kpi.id]);
    }
    const agents = segments.filter((segment) => segment.dimension === 'agent');
    expect(agents.length).toBeGreaterThan(1);
    expect(new Set(agents.map((segment) => segment.values.tickets_created)).size).toBeGreaterThan(1);
    const created = agents.reduce((sum, segment) => sum + (segment.values.tickets_created ?? 0), 0);
    expect(created).toBeLessThanOrEqual(desk.tickets_created!);
  });
});
