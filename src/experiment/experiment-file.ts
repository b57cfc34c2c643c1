/**
 * Experiment files: one scenario over a grid of parameter values (the full cartesian product
 * of one or more `--set` paths), read and checked before anything runs.
 *
 * ```
 * experiment.yaml ──loadExperiment──▶ grid points (the scenario file read once; each point's
 *     values applied to its parsed tree, then validated: a Scenario per point)
 * ```
 *
 * An experiment file is checked like a scenario: its own schema, then every grid point's
 * scenario, and each problem is reported where it was written in the experiment file
 * (file:line:column) — a grid value the scenario refuses at that value's place. `sweep.ts`
 * runs the points and assembles the result; `staff` reads the same files.
 */
import { dirname, isAbsolute, join } from 'node:path';
import { z } from 'zod';
import type { KpiId } from '../metrics/catalog.js';
import { describeFound, message, ScenarioError, type DocumentKind, type ScenarioIssue } from '../document/errors.js';
import { loadYamlDocument, prepareScenarioFile, type DocumentLocation, type ValueOverride } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import { closestMatch } from '../document/suggest.js';
import { kpiColumns } from './run.js';

// ---------------------------------------------------------------------------
// The experiment file
// ---------------------------------------------------------------------------

const gridValue = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.record(z.string(), z.unknown()),
  z.array(z.unknown()),
]);

/** The experiment file format (zod): a scenario, fixed overrides and a grid of `--set` paths. */
export const experimentSchema = z.strictObject({
  name: z.string().min(1).describe('Experiment name; also names the output directory (outputs/sweep-<name>/).'),
  description: z.string().optional(),
  scenario: z.string().min(1).describe('Path of the scenario file, relative to this file.'),
  replications: z
    .number()
    .int()
    .min(1)
    .max(100000)
    .optional()
    .describe('Replications at every grid point (default: the scenario’s).'),
  seed: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Seed of every grid point (default: the scenario’s). The same for all points: common random numbers.'),
  set: z
    .array(z.string().min(1))
    .default([])
    .describe('Overrides applied at every grid point, as with --set: "horizon.days=28".'),
  grid: z
    .record(z.string().min(1), z.array(gridValue).min(1))
    .refine((grid) => Object.keys(grid).length > 0, 'must name at least one parameter (a --set path) with its values')
    .describe('Parameter (a --set path, e.g. tiers.tier1.agents) → the values to try. Every combination is run.'),
  kpis: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe('KPIs in the terminal table (every KPI is written to the files). Default: a few headline KPIs.'),
});

/** An experiment file as written (defaults applied). */
export type Experiment = z.output<typeof experimentSchema>;

/** The experiment file as a kind of document, for messages. */
export const EXPERIMENT_KIND: DocumentKind = { noun: 'experiment', article: 'an', exampleKeys: ['scenario', 'grid'] };

/** Headline KPIs of a sweep's terminal table when the experiment names none. */
export const DEFAULT_SWEEP_KPIS = [
  'first_response_time_mean',
  'resolution_time_mean',
  'queue_wait_mean',
  'utilization',
  'cost_per_ticket',
  'true_resolution_rate',
] as const satisfies readonly KpiId[];

/** A parameter value of a grid point: what the experiment file wrote (a number, a string, a map...). */
export type ParameterValue = z.output<typeof gridValue>;

/**
 * Every combination of the grid's values, the first parameter varying slowest:
 * `{ a: [1, 2], b: [x, y] }` → a=1 b=x, a=1 b=y, a=2 b=x, a=2 b=y.
 */
export function expandGrid(
  grid: Readonly<Record<string, readonly ParameterValue[]>>,
): Array<Record<string, ParameterValue>> {
  let points: Array<Record<string, ParameterValue>> = [{}];
  for (const [path, values] of Object.entries(grid)) {
    points = points.flatMap((point) => values.map((value) => ({ ...point, [path]: value })));
  }
  return points;
}

/** The `--set` text of one parameter value: how messages name it (JSON is YAML, so it reads back as written). */
export function parameterOverride(path: string, value: ParameterValue): string {
  return `${path}=${JSON.stringify(value)}`;
}

/** One grid point ready to run. */
export interface GridPoint {
  /** 1-based, in grid order. */
  point: number;
  parameters: Record<string, ParameterValue>;
  scenario: Scenario;
}

/** A validated experiment with its grid points. */
export interface LoadedExperiment {
  experiment: Experiment;
  file: string;
  /** The scenario file, resolved against the experiment file's folder. */
  scenarioFile: string;
  /** KPIs of the terminal table. */
  kpis: string[];
  points: GridPoint[];
}

/** Options of `loadExperiment`: what the command line adds to every point. */
export interface ExperimentLoadOptions {
  /** `--set` overrides of the command line, applied after the experiment's own `set` (grid values still win). */
  overrides?: readonly string[];
  /** Run points past the work limits (`--allow-large`). */
  allowLarge?: boolean;
}

interface Place {
  value: DocumentLocation;
  key: DocumentLocation;
}

/** Where the experiment file wrote the things a scenario problem may come from. */
interface Places {
  /** Override text (a `set` entry, a grid value as an override) → its place. */
  overrides: ReadonlyMap<string, Place>;
  /** The grid values of the point being loaded: `--set` path → the value's place. */
  point: ReadonlyMap<string, Place>;
  scenarioFile: string;
  /** Where the experiment names its scenario file. */
  scenario: DocumentLocation;
}

