/**
 * Comparisons under common random numbers (CRN). Compared runs use the same seed and the
 * same replication numbers, so replication r of every run draws the same arrivals, tickets
 * and work content (each random stream is named by seed, replication and purpose). The
 * change a difference between scenarios makes is then measured pair by pair:
 *
 * ```
 * run A ─┐  replication r: KPI_B(r) − KPI_A(r) = d(r)
 * run B ─┘  d(1..n) ──paired Student-t──▶ mean, 95 % CI, p-value, significant
 * ```
 *
 * The noise the two runs share cancels in d(r), so the interval of the difference is much
 * narrower than one from independent runs. Pure functions over run results: no CLI, no files.
 */
import jStat from 'jstat';
import { kpiRange, type KpiRange } from '../metrics/catalog.js';
import { mean } from '../metrics/statistics.js';
import { VERSION } from '../version.js';
import type { ReplicationOutcome } from './replication.js';
import type { RunSummary } from './run.js';
import type { Scenario } from '../scenario/schema.js';
import { clipInterval, UNBOUNDED } from './statistics.js';
import { mergeWarnings, type ExperimentWarning } from './warnings.js';
import type { TargetStatus } from './targets.js';
import { formatKpiKey } from '../metrics/kpi-key.js';

/**
 * The change of one KPI from a reference run to another, paired replication by replication.
 * Field names are those of `comparison.json`, `pressure.json` and their CSV columns.
 */
export interface KpiDifference {
  unit: string;
  /** Pairs: replications in which both runs had a value. */
  n: number;
  /**
   * Mean of the reference run over the pairs; with no pairs (the KPI has values on one side
   * only, e.g. automation coverage against a desk without an AI), over its own values.
   */
  reference_mean: number | null;
  /** Mean of the other run over the pairs; with no pairs, over its own values. */
  mean: number | null;
  /** Mean of (other − reference) over the pairs. */
  difference: number | null;
  /** Sample standard deviation of the per-replication differences. */
  sd: number | null;
  /** Paired Student-t 95 % confidence interval of the mean difference (n ≥ 2), kept inside the possible differences. */
  ci95: [number, number] | null;
  /** difference / |reference_mean|: the relative change (0.1 = 10 % more). */
  relative: number | null;
  /** ci95 / |reference_mean|: the same evidence on the relative scale, the reference mean taken as known. */
  relative_ci95: [number, number] | null;
  /** Two-sided p-value of the paired t-test of "no change" (n ≥ 2). */
  p_value: number | null;
  /** True when the 95 % interval excludes 0. */
  significant: boolean;
}

/** Per-replication KPI values, by replication number; null where the KPI had no value. */
export type ReplicationValues = ReadonlyMap<number, number | null>;

const finite = (value: number | null | undefined): value is number =>
  value !== null && value !== undefined && Number.isFinite(value);

/** Mean of a run's finite values; null for none. */
function ownMean(values: ReplicationValues): number | null {
  return mean([...values.values()].filter(finite));
}

/**
 * The paired difference (other − reference) of one KPI. Replications are matched by number;
 * a replication where either run has no value is left out. Identical runs give exactly zero:
 * difference 0, CI [0, 0], p-value 1, not significant. `range` is the KPI's: a difference
 * of two values in [a, b] lies in [a − b, b − a], and its interval is clipped there.
 */
export function pairedDifference(
  reference: ReplicationValues,
  other: ReplicationValues,
  unit: string,
  range: KpiRange = UNBOUNDED,
): KpiDifference {
  const pairs: Array<[number, number]> = [];
  for (const [replication, base] of reference) {
    const value = other.get(replication);
    if (finite(base) && finite(value)) pairs.push([base, value]);
  }
  const n = pairs.length;
  const empty: KpiDifference = {
    unit,
    n,
    reference_mean: null,
    mean: null,
    difference: null,
    sd: null,
    ci95: null,
    relative: null,
    relative_ci95: null,
    p_value: null,
    significant: false,
  };
  if (n === 0) return { ...empty, reference_mean: ownMean(reference), mean: ownMean(other) };
  const referenceMean = pairs.reduce((sum, [base]) => sum + base, 0) / n;
  const mean = pairs.reduce((sum, [, value]) => sum + value, 0) / n;
  const differences = pairs.map(([base, value]) => value - base);
  const difference = differences.reduce((sum, value) => sum + value, 0) / n;
  const relativeTo = (value: number): number | null =>
    referenceMean !== 0 ? value / Math.abs(referenceMean) : value === 0 ? 0 : null;
  const result: KpiDifference = {
    ...empty,
    reference_mean: referenceMean,
    mean,
    difference,
    relative: relativeTo(difference),
  };
  if (n === 1) return result;

  const sd = Math.sqrt(differences.reduce((sum, value) => sum + (value - difference) ** 2, 0) / (n - 1));
  let ci95: [number, number];
  let pValue: number;
  if (sd === 0) {
    // Every pair differs by the same amount: no doubt about the change (none, or exactly this).
    ci95 = [difference, difference];
    pValue = difference === 0 ? 1 : 0;
  } else {
    const standardError = sd / Math.sqrt(n);
    const half = jStat.studentt.inv(0.975, n - 1) * standardError;
    ci95 = clipInterval([difference - half, difference + half], [range[0] - range[1], range[1] - range[0]]);
    pValue = Math.min(1, 2 * jStat.studentt.cdf(-Math.abs(difference / standardError), n - 1));
  }
  const low = relativeTo(ci95[0]);
  const high = relativeTo(ci95[1]);
  return {
    ...result,
    sd,
    ci95,
    relative_ci95: low === null || high === null ? null : [low, high],
    p_value: pValue,
    significant: ci95[0] > 0 || ci95[1] < 0,
  };
}

