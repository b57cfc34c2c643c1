/** `desksim pressure <scenario> --kpi <id>`: push one KPI harder and harder; every KPI's and the truth's shift. */
import type { Command } from 'commander';
import { runSpecs } from '../../experiment/batch.js';
import type { RunResult } from '../../experiment/run.js';
import { parseShardOption, SHARD_HELP, writeShard } from './shard-output.js';
import {
  DEFAULT_PRESSURE_LEVELS,
  INCENTIVE_KPIS,
  incentiveOverride,
  lookup,
  NO_INCENTIVES_OVERRIDE,
  PRESSURE_COLUMNS,
  pressureLevels,
  pressureMatrix,
  pressureMatrixRows,
  pressureMatrixWide,
  pressureResult,
  pressureRows,
  spilloverGroup,
  spilloverRows,
  TRUTH_KPIS,
  type PressureMatrix,
  type PressureResult,
} from '../../experiment/pressure.js';
import { isImprovement, KPI_CATALOG } from '../../metrics/catalog.js';
import { toCsv } from '../../document/csv.js';
import { PRESSURE_WHO_PAYS_COLUMNS, WHO_PAYS_SEGMENTS, whoPaysRows } from '../../experiment/who-pays.js';
import { whoPaysText } from '../../report/who-pays-section.js';
import {
  pressureCharts,
  pressureMatrixCharts,
  pressureMatrixReportHtml,
  pressureReportHtml,
} from '../../report/experiment-reports.js';
import type { Scenario } from '../../scenario/schema.js';
import { closestMatch } from '../../document/suggest.js';
import { alignedTable, formatRelative, SIGNIFICANT_MARK } from '../experiment-format.js';
import { formatValue } from '../../report/format.js';
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
import { outputTarget, prepareForCommand, scenarioOptions, type ScenarioOptionValues } from './shared.js';

interface PressureOptionValues extends ScenarioOptionValues, ExperimentOptionValues {
  kpi?: string;
  steps?: string;
  allKpis?: boolean;
  level?: string;
  shard?: string;
}

/** `--kpi` checked against the incentive table; anything else ⇒ exit 2 with a suggestion. */
export function checkIncentiveKpi(kpi: string): string {
  if (INCENTIVE_KPIS.includes(kpi)) return kpi;
  const suggestion = closestMatch(kpi, INCENTIVE_KPIS);
  const known = KPI_CATALOG.some((definition) => definition.id === kpi);
  const why = known ? `"${kpi}" is a KPI, but no incentive acts on it` : `unknown incentive KPI "${kpi}"`;
  throw new CliError(
    `--kpi: ${why}${suggestion === undefined ? '' : ` — did you mean "${suggestion}"?`}\n` +
      `  pressure can target: ${INCENTIVE_KPIS.join(', ')}`,
    ExitCode.BadInput,
  );
}

/** A pressure level: a number from 0 to 1; bad input ⇒ exit 2. */
function parseLevel(text: string, option: string): number {
  const level = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(level) || level < 0 || level > 1)
    throw new CliError(`${option} expects pressure levels from 0 to 1, found "${text}"`, ExitCode.BadInput);
  return level;
}

/** `--steps 0,0.5,1` as levels. */
export function parseSteps(text: string | undefined): number[] {
  if (text === undefined) return [...DEFAULT_PRESSURE_LEVELS];
  return text.split(',').map((part) => parseLevel(part, '--steps'));
}

