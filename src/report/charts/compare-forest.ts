/**
 * A forest plot of a comparison: for every KPI, the difference between a scenario and the
 * base (same seeds: common random numbers) with its 95 % confidence interval, one panel per
 * kind of unit, a zero line, and the differences whose interval excludes zero highlighted.
 */
import { formatValue } from '../format.js';
import { kpiLabel } from '../labels.js';
import { chart, COLORS, round, type Chart } from './chart.js';
import { panel, panelKey, panelOrder } from './panels.js';

/** One KPI's difference (scenario − base) between two compared scenarios. */
export interface KpiDifference {
  kpi: string;
  unit: string;
  /** What is compared, e.g. "understaffed-tier2 − baseline". */
  comparison: string;
  difference: number;
  ci95: readonly [number, number] | null;
  /** The interval excludes zero. */
  significant: boolean;
  label?: string;
}

/** Legend entries: a difference whose interval excludes zero, and one whose does not. */
export const SIGNIFICANT = 'Significant (95 % CI excludes 0)';
export const NOT_SIGNIFICANT = 'Not significant';

/** The forest plot of KPI differences. */
export function compareForestChart(differences: readonly KpiDifference[], subtitle?: string): Chart {
  const comparisons = [...new Set(differences.map((difference) => difference.comparison))];
  const several = comparisons.length > 1;
  const rows = differences.map((difference, order) => {
    const [low, high] = difference.ci95 ?? [difference.difference, difference.difference];
    const largest = Math.max(Math.abs(low), Math.abs(high), Math.abs(difference.difference));
    const sign = (value: number) => (value > 0 ? '+' : value < 0 ? '−' : '±');
    const text = (value: number) => `${sign(value)}${formatValue(Math.abs(value), difference.unit)}`;
    return {
      ...difference,
      order,
      low,
      high,
      largest,
      panel: panelKey(difference.kpi, difference.unit, largest),
      measure: difference.label ?? kpiLabel(difference.kpi),
      text: `${text(difference.difference)}${difference.ci95 === null ? '' : ` [${text(low)}, ${text(high)}]`}`,
    };
  });
  const keys = [...new Set(rows.map((row) => row.panel))].sort((a, b) => panelOrder(a) - panelOrder(b));
  const panels = keys.map((key) => {
    const members = rows.filter((row) => row.panel === key);
    const { title, axis } = panel(key, Math.max(...members.map((row) => row.largest)), 'difference');
    const values = members.map((row) => ({
      measure: row.measure,
      comparison: row.comparison,
      significance: row.significant ? SIGNIFICANT : NOT_SIGNIFICANT,
      difference: round(row.difference / axis.divisor),
      low: round(row.low / axis.divisor),
      high: round(row.high / axis.divisor),
      text: row.text,
    }));
    const x = {
      type: 'quantitative',
      title: `${title}: difference (${axis.label})`,
      axis: { format: axis.format, tickCount: 6 },
      scale: { zero: true, nice: true },
    };
    return {
      width: 440,
      height: { step: several ? 9 : 18 },
      data: { values },
      encoding: {
        y: {
          field: 'measure',
          type: 'nominal',
          sort: [...new Set(members.map((row) => row.measure))],
          title: null,
          axis: { labelLimit: 300 },
        },
        ...(several ? { yOffset: { field: 'comparison', type: 'nominal', sort: comparisons } } : {}),
        color: {
          field: 'significance',
          type: 'nominal',
          scale: { domain: [SIGNIFICANT, NOT_SIGNIFICANT], range: [COLORS.significant, COLORS.insignificant] },
          legend: { title: null, orient: 'top', direction: 'horizontal' },
        },
        tooltip: [
          { field: 'measure', title: 'KPI' },
          { field: 'comparison', title: 'comparison' },
          { field: 'text', title: 'difference [95 % CI]' },
          { field: 'significance', title: 'significance' },
        ],
      },
      layer: [
        {
          data: { values: [{ zero: 0 }] },
          mark: { type: 'rule', color: '#555555', strokeDash: [3, 3] },
          encoding: { x: { field: 'zero', ...x }, y: null, yOffset: null, color: null, tooltip: null },
        },
        { mark: { type: 'rule', strokeWidth: 2.5 }, encoding: { x: { field: 'low', ...x }, x2: { field: 'high' } } },
        {
          mark: { type: 'point', filled: true, size: 55 },
          encoding: {
            x: { field: 'difference', ...x },
            ...(several
              ? {
                  shape: {
                    field: 'comparison',
                    type: 'nominal',
                    sort: comparisons,
                    legend: { title: null, orient: 'top' },
                  },
                }
              : {}),
          },
        },
      ],
    };
  });
  return chart(
    'compare-forest',
    'Differences between scenarios, KPI by KPI',
    subtitle ??
      `${comparisons.join('; ')} — mean difference over paired replications with its 95 % confidence interval`,
    {
      vconcat: panels,
      resolve: { scale: { x: 'independent', y: 'independent', yOffset: 'independent' } },
    },
  );
}
