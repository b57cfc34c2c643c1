/**
 * A framework study file: the frameworks to judge, the truth score they are judged against,
 * and the desks to judge them on (a scenario varied over a design), with the experiments of
 * gameability, sensitivity and definitions.
 *
 * ```
 * study.yaml ──loadStudy──▶ LoadedStudy: frameworks (each file validated), the designed desks
 *     (overrides of the scenario), and a `scenarioFor(overrides)` that builds and validates
 *     any desk the evaluation needs — every problem located in the study file
 * ```
 */
import { dirname, isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { parameterOverride, type ParameterValue } from '../experiment/experiment-file.js';
import type { TruthKpiId } from '../metrics/catalog.js';
import { ScenarioError, type DocumentKind, type ScenarioIssue } from '../document/errors.js';
import { loadScenarioFile, loadYamlDocument, type DocumentLocation } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import { deskOverrides, gridDesign, latinHypercube, type DeskPoint, type Factor } from './design.js';
import { loadFramework, scoredKpisSchema, type Framework } from './framework.js';

const levelValue = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.record(z.string(), z.unknown()),
  z.array(z.unknown()),
]);
const factorSchema = z.union([
  z.array(levelValue).min(1).describe('Levels to use as they are.'),
  z
    .strictObject({ min: z.number(), max: z.number(), integer: z.boolean().default(false) })
    .refine((range) => range.max >= range.min, 'max must be at least min')
    .describe('A range (latin_hypercube only): strata between min and max; integer rounds.'),
]);

const overrideList = z.array(z.string().min(1).regex(/=/, 'must be path=value, as --set takes it')).min(1);

/** Truth KPIs of the default truth score: real fixes, every customer's satisfaction, contacts and time per issue. */
export const DEFAULT_TRUTH = [
  { kpi: 'true_resolution_rate', weight: 1 },
  { kpi: 'true_satisfaction_mean', weight: 1 },
  { kpi: 'contacts_per_issue', weight: 1 },
  { kpi: 'true_resolution_time_mean', weight: 1 },
] satisfies Array<{ kpi: TruthKpiId; weight: number }>;

/** Measurement definitions a study may change: `metrics.*` (the desk itself stays). */
const definitionPath = /^metrics\.[a-z_]+=/;

/** The study file format (zod). */
export const studySchema = z
  .strictObject({
    name: z.string().min(1).describe('Study name; also names the output directory (outputs/frameworks-<name>/).'),
    description: z.string().optional(),
    scenario: z.string().min(1).describe('The base desk: a scenario file, relative to this file.'),
    seed: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Seed of every run (default: the scenario’s): common random numbers across desks.'),
    replications: z.number().int().min(2).max(1000).default(3).describe('Replications of every designed desk.'),
    set: z
      .array(z.string().min(1))
      .default([])
      .describe('Overrides applied to every desk, as with --set: "horizon.days=28".'),
    frameworks: z.array(z.string().min(1)).min(1).describe('Framework files, relative to this file.'),
    truth: scoredKpisSchema
      .default(DEFAULT_TRUTH)
      .describe('The truth score: KPIs only a simulation knows, standardised over the desks and weighted.'),
    design: z.strictObject({
      method: z
        .enum(['latin_hypercube', 'grid'])
        .default('latin_hypercube')
        .describe(
          'grid: every combination of the levels; latin_hypercube: `desks` points that cover every factor’s range.',
        ),
      desks: z.number().int().min(4).max(10000).default(20).describe('latin_hypercube: how many desks.'),
      seed: z
        .number()
        .int()
        .min(0)
        .default(1)
        .describe('latin_hypercube: the seed that draws the desks (recorded in the result).'),
      factors: z
        .record(z.string().min(1), factorSchema)
        .refine(
          (factors) => Object.keys(factors).length > 0,
          'must name at least one factor (a --set path) with its levels or range',
        )
        .describe('--set path → levels [a, b, c] or a range { min, max, integer }.'),
    }),
    gameability: z
      .strictObject({
        pressure: z
          .number()
          .min(0)
          .max(1)
          .default(1)
          .describe('Pressure on the KPI a framework weighs most; the others in proportion to their weights.'),
        replications: z
          .number()
          .int()
          .min(2)
          .max(1000)
          .optional()
          .describe('Replications of the base desk under pressure (default: the study’s).'),
      })
      .prefault({}),
    sensitivity: z
      .strictObject({
        replications: z
          .number()
          .int()
          .min(2)
          .max(1000)
          .optional()
          .describe('Replications at which a change must be detected (default: the study’s).'),
        changes: z
          .array(z.strictObject({ name: z.string().min(1), set: overrideList }))
          .default([])
          .describe('Real changes to the base desk, e.g. one agent more at Tier 2.'),
      })
      .prefault({}),
    definitions: z
      .array(
        z.strictObject({
          name: z.string().min(1),
          set: z
            .array(z.string().regex(definitionPath, 'must change a measurement definition: metrics.<option>=<value>'))
            .min(1),
        }),
      )
      .default([])
      .describe(
        'Measurement definitions changed one at a time for every framework: how far the ranking of desks moves.',
      ),
    bootstrap: z
      .strictObject({
        resamples: z.number().int().min(100).max(100000).default(1000),
        seed: z.number().int().min(0).default(1),
      })
      .prefault({})
      .describe('Bootstrap over desks for the intervals of rank correlations (seeded).'),
  })
  .superRefine((study, context) => {
    if (study.design.method !== 'grid') return;
    for (const [path, factor] of Object.entries(study.design.factors)) {
      if (!Array.isArray(factor))
        context.addIssue({
          code: 'custom',
          path: ['design', 'factors', path],
          message: 'a grid needs levels [a, b, ...]; ranges are for latin_hypercube',
        });
    }
  });