/** Adds `desksim pressure` to the program. */
export function registerPressure(program: Command, io: CliIo): void {
  experimentOptions(
    scenarioOptions(
      program
        .command('pressure')
        .summary('raise incentive pressure on one KPI; see every KPI and the truth shift')
        .description(
          "Set the scenario's incentives to pressure on one KPI (replacing any it had) and raise\n" +
            'it from 0 to 1 in steps, with the same seed at every step (common random numbers). For\n' +
            'every KPI — the targeted one first, then the truth KPIs (true_*, hidden_failure_share),\n' +
            "then the rest and the tiers' — prints its change relative to pressure 0 at each step;\n" +
            '* marks a change whose paired 95% CI excludes 0. Writes\n' +
            "outputs/pressure-<scenario>-<kpi>/: pressure.json (every step's KPI summaries and\n" +
            'changes), pressure.csv (one row per KPI and step), who-pays.csv (per ticket category and\n' +
            'step: the change of its waits, their 90th percentiles and its true satisfaction), and\n' +
            'report.html with a heat map of\n' +
            "every KPI's shift and the dashboard against the truth (charts/) unless --no-report.\n" +
            'With --all-kpis: pressure (--level) on each KPI of the incentive table in turn, against\n' +
            'no pressure, and the change of every KPI: pressure-matrix.json, pressure-matrix.csv\n' +
            '(a row per pressured KPI, a column per KPI, the relative change) and\n' +
            'pressure-matrix-long.csv (every cell with its CI and p-value), and report.html with the\n' +
            'heat map of the matrix.\n\n' +
            `KPIs pressure can target: ${INCENTIVE_KPIS.join(', ')}.`,
        )
        .argument('<scenario>', 'scenario YAML file'),
    ),
    'outputs/pressure-<scenario>-<kpi>',
  )
    .option('-k, --kpi <id>', 'the KPI to put under pressure (one of the incentive table)')
    .option(
      '--steps <levels>',
      'pressure levels, comma-separated, from 0 to 1; 0 is added as the reference ' +
        `(default: ${DEFAULT_PRESSURE_LEVELS.join(',')})`,
    )
    .option('--all-kpis', 'the matrix: pressure on each incentive KPI in turn × every KPI')
    .option('--level <p>', 'with --all-kpis: the pressure applied to each KPI', '1')
    .option('--shard <i/n>', SHARD_HELP)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ desksim pressure scenarios/baseline.yaml --kpi first_response_time_mean --set horizon.days=10' +
        ' --replications 2\n' +
        '  $ desksim pressure scenarios/baseline.yaml --kpi csat_mean --steps 0,0.5,1 --set horizon.days=10 -r 2' +
        ' --json\n' +
        '  $ desksim pressure scenarios/textbook/mmc.yaml --all-kpis --level 0.8 --set horizon.days=3 -r 2\n',
    )
    .action(async (file: string, options: PressureOptionValues) => {
      if (options.allKpis && options.kpi !== undefined)
        throw new CliError('pressure: give --kpi <id> or --all-kpis, not both', ExitCode.BadInput);
      if (!options.allKpis && options.kpi === undefined)
        throw new CliError(
          `pressure: which KPI? give --kpi <id> (one of ${INCENTIVE_KPIS.join(', ')}) or --all-kpis`,
          ExitCode.BadInput,
        );
      // The file is read once; each level's incentives are applied to its parsed tree as data.
      const scenarioWith = prepareForCommand(file, options, io);
      const written = scenarioWith([]);
      const withIncentive = (kpi: string | undefined, level: number) =>
        scenarioWith([
          {
            path: ['incentives'],
            value: kpi === undefined ? [] : [{ kpi, pressure: level }],
            label: kpi === undefined ? NO_INCENTIVES_OVERRIDE : incentiveOverride(kpi, level),
          },
        ]);
      let plan: PressurePlan;
      let scenarios: Scenario[];
      if (options.allKpis) {
        const level = parseLevel(options.level ?? '1', '--level');
        plan = {
          mode: 'matrix',
          written,
          level,
          report: options.report !== false,
          defaultOut: `outputs/pressure-${safeName(written.name)}-all-kpis`,
        };
        scenarios = [withIncentive(undefined, 0), ...INCENTIVE_KPIS.map((kpi) => withIncentive(kpi, level))];
      } else {
        const kpi = checkIncentiveKpi(options.kpi!);
        const levels = pressureLevels(parseSteps(options.steps));
        plan = {
          mode: 'kpi',
          written,
          kpi,
          levels,
          report: options.report !== false,
          defaultOut: `outputs/pressure-${safeName(written.name)}-${safeName(kpi)}`,
        };
        scenarios = levels.map((level) => withIncentive(kpi, level));
      }
      // A single KPI's steps also say who pays (per ticket category); the matrix does not.
      const specs = scenarios.map((scenario) =>
        options.allKpis ? { scenario } : { scenario, detail: WHO_PAYS_SEGMENTS },
      );
      const shard = parseShardOption(options.shard, io);
      if (shard !== undefined)
        return writeShard(io, options, { command: 'pressure', plan, specs, defaultOut: plan.defaultOut }, shard);
      const workers = parseWorkers(options.workers);
      const progress = experimentProgress(
        io,
        options,
        plan.mode === 'matrix' ? `Pressure on ${INCENTIVE_KPIS.length} KPIs` : `Pressure on ${plan.kpi}`,
      );
      await finishPressure(io, options, outputTarget(io, options.out, plan.defaultOut), plan, () =>
        runSpecs(specs, { workers, onProgress: progress }),
      );
    });
}

