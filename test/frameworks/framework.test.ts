/** Frameworks as data: the file format's located errors, the scoring rules by hand, rank correlation, the design. */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { latinHypercube } from '../../src/frameworks/design.js';
import {
  definitionOverrides,
  frameworkRule,
  kpiScales,
  loadFramework,
  score,
  type Framework,
} from '../../src/frameworks/framework.js';
import { spearman, ranks, bootstrapPaired } from '../../src/frameworks/statistics.js';
import { frameworkIncentives } from '../../src/frameworks/evaluate.js';
import { loadStudy } from '../../src/frameworks/study.js';
import { ScenarioError } from '../../src/document/errors.js';
import { root, temporaryDirectory } from '../support/cli.js';

const directory = temporaryDirectory();
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function problems(text: string): string {
  const file = join(directory, 'framework.yaml');
  writeFileSync(file, text);
  try {
    loadFramework(file);
    return 'valid';
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return error.message.replaceAll(directory, '<dir>');
  }
}

describe('framework files', () => {
  it('loads every shipped framework', () => {
    const folder = join(root, 'scenarios', 'frameworks');
    const files = readdirSync(folder).filter((file) => file.endsWith('.yaml') && file !== 'study.yaml');
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) expect(loadFramework(join(folder, file)).source.length).toBeGreaterThan(10);
  });

  it('loads the shipped study: five frameworks, twenty desks, every desk a valid scenario', () => {
    const loaded = loadStudy(join(root, 'scenarios', 'frameworks', 'study.yaml'));
    expect(loaded.frameworks.map(({ framework }) => framework.name)).toEqual([
      'speed-dashboard',
      'itil-sla',
      'sqm-customer-outcome',
      'balanced-scorecard',
      'effort-based',
    ]);
    expect(loaded.desks).toHaveLength(20);
    expect(loaded.base.horizon.days).toBe(28);
  });

  it('reports each problem where it was written', () => {
    expect(
      problems('name: x\nsource: a test\nkpis: [{ kpi: fcr_rate }]\nmetrics: { clock: wallclock }\n'),
    ).toMatchInlineSnapshot(`
      "<dir>/framework.yaml:4:19  metrics.clock
        expected one of calendar, business; found "wallclock""
    `);
    // Checks across fields, once every field is well-formed.
    expect(
      problems(`name: x
source: a test
rule: targets_met
kpis:
  - { kpi: csat_maen, target: 4 }
  - { kpi: utilization, target: 0.8 }
  - { kpi: fcr_rate }
`),
    ).toMatchInlineSnapshot(`
      "<dir>/framework.yaml:5:12  kpis.0.kpi
        unknown KPI "csat_maen" — did you mean "csat_mean"?
      <dir>/framework.yaml:6:5  kpis.1
        utilization has no usual direction: say whether higher or lower is better (direction: higher)
      <dir>/framework.yaml:7:5  kpis.2
        rule targets_met needs a target for fcr_rate (target: <value>)"
    `);
  });
});

const framework = (rule: Framework['rule'], kpis: Framework['kpis']): Framework => ({
  name: 't',
  source: 's',
  rule,
  tolerance: 0.5,
  kpis,
  metrics: {},
});

