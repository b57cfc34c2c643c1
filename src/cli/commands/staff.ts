/** `desksim staff <scenario>`: the cheapest staffing that meets targets, by simulation from an Erlang start. */
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { autoWorkers, kpiColumns } from '../../experiment/run.js';
import { parseWorkers } from './run.js';
import { toCsv } from '../../document/csv.js';
import { loadExperiment } from '../../experiment/experiment-file.js';
import { ScenarioError } from '../../document/errors.js';
import { loadScenarioFile, resolvedScenarioYaml } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/schema.js';
import { defaultVariables, parseVary, VaryError, type StaffVariable } from '../../staffing/plan.js';
import { renderStaff, staffCharts, staffReportHtml } from '../../staffing/report.js';
import { CandidateEvaluator } from '../../staffing/search.js';
import { candidatesCsv, runStaff, type StaffResult } from '../../staffing/staff.js';
import { parseTarget, scenarioTargets, TargetError, type Target } from '../../experiment/targets.js';
import { CliError, ExitCode, type CliIo } from '../io.js';
import { jsonText, safeName, writeExperiment } from './experiment-shared.js';
import { loadForCommand, scenarioOptions, type ScenarioOptionValues } from './shared.js';

interface StaffOptionValues extends ScenarioOptionValues {
  experiment?: string;
  vary?: string[];
  target?: string[];
  atLeast?: string[];
  atMost?: string[];
  maxReplications?: string;
  maxCandidates?: string;
  shrinkage?: string;
  analytic?: boolean;
  out?: string;
  json?: boolean;
  quiet?: boolean;
  report?: boolean;
  workers?: string;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function badInput(text: string): CliError {
  return new CliError(`desksim staff: ${text}`, ExitCode.BadInput);
}

function whole(flag: string, text: string, least: number): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < least)
    throw badInput(`${flag} must be a whole number ≥ ${least}, found "${text}"`);
  return value;
}

/**
 * An experiment file as `staff` reads it: the base scenario (the experiment's set, seed and
 * replications, then the command line's), and each grid path as `--vary path=min..max`.
 */
function loadStaffExperiment(
  file: string,
  options: ScenarioOptionValues,
  io: CliIo,
): { scenario: Scenario; vary: string[] } {
  try {
    const loaded = loadExperiment(resolve(io.cwd, file));
    const experiment = loaded.experiment;
    const overrides = [...experiment.set];
    if (experiment.seed !== undefined) overrides.push(`seed=${experiment.seed}`);
    if (experiment.replications !== undefined) overrides.push(`replications=${experiment.replications}`);
    overrides.push(...(options.set ?? []));
    if (options.seed !== undefined) overrides.push(`seed=${options.seed}`);
    if (options.replications !== undefined) overrides.push(`replications=${options.replications}`);
    const scenario = loadScenarioFile(loaded.scenarioFile, { overrides }).scenario;
    const vary = Object.entries(experiment.grid).map(([path, values]) => {
      if (!values.every((value) => Number.isSafeInteger(value))) {
        throw badInput(`--experiment ${file}: grid ${path} must list whole numbers of agents to bound a variable`);
      }
      const counts = values as number[];
      return `${path}=${Math.min(...counts)}..${Math.max(...counts)}`;
    });
    return { scenario, vary };
  } catch (error) {
    if (error instanceof ScenarioError) throw new CliError(error.message, ExitCode.BadInput);
    throw error;
  }
}

