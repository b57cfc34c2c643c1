/**
 * The first replication's ticket table gives `tickets.csv` and, from the same rows, the
 * resolved tickets the report's resolution-time chart draws: they must be exactly what a
 * reader of `tickets.csv` would find there.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { metricOptions, runReplication, ticketTable } from '../../src/experiment/replication.js';
import { Ledger } from '../../src/metrics/ledger.js';
import { buildDesk } from '../../src/model/build.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { root } from '../support/cli.js';

/** Resolved tickets as a reader of tickets.csv sees them. */
function fromCsv(csv: string): Array<{ priority: string; minutes: number }> {
  const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
  return rows.filter((row) => row.resolution_time !== '').map((row) => ({ priority: row.priority || '(none)', minutes: Number(row.resolution_time) }));
}

describe('ticket table', () => {
  it('lists the resolved tickets of tickets.csv, priorities and exact times, for a simulated desk', () => {
    const { scenario } = loadScenarioFile(`${root}/scenarios/baseline.yaml`, { overrides: ['horizon.days=6', 'horizon.warmup_days=1', 'replications=1'] });
    const model = buildDesk(scenario);
    const { ledger } = runReplication(model, 1);
    const table = ticketTable(ledger, metricOptions(model));
    expect(table.resolved.length).toBeGreaterThan(100);
    expect(new Set(table.resolved.map((ticket) => ticket.priority)).size).toBeGreaterThan(1);
    expect(table.resolved).toEqual(fromCsv(table.csv));
  });

  it('names a ticket without a priority "(none)" and leaves out unresolved tickets', () => {
    const ledger = new Ledger({ originEpochMs: 0, measureFrom: 0, measureTo: 1440 });
    ledger.emit({ time: 0, type: 'created', ticket: 'A', priority: 'high, urgent' });
    ledger.emit({ time: 5, type: 'created', ticket: 'B' });
    ledger.emit({ time: 7, type: 'created', ticket: 'C' });
    ledger.emit({ time: 30, type: 'resolved', ticket: 'A' });
    ledger.emit({ time: 65, type: 'resolved', ticket: 'B' });
    const table = ticketTable(ledger);
    expect(table.resolved).toEqual([
      { priority: 'high, urgent', minutes: 30 },
      { priority: '(none)', minutes: 60 },
    ]);
    expect(table.resolved).toEqual(fromCsv(table.csv));
  });
});
