import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/report/charts/render.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { staffCharts } from '../../src/staffing/report.js';
import type { StaffResult } from '../../src/staffing/staff.js';
import { cli, temporaryDirectory } from '../support/cli.js';

const mmc = ['staff', 'scenarios/textbook/mmc.yaml', '--set', 'horizon.days=8', '-r', '3'];

describe('desksim staff', () => {
  it('writes the plan, every candidate, the charts, the report and a staffed scenario that runs', async () => {
    const out = join(temporaryDirectory(), 'staff');
    const result = await cli([...mmc, '--vary', 'desk=8..14', '--target', 'service_level>=75%', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Cheapest plan found that meets every target: desk=11');
    expect(result.stdout).toMatch(/service_level ≥ 75\.0%: met — \d+\.\d% \[\d+\.\d% – \d+\.\d%\]/);
    for (const file of [
      'staffing.json',
      'candidates.csv',
      'analytic.csv',
      'scenario.staffed.yaml',
      'report.html',
      'charts/staff-cost.svg',
      'charts/staff-heatmap.svg',
    ]) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    const staffing = JSON.parse(readFileSync(join(out, 'staffing.json'), 'utf8')) as StaffResult;
    expect(staffing.search!.best!.plan).toEqual([11]);
    // The heat map's roster is the chosen plan's: 11 agents at every hour.
    expect(new Set(staffing.analytic.weekPlan!.map((cell) => cell.rostered))).toEqual(new Set([11]));
    expect(new Set(staffing.analytic.week.map((cell) => cell.rostered))).toEqual(new Set([10]));
    expect(staffing.search!.best!.summary.kpis.service_level!.ci95).not.toBeNull();
    const csv = readFileSync(join(out, 'candidates.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe(
      'order,reason,desk,cost,agent_hours,replications,feasible,target1_mean,target1_ci95_low,target1_ci95_high,target1_verdict',
    );
    expect(csv).toHaveLength(staffing.search!.candidates.length + 1);
    const staffed = loadScenarioFile(join(out, 'scenario.staffed.yaml')).scenario;
    expect(staffed.tiers[0]!.agents).toBe(11);
    expect(staffed.name).toBe('mmc-staffed');
    expect(
      (
        await cli([
          'run',
          join(out, 'scenario.staffed.yaml'),
          '--set',
          'horizon.days=3',
          '-r',
          '2',
          '--out',
          join(out, 'run'),
          '--no-report',
          '--quiet',
        ])
      ).code,
    ).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Every candidate simulated');
    expect(html).toContain('the formulas and the simulation agree on 11 agent(s)');
  });

  it('--analytic simulates nothing and draws needed beside rostered', async () => {
    const out = join(temporaryDirectory(), 'analytic');
    const result = await cli([
      'staff',
      'scenarios/baseline.yaml',
      '--analytic',
      '--target',
      'service_level>=0.8',
      '--shrinkage',
      '0.2',
      '--out',
      out,
      '--json',
    ]);
    expect(result.code).toBe(0);
    const staffing = JSON.parse(result.stdout) as StaffResult;
    expect(staffing.search).toBeUndefined();
    expect(existsSync(join(out, 'candidates.csv'))).toBe(false);
    expect(staffing.analytic.shrinkage).toBe(0.2);
    // 2 tiers × 7 days × 24 hours, each needing at least what a stable queue needs.
    expect(staffing.analytic.week).toHaveLength(2 * 7 * 24);
    const monday10 = staffing.analytic.week.find(
      (cell) => cell.tier === 'tier1' && cell.weekday === 'Mon' && cell.hour === 10,
    )!;
    const sunday3 = staffing.analytic.week.find(
      (cell) => cell.tier === 'tier1' && cell.weekday === 'Sun' && cell.hour === 3,
    )!;
    expect(monday10.rosteredNeeded).toBeGreaterThan(sunday3.rosteredNeeded);
    expect(monday10.rostered).toBe(4); // Tier 1's early and late email shifts, 2 each
    expect(sunday3.rostered).toBe(0);
    // The baseline blends (the live team and Tier 2 take Tier 1's email when idle): the notes say
    // the formulas, one queue per tier, cannot see it.
    expect(staffing.notes.join(' ')).toContain(
      "tier2 takes tier1's tickets when idle, live takes tier1's tickets when idle",
    );
  });

  it('draws its charts without warnings', async () => {
    const out = join(temporaryDirectory(), 'charts');
    await cli([
      ...mmc,
      '--vary',
      'desk=9..13',
      '--target',
      'service_level>=0.75',
      '--target',
      'queue_wait_mean<=5m',
      '--out',
      out,
      '--no-report',
      '--quiet',
    ]);
    const staffing = JSON.parse(readFileSync(join(out, 'staffing.json'), 'utf8')) as StaffResult;
    for (const chart of staffCharts(staffing)) expect((await renderChart(chart)).warnings, chart.name).toEqual([]);
  });

  it('says what is wrong with its flags, exit 2, nothing written', async () => {
    const directory = temporaryDirectory();
    const run = (...flags: string[]) => cli([...mmc, '--out', join(directory, 'out'), ...flags]);
    expect(await run('--target', 'servce_level>=0.8')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown KPI "servce_level"'),
    });
    expect(await run('--target', 'service_level=0.8')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('kpi>=value or kpi<=value'),
    });
    expect(await run('--target', 'service_level>=0.8', '--vary', 'tier9=1..3')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no tier "tier9"'),
    });
    expect(await run('--target', 'service_level>=0.8', '--vary', 'desk=5')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--vary is written'),
    });
    expect(await run()).toMatchObject({ code: 2, stderr: expect.stringContaining('give at least one target') });
    const baseline = await cli([
      'staff',
      'scenarios/baseline.yaml',
      '--vary',
      'tier1=3..5',
      '--target',
      'service_level>=0.8',
      '--out',
      join(directory, 'out'),
    ]);
    expect(baseline).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('tier tier1 has 3 shifts; name one: tier1.early, tier1.late, tier1.weekend'),
    });
    expect(existsSync(join(directory, 'out'))).toBe(false);
  });
});

describe('desksim staff --experiment', () => {
  it('takes the scenario, overrides and bounds from a sweep experiment file', async () => {
    const out = join(temporaryDirectory(), 'experiment');
    const result = await cli([
      'staff',
      '--experiment',
      'scenarios/experiments/tier1-staffing.yaml',
      '--at-least',
      'tiers.tier1.service_level=0.6',
      '--set',
      'horizon.days=10',
      '-r',
      '3',
      '--out',
      out,
      '--json',
      '--no-report',
    ]);
    expect(result.stderr).toBe('');
    const staffing = JSON.parse(result.stdout) as StaffResult;
    // tier1-staffing.yaml: grid tiers.tier1.shifts.0.agents [1, 2, 3] and shifts.1.agents [1, 2, 3].
    expect(staffing.variables.map((variable) => `${variable.name}=${variable.min}..${variable.max}`)).toEqual([
      'tier1.early=1..3',
      'tier1.late=1..3',
    ]);
    expect(staffing.search!.best).not.toBeNull();
    expect(
      await cli([
        'staff',
        'scenarios/baseline.yaml',
        '--experiment',
        'scenarios/experiments/tier1-staffing.yaml',
        '--at-least',
        'service_level=0.5',
      ]),
    ).toMatchObject({ code: 2, stderr: expect.stringContaining('not both') });
  });
});
