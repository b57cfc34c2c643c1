/**
 * The Pareto front of a sweep: every grid point on the first two KPIs traded off (the third,
 * if any, as the point's size), the front's points dark and joined in order, the dominated
 * ones grey. The axes read as they are: the subtitle says which way is better on each.
 */
import { formatValue } from '../format.js';
import { kpiLabel } from '../labels.js';
import { axisUnit, chart, COLORS, round, type Chart } from './chart.js';

/** One grid point's means on the KPIs traded off. */
export interface ParetoPoint {
  point: number;
  /** The point's parameters in words ("tier1.early = 5, tier1.late = 4"). */
  label: string;
  /** Means in the KPIs' order; units in `units`. */
  means: number[];
  optimal: boolean;
}

/** The front chart; `kpis` with their better direction and unit. */
export function paretoFrontChart(
  points: readonly ParetoPoint[],
  kpis: ReadonlyArray<{ kpi: string; better: 'lower' | 'higher'; unit: string }>,
): Chart {
  const axes = kpis.map(({ unit }, index) => {
    const largest = Math.max(...points.map((point) => Math.abs(point.means[index]!)));
    return unit === 'share' ? { divisor: 0.01, label: '%' } : axisUnit(unit, largest);
  });
  const title = (index: number) =>
    `${kpiLabel(kpis[index]!.kpi)} (${axes[index]!.label}; ${kpis[index]!.better} is better)`;
  const values = points.map((point) => ({
    point: point.point,
    label: point.label,
    x: round(point.means[0]! / axes[0]!.divisor),
    y: round(point.means[1]! / axes[1]!.divisor),
    ...(kpis.length > 2 ? { z: round(point.means[2]! / axes[2]!.divisor) } : {}),
    standing: point.optimal ? 'on the front' : 'dominated',
    text: kpis.map(({ kpi, unit }, index) => `${kpiLabel(kpi)} ${formatValue(point.means[index]!, unit)}`).join(', '),
  }));
  const x = { field: 'x', type: 'quantitative', title: title(0), scale: { zero: false } };
  const y = { field: 'y', type: 'quantitative', title: title(1), scale: { zero: false } };
  const size =
    kpis.length > 2 ? { size: { field: 'z', type: 'quantitative', title: title(2), legend: { orient: 'right' } } } : {};
  return chart(
    'pareto-front',
    `Pareto front: ${kpis.map(({ kpi }) => kpiLabel(kpi)).join(' vs ')}`,
    'Means of every grid point; dark and joined: no other point is at least as good on every KPI and better on one',
    {
      data: { values },
      width: 460,
      height: 300,
      encoding: { x, y },
      layer: [
        {
          transform: [{ filter: "datum.standing === 'on the front'" }],
          mark: { type: 'line', color: COLORS.observed, strokeWidth: 1.5 },
          encoding: { order: { field: 'x', type: 'quantitative' } },
        },
        {
          mark: { type: 'point', filled: true, opacity: 0.9 },
          encoding: {
            color: {
              field: 'standing',
              type: 'nominal',
              scale: { domain: ['on the front', 'dominated'], range: [COLORS.observed, COLORS.insignificant] },
              legend: { title: null, orient: 'top' },
            },
            ...size,
            tooltip: [
              { field: 'point', title: 'point' },
              { field: 'label', title: 'parameters' },
              { field: 'text', title: 'means' },
              { field: 'standing', title: 'standing' },
            ],
          },
        },
        {
          transform: [{ filter: "datum.standing === 'on the front'" }],
          mark: { type: 'text', dy: -10, fontSize: 10, color: '#333333' },
          encoding: { text: { field: 'point', type: 'nominal' } },
        },
      ],
    },
  );
}
