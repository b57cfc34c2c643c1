/**
 * What the page shows of a result, made by desksim's own report code: the KPI table
 * (`report/kpi-table.ts`), the charts (`report/run-charts.ts`, `report/pressure-charts.ts`,
 * Vega-Lite specs from `report/charts/`), values formatted by `report/format.ts`. This file
 * only places them and, in trainer mode, keeps the truth out of sight.
 */
import type { RunSummary } from '../src/experiment/summary.js';
import type { PressureResult } from '../src/experiment/pressure.js';
import { KPI_CATALOG, TIER_KPI_CATALOG, TRUTH_KPI_CATALOG } from '../src/metrics/catalog.js';
import type { Chart } from '../src/report/charts/chart.js';
import { TRUTH_ROLE } from '../src/report/charts/dashboard-vs-truth.js';
import { escapeHtml } from '../src/report/escape.js';
import { formatInterval, formatValue } from '../src/report/format.js';
import { kpiTableHtml, runKpiGroups } from '../src/report/kpi-table.js';
import { kpiLabel, TRUTH_COUNTERPARTS } from '../src/report/labels.js';
import { pressureCharts } from '../src/report/pressure-charts.js';
import { runCharts, type RunReportInput } from '../src/report/run-charts.js';

interface EmbedResult {
  view: { finalize(): void };
}
declare global {
  interface Window {
    vegaEmbed(element: HTMLElement, spec: unknown, options: Record<string, unknown>): Promise<EmbedResult>;
  }
}

/** "12 min [10 min – 14 min]" for a KPI summary; "—" without a value. */
function valueText(summary: RunSummary['kpis'][string] | undefined): string {
  if (summary === undefined) return '—';
  const interval = formatInterval(summary.ci95, summary.unit);
  return `${formatValue(summary.mean, summary.unit)}${interval === '' ? '' : ` ${interval}`}`;
}

/** One row of the pairs table: the measure, the dashboard's KPI (or a note) and the truth's. */
function pairRow(summary: RunSummary, measure: string, observed: string | undefined, truth: string): string {
  const cell = (text: string, className = '') =>
    `<td${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</td>`;
  const dashboard =
    observed === undefined
      ? cell('no dashboard KPI: every closed ticket counts as resolved', 'note') + cell('—', 'number observed')
      : cell(kpiLabel(observed)) + cell(valueText(summary.kpis[observed]), 'number observed');
  const truthCells = cell(kpiLabel(truth), 'truth') + cell(valueText(summary.kpis[truth]), 'number truth');
  return `<tr data-kpi="${escapeHtml(observed ?? truth)}">${cell(measure)}${dashboard}${truthCells}</tr>`;
}

const PAIRS_HEAD =
  '<thead><tr><th>measure</th><th>the dashboard shows</th><th class="number">mean [95 % CI]</th>' +
  '<th class="truth">the truth (simulation only)</th><th class="number truth">mean [95 % CI]</th></tr></thead>';

/** The dashboard/truth pairs: what the desk sees beside what its customers got. */
export function pairsTableHtml(summary: RunSummary): string {
  // A truth whose dashboard KPI the run lacks still gets its row, with a note.
  const rows = TRUTH_COUNTERPARTS.map((pair) =>
    pairRow(summary, pair.measure, summary.kpis[pair.observed] === undefined ? undefined : pair.observed, pair.truth),
  );
  return `<table class="pairs">${PAIRS_HEAD}\n<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

/** Every KPI, as the run report's table. */
export function kpiTable(summary: RunSummary): string {
  return kpiTableHtml(
    runKpiGroups(summary, { observed: KPI_CATALOG, truth: TRUTH_KPI_CATALOG, tier: TIER_KPI_CATALOG }),
  );
}

/** The run report's charts the page shows, by name. */
export function runChartsByName(input: RunReportInput): Map<string, Chart> {
  return new Map(runCharts(input).map((chart) => [chart.name, chart]));
}

/** The pressure report's dashboard-against-truth chart, without the truth lines when they are hidden. */
export function dashboardVsTruth(result: PressureResult, hideTruth: boolean): Chart | undefined {
  const chart = pressureCharts(result).find((candidate) => candidate.name === 'dashboard-vs-truth');
  if (chart === undefined || !hideTruth) return chart;
  const spec = structuredClone(chart.spec) as unknown as {
    data: { values: Array<{ role: string; kpi: string }> };
    layer: Array<{ encoding?: { color?: { scale?: { domain: string[]; range: string[] } } } }>;
  };
  const hidden = new Set(spec.data.values.filter((value) => value.role === TRUTH_ROLE).map((value) => value.kpi));
  spec.data.values = spec.data.values.filter((value) => value.role !== TRUTH_ROLE);
  for (const layer of spec.layer) {
    const scale = layer.encoding?.color?.scale;
    if (scale === undefined) continue;
    const keep = scale.domain.map((label, index) => (hidden.has(label) ? -1 : index)).filter((index) => index >= 0);
    scale.range = keep.map((index) => scale.range[index]!);
    scale.domain = keep.map((index) => scale.domain[index]!);
  }
  return { ...chart, spec: spec as unknown as Chart['spec'] };
}

const EMBED_OPTIONS = { renderer: 'canvas', actions: false, tooltip: { theme: 'light' } };

let drawQueue: Promise<unknown> = Promise.resolve();

/**
 * Charts draw one at a time, each in a task of its own (a macrotask between them), so the
 * page handles input between two charts instead of after all of them.
 */
function drawInTurn<T>(draw: () => Promise<T>): Promise<T> {
  const turn = drawQueue.then(() => new Promise((resolve) => setTimeout(resolve, 0))).then(draw);
  drawQueue = turn.catch(() => undefined);
  return turn;
}

/**
 * Draws a small chart while the page waits for its first replication, so Vega-Lite and Vega
 * are compiled by the JavaScript engine before the first real chart (the first draw of a
 * page otherwise blocks it for several times as long as later ones).
 */
export function warmUpCharts(): void {
  const spec = {
    data: {
      values: [
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ],
    },
    mark: 'line',
    encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
  };
  void drawInTurn(() => window.vegaEmbed(document.createElement('div'), spec, EMBED_OPTIONS)).then(
    (result) => result.view.finalize(),
    () => undefined,
  );
}

/**
 * A figure that redraws a Vega-Lite spec: the new drawing replaces the old only once it is
 * ready (the last result stays on screen), and a spec that arrives while one is drawing
 * waits for it, only the newest kept.
 */
export class ChartSlot {
  private pending: Chart | undefined;
  private drawing = false;
  private view: EmbedResult['view'] | undefined;
  /** Drawings done (the tests wait on it). */
  draws = 0;

  constructor(private readonly element: HTMLElement) {}

  show(chart: Chart | undefined): void {
    this.pending = chart;
    if (!this.drawing) void this.drawNext();
  }

  private async drawNext(): Promise<void> {
    const chart = this.pending;
    this.pending = undefined;
    if (chart === undefined) return;
    this.drawing = true;
    try {
      const target = document.createElement('div');
      const result = await drawInTurn(() => window.vegaEmbed(target, chart.spec, EMBED_OPTIONS));
      this.view?.finalize();
      this.view = result.view;
      this.element.replaceChildren(target);
      this.draws++;
      this.element.dataset.draws = String(this.draws);
      this.element.dataset.chart = chart.name;
    } catch (error) {
      this.element.textContent = `This chart could not be drawn: ${String(error)}`;
    } finally {
      this.drawing = false;
      if (this.pending !== undefined) void this.drawNext();
    }
  }
}
