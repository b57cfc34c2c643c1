/**
 * Incentive pressure experiments: push one KPI (the scenario's `incentives` set to
 * `[{ kpi, pressure }]`) at rising levels and watch every KPI — the dashboard and the
 * truth — move against pressure 0, with common random numbers across the levels.
 *
 * ```
 * scenario × level (0, 0.25, ... 1) ──runBatch (same seed)──▶ RunResult per level
 *     ──differenceTable(level 0, level)──▶ spill-over table (pressure.json, pressure.csv)
 * scenario × each incentive KPI at one level ──▶ the KPI × KPI matrix (--all-kpis)
 * ```
 *
 * Pure functions over run results; the command line loads the scenarios and runs them.
 */
import { kpiDirection, TRUTH_KPI_CATALOG, type KpiDirection } from '../metrics/catalog.js';
import { parseKpiKey } from '../metrics/kpi-key.js';
import { INCENTIVE_KPIS } from '../scenario/incentives.js';
import type { Scenario } from '../scenario/schema.js';
import { VERSION } from '../version.js';
import { whoPays, type WhoPays } from './who-pays.js';
import {
  DIFFERENCE_COLUMNS,
  differenceCells,
  differenceRows,
  differenceTable,
  type DifferenceTable,
  type KpiDifference,
  type RunOutcomes,
} from './compare.js';
import type { KpiSummary } from './statistics.js';
import { mergeWarnings, type ExperimentWarning } from './warnings.js';

/** Pressure levels of `desksim pressure` when `--steps` is not given. */
export const DEFAULT_PRESSURE_LEVELS: readonly number[] = [0, 0.25, 0.5, 0.75, 1];

/** The KPIs pressure may target (the incentive table's), in table order. */
export { INCENTIVE_KPIS };

/** One incentive as the scenario writes it. */
export interface Incentive {
  kpi: string;
  pressure: number;
}

/** The `--set` override that makes pressure on one KPI the scenario's only incentive. */
export function incentiveOverride(kpi: string, pressure: number): string {
  return `incentives=${JSON.stringify([{ kpi, pressure }])}`;
}

/** The `--set` override of a desk under no pressure at all. */
export const NO_INCENTIVES_OVERRIDE = 'incentives=[]';

/** Levels as given, made into the experiment's: sorted, each once, starting at 0 (the reference). */
export function pressureLevels(levels: readonly number[]): number[] {
  return [...new Set([0, ...levels])].sort((a, b) => a - b);
}

/** One pressure level: every KPI's summary, and its change from pressure 0. */
export interface PressureStep {
  pressure: number;
  kpis: Record<string, KpiSummary>;
  tiers: Record<string, Record<string, KpiSummary>>;
  /** Every KPI minus its value at pressure 0, paired by replication (exactly 0 at pressure 0). */
  change: DifferenceTable;
  /**
   * Per ticket category, the change of its waits and truth from pressure 0 (`who-pays.ts`), when the runs computed
   * segments.
   */
  who_pays?: WhoPays;
}

/** What every pressure result says about the run. */
interface PressureRun {
  /** The scenario's name. */
  scenario: string;
  version: string;
  seed: number;
  replications: number;
  /** The incentives the scenario file had, replaced by the experiment's (empty if none). */
  replaced_incentives: Incentive[];
  /** The runs' warnings, each said once with the runs (`pressure <level>`, `pressure on <kpi>`) it concerns. */
  warnings: ExperimentWarning[];
}

/** The machine-readable result of `desksim pressure --kpi` (`pressure.json`). */
export interface PressureResult extends PressureRun {
  /** The KPI under pressure. */
  kpi: string;
  /** Which way the targeted KPI is better, when known ("lower" for times, "higher" for rates of success). */
  better: KpiDirection | null;
  /** Pressure levels, ascending, from 0. */
  levels: number[];
  steps: PressureStep[];
}

/**
 * The spill-over table of pressure on one KPI from the runs at each level (level order,
 * `levels[0]` = 0). `scenario` is the scenario as written, for its name and its own incentives.
 */
export function pressureResult(
  kpi: string,
  scenario: Scenario,
  levels: readonly number[],
  runs: readonly RunOutcomes[],
): PressureResult {
  const reference = runs[0];
  if (reference === undefined || runs.length !== levels.length || levels[0] !== 0)
    throw new Error('pressure needs one run per level, the first at pressure 0');
  return {
    scenario: scenario.name,
    version: VERSION,
    seed: reference.summary.seed,
    replications: reference.summary.replications,
    replaced_incentives: scenario.incentives.map(({ kpi: id, pressure }) => ({ kpi: id, pressure })),
    kpi,
    better: kpiDirection(kpi) ?? null,
    levels: [...levels],
    steps: runs.map((run, index) => {
      const step: PressureStep = {
        pressure: levels[index]!,
        kpis: run.summary.kpis,
        tiers: run.summary.tiers,
        change: differenceTable(reference, run),
      };
      const section = whoPays(reference, run);
      if (section !== undefined) step.who_pays = section;
      return step;
    }),
    warnings: mergeWarnings(
      runs.map((run, index) => ({ run: `pressure ${levels[index]}`, warnings: run.summary.warnings })),
    ),
  };
}

/** Ids of the truth KPIs (simulation only). */
export const TRUTH_KPIS: readonly string[] = TRUTH_KPI_CATALOG.map((kpi) => kpi.id);

/** Where a KPI sits in the spill-over table. */
export type SpilloverGroup = 'targeted' | 'truth' | 'observed' | 'tier';

