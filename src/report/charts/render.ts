/**
 * Charts to files: Vega-Lite spec ─compile (vega-lite)─▶ Vega spec ─parse + headless View
 * (vega, renderer "none")─▶ SVG text. No browser and no canvas: Vega lays text out with its
 * own font metrics, so the same chart gives byte-identical SVG on every machine.
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { Chart, RenderedChart } from './chart.js';
import { useHelveticaMetrics } from './text-metrics.js';

useHelveticaMetrics();

export type { RenderedChart } from './chart.js';

/** Collects Vega's and Vega-Lite's log messages instead of printing them on the console. */
function collectingLogger(warnings: string[]): vega.LoggerInterface {
  let current = vega.Warn;
  const logger: vega.LoggerInterface = {
    level(level?: number) {
      if (level === undefined) return current;
      current = level;
      return logger;
    },
    error(...args: readonly unknown[]) {
      warnings.push(`error: ${args.map(String).join(' ')}`);
      return logger;
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  } as vega.LoggerInterface;
  return logger;
}

/** Compiles a chart's Vega-Lite spec and renders it to SVG. */
export async function renderChart(chart: Chart): Promise<RenderedChart> {
  const warnings: string[] = [];
  const logger = collectingLogger(warnings);
  const compiled = compile(chart.spec, { logger }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
  try {
    const svg = numberDefinitions(await view.toSVG(), chart.name);
    return { ...chart, vega: compiled, svg, warnings };
  } finally {
    view.finalize();
  }
}

/**
 * Vega numbers clip paths and gradients with process-wide counters, so the same chart would
 * get different ids on a second render, and two charts inlined in one page could clash.
 * Renumbered from 1 under the chart's name, ids are stable and unique in the report.
 */
export function numberDefinitions(svg: string, prefix: string): string {
  const renamed = new Map<string, string>();
  for (const match of svg.matchAll(/\bid="((?:clip|gradient_)\d+)"/g)) {
    if (!renamed.has(match[1]!)) renamed.set(match[1]!, `${prefix}-def${renamed.size + 1}`);
  }
  if (renamed.size === 0) return svg;
  return svg.replace(
    /(\bid="|url\(#|href="#)((?:clip|gradient_)\d+)/g,
    (_whole, lead: string, id: string) => `${lead}${renamed.get(id) ?? id}`,
  );
}
