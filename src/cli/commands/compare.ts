/** `desksim compare <a> <b> [more...]`: scenarios under common random numbers, every KPI's change with its CI. */
import type { Command } from 'commander';
import { runSpecs } from '../../experiment/batch.js';
import type { RunResult } from '../../experiment/run.js';
import { parseShardOption, SHARD_HELP, writeShard } from './shard-output.js';
import {
  alignScenarios,
  COMPARISON_COLUMNS,
  compareRuns,
  comparisonRows,
  differenceRows,
  uniqueLabels,
  type Comparison,
} from '../../experiment/compare.js';
import { toCsv } from '../../document/csv.js';
import { WHO_PAYS_COLUMNS, WHO_PAYS_SEGMENTS, whoPays, whoPaysRows } from '../../experiment/who-pays.js';
import { whoPaysText } from '../../report/who-pays-section.js';
import { compareCharts, compareReportHtml } from '../../report/experiment-reports.js';
import type { ScenarioError, ScenarioIssue } from '../../document/errors.js';
import type { Scenario } from '../../scenario/schema.js';
import {
  alignedTable,
  formatChange,
  formatChangeInterval,
  formatPValue,
  formatRelative,
  SIGNIFICANT_MARK,
} from '../experiment-format.js';
import { formatValue } from '../../report/format.js';
import { CliError, ExitCode, type CliIo } from '../io.js';
import {
  experimentOptions,
  experimentProgress,
  jsonText,
  safeName,
  writeExperiment,
  writeRunFiles,
  type ExperimentOptionValues,
} from './experiment-shared.js';
import { parseWorkers } from './run.js';
import { loadForCommand, outputTarget, printInvalid, scenarioOptions, type ScenarioOptionValues } from './shared.js';
import { scenarioDifferences } from '../../experiment/scenario-diff.js';
import { statusMark, targetStatuses } from '../../experiment/targets.js';

type CompareOptionValues = ScenarioOptionValues & ExperimentOptionValues & { shard?: string };

/** Loads every scenario file, reporting the problems of all of them at once (exit 2). */
function loadAll(files: readonly string[], options: ScenarioOptionValues, io: CliIo): Scenario[] {
  const scenarios: Scenario[] = [];
  const problems: string[] = [];
  const issues = new Map<string, ScenarioIssue>();
  for (const file of files) {
    try {
      const collect = (error: ScenarioError) =>
        error.issues.forEach((issue) => issues.set(JSON.stringify(issue), issue));
      scenarios.push(loadForCommand(file, { ...options, json: false }, io, collect).scenario);
    } catch (error) {
      if (error instanceof CliError && error.exitCode === ExitCode.BadInput) problems.push(error.message);
      else throw error;
    }
  }
  if (problems.length > 0 && options.json) printInvalid([...issues.values()], io);
  if (problems.length > 0) throw new CliError([...new Set(problems)].join('\n'), ExitCode.BadInput);
  return scenarios;
}

/** Adds `desksim compare` to the program. */
export function registerCompare(program: Command, io: CliIo): void {
  experimentOptions(
    scenarioOptions(
      program
        .command('compare')
        .summary("run scenarios with the same random numbers; every KPI's change with its CI")
        .description(
          'Run two or more scenarios with the same seed and replication numbers (common random\n' +
            'numbers: replication r of each sees the same tickets), then, for every KPI, the change\n' +
            'of each scenario from the first, replication by replication: mean, paired Student-t\n' +
            '95% CI, relative change, p-value, and whether the CI excludes 0 (marked *).\n' +
            'Writes outputs/compare-<a>-vs-<b>/: comparison.json, comparison.csv, who-pays.csv\n' +
            '(per ticket category: the change of its waits, their 90th percentiles and its\n' +
            'true satisfaction — who pays for a change of the averages), and each\n' +
            "scenario's summary.json, kpis.csv and scenario.resolved.yaml in a sub-folder, and\n" +
            "report.html with a forest plot of every KPI's change (charts/) unless --no-report.\n" +
            "--set, --seed and --replications apply to every scenario; the first one's seed and\n" +
            'replications are used for all.',
        )
        .argument('<a>', 'the reference scenario (YAML)')
        .argument('<b>', 'a scenario to compare with it')
        .argument('[more...]', 'more scenarios, each compared with the first'),
    ),
    'outputs/compare-<a>-vs-<b>',
  )
    .option('--shard <i/n>', SHARD_HELP)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ desksim compare scenarios/baseline.yaml scenarios/understaffed-tier2.yaml --set horizon.days=14' +
        ' --replications 4\n' +
        '  $ desksim compare scenarios/baseline.yaml scenarios/kb-investment.yaml scenarios/tighter-sla.yaml' +
        ' --set horizon.days=10 -r 3 --out outputs/three-desks\n' +
        '  $ desksim compare scenarios/textbook/mmc.yaml scenarios/textbook/mmc.yaml --set horizon.days=3 -r 3' +
        ' --json\n',
    )
    .action(async (first: string, second: string, more: string[], options: CompareOptionValues) => {
      const { scenarios, notes } = alignScenarios(loadAll([first, second, ...more], options, io));
      const labels = uniqueLabels(scenarios.map((scenario) => scenario.name));
      // Two names can make the same slug ("a b", "a-b"): each scenario's folder stays its own.
      const plan: ComparePlan = {
        scenarios,
        notes,
        labels,
        folders: uniqueLabels(labels.map(safeName)),
        files: [first, second, ...more],
        report: options.report !== false,
        defaultOut: `outputs/compare-${labels.map(safeName).join('-vs-')}`,
      };
      const specs = scenarios.map((scenario) => ({ scenario, detail: WHO_PAYS_SEGMENTS }));
      const shard = parseShardOption(options.shard, io);
      if (shard !== undefined)
        return writeShard(io, options, { command: 'compare', plan, specs, defaultOut: plan.defaultOut }, shard);
      const workers = parseWorkers(options.workers);
      const progress = experimentProgress(io, options, `Comparing ${scenarios.length} scenarios`);
      await finishCompare(io, options, outputTarget(io, options.out, plan.defaultOut), plan, () =>
        runSpecs(specs, { workers, onProgress: progress }),
      );
    });
}