/** What a comparison needs of a run: its replications' KPI values and its summary (tier ids, units). */
export interface RunOutcomes {
  outcomes: readonly ReplicationOutcome[];
  summary: RunSummary;
}

/** Differences of every KPI: desk-wide, and per tier for the tiers both runs have. */
export interface DifferenceTable {
  kpis: Record<string, KpiDifference>;
  tiers: Record<string, Record<string, KpiDifference>>;
}

function values(
  run: RunOutcomes,
  value: (outcome: ReplicationOutcome) => number | null | undefined,
): ReplicationValues {
  return new Map(run.outcomes.map((outcome) => [outcome.replication, value(outcome) ?? null]));
}

/**
 * Every KPI of `other` minus the same KPI of `reference`, paired by replication. KPIs are
 * those of the reference's summary (the catalog, in report order) that the other run has too.
 */
export function differenceTable(reference: RunOutcomes, other: RunOutcomes): DifferenceTable {
  const kpis: Record<string, KpiDifference> = {};
  for (const [id, summary] of Object.entries(reference.summary.kpis)) {
    if (!(id in other.summary.kpis)) continue;
    kpis[id] = pairedDifference(
      values(reference, (outcome) => outcome.kpis.values[id]),
      values(other, (outcome) => outcome.kpis.values[id]),
      summary.unit,
      kpiRange(id),
    );
  }
  const tiers: Record<string, Record<string, KpiDifference>> = {};
  for (const [tier, tierKpis] of Object.entries(reference.summary.tiers)) {
    if (!(tier in other.summary.tiers)) continue;
    const row: Record<string, KpiDifference> = {};
    for (const [id, summary] of Object.entries(tierKpis)) {
      row[id] = pairedDifference(
        values(reference, (outcome) => outcome.kpis.tiers[tier]?.[id]),
        values(other, (outcome) => outcome.kpis.tiers[tier]?.[id]),
        summary.unit,
        kpiRange(formatKpiKey({ tier, kpi: id })),
      );
    }
    tiers[tier] = row;
  }
  return { kpis, tiers };
}

/** A difference table as rows: desk-wide KPIs first, then `tiers.<id>.<kpi>`. */
export function differenceRows(table: DifferenceTable): Array<[string, KpiDifference]> {
  return [
    ...Object.entries(table.kpis),
    ...Object.entries(table.tiers).flatMap(([tier, row]) =>
      Object.entries(row).map(([id, difference]): [string, KpiDifference] => [
        formatKpiKey({ tier, kpi: id }),
        difference,
      ]),
    ),
  ];
}

/** One scenario of a comparison. */
export interface ComparedScenario {
  /**
   * Unique within the comparison: the scenario's name, with "-2", "-3"... for a repeated name. Names its sub-folder.
   */
  label: string;
  /** The scenario's own name. */
  name: string;
  /** The file it was read from, as given. */
  file: string;
}

/** One scenario against the reference: every KPI's change. */
export interface Contrast extends DifferenceTable {
  /** Label of the scenario compared with the reference. */
  scenario: string;
  /** Per ticket category, the change of its waits and truth (`who-pays.ts`): who pays for the desk-wide change. */
  who_pays?: Record<string, Record<string, KpiDifference>>;
}

