/**
 * The report of a run: its charts (`charts/*.vl.json`, `charts/*.svg`) and `report.html`.
 *
 *   summary (KPIs with CIs) ─┬─▶ KPI dashboard, findings, KPI table
 *   tickets (1st rep.)      ─┼─▶ resolution time by priority
 *   daily series (mean)     ─┴─▶ daily volume, waits, SLA, utilization by tier
 *                                   └─ render (vega-lite → vega → SVG) ─▶ report.html
 */
import { KPI_CATALOG, TIER_KPI_CATALOG, TRUTH_KPI_CATALOG } from '../metrics/catalog.js';
import { chartFiles, type RenderedChart } from './charts/chart.js';
import { inProcessRenderer, type ChartRenderer } from './chart-renderer.js';
import { runFindings } from './findings.js';
import { escapeHtml, renderReportPage } from './html.js';
import { kpiTableHtml, runKpiGroups } from './kpi-table.js';
import { runCharts, type RunReportInput } from './run-charts.js';

export { dailyPoints, runCharts, runEstimates, type RunReportInput } from './run-charts.js';
import { kpiName } from './labels.js';
import { formatInterval, formatValue } from './format.js';
import type { TargetStatus } from '../experiment/targets.js';
import { STANDING_LEGEND, standingCell } from './target-cells.js';

/** The targets table: each KPI's mean and interval, coloured by its standing. */
function targetsSection(targets: readonly TargetStatus[]): { id: string; title: string; html: string } {
  const rows = targets
    .map(
      (target) =>
        `<tr><td>${escapeHtml(kpiName(target.kpi))}</td><td class="id">${escapeHtml(target.kpi)}</td>` +
        `<td>${escapeHtml(target.good)}${target.warn === undefined ? '' : ` (warn ${escapeHtml(target.warn)})`}</td>` +
        `<td class="number">${escapeHtml(formatValue(target.mean, target.unit))}</td><td ` +
        `class="number">${escapeHtml(formatInterval(target.ci95, target.unit) || '—')}</td>` +
        `${standingCell(target)}</tr>`,
    )
    .join('\n');
  return {
    id: 'targets',
    title: 'Targets',
    html:
      `<p>The scenario's targets: ${STANDING_LEGEND}</p>\n` +
      `<table><thead><tr><th>KPI</th><th>id</th><th>target</th><th>mean</th><th>95 % ` +
      `CI</th><th>standing</th></tr></thead>\n<tbody>\n${rows}\n</tbody></table>`,
  };
}

/** Days to one decimal, whole days without one: a log's window is rarely whole days. */
function formatDays(days: number): string {
  return Number.isInteger(days) ? String(days) : days.toFixed(1);
}

/** `report.html` of a run. */
export function runReportHtml(input: RunReportInput, charts: readonly RenderedChart[]): string {
  const { summary } = input;
  return renderReportPage({
    title: `desksim report: ${summary.scenario}`,
    subtitle:
      input.log !== undefined
        ? `${input.description ? `${input.description} — ` : ''}the event log ${input.log}, ` +
          `${formatDays(input.measuredDays)} measured days, desksim ${summary.version}`
        : `${input.description ? `${input.description} — ` : ''}${summary.replications} ` +
          `replication${summary.replications === 1 ? '' : 's'} of ${input.measuredDays} measured days, ` +
          `seed ${summary.seed}, desksim ${summary.version}`,
    warnings: summary.warnings,
    findings: [
      ...(input.targets ?? []).map((target) =>
        (
          `${kpiName(target.kpi)} (${target.kpi}) ${target.verdict} its target ${target.good.trim()}: ` +
          `${formatValue(target.mean, target.unit)} ${formatInterval(target.ci95, target.unit)}`
        ).trimEnd(),
      ),
      ...runFindings({
        kpis: summary.kpis,
        tiers: summary.tiers,
        replications: summary.replications,
        measuredDays: input.log === undefined ? input.measuredDays : undefined,
        log: input.log,
      }),
    ],
    charts,
    sections: [
      ...(input.targets !== undefined && input.targets.length > 0 ? [targetsSection(input.targets)] : []),
      {
        id: 'kpis',
        title: 'Every KPI',
        html:
          (input.log === undefined
            ? '<p>Mean over replications with its 95 % confidence interval (Student t); durations as days, hours and ' +
              'minutes. Hover a name for its definition.</p>\n'
            : '<p>The value of each KPI in the log (one log: no confidence interval); durations as days, hours and ' +
              'minutes. Hover a name for its definition.</p>\n') +
          kpiTableHtml(
            runKpiGroups(summary, { observed: KPI_CATALOG, truth: TRUTH_KPI_CATALOG, tier: TIER_KPI_CATALOG }),
          ),
      },
      {
        id: 'scenario',
        title: 'The scenario, resolved',
        html:
          `<p>Every default and override applied; durations in minutes ` +
          `(<code>scenario.resolved.yaml</code>).</p>\n<details><summary>Show the ` +
          `scenario</summary>\n<pre>${escapeHtml(input.scenarioYaml)}</pre>\n</details>`,
      },
    ],
  });
}

/** Writes a run's charts and `report.html` through `write(path, content)`. */
export async function writeRunReport(
  input: RunReportInput,
  write: (path: string, content: string) => void,
  renderer: ChartRenderer = inProcessRenderer(),
): Promise<RenderedChart[]> {
  const charts = await renderer.render(runCharts(input));
  for (const chart of charts) for (const [path, content] of chartFiles(chart)) write(path, content);
  write('report.html', runReportHtml(input, charts));
  return charts;
}
