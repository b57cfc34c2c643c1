/**
 * What every chart shares: the `Chart` a chart function returns (a file name and a
 * Vega-Lite specification), one look (fonts, sizes, colours), and how values in a KPI unit
 * are put on an axis (durations in minutes, hours or days; shares as percentages).
 *
 * Each chart is one file in this folder: a typed input, one function returning a `Chart`.
 * `render.ts` compiles and renders them; no chart function touches Vega itself.
 */
import type { Spec } from 'vega';
import type { TopLevelSpec } from 'vega-lite';

/** A chart ready to render: `charts/<name>.vl.json` and `charts/<name>.svg`. */
export interface Chart {
  /** File name without extension, e.g. `kpi-dashboard`. */
  name: string;
  /** The chart's title (also shown in the report's figure list). */
  title: string;
  /** The Vega-Lite specification, data inline. */
  spec: TopLevelSpec;
}

/** A chart with its compiled Vega spec and its SVG rendering (see `render.ts`). */
export interface RenderedChart extends Chart {
  /** The Vega spec compiled from `spec` (what the report's interactive view runs). */
  vega: Spec;
  svg: string;
  /** Warnings Vega-Lite or Vega raised; a good chart has none (the tests check). */
  warnings: string[];
}

/** The files of a rendered chart, relative to the output directory. */
export function chartFiles(chart: RenderedChart): Array<[path: string, content: string]> {
  return [
    [`charts/${chart.name}.vl.json`, JSON.stringify(chart.spec, null, 2) + '\n'],
    [`charts/${chart.name}.svg`, chart.svg + '\n'],
  ];
}

/** Colours: observed figures blue, truth orange, significant differences dark, the rest grey. */
export const COLORS = {
  observed: '#3366aa',
  truth: '#dd7722',
  significant: '#c0392b',
  insignificant: '#9a9a9a',
  band: '#3366aa',
} as const;

/** Font stack of every chart; Vega measures text with Helvetica metrics in Node. */
export const FONT = 'Helvetica, Arial, sans-serif';

/** The shared look: readable sizes, labels never cut short, light grids. */
const CONFIG = {
  font: FONT,
  padding: 12,
  title: { fontSize: 15, anchor: 'start', subtitleFontSize: 12, subtitleColor: '#555555', offset: 12 },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    labelLimit: 280,
    gridColor: '#e8e8e8',
    titlePadding: 8,
  },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 280 },
  header: { labelFontSize: 12, titleFontSize: 12, labelLimit: 320 },
  view: { stroke: '#dddddd' },
  concat: { spacing: 28 },
} as const;

/**
 * Completes a chart's specification: schema, title, shared config, white background.
 * `body` is the rest of a top-level Vega-Lite spec (data, mark/layer/concat, encoding…).
 */
export function chart(name: string, title: string, subtitle: string | undefined, body: Record<string, unknown>): Chart {
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: subtitle === undefined ? { text: title } : { text: title, subtitle },
    background: 'white',
    config: CONFIG,
    ...body,
  } as unknown as TopLevelSpec;
  return { name, title, spec };
}

/** How a duration axis is scaled: minutes stay minutes up to two hours, then hours, then days. */
export interface DurationScale {
  unit: 'minutes' | 'hours' | 'days';
  /** Minutes per axis unit. */
  minutes: number;
}

/** The axis unit for durations whose largest value is `maxMinutes`. */
export function durationScale(maxMinutes: number): DurationScale {
  if (maxMinutes <= 120) return { unit: 'minutes', minutes: 1 };
  if (maxMinutes <= 4 * 24 * 60) return { unit: 'hours', minutes: 60 };
  return { unit: 'days', minutes: 24 * 60 };
}

/** How values of one KPI unit are drawn on an axis. */
export interface AxisUnit {
  /** Divide raw values by this (durations to hours…); shares stay 0..1 and use a % format. */
  divisor: number;
  /** The unit as an axis title says it: "hours", "%", "tickets". */
  label: string;
  /** d3 format of axis labels. */
  format: string;
}

/** Axis conventions for a KPI unit; durations need the largest value to pick their scale. */
export function axisUnit(unit: string, maxValue = 0): AxisUnit {
  switch (unit) {
    case 'minutes': {
      const scale = durationScale(maxValue);
      return { divisor: scale.minutes, label: scale.unit, format: ',.3~r' };
    }
    case 'share':
      return { divisor: 1, label: '%', format: '.0%' };
    case 'currency':
      return { divisor: 1, label: 'currency units', format: ',.2~f' };
    case 'score':
      return { divisor: 1, label: 'score', format: ',.2~r' };
    case 'tickets':
      return { divisor: 1, label: 'tickets', format: ',.4~r' };
    case 'agents':
      return { divisor: 1, label: 'agents', format: ',.2~r' };
    default:
      return { divisor: 1, label: unit, format: ',.3~r' };
  }
}

/** Rounds for chart data, so the inline values stay short and identical across platforms. */
export function round(value: number, digits = 6): number {
  return Number(value.toPrecision(digits));
}