/** The machine-readable result of `desksim compare` (`comparison.json`). */
export interface Comparison {
  version: string;
  /** The seed every scenario ran with. */
  seed: number;
  /** Replications of every scenario (the same numbers, 1..n, for all). */
  replications: number;
  /** The scenarios, the reference first. */
  scenarios: ComparedScenario[];
  /** Label of the reference: the first scenario. */
  reference: string;
  /** Every other scenario minus the reference, in the order given. */
  contrasts: Contrast[];
  /** What the user should know about how the comparison was made (seeds aligned, ...). */
  notes: string[];
  /** The runs' warnings (`summary.json`'s), each said once with the scenarios it concerns. */
  warnings: ExperimentWarning[];
  /** What differs from the reference's resolved scenario, per other scenario, in words. */
  differences?: Array<{ scenario: string; lines: string[] }>;
  /** Each scenario's standing against its own `targets:` (only when some scenario has targets). */
  targets?: Array<{ scenario: string; statuses: TargetStatus[] }>;
}

/** A compared scenario and its run. */
export interface ComparedRun extends ComparedScenario {
  result: RunOutcomes;
}

/** Labels for scenario names: unique, a repeated name numbered from its second use. */
export function uniqueLabels(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set(names);
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count === 1) return name;
    let suffix = count;
    while (taken.has(`${name}-${suffix}`)) suffix += 1;
    const label = `${name}-${suffix}`;
    taken.add(label);
    return label;
  });
}

/** Compares every run with the first. Runs must share seed and replication numbers (CRN). */
export function compareRuns(runs: readonly ComparedRun[], notes: readonly string[] = []): Comparison {
  const [reference, ...others] = runs;
  if (reference === undefined || others.length === 0) throw new Error('a comparison needs at least two runs');
  for (const run of others) {
    if (run.result.summary.seed !== reference.result.summary.seed)
      throw new Error(
        `${run.label} ran with seed ${run.result.summary.seed}, the reference with ${reference.result.summary.seed}: ` +
          `not common random numbers`,
      );
  }
  return {
    version: VERSION,
    seed: reference.result.summary.seed,
    replications: reference.result.summary.replications,
    scenarios: runs.map(({ label, name, file }) => ({ label, name, file })),
    reference: reference.label,
    contrasts: others.map((run) => ({ scenario: run.label, ...differenceTable(reference.result, run.result) })),
    notes: [...notes],
    warnings: mergeWarnings(runs.map((run) => ({ run: run.label, warnings: run.result.summary.warnings }))),
  };
}

/** Columns of one KPI's difference (`differenceCells`), the tail of `comparison.csv` and `pressure.csv`. */
export const DIFFERENCE_COLUMNS = [
  'unit',
  'n',
  'reference_mean',
  'mean',
  'difference',
  'ci95_low',
  'ci95_high',
  'relative',
  'relative_ci95_low',
  'relative_ci95_high',
  'p_value',
  'significant',
] as const;

/** Columns of `comparison.csv`. */
export const COMPARISON_COLUMNS = ['scenario', 'reference', 'kpi', ...DIFFERENCE_COLUMNS] as const;

/** The cells of one difference, in `DIFFERENCE_COLUMNS` order. */
export function differenceCells(difference: KpiDifference): Array<string | number | boolean | null> {
  return [
    difference.unit,
    difference.n,
    difference.reference_mean,
    difference.mean,
    difference.difference,
    difference.ci95?.[0] ?? null,
    difference.ci95?.[1] ?? null,
    difference.relative,
    difference.relative_ci95?.[0] ?? null,
    difference.relative_ci95?.[1] ?? null,
    difference.p_value,
    difference.significant,
  ];
}

/** `comparison.csv` rows: one per compared scenario × KPI. */
export function comparisonRows(comparison: Comparison): Array<Array<string | number | boolean | null>> {
  return comparison.contrasts.flatMap((contrast) =>
    differenceRows(contrast).map(([kpi, difference]) => [
      contrast.scenario,
      comparison.reference,
      kpi,
      ...differenceCells(difference),
    ]),
  );
}

/** The scenarios of a comparison, aligned on the first one's seed and replications (common random numbers). */
export function alignScenarios(scenarios: readonly Scenario[]): { scenarios: Scenario[]; notes: string[] } {
  const [reference] = scenarios;
  if (reference === undefined) return { scenarios: [], notes: [] };
  const notes: string[] = [];
  const aligned = scenarios.map((scenario, index) => {
    if (index === 0) return scenario;
    if (scenario.seed !== reference.seed)
      notes.push(
        `${scenario.name} has seed ${scenario.seed}; it ran with ${reference.seed}, the first scenario's, so that ` +
          `both see the same tickets.`,
      );
    if (scenario.replications !== reference.replications)
      notes.push(
        `${scenario.name} has ${scenario.replications} replications; it ran ${reference.replications}, as the first ` +
          `scenario, so that every replication has its pair.`,
      );
    return { ...scenario, seed: reference.seed, replications: reference.replications };
  });
  return { scenarios: aligned, notes };
}
