/**
 * `desksim metrics <log>`: run the metric engine on an event log — a simulated one
 * (`run --events`) or a help desk's own export read through a mapping — and write its KPIs,
 * the import report and the ticket table.
 */
import type { Command } from 'commander';
import { basename, extname, resolve } from 'node:path';
import { scenarioMetricOptions, ticketTable } from '../../experiment/replication.js';
import { summarize } from '../../experiment/statistics.js';
import { checkLogSize, ImportError, importLog, renderImportReport, type ImportedLog } from '../../importer/index.js';
import * as automationTier from './automation-tier-option.js';
import { KPI_CATALOG, TIER_KPI_CATALOG, type MetricOptions } from '../../metrics/catalog.js';
import { computeKpis, type KpiTable } from '../../metrics/engine.js';
import { computeDaily } from '../../metrics/daily.js';
import { Ledger } from '../../metrics/ledger.js';
import { computeSegments } from '../../metrics/segments.js';
import { SEGMENT_COLUMNS, segmentRows } from '../../experiment/detail.js';
import { toCsv } from '../../document/csv.js';
import { prepareOutputDirectory, writeAtomically } from '../../report/output-directory.js';
import { slug } from '../../report/slug.js';
import { startChartRenderer } from '../../report/chart-renderer.js';
import { writeRunReport } from '../../report/run-report.js';
import { scenarioBusinessHours } from '../../scenario/calendar.js';
import { resolvedScenarioYaml } from '../../scenario/load.js';
import { scenarioSchema, type Scenario } from '../../scenario/schema.js';
import { VERSION } from '../../version.js';
import { computeWarnings, formatWarnings, type RunWarning } from '../../experiment/warnings.js';

const MINUTES_PER_DAY = 24 * 60;
import { formatValue } from '../../report/format.js';
import { reportLine, table } from '../format.js';
import { CliError, ExitCode, type CliIo } from '../io.js';
import { FORCE_HELP, loadForCommand, outputOptions, outputTarget } from './shared.js';
import { parseFormatOption } from './run.js';
import { arraySource } from '../../export/index.js';
import { writeExports } from '../../export/outputs.js';
import { ticketRows } from '../../metrics/engine.js';
import { formatKpiKey } from '../../metrics/kpi-key.js';

interface MetricsOptionValues {
  mapping?: string;
  scenario?: string;
  out?: string;
  force?: boolean;
  json?: boolean;
  quiet?: boolean;
  format?: string;
  /** False with --no-report: no charts, no report.html. */
  report?: boolean;
  /** False with --no-size-check: read a log however large it is estimated to be. */
  sizeCheck?: boolean;
  /** --automation-tier, repeatable: tiers of the log that are bots. */
  automationTier?: string[];
}

/** One KPI's value and unit, as `summary.json` holds it. */
interface KpiValue {
  value: number | null;
  unit: string;
}

/** What `summary.json` holds for a log. */
export interface LogSummary {
  log: string;
  mapping: string | null;
  /** The scenario the metric definitions came from, or null for the scenario defaults. */
  scenario: string | null;
  version: string;
  /** What a reader must know before trusting these numbers (docs/metrics.md, Warnings). */
  warnings: RunWarning[];
  kpis: Record<string, KpiValue>;
  tiers: Record<string, Record<string, KpiValue>>;
  import: ImportedLog['report'];
}

/**
 * Metric definitions from a scenario (`metrics:`, `sla:`, costs), applied on the log's own
 * calendar: the scenario's clock starts at the log's first event and runs to its last, so
 * a business-hours SLA clock counts the log's real opening hours.
 */
