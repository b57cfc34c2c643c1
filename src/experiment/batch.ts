/**
 * An experiment's runs: several scenarios (compared scenarios, grid points, pressure levels)
 * run one after another, each with its replications on worker threads, and one progress
 * count across them all.
 */
import type { Scenario } from '../scenario/schema.js';
import type { Detail } from './replication.js';
import { autoWorkers, runScenarioParallel, type RunResult } from './run.js';

/** Options of a batch of runs. */
export interface BatchOptions {
  /** Worker threads for each run; by default each run decides as `desksim run` does (`autoWorkers`). */
  workers?: number;
  /** Called after every replication of every run: replications done, replications in all. */
  onProgress?: (done: number, total: number) => void;
  /** What each replication computes beyond its KPIs (`runReplication`'s `detail`). */
  detail?: Detail;
}

/**
 * Runs every scenario in order. Each run's result depends only on its scenario (seed and
 * replication numbers included), never on the worker count or on the other runs.
 */
export async function runBatch(scenarios: readonly Scenario[], options: BatchOptions = {}): Promise<RunResult[]> {
  const total = scenarios.reduce((sum, scenario) => sum + scenario.replications, 0);
  const results: RunResult[] = [];
  let before = 0;
  for (const scenario of scenarios) {
    const offset = before;
    results.push(
      await runScenarioParallel(scenario, {
        workers: options.workers ?? autoWorkers(scenario),
        detail: options.detail,
        onReplication: options.onProgress === undefined ? undefined : (done) => options.onProgress!(offset + done, total),
      }),
    );
    before += scenario.replications;
  }
  return results;
}
