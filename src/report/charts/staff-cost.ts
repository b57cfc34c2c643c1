/**
 * Cost against each target: every candidate `desksim staff` simulated, one panel per target —
 * the planned staff cost across, the KPI's mean and 95 % interval up, coloured by the
 * interval's verdict (met green, too close to call amber, missed red), the target as a dashed
 * line and the chosen plan ringed. The cheapest green point on every panel at once is the plan.
 */
import { formatValue } from '../format.js';
import { kpiLabel } from '../labels.js';
import { axisUnit, chart, round, type Chart } from './chart.js';

/** One candidate's estimate of one target's KPI. */
export interface StaffCostPoint {
  /** The target in words ("service_level ≥ 0.8"), one panel each. */
  target: string;
  kpi: string;
  unit: string;
  /** The target's bound, in the KPI's unit. */
  bound: number;
  plan: string;
  cost: number;
  mean: number | null;
  ci95: readonly [number, number] | null;
  verdict: 'met' | 'missed' | 'too close to call';
  chosen: boolean;
}

/** Verdict colours: green, amber, red. */
export const VERDICT_COLORS = { met: '#1e8449', 'too close to call': '#d68910', missed: '#c0392b' } as const;

/** The cost-against-targets chart; `objective` names the x axis ("staff cost", "agent-hours"). */
export function staffCostChart(points: readonly StaffCostPoint[], objective: string): Chart {
  const targets = [...new Set(points.map((point) => point.target))];
  const values = points
    .filter((point): point is StaffCostPoint & { mean: number } => point.mean !== null)
    .map((point) => {
      const own = points.filter((other) => other.target === point.target && other.mean !== null);
      const largest = Math.max(
        point.bound,
        ...own.flatMap((other) => [other.mean!, ...(other.ci95 ?? [])]).map(Math.abs),
      );
      const axis = point.unit === 'share' ? { divisor: 0.01, label: '%' } : axisUnit(point.unit, largest);
      const [low, high] = point.ci95 ?? [point.mean, point.mean];
      return {
        panel: `${kpiLabel(point.kpi)}: ${point.target} (${axis.label})`,
        cost: round(point.cost),
        mean: round(point.mean / axis.divisor),
        low: round(low / axis.divisor),
        high: round(high / axis.divisor),
        bound: round(point.bound / axis.divisor),
        verdict: point.verdict,
        chosen: point.chosen,
        plan: point.plan,
        text:
          `${formatValue(point.mean, point.unit)} ` +
          `[${formatValue(low, point.unit)}, ${formatValue(high, point.unit)}]`,
      };
    });
  const panels = targets
    .map((target) => values.find((value) => value.panel.includes(`: ${target} (`))?.panel)
    .filter((panel): panel is string => panel !== undefined);
  const verdicts = Object.keys(VERDICT_COLORS);
  const color = {
    field: 'verdict',
    type: 'nominal',
    scale: { domain: verdicts, range: Object.values(VERDICT_COLORS) },
    legend: { title: 'the 95 % interval', orient: 'top' },
  };
  return chart(
    'staff-cost',
    `Every candidate: ${objective} against each target`,
    'Mean and 95 % interval of each candidate (colour: its verdict); dashed: the target; ringed: the plan chosen',
    {
      data: { values },
      facet: {
        field: 'panel',
        type: 'nominal',
        sort: panels,
        title: null,
        header: { labelFontWeight: 'bold', labelLimit: 420 },
      },
      columns: 2,
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: 300,
        height: 180,
        encoding: { x: { field: 'cost', type: 'quantitative', title: objective, scale: { zero: false } } },
        layer: [
          {
            mark: { type: 'rule', strokeDash: [5, 4], color: '#555555' },
            encoding: {
              y: { aggregate: 'max', field: 'bound', type: 'quantitative', title: null, scale: { zero: false } },
              x: null,
            },
          },
          {
            mark: { type: 'rule', strokeWidth: 1.5 },
            encoding: { y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color },
          },
          {
            mark: { type: 'point', filled: true, size: 45 },
            encoding: {
              y: { field: 'mean', type: 'quantitative' },
              color,
              tooltip: [
                { field: 'plan', title: 'plan' },
                { field: 'cost', title: objective, format: ',.0f' },
                { field: 'text', title: 'mean [95 % CI]' },
                { field: 'verdict', title: 'verdict' },
              ],
            },
          },
          {
            transform: [{ filter: 'datum.chosen' }],
            mark: { type: 'point', filled: false, size: 260, strokeWidth: 2, color: '#111111' },
            encoding: { y: { field: 'mean', type: 'quantitative' } },
          },
        ],
      },
    },
  );
}