/**
 * A scenario problem that came from something the experiment file wrote, moved to where it
 * wrote it; `fromGrid` when that is one of the point's grid values.
 */
function relocate(issue: ScenarioIssue, places: Places): { issue: ScenarioIssue; fromGrid: boolean } {
  const moveTo = (where: DocumentLocation, fromGrid: boolean, path = issue.path) => {
    const { override: _override, line: _line, column: _column, ...rest } = issue;
    return { issue: { ...rest, ...where, path }, fromGrid };
  };
  if (issue.override !== undefined) {
    const place = places.overrides.get(issue.override);
    if (place === undefined) return { issue, fromGrid: false };
    return moveTo(
      issue.code === 'bad_override' ? place.key : place.value,
      [...places.point.keys()].some((path) => issue.override!.startsWith(`${path}=`)),
    );
  }
  if (
    (issue.code === 'file_not_found' || issue.code === 'file_unreadable') &&
    issue.file === places.scenarioFile &&
    issue.line === undefined
  ) {
    return moveTo(places.scenario, false, 'scenario');
  }
  // A map written as a grid value is reported where the scenario wrote its key: it is the grid's.
  for (const [path, place] of places.point) {
    if (issue.path === path || issue.path.startsWith(`${path}.`)) return moveTo(place.value, true);
  }
  return { issue, fromGrid: false };
}

/**
 * Reads an experiment file and builds every grid point's scenario: the scenario file, then
 * the experiment's `set`, seed and replications, then the command line's overrides, then
 * the point's values. Throws a `ScenarioError` listing every problem (each at its place in
 * the experiment file when it was written there) before anything runs.
 */
export function loadExperiment(file: string, options: ExperimentLoadOptions = {}): LoadedExperiment {
  const document = loadYamlDocument(file, experimentSchema, EXPERIMENT_KIND);
  const experiment = document.value;
  const scenarioFile = isAbsolute(experiment.scenario) ? experiment.scenario : join(dirname(file), experiment.scenario);

  const overridePlaces = new Map<string, Place>();
  experiment.set.forEach((override, index) => {
    const place = document.locate(['set', index]);
    if (!overridePlaces.has(override)) overridePlaces.set(override, { value: place, key: place });
  });
  const fixed = [...experiment.set];
  if (experiment.seed !== undefined) fixed.push(`seed=${experiment.seed}`);
  if (experiment.replications !== undefined) fixed.push(`replications=${experiment.replications}`);
  const valuePlace = (path: string, value: ParameterValue): Place => ({
    value: document.locate(['grid', path, experiment.grid[path]!.indexOf(value)]),
    key: document.locate(['grid', path], true),
  });
  for (const [path, values] of Object.entries(experiment.grid)) {
    for (const value of values) {
      const override = parameterOverride(path, value);
      if (!overridePlaces.has(override)) overridePlaces.set(override, valuePlace(path, value));
    }
  }

  const issues: ScenarioIssue[] = [];
  const seen = new Set<string>();
  const points: GridPoint[] = [];
  // The scenario file is read once; each point's values are applied to the parsed tree as data.
  const prepared = prepareScenarioFile(scenarioFile);
  for (const [index, parameters] of expandGrid(experiment.grid).entries()) {
    const pointOverrides = Object.entries(parameters).map(
      ([path, value]): ValueOverride => ({ path: path.split('.'), value, label: parameterOverride(path, value) }),
    );
    try {
      const overrides = [...fixed, ...(options.overrides ?? []), ...pointOverrides];
      points.push({
        point: index + 1,
        parameters,
        scenario: prepared.resolve(overrides, { allowLarge: options.allowLarge }).scenario,
      });
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      const places: Places = {
        overrides: overridePlaces,
        point: new Map(Object.entries(parameters).map(([path, value]) => [path, valuePlace(path, value)])),
        scenarioFile,
        scenario: document.locate(['scenario']),
      };
      const relocated = error.issues.map((problem) => relocate(problem, places));
      for (const { issue } of relocated) {
        const key = JSON.stringify(issue);
        if (!seen.has(key)) {
          seen.add(key);
          issues.push(issue);
        }
      }
      // A problem outside the grid (the scenario file, a fixed override) is the same at every point.
      if (!relocated.some(({ fromGrid }) => fromGrid)) break;
    }
  }

  const kpis = experiment.kpis ?? [...DEFAULT_SWEEP_KPIS];
  const first = points[0];
  if (experiment.kpis !== undefined && first !== undefined) {
    const known = kpiColumns(first.scenario);
    experiment.kpis.forEach((kpi, index) => {
      if (known.includes(kpi)) return;
      const suggestion = closestMatch(kpi, known);
      issues.push({
        code: 'invalid_value',
        ...document.locate(['kpis', index]),
        path: `kpis.${index}`,
        found: describeFound(kpi),
        message: message.unknownKpi(describeFound(kpi), suggestion),
      });
    });
  }
  if (issues.length > 0) {
    const rank = (issue: ScenarioIssue) => (issue.file === file ? 0 : 1);
    throw new ScenarioError(
      issues
        .map((issue, order) => ({ issue, order }))
        .sort(
          (a, b) =>
            rank(a.issue) - rank(b.issue) ||
            (a.issue.line ?? 0) - (b.issue.line ?? 0) ||
            (a.issue.column ?? 0) - (b.issue.column ?? 0) ||
            a.order - b.order,
        )
        .map(({ issue }) => issue),
    );
  }
  return { experiment, file, scenarioFile, kpis, points };
}
