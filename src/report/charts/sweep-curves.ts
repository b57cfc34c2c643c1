/**
 * Sweep curves: each KPI against the swept parameter, one small chart per KPI with its own
 * axis, the mean as a line and the 95 % confidence interval as a band.
 */
import { formatValue } from '../format.js';
import { kpiLabel } from '../labels.js';
import { axisUnit, chart, COLORS, round, type Chart } from './chart.js';

/** One KPI's estimate at one value of the swept parameter. */
export interface SweepPoint {
  parameter: number;
  kpi: string;
  unit: string;
  mean: number | null;
  ci95: readonly [number, number] | null;
  label?: string;
  /** The other parameters' values at this point, in words, when the grid has several ("tier2 agents = 3"). */
  series?: string;
}

/** The curves of a sweep; `parameter` names the swept field ("tiers.tier1.agents"). */
export function sweepCurvesChart(
  parameter: string,
  points: readonly SweepPoint[],
  options: { columns?: number; subtitle?: string } = {},
): Chart {
  const kpis = [...new Set(points.map((point) => point.kpi))];
  const values = kpis.flatMap((kpi) => {
    const own = points.filter(
      (point): point is SweepPoint & { mean: number } => point.kpi === kpi && point.mean !== null,
    );
    if (own.length === 0) return [];
    const largest = Math.max(...own.flatMap((point) => [Math.abs(point.mean), ...(point.ci95 ?? []).map(Math.abs)]));
    // Facets share one axis format, so shares are drawn as percentages, not 0..1.
    const axis = own[0]!.unit === 'share' ? { divisor: 0.01, label: '%' } : axisUnit(own[0]!.unit, largest);
    const panelTitle = `${own[0]!.label ?? kpiLabel(kpi)} (${axis.label})`;
    return own.map((point) => {
      const [low, high] = point.ci95 ?? [point.mean, point.mean];
      return {
        panel: panelTitle,
        parameter: point.parameter,
        mean: round(point.mean / axis.divisor),
        low: round(low / axis.divisor),
        high: round(high / axis.divisor),
        text: formatValue(point.mean, point.unit),
        series: point.series ?? '',
      };
    });
  });
  const panels = [...new Set(values.map((value) => value.panel))];
  const seriesNames = [...new Set(values.map((value) => value.series))];
  const several = seriesNames.length > 1;
  // One line per combination of the other parameters, coloured; a single line is blue.
  const color = several
    ? {
        color: {
          field: 'series',
          type: 'nominal',
          sort: seriesNames,
          legend: { title: null, orient: 'top', symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 },
        },
      }
    : {};
  const detail = several ? { detail: { field: 'series', type: 'nominal' } } : {};
  const x = {
    field: 'parameter',
    type: 'quantitative',
    title: parameter,
    scale: { zero: false, nice: false },
    axis: { tickMinStep: 1 },
  };
  return chart(
    'sweep-curves',
    `KPIs against ${parameter}`,
    options.subtitle ?? 'Mean over replications (line) with its 95 % confidence interval (band)',
    {
      data: { values },
      facet: {
        field: 'panel',
        type: 'nominal',
        sort: panels,
        title: null,
        header: { labelFontWeight: 'bold', labelLimit: 300 },
      },
      columns: options.columns ?? 3,
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: 220,
        height: 140,
        encoding: { x },
        layer: [
          {
            mark: { type: 'area', color: COLORS.band, opacity: 0.18 },
            encoding: {
              y: { field: 'low', type: 'quantitative', title: null, scale: { zero: false } },
              y2: { field: 'high' },
              ...color,
              ...detail,
            },
          },
          {
            mark: { type: 'line', color: COLORS.observed, strokeWidth: 2 },
            encoding: { y: { field: 'mean', type: 'quantitative' }, ...color, ...detail },
          },
          {
            mark: { type: 'point', filled: true, color: COLORS.observed, size: 30 },
            encoding: {
              y: { field: 'mean', type: 'quantitative' },
              ...color,
              tooltip: [
                { field: 'panel', title: 'KPI' },
                { field: 'parameter', title: parameter },
                ...(several ? [{ field: 'series', title: 'other parameters' }] : []),
                { field: 'text', title: 'mean' },
              ],
            },
          },
        ],
      },
    },
  );
}
