/**
 * `staff` on the textbook M/M/c queue answers what Erlang C answers. Each case's target lies
 * between the service levels of c* − 1 and c* agents with at least 6 points to spare on both
 * sides (asserted below), while a candidate's 95 % interval over 4 replications of 10 days
 * (≈ 4,000–13,000 tickets each) is about ±2 points wide: the simulation's verdict on c* and
 * c* − 1 is decisive, so the answer must be c* unless the simulator or the search is wrong.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { minimalAgents, queueMeasures } from '../../src/staffing/erlang.js';
import { fixedStaffCost, parseVary } from '../../src/staffing/plan.js';
import { searchStaffing } from '../../src/staffing/search.js';
import { runStaff } from '../../src/staffing/staff.js';
import { parseTarget } from '../../src/experiment/targets.js';
import { kpiColumns } from '../../src/experiment/run.js';
import { root } from '../support/cli.js';

const cases = [
  { rate: 54, threshold: 5, level: 0.75 },
  { rate: 54, threshold: 1, level: 0.72 },
  { rate: 30, threshold: 1, level: 0.8 },
  { rate: 18, threshold: 3, level: 0.75 },
];

function scenarioFor(rate: number, threshold: number) {
  return loadScenarioFile(join(root, 'scenarios/textbook/mmc.yaml'), {
    overrides: [
      `arrivals.rate_per_hour=${rate}`,
      `metrics.service_level_threshold=${threshold}`,
      'horizon.days=10',
      'horizon.warmup_days=1',
      'replications=4',
    ],
  }).scenario;
}

describe('staff on M/M/c with a service-level target', () => {
  for (const { rate, threshold, level } of cases) {
    it(`λ = ${rate}/h, ${level * 100} % within ${threshold} min: Erlang C's agents`, async () => {
      const load = { arrivalsPerHour: rate, handleMinutes: 10, thresholdMinutes: threshold };
      const erlang = minimalAgents(load, { serviceLevel: level }).agents;
      expect(queueMeasures(load, erlang).serviceLevel - level).toBeGreaterThan(0.06);
      expect(level - queueMeasures(load, erlang - 1).serviceLevel).toBeGreaterThan(0.06);

      const scenario = scenarioFor(rate, threshold);
      const result = await runStaff({
        scenario,
        variables: [parseVary('desk=1..40', scenario)],
        targets: [parseTarget(`service_level>=${level}`, kpiColumns(scenario))],
        shrinkage: 0,
        replications: 4,
        maxReplications: 16,
      });
      expect(result.analytic.start).toEqual([erlang]);
      expect(result.search!.best!.plan).toEqual([erlang]);
      // The search looked one agent below and found it short.
      const below = result.search!.candidates.find((candidate) => candidate.plan[0] === erlang - 1)!;
      expect(below.feasible).toBe(false);
    });
  }

  it('finds the same answer from a far start, climbing or descending', async () => {
    const scenario = scenarioFor(30, 1);
    const variables = [parseVary('desk=1..40', scenario)];
    const targets = [parseTarget('service_level>=0.8', kpiColumns(scenario))];
    const base = {
      scenario,
      variables,
      fixedCost: fixedStaffCost(scenario, variables),
      targets,
      replications: 4,
      maxReplications: 16,
    };
    for (const start of [[5], [13]]) {
      const outcome = await searchStaffing({ ...base, start });
      expect(outcome.best!.plan).toEqual([8]);
      // Never the same candidate twice.
      expect(new Set(outcome.candidates.map((candidate) => candidate.text)).size).toBe(outcome.candidates.length);
    }
  });
});
