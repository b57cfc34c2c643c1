/** `desksim compare`, `sweep` and `pressure` in-process: output directories, JSON, bad input. */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPARISON_COLUMNS } from '../../src/experiment/compare.js';
import { INCENTIVE_KPIS, PRESSURE_COLUMNS } from '../../src/experiment/pressure.js';
import { PRESSURE_WHO_PAYS_COLUMNS, WHO_PAYS_COLUMNS } from '../../src/experiment/who-pays.js';
import { cli, root, temporaryDirectory } from '../support/cli.js';

const quick = ['--set', 'horizon.days=10', '--set', 'horizon.warmup_days=2', '--replications', '3'];
const csvLines = (file: string) => readFileSync(file, 'utf8').trim().split('\n');

describe('desksim compare', () => {
  it("writes comparison.json, comparison.csv and each scenario's files in a sub-folder", async () => {
    const out = join(temporaryDirectory(), 'compare');
    const result = await cli([
      'compare',
      'scenarios/baseline.yaml',
      'scenarios/understaffed-tier2.yaml',
      'scenarios/kb-investment.yaml',
      '--out',
      out,
      ...quick,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      '.desksim-output',
      'baseline',
      'charts',
      'comparison.csv',
      'comparison.json',
      'kb-investment',
      'report.html',
      'understaffed-tier2',
      'who-pays.csv',
    ]);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual(['compare-forest.svg', 'compare-forest.vl.json']);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(
      /Against baseline, understaffed-tier2 is significantly worse on \d+ KPIs? and better on \d+ KPIs?/,
    );
    expect(readdirSync(join(out, 'understaffed-tier2')).sort()).toEqual([
      'kpis.csv',
      'scenario.resolved.yaml',
      'summary.json',
    ]);
    const comparison = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    expect(comparison).toMatchObject({ seed: 2026, replications: 3, reference: 'baseline', notes: [] });
    expect(comparison.contrasts.map((contrast: { scenario: string }) => contrast.scenario)).toEqual([
      'understaffed-tier2',
      'kb-investment',
    ]);
    expect(Object.keys(comparison.contrasts[0].tiers)).toEqual(['tier1', 'tier2', 'live']);
    expect(comparison.contrasts[0].kpis.resolution_time_mean).toMatchObject({ unit: 'minutes', n: 3 });
    const lines = csvLines(join(out, 'comparison.csv'));
    expect(lines[0]).toBe(COMPARISON_COLUMNS.join(','));
    expect(lines[1]).toMatch(/^understaffed-tier2,baseline,tickets_created,tickets,3,/);
    // Who pays: per ticket category, the change of its waits and truth.
    const whoPays = csvLines(join(out, 'who-pays.csv'));
    expect(whoPays[0]).toBe(WHO_PAYS_COLUMNS.join(','));
    expect(whoPays[1]).toMatch(/^understaffed-tier2,baseline,account,queue_wait_mean,minutes,3,/);
    expect(Object.keys(comparison.contrasts[0].who_pays)).toEqual([
      'account',
      'billing',
      'bug',
      'feature_request',
      'how_to',
      'integration',
    ]);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(
      'Who pays: understaffed-tier2 against baseline, by ticket category',
    );
    expect(result.stdout).toMatch(/Who pays/);
    // The terminal table: one section per compared scenario, significant changes marked.
    expect(result.stdout).toContain('understaffed-tier2 − baseline\n');
    expect(result.stdout).toContain('kb-investment − baseline\n');
    expect(result.stdout).toMatch(/tiers\.tier2\.utilization .* \*/);
    expect(result.stdout).toContain(`Wrote ${out}\nCharts and findings: ${join(out, 'report.html')}\n`);
  });

  it('compares a scenario with itself: zero everywhere, labels made unique', async () => {
    const out = join(temporaryDirectory(), 'self');
    const result = await cli([
      'compare',
      'scenarios/textbook/mmc.yaml',
      'scenarios/textbook/mmc.yaml',
      '--out',
      out,
      '--json',
      '--set',
      'horizon.days=3',
      '-r',
      '3',
    ]);
    expect(result.code).toBe(0);
    const comparison = JSON.parse(result.stdout);
    expect(comparison.scenarios.map((scenario: { label: string }) => scenario.label)).toEqual(['mmc', 'mmc-2']);
    expect(readFileSync(join(out, 'comparison.json'), 'utf8')).toBe(result.stdout);
    for (const [kpi, difference] of Object.entries<{
      difference: number | null;
      ci95: number[] | null;
      significant: boolean;
      n: number;
    }>(comparison.contrasts[0].kpis)) {
      if (difference.n === 0) continue;
      expect([difference.difference, difference.ci95, difference.significant], kpi).toEqual([0, [0, 0], false]);
    }
  });

  it("runs every scenario with the first one's seed, and says so", async () => {
    const directory = temporaryDirectory();
    const other = join(directory, 'other.yaml');
    writeFileSync(other, `extends: ${join(root, 'scenarios', 'textbook', 'mmc.yaml')}\nname: other\nseed: 99\n`);
    const result = await cli([
      'compare',
      'scenarios/textbook/mmc.yaml',
      other,
      '--out',
      join(directory, 'out'),
      '--set',
      'horizon.days=3',
      '-r',
      '2',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Note: other has seed 99; it ran with 1, the first scenario's");
    const summary = JSON.parse(readFileSync(join(directory, 'out', 'other', 'summary.json'), 'utf8'));
    expect(summary.seed).toBe(1);
  });

  it('refuses fewer than two scenarios, and bad scenarios, with exit 2 and nothing written', async () => {
    const directory = temporaryDirectory();
    expect((await cli(['compare', 'scenarios/baseline.yaml', '--out', join(directory, 'one')])).code).toBe(2);
    const bad = join(directory, 'bad.yaml');
    writeFileSync(bad, 'name: bad\ntiers:\n  - id: tier1\n    agents: -3\n');
    const result = await cli(['compare', 'scenarios/baseline.yaml', bad, '--out', join(directory, 'out')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${bad}:4:13`);
    expect(readdirSync(directory)).toEqual(['bad.yaml']);
  });
});

describe('desksim sweep', () => {
  it('writes sweep.json and sweep.csv and prints a row per point', async () => {
    const out = join(temporaryDirectory(), 'sweep');
    const result = await cli([
      'sweep',
      'scenarios/experiments/tier1-staffing.yaml',
      '--out',
      out,
      '--set',
      'horizon.days=10',
      '-r',
      '2',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.desksim-output', 'charts', 'report.html', 'sweep.csv', 'sweep.json']);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual(['sweep-curves.svg', 'sweep-curves.vl.json']);
    const sweep = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8'));
    expect(sweep).toMatchObject({
      experiment: 'tier1-staffing',
      scenario: 'baseline',
      seed: 2026,
      replications: 2,
      parameters: ['tiers.tier1.shifts.0.agents', 'tiers.tier1.shifts.1.agents'],
    });
    expect(sweep.points).toHaveLength(9);
    expect(sweep.points[0].kpis.first_response_time_mean).toMatchObject({ n: 2, unit: 'minutes' });
    const lines = csvLines(join(out, 'sweep.csv'));
    expect(lines[0]).toBe(
      'point,tiers.tier1.shifts.0.agents,tiers.tier1.shifts.1.agents,kpi,unit,mean,sd,ci95_low,ci95_high,n',
    );
    expect(lines[1]).toMatch(/^1,1,1,tickets_created,tickets,/);
    expect((lines.length - 1) % 9).toBe(0);
    expect(result.stdout.split('\n').filter((line) => /^ {2}\d+ /.test(line))).toHaveLength(9);
  });

  it('refuses a bad experiment file with exit 2, file:line:column, and no output directory', async () => {
    const directory = temporaryDirectory();
    const file = join(directory, 'bad.yaml');
    writeFileSync(
      file,
      `name: bad\nscenario: ${join(root, 'scenarios', 'baseline.yaml')}\ngrid:\n  tiers.tier1.shifts.0.agents: [4, -1]\n`,
    );
    const out = join(directory, 'out');
    const result = await cli(['sweep', file, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${file}:4:36  tiers.tier1.shifts.0.agents\n  expected an integer from 0 to 100000, found -1\n`,
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(directory)).toEqual(['bad.yaml']);
  });
});

describe('desksim pressure', () => {
  it('writes pressure.json and pressure.csv: every KPI at every level', async () => {
    const out = join(temporaryDirectory(), 'pressure');
    const result = await cli([
      'pressure',
      'scenarios/baseline.yaml',
      '--kpi',
      'first_response_time_mean',
      '--steps',
      '0.5,1',
      '--out',
      out,
      ...quick,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      '.desksim-output',
      'charts',
      'pressure.csv',
      'pressure.json',
      'report.html',
      'who-pays.csv',
    ]);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual([
      'dashboard-vs-truth.svg',
      'dashboard-vs-truth.vl.json',
      'pressure-heatmap.svg',
      'pressure-heatmap.vl.json',
    ]);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/At pressure 1, /);
    const pressure = JSON.parse(readFileSync(join(out, 'pressure.json'), 'utf8'));
    expect(pressure).toMatchObject({
      scenario: 'baseline',
      kpi: 'first_response_time_mean',
      better: 'lower',
      levels: [0, 0.5, 1],
      replaced_incentives: [],
    });
    expect(pressure.steps.map((step: { pressure: number }) => step.pressure)).toEqual([0, 0.5, 1]);
    expect(pressure.steps[2].change.kpis.hidden_failure_share).toMatchObject({ unit: 'share', n: 3 });
    expect(pressure.steps[2].who_pays.bug.queue_wait_p90).toMatchObject({ unit: 'minutes', n: 3 });
    const whoPays = csvLines(join(out, 'who-pays.csv'));
    expect(whoPays[0]).toBe(PRESSURE_WHO_PAYS_COLUMNS.join(','));
    expect(whoPays[1]).toMatch(/^0\.5,pressure 0,account,queue_wait_mean,minutes,3,/);
    expect(result.stdout).toMatch(/At pressure 1: Who pays/);
    const lines = csvLines(join(out, 'pressure.csv'));
    expect(lines[0]).toBe(PRESSURE_COLUMNS.join(','));
    expect(lines.slice(1, 4).map((line) => line.split(',').slice(0, 4).join(','))).toEqual([
      'first_response_time_mean,0,first_response_time_mean,targeted',
      'first_response_time_mean,0.5,first_response_time_mean,targeted',
      'first_response_time_mean,1,first_response_time_mean,targeted',
    ]);
    expect(lines[4]).toMatch(/^first_response_time_mean,0,true_resolution_rate,truth,higher,/);
    // The table: the targeted KPI first, then the truth, in words which way is better.
    expect(result.stdout).toContain('Lower first_response_time_mean is better.');
    const order = ['the KPI under pressure', 'the truth (simulation only)', 'the other KPIs', 'per tier'].map(
      (heading) => result.stdout.indexOf(heading),
    );
    expect(order.every((position, index) => position > 0 && (index === 0 || position > order[index - 1]!))).toBe(true);
  });

  it("says so when it replaces the scenario's own incentives", async () => {
    const result = await cli([
      'pressure',
      'scenarios/textbook/mmc.yaml',
      '--kpi',
      'csat_mean',
      '--steps',
      '1',
      '--set',
      'incentives=[{kpi: escalation_rate, pressure: 0.4}]',
      '--out',
      temporaryDirectory(),
      '--set',
      'horizon.days=3',
      '-r',
      '2',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "Note: the scenario's own incentives (escalation_rate at 0.4) were replaced by pressure on csat_mean alone.",
    );
  });

  it('--all-kpis writes the matrix: a row per incentive KPI, a column per KPI', async () => {
    const out = join(temporaryDirectory(), 'matrix');
    const result = await cli([
      'pressure',
      'scenarios/textbook/mmc.yaml',
      '--all-kpis',
      '--level',
      '0.8',
      '--out',
      out,
      '--set',
      'horizon.days=3',
      '-r',
      '2',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      '.desksim-output',
      'charts',
      'pressure-matrix-long.csv',
      'pressure-matrix.csv',
      'pressure-matrix.json',
      'report.html',
    ]);
    const matrix = JSON.parse(readFileSync(join(out, 'pressure-matrix.json'), 'utf8'));
    expect(matrix).toMatchObject({ scenario: 'mmc', level: 0.8 });
    expect(matrix.rows.map((row: { kpi: string }) => row.kpi)).toEqual(INCENTIVE_KPIS);
    const wide = csvLines(join(out, 'pressure-matrix.csv'));
    expect(wide).toHaveLength(INCENTIVE_KPIS.length + 1);
    expect(wide[0]).toMatch(/^pressured_kpi,tickets_created,.*,hidden_failure_share,.*tiers\.desk\.utilization$/);
  });

  for (const [args, message] of [
    [['--kpi', 'first_respons_time_mean'], 'did you mean "first_response_time_mean"?'],
    [['--kpi', 'tickets_created'], '"tickets_created" is a KPI, but no incentive acts on it'],
    [[], 'which KPI?'],
    [['--kpi', 'csat_mean', '--steps', '0,2'], '--steps expects pressure levels from 0 to 1, found "2"'],
  ] as const) {
    it(`refuses ${args.join(' ') || 'no --kpi'} with exit 2 and nothing written`, async () => {
      const directory = temporaryDirectory();
      const result = await cli(['pressure', 'scenarios/baseline.yaml', ...args, '--out', join(directory, 'out')]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
      expect(readdirSync(directory)).toEqual([]);
    });
  }
});

describe('experiment --help', () => {
  for (const command of ['compare', 'sweep', 'pressure']) {
    it(`${command} --help teaches with examples`, async () => {
      const result = await cli([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Examples:\n  $ desksim ' + command);
    });
  }
});
