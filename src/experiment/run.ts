/**
 * Replications: simulate a scenario R times with independent random streams, run the metric
 * engine on each replication's event stream, and summarise every KPI with a 95 % CI.
 */
import type { EventSink } from '../eventlog/types.js';
import { TeeSink } from '../eventlog/types.js';
import { KPI_CATALOG, TIER_KPI_CATALOG, type MetricOptions } from '../metrics/catalog.js';
import { computeKpis, ticketRows, type KpiTable } from '../metrics/engine.js';
import { Ledger } from '../metrics/ledger.js';
import { buildDesk, type DeskModel } from '../model/build.js';
import { simulate, type SimulationResult } from '../model/simulate.js';
import type { Scenario } from '../scenario/schema.js';
import { VERSION } from '../version.js';
import { summarize, type KpiSummary } from './statistics.js';

/** One replication's simulation facts and KPI values. */
export interface ReplicationOutcome {
  replication: number;
  simulation: SimulationResult;
  kpis: KpiTable;
}

/** The machine-readable summary of a run (`summary.json`). */
export interface RunSummary {
  scenario: string;
  seed: number;
  replications: number;
  version: string;
  kpis: Record<string, KpiSummary>;
  tiers: Record<string, Record<string, KpiSummary>>;
}

export interface RunOptions {
  /** Called after each replication (progress bars). */
  onReplication?: (done: number, total: number) => void;
  /** Extra sink for the first replication's events (e.g. `events.ndjson`), made once the model is built. */
  firstReplicationSink?: (model: DeskModel) => EventSink;
}

export interface RunResult {
  model: DeskModel;
  outcomes: ReplicationOutcome[];
  /** Per-ticket table of the first replication. */
  tickets: ReturnType<typeof ticketRows>;
  summary: RunSummary;
}

/** Metric definition choices taken from the scenario's `metrics:` section. */
export function metricOptions(scenario: Scenario): MetricOptions {
  return { serviceLevelThreshold: scenario.metrics.service_level_threshold };
}

/** Simulates one replication and computes its KPIs from the event stream. */
export function runReplication(model: DeskModel, replication: number, extraSink?: EventSink): { outcome: ReplicationOutcome; ledger: Ledger } {
  const ledger = new Ledger(
    { originEpochMs: model.originEpochMs, measureFrom: model.measureFrom, measureTo: model.horizon },
    Math.ceil(model.arrivalRate.maxRate * model.horizon * 1.1),
  );
  const sink = extraSink === undefined ? ledger : new TeeSink([ledger, extraSink]);
  const simulation = simulate(model, replication, sink);
  const kpis = computeKpis(ledger, metricOptions(model.scenario), model.tiers.map((tier) => tier.id));
  return { outcome: { replication, simulation, kpis }, ledger };
}

/** Summarises replication outcomes KPI by KPI. */
export function summarizeOutcomes(scenario: Scenario, outcomes: ReplicationOutcome[]): RunSummary {
  const kpis: Record<string, KpiSummary> = {};
  for (const kpi of KPI_CATALOG) {
    kpis[kpi.id] = summarize(outcomes.map((outcome) => outcome.kpis.values[kpi.id] ?? null), kpi.unit);
  }
  const tiers: Record<string, Record<string, KpiSummary>> = {};
  for (const tier of scenario.tiers) {
    const row: Record<string, KpiSummary> = {};
    for (const kpi of TIER_KPI_CATALOG) {
      row[kpi.id] = summarize(outcomes.map((outcome) => outcome.kpis.tiers[tier.id]?.[kpi.id] ?? null), kpi.unit);
    }
    tiers[tier.id] = row;
  }
  return { scenario: scenario.name, seed: scenario.seed, replications: outcomes.length, version: VERSION, kpis, tiers };
}

/** Runs every replication of a scenario. */
export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const model = buildDesk(scenario);
  const outcomes: ReplicationOutcome[] = [];
  let tickets: RunResult['tickets'] = [];
  for (let replication = 1; replication <= scenario.replications; replication++) {
    const extraSink = replication === 1 ? options.firstReplicationSink?.(model) : undefined;
    const { outcome, ledger } = runReplication(model, replication, extraSink);
    if (replication === 1) tickets = ticketRows(ledger);
    outcomes.push(outcome);
    options.onReplication?.(replication, scenario.replications);
  }
  return { model, outcomes, tickets, summary: summarizeOutcomes(scenario, outcomes) };
}

/** Column names of `kpis.csv`: replication, desk-wide KPIs, then `tiers.<id>.<kpi>`. */
export function kpiColumns(scenario: Scenario): string[] {
  return [
    ...KPI_CATALOG.map((kpi) => kpi.id),
    ...scenario.tiers.flatMap((tier) => TIER_KPI_CATALOG.map((kpi) => `tiers.${tier.id}.${kpi.id}`)),
  ];
}

/** One row per replication, in `kpiColumns` order. */
export function kpiRows(scenario: Scenario, outcomes: ReplicationOutcome[]): Array<Array<number | null>> {
  return outcomes.map((outcome) => [
    outcome.replication,
    ...KPI_CATALOG.map((kpi) => outcome.kpis.values[kpi.id] ?? null),
    ...scenario.tiers.flatMap((tier) => TIER_KPI_CATALOG.map((kpi) => outcome.kpis.tiers[tier.id]?.[kpi.id] ?? null)),
  ]);
}
