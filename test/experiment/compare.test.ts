/**
 * Paired differences: worked by hand on small samples; exactly zero for a scenario against
 * itself; and under common random numbers, narrower than the same difference measured with
 * independent seeds (the reason compare uses them).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareRuns,
  comparisonRows,
  COMPARISON_COLUMNS,
  differenceRows,
  pairedDifference,
  uniqueLabels,
} from '../../src/experiment/compare.js';
import { runScenario, type RunResult } from '../../src/experiment/run.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { root } from '../support/cli.js';

const series = (...values: Array<number | null>) => new Map(values.map((value, index) => [index + 1, value]));

describe('pairedDifference', () => {
  it('is the paired Student-t interval of the per-replication differences, worked by hand', () => {
    // Differences 1, 2, 3: mean 2, sd 1, standard error 1/√3; t(0.975, 2) = 4.302653;
    // half-width 2.484138; t statistic 2√3 = 3.464102, two-sided p = 0.074180.
    const result = pairedDifference(series(10, 20, 30), series(11, 22, 33), 'minutes');
    expect(result).toMatchObject({
      unit: 'minutes',
      n: 3,
      reference_mean: 20,
      mean: 22,
      difference: 2,
      sd: 1,
      relative: 0.1,
      significant: false,
    });
    expect(result.ci95![0]).toBeCloseTo(2 - 2.484138, 5);
    expect(result.ci95![1]).toBeCloseTo(2 + 2.484138, 5);
    expect(result.relative_ci95![0]).toBeCloseTo((2 - 2.484138) / 20, 6);
    expect(result.p_value).toBeCloseTo(0.07418, 4);
  });

  it('marks a change significant when its interval excludes 0', () => {
    const result = pairedDifference(series(10, 20, 30, 40), series(9, 18.5, 28.8, 38.2), 'share');
    expect(result.ci95![1]).toBeLessThan(0);
    expect(result.significant).toBe(true);
    expect(result.p_value).toBeLessThan(0.05);
  });

  it('gives exact zeros, not NaN, for identical runs', () => {
    expect(pairedDifference(series(3, 5, 8), series(3, 5, 8), 'tickets')).toEqual({
      unit: 'tickets',
      n: 3,
      reference_mean: 16 / 3,
      mean: 16 / 3,
      difference: 0,
      sd: 0,
      ci95: [0, 0],
      relative: 0,
      relative_ci95: [0, 0],
      p_value: 1,
      significant: false,
    });
    // A reference of zero has no relative change, except no change at all.
    expect(pairedDifference(series(0, 0), series(0, 0), 'share')).toMatchObject({
      relative: 0,
      relative_ci95: [0, 0],
      significant: false,
    });
    expect(pairedDifference(series(0, 0), series(1, 2), 'share')).toMatchObject({
      relative: null,
      relative_ci95: null,
    });
  });

  it('is certain of a constant shift', () => {
    expect(pairedDifference(series(1, 2, 3), series(2, 3, 4), 'tickets')).toMatchObject({
      difference: 1,
      sd: 0,
      ci95: [1, 1],
      p_value: 0,
      significant: true,
    });
  });

  it('pairs only replications where both runs have a value', () => {
    const result = pairedDifference(series(1, null, 3, 4), series(2, 5, null, 6), 'score');
    expect(result).toMatchObject({ n: 2, reference_mean: 2.5, mean: 4, difference: 1.5 });
    expect(pairedDifference(series(null), series(1), 'score')).toMatchObject({
      n: 0,
      difference: null,
      ci95: null,
      p_value: null,
      significant: false,
    });
    // A KPI on one side only (an AI's coverage against a desk without one) still shows that side's mean.
    expect(pairedDifference(series(null, null), series(0.3, 0.5), 'share')).toMatchObject({
      n: 0,
      reference_mean: null,
      mean: 0.4,
      difference: null,
    });
    expect(pairedDifference(series(1), series(2), 'score')).toMatchObject({
      n: 1,
      difference: 1,
      ci95: null,
      p_value: null,
      significant: false,
    });
  });
});

describe('uniqueLabels', () => {
  it('numbers a repeated name from its second use, avoiding names already taken', () => {
    expect(uniqueLabels(['baseline', 'baseline', 'other'])).toEqual(['baseline', 'baseline-2', 'other']);
    expect(uniqueLabels(['a', 'a-2', 'a'])).toEqual(['a', 'a-2', 'a-3']);
  });
});

const load = (file: string, overrides: string[] = []) =>
  loadScenarioFile(join(root, 'scenarios', file), { overrides: ['horizon.days=28', 'replications=8', ...overrides] })
    .scenario;

describe('compareRuns', () => {
  const baseline = runScenario(load('textbook/tandem.yaml', ['horizon.days=5', 'replications=3']));

  it('compares a scenario with itself: every difference exactly 0, CI [0, 0], nothing significant', () => {
    const comparison = compareRuns([
      { label: 'a', name: 'tandem', file: 'a.yaml', result: baseline },
      {
        label: 'b',
        name: 'tandem',
        file: 'a.yaml',
        result: runScenario(load('textbook/tandem.yaml', ['horizon.days=5', 'replications=3'])),
      },
    ]);
    const rows = differenceRows(comparison.contrasts[0]!);
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.some(([kpi]) => kpi.startsWith('tiers.tier2.'))).toBe(true);
    for (const [kpi, difference] of rows) {
      if (difference.n === 0) continue; // KPIs the textbook desk cannot have (surveys, SLA)
      expect(difference.difference, kpi).toBe(0);
      expect(difference.ci95, kpi).toEqual([0, 0]);
      expect(difference.significant, kpi).toBe(false);
      expect(difference.p_value, kpi).toBe(1);
    }
    const csv = comparisonRows(comparison);
    expect(csv).toHaveLength(rows.length);
    expect(csv[0]).toHaveLength(COMPARISON_COLUMNS.length);
  });

  it('refuses runs with different seeds: they are not common random numbers', () => {
    const other = runScenario(load('textbook/tandem.yaml', ['horizon.days=5', 'replications=3', 'seed=99']));
    expect(() =>
      compareRuns([
        { label: 'a', name: 'tandem', file: 'a.yaml', result: baseline },
        { label: 'b', name: 'tandem', file: 'a.yaml', result: other },
      ]),
    ).toThrow(/not common random numbers/);
  });
});

describe('common random numbers', () => {
  /** Half-width of the paired 95 % interval of (b − a) for a KPI. */
  const halfWidth = (a: RunResult, b: RunResult, kpi: string, tier?: string): number => {
    const comparison = compareRuns([
      { label: 'a', name: 'a', file: 'a', result: a },
      { label: 'b', name: 'b', file: 'b', result: { ...b, summary: { ...b.summary, seed: a.summary.seed } } },
    ]);
    const contrast = comparison.contrasts[0]!;
    const difference = tier === undefined ? contrast.kpis[kpi]! : contrast.tiers[tier]![kpi]!;
    return (difference.ci95![1] - difference.ci95![0]) / 2;
  };

  // Baseline against one more agent on Tier 1's early shift: with the same seed, replication
  // r of both sees the same tickets; with other seeds, different ones. The independent
  // half-width is averaged over three seeds so the check does not hang on one draw.
  const baseline = runScenario(load('baseline.yaml'));
  const moreAgents = runScenario(load('baseline.yaml', ['tiers.tier1.shifts.0.agents=3']));
  const elsewhere = [7, 11, 13].map((seed) =>
    runScenario(load('baseline.yaml', ['tiers.tier1.shifts.0.agents=3', `seed=${seed}`])),
  );

  // Tier 1's own waits and the first response (Tier 1 gives it) follow the change closely:
  // CRN cuts their interval several-fold. Desk-wide waits and resolution times also carry
  // Tier 2, engineering and returning customers, whose draws shift with the event order.
  const cases = [
    { kpi: 'queue_wait_mean', tier: undefined, atMost: 1 },
    { kpi: 'resolution_time_mean', tier: undefined, atMost: 1 },
    { kpi: 'first_response_time_mean', tier: undefined, atMost: 0.5 },
    { kpi: 'queue_wait_mean', tier: 'tier1', atMost: 0.5 },
  ] as const;
  for (const { kpi, tier, atMost } of cases) {
    it(`narrows the interval of the change in ${tier === undefined ? '' : `tiers.${tier}.`}${kpi}`, () => {
      const shared = halfWidth(baseline, moreAgents, kpi, tier);
      const independent =
        elsewhere.reduce((sum, other) => sum + halfWidth(baseline, other, kpi, tier), 0) / elsewhere.length;
      expect(shared, `CRN half-width ${shared} vs independent seeds ${independent}`).toBeLessThan(atMost * independent);
    });
  }
});
