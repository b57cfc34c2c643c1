/**
 * `--shard i/n` on `run`, `compare`, `sweep`, `pressure` and `frameworks`: run one part of the job and write it for
 * `desksim merge`.
 */
import { writeFileSync } from 'node:fs';
import { runParts, specReplications } from '../../experiment/batch.js';
import {
  parseShard,
  SHARD_DATA,
  SHARD_MANIFEST,
  shardFiles,
  shardReplications,
  ShardError,
  type Shard,
  type ShardJob,
} from '../../experiment/shard.js';
import { writeAtomically } from '../../report/output-directory.js';
import { CliError, ExitCode, type CliIo } from '../io.js';
import { experimentProgress, type ExperimentOptionValues } from './experiment-shared.js';
import { parseWorkers } from './run.js';
import { outputOptions, outputTarget } from './shared.js';

/** The --shard help, said once for every command that takes it. */
export const SHARD_HELP =
  'run only part i of n of the work (its share of the replications, grid points or levels) and write it for ' +
  '`desksim merge`; auto/n reads i from JOB_COMPLETION_INDEX (Kubernetes) or SLURM_ARRAY_TASK_ID ' +
  '(see docs/scale-out.md)';

/** `--shard` read, or undefined without it; a bad one ⇒ exit 2. */
export function parseShardOption(text: string | undefined, io: CliIo): Shard | undefined {
  if (text === undefined) return undefined;
  try {
    return parseShard(text, io.env ?? process.env);
  } catch (error) {
    if (error instanceof ShardError) throw new CliError(error.message, ExitCode.BadInput);
    throw error;
  }
}

/** Where a shard writes without --out: beside the unsharded command's directory, numbered. */
export function shardDirectory(defaultOut: string, shard: Shard): string {
  return `${defaultOut}.shard-${shard.index}-of-${shard.count}`;
}

/**
 * Runs this shard's part of a job and writes its directory atomically, under the output
 * rules of every command: shard.json (which job, which part), shard-data.bin (the outcomes)
 * and, for a run with an event log, the first replication's events.ndjson.
 */
export async function writeShard(
  io: CliIo,
  options: ExperimentOptionValues & { shard?: string },
  job: ShardJob<unknown> & { defaultOut: string },
  shard: Shard,
): Promise<void> {
  const directory = outputTarget(io, options.out, shardDirectory(job.defaultOut, shard));
  const workers = parseWorkers(options.workers);
  const mine = shardReplications(job.specs, shard);
  const total = mine.reduce((sum, replications) => sum + replications.length, 0);
  const all = job.specs.reduce((sum, spec) => sum + specReplications(spec).length, 0);
  await writeAtomically(
    directory,
    async (staged) => {
      const specs = job.specs.map((spec, index) => ({
        ...spec,
        replications: mine[index]!,
        ...(spec.eventsPath === undefined ? {} : { eventsPath: staged.file('events.ndjson') }),
      }));
      const parts = await runParts(specs, {
        workers,
        onProgress: experimentProgress(io, options, `Shard ${shard.index}/${shard.count}`),
      });
      const files = shardFiles(job, shard, parts);
      writeFileSync(staged.file(SHARD_DATA), files.data);
      staged.write(SHARD_MANIFEST, files.manifest);
    },
    outputOptions(io, options),
  );
  if (options.json) io.stdout(JSON.stringify({ shard, replications: total, of: all, directory }, null, 2) + '\n');
  else if (!options.quiet) {
    io.stdout(
      `Shard ${shard.index}/${shard.count} of this ${job.command}: ${total} of its ${all} replication(s).\n` +
        `Wrote ${directory}\n` +
        `When all ${shard.count} shards are done: desksim merge <their directories> (see docs/scale-out.md)\n`,
    );
  }
}
