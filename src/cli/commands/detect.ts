/**
 * `desksim detect <log | run directory | scenario.yaml>`: flag the agents whose pattern in
 * the observed events matches a gaming signature (src/detect), with a score and the evidence
 * in words; on simulated logs, how well that matched the truth.
 */
import type { Command } from 'commander';
import { lstatSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { DEFAULT_THRESHOLD, detectEvents, detectScenario, STATED_FALSE_ALARMS } from '../../detect/index.js';
import { detectFindings, writeDetectReport, type DetectReport } from '../../detect/report.js';
import { startChartRenderer } from '../../report/chart-renderer.js';
import { prepareOutputDirectory, writeAtomically } from '../../report/output-directory.js';
import { slug } from '../../report/slug.js';
import { VERSION } from '../../version.js';
import { CliError, ExitCode, type CliIo } from '../io.js';
import {
  FORCE_HELP,
  loadForCommand,
  outputOptions,
  outputTarget,
  scenarioOptions,
  type ScenarioOptionValues,
} from './shared.js';
import { importForCommand } from './metrics.js';

interface DetectOptionValues extends ScenarioOptionValues {
  mapping?: string;
  threshold?: string;
  out?: string;
  force?: boolean;
  quiet?: boolean;
  report?: boolean;
}

function parseThreshold(text: string | undefined): number {
  if (text === undefined) return DEFAULT_THRESHOLD;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new CliError(
      `--threshold must be a positive number (a score, e.g. ${DEFAULT_THRESHOLD}), found "${text}"`,
      ExitCode.BadInput,
    );
  }
  return value;
}

/** A run directory stands for its events.ndjson. */
function logFile(io: CliIo, source: string): { path: string; shownAs: string } {
  const path = resolve(io.cwd, source);
  if (lstatSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    const events = join(path, 'events.ndjson');
    if (lstatSync(events, { throwIfNoEntry: false }) === undefined) {
      throw new CliError(
        `${source} is a directory without events.ndjson: run the scenario with --events, or give the log file`,
        ExitCode.BadInput,
      );
    }
    return { path: events, shownAs: join(source, 'events.ndjson') };
  }
  return { path, shownAs: source };
}

export function registerDetect(program: Command, io: CliIo): void {
  const command = program
    .command('detect')
    .summary('find the agents whose pattern looks like gaming, from the observed events of a log')
    .description(
      "Compare every agent with its tier's other agents on tickets of the same channel and category,\n" +
        "from what a dashboard shows (never the simulator's truth), and flag the agents whose pattern\n" +
        'matches a gaming signature: rushing (short resolutions, customers coming back), escalation\n' +
        'avoidance, escalation dumping, premature close, survey selection, generic first replies,\n' +
        'SLA clock pauses, ticket splitting, cherry-picking (docs/gaming.md, Detection). Each flag has\n' +
        "a score and the evidence in words. A flag is a reason to read the agent's tickets, not a verdict.\n\n" +
        "The source is an event log (.ndjson or .csv as `run --events` writes it, or a help desk's\n" +
        'export with --mapping), a run directory holding events.ndjson, or a scenario (.yaml): then\n' +
        'its replications are simulated (each a month of the same team), detected one by one and\n' +
        'pooled, and scored against the truth (which agent really gamed which ticket): precision and\n' +
        'recall per behaviour, and in how many replications every gamer was found.\n\n' +
        'Writes outputs/<name>-detect/: detect.json (flags, scores, comparisons, evaluation),\n' +
        'detect.csv (agent × behaviour: score, flagged, evidence), peers.csv (each agent against\n' +
        'peers on the same mix, with 95 % intervals), charts/detect-scores.svg and report.html.',
    )
    .argument('<source>', 'event log (.ndjson, .csv), run directory with events.ndjson, or scenario (.yaml)')
    .option('-m, --mapping <file>', "mapping YAML that reads a help desk's export (as for desksim metrics)")
    .option(
      '--threshold <score>',
      `flag at this signature score or above (default ${DEFAULT_THRESHOLD}; ` +
        'higher: fewer false alarms, more gamers missed)',
    )
    .option('--out <dir>', 'output directory (default: outputs/<source name>-detect)')
    .option('--force', FORCE_HELP)
    .option('--quiet', 'print nothing but errors')
    .option('--no-report', 'skip charts/ and report.html');
  scenarioOptions(command)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  # two of the thirteen Tier 1 agents (email and live team) rush: are they found, and how often,' +
        ' against the truth?\n' +
        '  $ desksim detect scenarios/gaming/two-rushers.yaml -r 5\n' +
        '  # an honest desk: how many false alarms\n' +
        '  $ desksim detect scenarios/baseline.yaml -r 5\n' +
        '  # plant gamers of any behaviour with --set (any of the nine, see docs/gaming.md):\n' +
        '  $ desksim detect scenarios/gaming/two-rushers.yaml -r 3 --set gaming.survey_selection.intensity=0.8' +
        ' --set gaming.survey_selection.gamers.share=0.3\n' +
        '  # a simulated log (run --events), or its run directory:\n' +
        '  $ desksim run scenarios/gaming/explicit-gaming.yaml --events --replications 1 --out outputs/gaming' +
        ' && desksim detect outputs/gaming\n' +
        "  # a real help desk's export, through the mapping desksim metrics uses:\n" +
        '  $ desksim detect examples/logs/helpdesk.csv --mapping scenarios/mappings/helpdesk.yaml\n',
    )
    .action(async (source: string, options: DetectOptionValues) => {
      const threshold = parseThreshold(options.threshold);
      const isScenario = ['.yaml', '.yml'].includes(extname(source).toLowerCase());
      const name = slug(basename(source, extname(source)), 'log');
      const directory = outputTarget(io, options.out, `outputs/${name}-detect`);
      let report: DetectReport;
      if (isScenario) {
        if (options.mapping !== undefined)
          throw new CliError("--mapping reads a help desk's export; a scenario needs none", ExitCode.BadInput);
        const { scenario } = loadForCommand(source, options, io);
        prepareOutputDirectory(directory, outputOptions(io, options));
        const result = detectScenario(scenario, { threshold });
        report = {
          source,
          version: VERSION,
          threshold,
          detection: result.pooled,
          scenario: result,
          statedFalseAlarms: STATED_FALSE_ALARMS,
        };
      } else {
        const file = logFile(io, source);
        // The import report is desksim metrics' business: here only what the detector found is printed.
        const log = importForCommand(file.path, options.mapping, io, true);
        prepareOutputDirectory(directory, outputOptions(io, options));
        report = {
          source: file.shownAs,
          version: VERSION,
          threshold,
          detection: detectEvents(log.events, { threshold }),
          statedFalseAlarms: STATED_FALSE_ALARMS,
        };
      }
      const renderer = options.report === false ? undefined : startChartRenderer();
      try {
        await writeAtomically(directory, async (staged) => {
          await writeDetectReport(report, (path, content) => staged.write(path, content), renderer);
        });
      } finally {
        await renderer?.close();
      }
      if (options.quiet) return;
      io.stdout(detectFindings(report).join('\n') + '\n');
      const flagged = report.detection.scores.filter((score) => score.flagged).length;
      io.stdout(`${flagged} flag${flagged === 1 ? '' : 's'}; wrote ${directory}\n`);
    });
}
