/**
 * Shards: an experiment split over the tasks of an array job (a Kubernetes Indexed Job, a
 * Slurm job array), each doing a fixed part of the work, and put together again by
 * `desksim merge` into outputs byte-identical to the unsharded command.
 *
 * ```
 * the job's runs × replications, in order ──unit k goes to shard (k mod n) + 1──▶ n parts
 * shard i: its replications ──▶ shard.json (which job, which part) + shard-data.bin (outcomes)
 * merge: every shard of one job, each once ──▶ every run complete ──▶ the command's outputs
 * ```
 *
 * The work is dealt round-robin over the flat list of (run, replication) units, so every
 * shard gets a fair share however the runs differ in size, and the deal depends only on the
 * job and n. A job is identified by a hash of everything that decides its outputs (the
 * command, its plan, every run's resolved scenario and what it asks of each replication),
 * so a merge refuses shards of different jobs. The outcomes are stored with `node:v8`'s
 * serializer, which keeps every number as it was (NaN, -0 and all), so the merged run's
 * statistics are computed from exactly the values the unsharded run would have had.
 */
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { VERSION } from '../version.js';
import { specReplications, type RunPart, type RunSpec } from './batch.js';

/** A part of a job: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** A shard that cannot be used (bad `--shard`, mismatched or missing shards): exit 2, the message says why. */
export class ShardError extends Error {}

/** The most shards a job may be split into. */
export const MAX_SHARDS = 100_000;

/** An array job's index variables, read by `--shard auto/n`, in the order tried. */
export const SHARD_INDEX_VARIABLES = ['JOB_COMPLETION_INDEX', 'SLURM_ARRAY_TASK_ID'] as const;

function wholeNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/**
 * Reads `--shard i/n` (1 ≤ i ≤ n) or `--shard auto/n`: the index from `JOB_COMPLETION_INDEX`
 * (a Kubernetes Indexed Job's, 0 to n − 1) or else `SLURM_ARRAY_TASK_ID` (counted from
 * `SLURM_ARRAY_TASK_MIN`, so `--array=0-2` and `--array=1-3` both work).
 */
export function parseShard(text: string, env: Readonly<Record<string, string | undefined>> = process.env): Shard {
  const match = /^\s*([^/\s]+)\s*\/\s*(\S+)\s*$/.exec(text);
  const count = wholeNumber(match?.[2]);
  if (match === null || count === undefined || count < 1 || count > MAX_SHARDS) {
    throw new ShardError(
      `--shard expects i/n (this process's part i of n, 1 ≤ i ≤ n ≤ ${MAX_SHARDS.toLocaleString('en-US')}) or ` +
        `auto/n, found "${text}"`,
    );
  }
  if (match[1] !== 'auto') {
    const index = wholeNumber(match[1]);
    if (index === undefined || index < 1 || index > count)
      throw new ShardError(`--shard ${text}: the index must be a whole number from 1 to ${count}`);
    return { index, count };
  }
  const kubernetes = env.JOB_COMPLETION_INDEX;
  if (kubernetes !== undefined) {
    const index = wholeNumber(kubernetes);
    if (index === undefined || index >= count)
      throw new ShardError(
        `--shard auto/${count}: JOB_COMPLETION_INDEX is "${kubernetes}", expected 0 to ${count - 1} (set the Job's ` +
          `completions to ${count})`,
      );
    return { index: index + 1, count };
  }
  const slurm = env.SLURM_ARRAY_TASK_ID;
  if (slurm !== undefined) {
    const id = wholeNumber(slurm);
    const first = wholeNumber(env.SLURM_ARRAY_TASK_MIN ?? '0');
    if (id === undefined || first === undefined || id < first || id - first >= count) {
      throw new ShardError(
        `--shard auto/${count}: SLURM_ARRAY_TASK_ID is "${slurm}" (SLURM_ARRAY_TASK_MIN ` +
          `${env.SLURM_ARRAY_TASK_MIN ?? 'unset'}), expected ${count} tasks, e.g. --array=0-${count - 1}`,
      );
    }
    return { index: id - first + 1, count };
  }
  throw new ShardError(
    `--shard auto/${count} reads its index from ${SHARD_INDEX_VARIABLES.join(' or ')}, and neither is set: give the ` +
      `index (--shard 1/${count}) outside an array job`,
  );
}

