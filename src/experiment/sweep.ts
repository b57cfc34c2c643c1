/**
 * A sweep's result: every KPI summarised at every grid point of an experiment file
 * (`experiment-file.ts`), and the Pareto front of two or three KPIs over the points.
 *
 * ```
 * grid points ──runBatch (same seed at every point: common random numbers)──▶ RunResult per point
 *     ──sweepResult──▶ SweepResult (sweep.json) ──sweepCsv──▶ sweep.csv
 *     ──paretoFront (--pareto)──▶ the points no other beats on every KPI
 * ```
 */
import { kpiDirection, type KpiDirection } from '../metrics/catalog.js';
import { formatKpiKey, parseKpiKey } from '../metrics/kpi-key.js';
import { closestMatch } from '../document/suggest.js';
import { VERSION } from '../version.js';
import type { LoadedExperiment, ParameterValue } from './experiment-file.js';
import type { RunSummary } from './run.js';
import type { KpiSummary } from './statistics.js';
import { mergeWarnings, type ExperimentWarning } from './warnings.js';

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
  if (first === undefined || summaries.length !== loaded.points.length)
    throw new Error('a sweep needs one run summary per grid point');
  const result: SweepResult = {
    experiment: loaded.experiment.name,
    scenario: first.scenario.name,
    version: VERSION,
    seed: first.scenario.seed,
    replications: first.scenario.replications,
    parameters: Object.keys(loaded.experiment.grid),
    kpis: loaded.kpis,
    points: loaded.points.map((point, index) => ({
      point: point.point,
      parameters: point.parameters,
      kpis: summaries[index]!.kpis,
      tiers: summaries[index]!.tiers,
    })),
    warnings: mergeWarnings(
      loaded.points.map((point, index) => ({ run: `point ${point.point}`, warnings: summaries[index]!.warnings })),
    ),
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
    ...Object.entries(point.tiers).flatMap(([tier, row]) =>
      Object.entries(row).map(([id, summary]): [string, KpiSummary] => [formatKpiKey({ tier, kpi: id }), summary]),
    ),
  ];
}

/** `sweep.csv`: one row per point × KPI, the parameter values as columns. */
export function sweepCsv(result: SweepResult): {
  header: string[];
  rows: Array<Array<string | number | boolean | null>>;
} {
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
  const kpis = text
    .split(',')
    .map((kpi) => kpi.trim())
    .filter((kpi) => kpi !== '');
  if (kpis.length < 2 || kpis.length > 3 || new Set(kpis).size !== kpis.length)
    throw new ParetoError(`--pareto takes two or three different KPIs separated by commas, found "${text}"`);
  return kpis.map((kpi) => {
    if (!known.includes(kpi)) {
      const suggestion = closestMatch(kpi, known);
      throw new ParetoError(`--pareto: unknown KPI "${kpi}"${suggestion ? ` — did you mean "${suggestion}"?` : ''}`);
    }
    const better = kpiDirection(kpi);
    if (better === undefined)
      throw new ParetoError(
        `--pareto: ${kpi} has no better direction (more is neither better nor worse), so it cannot be traded off`,
      );
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
export function paretoFront(
  result: Pick<SweepResult, 'points'>,
  kpis: Array<{ kpi: string; better: KpiDirection }>,
): ParetoFront {
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
    a.scores.every((score, index) => score >= b.scores[index]!) &&
    a.scores.some((score, index) => score > b.scores[index]!);
  const clearlyBetter = (a: Scored, b: Scored) =>
    a.intervals.some((interval, index) => {
      const other = b.intervals[index];
      return (
        interval !== null && other !== null && interval !== undefined && other !== undefined && interval[0] > other[1]
      );
    });
  const front: ParetoFront = {
    kpis,
    optimal: [],
    dominated: [],
    unknown: scored.filter((entry) => entry.scores.some((score) => score === null)).map((entry) => entry.point),
  };
  for (const entry of known) {
    const dominators = known.filter((other) => other !== entry && dominates(other, entry));
    const clear = dominators.find((other) => clearlyBetter(other, entry));
    const by = clear ?? dominators[0];
    if (by === undefined) front.optimal.push(entry.point);
    else front.dominated.push({ point: entry.point, by: by.point, clearly: clear !== undefined });
  }
  return front;
}
