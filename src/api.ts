/**
 * The programmatic API in a few calls, for researchers who script studies (docs/api.md):
 *
 *   loadScenario(file, { set }) ─▶ Scenario ─┬─ run(scenario) ─────────▶ RunResult (KPIs with CIs)
 *                                            ├─ compare([a, b, ...]) ──▶ Comparison (paired CIs, CRN)
 *   sweep(file, { grid }) ───────────────────┴──────────────────────────▶ SweepResult (KPIs per point)
 *
 *   buildDesk(scenario) ─▶ DeskModel ─simulate(model, replication, ledger)─▶ events in a Ledger
 *        ─computeKpis(ledger, metricOptions(model))─▶ KpiTable   (one replication, by hand)
 *
 * Each function does what the command of the same name does, without writing files; bad
 * input throws a `ScenarioError` whose message lists every problem with its place.
 */
import { runBatch } from './experiment/batch.js';
import { alignScenarios, compareRuns, uniqueLabels, type Comparison } from './experiment/compare.js';
import { runScenarioParallel, type RunResult } from './experiment/run.js';
import {
  DEFAULT_SWEEP_KPIS,
  expandGrid,
  parameterOverride,
  type ParameterValue,
} from './experiment/experiment-file.js';
import { sweepResult, type SweepResult } from './experiment/sweep.js';
import { EVENT_TYPES } from './eventlog/types.js';
import { Ledger } from './metrics/ledger.js';
import type { DeskModel } from './model/build.js';
import { loadScenarioFile } from './scenario/load.js';
import type { Scenario } from './scenario/schema.js';

/** How a scenario file is read: overrides as `--set` takes them, and the seed and replications. */
export interface ScenarioLoadOptions {
  /** `path=value` overrides, applied in order: `["horizon.days=14", "tiers.tier2.agents=4"]`. */
  set?: readonly string[];
  seed?: number;
  replications?: number;
}

function overridesOf(options: ScenarioLoadOptions): string[] {
  const overrides = [...(options.set ?? [])];
  if (options.seed !== undefined) overrides.push(`seed=${options.seed}`);
  if (options.replications !== undefined) overrides.push(`replications=${options.replications}`);
  return overrides;
}

/** Reads and validates a scenario file (and the files it extends). Throws a `ScenarioError` listing every problem. */
export function loadScenario(file: string, options: ScenarioLoadOptions = {}): Scenario {
  return loadScenarioFile(file, { overrides: overridesOf(options) }).scenario;
}

/** Options of the experiment functions. */
export interface ApiRunOptions {
  /** Worker threads; results are identical for any count. Default: as `desksim run` decides. */
  workers?: number;
  /** Called after every replication: done, total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Every replication of a scenario and every KPI's summary (`summary.kpis.<id>.mean`, `.ci95`), as `desksim run`
 * computes them.
 */
export function run(scenario: Scenario, options: ApiRunOptions = {}): Promise<RunResult> {
  return runScenarioParallel(scenario, { workers: options.workers, onReplication: options.onProgress });
}

/**
 * Runs scenarios under common random numbers (every one with the first one's seed and
 * replications, as `desksim compare` does, saying so in `notes`) and returns every KPI's
 * change from the first, paired by replication.
 */
export async function compare(scenarios: readonly Scenario[], options: ApiRunOptions = {}): Promise<Comparison> {
  const aligned = alignScenarios(scenarios);
  const results = await runBatch(aligned.scenarios, { workers: options.workers, onProgress: options.onProgress });
  const labels = uniqueLabels(aligned.scenarios.map((scenario) => scenario.name));
  return compareRuns(
    results.map((result, index) => ({ label: labels[index]!, name: aligned.scenarios[index]!.name, file: '', result })),
    aligned.notes,
  );
}

/** A sweep written in code: the grid of `--set` paths and values, and overrides at every point. */
export interface ApiSweep extends ScenarioLoadOptions, ApiRunOptions {
  /** `--set` path → the values to try; every combination runs, with the same seed. */
  grid: Record<string, ParameterValue[]>;
  /** Names the result (default: the scenario file's scenario name). */
  name?: string;
  /** Headline KPIs recorded in the result (default: as `desksim sweep`). */
  kpis?: string[];
}

/** Runs a scenario file over a grid of parameter values, as `desksim sweep` does an experiment file. */
export async function sweep(file: string, options: ApiSweep): Promise<SweepResult> {
  const fixed = overridesOf(options);
  const points = expandGrid(options.grid).map((parameters, index) => ({
    point: index + 1,
    parameters,
    scenario: loadScenario(file, {
      set: [...fixed, ...Object.entries(parameters).map(([path, value]) => parameterOverride(path, value))],
    }),
  }));
  const runs = await runBatch(
    points.map((point) => point.scenario),
    { workers: options.workers, onProgress: options.onProgress },
  );
  const name = options.name ?? points[0]?.scenario.name ?? 'sweep';
  const kpis = options.kpis ?? [...DEFAULT_SWEEP_KPIS];
  const experiment = { name, scenario: file, set: fixed, grid: options.grid, kpis };
  return sweepResult(
    { experiment, file, scenarioFile: file, kpis, points },
    runs.map((result) => result.summary),
  );
}

/**
 * An empty ledger for one replication of a model: pass it to `simulate(model, replication,
 * ledger)` as the event sink, then to `computeKpis(ledger, metricOptions(model))`.
 */
export function replicationLedger(model: DeskModel): Ledger {
  const ledger = new Ledger({
    originEpochMs: model.originEpochMs,
    measureFrom: model.measureFrom,
    measureTo: model.horizon,
  });
  // The simulator records every event type: a replication without abandonments has a rate of 0, not none.
  for (const type of EVENT_TYPES) ledger.recordedTypes.add(type);
  return ledger;
}
