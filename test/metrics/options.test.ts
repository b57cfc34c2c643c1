/**
 * Metric definition choices (auto replies, waits on the customer, the duration clock, the
 * FCR window), multi-day KPIs (backlog, shift days), segments and the daily series, on a
 * second hand-built log whose answers were worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, type TicketEvent } from '../../src/eventlog/types.js';
import type { MetricOptions } from '../../src/metrics/catalog.js';
import { computeDaily } from '../../src/metrics/daily.js';
import { computeKpisFromEvents } from '../../src/metrics/engine.js';
import { Ledger } from '../../src/metrics/ledger.js';
import { computeSegments } from '../../src/metrics/segments.js';

/**
 * Three days, all measured (0..4320). Agents: a1 on shift throughout (days 0, 1, 2); a2 from
 * 1000 to 1500 (days 0 and 1).
 *
 *   A (email, customer x, billing): created 100; automatic reply 100; generic reply 130;
 *     substantive reply 400; waits on the customer 500..700; resolved 1000. Taken by a1.
 *   B (email, x, billing): created 200; substantive reply 260; resolved 300. Taken by a1.
 *   C (chat, y, billing): created 2000; information request 2100; resolved 2500; reopened
 *     2600; resolved 3000. Taken by a2.
 *   D (chat, x, access): created 1400; never answered; open at the end.
 */
function log(): TicketEvent[] {
  const events: TicketEvent[] = [];
  const add = (time: number, type: TicketEvent['type'], fields: Partial<TicketEvent> = {}) =>
    events.push({ time, type, ...fields });
  add(0, 'shift_started', { agent: 'a1', tier: 'tier1' });
  add(1000, 'shift_started', { agent: 'a2', tier: 'tier1' });
  add(1500, 'shift_ended', { agent: 'a2', tier: 'tier1' });

  add(100, 'created', { ticket: 'A', channel: 'email', customer: 'x', category: 'billing' });
  add(100, 'replied', { ticket: 'A', kind: 'auto' });
  add(120, 'assigned', { ticket: 'A', agent: 'a1', tier: 'tier1' });
  add(130, 'replied', { ticket: 'A', agent: 'a1', kind: 'generic' });
  add(400, 'replied', { ticket: 'A', agent: 'a1', kind: 'substantive' });
  add(500, 'pending', { ticket: 'A', kind: 'customer' });
  add(700, 'resumed', { ticket: 'A', kind: 'customer' });
  add(1000, 'resolved', { ticket: 'A', agent: 'a1' });

  add(200, 'created', { ticket: 'B', channel: 'email', customer: 'x', category: 'billing' });
  add(210, 'assigned', { ticket: 'B', agent: 'a1', tier: 'tier1' });
  add(260, 'replied', { ticket: 'B', agent: 'a1', kind: 'substantive' });
  add(300, 'resolved', { ticket: 'B', agent: 'a1' });

  add(1400, 'created', { ticket: 'D', channel: 'chat', customer: 'x', category: 'access' });

  add(2000, 'created', { ticket: 'C', channel: 'chat', customer: 'y', category: 'billing' });
  add(2050, 'assigned', { ticket: 'C', agent: 'a2', tier: 'tier1' });
  add(2100, 'replied', { ticket: 'C', agent: 'a2', kind: 'info_request' });
  add(2500, 'resolved', { ticket: 'C', agent: 'a2' });
  add(2600, 'reopened', { ticket: 'C' });
  add(3000, 'resolved', { ticket: 'C', agent: 'a2' });
  return events;
}

const window = { originEpochMs: Date.parse('2026-03-02T00:00:00Z'), measureFrom: 0, measureTo: 3 * 1440 };
const defaults: MetricOptions = { serviceLevelThreshold: 60, reopenWindow: 7 * 1440 };
// A desk whose system records every event type: no escalation here means none happened.
const kpis = (options: Partial<MetricOptions> = {}) =>
  computeKpisFromEvents(log(), window, { ...defaults, ...options }, undefined, EVENT_TYPES).values;

