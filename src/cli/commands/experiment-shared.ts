/**
 * What `compare`, `sweep`, `pressure` and `frameworks` share: options, progress, names, writing a run's files and the
 * whole output.
 */
import type { Command } from 'commander';
import { defaultWorkers, kpiColumns, kpiRows, type RunResult } from '../../experiment/run.js';
import { toCsv } from '../../document/csv.js';
import { startChartRenderer } from '../../report/chart-renderer.js';
import type { Chart, RenderedChart } from '../../report/charts/chart.js';
import { writeExperimentReport } from '../../report/experiment-reports.js';
import { writeAtomically, type StagedDirectory } from '../../report/output-directory.js';
import { resolvedScenarioYaml } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/schema.js';
import { reportLine } from '../format.js';
import { slug } from '../../report/slug.js';
import type { CliIo } from '../io.js';
import { startProgress, type Progress } from '../progress.js';
import { FORCE_HELP, outputOptions } from './shared.js';
import { formatWarnings, namedWarnings, type ExperimentWarning } from '../../experiment/warnings.js';

/** Options every experiment command takes besides the scenario options. */
export interface ExperimentOptionValues {
  out?: string;
  force?: boolean;
  workers?: string;
  json?: boolean;
  quiet?: boolean;
  /** False with --no-report: no charts, no report.html. */
  report?: boolean;
}

/** Adds --out, --force, --json, --quiet, --no-report and --workers. */
export function experimentOptions(command: Command, defaultOut: string): Command {
  return command
    .option('--out <dir>', `output directory (default: ${defaultOut})`)
    .option('--force', FORCE_HELP)
    .option('--json', 'print the result as JSON to stdout instead of the table')
    .option('--quiet', 'print nothing but errors')
    .option('--no-report', 'skip charts/ and report.html')
    .option(
      '-w, --workers <n>',
      "run each scenario's replications on n worker threads; results are identical for any n " +
        `(default: the cores, ${defaultWorkers()} here, for runs of a million tickets or more; else 1)`,
    );
}

/** A name made safe for a directory: its slug (letters, digits, `.`, `_` and `-`; never `.` or `..`). */
export function safeName(text: string): string {
  return slug(text, 'experiment');
}

/**
 * The progress callback of an experiment: a progress bar over every replication of every run
 * on a terminal (cli-progress), nothing with --quiet, --json or off a terminal.
 */
export function experimentProgress(
  io: CliIo,
  options: ExperimentOptionValues,
  label: string,
): ((done: number, total: number) => void) | undefined {
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
  staged.write(
    `${folder}/kpis.csv`,
    toCsv(['replication', ...kpiColumns(scenario)], kpiRows(scenario, result.outcomes)),
  );
  staged.write(`${folder}/scenario.resolved.yaml`, resolvedScenarioYaml(scenario));
}

/** JSON as written to files and stdout: two-space indent, a final newline. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** How an experiment's result is shown: its report's charts and page, and the terminal table. */
export interface ExperimentPresentation<T> {
  charts(result: T): Chart[];
  html(result: T, charts: readonly RenderedChart[]): string;
  text(result: T, directory: string): string;
}

/**
 * Writes an experiment's output directory atomically: `stage` runs the experiment, stages its
 * files and returns the result; unless --no-report, the charts and report.html are staged
 * beside them (rendered in a worker started before the runs, so that it is warm by then).
 * Then prints the result: JSON with --json, else the table and the report's path.
 */
export async function writeExperiment<T>(
  io: CliIo,
  options: ExperimentOptionValues,
  directory: string,
  stage: (staged: StagedDirectory) => Promise<T>,
  presentation: ExperimentPresentation<T>,
): Promise<T> {
  let result: { value: T } | undefined;
  const renderer = options.report === false ? undefined : startChartRenderer();
  try {
    await writeAtomically(
      directory,
      async (staged) => {
        const value = await stage(staged);
        result = { value };
        if (renderer !== undefined) {
          await writeExperimentReport(
            presentation.charts(value),
            (charts) => presentation.html(value, charts),
            (path, content) => staged.write(path, content),
            renderer,
          );
        }
      },
      outputOptions(io, options),
    );
  } finally {
    await renderer?.close();
  }
  const value = result!.value;
  if (options.json) io.stdout(jsonText(value));
  else if (!options.quiet) {
    // The runs' warnings go just above the closing "Wrote <directory>" line of the text.
    const warnings = formatWarnings(namedWarnings((value as { warnings?: ExperimentWarning[] }).warnings ?? []));
    const text = presentation.text(value, directory);
    const closing = text.lastIndexOf(`Wrote ${directory}`);
    const withWarnings = closing < 0 ? text + warnings : text.slice(0, closing) + warnings + text.slice(closing);
    io.stdout(withWarnings + (options.report === false ? '' : reportLine(directory)));
  }
  return value;
}
