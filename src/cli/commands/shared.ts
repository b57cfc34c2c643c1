/** Options every scenario-reading command shares, and the one way they load a scenario. */
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { ScenarioError } from '../../scenario/errors.js';
import { loadScenarioFile, type LoadedScenario } from '../../scenario/load.js';
import { CliError, ExitCode, type CliIo } from '../io.js';

export interface ScenarioOptionValues {
  set?: string[];
  seed?: string;
  replications?: string;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Adds --set, --seed and --replications to a command. */
export function scenarioOptions(command: Command): Command {
  return command
    .addOption(
      new Option('-s, --set <path=value>', 'override a scenario field (repeatable); tiers by id: tiers.tier1.agents=8').argParser(collect),
    )
    .option('--seed <n>', 'seed of every random stream (same as --set seed=<n>)')
    .option('-r, --replications <n>', 'number of replications (same as --set replications=<n>)');
}

/** Loads and validates the scenario with the command's overrides; bad input ⇒ exit 2 (after `onError`, e.g. to print the issues as JSON). */
export function loadForCommand(file: string, options: ScenarioOptionValues, io: CliIo, onError?: (error: ScenarioError) => void): LoadedScenario {
  const overrides = [...(options.set ?? [])];
  if (options.seed !== undefined) overrides.push(`seed=${options.seed}`);
  if (options.replications !== undefined) overrides.push(`replications=${options.replications}`);
  try {
    return loadScenarioFile(resolve(io.cwd, file), { overrides });
  } catch (error) {
    if (error instanceof ScenarioError) {
      onError?.(error);
      throw new CliError(error.message, ExitCode.BadInput);
    }
    throw error;
  }
}
