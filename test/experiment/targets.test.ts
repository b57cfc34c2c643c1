import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KpiSummary } from '../../src/experiment/statistics.js';
import { judge, parseTarget, targetStatuses } from '../../src/experiment/targets.js';
import { cli, root, temporaryDirectory } from '../support/cli.js';

const summary = (mean: number, low: number, high: number): KpiSummary => ({
  mean,
  sd: 0.01,
  ci95: [low, high],
  n: 5,
  unit: 'share',
});

describe('targets', () => {
  it('name a tier of the desk: a per-tier target on an unknown tier is a located error, exit 2', async () => {
    const file = join(temporaryDirectory(), 'tier9.yaml');
    writeFileSync(
      file,
      `name: tier9\nextends: ${join(root, 'scenarios', 'baseline.yaml')}\ntargets:\n  - { kpi: tiers.tier9.queue_wait_mean, good: "<= 4h" }\n`,
    );
    const result = await cli(['validate', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:4:12  targets.0.kpi`);
    expect(result.stderr).toContain('unknown tier "tier9" (known: tier1, tier2, live)');
  });

  it('are met on the worse end, missed on the better end, too close to call between', () => {
    const target = parseTarget('service_level>=90%', ['service_level']);
    expect(target).toEqual({ kpi: 'service_level', operator: '>=', value: 0.9, unit: 'share' });
    expect(judge(target, summary(0.93, 0.91, 0.95)).verdict).toBe('met');
    expect(judge(target, summary(0.91, 0.89, 0.93)).verdict).toBe('too close to call');
    expect(judge(target, summary(0.87, 0.85, 0.89)).verdict).toBe('missed');
    const wait = parseTarget('tiers.tier2.queue_wait_mean <= 4h', ['tiers.tier2.queue_wait_mean']);
    expect(wait.value).toBe(240);
    expect(judge(wait, { mean: 200, sd: 10, ci95: [190, 250], n: 5, unit: 'minutes' }).verdict).toBe(
      'too close to call',
    );
  });

  it('mark green, amber (too close, or within the warning level) and red', () => {
    const kpis = {
      service_level: summary(0.93, 0.91, 0.95),
      sla_resolution_compliance: summary(0.92, 0.91, 0.93),
      fcr_rate: summary(0.5, 0.45, 0.55),
    };
    const statuses = targetStatuses(
      [
        { kpi: 'service_level', good: '>= 0.9' },
        { kpi: 'sla_resolution_compliance', good: '>= 0.95', warn: '>= 0.9' },
        { kpi: 'fcr_rate', good: '>= 52%' },
        { kpi: 'csat_mean', good: '>= 4' },
      ],
      { kpis, tiers: {} },
    );
    expect(statuses.map((status) => [status.status, status.verdict])).toEqual([
      ['green', 'meets'],
      ['amber', 'misses (within warning)'],
      ['amber', 'too close to call'],
      ['red', 'misses'],
    ]);
  });
});

describe('a scenario with targets', () => {
  it('marks them in the table, summary.json and report.html; staff takes them', async () => {
    const directory = temporaryDirectory();
    const file = join(directory, 'mmc-targets.yaml');
    writeFileSync(
      file,
      `extends: ${join(root, 'scenarios/textbook/mmc.yaml')}\nname: mmc-targets\nhorizon: { days: 4, warmup_days: 1 }\nreplications: 3\n` +
        'targets:\n  - { kpi: utilization, good: "<= 0.99" }\n  - { kpi: service_level, good: ">= 0.99", warn: ">= 0.98" }\n  - { kpi: tiers.desk.queue_wait_mean, good: "<= 1m" }\n',
    );
    const run = await cli(['run', file, '--out', join(directory, 'run')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/utilization .*✔ meets \(target <= 0\.99\)/);
    expect(run.stdout).toMatch(/service_level .*✘ misses \(target >= 0\.99\)/);
    // Three measured days: the wait's interval is wide, so the 1-minute target is too close to call.
    expect(run.stdout).toMatch(/tiers\.desk\.queue_wait_mean .*▲ too close to call \(target <= 1m\)/);
    const written = JSON.parse(readFileSync(join(directory, 'run', 'summary.json'), 'utf8'));
    expect(written.targets.map((target: { kpi: string; status: string }) => `${target.kpi} ${target.status}`)).toEqual([
      'utilization green',
      'service_level red',
      'tiers.desk.queue_wait_mean amber',
    ]);
    expect(readFileSync(join(directory, 'run', 'report.html'), 'utf8')).toContain('<h2>Targets</h2>');

    const plain = await cli([
      'run',
      'scenarios/textbook/mmc.yaml',
      '--set',
      'horizon.days=3',
      '-r',
      '2',
      '--out',
      join(directory, 'plain'),
      '--no-report',
    ]);
    expect(plain.stdout).not.toMatch(/✔|✘|▲/);
    expect(JSON.parse(readFileSync(join(directory, 'plain', 'summary.json'), 'utf8')).targets).toBeUndefined();

    const staff = await cli([
      'staff',
      file,
      '--vary',
      'desk=9..16',
      '--out',
      join(directory, 'staff'),
      '--json',
      '--no-report',
    ]);
    expect(staff.code).toBe(0);
    expect(JSON.parse(staff.stdout).targets).toEqual([
      'utilization ≤ 99.0%',
      'service_level ≥ 99.0%',
      'tiers.desk.queue_wait_mean ≤ 1m',
    ]);
  });

  it('refuses a target on an unknown KPI or a malformed bound, located', async () => {
    const directory = temporaryDirectory();
    const file = join(directory, 'bad.yaml');
    writeFileSync(
      file,
      `extends: ${join(root, 'scenarios/textbook/mmc.yaml')}\ntargets:\n  - { kpi: servce_level, good: ">= 0.9" }\n  - { kpi: service_level, good: "at least 0.9" }\n`,
    );
    const result = await cli(['validate', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.yaml:3');
    expect(result.stderr).toContain('must be a KPI id');
    expect(result.stderr).toContain('bad.yaml:4');
    expect(result.stderr).toContain('must be ">= value" or "<= value"');
  });
});