/** Adds `desksim staff` to the program. */
export function registerStaff(program: Command, io: CliIo): void {
  scenarioOptions(
    program
      .command('staff')
      .summary('the cheapest staffing that meets KPI targets: Erlang per hour, then a simulation search')
      .description(
        'Find the cheapest staffing that meets every target, by simulation. The formulas first: for\n' +
          'every hour of the measured window, the agents Erlang C (or Erlang A when customers abandon)\n' +
          'says each tier needs for the queueing targets, grossed up for shrinkage; the shifts that\n' +
          'cover those hours at least cost are the start. Then a neighbourhood search simulates plans\n' +
          '(one agent more; then one agent fewer or moved) with the same seed for every plan (common\n' +
          'random numbers), never the same plan twice, until no cheaper neighbour meets the targets.\n' +
          "A target is met only when its 95% interval's worse end meets it; a plan too close to call\n" +
          'gets more replications, up to --max-replications, and otherwise counts as missing it.\n\n' +
          'The objective is the planned staff cost of the measured window: scheduled agent-hours at\n' +
          "each tier's cost_per_hour (agent-hours when no tier has a rate).\n\n" +
          'Variables: --vary tier1=4..12 (a tier of 24/7 agents, or its only shift), --vary\n' +
          "tier1.early=3..8 (a shift by name or index), or --experiment <file>: a sweep's experiment\n" +
          'file, each grid path bounded by its smallest and largest value. Default: every tier or\n' +
          'shift, from half to twice its agents. ' +
          'Targets: --at-least kpi=value, --at-most kpi=value, or --target "kpi>=value"\n' +
          '/ "kpi<=value", desk-wide or per tier (tiers.tier2.queue_wait_mean); shares as 0.9 or 90%,\n' +
          "times as minutes or 4h. Without any, the scenario's own targets: section.\n\n" +
          'Writes outputs/staff-<scenario>/: staffing.json (the plan, its KPIs with intervals, the\n' +
          'per-hour analysis, every candidate), candidates.csv, analytic.csv, scenario.staffed.yaml\n' +
          '(ready to run), and report.html with the charts unless --no-report. --analytic stops after\n' +
          'the formulas: the heat map of needed against rostered agents, nothing simulated.',
      )
      .argument('[scenario]', 'scenario YAML file (or give --experiment)'),
  )
    .option(
      '--experiment <file>',
      'an experiment file (as for sweep): its scenario, set, seed and replications, ' +
        "and each grid path's smallest to largest value as a variable's bounds",
    )
    .addOption(
      new Option('--vary <tier[.shift]=from..to>', 'a decision variable and its bounds (repeatable)').argParser(
        collect,
      ),
    )
    .addOption(
      new Option(
        '--target <kpi>=<value>',
        'a target, "kpi>=value" or "kpi<=value" (repeatable; quote it in a shell)',
      ).argParser(collect),
    )
    .addOption(
      new Option(
        '--at-least <kpi=value>',
        'a target the KPI must reach: --at-least service_level=0.8 (repeatable)',
      ).argParser(collect),
    )
    .addOption(
      new Option(
        '--at-most <kpi=value>',
        'a target the KPI must not exceed: --at-most abandonment_rate=5% (repeatable)',
      ).argParser(collect),
    )
    .option(
      '--max-replications <n>',
      'replications a plan too close to call may grow to (default: 4 × the starting replications)',
    )
    .option('--max-candidates <n>', 'most plans simulated', '200')
    .option(
      '--shrinkage <share>',
      "share of rostered time not on the queue, for the formulas (default: the scenario's agents.absence.share)",
    )
    .option('--analytic', "only the formulas' per-hour requirement and heat map; simulate nothing")
    .option('--out <dir>', 'output directory (default: outputs/staff-<scenario>)')
    .option('--json', 'print staffing.json to stdout instead of the summary')
    .option('--quiet', 'print nothing but errors')
    .option('--no-report', 'skip charts/ and report.html')
    .option(
      '-w, --workers <n>',
      "simulate the candidates' replications on n worker threads, " +
        'one pool for the whole search (the steps up of a climb together); ' +
        'the answer is identical for any n (default: the cores for large desks, else 1)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ desksim staff scenarios/textbook/mmc.yaml --at-least service_level=0.8 --vary desk=8..14' +
        ' --set horizon.days=8 -r 3\n' +
        '  $ desksim staff scenarios/baseline.yaml --analytic --at-least service_level=80%' +
        ' --at-most abandonment_rate=5%\n' +
        '  $ desksim staff --experiment scenarios/experiments/tier1-staffing.yaml' +
        ' --at-least tiers.tier1.service_level=0.6 --set horizon.days=10 -r 3\n' +
        '  $ desksim staff scenarios/baseline.yaml --vary tier1.early=3..5 --vary tier2=2..3' +
        ' --at-least sla_first_response_compliance=0.9 --at-most tiers.tier2.queue_wait_mean=8h' +
        ' --set horizon.days=10 -r 3\n',
    )
    .action(async (file: string | undefined, options: StaffOptionValues) => {
      const experiment =
        options.experiment === undefined ? undefined : loadStaffExperiment(options.experiment, options, io);
      if (experiment !== undefined && file !== undefined) throw badInput('give a scenario or --experiment, not both');
      if (experiment === undefined && file === undefined)
        throw badInput('give a scenario file, or --experiment <file> whose grid gives the bounds');
      const scenario = experiment?.scenario ?? loadForCommand(file!, options, io).scenario;
      const known = kpiColumns(scenario);
      let targets: Target[];
      let variables: StaffVariable[];
      try {
        targets = [
          ...(options.target ?? []),
          ...(options.atLeast ?? []).map((text) => text.replace('=', '>=')),
          ...(options.atMost ?? []).map((text) => text.replace('=', '<=')),
        ].map((text) => parseTarget(text, known));
        variables = [...(experiment?.vary ?? []), ...(options.vary ?? [])].map((text) => parseVary(text, scenario));
        if (variables.length === 0) variables = defaultVariables(scenario);
      } catch (error) {
        if (error instanceof TargetError || error instanceof VaryError) throw badInput(error.message);
        throw error;
      }
      // Without targets on the command line, the scenario's own `targets:` (their good bounds).
      if (targets.length === 0) targets = scenarioTargets(scenario.targets);
      const names = variables.map((variable) => variable.path);
      const repeated = names.find((name, index) => names.indexOf(name) !== index);
      if (repeated !== undefined) throw badInput(`--vary names ${repeated} twice`);
      if (targets.length === 0 && !options.analytic)
        throw badInput(
          'give at least one target (the scenario has no targets: section), e.g. --at-least service_level=0.8 or ' +
            '--target "service_level>=0.8" (or --analytic for the formulas alone)',
        );
      const replications = Math.max(2, scenario.replications);
      const maxReplications =
        options.maxReplications === undefined
          ? replications * 4
          : whole('--max-replications', options.maxReplications, replications);
      const maxCandidates = whole('--max-candidates', options.maxCandidates ?? '200', 1);
      let shrinkage = scenario.agents.absence.share;
      if (options.shrinkage !== undefined) {
        shrinkage = Number(options.shrinkage);
        if (!(shrinkage >= 0 && shrinkage < 1) || options.shrinkage.trim() === '')
          throw badInput(`--shrinkage must be a share in [0, 1), found "${options.shrinkage}"`);
      }
      const workers = parseWorkers(options.workers) ?? autoWorkers({ ...scenario, replications });
      const directory = resolve(io.cwd, options.out ?? `outputs/staff-${safeName(scenario.name)}`);
      const progress = io.interactive && !options.quiet && !options.json;
      await writeExperiment<StaffResult>(
        io,
        { ...options, report: options.report },
        directory,
        async (staged) => {
          let result: StaffResult;
          try {
            result = await runStaff({
              scenario,
              variables,
              targets,
              shrinkage,
              replications,
              maxReplications,
              maxCandidates,
              analyticOnly: options.analytic === true,
              workers,
              onCandidate: progress
                ? (candidate) =>
                    io.stderr(
                      `  plan ${candidate.order}: ${candidate.text} — ` +
                        `${candidate.feasible ? 'meets the targets' : 'misses'} ` +
                        `(${candidate.replications} replications)\n`,
                    )
                : undefined,
            });
          } catch (error) {
            if (error instanceof RangeError) throw badInput(error.message);
            throw error;
          }
          staged.write('staffing.json', jsonText(result));
          const candidates = candidatesCsv(result);
          if (result.search !== undefined) staged.write('candidates.csv', toCsv(candidates.header, candidates.rows));
          staged.write(
            'analytic.csv',
            toCsv(
              ['tier', 'weekday', 'hour', 'arrivals_per_hour', 'agents_needed', 'agents_rostered', 'gap'],
              result.analytic.week.map((cell) => [
                cell.tier,
                cell.weekday,
                cell.hour,
                Number(cell.arrivalsPerHour.toFixed(4)),
                cell.rosteredNeeded,
                cell.rostered,
                cell.gap,
              ]),
            ),
          );
          const best = result.search?.best;
          if (best) {
            const staffed = new CandidateEvaluator({
              scenario,
              variables,
              fixedCost: result.fixedCost,
              targets,
              replications,
              maxReplications,
            }).scenarioOf(best.plan);
            staffed.name = `${scenario.name}-staffed`;
            const named = result.targets.join(', ');
            staffed.description = `${scenario.name} staffed by desksim staff (${best.text}) for ${named}.`;
            staged.write('scenario.staffed.yaml', resolvedScenarioYaml(staffed));
          }
          return result;
        },
        { charts: staffCharts, html: staffReportHtml, text: renderStaff },
      );
    });
}
