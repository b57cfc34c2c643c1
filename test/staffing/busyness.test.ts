import { describe, expect, it } from 'vitest';
import { BusyDaysRate, busyDayFactors, PiecewiseRate, ThinningArrivals } from '../../src/engine/arrivals.js';
import { createStream } from '../../src/engine/random.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { kpiColumns, runScenario } from '../../src/experiment/run.js';
import { parseVary } from '../../src/staffing/plan.js';
import { runStaff } from '../../src/staffing/staff.js';
import { parseTarget } from '../../src/experiment/targets.js';
import { join } from 'node:path';
import { root } from '../support/cli.js';

describe('day-to-day forecast error', () => {
  it('draws factors of mean 1 and the given coefficient of variation', () => {
    const factors = busyDayFactors(40_000, 0.2, createStream(1, 1, 'arrivals.busyness'));
    const mean = factors.reduce((sum, value) => sum + value, 0) / factors.length;
    const sd = Math.sqrt(factors.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (factors.length - 1));
    // Standard error of the mean: 0.2/√40000 = 0.001; of the sd about 0.2/√(2·40000) ≈ 0.0008 (gamma: a bit more).
    expect(Math.abs(mean - 1)).toBeLessThan(0.004);
    expect(Math.abs(sd - 0.2)).toBeLessThan(0.004);
    expect(busyDayFactors(10, 0, createStream(1, 1, 'x'))).toHaveLength(0);
  });

  it('spreads daily arrival counts beyond Poisson: variance λ + (cv·λ)²', () => {
    const days = 2000;
    const perMinute = 1;
    const base = new PiecewiseRate(perMinute, new Float64Array(days * 24).fill(1));
    const rate = new BusyDaysRate(base, busyDayFactors(days, 0.1, createStream(3, 1, 'arrivals.busyness')));
    const process = new ThinningArrivals(rate, createStream(3, 1, 'arrivals'));
    const counts = new Float64Array(days);
    for (let t = process.next(0); t < days * 1440; t = process.next(t)) counts[Math.floor(t / 1440)]!++;
    const mean = counts.reduce((sum, value) => sum + value, 0) / days;
    const variance = counts.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (days - 1);
    // λ = 1440 a day: Poisson alone gives 1440; with cv 0.1 the variance is 1440 + 144² = 22,176.
    expect(mean).toBeGreaterThan(1440 * 0.98);
    expect(mean).toBeLessThan(1440 * 1.02);
    expect(variance).toBeGreaterThan(22_176 * 0.85);
    expect(variance).toBeLessThan(22_176 * 1.15);
  });

  it('is off by default: cv 0 gives the very same run as no busyness', () => {
    const file = join(root, 'scenarios/textbook/mmc.yaml');
    const plain = runScenario(
      loadScenarioFile(file, { overrides: ['horizon.days=3', 'replications=2'] }).scenario,
    ).summary;
    const zero = runScenario(
      loadScenarioFile(file, { overrides: ['horizon.days=3', 'replications=2', 'arrivals.busyness_cv=0'] }).scenario,
    ).summary;
    const busy = runScenario(
      loadScenarioFile(file, { overrides: ['horizon.days=3', 'replications=2', 'arrivals.busyness_cv=0.3'] }).scenario,
    ).summary;
    expect(JSON.stringify(zero)).toBe(JSON.stringify(plain));
    expect(busy.kpis.tickets_created!.mean).not.toBe(plain.kpis.tickets_created!.mean);
  });

  it('staff states what the forecast error costs against a perfect forecast', async () => {
    const scenario = loadScenarioFile(join(root, 'scenarios/textbook/mmc.yaml'), {
      overrides: [
        'arrivals.rate_per_hour=30',
        'metrics.service_level_threshold=1',
        'horizon.days=10',
        'horizon.warmup_days=1',
        'replications=4',
        'arrivals.busyness_cv=0.25',
      ],
    }).scenario;
    const result = await runStaff({
      scenario,
      variables: [parseVary('desk=1..30', scenario)],
      targets: [parseTarget('service_level>=0.8', kpiColumns(scenario))],
      shrinkage: 0,
      replications: 4,
      maxReplications: 16,
    });
    const error = result.forecastError!;
    // Without the error this is the textbook case of staff-mmc.test.ts: Erlang C's 8 agents.
    expect(error.perfectPlan).toBe('desk=8');
    expect(error.extraCost).toBe(result.search!.best!.cost - error.perfectCost!);
    expect(error.extraCost!).toBeGreaterThanOrEqual(0);
  });
});