/**
 * The replications of each run that shard `shard` does: unit k of the flat (run, replication) list goes to shard (k mod
 * n) + 1.
 */
export function shardReplications(specs: readonly RunSpec[], shard: Shard): number[][] {
  let unit = 0;
  return specs.map((spec) => specReplications(spec).filter(() => unit++ % shard.count === shard.index - 1));
}

/** What a shard's directory holds about its job (`shard.json`). */
export interface ShardManifest {
  /** The format of shard directories. */
  desksim_shard: 1;
  version: string;
  /** The command that made it (run, compare, sweep, pressure). */
  command: string;
  shard: Shard;
  /** A hash of everything that decides the job's outputs: shards of one job have the same. */
  job: string;
  /** The replications this shard ran, per run of the job. */
  runs: Array<{ scenario: string; replications: number[] }>;
  /** SHA-256 of shard-data.bin, so a damaged or swapped data file is refused. */
  data_sha256: string;
}

/** The manifest's file in a shard directory. */
export const SHARD_MANIFEST = 'shard.json';
/** The outcomes' file in a shard directory. */
export const SHARD_DATA = 'shard-data.bin';

/** A job: the command, what it needs to write its outputs (`plan`, plain data), and its runs. */
export interface ShardJob<Plan> {
  command: string;
  plan: Plan;
  specs: RunSpec[];
}

/** The runs of a job as they decide its outputs: a shard's own paths left out. */
function jobSpecs(specs: readonly RunSpec[]): RunSpec[] {
  return specs.map(({ eventsPath, replications: _replications, ...spec }) => ({
    ...spec,
    ...(eventsPath === undefined ? {} : { eventsPath: 'events.ndjson' }),
  }));
}

/** The job's hash: JSON of the command, plan and runs (JSON, not v8: the same on every Node version). */
export function jobHash(job: ShardJob<unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify({ command: job.command, plan: job.plan, specs: jobSpecs(job.specs) }))
    .digest('hex');
}

/** A shard's two files: its manifest and its data. */
export function shardFiles(
  job: ShardJob<unknown>,
  shard: Shard,
  parts: readonly RunPart[],
): { manifest: string; data: Buffer } {
  const data = serialize({ command: job.command, plan: job.plan, specs: jobSpecs(job.specs), parts });
  const manifest: ShardManifest = {
    desksim_shard: 1,
    version: VERSION,
    command: job.command,
    shard,
    job: jobHash(job),
    runs: job.specs.map((spec, index) => ({
      scenario: spec.scenario.name,
      replications: parts[index]!.outcomes.map((outcome) => outcome.replication),
    })),
    data_sha256: createHash('sha256').update(data).digest('hex'),
  };
  return { manifest: JSON.stringify(manifest, null, 2) + '\n', data };
}

/** A shard as read back from its directory. */
export interface ReadShard {
  directory: string;
  manifest: ShardManifest;
  /** Reads and checks shard-data.bin. */
  data(): ShardJob<unknown> & { parts: RunPart[] };
}

/** A shard's files, checked: manifest text and the data file's bytes. */
export function readShard(directory: string, manifestText: string, readData: () => Buffer): ReadShard {
  let manifest: ShardManifest;
  try {
    manifest = JSON.parse(manifestText) as ShardManifest;
  } catch (error) {
    throw new ShardError(`${directory}: ${SHARD_MANIFEST} is not JSON (${(error as Error).message})`);
  }
  if (
    manifest.desksim_shard !== 1 ||
    typeof manifest.job !== 'string' ||
    typeof manifest.shard?.index !== 'number' ||
    typeof manifest.shard?.count !== 'number'
  ) {
    throw new ShardError(`${directory}: ${SHARD_MANIFEST} is not a desksim shard manifest`);
  }
  return {
    directory,
    manifest,
    data() {
      const bytes = readData();
      if (createHash('sha256').update(bytes).digest('hex') !== manifest.data_sha256) {
        throw new ShardError(
          `${directory}: ${SHARD_DATA} does not match its manifest (damaged, or from another shard): run this shard ` +
            `again`,
        );
      }
      try {
        return deserialize(bytes) as ShardJob<unknown> & { parts: RunPart[] };
      } catch (error) {
        throw new ShardError(
          `${directory}: ${SHARD_DATA} cannot be read (${(error as Error).message}); was it written by another Node ` +
            `version?`,
        );
      }
    },
  };
}

