/** `desksim sweep <experiment>`: a scenario over a grid of parameter values, every KPI at every point. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { runSpecs } from '../../experiment/batch.js';
import { kpiColumns, type RunResult } from '../../experiment/run.js';
import { loadExperiment, type LoadedExperiment } from '../../experiment/experiment-file.js';
import {
  ParetoError,
  paretoFront,
  paretoKpis,
  parameterText,
  pointSummary,
  sweepCsv,
  sweepResult,
  type SweepResult,
} from '../../experiment/sweep.js';
import { toCsv } from '../../document/csv.js';
import { sweepCharts, sweepReportHtml } from '../../report/experiment-reports.js';
import { ScenarioError } from '../../document/errors.js';
import { alignedTable, formatMeanPlusMinus } from '../experiment-format.js';
import { CliError, ExitCode, type CliIo } from '../io.js';
import {
  experimentOptions,
  experimentProgress,
  jsonText,
  safeName,
  writeExperiment,
  type ExperimentOptionValues,
} from './experiment-shared.js';
import { parseWorkers } from './run.js';
import { outputTarget, printInvalid, scenarioOptions, type ScenarioOptionValues } from './shared.js';
import { parseShardOption, SHARD_HELP, writeShard } from './shard-output.js';

type SweepOptionValues = ScenarioOptionValues & ExperimentOptionValues & { pareto?: string; shard?: string };

/** Loads the experiment with the command line's overrides; bad input ⇒ exit 2. */
function loadForSweep(file: string, options: ScenarioOptionValues, io: CliIo): LoadedExperiment {
  const overrides = [...(options.set ?? [])];
  if (options.seed !== undefined) overrides.push(`seed=${options.seed}`);
  if (options.replications !== undefined) overrides.push(`replications=${options.replications}`);
  try {
    return loadExperiment(resolve(io.cwd, file), { overrides, allowLarge: options.allowLarge === true });
  } catch (error) {
    if (error instanceof ScenarioError) {
      if (options.json) printInvalid(error.issues, io);
      throw new CliError(error.message, ExitCode.BadInput);
    }
    throw error;
  }
}

/** Adds `desksim sweep` to the program. */
export function registerSweep(program: Command, io: CliIo): void {
  experimentOptions(
    scenarioOptions(
      program
        .command('sweep')
        .summary('run a scenario over a grid of parameter values; KPI curves')
        .description(
          'Run the scenario an experiment file names at every point of its grid (every combination\n' +
            'of the values given for one or more --set paths), all with the same seed (common random\n' +
            'numbers), and summarise every KPI at every point (mean, 95% CI). Writes\n' +
            'outputs/sweep-<name>/: sweep.json and sweep.csv (one row per point and KPI, the\n' +
            'parameter values as columns), and report.html with the KPI curves against the swept\n' +
            'parameter (charts/) unless --no-report. The experiment file:\n\n' +
            '  name: tier1-staffing\n' +
            '  scenario: ../baseline.yaml          # relative to this file\n' +
            '  replications: 5                     # optional, like seed\n' +
            '  set: ["horizon.days=21"]            # optional, applied at every point\n' +
            '  grid:\n' +
            '    tiers.tier1.shifts.0.agents: [4, 5, 6]\n' +
            '    tiers.tier1.shifts.1.agents: [3, 4, 5]\n' +
            "  kpis: [first_response_time_mean, cost_per_ticket]   # optional: the table's columns\n\n" +
            "Overrides apply in order: the experiment's set, seed and replications, then --set,\n" +
            '--seed and --replications, then the grid values.',
        )
        .argument('<experiment>', 'experiment YAML file'),
    ),
    'outputs/sweep-<name>',
  )
    .option('--shard <i/n>', SHARD_HELP)
    .option(
      '--pareto <kpis>',
      'mark the Pareto-optimal points on two or three KPIs (a,b[,c]), by their better directions; draw the front',
    )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ desksim sweep scenarios/experiments/tier1-staffing.yaml --set horizon.days=10 --replications 2\n' +
        '  $ desksim sweep scenarios/experiments/tier1-staffing.yaml --set horizon.days=21 -r 3' +
        ' --pareto cost_per_ticket,first_response_time_mean --out outputs/pareto\n' +
        '  $ desksim sweep scenarios/experiments/tier1-staffing.yaml --set horizon.days=10 -r 2 --json' +
        ' --out outputs/staffing\n' +
        '  # one part of three (e.g. on three machines), then the whole sweep from the parts (docs/scale-out.md):\n' +
        '  $ desksim sweep scenarios/experiments/tier1-staffing.yaml --set horizon.days=10 -r 2 --shard 1/3' +
        ' --out outputs/part-1 --quiet\n',
    )
    .action(async (file: string, options: SweepOptionValues) => {
      const loaded = loadForSweep(file, options, io);
      let pareto: ReturnType<typeof paretoKpis> | undefined;
      try {
        pareto =
          options.pareto === undefined ? undefined : paretoKpis(options.pareto, kpiColumns(loaded.points[0]!.scenario));
      } catch (error) {
        if (error instanceof ParetoError) throw new CliError(error.message, ExitCode.BadInput);
        throw error;
      }
      const plan: SweepPlan = {
        loaded,
        pareto,
        report: options.report !== false,
        defaultOut: `outputs/sweep-${safeName(loaded.experiment.name)}`,
      };
      const specs = loaded.points.map((point) => ({ scenario: point.scenario }));
      const shard = parseShardOption(options.shard, io);
      if (shard !== undefined)
        return writeShard(io, options, { command: 'sweep', plan, specs, defaultOut: plan.defaultOut }, shard);
      const workers = parseWorkers(options.workers);
      const progress = experimentProgress(io, options, `Sweeping ${loaded.points.length} points`);
      await finishSweep(io, options, outputTarget(io, options.out, plan.defaultOut), plan, () =>
        runSpecs(specs, { workers, onProgress: progress }),
      );
    });
}

