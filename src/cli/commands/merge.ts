/**
 * `desksim merge <shards...>`: the outputs of a sharded run, compare, sweep, pressure or frameworks,
 * byte-identical to the unsharded command's.
 */
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { completeRun, type RunPart, type RunSpec } from '../../experiment/batch.js';
import { runValues } from '../../frameworks/evaluate.js';
import {
  mergeShards,
  readShard,
  SHARD_DATA,
  SHARD_MANIFEST,
  ShardError,
  type ReadShard,
} from '../../experiment/shard.js';
import { CliError, ExitCode, type CliIo } from '../io.js';
import { finishCompare, type ComparePlan } from './compare.js';
import type { ExperimentOptionValues } from './experiment-shared.js';
import { finishFrameworks, type FrameworksPlan } from './frameworks.js';
import { finishPressure, type PressurePlan } from './pressure.js';
import { printRun, writeRunDirectory, type RunPlan } from './run.js';
import { FORCE_HELP, outputOptions, outputTarget } from './shared.js';
import { finishSweep, type SweepPlan } from './sweep.js';

interface MergeOptionValues {
  out?: string;
  force?: boolean;
  json?: boolean;
  quiet?: boolean;
}

/** A shard directory's files, or exit 2 saying what is wrong with it. */
function openShard(io: CliIo, given: string): ReadShard {
  const directory = resolve(io.cwd, given);
  if (!existsSync(directory) || !statSync(directory).isDirectory())
    throw new CliError(`merge: ${given} is not a directory`, ExitCode.BadInput);
  const manifest = join(directory, SHARD_MANIFEST);
  if (!existsSync(manifest)) {
    throw new CliError(
      `merge: ${given} has no ${SHARD_MANIFEST}, so it is not a shard ` +
        '(`desksim run|compare|sweep|pressure|frameworks --shard i/n` writes one)',
      ExitCode.BadInput,
    );
  }
  return readShard(given, readFileSync(manifest, 'utf8'), () => {
    const data = join(directory, SHARD_DATA);
    if (!existsSync(data)) throw new ShardError(`${given}: ${SHARD_DATA} is missing: run this shard again`);
    return readFileSync(data);
  });
}

/** Each run's complete result from the merged parts. */
function results(specs: readonly RunSpec[], parts: readonly RunPart[]) {
  return specs.map((spec, index) => completeRun(spec, parts[index]!));
}

/** Writes the merged job's outputs as its command would have. */
async function finish(
  io: CliIo,
  options: MergeOptionValues,
  shards: readonly ReadShard[],
  merged: ReturnType<typeof mergeShards>,
): Promise<void> {
  const target = outputTarget(io, options.out, (merged.plan as { defaultOut: string }).defaultOut);
  for (const shard of shards) {
    const directory = resolve(io.cwd, shard.directory);
    const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + sep);
    if (inside(target, directory) || inside(directory, target)) {
      throw new CliError(
        `merge: the output directory ${target} would replace the shard ${shard.directory}: give another --out`,
        ExitCode.BadInput,
      );
    }
  }
  const shown: ExperimentOptionValues = { force: options.force, json: options.json, quiet: options.quiet };
  const runs = async () => results(merged.specs, merged.parts);
  switch (merged.command) {
    case 'run': {
      const plan = merged.plan as RunPlan;
      const directory = outputTarget(io, options.out, plan.defaultOut);
      const spec = merged.specs[0]!;
      const result = await writeRunDirectory(
        directory,
        plan.scenario,
        { ...plan.outputs, output: outputOptions(io, options) },
        async (staged) => {
          if (spec.eventsPath !== undefined) {
            // The shard that ran replication 1 wrote its event log.
            const first = shards.find((shard) => shard.manifest.runs[0]?.replications.includes(1));
            const events = first === undefined ? undefined : join(resolve(io.cwd, first.directory), 'events.ndjson');
            if (events === undefined || !existsSync(events))
              throw new CliError(
                `merge: the shard with replication 1 (${first?.directory ?? '?'}) has no events.ndjson: run it again`,
                ExitCode.BadInput,
              );
            copyFileSync(events, staged.file('events.ndjson'));
          }
          return completeRun(spec, merged.parts[0]!);
        },
      );
      printRun(io, options, plan, result, directory);
      return;
    }
    case 'compare': {
      const plan = merged.plan as ComparePlan;
      return finishCompare(io, shown, outputTarget(io, options.out, plan.defaultOut), plan, runs);
    }
    case 'sweep': {
      const plan = merged.plan as SweepPlan;
      return finishSweep(io, shown, outputTarget(io, options.out, plan.defaultOut), plan, runs);
    }
    case 'pressure': {
      const plan = merged.plan as PressurePlan;
      return finishPressure(io, shown, outputTarget(io, options.out, plan.defaultOut), plan, runs);
    }
    case 'frameworks': {
      const plan = merged.plan as FrameworksPlan;
      // A study keeps only each replication's KPI values; its runs are never summarized as a run's.
      return finishFrameworks(io, shown, outputTarget(io, options.out, plan.defaultOut), plan, async () =>
        merged.parts.map(runValues),
      );
    }
    default:
      throw new CliError(`merge: shards of "${merged.command}" cannot be merged by this desksim`, ExitCode.BadInput);
  }
}

/** Adds `desksim merge` to the program. */
export function registerMerge(program: Command, io: CliIo): void {
  program
    .command('merge')
    .summary('put the shards of a run, compare, sweep, pressure or frameworks together')
    .description(
      'Put together the shard directories that\n' +
        '`desksim run|compare|sweep|pressure|frameworks --shard i/n` wrote (one per task\n' +
        'of an array job: a Kubernetes Indexed Job, a Slurm job array) and write the\n' +
        'outputs the command would have written unsharded, byte for byte: the same\n' +
        'summary, tables, charts and report. Every shard of the job must be given, each\n' +
        'once; shards of different jobs (other scenarios, options or desksim version)\n' +
        "are refused, exit 2. The output directory is the unsharded command's default\n" +
        'unless --out; the shard directories are only read. docs/scale-out.md has the\n' +
        'manifests for Kubernetes and Slurm.',
    )
    .argument('<shards...>', 'the shard directories')
    .option('-o, --out <dir>', "output directory (default: the unsharded command's)")
    .option('--force', FORCE_HELP)
    .option('--json', 'print the result as JSON to stdout instead of the table')
    .option('--quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  # a sweep in two parts (two machines, two tasks of an array job), then the whole sweep:\n' +
        '  $ desksim sweep scenarios/experiments/tier1-staffing.yaml --set horizon.days=8 -r 2 --quiet --shard 1/2' +
        ' --out outputs/part-1' +
        ' && desksim sweep scenarios/experiments/tier1-staffing.yaml --set horizon.days=8 -r 2 --quiet --shard 2/2' +
        ' --out outputs/part-2' +
        ' && desksim merge outputs/part-1 outputs/part-2 --out outputs/tier1-staffing --quiet\n',
    )
    .action(async (directories: string[], options: MergeOptionValues) => {
      let shards: ReadShard[];
      let merged: ReturnType<typeof mergeShards>;
      try {
        shards = directories.map((directory) => openShard(io, directory));
        merged = mergeShards(shards);
      } catch (error) {
        if (error instanceof ShardError) throw new CliError(`merge: ${error.message}`, ExitCode.BadInput);
        throw error;
      }
      await finish(io, options, shards, merged);
    });
}
