/**
 * Pressure moves the desk once the gaming model is in: pressure on the first response time
 * improves it on the dashboard, and the spill-over table shows what it cost (fewer first
 * replies that say anything).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { incentiveOverride, pressureLevels, pressureResult } from '../../src/experiment/pressure.js';
import { runScenario } from '../../src/experiment/run.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { root } from '../support/cli.js';

describe('pressure on first_response_time_mean (baseline desk, same seeds)', () => {
  const file = join(root, 'scenarios', 'baseline.yaml');
  const kpi = 'first_response_time_mean';
  const levels = pressureLevels([1]);
  const load = (override?: string) =>
    loadScenarioFile(file, {
      overrides: ['horizon.days=21', 'replications=6', ...(override === undefined ? [] : [override])],
    }).scenario;
  const result = pressureResult(
    kpi,
    load(),
    levels,
    levels.map((level) => runScenario(load(incentiveOverride(kpi, level)))),
  );
  const top = result.steps[1]!.change;

  it('improves it: lower, and the paired interval excludes 0', () => {
    expect(result.better).toBe('lower');
    expect(top.kpis[kpi]!.significant).toBe(true);
    expect(top.kpis[kpi]!.ci95![1]).toBeLessThan(0);
  });

  it('shows the cost: first replies are substantive less often', () => {
    const substantive = top.kpis.first_response_substantive_share!;
    expect(substantive.significant).toBe(true);
    expect(substantive.difference).toBeLessThan(0);
  });
});