export function logMetricOptions(scenario: Scenario, log: ImportedLog): MetricOptions {
  const onLogCalendar: Scenario = {
    ...scenario,
    clock: { ...scenario.clock, start: new Date(log.window.originEpochMs).toISOString() },
    horizon: { days: Math.max(log.window.measureTo / 1440, 1 / 1440), warmup_days: 0 },
  };
  const businessHours = scenarioBusinessHours(onLogCalendar);
  const options = automationTier.withLogBots(scenarioMetricOptions(onLogCalendar, businessHours), log);
  if (log.slaTargets === undefined) return options;
  // Targets keyed by the log's own priority labels (the mapping's sla.targets), on the scenario's SLA clock.
  const businessClock = (from: number, to: number) => businessHours.businessMinutesBetween(from, to);
  const clock = scenario.sla.clock === 'business' ? businessClock : (from: number, to: number) => to - from;
  return { ...options, sla: { targets: log.slaTargets, clock, pauseWhenPending: scenario.sla.pause_when_pending } };
}

/** The export's own met-the-SLA flag beside desksim's SLA resolution compliance, in a line (none without the flag). */
function madeSlaLine(log: ImportedLog, kpis: KpiTable): string {
  const flag = log.report.counters?.made_sla;
  if (flag === undefined || flag.tickets === 0) return '';
  const computed = kpis.values.sla_resolution_compliance;
  const share = (value: number) => `${(100 * value).toFixed(1)} %`;
  const desksim =
    computed === null || computed === undefined
      ? "— (give SLA targets: the mapping's sla.targets or --scenario)"
      : share(computed);
  return (
    `  the export's made_sla is true for ${share(flag.log / flag.tickets)} of ${flag.tickets} tickets; ` +
    `desksim's sla_resolution_compliance: ${desksim}\n`
  );
}

/** The summary of a log's KPIs. */
/**
 * The warnings of one log, from the same rules as a run's: an unstable desk (a backlog that
 * grows, agents busy all the time), unfinished work, a window too short for reopens, blank
 * KPIs. A log is one history, not a replication: no interval, so nothing about replications.
 */
export function logWarnings(kpis: KpiTable, log: ImportedLog, definitions: MetricOptions): RunWarning[] {
  const summaries = (values: Record<string, number | null>, unitOf: (id: string) => string) =>
    Object.fromEntries(Object.entries(values).map(([id, value]) => [id, summarize([value], unitOf(id))]));
  const units = new Map<string, string>([...KPI_CATALOG, ...TIER_KPI_CATALOG].map((kpi) => [kpi.id, kpi.unit]));
  const unitOf = (id: string) => units.get(id) ?? '';
  const input = {
    kpis: summaries(kpis.values, unitOf),
    tiers: Object.fromEntries(Object.entries(kpis.tiers).map(([tier, values]) => [tier, summaries(values, unitOf)])),
  };
  const facts = {
    replications: 1,
    measuredDays: (log.window.measureTo - log.window.measureFrom) / MINUTES_PER_DAY,
    reopenWindowDays: definitions.reopenWindow / MINUTES_PER_DAY,
    surveyDelayMinutes: 0,
    escalationTargets: [],
    log: true,
    automation: (definitions.automationTiers?.length ?? 0) > 0,
  };
  return computeWarnings(input, facts).filter((warning) => warning.code !== 'few_replications');
}

export function logSummary(
  kpis: KpiTable,
  log: ImportedLog,
  scenario: string | null,
  warnings: RunWarning[] = [],
): LogSummary {
  const units = new Map(KPI_CATALOG.map((kpi) => [kpi.id, kpi.unit]));
  const tierUnits = new Map(TIER_KPI_CATALOG.map((kpi) => [kpi.id, kpi.unit]));
  const withUnits = (values: Record<string, number | null>, unitOf: Map<string, string>) =>
    Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value, unit: unitOf.get(id) ?? '' }]));
  return {
    log: log.report.file,
    mapping: log.report.mapping,
    scenario,
    version: VERSION,
    warnings,
    kpis: withUnits(kpis.values, units),
    tiers: Object.fromEntries(Object.entries(kpis.tiers).map(([tier, values]) => [tier, withUnits(values, tierUnits)])),
    import: log.report,
  };
}

