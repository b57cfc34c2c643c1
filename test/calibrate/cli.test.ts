/** `desksim calibrate`: the scenario file, the check's directory, and bad input. */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { cli, temporaryDirectory } from '../support/cli.js';

const scratch = temporaryDirectory('desksim-calibrate-cli-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('desksim calibrate', () => {
  it('writes a valid scenario of the Helpdesk log, with what the log cannot tell as assumptions', async () => {
    const out = join(scratch, 'helpdesk-desk.yaml');
    const result = await cli([
      'calibrate',
      'test/fixtures/real-logs/helpdesk.csv',
      '--mapping',
      'scenarios/mappings/helpdesk.yaml',
      '--out',
      out,
      '--quiet',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toContain('handle times: the log records no work start or end');
    expect(yaml).toContain('4580 tickets');
    const scenario = loadScenarioFile(out).scenario;
    expect(scenario.tiers.map((tier) => tier.id)).toEqual(['desk']);
    expect(scenario.arrivals.pattern).toBe('profile');
  });

  it('--check runs the scenario of a simulated log beside it and writes the comparison and report', async () => {
    const run = join(scratch, 'run');
    expect(
      (
        await cli([
          'run',
          'scenarios/baseline.yaml',
          '--set',
          'horizon.days=10',
          '--set',
          'horizon.warmup_days=1',
          '-r',
          '1',
          '--events',
          '--no-report',
          '--quiet',
          '--out',
          run,
        ])
      ).code,
    ).toBe(0);
    const check = join(scratch, 'check');
    const result = await cli(['calibrate', join(run, 'events.ndjson'), '--check', '-r', '3', '--report-dir', check]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^KPI\s+log\s+simulated\s+95 % prediction interval\s+verdict\n/);
    expect(result.stdout).toMatch(/\d+ of \d+ KPIs reproduced\.\n/);
    expect(readdirSync(check).sort()).toEqual(['.desksim-output', 'charts', 'check.csv', 'desk.yaml', 'report.html']);
    const csv = readFileSync(join(check, 'check.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('kpi,unit,log,simulated_mean,interval_low,interval_high,verdict');
    expect(csv.find((line) => line.startsWith('tickets_created,'))).toMatch(/,reproduced$/);
    expect(readFileSync(join(check, 'report.html'), 'utf8')).toContain('Tickets created per day, real and simulated');
  });

  it('stops with exit 2 and writes nothing on a log it cannot read', async () => {
    const out = join(scratch, 'never.yaml');
    const result = await cli(['calibrate', 'scenarios/baseline.yaml', '--out', out]);
    expect(result.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
