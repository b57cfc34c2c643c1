/**
 * Replications: simulate a scenario R times with independent random streams, run the metric
 * engine on each replication's event stream, and summarise every KPI with a 95 % CI.
 */
import type { EventSink } from '../eventlog/types.js';
import { KPI_CATALOG, TIER_KPI_CATALOG } from '../metrics/catalog.js';
import type { Ledger } from '../metrics/ledger.js';
import { buildDesk, type DeskModel } from '../model/build.js';
import type { Scenario } from '../scenario/schema.js';
import { batchWorkers, completeRun, runParts, type RunSpec } from './batch.js';
import type { ReplicationPool } from './pool.js';
import {
  metricOptions,
  resolvedTickets,
  runReplication,
  ticketRows,
  type Detail,
  type ReplicationOutcome,
  type TicketRows,
  type TicketTable,
} from './replication.js';
import { firstTicketTable } from './first-ticket-table.js';

export {
  metricOptions,
  runReplication,
  ticketTable,
  ticketTableCsv,
  resolvedList,
  resolvedTickets,
  type ReplicationOutcome,
  type ResolvedTicket,
  type ResolvedTickets,
  type TicketRows,
  type TicketTable,
} from './replication.js';
import { summarizeOutcomes, type RunSummary } from './summary.js';
import { formatKpiKey } from '../metrics/kpi-key.js';

export { summarizeOutcomes, type RunSummary } from './summary.js';
export { defaultWorkers, PARALLEL_THRESHOLD_TICKETS } from './batch.js';

export interface RunOptions {
  /** Called after each replication (progress bars). */
  onReplication?: (done: number, total: number) => void;
  /** Extra sink for the first replication's events (e.g. `events.ndjson`), made once the model is built. */
  firstReplicationSink?: (model: DeskModel) => EventSink;
  /** Also compute segments and daily series per replication (or only the "who pays" segments). */
  detail?: Detail;
  /** Keep the ticket rows of the first replication, or of every one (`RunResult.ticketRows`). */
  keepTicketRows?: TicketRowsKept;
  /** Write the first replication's `tickets.csv` here as it is formatted (then `RunResult.tickets.csv` is absent). */
  ticketsPath?: string;
}

/** Whose ticket rows a run keeps: the first replication's, or every replication's. */
export type TicketRowsKept = 'first' | 'all';

export interface RunResult {
  outcomes: ReplicationOutcome[];
  /** The per-ticket table of the first replication (`tickets.csv`, and its resolved tickets for the report). */
  tickets: TicketTable;
  /** With `keepTicketRows`: the kept replications' ticket rows, in replication order. */
  ticketRows?: Array<{ replication: number; rows: TicketRows }>;
  summary: RunSummary;
}

/** Runs every replication of a scenario. */
export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const model = buildDesk(scenario);
  const outcomes: ReplicationOutcome[] = [];
  let tickets: TicketTable = { csv: '', resolved: resolvedTickets([]) };
  const kept: NonNullable<RunResult['ticketRows']> = [];
  let reuse: Ledger | undefined;
  for (let replication = 1; replication <= scenario.replications; replication++) {
    const extraSink = replication === 1 ? options.firstReplicationSink?.(model) : undefined;
    const { outcome, ledger } = runReplication(model, replication, extraSink, reuse, options.detail);
    reuse = ledger;
    if (replication === 1)
      tickets = firstTicketTable(ledger, model, options.keepTicketRows !== undefined, options.ticketsPath);
    const rows = keptRows(options.keepTicketRows, replication, tickets, ledger, model);
    if (rows !== undefined) kept.push({ replication, rows });
    outcomes.push(outcome);
    options.onReplication?.(replication, scenario.replications);
  }
  return {
    outcomes,
    tickets,
    ...(options.keepTicketRows === undefined ? {} : { ticketRows: kept }),
    summary: summarizeOutcomes(scenario, outcomes, model),
  };
}

/** A replication's ticket rows if the run keeps them: the first one's from its table, the others' computed. */
export function keptRows(
  keep: TicketRowsKept | undefined,
  replication: number,
  first: TicketTable,
  ledger: Ledger,
  model: DeskModel,
): TicketRows | undefined {
  if (keep === undefined || (keep === 'first' && replication > 1)) return undefined;
  return replication === 1 ? first.rows : ticketRows(ledger, metricOptions(model));
}

/** Column names of `kpis.csv`: replication, desk-wide KPIs, then `tiers.<id>.<kpi>`. */
export function kpiColumns(scenario: Scenario): string[] {
  return [
    ...KPI_CATALOG.map((kpi) => kpi.id),
    ...scenario.tiers.flatMap((tier) => TIER_KPI_CATALOG.map((kpi) => formatKpiKey({ tier: tier.id, kpi: kpi.id }))),
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

/** Options of a parallel run. */
export interface ParallelRunOptions {
  /** Worker threads; 1 runs in this thread. Default: `autoWorkers`. Ignored with `pool`. */
  workers?: number;
  /** A pool to run on (and leave open). */
  pool?: ReplicationPool;
  onReplication?: (done: number, total: number) => void;
  /** Where to write the first replication's event log (NDJSON), if anywhere. */
  eventsPath?: string;
  /** Also compute segments and daily series per replication (or only the "who pays" segments). */
  detail?: Detail;
  keepTicketRows?: TicketRowsKept;
  /** Where to stream the first replication's `tickets.csv`, if anywhere. */
  ticketsPath?: string;
}

/** Workers for a run when none were asked for: the cores, if the run is large enough (`batchWorkers`). */
export function autoWorkers(scenario: Scenario): number {
  return batchWorkers([{ scenario }]);
}

/**
 * Runs every replication, on the worker pool when there is more than one worker. Each
 * replication depends only on (scenario, replication number) and results are ordered by
 * replication, so the outcome is byte-identical for any number of workers.
 */
export async function runScenarioParallel(scenario: Scenario, options: ParallelRunOptions = {}): Promise<RunResult> {
  const spec: RunSpec = {
    scenario,
    tickets: true,
    detail: options.detail,
    keepTicketRows: options.keepTicketRows,
    eventsPath: options.eventsPath,
    ticketsPath: options.ticketsPath,
  };
  const [part] = await runParts([spec], {
    workers: options.workers,
    pool: options.pool,
    onProgress: options.onReplication,
  });
  return completeRun(spec, part!);
}