/** `kpis.csv` rows: desk-wide KPIs, then `tiers.<tier>.<kpi>`. */
function kpiCsvRows(summary: LogSummary): Array<[string, number | null, string]> {
  const rows: Array<[string, number | null, string]> = Object.entries(summary.kpis).map(([id, { value, unit }]) => [
    id,
    value,
    unit,
  ]);
  for (const [tier, values] of Object.entries(summary.tiers)) {
    for (const [id, { value, unit }] of Object.entries(values))
      rows.push([formatKpiKey({ tier, kpi: id }), value, unit]);
  }
  return rows;
}

/**
 * Reads a log for a command (`metrics`, `calibrate`): the import report on stderr unless quiet; bad input ⇒ exit 2.
 * A log estimated too large for the heap is refused before it is read, unless `sizeCheck` is false (`--no-size-check`).
 */
export function importForCommand(
  file: string,
  mapping: string | undefined,
  io: CliIo,
  quiet = false,
  json = false,
  sizeCheck = true,
): ImportedLog {
  let log: ImportedLog;
  try {
    if (sizeCheck) checkLogSize(resolve(io.cwd, file), file, '--no-size-check');
    log = importLog(resolve(io.cwd, file), {
      shownAs: file,
      mappingFile: mapping === undefined ? undefined : resolve(io.cwd, mapping),
      mappingShownAs: mapping,
    });
  } catch (error) {
    if (error instanceof ImportError) {
      // --json always answers: the located issues as an object on stdout, as validate --json does.
      if (json) io.stdout(JSON.stringify({ valid: false, issues: error.issues }, null, 2) + '\n');
      throw new CliError(error.message, ExitCode.BadInput);
    }
    throw error;
  }
  if (!quiet) io.stderr(renderImportReport(log.report));
  return log;
}

/** A log folded into a ledger for the metric engine, with the event types its source can record. */
export function logLedger(log: ImportedLog): Ledger {
  const ledger = new Ledger(log.window);
  for (const type of log.recordedTypes ?? []) ledger.recordedTypes.add(type);
  for (const event of log.events) ledger.emit(event);
  return ledger;
}

/** The help of --no-size-check (metrics, calibrate). */
export const SIZE_CHECK_HELP =
  'read the log even if it is estimated too large for memory ' +
  '(without it, such a log is refused with exit 2 before it is read)';

/** Directory name for a log: its file name's slug, without the extension (never `.` or `..`). */
export function logOutputName(file: string): string {
  return slug(basename(file, extname(file)), 'log');
}

