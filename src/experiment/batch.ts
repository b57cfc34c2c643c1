/**
 * An experiment's runs: several scenarios (compared scenarios, grid points, pressure levels),
 * every replication of every one queued at once on one worker pool, and one progress count
 * across them all. A run may be given only some of its replications (a shard's part, see
 * shard.ts); its parts are put together again by replication number.
 */
import { availableParallelism } from 'node:os';
import type { Scenario } from '../scenario/schema.js';
import { buildDesk } from '../model/build.js';
import { ReplicationPool } from './pool.js';
import type { ReplicationNeeds, ReplicationReply } from './replication-worker.js';
import type { RunResult } from './run.js';
import { resolvedTickets, type ReplicationOutcome, type TicketRows, type TicketTable } from './replication.js';
import { summarizeOutcomes } from './summary.js';

/** One run of a batch: a scenario and what each replication must send back. */
export interface RunSpec extends ReplicationNeeds {
  scenario: Scenario;
  /** The replications to run (a shard's part); default: all of them, 1 to `scenario.replications`. */
  replications?: readonly number[];
}

/** Options of a batch of runs. */
export interface BatchOptions {
  /** Worker threads (one pool for the whole batch); default: `batchWorkers`. Ignored with `pool`. */
  workers?: number;
  /** A pool to use (and leave open): a caller with several batches keeps its threads. */
  pool?: ReplicationPool;
  /** Called after every replication of every run: replications done, replications in all. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called once, when one of the cores the batch's threads use finds no replication left to
   * take (never for a batch on one thread: `spareCoreWatch`): other work started then takes no
   * core from the replications (the pool itself lets V8 compile in the background again).
   */
  onSpareCore?: () => void;
}

/** What a run's replications sent back, in replication order: possibly only some of them. */
export interface RunPart {
  outcomes: ReplicationOutcome[];
  /** The first replication's ticket table, if the run asked for it and ran its first replication. */
  tickets?: TicketTable;
  /** Kept ticket rows, by replication, in replication order. */
  ticketRows: Array<{ replication: number; rows: TicketRows }>;
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

/** The replications a spec runs. */
export function specReplications(spec: RunSpec): readonly number[] {
  return spec.replications ?? Array.from({ length: spec.scenario.replications }, (_, index) => index + 1);
}

/**
 * Workers for a batch when none were asked for: the cores if the batch simulates a million
 * tickets or more in all, else 1 (below that each thread's JIT warm-up costs more than it saves).
 */
export function batchWorkers(specs: readonly RunSpec[]): number {
  let expected = 0;
  for (const spec of specs) {
    const model = buildDesk(spec.scenario);
    expected += model.arrivalRate.maxRate * model.horizon * specReplications(spec).length;
  }
  return expected >= PARALLEL_THRESHOLD_TICKETS ? defaultWorkers() : 1;
}

/**
 * Runs the replications of every spec on one pool and returns each spec's part. Each
 * replication depends only on (scenario, replication number) and parts are ordered by
 * replication, so the result is byte-identical for any number of workers and any order in
 * which the threads finish.
 */
export async function runParts(specs: readonly RunSpec[], options: BatchOptions = {}): Promise<RunPart[]> {
  const total = specs.reduce((sum, spec) => sum + specReplications(spec).length, 0);
  const pool =
    options.pool ?? ReplicationPool.open(Math.min(options.workers ?? batchWorkers(specs), Math.max(1, total)));
  const parts: RunPart[] = specs.map(() => ({ outcomes: [], ticketRows: [] }));
  let done = 0;
  const spareCore = spareCoreWatch(pool.workers, total, availableParallelism(), () => {
    pool.coreFree();
    options.onSpareCore?.();
  });
  spareCore(0);
  try {
    const replies: Array<Promise<void>> = [];
    for (const [index, spec] of specs.entries()) {
      const run = pool.newRun();
      const { scenario, replications: _replications, ...needs } = spec;
      for (const replication of specReplications(spec)) {
        replies.push(
          pool.run({ run, scenario, replication, ...needs }).then((reply: ReplicationReply) => {
            const part = parts[index]!;
            part.outcomes.push(reply.outcome);
            if (reply.tickets !== undefined) part.tickets = reply.tickets;
            if (reply.ticketRows !== undefined) part.ticketRows.push({ replication, rows: reply.ticketRows });
            options.onProgress?.(++done, total);
            spareCore(done);
          }),
        );
      }
    }
    try {
      await Promise.all(replies);
    } catch (error) {
      pool.cancel();
      await Promise.allSettled(replies);
      throw error;
    }
  } finally {
    if (options.pool === undefined) await pool.close();
  }
  for (const part of parts) {
    part.outcomes.sort((a, b) => a.replication - b.replication);
    part.ticketRows.sort((a, b) => a.replication - b.replication);
  }
  return parts;
}

/**
 * Calls `onSpareCore` once, the first time `check(done)` finds one of the cores the batch's
 * threads were using left idle: with `used` = min(threads, cores, total) threads running
 * replications, that is when fewer than `used` replications are left (the pool hands each to
 * the next free thread). A batch that runs on one thread never calls it: a core it leaves free
 * from the start is kept free of other work, because that work (the chart renderer's Vega,
 * ~70 MB) would sit beside the replication's ledger at the run's memory peak.
 */
export function spareCoreWatch(
  threads: number,
  total: number,
  cores: number,
  onSpareCore: (() => void) | undefined,
): (done: number) => void {
  const used = Math.min(threads, cores, total);
  let called = onSpareCore === undefined || used < 2;
  return (done) => {
    if (called || total - done >= used) return;
    called = true;
    onSpareCore!();
  };
}

/** A complete run from its part (every replication): the result `desksim run` and the experiments use. */
export function completeRun(spec: RunSpec, part: RunPart): RunResult {
  const wanted = spec.scenario.replications;
  if (part.outcomes.length !== wanted)
    throw new Error(`${spec.scenario.name}: ${part.outcomes.length} of ${wanted} replications`);
  return {
    outcomes: part.outcomes,
    tickets: part.tickets ?? { csv: '', resolved: resolvedTickets([]) },
    ...(spec.keepTicketRows === undefined ? {} : { ticketRows: part.ticketRows }),
    summary: summarizeOutcomes(spec.scenario, part.outcomes),
  };
}

/** Runs complete specs on one pool. */
export async function runSpecs(specs: readonly RunSpec[], options: BatchOptions = {}): Promise<RunResult[]> {
  const parts = await runParts(specs, options);
  return parts.map((part, index) => completeRun(specs[index]!, part));
}

/**
 * Runs every scenario, all on one pool. Each run's result depends only on its scenario (seed
 * and replication numbers included), never on the worker count or on the other runs.
 */
export async function runBatch(scenarios: readonly Scenario[], options: BatchOptions = {}): Promise<RunResult[]> {
  return runSpecs(
    scenarios.map((scenario) => ({ scenario })),
    options,
  );
}
