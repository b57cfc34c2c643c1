/**
 * The worker pool of an experiment: threads started once and fed every replication of every
 * run (a `desksim run`'s replications, a comparison's scenarios, a sweep's grid points,
 * pressure levels, a framework study's desks), so no run waits for threads to start and warm
 * up, and no core idles while the last replications of one run finish: the next run's are
 * already queued behind them.
 *
 * Tinypool (zero dependencies, engines `^20.0.0 || >=22.0.0`) keeps the threads, queues the
 * tasks and hands each to the next free thread; piscina was the other candidate, but it pulls
 * in an optional native module (`@napi-rs/nice`) that downloads a binary at install time.
 * With one worker, or when the compiled worker script is missing (tests run `src/`), the same
 * task function runs in this thread, one task after another. While its threads fill the
 * cores, they compile on their own thread (`compile-threads.ts`).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { compileOnOwnThreads } from './compile-threads.js';
import {
  releaseReplicationCaches,
  runReplicationTask,
  unpackReply,
  type PackedReply,
  type ReplicationReply,
  type ReplicationTask,
} from './replication-worker.js';

/** The compiled worker script, when running from the build. */
function workerScript(): string | undefined {
  const path = fileURLToPath(new URL('./replication-worker.js', import.meta.url));
  return existsSync(path) ? path : undefined;
}

/** Run numbers, unique in this process, so a thread never mistakes one run's desk for another's. */
let nextRun = 1;

/** A pool of replication threads (or this thread alone). */
export class ReplicationPool {
  /** Threads running replications: 1 means this thread. */
  readonly workers: number;
  private readonly threads: Tinypool | undefined;
  /** In this thread: the tasks in order, each after the one before. */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private failed = false;
  /** Gives V8 its background compilation back (set before the threads' isolates are made). */
  private readonly releaseCompilation: () => void;

  private constructor(workers: number) {
    const script = workers > 1 ? workerScript() : undefined;
    this.workers = script === undefined ? 1 : workers;
    this.releaseCompilation = script === undefined ? () => {} : compileOnOwnThreads(workers);
    this.threads =
      script === undefined
        ? undefined
        : new Tinypool({ filename: script, minThreads: workers, maxThreads: workers, idleTimeout: 0 });
  }

  /** A pool of `workers` threads (started now, so they load while the caller prepares the runs). */
  static open(workers: number): ReplicationPool {
    return new ReplicationPool(Math.max(1, Math.floor(workers)));
  }

  /** A new run's number: its tasks carry it. */
  newRun(): number {
    return nextRun++;
  }

  /** Runs one replication on the next free thread. */
  run(task: ReplicationTask): Promise<ReplicationReply> {
    if (this.closed) return Promise.reject(new Error('the replication pool is closed'));
    if (this.threads !== undefined)
      return (this.threads.run(task) as Promise<PackedReply>).then((packed) => unpackReply(packed));
    const reply = this.queue
      .then(
        // A turn of the event loop between tasks, so progress bars draw.
        () => new Promise<void>((resolve) => setImmediate(resolve)),
      )
      .then(() => {
        if (this.failed) throw new Error('an earlier replication failed');
        return runReplicationTask(task);
      });
    this.queue = reply.catch(() => {
      this.failed = true;
    });
    return reply;
  }

  /**
   * A core is free of replications: isolates made from now on (the chart renderer's) may
   * compile in the background again (`compile-threads.ts`; this pool's threads keep their mode).
   */
  coreFree(): void {
    this.releaseCompilation();
  }

  /** Drops the queued tasks (after a failure: nothing more is wanted). */
  cancel(): void {
    this.failed = true;
    this.threads?.cancelPendingTasks();
  }

  /** Ends the threads (or forgets this thread's desks). Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.threads !== undefined) {
      try {
        await this.threads.destroy();
      } finally {
        this.releaseCompilation();
      }
    } else {
      await this.queue;
      releaseReplicationCaches();
    }
  }
}