/** A point's place in a Pareto front, as a word or two: front, dominated by N, within noise, no value. */
function paretoStanding(front: NonNullable<SweepResult['pareto']>, point: number): string {
  if (front.optimal.includes(point)) return 'front';
  const dominated = front.dominated.find((entry) => entry.point === point);
  if (dominated === undefined) return 'no value';
  return `dominated by ${dominated.by}${dominated.clearly ? '' : ' (within noise)'}`;
}

/** What a sweep needs besides its runs to write its outputs (kept in shards for `desksim merge`). */
export interface SweepPlan {
  loaded: LoadedExperiment;
  pareto: ReturnType<typeof paretoKpis> | undefined;
  report: boolean;
  defaultOut: string;
}

/**
 * Writes a sweep's output directory from its runs (one per grid point): the command's and `desksim merge`'s last step.
 */
export async function finishSweep(
  io: CliIo,
  options: ExperimentOptionValues,
  directory: string,
  plan: SweepPlan,
  runs: () => Promise<RunResult[]>,
): Promise<void> {
  await writeExperiment(
    io,
    { ...options, report: plan.report },
    directory,
    async (staged) => {
      const result = sweepResult(
        plan.loaded,
        (await runs()).map((run) => run.summary),
      );
      if (plan.pareto !== undefined) result.pareto = paretoFront(result, plan.pareto);
      const csv = sweepCsv(result);
      staged.write('sweep.json', jsonText(result));
      staged.write('sweep.csv', toCsv(csv.header, csv.rows));
      return result;
    },
    { charts: sweepCharts, html: sweepReportHtml, text: renderSweep },
  );
}

/** The terminal report of a sweep: one row per grid point, its parameter values and headline KPIs. */
export function renderSweep(result: SweepResult, directory: string): string {
  const front = result.pareto;
  const rows: string[][] = [
    ['point', ...result.parameters, ...result.kpis, ...(front === undefined ? [] : ['pareto'])],
  ];
  for (const point of result.points) {
    const standing = front === undefined ? [] : [paretoStanding(front, point.point)];
    rows.push([
      String(point.point),
      ...result.parameters.map((path) => String(parameterText(point.parameters[path]!))),
      ...result.kpis.map((kpi) => formatMeanPlusMinus(pointSummary(point, kpi))),
      ...standing,
    ]);
  }
  return (
    `${result.experiment}: ${result.scenario} at ${result.points.length} grid point(s), ` +
    `seed ${result.seed} (the same at every point), ` +
    `${result.replications} replication(s) each — mean ±95% CI half-width\n` +
    alignedTable(rows) +
    (front === undefined
      ? ''
      : `Pareto front on ${front.kpis.map(({ kpi, better }) => `${kpi} (${better} is better)`).join(', ')}: ` +
        `point(s) ${front.optimal.join(', ')}\n`) +
    `Every KPI at every point: sweep.csv, sweep.json\nWrote ${directory}\n`
  );
}