/** What a pressure experiment needs besides its runs to write its outputs (kept in shards for `desksim merge`). */
export type PressurePlan = { written: Scenario; report: boolean; defaultOut: string } & (
  | { mode: 'kpi'; kpi: string; levels: number[] }
  | { mode: 'matrix'; level: number }
);

/**
 * Writes a pressure experiment's output directory from its runs (one per level; for the
 * matrix, no pressure first, then one per incentive KPI): the command's and `desksim merge`'s last step.
 */
export async function finishPressure(
  io: CliIo,
  options: ExperimentOptionValues,
  directory: string,
  plan: PressurePlan,
  runs: () => Promise<RunResult[]>,
): Promise<void> {
  const shown = { ...options, report: plan.report };
  if (plan.mode === 'matrix') {
    await writeExperiment(
      io,
      shown,
      directory,
      async (staged) => {
        const [reference, ...others] = await runs();
        const matrix = pressureMatrix(plan.written, plan.level, INCENTIVE_KPIS, reference!, others);
        const wide = pressureMatrixWide(matrix);
        staged.write('pressure-matrix.json', jsonText(matrix));
        staged.write('pressure-matrix.csv', toCsv(wide.header, wide.rows));
        staged.write('pressure-matrix-long.csv', toCsv(PRESSURE_COLUMNS, pressureMatrixRows(matrix)));
        return matrix;
      },
      { charts: pressureMatrixCharts, html: pressureMatrixReportHtml, text: renderPressureMatrix },
    );
    return;
  }
  await writeExperiment(
    io,
    shown,
    directory,
    async (staged) => {
      const result = pressureResult(plan.kpi, plan.written, plan.levels, await runs());
      staged.write('pressure.json', jsonText(result));
      staged.write('pressure.csv', toCsv(PRESSURE_COLUMNS, pressureRows(result)));
      staged.write(
        'who-pays.csv',
        toCsv(
          PRESSURE_WHO_PAYS_COLUMNS,
          result.steps
            .slice(1)
            .flatMap((step) => whoPaysRows(step.pressure, `pressure ${plan.levels[0]}`, step.who_pays)),
        ),
      );
      return result;
    },
    { charts: pressureCharts, html: pressureReportHtml, text: renderPressure },
  );
}

/** "better", "worse" or "" for a significant change of a KPI with a known direction. */
function verdict(kpi: string, change: { difference: number | null; significant: boolean } | undefined): string {
  if (change === undefined || !change.significant || change.difference === null) return '';
  const improved = isImprovement(kpi, change.difference);
  return improved === undefined ? '' : improved ? 'better' : 'worse';
}

const groupHeadings = {
  targeted: 'the KPI under pressure',
  truth: 'the truth (simulation only)',
  observed: 'the other KPIs',
  tier: 'per tier',
} as const;

/** The sentence on the targeted KPI: which way is better, and where it went at the highest pressure. */
function targetSentence(result: PressureResult): string {
  const top = result.steps[result.steps.length - 1]!;
  const change = lookup(top.change, result.kpi);
  const better =
    result.better === null
      ? `No direction is known to be better for ${result.kpi}.`
      : `${result.better === 'lower' ? 'Lower' : 'Higher'} ${result.kpi} is better.`;
  if (change === undefined || top.pressure === 0) return better;
  if (change.n === 0 || change.difference === null)
    return (
      `${better} It has no value in these runs (the events it needs did not happen in the measured window), ` +
      'so its change cannot be judged.'
    );
  if (change.difference === 0 && change.sd === 0)
    return (
      `${better} At pressure ${top.pressure} it did not change at all: ` +
      'every replication gave exactly the value it gave without pressure.'
    );
  const interval = `95% CI ${formatRelativeInterval(change.relative_ci95)}`;
  const judged = verdict(result.kpi, change);
  const moved = change.significant
    ? `At pressure ${top.pressure} it changed ${formatRelative(change.relative)} ` +
      `(${interval})${judged === '' ? '' : `: ${judged} on the dashboard`}.`
    : `At pressure ${top.pressure} it did not change significantly (${formatRelative(change.relative)}, ${interval}).`;
  return `${better} ${moved}`;
}

