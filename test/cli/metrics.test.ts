/** `desksim metrics`: event logs read directly, exports through a mapping, bad input refused. */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importLog } from '../../src/importer/index.js';
import { computeKpisFromEvents } from '../../src/metrics/engine.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { logMetricOptions } from '../../src/cli/commands/metrics.js';
import { cli, root, temporaryDirectory } from '../support/cli.js';

// A copy of shared/data/real-logs/helpdesk.csv, so the test runs on any clean clone.
const helpdesk = join(root, 'test', 'fixtures', 'real-logs', 'helpdesk.csv');
const helpdeskMapping = join(root, 'scenarios', 'mappings', 'helpdesk.yaml');

describe('desksim metrics on a simulated log (NDJSON round trip)', () => {
  /**
   * The run measures from its warm-up (0 here) to its horizon; the log read back measures
   * from its first event (shift start, minute 0) to its last. KPIs of tickets agree, within
   * the millisecond the file rounds times to. KPIs that run to the end of observation —
   * utilization, a ticket still in service (handle time), costs, the backlog — differ by the few
   * seconds between the last event and the horizon; for those, the same log measured up to
   * the horizon must give the run's values.
   */
  const windowEnd = new Set([
    'handle_time_mean',
    'agent_minutes_per_issue',
    'utilization',
    'tickets_per_agent_day',
    'cost_per_ticket',
    'cost_per_resolution',
    'backlog_mean',
    'backlog_end',
    'backlog_age_p90',
    'backlog_growth_per_day',
    'tiers.desk.utilization',
  ]);
  const millisecond = 1 / 60000;

  it("reproduces the run's KPI values", async () => {
    const directory = temporaryDirectory();
    const scenario = join(root, 'scenarios', 'textbook', 'mmc.yaml');
    const run = await cli([
      'run',
      scenario,
      '--events',
      '--replications',
      '1',
      '--set',
      'horizon.days=2',
      '--set',
      'horizon.warmup_days=0',
      '--out',
      join(directory, 'run'),
      '--quiet',
    ]);
    expect(run.code).toBe(0);
    const events = join(directory, 'run', 'events.ndjson');
    const result = await cli([
      'metrics',
      events,
      '--scenario',
      scenario,
      '--out',
      join(directory, 'metrics'),
      '--json',
    ]);
    expect(result.code).toBe(0);
    const simulated = JSON.parse(readFileSync(join(directory, 'run', 'summary.json'), 'utf8'));
    const measured = JSON.parse(result.stdout);
    expect(measured.import).toMatchObject({
      form: 'ndjson',
      rows_dropped: {
        duplicate: 0,
        outlier_time: 0,
        ignored: 0,
        repeated_created: 0,
        repeated_closed: 0,
        requeued_while_waiting: 0,
        repeated_state: 0,
      },
      queue_waits_ended: 0,
      warnings: [],
    });
    expect(measured.import.synthesized).toEqual({
      created: 0,
      created_from_column: 0,
      reopened: 0,
      resumed: 0,
      queued: 0,
      escalated: 0,
      assigned: 0,
    });

    const pairs: Array<[string, number | null, number | null, string]> = [];
    for (const [id, summary] of Object.entries<{ mean: number | null; unit: string }>(simulated.kpis))
      pairs.push([id, summary.mean, measured.kpis[id].value, summary.unit]);
    for (const [id, summary] of Object.entries<{ mean: number | null; unit: string }>(simulated.tiers.desk))
      pairs.push([`tiers.desk.${id}`, summary.mean, measured.tiers.desk[id].value, summary.unit]);
    expect(pairs.length).toBeGreaterThan(20);
    for (const [id, expected, actual, unit] of pairs) {
      if (windowEnd.has(id)) continue;
      if (expected === null) expect(actual, id).toBeNull();
      else if (unit === 'minutes') expect(Math.abs(actual! - expected), id).toBeLessThanOrEqual(millisecond);
      else expect(actual, id).toBe(expected);
    }

    // Measured up to the horizon (2 days), like the run, the window-end KPIs agree too.
    const log = importLog(events);
    const options = logMetricOptions(
      scenarioSchema.parse({ name: 'mmc', metrics: { service_level_threshold: 5 } }),
      log,
    );
    const toHorizon = computeKpisFromEvents(log.events, { ...log.window, measureTo: 2 * 1440 }, options);
    expect(Math.abs(toHorizon.values.handle_time_mean! - simulated.kpis.handle_time_mean.mean)).toBeLessThanOrEqual(
      millisecond,
    );
    expect(
      Math.abs(toHorizon.values.agent_minutes_per_issue! - simulated.kpis.agent_minutes_per_issue.mean),
    ).toBeLessThanOrEqual(millisecond);
    expect(toHorizon.values.utilization).toBeCloseTo(simulated.kpis.utilization.mean, 8);
    for (const id of ['backlog_mean', 'backlog_end', 'tickets_per_agent_day'])
      expect(toHorizon.values[id], id).toBeCloseTo(simulated.kpis[id].mean, 8);
    expect(Math.abs(toHorizon.values.backlog_age_p90! - simulated.kpis.backlog_age_p90.mean)).toBeLessThanOrEqual(
      millisecond,
    );
    expect(toHorizon.tiers.desk!.utilization).toBeCloseTo(simulated.tiers.desk.utilization.mean, 8);
  });

  it('reads back a baseline log with absences, departures, hires, surveys and verdicts', async () => {
    const directory = temporaryDirectory();
    const scenario = join(root, 'scenarios', 'baseline.yaml');
    // Heavy turnover and quick hiring, so departures and hires happen within ten days.
    const overrides = [
      'horizon.days=10',
      'horizon.warmup_days=0',
      'agents.attrition.per_year=20',
      'agents.attrition.hiring_delay={dist: deterministic, value: 1d}',
    ];
    const run = await cli([
      'run',
      scenario,
      '--events',
      '--replications',
      '1',
      ...overrides.flatMap((override) => ['--set', override]),
      '--out',
      join(directory, 'run'),
      '--quiet',
    ]);
    expect(run.code).toBe(0);
    const log = importLog(join(directory, 'run', 'events.ndjson'));
    const types = new Set(log.events.map((event) => event.type));
    for (const type of [
      'absence_started',
      'agent_left',
      'agent_hired',
      'survey_answered',
      'truth_satisfaction',
    ] as const)
      expect(types, type).toContain(type);
    const simulated = JSON.parse(readFileSync(join(directory, 'run', 'summary.json'), 'utf8'));
    const options = logMetricOptions(scenarioSchema.parse({ name: 'baseline' }), log);
    // Measured like the run: up to its horizon (exclusive), 10 days after the clock start
    // (2026-01-05 00:00 in Amsterdam); the log's own origin is its first event.
    const horizonEpochMs = Date.parse('2026-01-04T23:00:00Z') + 10 * 1440 * 60000;
    const measureTo = (horizonEpochMs - log.window.originEpochMs) / 60000;
    const measured = computeKpisFromEvents(log.events, { ...log.window, measureTo }, options).values;
    for (const id of [
      'agents_left',
      'agents_hired',
      'csat_mean',
      'nps',
      'survey_response_rate',
      'true_satisfaction_mean',
    ]) {
      expect(measured[id], id).toBe(simulated.kpis[id].mean);
    }
    expect(simulated.kpis.agents_left.mean).toBeGreaterThan(0);
  });
});