describe('scoring rules', () => {
  // Three desks: fcr 0.6, 0.7, 0.8 (mean 0.7, sd 0.1); first response 30, 60, 90 min (mean 60, sd 30).
  const desks = [
    { fcr_rate: 0.6, first_response_time_mean: 30 },
    { fcr_rate: 0.7, first_response_time_mean: 60 },
    { fcr_rate: 0.8, first_response_time_mean: 90 },
  ];
  const kpis = [
    { kpi: 'fcr_rate', weight: 2 },
    { kpi: 'first_response_time_mean', weight: 1 },
  ];

  it('weighted_sum: Σ weight · z / Σ weight, z signed so that up is better', () => {
    const rule = frameworkRule(framework('weighted_sum', kpis));
    const scales = kpiScales(rule.kpis, desks);
    // Desk 1: fcr z = (0.6 − 0.7) / 0.1 = −1; first response z = −(30 − 60) / 30 = +1 (lower is better) → (2 · −1 + 1) / 3.
    expect(score(rule, desks[0]!, scales)).toBeCloseTo(-1 / 3, 12);
    expect(score(rule, desks[1]!, scales)).toBeCloseTo(0, 12);
  });

  it('targets_met: the weighted share of targets met', () => {
    const rule = frameworkRule(
      framework('targets_met', [
        { kpi: 'fcr_rate', weight: 2, target: 0.7 },
        { kpi: 'first_response_time_mean', weight: 1, target: 45 },
      ]),
    );
    const scales = kpiScales(rule.kpis, desks);
    expect(score(rule, desks[0]!, scales)).toBeCloseTo(1 / 3, 12); // fcr 0.6 < 0.7 missed; 30 ≤ 45 met
    expect(score(rule, desks[1]!, scales)).toBeCloseTo(2 / 3, 12); // fcr met; 60 > 45 missed
    expect(score(rule, { fcr_rate: null, first_response_time_mean: 40 }, scales)).toBeCloseTo(1 / 3, 12); // no value: not met
  });

  it('lexicographic: the first KPI decides unless two desks tie on it', () => {
    const rule = frameworkRule(framework('lexicographic', kpis));
    const scales = kpiScales(rule.kpis, desks);
    // fcr 0.71 and 0.72 fall in the same band (z 0.1 and 0.2, bands of 0.5 sd): first response decides.
    const fast = score(rule, { fcr_rate: 0.71, first_response_time_mean: 30 }, scales);
    const slow = score(rule, { fcr_rate: 0.72, first_response_time_mean: 90 }, scales);
    expect(fast).toBeGreaterThan(slow);
    // A band better on fcr beats any first response.
    expect(score(rule, { fcr_rate: 0.8, first_response_time_mean: 1000 }, scales)).toBeGreaterThan(
      score(rule, { fcr_rate: 0.7, first_response_time_mean: 0 }, scales),
    );
  });

  it('pressure follows the weights, on KPIs of the incentive table only', () => {
    const rule = frameworkRule(framework('weighted_sum', [...kpis, { kpi: 'true_resolution_rate', weight: 4 }]));
    expect(frameworkIncentives(rule, 1)).toEqual([
      { kpi: 'fcr_rate', pressure: 0.5 },
      { kpi: 'first_response_time_mean', pressure: 0.25 },
    ]);
  });

  it('definitions become sorted --set overrides', () => {
    expect(definitionOverrides({ fcr_window_days: 3, clock: 'business' })).toEqual([
      'metrics.clock="business"',
      'metrics.fcr_window_days=3',
    ]);
  });
});

describe('statistics', () => {
  it('ranks ties at their mean rank, and Spearman is Pearson on ranks', () => {
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 1000])).toBe(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
    // d = (0, 1, −1, 0): 1 − 6 · 2 / (4 · 15) = 0.8.
    expect(spearman([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 12);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
  });

  it('bootstraps the same interval from the same seed', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const y = [2, 1, 4, 3, 6, 5, 8, 7];
    const a = bootstrapPaired(x, y, spearman, { resamples: 500, seed: 4, purpose: 'test' });
    expect(a).toEqual(bootstrapPaired(x, y, spearman, { resamples: 500, seed: 4, purpose: 'test' }));
    expect(a.ci95![0]).toBeLessThan(a.value!);
    expect(a.ci95![1]).toBeGreaterThanOrEqual(a.value!);
  });
});

describe('Latin hypercube', () => {
  it('uses every stratum of a range once and every level equally often', () => {
    const points = latinHypercube({ load: { min: 0, max: 10 }, staff: [1, 2] }, 10, 5);
    const strata = points.map((point) => Math.floor(point.load as number)).sort((a, b) => a - b);
    expect(strata).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(points.filter((point) => point.staff === 1)).toHaveLength(5);
    expect(latinHypercube({ load: { min: 0, max: 10 }, staff: [1, 2] }, 10, 5)).toEqual(points);
    expect(latinHypercube({ load: { min: 0, max: 10 }, staff: [1, 2] }, 10, 6)).not.toEqual(points);
  });
});
