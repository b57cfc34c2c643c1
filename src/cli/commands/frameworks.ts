/** `desksim frameworks <study>`: judge measurement frameworks against the truth of designed desks. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { z } from 'zod';
import {
  measureStudy,
  runValues,
  studyRuns,
  type FrameworkStudyResult,
  type StudyFacts,
} from '../../frameworks/evaluate.js';
import { frameworkSchema } from '../../frameworks/framework.js';
import {
  deskTable,
  FRAMEWORK_COLUMNS,
  frameworkCharts,
  frameworkRows,
  frameworksReportHtml,
  renderFrameworks,
} from '../../frameworks/report.js';
import { loadStudy, studySchema, type LoadedStudy } from '../../frameworks/study.js';
import { toCsv } from '../../document/csv.js';
import { ScenarioError } from '../../document/errors.js';
import { CliError, ExitCode, type CliIo } from '../io.js';
import {
  experimentOptions,
  experimentProgress,
  jsonText,
  safeName,
  writeExperiment,
  type ExperimentOptionValues,
} from './experiment-shared.js';
import type { Values } from '../../frameworks/results.js';
import { runParts } from '../../experiment/batch.js';
import { parseWorkers } from './run.js';
import { parseShardOption, SHARD_HELP, writeShard } from './shard-output.js';
import { outputTarget, scenarioOptions, type ScenarioOptionValues } from './shared.js';

type FrameworksOptionValues = ScenarioOptionValues &
  ExperimentOptionValues & { schema?: string; desks?: string; shard?: string };

/** The JSON Schemas `--schema` prints. */
const SCHEMAS = { framework: frameworkSchema, study: studySchema } as const;

/** Loads the study with the command line's overrides; bad input ⇒ exit 2. */
function loadForFrameworks(file: string, options: FrameworksOptionValues, io: CliIo): LoadedStudy {
  const overrides = [...(options.set ?? [])];
  if (options.seed !== undefined) overrides.push(`seed=${options.seed}`);
  const count = (text: string | undefined, option: string, least: number) => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < least)
      throw new CliError(`${option} expects a whole number ≥ ${least}, found "${text}"`, ExitCode.BadInput);
    return value;
  };
  const replications = count(options.replications, '--replications', 2);
  const desks = count(options.desks, '--desks', 4);
  try {
    return loadStudy(resolve(io.cwd, file), { overrides, replications, desks });
  } catch (error) {
    if (error instanceof ScenarioError) throw new CliError(error.message, ExitCode.BadInput);
    throw error;
  }
}

