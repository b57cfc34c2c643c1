/**
 * Another export, another shape: a Zendesk-style audit log in NDJSON with nested fields
 * and its own activity names, read through a mapping written from docs/metrics.md alone
 * (test/importer/fixtures/zendesk/audits.yaml) — no code knows this export.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importLog } from '../../src/importer/index.js';
import { computeKpis } from '../../src/metrics/engine.js';
import { Ledger } from '../../src/metrics/ledger.js';

const fixtures = join(import.meta.dirname, 'fixtures', 'zendesk');
const log = importLog(join(fixtures, 'audits.ndjson'), {
  shownAs: 'audits.ndjson',
  mappingFile: join(fixtures, 'audits.yaml'),
  mappingShownAs: 'audits.yaml',
});

describe('a Zendesk-style NDJSON export through a user-written mapping', () => {
  it('accounts for every row', () => {
    expect(log.report).toMatchObject({
      form: 'mapped-ndjson',
      rows_read: 21,
      rows_kept: 19, // 21 − one exact duplicate (ticket 102's second Pending) − one internal note
      rows_dropped: { duplicate: 1, ignored: 1, repeated_created: 0, repeated_closed: 0, requeued_while_waiting: 0 },
      ignored_by_activity: { InternalNote: 1 },
      synthesized: { created: 0, reopened: 0 },
      tickets: 3,
    });
  });

  it('reads nested fields by dotted path', () => {
    const created = log.events.filter((event) => event.type === 'created');
    expect(
      created.map((event) => [event.ticket, event.channel, event.priority, event.category, event.customer]),
    ).toEqual([
      ['101', 'email', 'high', 'billing', '9001'],
      ['102', 'web', 'normal', 'access', '9002'],
      ['103', 'email', 'normal', 'billing', '9001'],
    ]);
    expect(log.events.find((event) => event.type === 'escalated')).toMatchObject({
      ticket: '101',
      agent: 'Maria',
      tier: 'L1',
    });
  });

  it('gives the KPIs worked out by hand', () => {
    const ledger = new Ledger(log.window);
    for (const type of log.recordedTypes ?? []) ledger.recordedTypes.add(type);
    for (const event of log.events) ledger.emit(event);
    const { values } = computeKpis(ledger, { serviceLevelThreshold: 60, reopenWindow: 7 * 1440 });
    // First responses (the automatic reply does not count): 101 the macro at 09:40 ⇒ 40 min,
    // 102 a public comment at 10:30 ⇒ 30 min; 103 none.
    expect(values.first_response_time_mean).toBeCloseTo(35, 9);
    expect(values.first_response_substantive_share).toBeCloseTo(1 / 2, 9);
    // 101: 09:00 → 12:00 = 180; 102: 10:00 → 10:00 next day (last resolution) = 1440.
    expect(values.resolution_time_mean).toBeCloseTo((180 + 1440) / 2, 9);
    expect(values.escalation_rate).toBeCloseTo(1 / 3, 9);
    expect(values.reopen_rate).toBeCloseTo(1 / 2, 9);
    // 101 escalated, 102 reopened ⇒ no first-contact resolution.
    expect(values.fcr_rate).toBe(0);
    // Requester 9001 wrote about billing again (103) 20 h after 101 was solved ⇒ 1 of 3.
    expect(values.repeat_contact_rate).toBeCloseTo(1 / 3, 9);
    expect(values.replies_per_ticket).toBeCloseTo((2 + 1) / 2, 9);
    // Midnights (UTC) of May 7, 8, 9, 10: open 0, 1 (103), 1, 1.
    expect(values.backlog_mean).toBeCloseTo(3 / 4, 9);
    expect(values.backlog_end).toBe(1);
    // 103: May 7 06:00 → May 10 08:00 UTC (the window ends a millisecond after the last event).
    expect(values.backlog_age_p90).toBeCloseTo(3 * 1440 + 120, 3);
    // The export records no abandonment and no work intervals: unknown, not 0.
    expect(values.abandonment_rate).toBeNull();
    expect(values.handle_time_mean).toBeNull();
  });
});
