/**
 * The KPI dashboard: every KPI's mean over replications with its 95 % confidence interval,
 * one panel per kind of unit, and each dashboard KPI drawn beside the truth it claims to
 * measure (simulation only) — resolution time beside true resolution time, CSAT beside the
 * satisfaction of every customer.
 */
import { formatInterval, formatValue } from '../format.js';
import { kpiLabel, TRUTH_COUNTERPARTS } from '../labels.js';
import { chart, COLORS, round, type Chart } from './chart.js';
import { panel, panelKey, panelOrder } from './panels.js';

/** One KPI's estimate over replications. */
export interface KpiEstimate {
  /** KPI id (`tiers.<tier>.<kpi>` for per-tier ones). */
  id: string;
  unit: string;
  mean: number | null;
  ci95: readonly [number, number] | null;
  /** A truth KPI (simulation only), drawn in the truth colour. */
  truth?: boolean;
  /** Overrides the label derived from the id. */
  label?: string;
}

/** The two kinds of figure, as the legend names them: what a dashboard shows… */
export const OBSERVED = 'Observed (dashboard)';
/** …and what only a simulation knows. */
export const TRUTH = 'Truth (simulation only)';

interface Row {
  measure: string;
  kind: string;
  value: number;
  low: number;
  high: number;
  /** Mean and interval in words, for tooltips. */
  text: string;
  panel: string;
  order: number;
}

/** Each estimate as a row: its measure (shared by an observed KPI and its truth), kind and position. */
function rows(estimates: readonly KpiEstimate[]): Row[] {
  const byId = new Map(estimates.map((estimate, index) => [estimate.id, { estimate, index }]));
  const measureOf = new Map<string, { measure: string; order: number }>();
  for (const pair of TRUTH_COUNTERPARTS) {
    const truth = byId.get(pair.truth);
    const found = byId.get(pair.observed);
    const observed = found?.estimate.mean != null ? found : undefined;
    if (truth === undefined || observed === undefined) continue;
    const order = observed.index;
    measureOf.set(observed.estimate.id, { measure: pair.measure, order });
    measureOf.set(truth.estimate.id, { measure: pair.measure, order });
  }
  // Both members of a pair share one panel: the larger of the two decides a duration's scale.
  const largestOfMeasure = new Map<string, number>();
  for (const estimate of estimates) {
    if (estimate.mean === null) continue;
    const measure = measureOf.get(estimate.id)?.measure ?? estimate.id;
    const largest = Math.max(Math.abs(estimate.mean), ...(estimate.ci95 ?? []).map(Math.abs));
    largestOfMeasure.set(measure, Math.max(largestOfMeasure.get(measure) ?? 0, largest));
  }
  const result: Row[] = [];
  estimates.forEach((estimate, index) => {
    if (estimate.mean === null) return;
    const paired = measureOf.get(estimate.id);
    const measure = paired?.measure ?? estimate.label ?? kpiLabel(estimate.id);
    const [low, high] = estimate.ci95 ?? [estimate.mean, estimate.mean];
    const interval = formatInterval(estimate.ci95, estimate.unit);
    result.push({
      measure,
      kind: estimate.truth ? TRUTH : OBSERVED,
      value: estimate.mean,
      low,
      high,
      text: `${formatValue(estimate.mean, estimate.unit)}${interval === '' ? '' : ` ${interval}`}`,
      panel: panelKey(estimate.id, estimate.unit, largestOfMeasure.get(paired?.measure ?? estimate.id) ?? 0),
      order: paired?.order ?? index,
    });
  });
  return result;
}

/** The KPI dashboard chart: mean points and 95 % CI rules, observed beside truth, by unit. */
export function kpiDashboardChart(
  estimates: readonly KpiEstimate[],
  subtitle = 'Mean over replications with its 95 % confidence interval',
): Chart {
  const all = rows(estimates);
  const keys = [...new Set(all.map((row) => row.panel))].sort((a, b) => panelOrder(a) - panelOrder(b));
  const anyTruth = all.some((row) => row.kind === TRUTH);
  const panels = keys.map((key) => {
    const members = all.filter((row) => row.panel === key).sort((a, b) => a.order - b.order);
    const largest = Math.max(...members.flatMap((row) => [Math.abs(row.low), Math.abs(row.high)]));
    const { title, axis, domain } = panel(key, largest, 'value');
    const values = members.map((row) => ({
      measure: row.measure,
      kind: row.kind,
      value: round(row.value / axis.divisor),
      low: round(row.low / axis.divisor),
      high: round(row.high / axis.divisor),
      text: row.text,
    }));
    const x = {
      type: 'quantitative',
      title: `${title} (${axis.label})`,
      axis: { format: axis.format, labelFlush: true, tickCount: 6 },
      scale:
        domain === undefined
          ? { zero: true, nice: true }
          : { domain: domain.map((bound) => bound / axis.divisor), nice: false },
    };
    return {
      width: 440,
      height: { step: anyTruth ? 9 : 18 },
      data: { values },
      encoding: {
        y: {
          field: 'measure',
          type: 'nominal',
          sort: [...new Set(members.map((row) => row.measure))],
          title: null,
          axis: { labelLimit: 300, labelFontSize: 11 },
        },
        ...(anyTruth
          ? { yOffset: { field: 'kind', type: 'nominal', sort: [OBSERVED, TRUTH], scale: { paddingOuter: 0.3 } } }
          : {}),
        color: {
          field: 'kind',
          type: 'nominal',
          scale: { domain: [OBSERVED, TRUTH], range: [COLORS.observed, COLORS.truth] },
          legend: { title: null, orient: 'top', direction: 'horizontal' },
        },
        tooltip: [
          { field: 'measure', title: 'KPI' },
          { field: 'kind', title: 'figure' },
          { field: 'text', title: 'mean [95 % CI]' },
        ],
      },
      layer: [
        { mark: { type: 'rule', strokeWidth: 2.5 }, encoding: { x: { field: 'low', ...x }, x2: { field: 'high' } } },
        { mark: { type: 'point', filled: true, size: 55, opacity: 1 }, encoding: { x: { field: 'value', ...x } } },
      ],
    };
  });
  return chart('kpi-dashboard', 'Every KPI with its 95 % confidence interval', subtitle, {
    vconcat: panels,
    resolve: { scale: { x: 'independent', y: 'independent', yOffset: 'independent' } },
  });
}