describe('metric options on a hand-built log', () => {
  it('counts first responses without automatic replies by default', () => {
    const values = kpis();
    // A: generic reply at 130 ⇒ 30; B: 60; C: information request ⇒ 100; D: none.
    expect(values.first_response_time_mean).toBeCloseTo((30 + 60 + 100) / 3, 9);
    // First replies: A generic, B substantive, C information request ⇒ 1 / 3.
    expect(values.first_response_substantive_share).toBeCloseTo(1 / 3, 9);
    // Resolved A, B, C; replies other than automatic: A 2, B 1, C 1 ⇒ 4 / 3.
    expect(values.replies_per_ticket).toBeCloseTo(4 / 3, 9);
    // A 900, B 100, C 1000 (to its last resolution) ⇒ 2000 / 3.
    expect(values.resolution_time_mean).toBeCloseTo(2000 / 3, 9);
  });

  it('counts automatic replies when asked', () => {
    const values = kpis({ autoReplyCountsAsResponse: true });
    expect(values.first_response_time_mean).toBeCloseTo((0 + 60 + 100) / 3, 9); // A's auto reply at 100
    expect(values.first_response_substantive_share).toBeCloseTo(1 / 3, 9); // A's first is now automatic
    expect(values.replies_per_ticket).toBeCloseTo(5 / 3, 9); // A 3, B 1, C 1
  });

  it('leaves waits on the customer out of resolution times when they do not count', () => {
    // A: 900 − 200 waiting (500..700) = 700 ⇒ (700 + 100 + 1000) / 3.
    expect(kpis({ countPendingTime: false }).resolution_time_mean).toBeCloseTo(600, 9);
  });

  it('measures durations on the chosen clock', () => {
    // A clock counting half of every minute (as a business clock skips closed hours).
    const half = (from: number, to: number) => (to - from) / 2;
    const values = kpis({ durationClock: half });
    expect(values.first_response_time_mean).toBeCloseTo((15 + 30 + 50) / 3, 9);
    expect(values.resolution_time_mean).toBeCloseTo(1000 / 3, 9);
    // Both: A 450 − 100 ⇒ (350 + 50 + 500) / 3.
    expect(kpis({ durationClock: half, countPendingTime: false }).resolution_time_mean).toBeCloseTo(300, 9);
  });

  it('finds first-contact resolutions and repeat contacts within the FCR window', () => {
    // Resolved A, B, C. A: x came back about billing (B, before A's resolution); B: x's next
    // ticket is about access, so not a repeat; C: reopened 100 after its resolution ⇒ B only.
    expect(kpis().fcr_rate).toBeCloseTo(1 / 3, 9);
    // Customers known for all four; followed by a same-category ticket: A only ⇒ 1 / 4.
    expect(kpis().repeat_contact_rate).toBeCloseTo(1 / 4, 9);
    // With a 50-minute window C's reopen (100 after) no longer disqualifies it, and A's
    // repeat (B, before A was resolved) still does ⇒ B and C.
    expect(kpis({ fcrWindow: 50 }).fcr_rate).toBeCloseTo(2 / 3, 9);
  });

  it('finds repeat contacts whatever order the tickets come in, and whatever their customer ids are', () => {
    // The same tickets with B's events first (its row before A's, though created after it),
    // and customers as numbers (x = 7, y = 0) as simulated logs have them: same answers.
    const events = log();
    const reordered = [
      ...events.filter((event) => event.ticket === 'B'),
      ...events.filter((event) => event.ticket !== 'B'),
    ];
    const numbered = reordered.map((event) =>
      event.customer === undefined ? event : { ...event, customer: event.customer === 'x' ? 7 : 0 },
    );
    for (const input of [reordered, numbered]) {
      const values = computeKpisFromEvents(input, window, defaults, undefined, EVENT_TYPES).values;
      expect(values.repeat_contact_rate).toBeCloseTo(1 / 4, 9);
      expect(values.fcr_rate).toBeCloseTo(1 / 3, 9);
      // Measured from 150 (A left out): B, C, D; B's next billing contact is none (A came
      // before it, whatever the rows' order) ⇒ no repeat; FCR: B yes, C reopened ⇒ 1 / 2.
      const later = computeKpisFromEvents(
        input,
        { ...window, measureFrom: 150 },
        defaults,
        undefined,
        EVENT_TYPES,
      ).values;
      expect(later.repeat_contact_rate).toBe(0);
      expect(later.fcr_rate).toBeCloseTo(1 / 2, 9);
    }
    // Ticket B's customer unknown: A has no later same-category contact ⇒ neither repeats;
    // FCR: A, B, C resolved, C reopened within the window ⇒ 2 / 3; repeats over A, C, D ⇒ 0.
    const unknown = events.map((event) =>
      event.ticket === 'B' && event.type === 'created' ? { ...event, customer: undefined } : event,
    );
    const values = computeKpisFromEvents(unknown, window, defaults, undefined, EVENT_TYPES).values;
    expect(values.repeat_contact_rate).toBe(0);
    expect(values.fcr_rate).toBeCloseTo(2 / 3, 9);
  });

  it('leaves KPIs blank when the source does not record what they need', () => {
    // An export that records no escalations (and no abandonments) cannot say FCR or those rates.
    const unrecorded = computeKpisFromEvents(log(), window, defaults).values;
    for (const id of ['fcr_rate', 'escalation_rate', 'abandonment_rate']) expect(unrecorded[id], id).toBeNull();
    expect(kpis().escalation_rate).toBe(0);
    expect(kpis().abandonment_rate).toBe(0);
  });

  it('samples the backlog at the end of each day', () => {
    const values = kpis();
    // End of day 1 (1440): D ⇒ 1. Day 2 (2880): D, and C reopened 2600..3000 ⇒ 2. Day 3 (4320): D ⇒ 1.
    expect(values.backlog_mean).toBeCloseTo(4 / 3, 9);
    expect(values.backlog_end).toBe(1);
    expect(values.backlog_age_p90).toBeCloseTo(4320 - 1400, 9); // D alone
  });

  it('counts agent shift days once per agent and day', () => {
    // Resolved A, B, C over shift days: a1 three (0, 1, 2), a2 two (0, 1) ⇒ 3 / 5.
    expect(kpis().tickets_per_agent_day).toBeCloseTo(3 / 5, 9);
  });
});