/**
 * Checks that the shards are every part of one job, each once, and puts each run's parts
 * together. Refuses (ShardError) shards of different jobs, versions or counts, a shard given
 * twice and a missing shard, naming the directories.
 */
export function mergeShards(shards: readonly ReadShard[]): ShardJob<unknown> & { parts: RunPart[] } {
  const [first] = shards;
  if (first === undefined) throw new ShardError('merge needs the shard directories of one job');
  const { count } = first.manifest.shard;
  for (const shard of shards) {
    const { manifest } = shard;
    const differs = (what: string, mine: unknown, theirs: unknown) =>
      new ShardError(
        `${shard.directory} and ${first.directory} are not shards of one job: ${what} ${JSON.stringify(mine)} and ` +
          `${JSON.stringify(theirs)}`,
      );
    if (manifest.command !== first.manifest.command)
      throw differs('commands', manifest.command, first.manifest.command);
    if (manifest.version !== first.manifest.version)
      throw differs('desksim versions', manifest.version, first.manifest.version);
    if (manifest.shard.count !== count) throw differs('shard counts', manifest.shard.count, count);
    if (manifest.job !== first.manifest.job) {
      throw new ShardError(
        `${shard.directory} and ${first.directory} are not shards of one job: their scenarios or options differ (job ` +
          `${manifest.job.slice(0, 12)}… and ${first.manifest.job.slice(0, 12)}…)`,
      );
    }
  }
  const byIndex = new Map<number, ReadShard>();
  for (const shard of shards) {
    const twin = byIndex.get(shard.manifest.shard.index);
    if (twin !== undefined)
      throw new ShardError(
        `shard ${shard.manifest.shard.index}/${count} is given twice: ${twin.directory} and ${shard.directory}`,
      );
    byIndex.set(shard.manifest.shard.index, shard);
  }
  const missing = Array.from({ length: count }, (_, index) => index + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) {
    const shown =
      missing
        .slice(0, 10)
        .map((index) => `${index}/${count}`)
        .join(', ') + (missing.length > 10 ? ` and ${missing.length - 10} more` : '');
    throw new ShardError(
      `incomplete: ${missing.length} of ${count} shards missing (${shown}); merge needs every shard of the job`,
    );
  }

  const ordered = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, shard]) => shard);
  const datas = ordered.map((shard) => shard.data());
  const job = datas[0]!;
  const parts: RunPart[] = job.specs.map(() => ({ outcomes: [], ticketRows: [] }));
  for (const data of datas) {
    data.parts.forEach((part, run) => {
      const merged = parts[run]!;
      merged.outcomes.push(...part.outcomes);
      merged.ticketRows.push(...part.ticketRows);
      if (part.tickets !== undefined) merged.tickets = part.tickets;
    });
  }
  job.specs.forEach((spec, run) => {
    const part = parts[run]!;
    part.outcomes.sort((a, b) => a.replication - b.replication);
    part.ticketRows.sort((a, b) => a.replication - b.replication);
    const got = part.outcomes.map((outcome) => outcome.replication);
    const wanted = specReplications(spec);
    if (got.length !== wanted.length || got.some((replication, index) => replication !== wanted[index])) {
      throw new ShardError(
        `${spec.scenario.name}: the shards hold replications ${got.join(', ') || 'none'}, expected 1 to ` +
          `${wanted.length}`,
      );
    }
  });
  return { command: job.command, plan: job.plan, specs: job.specs, parts };
}
