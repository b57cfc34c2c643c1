/**
 * The charts of a pressure experiment (`pressure.json`): every KPI's shift by level as a
 * heat map, and the pushed KPI against the truth as lines. Apart from `experiment-reports.ts`
 * (which writes report pages), so the browser page draws the same charts.
 */
import type { KpiDifference } from '../experiment/compare.js';
import type { ExperimentWarning } from '../experiment/warnings.js';
import { TRUTH_KPI_IDS, TRUTH_PAIRS } from '../metrics/catalog.js';
import type { Chart } from './charts/chart.js';
import { dashboardVsTruthChart, type PressureTrace } from './charts/dashboard-vs-truth.js';
import { pressureHeatmapChart, type PressureShift } from './charts/pressure-heatmap.js';
import { kpiLabel } from './labels.js';

/**
 * One KPI's paired change between two runs (a cell of comparison.json / pressure.json): what
 * the reports read of `KpiDifference`, declared once where it is computed.
 */
export type Difference = Pick<
  KpiDifference,
  'unit' | 'n' | 'reference_mean' | 'mean' | 'difference' | 'ci95' | 'relative' | 'relative_ci95' | 'significant'
>;

/** Changes of every KPI, desk-wide and per tier. */
export interface Differences {
  kpis: Record<string, Difference>;
  tiers: Record<string, Record<string, Difference>>;
}

/** A label inside a sentence: "First response time" → "first response time", "SLA …" and "CSAT …" kept. */
export function inSentence(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** What the report reads of `pressure.json`. */
export interface PressureInput {
  scenario: string;
  version: string;
  seed: number;
  replications: number;
  kpi: string;
  levels: number[];
  steps: Array<{ pressure: number; change: Differences; who_pays?: Record<string, Record<string, Difference>> }>;
  warnings?: ExperimentWarning[];
}

/** KPIs the heat map shows: desk-wide ones that have a value (tiers are in the tables). */
export function heatmapKpis(table: Differences, targeted?: string): string[] {
  const ids = Object.entries(table.kpis)
    .filter(([, difference]) => difference.reference_mean !== null)
    .map(([id]) => id);
  const truth = ids.filter((id) => TRUTH_KPI_IDS.has(id));
  const observed = ids.filter((id) => !TRUTH_KPI_IDS.has(id) && id !== targeted);
  return [...(targeted !== undefined && ids.includes(targeted) ? [targeted] : []), ...truth, ...observed];
}

/**
 * One heat-map cell: the relative shift, except for NPS, whose scale crosses zero (a move
 * from 5 to −3 is not "−160 %"): its cell says the points and is coloured by points / 100.
 */
export function heatmapCell(kpi: string, column: string, difference: Difference | undefined): PressureShift {
  if (kpi === 'nps' && difference?.difference != null) {
    const points = difference.difference;
    return {
      kpi,
      column,
      relativeShift: points / 100,
      text: `${points > 0 ? '+' : points < 0 ? '−' : ''}${Math.abs(points).toFixed(Math.abs(points) < 10 ? 1 : 0)} pts`,
    };
  }
  return { kpi, column, relativeShift: difference?.relative ?? null };
}

/** The heat map of every KPI's shift by level, and the dashboard-against-truth lines. */
export function pressureCharts(pressure: PressureInput): Chart[] {
  const pressured = pressure.steps.filter((step) => step.pressure > 0);
  const last = pressure.steps[pressure.steps.length - 1];
  if (last === undefined || pressured.length === 0) return [];
  const kpis = heatmapKpis(last.change, pressure.kpi);
  const shifts: PressureShift[] = pressured.flatMap((step) =>
    kpis.map((kpi) => heatmapCell(kpi, String(step.pressure), step.change.kpis[kpi])),
  );
  // The truth behind the dashboard: the truth KPIs observed ones claim to measure (hidden failures are the
  // complement of the true fix rate among resolved tickets).
  const truthLines: string[] = [...new Set(TRUTH_PAIRS.map((pair) => pair.truth.kpi))];
  const traces: PressureTrace[] = pressure.steps.flatMap((step) =>
    [pressure.kpi, ...truthLines.filter((kpi) => kpis.includes(kpi) && kpi !== pressure.kpi)].flatMap((kpi) => {
      const difference = step.change.kpis[kpi];
      if (difference === undefined) return [];
      const points = difference.unit === 'share';
      return [
        {
          pressure: step.pressure,
          kpi,
          role: kpi === pressure.kpi ? ('targeted' as const) : ('truth' as const),
          change: points ? difference.difference : difference.relative,
          ci95: points ? difference.ci95 : difference.relative_ci95,
          points,
        },
      ];
    }),
  );
  return [
    pressureHeatmapChart(shifts, {
      columnTitle: `Pressure on ${inSentence(kpiLabel(pressure.kpi))} (0 = none, 1 = maximum)`,
      targeted: pressure.kpi,
      columns: pressured.map((step) => String(step.pressure)),
    }),
    dashboardVsTruthChart(traces),
  ];
}
