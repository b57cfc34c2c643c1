/**
 * The report of `desksim sweep` (src/report/experiment-reports.ts): curves, the Pareto
 * front, findings in words, and its report.html.
 */
import type { KpiSummary } from '../experiment/statistics.js';
import type { SweepResult } from '../experiment/sweep.js';
import { type ExperimentWarning, namedWarnings } from '../experiment/warnings.js';
import { parseKpiKey } from '../metrics/kpi-key.js';
import type { Chart, RenderedChart } from './charts/chart.js';
import { paretoFrontChart } from './charts/pareto-front.js';
import { type SweepPoint as CurvePoint, sweepCurvesChart } from './charts/sweep-curves.js';
import { formatInterval, formatValue } from './format.js';
import { escapeHtml, renderReportPage } from './html.js';
import { betterDirection, kpiLabel } from './labels.js';

/** What the report reads of `sweep.json`: all of it (warnings, if any). */
export type SweepInput = Omit<SweepResult, 'warnings'> & { warnings?: ExperimentWarning[] };

/** The summary of a KPI id (`tiers.<id>.<kpi>` included) at a grid point. */
export function pointSummary(point: SweepInput['points'][number], kpi: string): KpiSummary | undefined {
  const key = parseKpiKey(kpi);
  return key.tier === undefined ? point.kpis[key.kpi] : point.tiers[key.tier]?.[key.kpi];
}

/** The first numeric parameter goes on the x axis; the others name the lines. */
function sweepAxis(sweep: SweepInput): string | undefined {
  return sweep.parameters.find((parameter) =>
    sweep.points.every((point) => typeof point.parameters[parameter] === 'number'),
  );
}

/** KPI curves against the swept parameter (when one is numeric). */
export function sweepCharts(sweep: SweepInput): Chart[] {
  const axis = sweepAxis(sweep);
  if (axis === undefined) return paretoCharts(sweep);
  const others = sweep.parameters.filter((parameter) => parameter !== axis);
  const points: CurvePoint[] = sweep.points.flatMap((point) =>
    sweep.kpis.flatMap((kpi) => {
      const summary = pointSummary(point, kpi);
      if (summary === undefined) return [];
      const series = others
        .map((parameter) => `${parameter} = ${JSON.stringify(point.parameters[parameter])}`)
        .join(', ');
      return [
        {
          parameter: point.parameters[axis] as number,
          kpi,
          unit: summary.unit,
          mean: summary.mean,
          ci95: summary.ci95,
          ...(series === '' ? {} : { series }),
        },
      ];
    }),
  );
  return [
    sweepCurvesChart(axis, points, {
      subtitle:
        `${sweep.experiment} on ${sweep.scenario}: mean over ${sweep.replications} replications (line) with its 95 % ` +
        `confidence interval (band)`,
    }),
    ...paretoCharts(sweep),
  ];
}

/** With `--pareto`: the front on the KPIs named. */
function paretoCharts(sweep: SweepInput): Chart[] {
  const front = sweep.pareto;
  if (front === undefined) return [];
  const byPoint = new Map(sweep.points.map((point) => [point.point, point]));
  const units = front.kpis.map(({ kpi }) => pointSummary(sweep.points[0]!, kpi)?.unit ?? '');
  const points = [...front.optimal, ...front.dominated.map((entry) => entry.point)].map((number) => {
    const point = byPoint.get(number)!;
    return {
      point: number,
      label: sweep.parameters
        .map((parameter) => `${parameter} = ${JSON.stringify(point.parameters[parameter])}`)
        .join(', '),
      means: front.kpis.map(({ kpi }) => pointSummary(point, kpi)!.mean!),
      optimal: front.optimal.includes(number),
    };
  });
  return [
    paretoFrontChart(
      points,
      front.kpis.map((entry, index) => ({ ...entry, unit: units[index]! })),
    ),
  ];
}

