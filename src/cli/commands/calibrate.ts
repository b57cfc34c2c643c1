/**
 * `desksim calibrate <log>`: a scenario that reproduces a desk, estimated from its own log
 * (every estimate and its uncertainty in comments); with `--check`, the scenario run and
 * its KPIs put beside the log's, with charts, in report.html.
 */
import type { Command } from 'commander';
import { renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { calibrate } from '../../calibrate/index.js';
import { checkCharts, checkCsv, checkReportHtml, checkRows, checkText } from '../../calibrate/check.js';
import { averageDaily } from '../../experiment/detail.js';
import { runScenarioParallel } from '../../experiment/run.js';
import { computeDaily } from '../../metrics/daily.js';
import { computeKpis, ticketRows } from '../../metrics/engine.js';
import { chartFiles } from '../../report/charts/chart.js';
import { startChartRenderer } from '../../report/chart-renderer.js';
import { writeAtomically } from '../../report/output-directory.js';
import { loadScenarioText } from '../../scenario/load.js';
import { CliError, ExitCode, type CliIo } from '../io.js';
import { importForCommand, logLedger, logMetricOptions, logOutputName, SIZE_CHECK_HELP } from './metrics.js';

interface CalibrateOptionValues {
  mapping?: string;
  out?: string;
  check?: boolean;
  reportDir?: string;
  replications?: string;
  quiet?: boolean;
  /** False with --no-size-check. */
  sizeCheck?: boolean;
}

export function registerCalibrate(program: Command, io: CliIo): void {
  program
    .command('calibrate')
    .summary('build a scenario of a desk from its own log; --check runs it beside the log')
    .description(
      'Estimate a desk from its event log and write a scenario that reproduces it, every estimate\n' +
        'with its 95 % interval in a comment: the arrival rate with its hour-of-day and weekday\n' +
        'profile (trend and surges flagged, not fitted), the channel, category and priority mix,\n' +
        'work times per category fitted by maximum likelihood (exponential, lognormal, gamma,\n' +
        'Weibull; the best by AIC, its Kolmogorov-Smirnov distance; empirical when none fits),\n' +
        'tiers with their staffing by hour of the week and escalation probabilities, reopens, waits\n' +
        'on the customer and on engineering, abandonment. What the log cannot tell is listed at the\n' +
        'top as an assumption with the default used. Without --out the scenario goes to stdout.\n\n' +
        'With --check the scenario is run and every KPI the log supports is put beside the\n' +
        "simulation's, with the interval one replication falls in 95 % of the time and a verdict,\n" +
        'in outputs/<log name>-calibration/ (check.csv, desk.yaml, charts/, report.html). See\n' +
        'docs/calibrate.md.',
    )
    .argument('<log>', 'event log (.ndjson or .csv), or an export with --mapping')
    .option('-m, --mapping <file>', "mapping YAML that reads a help desk's export (see desksim metrics --help)")
    .option('--out <file>', 'write the scenario to this file (default: stdout, or desk.yaml beside the check)')
    .option('--check', "run the calibrated scenario and compare its KPIs with the log's")
    .option('--report-dir <dir>', 'directory of the check (default: outputs/<log name>-calibration)')
    .option('-r, --replications <n>', 'replications of the check (default: 10)')
    .option('--quiet', 'print nothing but errors')
    .option('--no-size-check', SIZE_CHECK_HELP)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  # the shipped real log: its desk as a scenario, then checked against the log\n' +
        '  $ desksim calibrate examples/logs/helpdesk.csv --mapping scenarios/mappings/helpdesk.yaml' +
        ' --out helpdesk-desk.yaml --quiet\n' +
        '  $ desksim calibrate examples/logs/helpdesk.csv --mapping scenarios/mappings/helpdesk.yaml --check -r 3' +
        ' --quiet\n',
    )
    .action(async (file: string, options: CalibrateOptionValues) => {
      const replications = options.replications === undefined ? 10 : Number(options.replications);
      if (!Number.isInteger(replications) || replications < 2)
        throw new CliError(
          `--replications expects a whole number ≥ 2, found "${options.replications}"`,
          ExitCode.BadInput,
        );
      const log = importForCommand(file, options.mapping, io, options.quiet, false, options.sizeCheck !== false);
      const name = `${logOutputName(file)}-calibrated`;
      let yaml: string;
      try {
        yaml = calibrate(log, {
          name,
          log: basename(file),
          mapping: options.mapping === undefined ? null : basename(options.mapping),
        }).yaml;
      } catch (error) {
        throw new CliError(`${file}: ${(error as Error).message}`, ExitCode.BadInput);
      }
      const scenarioFile = resolve(io.cwd, options.out ?? 'desk.yaml');
      // The scenario is validated as the file it becomes: a calibration that wrote an invalid one would be a bug.
      const { scenario } = loadScenarioText(
        yaml,
        scenarioFile,
        options.replications === undefined ? undefined : { overrides: [`replications=${replications}`] },
      );
      if (options.out !== undefined) writeFileAtomically(scenarioFile, yaml);
      else if (!options.check) io.stdout(yaml);
      if (!options.check) {
        if (options.out !== undefined && !options.quiet) io.stdout(`Wrote ${scenarioFile}\n`);
        return;
      }

      const checked = options.replications === undefined ? { ...scenario, replications } : scenario;
      const run = await runScenarioParallel(checked, { detail: true });
      const definitions = logMetricOptions(checked, log);
      const ledger = logLedger(log);
      const logKpis = computeKpis(ledger, definitions);
      const rows = checkRows(logKpis, run);
      const input = {
        name,
        rows,
        logDaily: computeDaily(ledger, definitions, []),
        simulatedDaily: averageDaily(
          run.outcomes.flatMap((outcome) => (outcome.daily === undefined ? [] : [outcome.daily])),
        ),
        logResolutionMinutes: ticketRows(ledger).flatMap((row) =>
          typeof row.resolution_time === 'number' ? [row.resolution_time] : [],
        ),
        simulatedResolutionMinutes: run.tickets.resolved.map((ticket) => ticket.minutes),
        replications: checked.replications,
        scenarioYaml: yaml,
      };
      const directory = resolve(io.cwd, options.reportDir ?? `outputs/${logOutputName(file)}-calibration`);
      const renderer = startChartRenderer();
      try {
        await writeAtomically(directory, async (staged) => {
          staged.write('desk.yaml', yaml);
          staged.write('check.csv', checkCsv(rows));
          const charts = await renderer.render(checkCharts(input));
          for (const chart of charts) for (const [path, content] of chartFiles(chart)) staged.write(path, content);
          staged.write('report.html', checkReportHtml(input, charts));
        });
      } finally {
        await renderer.close();
      }
      if (!options.quiet) io.stdout(checkText(rows) + `Wrote ${directory}\n`);
    });
}

/** Writes a file through a temporary sibling renamed into place: never half-written. */
function writeFileAtomically(path: string, content: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.partial-${process.pid}`);
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}