describe('desksim metrics on a real export', () => {
  it('imports helpdesk.csv with the shipped mapping and reports every odd thing', async () => {
    const out = join(temporaryDirectory(), 'helpdesk');
    const result = await cli(['metrics', helpdesk, '--mapping', helpdeskMapping, '--out', out]);
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      '.desksim-output',
      'charts',
      'daily.csv',
      'import-report.json',
      'kpis.csv',
      'report.html',
      'segments.csv',
      'summary.json',
      'tickets.csv',
    ]);
    const report = JSON.parse(readFileSync(join(out, 'import-report.json'), 'utf8'));
    expect(report).toMatchObject({
      form: 'mapped-csv',
      rows_read: 21348,
      rows_kept: 20774,
      rows_dropped: {
        duplicate: 127,
        outlier_time: 0,
        ignored: 13,
        repeated_created: 0,
        repeated_closed: 2,
        requeued_while_waiting: 432,
        repeated_state: 0,
      },
      ignored_by_activity: { 'Schedule intervention': 5, VERIFIED: 3, RESOLVED: 2, INVALID: 2, DUPLICATE: 1 },
      // 296 tickets triaged and then resolved (or closed) without a take-in-charge: their queue wait ends there.
      synthesized: {
        created: 4462,
        created_from_column: 0,
        reopened: 158,
        resumed: 0,
        queued: 0,
        escalated: 0,
        assigned: 296,
      },
      queue_waits_ended: 296,
      reopens_after_close: 2,
      warnings: [],
      events: 25690,
      events_by_type: {
        assigned: 5354,
        closed: 4559,
        created: 4580,
        pending: 1634,
        queued: 4497,
        reopened: 158,
        resolved: 4895,
        resumed: 13,
      },
      tickets: 4580,
      tickets_without_events: 0,
      tickets_out_of_order: 0,
      tickets_without_created: 4462,
      tickets_closed_repeatedly: 2,
      window: { start: '2010-01-13T08:40:25.000Z', end: '2014-01-03T13:20:58.000Z' },
    });
    const dropped = Object.values<number>(report.rows_dropped).reduce((sum, count) => sum + count, 0);
    expect(report.rows_kept + dropped).toBe(report.rows_read);

    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.import).toEqual(report);
    const value = (id: string) => summary.kpis[id].value as number | null;
    expect(value('tickets_created')).toBe(4580);
    expect(value('resolution_time_mean')).toBeCloseTo(16614.745, 2); // 11 d 13 h
    expect(value('resolution_time_p50')).toBeCloseTo(9587.417, 2);
    expect(value('queue_wait_mean')).toBeCloseTo(6150.92, 2);
    expect(value('reopen_rate')).toBeCloseTo(0.02517, 5);
    // The export records neither abandonment nor escalation: those rates, and FCR, are unknown, not 0 %.
    for (const id of [
      'first_response_time_mean',
      'handle_time_mean',
      'utilization',
      'sla_resolution_compliance',
      'true_resolution_rate',
      'abandonment_rate',
      'escalation_rate',
      'fcr_rate',
    ]) {
      expect(value(id), id).toBeNull();
    }
    // Backlog at the end, counted independently from the raw rows: a case is open if, in
    // time order, its last take-in-charge is not followed by a resolution or a close.
    const cases = new Map<string, Array<[string, string]>>();
    for (const line of readFileSync(helpdesk, 'utf8').trim().split('\n').slice(1)) {
      const fields = line.split(',');
      const rows = cases.get(fields[6]!) ?? [];
      rows.push([fields[3]!, fields[4]!]);
      cases.set(fields[6]!, rows);
    }
    let open = 0;
    for (const rows of cases.values()) {
      let done = false;
      for (const [, activity] of rows.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (activity === 'Resolve ticket' || activity === 'Closed') done = true;
        else if (activity === 'Take in charge ticket') done = false;
      }
      if (!done) open++;
    }
    expect(open).toBe(12);
    expect(value('backlog_end')).toBe(open);
    expect(readFileSync(join(out, 'kpis.csv'), 'utf8')).toMatch(
      /^id,value,unit\ntickets_created,4580,tickets\nfirst_response_time_mean,,minutes\n/,
    );
    expect(readFileSync(join(out, 'tickets.csv'), 'utf8').trim().split('\n')).toHaveLength(4581);

    expect(result.stderr).toContain('21348 rows → 25690 events, 4580 tickets');
    expect(result.stderr).toContain('127 duplicate rows dropped');
    expect(result.stderr).toContain('4462 tickets did not start with a creation');
    expect(result.stdout).toMatch(/tickets_created +4580\n/);
    expect(result.stdout).toMatch(/first_response_time_mean +—\n/);
  });

  it('refuses an unmapped activity with exit 2, its count and line, and writes nothing', async () => {
    const directory = temporaryDirectory();
    const mapping = join(directory, 'partial.yaml');
    writeFileSync(
      mapping,
      readFileSync(helpdeskMapping, 'utf8')
        .replace(/^ {2}VERIFIED: ignore\n/m, '')
        .replace(/^ {2}Wait: pending\n/m, ''),
    );
    const out = join(directory, 'out');
    const result = await cli(['metrics', helpdesk, '--mapping', mapping, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${helpdesk}:134  concept:name\n  2 activity value(s) are not in the activities: table of ${mapping}:\n`,
    );
    expect(result.stderr).toContain(
      '    "Wait": 1463 row(s), first on line 134\n    "VERIFIED": 3 row(s), first on line 6903\n',
    );
    expect(result.stderr).toContain('Add each one to activities: as an event type');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses unreadable times and missing tickets with file:line', async () => {
    const directory = temporaryDirectory();
    const log = join(directory, 'log.csv');
    writeFileSync(
      log,
      'ticket,time,type\n1,2024-03-01T09:00:00Z,created\n,2024-03-01T09:10:00Z,assigned\n1,01/03/2024 10:00,resolved\n1,2024-03-01 11:00,closed\n',
    );
    const result = await cli(['metrics', log, '--out', join(directory, 'out')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatchInlineSnapshot(`
      "${log}:3  ticket
        no ticket id: every event but shift_started, shift_ended and self_service needs one
      ${log}:4  time
        cannot read the time "01/03/2024 10:00": expected an ISO 8601 date-time such as 2010-01-13T08:40:25+00:00
      ${log}:5  time
        the time "2024-03-01 11:00" has no UTC offset: write it with one (2010-01-13T08:40:25+01:00 or …Z), or set timestamps.timezone in the mapping to the zone such times are in
      "
    `);
    expect(readdirSync(directory)).toEqual(['log.csv']);
  });

  it('refuses a bad mapping with exit 2 and its file:line', async () => {
    const directory = temporaryDirectory();
    const mapping = join(directory, 'bad.yaml');
    writeFileSync(mapping, 'columns: { ticket: id, time: when, activity: what }\nactivities:\n  Open: creatd\n');
    const result = await cli(['metrics', helpdesk, '--mapping', mapping, '--out', join(directory, 'out')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${mapping}:3:9  activities.Open\n  expected one of created,`);
    expect(result.stderr).toContain('found "creatd" — did you mean "created"?');
  });
});
