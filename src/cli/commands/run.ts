/** `desksim run <scenario>`: simulate with replications and write the output directory. */
import type { Command } from 'commander';
import { KPI_CATALOG, TIER_KPI_CATALOG } from '../../metrics/catalog.js';
import { defaultWorkers, kpiColumns, kpiRows, type ParallelRunOptions, type RunResult } from '../../experiment/run.js';
import { completeRun, runParts, type RunSpec } from '../../experiment/batch.js';
import { averageDaily, SEGMENT_COLUMNS, segmentRows } from '../../experiment/detail.js';
import { toCsv } from '../../document/csv.js';
import { writeAtomically, type OutputOptions, type StagedDirectory } from '../../report/output-directory.js';
import { slug } from '../../report/slug.js';
import { resolvedScenarioYaml } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/schema.js';
import { formatSummary } from '../../report/format.js';
import { formatWarnings } from '../../experiment/warnings.js';
import { reportLine, table } from '../format.js';
import { startProgress } from '../progress.js';
import { deferredChartRenderer } from '../deferred-renderer.js';
import { writeRunReport } from '../../report/run-report.js';
import { weekHourCells } from '../../staffing/week-hours.js';
import { formatDuration } from '../../engine/duration.js';
import { statusMark, summaryWithTargets, targetStatuses, type TargetStatus } from '../../experiment/targets.js';
import { CliError, ExitCode, type CliIo } from '../io.js';
import {
  FORCE_HELP,
  loadForCommand,
  outputOptions,
  outputTarget,
  scenarioOptions,
  type ScenarioOptionValues,
} from './shared.js';
import { parseFormats, ndjsonSource, type ExportFormat } from '../../export/index.js';
import { parseShardOption, SHARD_HELP, writeShard } from './shard-output.js';
import { allReplicationsCsv, formatsNeedEventLog, removeStep, writeExports } from '../../export/outputs.js';
import { buildDesk } from '../../model/build.js';
import { formatKpiKey } from '../../metrics/kpi-key.js';

interface RunOptionValues extends ScenarioOptionValues {
  out?: string;
  force?: boolean;
  workers?: string;
  events?: boolean;
  json?: boolean;
  quiet?: boolean;
  /** False with --no-report: no charts, no report.html. */
  report?: boolean;
  format?: string;
  allReplications?: boolean;
  shard?: string;
}

/** Directory name for a scenario: its name's slug (never `.` or `..`, never a path). */
export function outputName(scenario: Scenario): string {
  return slug(scenario.name, 'scenario');
}

/** What a run's output directory is made of besides its replications (kept in shards for `desksim merge`). */
export interface RunOutputOptions {
  events?: boolean;
  report?: boolean;
  /** Export formats (`--format`). */
  formats?: readonly ExportFormat[];
  /** Every replication's tickets in tickets.csv (and tickets.parquet), not only the first's. */
  allReplications?: boolean;
}

/** What each replication of a run with these outputs must send back (and where the first one writes its event log). */
export function runSpec(scenario: Scenario, options: RunOutputOptions, eventsPath: string | undefined): RunSpec {
  const formats = options.formats ?? [];
  const needsLog = Boolean(options.events) || formatsNeedEventLog(formats, false);
  return {
    scenario,
    tickets: true,
    detail: true,
    keepTicketRows: options.allReplications ? 'all' : formats.includes('parquet') ? 'first' : undefined,
    ...(needsLog ? { eventsPath: eventsPath ?? 'events.ndjson' } : {}),
  };
}

/** Runs a scenario and writes every output file into a staged directory, then commits it. */
export async function writeRunOutputs(
  directory: string,
  scenario: Scenario,
  options: RunOutputOptions & {
    workers?: number;
    onReplication?: ParallelRunOptions['onReplication'];
    output?: OutputOptions;
  } = {},
): Promise<RunResult> {
  return writeRunDirectory(directory, scenario, options, async (staged, onSpareCore) => {
    const spec: RunSpec = {
      ...runSpec(scenario, options, staged.file('events.ndjson')),
      // Streamed to the file as it is formatted: the text of a long run's table is never held.
      ...(options.allReplications ? {} : { ticketsPath: staged.file('tickets.csv') }),
    };
    const [part] = await runParts([spec], {
      workers: options.workers,
      onProgress: options.onReplication,
      onSpareCore,
    });
    return completeRun(spec, part!);
  });
}

/**
 * Writes a run's output directory from its result, which `produce` makes inside the staged
 * directory (running the replications, or putting shards together, with the first
 * replication's events.ndjson in place when the outputs need the log). `produce` calls
 * `onSpareCore` when a core is free for the chart renderer's thread (else it draws in this thread, at the end).
 */
