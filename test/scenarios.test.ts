/**
 * Every shipped scenario loads and runs (on a shortened horizon) and its log carries the
 * truth; and the scenarios that answer a question about the baseline answer it, with the
 * same seeds (common random numbers) and paired confidence intervals.
 * `scenarios/mappings/` holds mappings of real logs, not scenarios: test/importer/mapping.test.ts
 * loads those; `scenarios/experiments/` holds experiment files (desksim sweep), which
 * test/experiment/sweep.test.ts loads; `scenarios/frameworks/` holds measurement frameworks and
 * a study (desksim frameworks), which test/frameworks/framework.test.ts loads.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { ArraySink } from '../src/eventlog/types.js';
import { runScenario, type RunResult } from '../src/experiment/run.js';
import { buildDesk } from '../src/model/build.js';
import { simulate } from '../src/model/simulate.js';
import { loadScenarioFile } from '../src/scenario/load.js';
import { root } from './support/cli.js';

function yamlFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory())
      return ['mappings', 'experiments', 'frameworks'].includes(entry.name) ? [] : yamlFiles(path);
    return entry.name.endsWith('.yaml') ? [path] : [];
  });
}

describe('shipped scenarios', () => {
  const files = yamlFiles(join(root, 'scenarios'));
  it('exist', () => expect(files.length).toBeGreaterThanOrEqual(10));
  for (const file of files) {
    it(`${relative(root, file)} loads and runs, and its log carries the truth`, () => {
      const { scenario } = loadScenarioFile(file, {
        overrides: ['horizon.days=3', 'horizon.warmup_days=1', 'replications=2'],
      });
      const result = runScenario(scenario);
      expect(result.summary.kpis.tickets_created!.mean).toBeGreaterThan(0);
      expect(result.summary.kpis.resolution_time_mean!.mean).toBeGreaterThan(0);
      // Long enough for tickets to close (after the reopen window) and be judged.
      const sink = new ArraySink();
      simulate(
        buildDesk(loadScenarioFile(file, { overrides: ['horizon.days=10', 'horizon.warmup_days=0'] }).scenario),
        1,
        sink,
      );
      const types = new Set(sink.events.map((event) => event.type));
      expect(types).toContain('truth_fixed');
      expect(types).toContain('truth_satisfaction');
    });
  }
});

/** Paired 95 % CI of (b − a) for one KPI over replications with the same seeds. */
function pairedDifference(a: RunResult, b: RunResult, kpi: string, tier?: string): [number, number] {
  const value = (result: RunResult, index: number) => {
    const kpis = result.outcomes[index]!.kpis;
    return tier === undefined ? kpis.values[kpi]! : kpis.tiers[tier]![kpi]!;
  };
  const differences = a.outcomes.map((_, index) => value(b, index) - value(a, index));
  const mean = jStat.mean(differences);
  const half =
    jStat.studentt.inv(0.975, differences.length - 1) *
    (jStat.stdev(differences, true) / Math.sqrt(differences.length));
  return [mean - half, mean + half];
}

/** Replications in which b's KPI exceeds a's (same seeds). */
function pairsAbove(a: RunResult, b: RunResult, kpi: string, tier?: string): number {
  const value = (result: RunResult, index: number) => {
    const kpis = result.outcomes[index]!.kpis;
    return tier === undefined ? kpis.values[kpi]! : kpis.tiers[tier]![kpi]!;
  };
  return a.outcomes.filter((_, index) => value(b, index) > value(a, index)).length;
}

const run = (file: string) =>
  runScenario(
    loadScenarioFile(join(root, 'scenarios', file), { overrides: ['replications=8', 'horizon.days=35'] }).scenario,
  );

describe('the questions the shipped scenarios answer (vs baseline, same seeds)', () => {
  const baseline = run('baseline.yaml');

  it('knowledge-base investment: higher true fix rate, fewer escalations, shorter handle time', () => {
    const invested = run('kb-investment.yaml');
    expect(pairedDifference(baseline, invested, 'true_resolution_rate')[0]).toBeGreaterThan(0);
    expect(pairedDifference(baseline, invested, 'escalation_rate')[1]).toBeLessThan(0);
    expect(pairedDifference(baseline, invested, 'handle_time_mean')[1]).toBeLessThan(0);
  });

  it('understaffed Tier 2: longer Tier 2 waits and resolution times, and a slower first response', () => {
    const understaffed = run('understaffed-tier2.yaml');
    // Three specialists instead of four are fragile: one absence or departure and Tier 2 is overloaded for
    // weeks, so waits are heavy-tailed across replications. A sign test on the pairs suits
    // them better than a t interval: at least 7 of 8 longer (one-sided p = 9/256 < 0.05).
    expect(pairsAbove(baseline, understaffed, 'queue_wait_mean', 'tier2')).toBeGreaterThanOrEqual(7);
    expect(pairsAbove(baseline, understaffed, 'resolution_time_mean')).toBeGreaterThanOrEqual(7);
    // First response: Tier 2 answers Tier 1's email when no escalation waits (blend), so a
    // specialist fewer is also fewer hands on email: the first response slows.
    expect(pairsAbove(baseline, understaffed, 'first_response_time_mean')).toBeGreaterThanOrEqual(7);
  });

  it('tighter SLA: the same desk, lower compliance', () => {
    const tighter = run('tighter-sla.yaml');
    expect(pairedDifference(baseline, tighter, 'sla_first_response_compliance')[1]).toBeLessThan(0);
    expect(pairedDifference(baseline, tighter, 'sla_resolution_compliance')[1]).toBeLessThan(0);
    expect(tighter.summary.kpis.resolution_time_mean!.mean).toBe(baseline.summary.kpis.resolution_time_mean!.mean);
  });

  it('AI agent: faster first response and more closures, more of them hollow, more contacts per issue', () => {
    const ai = run('ai-agent.yaml');
    expect(pairedDifference(baseline, ai, 'first_response_time_mean')[1]).toBeLessThan(0);
    expect(pairedDifference(baseline, ai, 'resolution_rate')[0]).toBeGreaterThan(0);
    expect(pairedDifference(baseline, ai, 'hidden_failure_share')[0]).toBeGreaterThan(0);
    expect(pairedDifference(baseline, ai, 'contacts_per_issue')[0]).toBeGreaterThan(0);
  });

  it('outage surge: more tickets, longer waits, more abandonment', () => {
    const outage = run('outage-surge.yaml');
    expect(pairedDifference(baseline, outage, 'tickets_created')[0]).toBeGreaterThan(0);
    expect(pairedDifference(baseline, outage, 'queue_wait_mean')[0]).toBeGreaterThan(0);
    expect(pairedDifference(baseline, outage, 'abandonment_rate')[0]).toBeGreaterThan(0);
  });
});
