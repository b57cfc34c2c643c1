/**
 * Ground truth: a resolution the agent believes good is really a fix only with the tier's
 * accuracy (per complexity). Truth is drawn from its own stream, so it never moves the
 * observed desk.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run.js';
import { KPI_CATALOG, TRUTH_KPI_IDS } from '../../src/metrics/catalog.js';
import { ArraySink } from '../../src/eventlog/types.js';
import { buildDesk } from '../../src/model/build.js';
import { simulate } from '../../src/model/simulate.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { expectInside } from '../support/cli.js';

// Customers do not react here (return_when_not_fixed = 0): these tests isolate the truth
// mechanism itself; test/model/customers.test.ts covers what hidden failures cause.
const mmc = (overrides: string[]) =>
  loadScenarioFile('scenarios/textbook/mmc.yaml', {
    overrides: ['horizon.days=8', 'replications=8', 'customers.return_when_not_fixed=0', ...overrides],
  }).scenario;

describe('ground truth', () => {
  it('hidden failures occur at 1 − accuracy of resolutions', () => {
    const { summary } = runScenario(mmc(['tiers.desk.accuracy=0.7']));
    expectInside(summary.kpis.hidden_failure_share, 0.3, 'hidden failure share');
    // Almost every measured ticket is resolved in an M/M/c that keeps up, so the true
    // resolution rate is close to the accuracy.
    expect(summary.kpis.true_resolution_rate!.mean).toBeGreaterThan(0.68);
    expect(summary.kpis.true_resolution_rate!.mean).toBeLessThan(0.71);
  });

  it('with accuracy 1 every resolution is a real fix, and each carries a truth_fixed event', () => {
    const scenario = mmc(['replications=1', 'horizon.days=2', 'horizon.warmup_days=0']);
    const sink = new ArraySink();
    simulate(buildDesk(scenario), 1, sink);
    const resolved = sink.events.filter((event) => event.type === 'resolved').map((event) => event.ticket);
    const fixed = sink.events.filter((event) => event.type === 'truth_fixed').map((event) => event.ticket);
    expect(resolved.length).toBeGreaterThan(1000);
    expect(fixed).toEqual(resolved);
    expect(runScenario(mmc(['replications=2'])).summary.kpis.hidden_failure_share!.mean).toBe(0);
  });

  it('while customers do not react, changing accuracy moves no observed KPI (truth has its own stream)', () => {
    const exact = runScenario(mmc(['tiers.desk.accuracy=1'])).outcomes;
    const sloppy = runScenario(mmc(['tiers.desk.accuracy=0.5'])).outcomes;
    for (const kpi of KPI_CATALOG.filter((candidate) => !TRUTH_KPI_IDS.has(candidate.id))) {
      expect(
        sloppy.map((outcome) => outcome.kpis.values[kpi.id]),
        kpi.id,
      ).toEqual(exact.map((outcome) => outcome.kpis.values[kpi.id]));
    }
    expect(sloppy[0]!.kpis.values.true_resolution_rate).toBeLessThan(exact[0]!.kpis.values.true_resolution_rate! - 0.3);
  });

  it('accuracy is per tier and per complexity: Tier 2 fixes what Tier 1 would not', () => {
    const scenario = loadScenarioFile('scenarios/textbook/tandem.yaml', {
      overrides: [
        'horizon.days=8',
        'replications=6',
        'tiers.tier1.accuracy=0.6',
        'tiers.tier2.accuracy=1',
        'customers.return_when_not_fixed=0',
      ],
    }).scenario;
    const { summary } = runScenario(scenario);
    // 70 % resolved at Tier 1 (60 % of them really fixed), 30 % at Tier 2 (all fixed):
    // hidden failures = 0.7 × 0.4 / 1 = 0.28 of resolved tickets.
    expectInside(summary.kpis.hidden_failure_share, 0.28, 'hidden failure share');
  });
});
