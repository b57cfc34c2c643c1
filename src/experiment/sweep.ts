/**
 * Sweeps: one scenario over a grid of parameter values (the full cartesian product of one
 * or more `--set` paths), every KPI summarised at every grid point.
 *
 * ```
 * experiment.yaml ──loadExperiment──▶ grid points (the scenario file read once; each point's
 *     values applied to its parsed tree, then validated: a Scenario per point)
 *     ──runBatch (same seed at every point: common random numbers)──▶ RunResult per point
 *     ──sweepResult──▶ SweepResult (sweep.json) ──sweepCsv──▶ sweep.csv
 * ```
 *
 * An experiment file is checked like a scenario: its own schema, then every grid point's
 * scenario, and each problem is reported where it was written in the experiment file
 * (file:line:column) — a grid value the scenario refuses at that value's place.
 */
import { dirname, isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { kpiDirection, type KpiDirection, type KpiId } from '../metrics/catalog.js';
import { formatKpiKey, parseKpiKey } from '../metrics/kpi-key.js';
import { describeFound, message, ScenarioError, type DocumentKind, type ScenarioIssue } from '../document/errors.js';
import { loadYamlDocument, prepareScenarioFile, type DocumentLocation, type ValueOverride } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import { closestMatch } from '../document/suggest.js';
import { VERSION } from '../version.js';
import { kpiColumns, type RunSummary } from './run.js';
import type { KpiSummary } from './statistics.js';
import { mergeWarnings, type ExperimentWarning } from './warnings.js';

// ---------------------------------------------------------------------------
// The experiment file
// ---------------------------------------------------------------------------

const gridValue = z.union([z.number(), z.string(), z.boolean(), z.record(z.string(), z.unknown()), z.array(z.unknown())]);

/** The experiment file format (zod): a scenario, fixed overrides and a grid of `--set` paths. */
export const experimentSchema = z.strictObject({
  name: z.string().min(1).describe('Experiment name; also names the output directory (outputs/sweep-<name>/).'),
  description: z.string().optional(),
  scenario: z.string().min(1).describe('Path of the scenario file, relative to this file.'),
  replications: z.number().int().min(1).max(100000).optional().describe('Replications at every grid point (default: the scenario’s).'),
  seed: z.number().int().min(0).optional().describe('Seed of every grid point (default: the scenario’s). The same for all points: common random numbers.'),
  set: z.array(z.string().min(1)).default([]).describe('Overrides applied at every grid point, as with --set: "horizon.days=28".'),
  grid: z
    .record(z.string().min(1), z.array(gridValue).min(1))
    .refine((grid) => Object.keys(grid).length > 0, 'must name at least one parameter (a --set path) with its values')
    .describe('Parameter (a --set path, e.g. tiers.tier1.agents) → the values to try. Every combination is run.'),
  kpis: z.array(z.string().min(1)).min(1).optional().describe('KPIs in the terminal table (every KPI is written to the files). Default: a few headline KPIs.'),
});

/** An experiment file as written (defaults applied). */
export type Experiment = z.output<typeof experimentSchema>;

/** The experiment file as a kind of document, for messages. */
export const EXPERIMENT_KIND: DocumentKind = { noun: 'experiment', article: 'an', exampleKeys: ['scenario', 'grid'] };

/** Headline KPIs of a sweep's terminal table when the experiment names none. */
export const DEFAULT_SWEEP_KPIS = ['first_response_time_mean', 'resolution_time_mean', 'queue_wait_mean', 'utilization', 'cost_per_ticket', 'true_resolution_rate'] as const satisfies readonly KpiId[];

/** A parameter value of a grid point: what the experiment file wrote (a number, a string, a map...). */
export type ParameterValue = z.output<typeof gridValue>;

/**
 * Every combination of the grid's values, the first parameter varying slowest:
 * `{ a: [1, 2], b: [x, y] }` → a=1 b=x, a=1 b=y, a=2 b=x, a=2 b=y.
 */
export function expandGrid(grid: Readonly<Record<string, readonly ParameterValue[]>>): Array<Record<string, ParameterValue>> {
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
    return moveTo(issue.code === 'bad_override' ? place.key : place.value, [...places.point.keys()].some((path) => issue.override!.startsWith(`${path}=`)));
  }
  if ((issue.code === 'file_not_found' || issue.code === 'file_unreadable') && issue.file === places.scenarioFile && issue.line === undefined) {
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
    const pointOverrides = Object.entries(parameters).map(([path, value]): ValueOverride => ({ path: path.split('.'), value, label: parameterOverride(path, value) }));
    try {
      const overrides = [...fixed, ...(options.overrides ?? []), ...pointOverrides];
      points.push({ point: index + 1, parameters, scenario: prepared.resolve(overrides, { allowLarge: options.allowLarge }).scenario });
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
    throw new ScenarioError(issues.map((issue, order) => ({ issue, order })).sort((a, b) => rank(a.issue) - rank(b.issue) || (a.issue.line ?? 0) - (b.issue.line ?? 0) || (a.issue.column ?? 0) - (b.issue.column ?? 0) || a.order - b.order).map(({ issue }) => issue));
  }
  return { experiment, file, scenarioFile, kpis, points };
}

// ---------------------------------------------------------------------------
// The result
// ---------------------------------------------------------------------------

/** One grid point's parameter values and KPI summaries. */
export interface SweepPoint {
  /** 1-based, in grid order (the first parameter varies slowest). */
  point: number;
  /** `--set` path → the value at this point. */
  parameters: Record<string, ParameterValue>;
  kpis: Record<string, KpiSummary>;
  tiers: Record<string, Record<string, KpiSummary>>;
}

/** The machine-readable result of `desksim sweep` (`sweep.json`). */
export interface SweepResult {
  experiment: string;
  description?: string;
  /** The scenario's name. */
  scenario: string;
  version: string;
  /** The seed of every point (common random numbers across points). */
  seed: number;
  replications: number;
  /** The grid's parameters (`--set` paths), in the file's order. */
  parameters: string[];
  /** The headline KPIs of the terminal table. */
  kpis: string[];
  points: SweepPoint[];
  /** The points' warnings, each said once with the points (`point <n>`) it concerns. */
  warnings: ExperimentWarning[];
  /** With `--pareto`: the points on the front of the KPIs named, and those dominated. */
  pareto?: ParetoFront;
}

/** Assembles a sweep's result from its grid points and their run summaries (same order). */
export function sweepResult(loaded: LoadedExperiment, summaries: readonly RunSummary[]): SweepResult {
  const first = loaded.points[0];
  if (first === undefined || summaries.length !== loaded.points.length) throw new Error('a sweep needs one run summary per grid point');
  const result: SweepResult = {
    experiment: loaded.experiment.name,
    scenario: first.scenario.name,
    version: VERSION,
    seed: first.scenario.seed,
    replications: first.scenario.replications,
    parameters: Object.keys(loaded.experiment.grid),
    kpis: loaded.kpis,
    points: loaded.points.map((point, index) => ({ point: point.point, parameters: point.parameters, kpis: summaries[index]!.kpis, tiers: summaries[index]!.tiers })),
    warnings: mergeWarnings(loaded.points.map((point, index) => ({ run: `point ${point.point}`, warnings: summaries[index]!.warnings }))),
  };
  if (loaded.experiment.description !== undefined) result.description = loaded.experiment.description;
  return result;
}

/** A parameter value in a CSV cell or a table: scalars as they are, maps and lists as JSON. */
export function parameterText(value: ParameterValue): string | number | boolean {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
}

/** Every KPI of a point as rows: desk-wide, then `tiers.<id>.<kpi>`. */
export function summaryRows(point: Pick<SweepPoint, 'kpis' | 'tiers'>): Array<[string, KpiSummary]> {
  return [
    ...Object.entries(point.kpis),
    ...Object.entries(point.tiers).flatMap(([tier, row]) => Object.entries(row).map(([id, summary]): [string, KpiSummary] => [formatKpiKey({ tier, kpi: id }), summary])),
  ];
}

/** `sweep.csv`: one row per point × KPI, the parameter values as columns. */
export function sweepCsv(result: SweepResult): { header: string[]; rows: Array<Array<string | number | boolean | null>> } {
  const header = ['point', ...result.parameters, 'kpi', 'unit', 'mean', 'sd', 'ci95_low', 'ci95_high', 'n'];
  const rows = result.points.flatMap((point) =>
    summaryRows(point).map(([kpi, summary]) => [
      point.point,
      ...result.parameters.map((path) => parameterText(point.parameters[path]!)),
      kpi,
      summary.unit,
      summary.mean,
      summary.sd,
      summary.ci95?.[0] ?? null,
      summary.ci95?.[1] ?? null,
      summary.n,
    ]),
  );
  return { header, rows };
}

/** A KPI's summary at a point, by column id (`tiers.<id>.<kpi>` for tiers). */
export function pointSummary(point: Pick<SweepPoint, 'kpis' | 'tiers'>, kpi: string): KpiSummary | undefined {
  const key = parseKpiKey(kpi);
  return key.tier === undefined ? point.kpis[key.kpi] : point.tiers[key.tier]?.[key.kpi];
}

// ---------------------------------------------------------------------------
// Pareto fronts
// ---------------------------------------------------------------------------

/** The Pareto front of a sweep on two or three KPIs (`sweep --pareto`), on the points' means. */
export interface ParetoFront {
  /** The KPIs traded off, each with the direction that is better. */
  kpis: Array<{ kpi: string; better: KpiDirection }>;
  /** Points no other point beats on every KPI (at least as good on all, better on one). */
  optimal: number[];
  /**
   * The other points, each with one point that dominates it by the means. `clearly` when
   * that point is also better beyond the 95 % intervals on at least one KPI (the intervals
   * do not overlap); otherwise the point is dominated within the noise and may be on the
   * front in truth: more replications would tell.
   */
  dominated: Array<{ point: number; by: number; clearly: boolean }>;
  /** Points where a KPI had no value: neither on the front nor dominated. */
  unknown: number[];
}

/** Thrown for a `--pareto` list that cannot be used; the message says why. */
export class ParetoError extends Error {}

/** Reads `--pareto a,b[,c]` against the scenario's KPI columns: 2 or 3 KPIs, each with a better direction. */
export function paretoKpis(text: string, known: readonly string[]): Array<{ kpi: string; better: KpiDirection }> {
  const kpis = text.split(',').map((kpi) => kpi.trim()).filter((kpi) => kpi !== '');
  if (kpis.length < 2 || kpis.length > 3 || new Set(kpis).size !== kpis.length) throw new ParetoError(`--pareto takes two or three different KPIs separated by commas, found "${text}"`);
  return kpis.map((kpi) => {
    if (!known.includes(kpi)) {
      const suggestion = closestMatch(kpi, known);
      throw new ParetoError(`--pareto: unknown KPI "${kpi}"${suggestion ? ` — did you mean "${suggestion}"?` : ''}`);
    }
    const better = kpiDirection(kpi);
    if (better === undefined) throw new ParetoError(`--pareto: ${kpi} has no better direction (more is neither better nor worse), so it cannot be traded off`);
    return { kpi, better };
  });
}

/**
 * The Pareto-optimal points of a sweep: a point is dominated when another is at least as good
 * on every KPI and strictly better on one, by the means; it is dominated clearly when such a
 * point is also better on one KPI with the two 95 % intervals apart. (The points of a sweep
 * share their seeds, but sweep.json keeps each point's summary, not the replications, so
 * the test is the conservative one of unpaired intervals.)
 */
export function paretoFront(result: Pick<SweepResult, 'points'>, kpis: Array<{ kpi: string; better: KpiDirection }>): ParetoFront {
  // Scores where larger is better, so one comparison serves every direction; an interval
  // as [worse end, better end] in the same orientation.
  const scored = result.points.map((point) => {
    const summaries = kpis.map(({ kpi }) => pointSummary(point, kpi));
    return {
      point: point.point,
      scores: summaries.map((summary, index) => {
        const mean = summary?.mean;
        return mean === null || mean === undefined ? null : kpis[index]!.better === 'higher' ? mean : -mean;
      }),
      intervals: summaries.map((summary, index): [number, number] | null => {
        const ci95 = summary?.ci95;
        if (ci95 === null || ci95 === undefined) return null;
        return kpis[index]!.better === 'higher' ? [ci95[0], ci95[1]] : [-ci95[1], -ci95[0]];
      }),
    };
  });
  type Scored = Omit<(typeof scored)[number], 'scores'> & { scores: number[] };
  const known = scored.filter((entry): entry is Scored => entry.scores.every((score) => score !== null));
  const dominates = (a: Scored, b: Scored) =>
    a.scores.every((score, index) => score >= b.scores[index]!) && a.scores.some((score, index) => score > b.scores[index]!);
  const clearlyBetter = (a: Scored, b: Scored) =>
    a.intervals.some((interval, index) => {
      const other = b.intervals[index];
      return interval !== null && other !== null && interval !== undefined && other !== undefined && interval[0] > other[1];
    });
  const front: ParetoFront = { kpis, optimal: [], dominated: [], unknown: scored.filter((entry) => entry.scores.some((score) => score === null)).map((entry) => entry.point) };
  for (const entry of known) {
    const dominators = known.filter((other) => other !== entry && dominates(other, entry));
    const clear = dominators.find((other) => clearlyBetter(other, entry));
    const by = clear ?? dominators[0];
    if (by === undefined) front.optimal.push(entry.point);
    else front.dominated.push({ point: entry.point, by: by.point, clearly: clear !== undefined });
  }
  return front;
}