export async function writeRunDirectory(
  directory: string,
  scenario: Scenario,
  options: RunOutputOptions & { output?: OutputOptions },
  produce: (staged: StagedDirectory, onSpareCore: () => void) => Promise<RunResult>,
): Promise<RunResult> {
  const formats = options.formats ?? [];
  const needsLog = Boolean(options.events) || formatsNeedEventLog(formats, false);
  let result: RunResult | undefined;
  // Vega loads on its own thread once a pool thread runs out of replications (beside the last ones, on the core
  // they leave free); a run on one thread draws its charts in this thread after the replications, when their
  // ledgers are released (a thread started first held ~70 MB beside a long run's ledger: peak RSS 430-490 MB
  // against 335-345 MB for a 60-day M/M/10 run).
  const renderer = options.report === false ? undefined : deferredChartRenderer();
  try {
    await writeAtomically(
      directory,
      async (staged) => {
        result = await produce(staged, () => renderer?.start());
        writeExports(
          {
            formats,
            log: needsLog ? ndjsonSource(staged.file('events.ndjson'), buildDesk(scenario).originEpochMs) : undefined,
            name: scenario.name,
            eventsParquet: Boolean(options.events),
            tickets: result.ticketRows,
          },
          (file) => staged.file(file),
        );
        if (needsLog && !options.events) removeStep(staged.file('events.ndjson'));
        staged.write(
          'summary.json',
          JSON.stringify(summaryWithTargets(result.summary, scenario.targets), null, 2) + '\n',
        );
        staged.write('kpis.csv', toCsv(['replication', ...kpiColumns(scenario)], kpiRows(scenario, result.outcomes)));
        // A run streams tickets.csv into the staged directory as it is formatted (`ticketsPath`);
        // a merge of shards has the text instead.
        if (options.allReplications) staged.write('tickets.csv', allReplicationsCsv(result.ticketRows!));
        else if (result.tickets.csv !== undefined) staged.write('tickets.csv', result.tickets.csv);
        staged.write(
          'segments.csv',
          toCsv(SEGMENT_COLUMNS, segmentRows(result.outcomes.map((outcome) => outcome.segments ?? []))),
        );
        const daily = averageDaily(
          result.outcomes.flatMap((outcome) => (outcome.daily === undefined ? [] : [outcome.daily])),
        );
        staged.write('daily.csv', toCsv(daily.columns, daily.rows));
        const scenarioYaml = resolvedScenarioYaml(scenario);
        staged.write('scenario.resolved.yaml', scenarioYaml);
        if (renderer === undefined) return;
        await writeRunReport(
          {
            summary: result.summary,
            resolved: result.tickets.resolved,
            daily,
            priorities: Object.keys(scenario.priorities),
            tiers: scenario.tiers.map((tier) => tier.id),
            measuredDays: scenario.horizon.days - scenario.horizon.warmup_days,
            scenarioYaml,
            description: scenario.description,
            targets: targetStatuses(scenario.targets, result.summary),
            ...(result.tickets.arrivals === undefined
              ? {}
              : {
                  weekHours: {
                    cells: weekHourCells(result.tickets.arrivals, scenario),
                    threshold: formatDuration(scenario.metrics.service_level_threshold),
                  },
                }),
          },
          (path, content) => staged.write(path, content),
          renderer,
        );
      },
      options.output,
    );
  } finally {
    await renderer?.close();
  }
  return result!;
}

