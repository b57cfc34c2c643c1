/**
 * The pressure heat map: how far every KPI moved (relative to no pressure) as management
 * pressure rises — rows KPIs, columns pressure levels (or the KPI put under pressure). The
 * cell says the shift; its colour says whether that is better (green) or worse (red) for the
 * customers and the desk, grey where a KPI is neither (volumes, utilization).
 */
import { betterDirection, kpiLabel } from '../labels.js';
import { chart, round, type Chart } from './chart.js';

/** One KPI's relative shift at one column (pressure level or targeted KPI). */
export interface PressureShift {
  kpi: string;
  /** Column label, e.g. "0.5" (pressure) or a targeted KPI's name. */
  column: string;
  /** (value − value without pressure) / |value without pressure|; null when undefined. */
  relativeShift: number | null;
  label?: string;
  /**
   * The cell's text when a relative change would mislead (NPS crosses zero: "−17 pts"); default the relative shift in
   * %.
   */
  text?: string;
}

/** Shifts beyond ±50 % take the darkest colour. */
const SATURATION = 0.5;

/** The heat map of relative KPI shifts. */
export function pressureHeatmapChart(
  shifts: readonly PressureShift[],
  options: { columnTitle: string; targeted?: string; columns?: readonly string[]; subtitle?: string },
): Chart {
  const kpis = [...new Set(shifts.map((shift) => shift.kpi))];
  const labelOf = (shift: PressureShift) =>
    `${shift.label ?? kpiLabel(shift.kpi)}${shift.kpi === options.targeted ? ' ◀ targeted' : ''}`;
  const rowOrder = kpis.map((kpi) => labelOf(shifts.find((shift) => shift.kpi === kpi)!));
  const columns = options.columns ?? [...new Set(shifts.map((shift) => shift.column))];
  const values = shifts
    .filter(
      (shift): shift is PressureShift & { relativeShift: number } =>
        shift.relativeShift !== null && Number.isFinite(shift.relativeShift),
    )
    .map((shift) => {
      const direction = betterDirection(shift.kpi);
      const effect =
        direction === null ? null : round(direction === 'higher' ? shift.relativeShift : -shift.relativeShift);
      const percent = shift.relativeShift * 100;
      return {
        kpi: labelOf(shift),
        column: shift.column,
        effect,
        shift: round(shift.relativeShift),
        text:
          shift.text ??
          (Math.abs(percent) < 0.5
            ? '0%'
            : `${percent > 0 ? '+' : '−'}${Math.abs(percent).toFixed(Math.abs(percent) < 10 ? 1 : 0)}%`),
        reading:
          direction === null
            ? 'neither better nor worse'
            : (effect ?? 0) > 0
              ? 'better'
              : (effect ?? 0) < 0
                ? 'worse'
                : 'unchanged',
      };
    });
  const slanted = columns.some((column) => column.length > 6);
  const encoding = {
    // Pressure levels read flat; KPI names as columns are slanted so they do not overlap.
    x: {
      field: 'column',
      type: 'ordinal',
      sort: columns,
      title: options.columnTitle,
      axis: slanted
        ? { labelAngle: -40, labelAlign: 'left', orient: 'top', labelLimit: 220 }
        : { labelAngle: 0, orient: 'top', labelLimit: 160 },
    },
    y: { field: 'kpi', type: 'nominal', sort: rowOrder, title: null, axis: { labelLimit: 320 } },
  };
  return chart(
    'pressure-heatmap',
    'How every KPI shifts under pressure',
    options.subtitle ??
      'Change relative to no pressure (cell text); colour: better (green) or worse (red) for customers and the desk',
    {
      data: { values },
      width: { step: Math.max(56, Math.min(90, 560 / Math.max(columns.length, 1))) },
      height: { step: 22 },
      encoding,
      layer: [
        {
          mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
          encoding: {
            color: {
              field: 'effect',
              type: 'quantitative',
              scale: { domain: [-SATURATION, SATURATION], range: ['#c0392b', '#f4f4f4', '#1e8449'], clamp: true },
              legend: { title: 'worse ← change → better', orient: 'right', format: '+.0%', gradientLength: 160 },
            },
            tooltip: [
              { field: 'kpi', title: 'KPI' },
              { field: 'column', title: options.columnTitle },
              { field: 'text', title: 'change vs no pressure' },
              { field: 'reading', title: 'reading' },
            ],
          },
        },
        {
          transform: [{ filter: 'datum.effect === null' }],
          mark: { type: 'rect', fill: '#dddddd', stroke: 'white', strokeWidth: 1 },
        },
        { mark: { type: 'text', fontSize: 10.5, color: '#222222' }, encoding: { text: { field: 'text' } } },
      ],
    },
  );
}