/** A study file as written, defaults applied. */
export type Study = z.output<typeof studySchema>;

/** The study file as a kind of document, for messages. */
export const STUDY_KIND: DocumentKind = {
  noun: 'framework study',
  article: 'a',
  exampleKeys: ['frameworks', 'design'],
};

/** A framework of a study with the file it came from. */
export interface StudyFramework {
  file: string;
  framework: Framework;
}

/** One designed desk. */
export interface DesignedDesk {
  /** 1-based. */
  desk: number;
  parameters: DeskPoint;
}

/** A validated study, ready to evaluate. */
export interface LoadedStudy {
  study: Study;
  file: string;
  scenarioFile: string;
  frameworks: StudyFramework[];
  desks: DesignedDesk[];
  /** The base desk as the study sets it (its own seed and the study's replications). */
  base: Scenario;
  /**
   * The scenario with the study's overrides, then the command line's, then `extra`
   * (a desk's factor values, definitions, pressure). Throws a `ScenarioError` located in the
   * study file when the problem came from there.
   */
  scenarioFor(extra: readonly string[]): Scenario;
}

/** Options of `loadStudy`: what the command line changes. */
export interface StudyLoadOptions {
  /** `--set` overrides of every desk, after the study's own `set`. */
  overrides?: readonly string[];
  /** Replications of every run — desks, gameability and sensitivity alike. */
  replications?: number;
  /** latin_hypercube: this many desks instead of the study's. */
  desks?: number;
}

/** The study with the command line's replications and desks. */
function withOptions(study: Study, options: StudyLoadOptions): Study {
  const replications = options.replications;
  return {
    ...study,
    replications: replications ?? study.replications,
    design: { ...study.design, desks: options.desks ?? study.design.desks },
    gameability: { ...study.gameability, replications: replications ?? study.gameability.replications },
    sensitivity: { ...study.sensitivity, replications: replications ?? study.sensitivity.replications },
  };
}

/**
 * Reads a study file, its frameworks and its scenario, draws the design and checks every
 * designed desk, listing every problem (each where it was written) before anything runs.
 */