/** How each headline KPI moves across the grid, in words. */
export function sweepFindings(sweep: SweepInput): string[] {
  const axis = sweepAxis(sweep);
  const first = sweep.points[0];
  const last = sweep.points[sweep.points.length - 1];
  if (first === undefined || last === undefined) return [];
  const values = (point: SweepInput['points'][number]) =>
    sweep.parameters.map((parameter) => JSON.stringify(point.parameters[parameter])).join(', ');
  const grid =
    `${sweep.points.length} grid points of ${sweep.parameters.join(' × ')}, from (${values(first)}) to ` +
    `(${values(last)})${axis === undefined ? '' : `; the charts put ${axis} across`}.`;
  return [
    grid,
    ...paretoFindings(sweep),
    ...sweep.kpis.flatMap((kpi) => {
      const from = pointSummary(first, kpi);
      const to = pointSummary(last, kpi);
      if (from?.mean == null || to?.mean == null) return [`${kpiLabel(kpi)}: no data at the first or the last point.`];
      const head =
        `${kpiLabel(kpi)}: ${formatValue(from.mean, from.unit)} at the first point, ${formatValue(to.mean, to.unit)} ` +
        `at the last`;
      // Points are not paired here: only intervals that do not overlap tell the two apart.
      const apart = from.ci95 !== null && to.ci95 !== null && (from.ci95[1] < to.ci95[0] || to.ci95[1] < from.ci95[0]);
      if (!apart) return [`${head} — their 95 % intervals overlap: no clear difference.`];
      const direction = betterDirection(kpi);
      const verdict =
        direction === null ? '' : (direction === 'higher') === to.mean > from.mean ? ', better' : ', worse';
      return [`${head} (95 % intervals apart${verdict}).`];
    }),
  ];
}

/** The front and the points it discards, in words (with `--pareto`). */
export function paretoFindings(sweep: SweepInput): string[] {
  const front = sweep.pareto;
  if (front === undefined) return [];
  const names = front.kpis.map(({ kpi, better }) => `${kpiLabel(kpi)} (${better} is better)`).join(', ');
  const findings = [
    `Pareto front on ${names}: point(s) ${front.optimal.join(', ')} — no other point is at least as good on every ` +
      `one and better on one (by the means).`,
  ];
  const clearly = front.dominated.filter((entry) => entry.clearly);
  const withinNoise = front.dominated.filter((entry) => !entry.clearly);
  const list = (entries: typeof clearly) => entries.map((entry) => `${entry.point} (by ${entry.by})`).join(', ');
  if (clearly.length > 0)
    findings.push(
      `Dominated, so discarded: ${list(clearly)} — each is beaten beyond the 95 % intervals on at least one KPI.`,
    );
  if (withinNoise.length > 0) {
    findings.push(
      `Dominated by the means only, within the 95 % intervals: ${list(withinNoise)} — the difference may be noise, ` +
        `so these cannot be ` +
        'discarded yet; more replications would tell.',
    );
  }
  if (front.unknown.length > 0) findings.push(`Without a value on every KPI, left out: ${front.unknown.join(', ')}.`);
  return findings;
}

/** `report.html` of a sweep. */
export function sweepReportHtml(sweep: SweepInput, charts: readonly RenderedChart[]): string {
  const header = ['point', ...sweep.parameters, ...sweep.kpis];
  const body = sweep.points
    .map((point) => {
      const cells = [
        String(point.point),
        ...sweep.parameters.map((parameter) => JSON.stringify(point.parameters[parameter])),
        ...sweep.kpis.map((kpi) => {
          const summary = pointSummary(point, kpi);
          return summary === undefined
            ? '—'
            : `${formatValue(summary.mean, summary.unit)} ${formatInterval(summary.ci95, summary.unit)}`;
        }),
      ];
      return `<tr>${cells.map((cell) => `<td class="number">${escapeHtml(cell)}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return renderReportPage({
    title: `desksim sweep: ${sweep.experiment}`,
    subtitle:
      `${sweep.description ? `${sweep.description} — ` : ''}scenario ${sweep.scenario}, ${sweep.points.length} grid ` +
      `points × ${sweep.replications} replications, seed ${sweep.seed}, desksim ${sweep.version}`,
    findings: sweepFindings(sweep),
    warnings: namedWarnings(sweep.warnings ?? []),
    charts,
    sections: [
      {
        id: 'grid',
        title: 'Every grid point',
        html:
          `<p>Mean [95 % CI] of the headline KPIs; every KPI of every point is in sweep.json and sweep.csv.</p>\n` +
          `<div class="table-scroll"><table>\n<thead><tr>${header
            .map(
              (cell) =>
                `<th>${escapeHtml(cell === 'point' || sweep.parameters.includes(cell) ? cell : kpiLabel(cell))}</th>`,
            )
            .join('')}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`,
      },
    ],
  });
}
