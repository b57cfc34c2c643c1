/**
 * Replications: simulate a scenario R times with independent random streams, run the metric
 * engine on each replication's event stream, and summarise every KPI with a 95 % CI.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { NdjsonFileSink } from '../eventlog/ndjson.js';
import type { EventSink } from '../eventlog/types.js';
import { KPI_CATALOG, TIER_KPI_CATALOG, unitRange } from '../metrics/catalog.js';
import type { Ledger } from '../metrics/ledger.js';
import { buildDesk, type DeskModel } from '../model/build.js';
import type { Scenario } from '../scenario/schema.js';
import type { FromWorker, ToWorker } from './replication-worker.js';
import { metricOptions, runReplication, ticketRows, ticketTable, type Detail, type ReplicationOutcome, type TicketRows, type TicketTable } from './replication.js';

export { metricOptions, runReplication, ticketTable, ticketTableCsv, type ReplicationOutcome, type TicketRows, type TicketTable } from './replication.js';
import { summarizeOutcomes, type RunSummary } from './summary.js';
import { firstTicketTable } from './first-ticket-table.js';
import { formatKpiKey } from '../metrics/kpi-key.js';

export { summarizeOutcomes, type RunSummary } from './summary.js';

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
  let tickets: TicketTable = { csv: '', resolved: [] };
  const kept: NonNullable<RunResult['ticketRows']> = [];
  let reuse: Ledger | undefined;
  for (let replication = 1; replication <= scenario.replications; replication++) {
    const extraSink = replication === 1 ? options.firstReplicationSink?.(model) : undefined;
    const { outcome, ledger } = runReplication(model, replication, extraSink, reuse, options.detail);
    reuse = ledger;
    if (replication === 1) tickets = firstTicketTable(ledger, model, options.keepTicketRows !== undefined, options.ticketsPath);
    const rows = keptRows(options.keepTicketRows, replication, tickets, ledger, model);
    if (rows !== undefined) kept.push({ replication, rows });
    outcomes.push(outcome);
    options.onReplication?.(replication, scenario.replications);
  }
  return { outcomes, tickets, ...(options.keepTicketRows === undefined ? {} : { ticketRows: kept }), summary: summarizeOutcomes(scenario, outcomes, model) };
}

/** A replication's ticket rows if the run keeps them: the first one's from its table, the others' computed. */
export function keptRows(keep: TicketRowsKept | undefined, replication: number, first: TicketTable, ledger: Ledger, model: DeskModel): TicketRows | undefined {
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
  /** Worker threads; 1 runs in this thread. Default: `autoWorkers`. */
  workers?: number;
  onReplication?: (done: number, total: number) => void;
  /** Where to write the first replication's event log (NDJSON), if anywhere. */
  eventsPath?: string;
  /** Also compute segments and daily series per replication (or only the "who pays" segments). */
  detail?: Detail;
  keepTicketRows?: TicketRowsKept;
  /** Where to write the first replication's `tickets.csv` as it is formatted, if anywhere (else `RunResult.tickets.csv`). */
  ticketsPath?: string;
}

/** The compiled worker script, when running from the build (tests run `src/` in-process). */
function workerScript(): URL | undefined {
  const url = new URL('./replication-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/** The machine's cores. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Below this many simulated tickets in all, one thread is faster: each worker repeats the
 * JIT warm-up (measured: the baseline desk, 10 × 35 days, takes 0.64 s on one thread and
 * 0.91 s on two).
 */
export const PARALLEL_THRESHOLD_TICKETS = 1_000_000;

/** Workers for a run when none were asked for: the cores, if the run is large enough. */
export function autoWorkers(scenario: Scenario): number {
  const model = buildDesk(scenario);
  const expectedTickets = model.arrivalRate.maxRate * model.horizon * scenario.replications;
  return expectedTickets >= PARALLEL_THRESHOLD_TICKETS ? defaultWorkers() : 1;
}

/**
 * Runs every replication, on worker threads when there is more than one worker. Each
 * replication depends only on (scenario, replication number) and results are ordered by
 * replication, so the outcome is byte-identical for any number of workers.
 *
 * Scaling, measured on the 2-core VM: the bare simulation runs two replications in
 * parallel at ~90 % of single-thread speed each, but with the metric engine a replication
 * in a worker takes ~1.6× its warm single-thread time (the ledger's large columns and V8's
 * GC helper threads contend for memory and the second core, which a single thread gets
 * for free), so two workers save 10–25 % on long runs. A worker is ready in ~70 ms.
 */
export async function runScenarioParallel(scenario: Scenario, options: ParallelRunOptions = {}): Promise<RunResult> {
  const total = scenario.replications;
  const workers = Math.max(1, Math.min(options.workers ?? autoWorkers(scenario), total));
  const script = workerScript();
  if (workers === 1 || script === undefined) {
    let events: NdjsonFileSink | undefined;
    try {
      return runScenario(scenario, {
        onReplication: options.onReplication,
        detail: options.detail,
        keepTicketRows: options.keepTicketRows,
        ticketsPath: options.ticketsPath,
        firstReplicationSink: options.eventsPath === undefined ? undefined : (model) => (events = new NdjsonFileSink(options.eventsPath!, model.originEpochMs)),
      });
    } finally {
      events?.close();
    }
  }

  const outcomes: ReplicationOutcome[] = [];
  let tickets: TicketTable = { csv: '', resolved: [] };
  const kept: NonNullable<RunResult['ticketRows']> = [];
  let next = 1;
  const threads: Worker[] = [];
  let failed = false;
  try {
    await new Promise<void>((resolve, reject) => {
      let running = workers;
      const handOut = (thread: Worker) => {
        if (next <= total) thread.postMessage({ type: 'replication', replication: next++ } satisfies ToWorker);
        else thread.postMessage({ type: 'stop' } satisfies ToWorker);
      };
      for (let index = 0; index < workers; index++) {
        const thread = new Worker(script);
        threads.push(thread);
        thread.on('error', (error) => {
          failed = true;
          reject(error);
        });
        // A worker that was told to stop closes its port and exits: done only when all have.
        thread.on('exit', () => {
          if (--running === 0) resolve();
        });
        thread.on('message', (message: FromWorker) => {
          if (message.type === 'failed') {
            failed = true;
            reject(Object.assign(new Error(message.message), { stack: message.stack }));
          } else if (message.type === 'outcome') {
            outcomes.push(message.outcome);
            if (message.tickets !== undefined) tickets = message.tickets;
            if (message.ticketRows !== undefined) kept.push({ replication: message.outcome.replication, rows: message.ticketRows });
            options.onReplication?.(outcomes.length, total);
            handOut(thread);
          } else {
            handOut(thread);
          }
        });
        thread.postMessage({
          type: 'scenario',
          scenario,
          eventsPath: options.eventsPath,
          ticketsPath: options.ticketsPath,
          detail: options.detail,
          keepTicketRows: options.keepTicketRows,
        } satisfies ToWorker);
      }
    });
  } finally {
    if (failed) await Promise.all(threads.map((thread) => thread.terminate()));
  }
  if (outcomes.length !== total) throw new Error(`worker threads returned ${outcomes.length} of ${total} replications`);
  outcomes.sort((a, b) => a.replication - b.replication);
  kept.sort((a, b) => a.replication - b.replication);
  return { outcomes, tickets, ...(options.keepTicketRows === undefined ? {} : { ticketRows: kept }), summary: summarizeOutcomes(scenario, outcomes) };
}