export function registerMetrics(program: Command, io: CliIo): void {
  program
    .command('metrics')
    .summary("compute every KPI of an event log or a help desk's export")
    .description(
      'Run the metric engine on an event log and write outputs/<log name>/: kpis.csv (id, value, unit),\n' +
        'summary.json (KPIs and import report), import-report.json, tickets.csv, segments.csv\n' +
        '(every KPI by channel, category, priority, tier and agent), daily.csv (one row per day),\n' +
        'and the report as `run` writes it: charts/ and report.html (findings, charts, every KPI).\n\n' +
        'The log is an event log as `desksim run --events` writes it (NDJSON, or CSV with columns\n' +
        'ticket,time,type,agent,tier,channel,category,priority,customer,kind,value), read directly;\n' +
        "or a help desk's own CSV export, read with --mapping (which column is what, and which\n" +
        'event type each activity is: see scenarios/mappings/helpdesk.yaml and docs/metrics.md).\n' +
        "A snapshot export (one row per update, the state repeated, as ServiceNow's) is read with\n" +
        'rows: snapshots, changes: and a creation column: see scenarios/mappings/servicenow.yaml.\n\n' +
        'Cleaning never loses a row silently: duplicates, ignored activities, tickets without a\n' +
        'creation, repeated closes and out-of-order rows are counted in the import report (stderr).\n' +
        'The measured window runs from the first event to the last. KPIs the log cannot support\n' +
        '(no replies in the export ⇒ no first response time) are blank.',
    )
    .argument('<log>', 'event log (.ndjson or .csv), or an export with --mapping')
    .option('-m, --mapping <file>', "mapping YAML that reads a help desk's export")
    .option(
      '--scenario <file>',
      'take metric definitions (metrics:, sla:, costs) from this scenario (default: the scenario defaults)',
    )
    .option('--out <dir>', 'output directory (default: outputs/<log file name>)')
    .option('--force', FORCE_HELP)
    .option('--json', 'print summary.json to stdout instead of the KPI table')
    .option('--quiet', 'print nothing but errors')
    .option(
      '--format <formats>',
      'also export the log, comma-separated: xes (events.xes), ocel (events.ocel.json), ' +
        'parquet (events.parquet, tickets.parquet); see docs/exports.md',
    )
    .option('--no-report', 'skip charts/ and report.html')
    .option('--no-size-check', SIZE_CHECK_HELP)
    .option('--automation-tier <tier>', automationTier.AUTOMATION_TIER_HELP, automationTier.collectTiers)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        "  # a real help desk's export (shipped in examples/logs/), read with the shipped mapping:\n" +
        '  $ desksim metrics examples/logs/helpdesk.csv --mapping scenarios/mappings/helpdesk.yaml\n' +
        '  # the real log as XES for pm4py, ProM or Disco, and as Parquet for pandas or DuckDB:\n' +
        '  $ desksim metrics examples/logs/helpdesk.csv --mapping scenarios/mappings/helpdesk.yaml' +
        ' --format xes,parquet\n' +
        '  # the same with SLA targets, costs and thresholds of a scenario, summary as JSON:\n' +
        '  $ desksim metrics examples/logs/helpdesk.csv --mapping scenarios/mappings/helpdesk.yaml' +
        ' --scenario scenarios/baseline.yaml --json\n' +
        "  # an export with a chatbot in front, named by the mapping's automation_tiers" +
        ' (or --automation-tier bot):\n' +
        '  $ desksim metrics examples/logs/chatbot.csv --mapping scenarios/mappings/chatbot.yaml\n' +
        '  # a simulated log, read with no mapping:\n' +
        '  #   desksim run scenarios/textbook/mmc.yaml --events --out outputs/mmc\n' +
        '  #   desksim metrics outputs/mmc/events.ndjson --scenario scenarios/textbook/mmc.yaml\n' +
        '  # a simulated AI agent, named on the command line (its truth KPIs too: the log carries the truth):\n' +
        '  #   desksim metrics outputs/ai-agent/events.ndjson --automation-tier ai_agent\n',
    )
    .action(async (file: string, options: MetricsOptionValues) => {
      const scenario =
        options.scenario === undefined
          ? undefined
          : loadForCommand(options.scenario, { json: options.json }, io).scenario;
      const directory = outputTarget(io, options.out, `outputs/${logOutputName(file)}`);
      const formats = parseFormatOption(options.format);
      // The import report is printed below, with the KPIs it explains (made_sla beside SLA compliance).
      const log = importForCommand(file, options.mapping, io, true, options.json === true, options.sizeCheck !== false);
      if (options.automationTier !== undefined)
        automationTier.addOptionAutomationTiers(log, options.automationTier, io, options.json === true);
      prepareOutputDirectory(directory, outputOptions(io, options));
      const ledger = logLedger(log);
      // Folded into the ledger, the events are let go (a large log's biggest part) unless an export writes them.
      const events = formats.length > 0 ? log.events : [];
      log.events = [];
      const definitionsFrom = scenario ?? scenarioSchema.parse({ name: 'defaults' });
      const checked = automationTier.withoutAbsentBots(
        logMetricOptions(definitionsFrom, log),
        ledger,
        options.scenario,
      );
      const definitions = checked.definitions;
      const kpis = computeKpis(ledger, definitions);
      if (!options.quiet) io.stderr(renderImportReport(log.report) + madeSlaLine(log, kpis));
      const segments = computeSegments(ledger, definitions);
      const daily = computeDaily(ledger, definitions, Object.keys(kpis.tiers));
      const warnings = [...logWarnings(kpis, log, definitions), ...checked.warnings];
      const summary = logSummary(kpis, log, options.scenario ?? null, warnings);
      const tickets = ticketTable(ledger, definitions);
      // Started only now, when the log is read and the output location checked: Vega loads on another core meanwhile.
      const renderer = options.report === false ? undefined : startChartRenderer();
      try {
        await writeAtomically(
          directory,
          async (staged) => {
            staged.write('kpis.csv', toCsv(['id', 'value', 'unit'], kpiCsvRows(summary)));
            staged.write('summary.json', JSON.stringify(summary, null, 2) + '\n');
            staged.write('import-report.json', JSON.stringify(log.report, null, 2) + '\n');
            staged.write('tickets.csv', tickets.csv);
            if (formats.length > 0) {
              const source = arraySource(events, log.window.originEpochMs);
              const rows = formats.includes('parquet')
                ? [{ replication: 1, rows: ticketRows(ledger, definitions) }]
                : undefined;
              writeExports(
                { formats, log: source, name: logOutputName(file), eventsParquet: true, tickets: rows },
                (name) => staged.file(name),
              );
            }
            staged.write('segments.csv', toCsv(SEGMENT_COLUMNS, segmentRows([segments])));
            staged.write('daily.csv', toCsv(daily.columns, daily.rows));
            if (renderer === undefined) return;
            const seen = new Set(Array.from(tickets.resolved.priority, (code) => tickets.resolved.priorities[code]!));
            const ofScenario =
              scenario === undefined ? [] : Object.keys(scenario.priorities).filter((priority) => seen.has(priority));
            await writeRunReport(
              {
                summary: {
                  scenario: basename(file),
                  seed: 0,
                  replications: 1,
                  version: VERSION,
                  warnings: summary.warnings,
                  kpis: Object.fromEntries(
                    Object.entries(summary.kpis).map(([id, { value, unit }]) => [id, summarize([value], unit)]),
                  ),
                  tiers: Object.fromEntries(
                    Object.entries(summary.tiers).map(([tier, values]) => [
                      tier,
                      Object.fromEntries(
                        Object.entries(values).map(([id, { value, unit }]) => [id, summarize([value], unit)]),
                      ),
                    ]),
                  ),
                },
                resolved: tickets.resolved,
                daily,
                // The scenario's order (urgent first) for the priorities it knows, then the log's others by name.
                priorities: [...ofScenario, ...[...seen].filter((priority) => !ofScenario.includes(priority)).sort()],
                tiers: Object.keys(kpis.tiers),
                measuredDays: Math.round((log.window.measureTo - log.window.measureFrom) / 144) / 10,
                scenarioYaml: resolvedScenarioYaml(definitionsFrom),
                description:
                  scenario === undefined
                    ? 'metric definitions: the scenario defaults'
                    : `metric definitions from ${options.scenario}`,
                log: basename(file),
              },
              (path, content) => staged.write(path, content),
              renderer,
            );
          },
          outputOptions(io, options),
        );
      } finally {
        await renderer?.close();
      }
      // --json is asked-for machine output: it is printed even with --quiet, which silences the rest.
      if (options.json) {
        io.stdout(JSON.stringify(summary, null, 2) + '\n');
        return;
      }
      if (options.quiet) return;
      const rows: Array<[string, string]> = kpiCsvRows(summary).map(([id, value, unit]) => [
        id,
        formatValue(value, unit),
      ]);
      io.stdout(
        `${file}: ${log.report.tickets} tickets, ${log.report.window.start} – ${log.report.window.end}\n` +
          table(rows) +
          formatWarnings(summary.warnings) +
          `Wrote ${directory}\n` +
          (options.report === false ? '' : reportLine(directory)),
      );
    });
}
