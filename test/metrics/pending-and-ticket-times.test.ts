/**
 * The pending KPIs on a hand-built log, and tickets.csv's times: the KPIs' own, under every
 * definition choice that changes them (pending time, the business clock, automatic replies).
 *
 * Ticket A: created 0, automatic reply 0, generic reply 30, waits on the customer 100–200
 * (resumed), again from 300 (never resumed), resolved 500.
 * Ticket B: created 50, waits on engineering 60–90 (not on the customer), replied 70, resolved 150.
 * Ticket C: created 100, waits on the customer from 120, still open at the end (1000).
 */
import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../src/eventlog/types.js';
import type { MetricOptions } from '../../src/metrics/catalog.js';
import { computeKpis, ticketRows } from '../../src/metrics/engine.js';
import { Ledger } from '../../src/metrics/ledger.js';

const events: TicketEvent[] = [
  { ticket: 'A', time: 0, type: 'created' },
  { ticket: 'A', time: 0, type: 'replied', kind: 'auto' },
  { ticket: 'A', time: 30, type: 'replied', kind: 'generic' },
  { ticket: 'B', time: 50, type: 'created' },
  { ticket: 'B', time: 60, type: 'pending', kind: 'engineering' },
  { ticket: 'B', time: 70, type: 'replied', kind: 'substantive' },
  { ticket: 'B', time: 90, type: 'resumed', kind: 'engineering' },
  { ticket: 'A', time: 100, type: 'pending', kind: 'customer' },
  { ticket: 'C', time: 100, type: 'created' },
  { ticket: 'C', time: 120, type: 'pending', kind: 'customer' },
  { ticket: 'B', time: 150, type: 'resolved' },
  { ticket: 'A', time: 200, type: 'resumed', kind: 'customer' },
  { ticket: 'A', time: 300, type: 'pending', kind: 'customer' },
  { ticket: 'A', time: 500, type: 'resolved' },
];
const window = { originEpochMs: 0, measureFrom: 0, measureTo: 1000 };

function fold(): Ledger {
  const ledger = new Ledger(window);
  for (const event of events) ledger.emit(event);
  return ledger;
}

describe('pending KPIs', () => {
  it('pending_share and pending_time_mean, by hand', () => {
    const values = computeKpis(fold(), { serviceLevelThreshold: 60, reopenWindow: 1440 }).values;
    expect(values.pending_share).toBeCloseTo(2 / 3, 12); // A and C waited on the customer; B on engineering only
    expect(values.pending_time_mean).toBe(100 + 200); // resolved and waited: A only — 100–200, and 300 to its resolution
  });

  it('are blank for a source that cannot record a pending wait', () => {
    const ledger = new Ledger(window);
    ledger.recordedTypes.add('created').add('resolved');
    ledger.emit({ ticket: 'A', time: 0, type: 'created' });
    ledger.emit({ ticket: 'A', time: 10, type: 'resolved' });
    const values = computeKpis(ledger, { serviceLevelThreshold: 60, reopenWindow: 1440 }).values;
    expect([values.pending_share, values.pending_time_mean]).toEqual([null, null]);
  });
});

describe("tickets.csv times are the KPIs' own", () => {
  // A made-up clock at half speed stands in for business hours: every minute counts for half.
  const halfClock = (from: number, to: number) => (to - from) / 2;
  const cases: Array<[string, Partial<MetricOptions>, { A: [number, number]; B: [number, number] }]> = [
    ['defaults', {}, { A: [30, 500], B: [20, 100] }],
    // A's waits on the customer: 100–200 and 300–500 ⇒ 500 − 300; B's engineering wait is not one.
    ['count_pending_time: false', { countPendingTime: false }, { A: [30, 200], B: [20, 100] }],
    ['auto_reply_counts_as_response', { autoReplyCountsAsResponse: true }, { A: [0, 500], B: [20, 100] }],
    ['the business clock', { durationClock: halfClock }, { A: [15, 250], B: [10, 50] }],
    [
      'all three',
      { countPendingTime: false, autoReplyCountsAsResponse: true, durationClock: halfClock },
      { A: [0, 100], B: [10, 50] },
    ],
  ];
  for (const [name, choice, expected] of cases) {
    it(name, () => {
      const options: MetricOptions = { serviceLevelThreshold: 60, reopenWindow: 1440, ...choice };
      const ledger = fold();
      const rows = ticketRows(ledger, options);
      const times = Object.fromEntries(rows.map((row) => [row.ticket, [row.first_response_time, row.resolution_time]]));
      expect(times).toEqual({ ...expected, C: [null, null] });
      // The KPI means over the same tickets.
      const values = computeKpis(ledger, options).values;
      expect(values.first_response_time_mean).toBeCloseTo((expected.A[0] + expected.B[0]) / 2, 12);
      expect(values.resolution_time_mean).toBeCloseTo((expected.A[1] + expected.B[1]) / 2, 12);
    });
  }
});