describe('segments', () => {
  const ledger = new Ledger(window);
  for (const event of log()) ledger.emit(event);
  const segments = computeSegments(ledger, defaults);
  const find = (dimension: string, segment: string) =>
    segments.find((entry) => entry.dimension === dimension && entry.segment === segment)!.values;

  it('splits ticket KPIs by channel and category', () => {
    expect(find('channel', 'email').tickets_created).toBe(2);
    expect(find('channel', 'email').resolution_time_mean).toBeCloseTo(500, 9); // A 900, B 100
    expect(find('channel', 'chat').resolution_time_mean).toBeCloseTo(1000, 9); // C (D open)
    expect(find('category', 'billing').tickets_created).toBe(3);
    expect(find('category', 'access').backlog_end).toBe(1); // D
    // Agent time is not attributed to channels.
    expect(find('channel', 'email')).not.toHaveProperty('tickets_per_agent_day');
    expect(segments.map((entry) => entry.dimension)).not.toContain('priority'); // no priorities in this log
  });

  it('splits by agent: the tickets each took last, over their own shift days', () => {
    expect(find('agent', 'a1').tickets_created).toBe(2); // A, B
    expect(find('agent', 'a1').tickets_per_agent_day).toBeCloseTo(2 / 3, 9);
    expect(find('agent', 'a2').tickets_per_agent_day).toBeCloseTo(1 / 2, 9); // C over days 0, 1
  });
});

describe('daily series', () => {
  const ledger = new Ledger(window);
  for (const event of log()) ledger.emit(event);
  const daily = computeDaily(ledger, defaults);
  const column = (name: string) => daily.rows.map((row) => row[daily.columns.indexOf(name)]);

  it('has one row per day with its calendar start', () => {
    expect(column('day')).toEqual([1, 2, 3]);
    expect(column('start')).toEqual([
      '2026-03-02T00:00:00.000Z',
      '2026-03-03T00:00:00.000Z',
      '2026-03-04T00:00:00.000Z',
    ]);
  });

  it('counts volume, resolutions and backlog per day', () => {
    expect(column('tickets_created')).toEqual([3, 1, 0]); // A, B, D; C; none
    expect(column('resolved')).toEqual([2, 0, 1]); // A and B; C's last resolution (3000) is on day 3
    expect(column('backlog')).toEqual([1, 2, 1]);
  });

  it('reports each day’s cohort with the catalog’s definitions', () => {
    // Day 1: A 30, B 60 (D none); day 2: C 100; day 3: no tickets.
    expect(column('first_response_time_mean')).toEqual([45, 100, null]);
    expect(column('utilization')).toEqual([0, 0, 0]); // on shift, never busy
  });
});