function formatRelativeInterval(interval: [number, number] | null): string {
  return interval === null ? '—' : `${formatRelative(interval[0])} to ${formatRelative(interval[1])}`;
}

/** The terminal spill-over table: each KPI's relative change from pressure 0 at every level. */
export function renderPressure(result: PressureResult, directory: string): string {
  const reference = result.steps[0]!;
  const raised = result.steps.slice(1);
  const top = raised[raised.length - 1];
  const lines = [
    `Pressure on ${result.kpi} in ${result.scenario}: seed ${result.seed}, ` +
      `${result.replications} replication(s) at each level, the same tickets at every level (common random numbers).`,
    targetSentence(result),
  ];
  if (result.replaced_incentives.length > 0) {
    lines.push(
      `Note: the scenario's own incentives ` +
        `(${result.replaced_incentives.map((incentive) => `${incentive.kpi} at ${incentive.pressure}`).join(', ')}) ` +
        `were replaced by pressure on ${result.kpi} alone.`,
    );
  }
  const rows: string[][] = [
    ['KPI', 'at 0', ...raised.map((step) => `${step.pressure}`), top === undefined ? '' : `at ${top.pressure}`],
  ];
  let group: string | undefined;
  for (const [kpi, base] of spilloverRows(reference.change, result.kpi)) {
    const here = spilloverGroup(kpi, result.kpi);
    if (here !== group) {
      rows.push([groupHeadings[here]]);
      group = here;
    }
    const cells = raised.map((step) => {
      const change = lookup(step.change, kpi);
      return change === undefined
        ? '—'
        : `${formatRelative(change.relative)}${change.significant ? SIGNIFICANT_MARK : ' '}`;
    });
    rows.push([
      kpi,
      formatValue(base.reference_mean, base.unit),
      ...cells,
      top === undefined ? '' : verdict(kpi, lookup(top.change, kpi)),
    ]);
  }
  return (
    lines.join('\n') +
    '\nRelative change from pressure 0 (' +
    `${SIGNIFICANT_MARK} = its paired 95% CI excludes 0; ` +
    'the last column judges significant changes at the highest level)\n' +
    alignedTable(rows) +
    raised
      .flatMap((step) => {
        const text = whoPaysText(step.who_pays);
        return text === undefined ? [] : [`At pressure ${step.pressure}: ${text}\n`];
      })
      .join('') +
    `Wrote ${directory}\n`
  );
}

/** The terminal matrix: per pressured KPI, its own change and the truth KPIs'. */
export function renderPressureMatrix(matrix: PressureMatrix, directory: string): string {
  const truth = TRUTH_KPIS.filter((kpi) => kpi in matrix.reference.kpis);
  const rows: string[][] = [['pressure on', 'itself', '', ...truth]];
  for (const row of matrix.rows) {
    const own = lookup(row.change, row.kpi);
    const cell = (kpi: string) => {
      const change = lookup(row.change, kpi);
      return change === undefined
        ? '—'
        : `${formatRelative(change.relative)}${change.significant ? SIGNIFICANT_MARK : ' '}`;
    };
    rows.push([row.kpi, cell(row.kpi), verdict(row.kpi, own), ...truth.map(cell)]);
  }
  const header = [
    `Pressure ${matrix.level} on each incentive KPI in turn, in ${matrix.scenario}, against no pressure: ` +
      `seed ${matrix.seed}, ${matrix.replications} replication(s) each (common random numbers).`,
    'Relative change of the pressured KPI itself and of the truth KPIs (' +
      `${SIGNIFICANT_MARK} = paired 95% CI excludes 0).`,
  ];
  if (matrix.replaced_incentives.length > 0)
    header.push(
      `Note: the scenario's own incentives ` +
        `(${matrix.replaced_incentives.map((incentive) => `${incentive.kpi} at ${incentive.pressure}`).join(', ')}) ` +
        `were replaced.`,
    );
  return (
    header.join('\n') +
    '\n' +
    alignedTable(rows) +
    'Every KPI: pressure-matrix.csv (relative changes), pressure-matrix-long.csv (with CIs and p-values)\n' +
    `Wrote ${directory}\n`
  );
}
