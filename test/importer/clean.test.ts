/**
 * Cleaning a hand-built messy export (test/importer/fixtures/messy.csv): a duplicate row,
 * a ticket without creation whose rows are out of order, a double close, a re-triage while
 * waiting, a reopen to infer and an ignored activity. The expected log was worked out by
 * hand, minute by minute from the earliest event (T3's creation, 07:00Z).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importLog } from '../../src/importer/index.js';
import { EVENT_FIELDS } from '../../src/importer/raw.js';
import { toEvent } from '../../src/importer/ticket-rules.js';
import { computeKpisFromEvents } from '../../src/metrics/engine.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const imported = importLog(join(fixtures, 'messy.csv'), {
  shownAs: 'messy.csv',
  mappingFile: join(fixtures, 'messy.yaml'),
  mappingShownAs: 'messy.yaml',
});

describe('cleaning a messy export', () => {
  it('yields the hand-worked event log, in time order', () => {
    const desk = { tier: 'desk' };
    // Minute 0 is midnight (UTC: the mapping names no zone) before the first row, at 07:00.
    expect(imported.events).toEqual([
      { ticket: 'T3', time: 420, type: 'created' },
      { ticket: 'T3', time: 450, type: 'queued', ...desk },
      { ticket: 'T3', time: 480, type: 'assigned', agent: 'dan' },
      { ticket: 'T3', time: 500, type: 'resolved', agent: 'dan' },
      { ticket: 'T1', time: 540, type: 'created', agent: 'ann' },
      { ticket: 'T3', time: 540, type: 'reopened' },
      { ticket: 'T3', time: 540, type: 'assigned', agent: 'dan' },
      { ticket: 'T1', time: 550, type: 'assigned', agent: 'ann' },
      { ticket: 'T2', time: 560, type: 'created' },
      { ticket: 'T2', time: 560, type: 'queued', agent: 'bob', ...desk },
      { ticket: 'T2', time: 570, type: 'assigned', agent: 'bob' },
      { ticket: 'T3', time: 570, type: 'resolved', agent: 'dan' },
      { ticket: 'T1', time: 600, type: 'resolved', agent: 'ann' },
      { ticket: 'T2', time: 660, type: 'resolved', agent: 'bob' },
      { ticket: 'T2', time: 2160, type: 'closed', agent: 'carl' },
    ]);
    expect(imported.window).toEqual({
      originEpochMs: Date.parse('2024-03-01T00:00:00Z'),
      measureFrom: 420,
      measureTo: 420 + 1740 + 1 / 60000,
    });
  });

  it('reports every rule it applied, with hand-counted numbers', () => {
    expect(imported.report).toEqual({
      file: 'messy.csv',
      form: 'mapped-csv',
      mapping: 'messy.yaml',
      rows_read: 17,
      rows_kept: 13,
      rows_dropped: {
        duplicate: 1,
        outlier_time: 0,
        ignored: 1,
        repeated_created: 0,
        repeated_closed: 1,
        requeued_while_waiting: 1,
        repeated_state: 0,
      },
      ignored_by_activity: { Note: 1 },
      extra_events: { kept: 0, dropped: 0 },
      synthesized: {
        created: 1,
        created_from_column: 0,
        reopened: 1,
        resumed: 0,
        queued: 0,
        escalated: 0,
        assigned: 0,
      },
      queue_waits_ended: 0,
      reopens_after_close: 0,
      events: 15,
      events_by_type: { assigned: 4, closed: 1, created: 3, queued: 2, reopened: 1, resolved: 4 },
      activities: {
        Open: { rows: 2, type: 'created' },
        Take: { rows: 5, type: 'assigned' },
        Solve: { rows: 4, type: 'resolved' },
        Triage: { rows: 3, type: 'queued' },
        Close: { rows: 2, type: 'closed' },
        Note: { rows: 1, type: 'ignore' },
      },
      tickets: 3,
      tickets_without_events: 0,
      tickets_out_of_order: 1,
      tickets_without_created: 1,
      tickets_closed_repeatedly: 1,
      counters: null,
      warnings: [],
      window: { start: '2024-03-01T07:00:00.000Z', end: '2024-03-02T12:00:00.000Z', minutes: 1740 },
    });
  });

  it('accounts for every row: rows read = kept + dropped, events = kept + synthesized', () => {
    const report = imported.report;
    const dropped = Object.values(report.rows_dropped).reduce((sum, count) => sum + count, 0);
    expect(report.rows_kept + dropped).toBe(report.rows_read);
    const synthesized = Object.values(report.synthesized).reduce((sum, count) => sum + count, 0);
    expect(report.rows_kept + report.extra_events.kept + synthesized).toBe(report.events);
    expect(Object.values(report.events_by_type).reduce((sum, count) => sum + count, 0)).toBe(report.events);
    expect(Object.values(report.activities!).reduce((sum, { rows }) => sum + rows, 0)).toBe(report.rows_read);
  });

  it('gives the hand-computed KPIs', () => {
    const kpis = computeKpisFromEvents(imported.events, imported.window, {
      serviceLevelThreshold: 15,
      reopenWindow: 7 * 1440,
    });
    expect(kpis.values.tickets_created).toBe(3);
    expect(kpis.values.resolution_time_mean).toBeCloseTo((150 + 60 + 100) / 3, 10); // T3 0→150, T1 120→180, T2 140→240
    expect(kpis.values.queue_wait_mean).toBe(20); // T3 30→60, T2 140→150
    expect(kpis.values.service_level).toBe(0.5); // T2 within 15 minutes, T3 not
    expect(kpis.values.reopen_rate).toBeCloseTo(1 / 3, 12);
    expect(kpis.values.first_response_time_mean).toBeNull(); // no replies in the export
  });
});

describe('an event made from a row', () => {
  it('keeps the type, the ticket, then the fields in EVENT_FIELDS order, the absent left out', () => {
    const record = {
      line: 2,
      epochMs: 0,
      type: 'replied' as const,
      value: 3,
      kind: 'generic',
      customer: 7,
      priority: 'P1',
      category: 'billing',
      channel: 'email',
      tier: 'desk',
      agent: 'ann',
      ticket: 'T1',
      activity: 'Reply',
    };
    expect(Object.keys(toEvent(record))).toEqual(['type', 'ticket', ...EVENT_FIELDS]);
    expect(toEvent({ line: 3, epochMs: 0, type: 'created', tier: 'desk' })).toEqual({ type: 'created', tier: 'desk' });
  });
});
