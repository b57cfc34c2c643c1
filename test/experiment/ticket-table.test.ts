/**
 * The first replication's ticket table gives `tickets.csv` and, from the same rows, the
 * resolved tickets the report's resolution-time chart draws: they must be exactly what a
 * reader of `tickets.csv` would find there.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { metricOptions, resolvedList, runReplication, ticketTable } from '../../src/experiment/replication.js';
import { computeKpis } from '../../src/metrics/engine.js';
import { Ledger } from '../../src/metrics/ledger.js';
import { buildDesk } from '../../src/model/build.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { root } from '../support/cli.js';

/** Resolved tickets as a reader of tickets.csv sees them. */
function fromCsv(csv: string): Array<{ priority: string; minutes: number }> {
  const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
  return rows
    .filter((row) => row.resolution_time !== '')
    .map((row) => ({ priority: row.priority || '(none)', minutes: Number(row.resolution_time) }));
}

describe('ticket table', () => {
  it('lists the resolved tickets of tickets.csv, priorities and exact times, for a simulated desk', () => {
    const { scenario } = loadScenarioFile(`${root}/scenarios/baseline.yaml`, {
      overrides: ['horizon.days=6', 'horizon.warmup_days=1', 'replications=1'],
    });
    const model = buildDesk(scenario);
    const { ledger } = runReplication(model, 1);
    const table = ticketTable(ledger, metricOptions(model));
    const resolved = resolvedList(table.resolved);
    expect(resolved.length).toBeGreaterThan(100);
    expect(new Set(resolved.map((ticket) => ticket.priority)).size).toBeGreaterThan(1);
    expect(resolved).toEqual(fromCsv(table.csv));
  });

  it('names a ticket without a priority "(none)" and leaves out unresolved tickets', () => {
    const ledger = new Ledger({ originEpochMs: 0, measureFrom: 0, measureTo: 1440 });
    ledger.emit({ time: 0, type: 'created', ticket: 'A', priority: 'high, urgent' });
    ledger.emit({ time: 5, type: 'created', ticket: 'B' });
    ledger.emit({ time: 7, type: 'created', ticket: 'C' });
    ledger.emit({ time: 30, type: 'resolved', ticket: 'A' });
    ledger.emit({ time: 65, type: 'resolved', ticket: 'B' });
    const table = ticketTable(ledger);
    expect(resolvedList(table.resolved)).toEqual([
      { priority: 'high, urgent', minutes: 30 },
      { priority: '(none)', minutes: 60 },
    ]);
    expect(resolvedList(table.resolved)).toEqual(fromCsv(table.csv));
  });
});

describe('ticket status in tickets.csv', () => {
  it('says open for a ticket reopened and not resolved again, the state backlog_end counts', () => {
    const ledger = new Ledger({ originEpochMs: 0, measureFrom: 0, measureTo: 1440 });
    for (const ticket of ['A', 'B', 'C', 'D']) ledger.emit({ time: 0, type: 'created', ticket });
    // A: resolved, reopened, still open at the end. B: resolved, reopened, resolved again.
    ledger.emit({ time: 10, type: 'resolved', ticket: 'A' });
    ledger.emit({ time: 20, type: 'reopened', ticket: 'A' });
    ledger.emit({ time: 10, type: 'resolved', ticket: 'B' });
    ledger.emit({ time: 20, type: 'reopened', ticket: 'B' });
    ledger.emit({ time: 30, type: 'resolved', ticket: 'B' });
    // C: resolved then closed. D: never answered.
    ledger.emit({ time: 10, type: 'resolved', ticket: 'C' });
    ledger.emit({ time: 40, type: 'closed', ticket: 'C' });
    const rows = parse(ticketTable(ledger).csv, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => [row.ticket, row.status])).toEqual([
      ['A', 'open'],
      ['B', 'resolved'],
      ['C', 'closed'],
      ['D', 'open'],
    ]);
    const kpis = computeKpis(ledger, { serviceLevelThreshold: 60, reopenWindow: 1440 });
    expect(kpis.values.backlog_end).toBe(2);
  });

  it('has as many open rows as backlog_end on a run (no warm-up ticket still open)', () => {
    const { scenario } = loadScenarioFile(`${root}/scenarios/baseline.yaml`, {
      overrides: ['horizon.days=14', 'replications=1'],
    });
    const model = buildDesk(scenario);
    const { ledger, outcome } = runReplication(model, 1);
    const rows = parse(ticketTable(ledger, metricOptions(model)).csv, { columns: true }) as Array<
      Record<string, string>
    >;
    const open = rows.filter((row) => row.status === 'open').length;
    // Warm-up tickets are not rows, but still-open ones count in backlog_end.
    let openFromWarmup = 0;
    for (let ticket = 0; ticket < ledger.ticketCount; ticket++) {
      if (ledger.createdAt[ticket]! < ledger.window.measureFrom && ledger.isOpenAt(ticket, ledger.window.measureTo))
        openFromWarmup++;
    }
    expect(rows.some((row) => row.status === 'open' && Number(row.reopens) > 0)).toBe(true);
    expect(open + openFromWarmup).toBe(outcome.kpis.values.backlog_end);
    expect(open).toBeGreaterThan(20);
  });
});
