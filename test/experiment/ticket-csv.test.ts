/**
 * tickets.csv is formatted straight from the ledger's columns (src/experiment/ticket-csv.ts):
 * its bytes must be those of the row objects rendered by `toCsv` — every column, every
 * quoting rule — for simulated desks with SLAs, reopens and pending time, and for a log
 * with awkward text.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/document/csv.js';
import { metricOptions, runReplication, ticketTable } from '../../src/experiment/replication.js';
import { ticketCsvText } from '../../src/experiment/ticket-csv.js';
import { firstTicketTable } from '../../src/experiment/first-ticket-table.js';
import { TICKET_COLUMNS, ticketRows } from '../../src/metrics/engine.js';
import { Ledger } from '../../src/metrics/ledger.js';
import type { MetricOptions } from '../../src/metrics/catalog.js';
import { buildDesk } from '../../src/model/build.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { root } from '../support/cli.js';

function fromRows(ledger: Ledger, options?: MetricOptions): string {
  return toCsv(
    TICKET_COLUMNS,
    ticketRows(ledger, options).map((row) => TICKET_COLUMNS.map((column) => row[column])),
  );
}

describe('tickets.csv from the columns', () => {
  for (const file of [
    'baseline.yaml',
    'tighter-sla.yaml',
    'it-service-desk.yaml',
    'gaming/sla-resolution-target.yaml',
  ]) {
    it(`writes the bytes of the row table for ${file}`, () => {
      const { scenario } = loadScenarioFile(`${root}/scenarios/${file}`, {
        overrides: ['horizon.days=5', 'horizon.warmup_days=1', 'replications=1'],
      });
      const model = buildDesk(scenario);
      const { ledger } = runReplication(model, 1);
      const options = metricOptions(model);
      const expected = fromRows(ledger, options);
      expect(expected.split('\n').length).toBeGreaterThan(100);
      expect(ticketCsvText(ledger, options)).toBe(expected);
      const directory = mkdtempSync(join(tmpdir(), 'desksim-ticket-csv-'));
      try {
        const table = firstTicketTable(ledger, model, false, join(directory, 'tickets.csv'));
        expect(table.csv).toBeUndefined();
        expect(readFileSync(join(directory, 'tickets.csv'), 'utf8')).toBe(expected);
        expect(table.resolved).toEqual(ticketTable(ledger, options).resolved);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });
  }

  it('quotes and defuses text exactly as toCsv does, and leaves unknowns empty', () => {
    const ledger = new Ledger({ originEpochMs: 0, measureFrom: 0, measureTo: 1440 });
    ledger.emit({
      time: 0,
      type: 'created',
      ticket: 'A,1',
      channel: '=cmd()',
      category: 'say "hi"',
      priority: 'high',
      customer: '-5',
    });
    ledger.emit({ time: 1, type: 'created', ticket: 7, customer: 12 });
    ledger.emit({ time: 2, type: 'created', ticket: '+x', customer: '' });
    ledger.emit({ time: 3, type: 'queued', ticket: 'A,1', tier: 'tier\n1' });
    ledger.emit({ time: 4, type: 'assigned', ticket: 'A,1', agent: '@ann' });
    ledger.emit({ time: 4, type: 'replied', ticket: 'A,1', agent: '@ann' });
    ledger.emit({ time: 9, type: 'resolved', ticket: 'A,1' });
    ledger.emit({ time: 10, type: 'abandoned', ticket: 7 });
    expect(ticketCsvText(ledger)).toBe(fromRows(ledger));
  });
});
