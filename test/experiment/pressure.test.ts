/**
 * Pressure experiments: levels, the incentive override, the spill-over table's shape and
 * order, and the matrix. On a branch without the gaming model pressure moves nothing, so
 * these check the plumbing; the effect of pressure is checked once gaming is in.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isImprovement, kpiDirection } from '../../src/metrics/catalog.js';
import {
  incentiveOverride,
  INCENTIVE_KPIS,
  NO_INCENTIVES_OVERRIDE,
  PRESSURE_COLUMNS,
  pressureLevels,
  pressureMatrix,
  pressureMatrixRows,
  pressureMatrixWide,
  pressureResult,
  pressureRows,
  spilloverRows,
  TRUTH_KPIS,
} from '../../src/experiment/pressure.js';
import { runScenario } from '../../src/experiment/run.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { root } from '../support/cli.js';

const file = join(root, 'scenarios', 'textbook', 'tandem.yaml');
const quick = ['horizon.days=3', 'horizon.warmup_days=0', 'replications=3'];
const load = (...overrides: string[]) => loadScenarioFile(file, { overrides: [...quick, ...overrides] }).scenario;

describe('levels and the incentive', () => {
  it('start at 0, ascend, and hold each level once', () => {
    expect(pressureLevels([1, 0.5, 0.5])).toEqual([0, 0.5, 1]);
    expect(pressureLevels([0, 0.25, 0.5, 0.75, 1])).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it("becomes the scenario's only incentive, through the loader", () => {
    const scenario = load(
      'incentives=[{kpi: csat_mean, pressure: 0.3}, {kpi: escalation_rate, pressure: 1}]',
      incentiveOverride('first_response_time_mean', 0.5),
    );
    expect(scenario.incentives).toEqual([{ kpi: 'first_response_time_mean', pressure: 0.5 }]);
    expect(load(NO_INCENTIVES_OVERRIDE).incentives).toEqual([]);
  });
});

describe('directions', () => {
  it('know which way the incentive KPIs and the truth are better', () => {
    for (const kpi of INCENTIVE_KPIS) expect(kpiDirection(kpi), kpi).toBeDefined();
    expect(kpiDirection('first_response_time_mean')).toBe('lower');
    expect(kpiDirection('true_resolution_rate')).toBe('higher');
    expect(kpiDirection('tiers.tier2.queue_wait_mean')).toBe('lower');
    expect(kpiDirection('tickets_created')).toBeUndefined();
    expect(isImprovement('hidden_failure_share', -0.01)).toBe(true);
    expect(isImprovement('csat_mean', -0.1)).toBe(false);
    expect(isImprovement('utilization', 0.1)).toBeUndefined();
  });
});

describe('pressureResult', () => {
  const kpi = 'first_response_time_mean';
  const levels = pressureLevels([0.5, 1]);
  const written = load('incentives=[{kpi: csat_mean, pressure: 0.3}]');
  const runs = levels.map((level) => runScenario(load(incentiveOverride(kpi, level))));
  const result = pressureResult(kpi, written, levels, runs);

  it("has a step per level, each with every KPI's summary and change from pressure 0", () => {
    expect(result).toMatchObject({
      scenario: 'tandem',
      kpi,
      better: 'lower',
      levels: [0, 0.5, 1],
      replications: 3,
      replaced_incentives: [{ kpi: 'csat_mean', pressure: 0.3 }],
    });
    expect(result.steps.map((step) => step.pressure)).toEqual([0, 0.5, 1]);
    for (const step of result.steps) {
      expect(Object.keys(step.change.kpis)).toEqual(Object.keys(step.kpis));
      expect(Object.keys(step.change.tiers)).toEqual(['tier1', 'tier2']);
    }
    // Pressure 0 against itself: exactly no change.
    expect(result.steps[0]!.change.kpis[kpi]).toMatchObject({ difference: 0, ci95: [0, 0], significant: false });
  });

  it('orders the spill-over table: the targeted KPI, the truth, the rest, the tiers', () => {
    const order = spilloverRows(result.steps[0]!.change, kpi).map(([id]) => id);
    expect(order[0]).toBe(kpi);
    expect(order.slice(1, 1 + TRUTH_KPIS.length)).toEqual([...TRUTH_KPIS]);
    expect(TRUTH_KPIS).toEqual(expect.arrayContaining(['true_resolution_rate', 'hidden_failure_share']));
    const firstTier = order.findIndex((id) => id.startsWith('tiers.'));
    expect(order.slice(firstTier).every((id) => id.startsWith('tiers.'))).toBe(true);
    expect(new Set(order).size).toBe(order.length);
  });

  it('writes pressure.csv as one row per KPI and level', () => {
    const rows = pressureRows(result);
    const kpis = spilloverRows(result.steps[0]!.change, kpi).length;
    expect(rows).toHaveLength(kpis * levels.length);
    expect(rows[0]).toHaveLength(PRESSURE_COLUMNS.length);
    expect(rows.slice(0, 3).map((row) => [row[0], row[1], row[2], row[3], row[4]])).toEqual([
      [kpi, 0, kpi, 'targeted', 'lower'],
      [kpi, 0.5, kpi, 'targeted', 'lower'],
      [kpi, 1, kpi, 'targeted', 'lower'],
    ]);
  });
});

describe('pressureMatrix', () => {
  it('has a row per pressured KPI and a column per KPI', () => {
    const scenario = load();
    const reference = runScenario(load(NO_INCENTIVES_OVERRIDE));
    const kpis = INCENTIVE_KPIS.slice(0, 2);
    const matrix = pressureMatrix(
      scenario,
      1,
      kpis,
      reference,
      kpis.map((kpi) => runScenario(load(incentiveOverride(kpi, 1)))),
    );
    expect(matrix.rows.map((row) => row.kpi)).toEqual(kpis);
    const wide = pressureMatrixWide(matrix);
    expect(wide.header[0]).toBe('pressured_kpi');
    expect(wide.header).toContain('true_resolution_rate');
    expect(wide.header).toContain('tiers.tier2.queue_wait_mean');
    expect(wide.rows.map((row) => row[0])).toEqual(kpis);
    expect(wide.rows[0]).toHaveLength(wide.header.length);
    expect(pressureMatrixRows(matrix)).toHaveLength(kpis.length * (wide.header.length - 1));
  });
});
