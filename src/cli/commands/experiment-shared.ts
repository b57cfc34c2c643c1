/** What `compare`, `sweep` and `pressure` share: options, progress, names, writing a run's files. */
import type { Command } from 'commander';
import { defaultWorkers, kpiColumns, kpiRows, type RunResult } from '../../experiment/run.js';
import { toCsv } from '../../report/csv.js';
import type { StagedDirectory } from '../../report/output-directory.js';
import { resolvedScenarioYaml } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/schema.js';
import type { CliIo } from '../io.js';
import { startProgress, type Progress } from '../progress.js';

/** Options every experiment command takes besides the scenario options. */
export interface ExperimentOptionValues {
  out?: string;
  workers?: string;
  json?: boolean;
  quiet?: boolean;
  /** False with --no-report: no charts, no report.html. */
  report?: boolean;
}

/** Adds --out, --json, --quiet, --no-report and --workers. */
export function experimentOptions(command: Command, defaultOut: string): Command {
  return command
    .option('--out <dir>', `output directory (default: ${defaultOut})`)
    .option('--json', 'print the result as JSON to stdout instead of the table')
    .option('--quiet', 'print nothing but errors')
    .option('--no-report', 'skip charts/ and report.html')
    .option(
      '-w, --workers <n>',
      `run each scenario's replications on n worker threads; results are identical for any n (default: the cores, ${defaultWorkers()} here, for runs of a million tickets or more; else 1)`,
    );
}

/** A name made safe for a directory: letters, digits, `.`, `_` and `-`. */
export function safeName(text: string): string {
  return text.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'experiment';
}

/**
 * The progress callback of an experiment: a progress bar over every replication of every run
 * on a terminal (cli-progress), nothing with --quiet, --json or off a terminal.
 */
export function experimentProgress(io: CliIo, options: ExperimentOptionValues, label: string): ((done: number, total: number) => void) | undefined {
  if (!io.interactive || options.quiet || options.json) return undefined;
  let progress: Progress | undefined;
  return (done, total) => {
    progress ??= startProgress(io, label, total, 'replications', options);
    progress.update(done);
    if (done >= total) progress.stop();
  };
}

/** Writes one run's files into a sub-folder of a staged directory: summary.json, kpis.csv, scenario.resolved.yaml. */
export function writeRunFiles(staged: StagedDirectory, folder: string, scenario: Scenario, result: RunResult): void {
  staged.write(`${folder}/summary.json`, JSON.stringify(result.summary, null, 2) + '\n');
  staged.write(`${folder}/kpis.csv`, toCsv(['replication', ...kpiColumns(scenario)], kpiRows(scenario, result.outcomes)));
  staged.write(`${folder}/scenario.resolved.yaml`, resolvedScenarioYaml(scenario));
}

/** JSON as written to files and stdout: two-space indent, a final newline. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
