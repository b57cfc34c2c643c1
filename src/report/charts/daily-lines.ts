/**
 * A daily time series as lines, one per series, on a UTC date axis (so the rendering does
 * not depend on the machine's time zone). The daily charts (volume, waits, SLA, utilization)
 * are this chart with their own series, unit and words.
 */
import { formatValue } from '../format.js';
import { axisUnit, chart, round, type Chart } from './chart.js';

/** One day's value of one series; `day` is an ISO date (`2026-01-12`). */
export interface DailyPoint {
  day: string;
  series: string;
  value: number | null;
}

/** What a daily chart says about its values. */
export interface DailyChartOptions {
  name: string;
  title: string;
  subtitle?: string;
  /** KPI unit of the values (`minutes`, `share`, `tickets`…). */
  unit: string;
  /** What the y axis measures, without its unit ("queue wait, mean"). */
  measure: string;
  /** Legend title. */
  seriesTitle?: string;
  /** Series in legend order (default: order of first appearance). */
  series?: readonly string[];
}

/** Lines of a daily series, with points on each day and tooltips. */
export function dailyLineChart(points: readonly DailyPoint[], options: DailyChartOptions): Chart {
  const present = points.filter(
    (point): point is DailyPoint & { value: number } => point.value !== null && Number.isFinite(point.value),
  );
  const largest = Math.max(0, ...present.map((point) => Math.abs(point.value)));
  const axis = axisUnit(options.unit, largest);
  const series = options.series ?? [...new Set(points.map((point) => point.series))];
  // Days without a value (a tier off duty at weekends) stay in, as null: the line breaks there.
  const values = points.map((point) => {
    const value = point.value !== null && Number.isFinite(point.value) ? point.value : null;
    return {
      day: point.day,
      series: point.series,
      value: value === null ? null : round(value / axis.divisor),
      text: formatValue(value, options.unit),
    };
  });
  return chart(options.name, options.title, options.subtitle, {
    width: 620,
    height: 220,
    data: { values },
    encoding: {
      x: {
        field: 'day',
        type: 'temporal',
        scale: { type: 'utc' },
        title: 'Day (measured period)',
        axis: { format: '%a %d %b', labelAngle: -40, tickCount: 'day' },
      },
      y: {
        field: 'value',
        type: 'quantitative',
        title: `${options.measure} (${axis.label})`,
        axis: { format: axis.format },
        scale: options.unit === 'share' ? { domain: [0, 1] } : { zero: true },
      },
      color: {
        field: 'series',
        type: 'nominal',
        sort: series,
        scale: { domain: series, scheme: 'tableau10' },
        legend: { title: options.seriesTitle ?? null, orient: 'top', direction: 'horizontal' },
      },
      tooltip: [
        { field: 'day', type: 'temporal', title: 'day', format: '%a %d %b %Y', formatType: 'utc' },
        { field: 'series', title: options.seriesTitle ?? 'series' },
        { field: 'text', title: options.measure },
      ],
    },
    layer: [
      { mark: { type: 'line', strokeWidth: 2, invalid: 'break-paths-show-domains' } },
      { mark: { type: 'point', filled: true, size: 22 } },
    ],
  });
}
