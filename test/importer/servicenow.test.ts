/**
 * A ServiceNow-style snapshot export (test/fixtures/servicenow/incidents.csv, written for
 * this test: 38 rows, 7 incidents, 29 Feb – 1 Mar 2016, times "29-02-2016 08:00" in
 * Europe/London, which is UTC in winter) read with scenarios/mappings/servicenow.yaml. Each
 * incident exercises something of docs/metrics.md's "Snapshot exports"; the numbers below
 * were worked out by hand from the rows, in minutes from 29 Feb 00:00.
 *
 * | incident | what it shows | resolution | queue waits |
 * |---|---|---|---|
 * | INC001 | a repeated Active row is no event | 480 → 600: 120 | desk 20 |
 * | INC002 | group changes (escalation to Network Support), priority raised to 2 - High, Awaiting User Info (a reply and a wait), Active ends the wait | 510 → 780: 270 (120 pending) | desk 10, network 60 |
 * | INC003 | resolved straight from New: its wait ends at the resolution (flagged); caller NULL | 540 → 630: 90 | desk 90 |
 * | INC004 | moved while New (desk → Database): the desk's wait ends at the move; reopened (Active after Resolved) | 600 → 900: 300 | desk 15, database 45 |
 * | INC005 | 1 - Critical, no group on New (default_tier), waits on a vendor, still open at the end | — | desk 5 |
 * | INC006 | a duplicate row quoted differently; worked again after Closed (a reopen); channel N/A, category ? | 660 → 810: 150 | desk 10 |
 * | INC007 | created (opened_at 07:00) before its first row (07:30) | 420 → 510: 90 | desk 30 |
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importLog } from '../../src/importer/index.js';
import { computeKpisFromEvents } from '../../src/metrics/engine.js';
import { cli, root, temporaryDirectory } from '../support/cli.js';

const imported = importLog(join(root, 'test', 'fixtures', 'servicenow', 'incidents.csv'), {
  shownAs: 'incidents.csv',
  mappingFile: join(root, 'scenarios', 'mappings', 'servicenow.yaml'),
  mappingShownAs: 'servicenow.yaml',
});
const minute = (day: number, hour: number, minutes = 0) => day * 1440 + hour * 60 + minutes;
const sla = { targets: imported.slaTargets!, clock: (from: number, to: number) => to - from, pauseWhenPending: true };
const kpis = computeKpisFromEvents(
  imported.events,
  imported.window,
  { serviceLevelThreshold: 60, reopenWindow: 7 * 1440, sla },
  undefined,
  imported.recordedTypes,
);
const eventsOf = (ticket: string) =>
  imported.events.filter((event) => event.ticket === ticket).map(({ ticket: _, ...event }) => event);

describe('a ServiceNow-style snapshot export', () => {
  it('accounts for every row', () => {
    expect(imported.report).toMatchObject({
      rows_read: 38,
      // 38 = 32 kept + 1 duplicate (INC006, quoted) + 4 repeated states (INC001 09:00, INC002 09:00 and 10:00,
      // INC004 10:15) + 1 earlier close (INC006 12:00).
      rows_kept: 32,
      rows_dropped: {
        duplicate: 1,
        outlier_time: 0,
        ignored: 0,
        repeated_created: 0,
        repeated_closed: 1,
        requeued_while_waiting: 0,
        repeated_state: 4,
      },
      extra_events: { kept: 1, dropped: 0 }, // INC002's Awaiting User Info: a reply, then a wait
      // Creations from opened_at (7); INC002 → Network Support and INC004 → Database: an escalation and a queue
      // entry each; Carol taking INC002 at 10:00 on a repeated Active row; the desk's waits of INC003 (resolved
      // from New) and INC004 (moved while New) ended; INC002's wait on the user ended by Active; INC004 taken
      // again after its resolution and INC006 worked after its close: two reopens.
      synthesized: {
        created: 0,
        created_from_column: 7,
        reopened: 2,
        resumed: 1,
        queued: 2,
        escalated: 2,
        assigned: 3,
      },
      queue_waits_ended: 2,
      reopens_after_close: 1,
      events: 32 + 1 + 17,
      tickets: 7,
      tickets_without_created: 0,
      counters: {
        reassignment_count: { tickets: 7, log: 2, desksim: 2 },
        reopen_count: { tickets: 7, log: 2, desksim: 2 },
        made_sla: { tickets: 7, log: 4, desksim: null },
      },
      warnings: [],
      window: { start: '2016-02-29T07:00:00.000Z', end: '2016-03-01T15:00:00.000Z' },
    });
  });

  it('turns group and assignee changes, a list of events and ends_pending into the hand-worked events', () => {
    expect(eventsOf('INC002')).toEqual([
      {
        time: minute(0, 8, 30),
        type: 'created',
        channel: 'Email',
        category: 'Network',
        priority: '2 - High',
        customer: 'Caller 12',
      },
      {
        time: minute(0, 8, 30),
        type: 'queued',
        tier: 'Service Desk',
        channel: 'Email',
        category: 'Network',
        priority: '3 - Moderate',
        customer: 'Caller 12',
      },
      {
        time: minute(0, 8, 40),
        type: 'assigned',
        agent: 'Bob',
        tier: 'Service Desk',
        channel: 'Email',
        category: 'Network',
        priority: '3 - Moderate',
        customer: 'Caller 12',
      },
      { time: minute(0, 9), type: 'escalated', tier: 'Network Support' },
      { time: minute(0, 9), type: 'queued', tier: 'Network Support' },
      { time: minute(0, 10), type: 'assigned', agent: 'Carol' },
      {
        time: minute(0, 10, 30),
        type: 'replied',
        kind: 'info_request',
        agent: 'Carol',
        tier: 'Network Support',
        channel: 'Email',
        category: 'Network',
        priority: '2 - High',
        customer: 'Caller 12',
      },
      {
        time: minute(0, 10, 30),
        type: 'pending',
        kind: 'customer',
        agent: 'Carol',
        tier: 'Network Support',
        channel: 'Email',
        category: 'Network',
        priority: '2 - High',
        customer: 'Caller 12',
      },
      { time: minute(0, 12, 30), type: 'resumed' },
      {
        time: minute(0, 12, 30),
        type: 'assigned',
        agent: 'Carol',
        tier: 'Network Support',
        channel: 'Email',
        category: 'Network',
        priority: '2 - High',
        customer: 'Caller 12',
      },
      {
        time: minute(0, 13),
        type: 'resolved',
        agent: 'Carol',
        tier: 'Network Support',
        channel: 'Email',
        category: 'Network',
        priority: '2 - High',
        customer: 'Caller 12',
      },
      {
        time: minute(1, 13),
        type: 'closed',
        agent: 'Carol',
        tier: 'Network Support',
        channel: 'Email',
        category: 'Network',
        priority: '2 - High',
        customer: 'Caller 12',
      },
    ]);
    // Moved while New: the desk's wait ends at the move, then the escalation and the wait at Database.
    expect(
      eventsOf('INC004')
        .slice(1, 6)
        .map(({ time, type, tier, agent }) => ({ time, type, tier, agent })),
    ).toEqual([
      { time: minute(0, 10), type: 'queued', tier: 'Service Desk', agent: undefined },
      { time: minute(0, 10, 15), type: 'assigned', tier: undefined, agent: undefined },
      { time: minute(0, 10, 15), type: 'escalated', tier: 'Database', agent: undefined },
      { time: minute(0, 10, 15), type: 'queued', tier: 'Database', agent: undefined },
      { time: minute(0, 11), type: 'assigned', tier: 'Database', agent: 'Dave' },
    ]);
    // "?", NULL and N/A are no value; opened_at (07:00) comes before INC007's first row (07:30).
    const created = new Map(
      imported.events.filter((event) => event.type === 'created').map((event) => [event.ticket, event]),
    );
    expect(created.get('INC003')!.customer).toBeUndefined();
    expect([created.get('INC006')!.channel, created.get('INC006')!.category, created.get('INC006')!.priority]).toEqual([
      undefined,
      undefined,
      '3 - Moderate',
    ]);
    expect(created.get('INC007')!.time).toBe(minute(0, 7));
    expect(imported.events.some((event) => event.agent === '?' || event.tier === '?')).toBe(false);
  });

  it('gives the hand-computed KPIs', () => {
    const values = kpis.values;
    expect(values.tickets_created).toBe(7);
    expect(values.resolution_time_mean).toBeCloseTo((120 + 270 + 90 + 300 + 150 + 90) / 6, 10); // 170
    expect(values.resolution_time_p50).toBeCloseTo((120 + 150) / 2, 10); // sorted 90 90 120 150 270 300
    expect(values.first_response_time_mean).toBeCloseTo(120, 10); // INC002's information request at 10:30
    expect(values.first_response_substantive_share).toBe(0);
    expect(values.queue_wait_mean).toBeCloseTo((20 + 70 + 90 + 60 + 5 + 10 + 30) / 7, 10);
    expect(values.service_level).toBeCloseTo(6 / 7, 10); // INC003 waited 90 > 60 at the desk
    expect(values.escalation_rate).toBeCloseTo(2 / 7, 10); // INC002, INC004
    expect(values.reopen_rate).toBeCloseTo(2 / 6, 10); // INC004 (120 min after), INC006 (80 min after)
    expect(values.fcr_rate).toBeCloseTo(3 / 6, 10); // INC001, INC003, INC007
    expect(values.pending_share).toBeCloseTo(1 / 7, 10); // INC002 only: a vendor wait is not on the customer
    expect(values.pending_time_mean).toBeCloseTo(120, 10);
    // SLA by the export's labels, priority at its most severe. Resolution: INC001 120 ≤ 1 d, INC002 270 − 120
    // paused = 150 > 2 h (2 - High; as 3 - Moderate it would have met 1 d), INC003 90 ≤ 2 d, INC004 300 > 2 h,
    // INC005 1,380 min open > 4 h, INC006 150 ≤ 1 d, INC007 90 ≤ 1 d ⇒ 4 / 7 — the export's made_sla says 4 of 7 too.
    expect(values.sla_resolution_compliance).toBeCloseTo(4 / 7, 10);
    expect(values.sla_first_response_compliance).toBe(0); // 2 - High: INC002 replied after 120 > 60, INC004 never
    expect(values.backlog_end).toBe(1); // INC005
    expect(kpis.tiers['Network Support']!.queue_wait_mean).toBe(60);
    expect(kpis.tiers.Database!.queue_wait_mean).toBe(45);
    expect(kpis.tiers['Service Desk']!.tickets_queued).toBe(7);
    expect(Object.keys(kpis.tiers)).not.toContain('');
  });

  it("desksim metrics applies the mapping's SLA targets and puts the export's made_sla beside desksim's compliance", async () => {
    const out = join(temporaryDirectory(), 'servicenow');
    const result = await cli([
      'metrics',
      'test/fixtures/servicenow/incidents.csv',
      '--mapping',
      'scenarios/mappings/servicenow.yaml',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      "  the export's reassignment_count sums to 2 over 7 tickets; desksim counts 2 (changes of the tier column)\n",
    );
    expect(result.stderr).toContain(
      "  the export's made_sla is true for 57.1 % of 7 tickets; desksim's sla_resolution_compliance: 57.1 %\n",
    );
    expect(result.stdout).toMatch(/sla_resolution_compliance +57\.1%\n/);
  });
});