/** Adds `desksim frameworks` to the program. */
export function registerFrameworks(program: Command, io: CliIo): void {
  experimentOptions(
    scenarioOptions(
      program
        .command('frameworks')
        .summary('judge measurement frameworks: validity, gameability, sensitivity, definitions')
        .description(
          'Judge measurement frameworks (scenarios/frameworks/*.yaml: KPIs with weights or targets, a\n' +
            'scoring rule, measurement definitions) on desks a study designs — variations of a\n' +
            'scenario over staffing, knowledge, load, SLA policy and gaming, as a grid or a Latin\n' +
            'hypercube — all on the same random numbers. Per framework, with 95% intervals:\n' +
            '  validity      rank correlation across desks between its score and the truth score\n' +
            '  gameability   pressure on its own KPIs (incentive table): score rise minus truth move\n' +
            '  sensitivity   which real changes its score detects, and its noise per replication\n' +
            '  definitions   how far one changed measurement definition moves its ranking of desks\n' +
            'Writes outputs/frameworks-<name>/: frameworks.json, frameworks.csv (one row per framework\n' +
            'and measure), desks.csv, and report.html with the ranking in words and the charts unless\n' +
            '--no-report. --set and --seed apply to every desk; -r sets the replications of every run\n' +
            '(desks, gameability, sensitivity); --desks draws fewer or more desks (latin_hypercube).\n' +
            'docs/frameworks.md explains it all.\n' +
            '--schema framework|study prints the JSON Schema of a framework or a study file.',
        )
        .argument('[study]', 'framework study YAML file'),
    ),
    'outputs/frameworks-<name>',
  )
    .option('--desks <n>', "latin_hypercube: draw n desks instead of the study's")
    .option('--schema <kind>', 'print the JSON Schema of a framework or study file and exit')
    .option('--shard <i/n>', SHARD_HELP)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  # the shipped study: five frameworks, twenty desks, a few minutes\n' +
        '  #   desksim frameworks scenarios/frameworks/study.yaml\n' +
        '  # a quick look: four desks, two replications of every run, two measured weeks\n' +
        '  $ desksim frameworks scenarios/frameworks/study.yaml --desks 4 -r 2 --set horizon.days=21' +
        ' --out outputs/quick-study --quiet\n' +
        '  $ desksim frameworks --schema framework > framework.schema.json\n' +
        '  # in two parts (two machines, two tasks of an array job: docs/scale-out.md), then the whole study:\n' +
        '  $ desksim frameworks scenarios/frameworks/study.yaml --desks 4 -r 2 --set horizon.days=10 --quiet' +
        ' --shard 1/2 --out outputs/study-part-1' +
        ' && desksim frameworks scenarios/frameworks/study.yaml --desks 4 -r 2 --set horizon.days=10 --quiet' +
        ' --shard 2/2 --out outputs/study-part-2' +
        ' && desksim merge outputs/study-part-1 outputs/study-part-2 --out outputs/small-study --quiet\n',
    )
    .action(async (file: string | undefined, options: FrameworksOptionValues) => {
      if (options.schema !== undefined) {
        const schema = SCHEMAS[options.schema as keyof typeof SCHEMAS];
        if (schema === undefined)
          throw new CliError(`--schema expects framework or study, found "${options.schema}"`, ExitCode.BadInput);
        io.stdout(jsonText(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })));
        return;
      }
      if (file === undefined)
        throw new CliError(
          'desksim frameworks needs a study file, e.g. scenarios/frameworks/study.yaml (see --help)',
          ExitCode.BadInput,
        );
      const loaded = loadForFrameworks(file, options, io);
      if (options.desks !== undefined && loaded.study.design.method === 'grid') {
        throw new CliError(
          `--desks draws desks from a Latin hypercube; ${file} has a grid design (every combination of its levels)`,
          ExitCode.BadInput,
        );
      }
      const plan: FrameworksPlan = {
        facts: { study: loaded.study, frameworks: loaded.frameworks, desks: loaded.desks, base: loaded.base },
        report: options.report !== false,
        defaultOut: `outputs/frameworks-${safeName(loaded.study.name)}`,
      };
      const specs = studyRuns(loaded).map((scenario) => ({ scenario }));
      const shard = parseShardOption(options.shard, io);
      if (shard !== undefined)
        return writeShard(io, options, { command: 'frameworks', plan, specs, defaultOut: plan.defaultOut }, shard);
      const workers = parseWorkers(options.workers);
      const progress = experimentProgress(
        io,
        options,
        `Judging ${loaded.frameworks.length} frameworks on ${loaded.desks.length} desks`,
      );
      await finishFrameworks(io, options, outputTarget(io, options.out, plan.defaultOut), plan, async () => {
        const parts = await runParts(specs, { workers, onProgress: progress });
        return parts.map(runValues);
      });
    });
}

/** What a study needs besides its runs' values to write its outputs (kept in shards for `desksim merge`). */
export interface FrameworksPlan {
  facts: StudyFacts;
  report: boolean;
  defaultOut: string;
}

/** Writes a study's output directory from its runs' values: the command's and `desksim merge`'s last step. */
export async function finishFrameworks(
  io: CliIo,
  options: ExperimentOptionValues,
  directory: string,
  plan: FrameworksPlan,
  values: () => Promise<Values[][]>,
): Promise<void> {
  await writeExperiment<FrameworkStudyResult>(
    io,
    { ...options, report: plan.report },
    directory,
    async (staged) => {
      const result = measureStudy(plan.facts, await values());
      const desks = deskTable(result);
      staged.write('frameworks.json', jsonText(result));
      staged.write('frameworks.csv', toCsv(FRAMEWORK_COLUMNS, frameworkRows(result)));
      staged.write('desks.csv', toCsv(desks.header, desks.rows));
      return result;
    },
    { charts: frameworkCharts, html: frameworksReportHtml, text: renderFrameworks },
  );
}