/** The group of a KPI column id, given the targeted KPI. */
export function spilloverGroup(kpi: string, targeted: string): SpilloverGroup {
  if (kpi === targeted) return 'targeted';
  if (TRUTH_KPIS.includes(kpi)) return 'truth';
  return kpi.startsWith('tiers.') ? 'tier' : 'observed';
}

const groupOrder: Record<SpilloverGroup, number> = { targeted: 0, truth: 1, observed: 2, tier: 3 };

/**
 * A difference table's rows in spill-over order: the targeted KPI first, then the truth
 * KPIs, then the other desk-wide KPIs, then the tiers' (catalog order within each group).
 */
export function spilloverRows(table: DifferenceTable, targeted: string): Array<[string, KpiDifference]> {
  return differenceRows(table)
    .map((row, index) => ({ row, index, group: groupOrder[spilloverGroup(row[0], targeted)] }))
    .sort((a, b) => a.group - b.group || a.index - b.index)
    .map(({ row }) => row);
}

/** Columns of `pressure.csv` (and of the long `pressure-matrix` table, after `pressured_kpi`). */
export const PRESSURE_COLUMNS = ['pressured_kpi', 'pressure', 'kpi', 'group', 'better', ...DIFFERENCE_COLUMNS] as const;

type Cell = string | number | boolean | null;

function pressureRow(targeted: string, pressure: number, kpi: string, difference: KpiDifference): Cell[] {
  return [
    targeted,
    pressure,
    kpi,
    spilloverGroup(kpi, targeted),
    kpiDirection(kpi) ?? null,
    ...differenceCells(difference),
  ];
}

/** `pressure.csv`: one row per KPI × level, in spill-over order, each KPI's levels together. */
export function pressureRows(result: PressureResult): Cell[][] {
  const reference = result.steps[0]!;
  return spilloverRows(reference.change, result.kpi).flatMap(([kpi]) =>
    result.steps.map((step) => pressureRow(result.kpi, step.pressure, kpi, lookup(step.change, kpi)!)),
  );
}

/** A KPI's difference by column id (`tiers.<id>.<kpi>` for tiers). */
export function lookup(table: DifferenceTable, kpi: string): KpiDifference | undefined {
  const key = parseKpiKey(kpi);
  return key.tier === undefined ? table.kpis[key.kpi] : table.tiers[key.tier]?.[key.kpi];
}

// ---------------------------------------------------------------------------
// The matrix: pressure on each incentive KPI × every KPI
// ---------------------------------------------------------------------------

/** Pressure on one KPI: every KPI's change from no pressure. */
export interface PressureMatrixRow {
  /** The KPI under pressure. */
  kpi: string;
  better: KpiDirection | null;
  /** Every KPI under this pressure minus under none, paired by replication. */
  change: DifferenceTable;
}

/** The machine-readable result of `desksim pressure --all-kpis` (`pressure-matrix.json`). */
export interface PressureMatrix extends PressureRun {
  /** The pressure applied to each KPI in turn. */
  level: number;
  /** Every KPI with no pressure on any (`incentives: []`). */
  reference: { kpis: Record<string, KpiSummary>; tiers: Record<string, Record<string, KpiSummary>> };
  /** One row per incentive KPI, in the incentive table's order. */
  rows: PressureMatrixRow[];
}

/**
 * The matrix from the run with no pressure and one run per targeted KPI (same order as
 * `kpis`, all at `level`).
 */
export function pressureMatrix(
  scenario: Scenario,
  level: number,
  kpis: readonly string[],
  reference: RunOutcomes,
  runs: readonly RunOutcomes[],
): PressureMatrix {
  if (runs.length !== kpis.length) throw new Error('the pressure matrix needs one run per targeted KPI');
  return {
    scenario: scenario.name,
    version: VERSION,
    seed: reference.summary.seed,
    replications: reference.summary.replications,
    replaced_incentives: scenario.incentives.map(({ kpi, pressure }) => ({ kpi, pressure })),
    level,
    reference: { kpis: reference.summary.kpis, tiers: reference.summary.tiers },
    rows: kpis.map((kpi, index) => ({
      kpi,
      better: kpiDirection(kpi) ?? null,
      change: differenceTable(reference, runs[index]!),
    })),
    warnings: mergeWarnings([
      { run: 'no pressure', warnings: reference.summary.warnings },
      ...runs.map((run, index) => ({ run: `pressure on ${kpis[index]}`, warnings: run.summary.warnings })),
    ]),
  };
}

/** The matrix as `pressure.csv` rows: one per targeted KPI × KPI, with the full difference. */
export function pressureMatrixRows(matrix: PressureMatrix): Cell[][] {
  return matrix.rows.flatMap((row) =>
    differenceRows(row.change).map(([kpi, difference]) => pressureRow(row.kpi, matrix.level, kpi, difference)),
  );
}

/**
 * The matrix as a wide table (`pressure-matrix.csv`): a row per targeted KPI, a column per KPI, cells the relative
 * change.
 */
export function pressureMatrixWide(matrix: PressureMatrix): { header: string[]; rows: Cell[][] } {
  const columns = matrix.rows[0] === undefined ? [] : differenceRows(matrix.rows[0].change).map(([kpi]) => kpi);
  return {
    header: ['pressured_kpi', ...columns],
    rows: matrix.rows.map((row) => [row.kpi, ...columns.map((kpi) => lookup(row.change, kpi)?.relative ?? null)]),
  };
}