/** What a comparison needs besides its runs to write its outputs (kept in shards for `desksim merge`). */
export interface ComparePlan {
  /** The scenarios, aligned on the first one's seed and replications. */
  scenarios: Scenario[];
  notes: string[];
  labels: string[];
  /** Each scenario's sub-folder. */
  folders: string[];
  /** The files as given. */
  files: string[];
  report: boolean;
  defaultOut: string;
}

/** Writes a comparison's output directory from its runs: the command's and `desksim merge`'s last step. */
export async function finishCompare(
  io: CliIo,
  options: ExperimentOptionValues,
  directory: string,
  plan: ComparePlan,
  runs: () => Promise<RunResult[]>,
): Promise<void> {
  const { scenarios, labels, folders, files } = plan;
  await writeExperiment(
    io,
    { ...options, report: plan.report },
    directory,
    async (staged) => {
      const results = await runs();
      const comparison = compareRuns(
        results.map((result, index) => ({
          label: labels[index]!,
          name: scenarios[index]!.name,
          file: files[index]!,
          result,
        })),
        plan.notes,
      );
      comparison.contrasts.forEach((contrast, index) => {
        const section = whoPays(results[0]!, results[index + 1]!);
        if (section !== undefined) contrast.who_pays = section;
      });
      comparison.differences = scenarios.slice(1).map((scenario, index) => ({
        scenario: labels[index + 1]!,
        lines: scenarioDifferences(scenarios[0]!, scenario),
      }));
      if (scenarios.some((scenario) => (scenario.targets ?? []).length > 0)) {
        comparison.targets = results.map((result, index) => ({
          scenario: labels[index]!,
          statuses: targetStatuses(scenarios[index]!.targets, result.summary),
        }));
      }
      staged.write('comparison.json', jsonText(comparison));
      staged.write('comparison.csv', toCsv(COMPARISON_COLUMNS, comparisonRows(comparison)));
      staged.write(
        'who-pays.csv',
        toCsv(
          WHO_PAYS_COLUMNS,
          comparison.contrasts.flatMap((contrast) =>
            whoPaysRows(contrast.scenario, comparison.reference, contrast.who_pays),
          ),
        ),
      );
      results.forEach((result, index) => writeRunFiles(staged, folders[index]!, scenarios[index]!, result));
      return comparison;
    },
    { charts: compareCharts, html: compareReportHtml, text: renderComparison },
  );
}

/** The terminal report of a comparison: per compared scenario, every KPI's change from the reference. */
export function renderComparison(comparison: Comparison, directory: string): string {
  const lines = [
    `Compared with ${comparison.reference} under common random numbers: seed ${comparison.seed}, ` +
      `${comparison.replications} replication(s) each, paired by replication.`,
    ...comparison.notes.map((note) => `Note: ${note}`),
    ...(comparison.differences ?? []).map(
      (entry) =>
        `What ${entry.scenario} changes from ${comparison.reference}: ` +
        `${entry.lines.length === 0 ? 'nothing (the same resolved scenario)' : entry.lines.join('; ')}`,
    ),
    ...(comparison.targets ?? []).map((entry) => {
      const statuses = entry.statuses.map((status) => `${status.kpi} ${statusMark(status)}`);
      return `Targets of ${entry.scenario}: ${statuses.length === 0 ? 'none' : statuses.join('; ')}`;
    }),
  ];
  let text = lines.join('\n') + '\n';
  for (const contrast of comparison.contrasts) {
    const rows: string[][] = [
      ['KPI', comparison.reference, contrast.scenario, 'change', '95% CI of the change', 'relative', 'p'],
    ];
    for (const [kpi, difference] of differenceRows(contrast)) {
      const mark = difference.significant ? ` ${SIGNIFICANT_MARK}` : '  ';
      rows.push([
        kpi,
        formatValue(difference.reference_mean, difference.unit),
        formatValue(difference.mean, difference.unit),
        formatChange(difference.difference, difference.unit),
        formatChangeInterval(difference),
        formatRelative(difference.relative) + mark,
        formatPValue(difference.p_value),
      ]);
    }
    text += `\n${contrast.scenario} − ${comparison.reference}\n` + alignedTable(rows);
    const whoPaysLine = whoPaysText(contrast.who_pays);
    if (whoPaysLine !== undefined) text += whoPaysLine + '\n';
  }
  return text + `${SIGNIFICANT_MARK} the 95% interval of the change excludes 0\nWrote ${directory}\n`;
}