export function registerRun(program: Command, io: CliIo): void {
  scenarioOptions(
    program
      .command('run')
      .summary('simulate a scenario and write its output directory')
      .description(
        'Simulate a scenario with replications (independent random streams), compute every KPI\n' +
          "from each replication's event log, and write outputs/<name>/: summary.json (mean, sd,\n" +
          '95% CI per KPI; warnings: an unstable desk, unfinished work, a window too short to\n' +
          'measure surveys...), kpis.csv (one row per replication), tickets.csv (first replication),\n' +
          'segments.csv (every KPI by channel, category, priority, tier and agent, with CIs),\n' +
          'daily.csv (one row per day, averaged over replications), scenario.resolved.yaml,\n' +
          'events.ndjson with --events, and the report: charts/*.svg with their Vega-Lite specs\n' +
          '(charts/*.vl.json) and report.html, one self-contained page (findings, charts, every KPI,\n' +
          'the scenario) that opens offline in any browser.',
      )
      .argument('<scenario>', 'scenario YAML file'),
  )
    .option('--out <dir>', 'output directory (default: outputs/<scenario name>)')
    .option('--force', FORCE_HELP)
    .option('--events', "also write the first replication's event log as events.ndjson")
    .option(
      '--format <formats>',
      'also export, comma-separated: xes (events.xes), ocel (events.ocel.json), ' +
        'parquet (tickets.parquet; events.parquet with --events); see docs/exports.md',
    )
    .option(
      '--all-replications',
      "tickets.csv (and tickets.parquet) hold every replication's tickets, with a replication column",
    )
    .option('--json', 'print summary.json to stdout instead of the table')
    .option('--quiet', 'print nothing but errors')
    .option('--no-report', 'skip charts/ and report.html (they add one to two seconds)')
    .option('--shard <i/n>', SHARD_HELP)
    .option(
      '-w, --workers <n>',
      'run replications on n worker threads; results are identical for any n ' +
        `(default: the cores, ${defaultWorkers()} here, for runs of a million tickets or more; else 1)`,
    )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ desksim run scenarios/baseline.yaml\n' +
        '  $ desksim run scenarios/textbook/mmc.yaml --set tiers.desk.agents=11 --replications 5' +
        ' --out outputs/mmc-11\n' +
        '  $ desksim run scenarios/baseline.yaml --seed 7 --events --json\n' +
        '  $ desksim run scenarios/textbook/tandem.yaml --replications 3 --no-report --quiet\n' +
        "  # the event log for pm4py or ProM, and every replication's tickets as Parquet:\n" +
        '  $ desksim run scenarios/baseline.yaml --set horizon.days=14 -r 2 --format xes,ocel,parquet' +
        ' --all-replications --no-report\n' +
        '  # part 2 of 3 of the replications (one part per machine), put together by desksim merge:\n' +
        '  $ desksim run scenarios/textbook/mmc.yaml -r 6 --shard 2/3 --out outputs/mmc.part-2 --quiet\n',
    )
    .action(async (file: string, options: RunOptionValues) => {
      const { scenario } = loadForCommand(file, options, io);
      const workers = parseWorkers(options.workers);
      const plan: RunPlan = {
        scenario,
        outputs: {
          events: Boolean(options.events),
          report: options.report !== false,
          formats: parseFormatOption(options.format),
          allReplications: Boolean(options.allReplications),
        },
        defaultOut: `outputs/${outputName(scenario)}`,
      };
      const shard = parseShardOption(options.shard, io);
      if (shard !== undefined) {
        const spec = runSpec(scenario, plan.outputs, undefined);
        return writeShard(io, options, { command: 'run', plan, specs: [spec], defaultOut: plan.defaultOut }, shard);
      }
      const directory = outputTarget(io, options.out, plan.defaultOut);
      const progress = startProgress(io, `Simulating ${scenario.name}`, scenario.replications, 'replications', options);
      let result: RunResult;
      try {
        result = await writeRunOutputs(directory, scenario, {
          ...plan.outputs,
          workers,
          onReplication: (done) => progress.update(done),
          output: outputOptions(io, options),
        });
      } finally {
        progress.stop();
      }
      printRun(io, options, plan, result, directory);
    });
}

/** What a run needs besides its replications to write its outputs (kept in shards for `desksim merge`). */
export interface RunPlan {
  scenario: Scenario;
  outputs: RunOutputOptions;
  defaultOut: string;
}

/** A run's terminal output: summary.json with --json, else the table (nothing with --quiet). */
export function printRun(
  io: CliIo,
  options: { json?: boolean; quiet?: boolean },
  plan: RunPlan,
  result: RunResult,
  directory: string,
): void {
  const { scenario } = plan;
  if (options.json) {
    io.stdout(JSON.stringify(summaryWithTargets(result.summary, scenario.targets), null, 2) + '\n');
  } else if (!options.quiet) {
    io.stdout(
      renderRunSummary(result, directory, targetStatuses(scenario.targets, result.summary)) +
        (plan.outputs.report === false ? '' : reportLine(directory)),
    );
  }
}

/** `--workers` as a positive integer; bad input ⇒ exit 2. */
export function parseWorkers(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const workers = Number(text);
  if (!Number.isInteger(workers) || workers < 1)
    throw new CliError(`--workers expects a whole number ≥ 1, found "${text}"`, ExitCode.BadInput);
  return workers;
}

/** `--format` as a list of export formats; an unknown one ⇒ exit 2. */
export function parseFormatOption(text: string | undefined): ExportFormat[] {
  if (text === undefined) return [];
  try {
    return parseFormats(text);
  } catch (error) {
    throw new CliError((error as Error).message, ExitCode.BadInput);
  }
}

/** The terminal report of a run: every KPI with its 95 % CI, and its standing against the scenario's targets. */
export function renderRunSummary(result: RunResult, directory: string, targets: readonly TargetStatus[] = []): string {
  const { summary } = result;
  const marked = (id: string, text: string) => {
    const status = targets.find((target) => target.kpi === id);
    return status === undefined ? text : `${text}  ${statusMark(status)}`;
  };
  const rows: Array<[string, string]> = KPI_CATALOG.map((kpi) => [
    kpi.id,
    marked(kpi.id, formatSummary(summary.kpis[kpi.id]!)),
  ]);
  for (const [tier, kpis] of Object.entries(summary.tiers)) {
    for (const kpi of TIER_KPI_CATALOG)
      rows.push([
        formatKpiKey({ tier, kpi: kpi.id }),
        marked(formatKpiKey({ tier, kpi: kpi.id }), formatSummary(kpis[kpi.id]!)),
      ]);
  }
  return (
    `${summary.scenario}: ${summary.replications} replication(s), seed ${summary.seed} — mean [95% CI]\n` +
    table(rows) +
    formatWarnings(summary.warnings) +
    `Wrote ${directory}\n`
  );
}