export function loadStudy(file: string, options: StudyLoadOptions = {}): LoadedStudy {
  const document = loadYamlDocument(file, studySchema, STUDY_KIND);
  const study = withOptions(document.value, options);
  const relative = (path: string) => (isAbsolute(path) ? path : join(dirname(file), path));
  const issues: ScenarioIssue[] = [];
  const frameworks: StudyFramework[] = [];
  study.frameworks.forEach((path, index) => {
    try {
      frameworks.push({ file: path, framework: loadFramework(relative(path)) });
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      for (const issue of error.issues) {
        // A missing framework file is the study's mistake: shown where the study names it.
        issues.push(
          issue.code === 'file_not_found' && issue.line === undefined
            ? { ...issue, ...document.locate(['frameworks', index]), path: `frameworks.${index}` }
            : issue,
        );
      }
    }
  });
  const names = frameworks.map(({ framework }) => framework.name);
  names.forEach((name, index) => {
    if (names.indexOf(name) !== index)
      issues.push({
        code: 'custom',
        ...document.locate(['frameworks', index]),
        path: `frameworks.${index}`,
        message: `two frameworks are named "${name}": names label the results`,
      });
  });

  // Where the study wrote each override, to report a desk's problem there.
  const places = new Map<string, DocumentLocation>();
  const place = (override: string, where: DocumentLocation) =>
    void (places.has(override) || places.set(override, where));
  study.set.forEach((override, index) => place(override, document.locate(['set', index])));
  const factorPlaces = new Map<string, DocumentLocation>();
  for (const [path, factor] of Object.entries(study.design.factors)) {
    factorPlaces.set(path, document.locate(['design', 'factors', path], true));
    if (Array.isArray(factor))
      factor.forEach((level, index) =>
        place(parameterOverride(path, level as ParameterValue), document.locate(['design', 'factors', path, index])),
      );
  }
  study.sensitivity.changes.forEach((change, index) =>
    change.set.forEach((override, at) =>
      place(override, document.locate(['sensitivity', 'changes', index, 'set', at])),
    ),
  );
  study.definitions.forEach((definition, index) =>
    definition.set.forEach((override, at) => place(override, document.locate(['definitions', index, 'set', at]))),
  );

  const scenarioFile = relative(study.scenario);
  const fixed = [...study.set];
  if (study.seed !== undefined) fixed.push(`seed=${study.seed}`);
  fixed.push(`replications=${study.replications}`, ...(options.overrides ?? []));
  const relocate = (issue: ScenarioIssue): ScenarioIssue => {
    if (issue.override === undefined) {
      if (
        (issue.code === 'file_not_found' || issue.code === 'file_unreadable') &&
        issue.file === scenarioFile &&
        issue.line === undefined
      ) {
        return { ...issue, ...document.locate(['scenario']), path: 'scenario' };
      }
      return issue;
    }
    const where =
      places.get(issue.override) ?? [...factorPlaces].find(([path]) => issue.override!.startsWith(`${path}=`))?.[1];
    if (where === undefined) return issue;
    const { override: _override, ...rest } = issue;
    return { ...rest, ...where };
  };
  const scenarioFor = (extra: readonly string[]): Scenario => {
    try {
      return loadScenarioFile(scenarioFile, { overrides: [...fixed, ...extra] }).scenario;
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      throw new ScenarioError(error.issues.map(relocate));
    }
  };

  const points =
    study.design.method === 'grid'
      ? gridDesign(study.design.factors as Record<string, ParameterValue[]>)
      : latinHypercube(study.design.factors as Record<string, Factor>, study.design.desks, study.design.seed);
  const desks = points.map((parameters, index) => ({ desk: index + 1, parameters }));

  let base: Scenario | undefined;
  const seen = new Set<string>();
  const collect = (extra: readonly string[]) => {
    try {
      return scenarioFor(extra);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      for (const issue of error.issues) {
        const key = JSON.stringify(issue);
        if (!seen.has(key)) {
          seen.add(key);
          issues.push(issue);
        }
      }
      return undefined;
    }
  };
  if (issues.length === 0) {
    base = collect([]);
    if (base !== undefined) {
      for (const desk of desks) collect(deskOverrides(desk.parameters));
      for (const change of study.sensitivity.changes) collect(change.set);
      for (const definition of study.definitions) collect(definition.set);
      for (const { framework } of frameworks)
        collect(Object.entries(framework.metrics).map(([key, value]) => `metrics.${key}=${JSON.stringify(value)}`));
    }
  }
  if (issues.length > 0 || base === undefined) throw new ScenarioError(issues);
  return { study, file, scenarioFile, frameworks, desks, base, scenarioFor };
}
