/**
 * Dashboard against truth under pressure: the KPI management pushes improves while the
 * truth behind it (real fixes, real satisfaction) gets worse. Every line is a change
 * relative to no pressure, signed so that up is better for the customers and the desk.
 */
import { betterDirection, kpiLabel } from '../labels.js';
import { chart, COLORS, round, type Chart } from './chart.js';

/** One KPI's relative change at one pressure level. */
export interface PressureTrace {
  pressure: number;
  kpi: string;
  /** The KPI under pressure, or a truth KPI. */
  role: 'targeted' | 'truth';
  /**
   * The change from no pressure as a fraction: relative ((value − base) / |base|) for times,
   * counts and scores; for shares the difference itself (0.09 = 9 percentage points), since a
   * share's relative change explodes on a small base (2 % → 40 % hidden failures is +1,900 %).
   */
  change: number | null;
  /** Its 95 % CI, in the same terms, when known. */
  ci95?: readonly [number, number] | null;
  label?: string;
  /** The change is in percentage points (a share), not relative. */
  points?: boolean;
}

/** Legend entries: the KPI management pushes, and the truth behind the dashboard. */
export const TARGETED = 'KPI under pressure (dashboard)';
export const TRUTH_ROLE = 'Truth (simulation only)';

const TRUTH_COLORS = [COLORS.truth, '#b8452a', '#e6a23c', '#8c5a2b', '#d35400'];

/** The lines: targeted KPI solid blue, truth KPIs dashed in warm colours; up is better. */
export function dashboardVsTruthChart(traces: readonly PressureTrace[], options: { subtitle?: string } = {}): Chart {
  const labels = [...new Set(traces.map((trace) => trace.label ?? kpiLabel(trace.kpi)))];
  const targeted = [
    ...new Set(traces.filter((trace) => trace.role === 'targeted').map((trace) => trace.label ?? kpiLabel(trace.kpi))),
  ];
  const truth = labels.filter((label) => !targeted.includes(label));
  const values = traces
    .filter(
      (trace): trace is PressureTrace & { change: number } => trace.change !== null && Number.isFinite(trace.change),
    )
    .map((trace) => {
      const sign = betterDirection(trace.kpi) === 'lower' ? -1 : 1;
      const [low, high] = (trace.ci95 ?? [trace.change, trace.change]).map((bound) => round(bound * sign * 100));
      const percent = trace.change * 100;
      return {
        pressure: trace.pressure,
        kpi: trace.label ?? kpiLabel(trace.kpi),
        role: trace.role === 'targeted' ? TARGETED : TRUTH_ROLE,
        better: round(trace.change * sign * 100),
        low: Math.min(low!, high!),
        high: Math.max(low!, high!),
        text:
          `${percent > 0 ? '+' : percent < 0 ? '−' : ''}${Math.abs(percent).toFixed(1)}` +
          `${trace.points ? ' percentage points' : ' %'}`,
      };
    });
  const domain = [...targeted, ...truth];
  const range = [
    ...targeted.map(() => COLORS.observed),
    ...truth.map((_, index) => TRUTH_COLORS[index % TRUTH_COLORS.length]!),
  ];
  const x = {
    field: 'pressure',
    type: 'quantitative',
    title: 'Incentive pressure on the targeted KPI (0 = none, 1 = maximum)',
    scale: { domain: [0, 1] },
    axis: { format: '.2~f' },
  };
  const color = {
    field: 'kpi',
    type: 'nominal',
    scale: { domain, range },
    legend: {
      title: null,
      orient: 'right',
      labelLimit: 260,
      symbolType: 'stroke',
      symbolStrokeWidth: 3,
      symbolOpacity: 1,
    },
  };
  return chart(
    'dashboard-vs-truth',
    'The dashboard improves, the truth gets worse',
    options.subtitle ??
      'Change from no pressure, signed so that up is better — relative (%) for times and scores, in percentage ' +
        'points for shares: the pushed KPI (solid) against the truth (dashed)',
    {
      data: { values },
      width: 520,
      height: 280,
      encoding: { x },
      layer: [
        {
          data: { values: [{ zero: 0 }] },
          mark: { type: 'rule', color: '#555555', strokeDash: [2, 2] },
          encoding: { y: { field: 'zero', type: 'quantitative' }, x: null },
        },
        {
          mark: { type: 'area', opacity: 0.12 },
          encoding: { y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color },
        },
        {
          mark: { type: 'line', strokeWidth: 2.5, point: { filled: true, size: 36 } },
          encoding: {
            y: {
              field: 'better',
              type: 'quantitative',
              title: 'Worse (−) or better (+) than with no pressure (% or points)',
              axis: { format: '+,.0f' },
            },
            color,
            strokeDash: {
              field: 'role',
              type: 'nominal',
              scale: {
                domain: [TARGETED, TRUTH_ROLE],
                range: [
                  [1, 0],
                  [6, 3],
                ],
              },
              legend: null,
            },
            tooltip: [
              { field: 'kpi', title: 'KPI' },
              { field: 'pressure', title: 'pressure' },
              { field: 'text', title: 'change vs no pressure' },
              { field: 'role', title: 'figure' },
            ],
          },
        },
      ],
    },
  );
}
