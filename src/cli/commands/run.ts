/** `desksim run <scenario>`: simulate with replications and write the output directory. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { KPI_CATALOG, TIER_KPI_CATALOG } from '../../metrics/catalog.js';
import { defaultWorkers, kpiColumns, kpiRows, runScenarioParallel, type ParallelRunOptions, type RunResult } from '../../experiment/run.js';
import { averageDaily, SEGMENT_COLUMNS, segmentRows } from '../../experiment/detail.js';
import { toCsv } from '../../report/csv.js';
import { writeAtomically } from '../../report/output-directory.js';
import { resolvedScenarioYaml } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/schema.js';
import { formatSummary, progressLine, table } from '../format.js';
import { CliError, ExitCode, type CliIo } from '../io.js';
import { loadForCommand, scenarioOptions, type ScenarioOptionValues } from './shared.js';

interface RunOptionValues extends ScenarioOptionValues {
  out?: string;
  workers?: string;
  events?: boolean;
  json?: boolean;
  quiet?: boolean;
}

/** Directory name for a scenario: its name, made safe for a path. */
export function outputName(scenario: Scenario): string {
  return scenario.name.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'scenario';
}

/** Runs a scenario and writes every output file into a staged directory, then commits it. */
export async function writeRunOutputs(
  directory: string,
  scenario: Scenario,
  options: { events?: boolean; workers?: number; onReplication?: ParallelRunOptions['onReplication'] } = {},
): Promise<RunResult> {
  let result: RunResult | undefined;
  await writeAtomically(directory, async (staged) => {
    result = await runScenarioParallel(scenario, {
      workers: options.workers,
      onReplication: options.onReplication,
      eventsPath: options.events ? staged.file('events.ndjson') : undefined,
      detail: true,
    });
    staged.write('summary.json', JSON.stringify(result.summary, null, 2) + '\n');
    staged.write('kpis.csv', toCsv(['replication', ...kpiColumns(scenario)], kpiRows(scenario, result.outcomes)));
    staged.write('tickets.csv', result.ticketsCsv);
    staged.write('segments.csv', toCsv(SEGMENT_COLUMNS, segmentRows(result.outcomes.map((outcome) => outcome.segments ?? []))));
    const daily = averageDaily(result.outcomes.flatMap((outcome) => (outcome.daily === undefined ? [] : [outcome.daily])));
    staged.write('daily.csv', toCsv(daily.columns, daily.rows));
    staged.write('scenario.resolved.yaml', resolvedScenarioYaml(scenario));
  });
  return result!;
}

export function registerRun(program: Command, io: CliIo): void {
  scenarioOptions(
    program
      .command('run')
      .summary('simulate a scenario and write its output directory')
      .description(
        'Simulate a scenario with replications (independent random streams), compute every KPI\n' +
          'from each replication\'s event log, and write outputs/<name>/: summary.json (mean, sd,\n' +
          '95% CI per KPI), kpis.csv (one row per replication), tickets.csv (first replication),\n' +
          'segments.csv (every KPI by channel, category, priority, tier and agent, with CIs),\n' +
          'daily.csv (one row per day, averaged over replications), scenario.resolved.yaml,\n' +
          'and events.ndjson with --events.',
      )
      .argument('<scenario>', 'scenario YAML file'),
  )
    .option('--out <dir>', 'output directory (default: outputs/<scenario name>)')
    .option('--events', 'also write the first replication\'s event log as events.ndjson')
    .option('--json', 'print summary.json to stdout instead of the table')
    .option('--quiet', 'print nothing but errors')
    .option('-w, --workers <n>', `run replications on n worker threads; results are identical for any n (default: the cores, ${defaultWorkers()} here, for runs of a million tickets or more; else 1)`)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ desksim run scenarios/baseline.yaml\n' +
        '  $ desksim run scenarios/textbook/mmc.yaml --set tiers.desk.agents=11 --replications 5 --out outputs/mmc-11\n' +
        '  $ desksim run scenarios/baseline.yaml --seed 7 --events --json\n',
    )
    .action(async (file: string, options: RunOptionValues) => {
      const { scenario } = loadForCommand(file, options, io);
      const directory = resolve(io.cwd, options.out ?? `outputs/${outputName(scenario)}`);
      const showProgress = io.interactive && !options.quiet && !options.json;
      const result = await writeRunOutputs(directory, scenario, {
        events: Boolean(options.events),
        workers: parseWorkers(options.workers),
        onReplication: showProgress ? (done, total) => io.stderr(progressLine(`Simulating ${scenario.name}`, done, total)) : undefined,
      });
      if (options.json) {
        io.stdout(JSON.stringify(result.summary, null, 2) + '\n');
      } else if (!options.quiet) {
        io.stdout(renderRunSummary(result, directory));
      }
    });
}

/** `--workers` as a positive integer; bad input ⇒ exit 2. */
export function parseWorkers(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const workers = Number(text);
  if (!Number.isInteger(workers) || workers < 1) throw new CliError(`--workers expects a whole number ≥ 1, found "${text}"`, ExitCode.BadInput);
  return workers;
}

/** The terminal report of a run: every KPI with its 95 % CI. */
export function renderRunSummary(result: RunResult, directory: string): string {
  const { summary } = result;
  const rows: Array<[string, string]> = KPI_CATALOG.map((kpi) => [kpi.id, formatSummary(summary.kpis[kpi.id]!)]);
  for (const [tier, kpis] of Object.entries(summary.tiers)) {
    for (const kpi of TIER_KPI_CATALOG) rows.push([`tiers.${tier}.${kpi.id}`, formatSummary(kpis[kpi.id]!)]);
  }
  return (
    `${summary.scenario}: ${summary.replications} replication(s), seed ${summary.seed} — mean [95% CI]\n` +
    table(rows) +
    `Wrote ${directory}\n`
  );
}
