/** Options every scenario-reading command shares, and the one way they load a scenario. */
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { ScenarioError, type ScenarioIssue } from '../../document/errors.js';
import { loadScenarioFile, prepareScenarioFile, type LoadedScenario, type ValueOverride } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/schema.js';
import type { OutputOptions } from '../../report/output-directory.js';
import { CliError, ExitCode, type CliIo } from '../io.js';

export interface ScenarioOptionValues {
  set?: string[];
  seed?: string;
  replications?: string;
  /** --allow-large: run past the work limits (scenario/size.ts). */
  allowLarge?: boolean;
  /** --json, on commands that have it: invalid input is printed as {"valid": false, "issues"} on stdout too. */
  json?: boolean;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** The --allow-large help, shared by every command that runs scenarios. */
export const ALLOW_LARGE_HELP =
  'run even if the estimated work exceeds the limits (1 million expected tickets per replication, 20 million in all, ' +
  '10,000 agents, 5 million agent-days); without it such a run stops with exit 2 before it starts';

/** Adds --set, --seed, --replications and --allow-large to a command. */
export function scenarioOptions(command: Command): Command {
  return command
    .option('--allow-large', ALLOW_LARGE_HELP)
    .addOption(
      new Option(
        '-s, --set <path=value>',
        'override a scenario field (repeatable); tiers by id: tiers.tier1.agents=8',
      ).argParser(collect),
    )
    .option('--seed <n>', 'seed of every random stream (same as --set seed=<n>)')
    .option('-r, --replications <n>', 'number of replications (same as --set replications=<n>)');
}

/**
 * `--json` on invalid input: the same object as `desksim validate --json`, so a script always gets an answer on stdout.
 */
export function printInvalid(issues: readonly ScenarioIssue[], io: CliIo): void {
  io.stdout(JSON.stringify({ valid: false, issues }, null, 2) + '\n');
}

/**
 * Loads and validates the scenario with the command's overrides; bad input ⇒ exit 2 (after `onError`, e.g. to print the
 * issues as JSON).
 */
export function loadForCommand(
  file: string,
  options: ScenarioOptionValues,
  io: CliIo,
  onError?: (error: ScenarioError) => void,
): LoadedScenario {
  const overrides = [...(options.set ?? [])];
  if (options.seed !== undefined) overrides.push(`seed=${options.seed}`);
  if (options.replications !== undefined) overrides.push(`replications=${options.replications}`);
  try {
    return loadScenarioFile(resolve(io.cwd, file), { overrides, allowLarge: options.allowLarge === true });
  } catch (error) {
    if (error instanceof ScenarioError) {
      if (options.json) printInvalid(error.issues, io);
      onError?.(error);
      throw new CliError(error.message, ExitCode.BadInput);
    }
    throw error;
  }
}

/**
 * A scenario read once with the command's overrides, to be resolved with more values as data
 * (pressure levels): `resolve` validates, and bad input ⇒ exit 2 as with `loadForCommand`.
 */
export function prepareForCommand(
  file: string,
  options: ScenarioOptionValues,
  io: CliIo,
): (extra: readonly ValueOverride[]) => Scenario {
  const overrides = [...(options.set ?? [])];
  if (options.seed !== undefined) overrides.push(`seed=${options.seed}`);
  if (options.replications !== undefined) overrides.push(`replications=${options.replications}`);
  const prepared = prepareScenarioFile(resolve(io.cwd, file));
  return (extra) => {
    try {
      return prepared.resolve([...overrides, ...extra], { allowLarge: options.allowLarge === true }).scenario;
    } catch (error) {
      if (error instanceof ScenarioError) {
        if (options.json) printInvalid(error.issues, io);
        throw new CliError(error.message, ExitCode.BadInput);
      }
      throw error;
    }
  };
}

/** What `--force` means for an output directory, said once for every command that writes one. */
export const FORCE_HELP =
  'replace the output directory even if desksim did not write it ' +
  '(never a file, the current directory, a parent of it, / or your home)';

/**
 * The output directory: `--out` (an empty one is refused, exit 2), else `defaultPath`; relative to the working
 * directory.
 */
export function outputTarget(io: CliIo, out: string | undefined, defaultPath: string): string {
  if (out !== undefined && out.trim() === '') {
    throw new CliError(
      '--out needs a directory name: an empty one would be the current directory, which desksim never replaces',
      ExitCode.BadInput,
    );
  }
  return resolve(io.cwd, out ?? defaultPath);
}

/** How a command writes its output directory: --force, and the command line for the marker. */
export function outputOptions(io: CliIo, options: { force?: boolean }): OutputOptions {
  return { force: Boolean(options.force), commandLine: io.argv, cwd: io.cwd };
}
