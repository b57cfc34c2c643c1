/**
 * Reports of the experiment commands — compare, sweep, pressure — from their results
 * (`comparison.json`, `sweep.json`, `pressure.json`, `pressure-matrix.json`): the charts, the
 * findings in words, and a report.html like a run's.
 *
 * The inputs are declared here by the fields the report reads, so this module depends on
 * the shape of those files, not on the code that computes them.
 */
import type { KpiSummary } from '../experiment/statistics.js';
import type { SweepResult } from '../experiment/sweep.js';
import { namedWarnings, type ExperimentWarning } from '../experiment/warnings.js';
import { TRUTH_KPI_IDS, type KpiId } from '../metrics/catalog.js';
import { formatKpiKey, parseKpiKey } from '../metrics/kpi-key.js';
import type { Chart } from './charts/chart.js';
import { compareForestChart, type KpiDifference as ForestRow } from './charts/compare-forest.js';
import { pressureHeatmapChart, type PressureShift } from './charts/pressure-heatmap.js';
import { heatmapCell, heatmapKpis, inSentence, type Difference, type Differences, type PressureInput } from './pressure-charts.js';
import { chartFiles, type RenderedChart } from './charts/chart.js';
import { inProcessRenderer, type ChartRenderer } from './chart-renderer.js';
import { sweepCurvesChart, type SweepPoint as CurvePoint } from './charts/sweep-curves.js';
import { paretoFrontChart } from './charts/pareto-front.js';
import { duration, percent } from './findings.js';
import { formatInterval, formatValue } from './format.js';
import { escapeHtml, renderReportPage, type ReportSection } from './html.js';
import { STANDING_LEGEND, standingCell } from './target-cells.js';
import type { TargetStatus } from '../experiment/targets.js';
import { whoPaysSection, type WhoPaysInput } from './who-pays-section.js';
import { betterDirection, kpiLabel } from './labels.js';

export { pressureCharts, type Difference, type Differences, type PressureInput } from './pressure-charts.js';

/** A table's rows: desk-wide KPIs first, then `tiers.<id>.<kpi>`. */
function rows(table: Differences): Array<[string, Difference]> {
  return [
    ...Object.entries(table.kpis),
    ...Object.entries(table.tiers).flatMap(([tier, kpis]) => Object.entries(kpis).map(([id, difference]): [string, Difference] => [formatKpiKey({ tier, kpi: id }), difference])),
  ];
}

/** A change in words: shares in percentage points, durations humanely, the rest relative; "has no data" when blank. */
export function changeText(id: string, difference: Difference): string {
  if (difference.difference === null) return `${kpiLabel(id)} has no data`;
  const change = difference.difference;
  const verb = change > 0 ? 'rose' : change < 0 ? 'fell' : 'did not move';
  if (change === 0) return `${kpiLabel(id)} ${verb}`;
  if (difference.unit === 'share') return `${kpiLabel(id)} ${verb} ${Math.abs(change * 100).toFixed(Math.abs(change) < 0.1 ? 1 : 0)} points`;
  if (difference.relative !== null && Number.isFinite(difference.relative)) {
    const by = Math.abs(difference.relative * 100);
    const amount = difference.unit === 'minutes' ? ` (${duration(Math.abs(change))})` : '';
    return `${kpiLabel(id)} ${verb} ${by.toFixed(by < 10 ? 1 : 0)} %${amount}`;
  }
  return `${kpiLabel(id)} ${verb} by ${formatValue(Math.abs(change), difference.unit)}`;
}

/** A difference table as an HTML table: reference, other, change with CI, relative change. */
function differenceTableHtml(table: Differences, reference: string, other: string): string {
  const body = rows(table)
    .map(([id, difference]) => {
      const sign = (value: number) => (value > 0 ? '+' : value < 0 ? '−' : '±');
      const signed = (value: number | null) => (value === null ? '—' : `${sign(value)}${formatValue(Math.abs(value), difference.unit)}`);
      const interval = difference.ci95 === null ? '' : ` [${signed(difference.ci95[0])}, ${signed(difference.ci95[1])}]`;
      const relative = difference.relative === null || !Number.isFinite(difference.relative) ? '—' : `${sign(difference.relative)}${Math.abs(difference.relative * 100).toFixed(1)} %`;
      return (
        `<tr${TRUTH_KPI_IDS.has(id) ? ' class="truth"' : ''}><td>${escapeHtml(kpiLabel(id))}</td><td class="id">${escapeHtml(id)}</td>` +
        `<td class="number">${escapeHtml(formatValue(difference.reference_mean, difference.unit))}</td><td class="number">${escapeHtml(formatValue(difference.mean, difference.unit))}</td>` +
        `<td class="number">${escapeHtml(signed(difference.difference) + interval)}</td><td class="number">${escapeHtml(relative)}</td><td>${difference.significant ? 'yes' : ''}</td></tr>`
      );
    })
    .join('\n');
  return (
    `<div class="table-scroll"><table>\n<thead><tr><th>KPI</th><th>id</th><th>${escapeHtml(reference)}</th><th>${escapeHtml(other)}</th><th>change [95 % CI]</th><th>relative</th><th>significant</th></tr></thead>\n` +
    `<tbody>\n${body}\n</tbody>\n</table></div>`
  );
}

// --- compare -----------------------------------------------------------------------------

/** What the report reads of `comparison.json`. */
export interface ComparisonInput {
  version: string;
  seed: number;
  replications: number;
  scenarios: Array<{ label: string; name: string; file: string }>;
  reference: string;
  contrasts: Array<Differences & { scenario: string; who_pays?: WhoPaysInput }>;
  notes: string[];
  warnings?: ExperimentWarning[];
  differences?: Array<{ scenario: string; lines: string[] }>;
  targets?: Array<{ scenario: string; statuses: Array<Pick<TargetStatus, 'kpi' | 'good' | 'verdict' | 'status' | 'mean' | 'unit' | 'ci95'>> }>;
}

/**
 * Every scenario's standing against the targets, one row per KPI and one coloured cell per
 * scenario (its mean and interval under the standing); blank where a scenario has no such target.
 */
function compareTargetsSection(targets: NonNullable<ComparisonInput['targets']>): ReportSection | undefined {
  const kpis = [...new Set(targets.flatMap((entry) => entry.statuses.map((status) => status.kpi)))];
  if (kpis.length === 0) return undefined;
  const body = kpis
    .map((kpi) => {
      const cells = targets.map((entry) => {
        const status = entry.statuses.find((candidate) => candidate.kpi === kpi);
        if (status === undefined) return '<td>—</td>';
        const value = `${formatValue(status.mean, status.unit)} ${formatInterval(status.ci95, status.unit)}`.trim();
        return standingCell(status, `${escapeHtml(value)} <span class="id">(target ${escapeHtml(status.good.trim())})</span>`);
      });
      return `<tr><td>${escapeHtml(kpiLabel(kpi))}</td><td class="id">${escapeHtml(kpi)}</td>${cells.join('')}</tr>`;
    })
    .join('\n');
  const head = targets.map((entry) => `<th>${escapeHtml(entry.scenario)}</th>`).join('');
  return {
    id: 'targets',
    title: 'Targets',
    html:
      `<p>Each scenario against its own targets: ${STANDING_LEGEND}</p>\n` +
      `<div class="table-scroll"><table><thead><tr><th>KPI</th><th>id</th>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>`,
  };
}

/** The forest plot of every contrast. */
export function compareCharts(comparison: ComparisonInput): Chart[] {
  const forest: ForestRow[] = comparison.contrasts.flatMap((contrast) =>
    rows(contrast).flatMap(([kpi, difference]) =>
      difference.difference === null ? [] : [{ kpi, unit: difference.unit, comparison: `${contrast.scenario} − ${comparison.reference}`, difference: difference.difference, ci95: difference.ci95, significant: difference.significant }],
    ),
  );
  return forest.length === 0 ? [] : [compareForestChart(forest)];
}

/** Whether a change is better or worse for customers and the desk; undefined for a KPI with no better direction. */
export function judgement(id: string, difference: Difference): 'better' | 'worse' | undefined {
  const direction = betterDirection(id);
  const change = difference.difference;
  if (direction === null || change === null || change === 0) return undefined;
  return (direction === 'higher') === change > 0 ? 'better' : 'worse';
}

/**
 * Significant changes, the most telling first: by size (the relative change; shares by
 * their change in points, as a share of the whole), then by how far the interval stays from 0.
 */
function ranked(changes: ReadonlyArray<[string, Difference]>): Array<[string, Difference]> {
  const size = (difference: Difference) =>
    difference.unit === 'share' ? Math.abs(difference.difference ?? 0) : Number.isFinite(difference.relative) ? Math.abs(difference.relative ?? 0) : 0;
  const clearance = (difference: Difference) => (difference.ci95 === null ? 0 : Math.min(Math.abs(difference.ci95[0]), Math.abs(difference.ci95[1])));
  return [...changes].sort((a, b) => size(b[1]) - size(a[1]) || clearance(b[1]) - clearance(a[1]));
}

const kpiCount = (count: number) => `${count} KPI${count === 1 ? '' : 's'}`;

/**
 * Each contrast in words: how many KPIs got significantly worse and better (desk-wide and per
 * tier), the biggest of each, the changes with no better direction, and the KPIs with no data.
 * Worse comes first: a cost that fell reads as a win only beside the waits that rose.
 */
export function compareFindings(comparison: ComparisonInput): string[] {
  return comparison.contrasts.flatMap((contrast) => {
    const all = rows(contrast);
    const significant = all.filter(([, difference]) => difference.significant);
    const worse = ranked(significant.filter(([id, difference]) => judgement(id, difference) === 'worse'));
    const better = ranked(significant.filter(([id, difference]) => judgement(id, difference) === 'better'));
    const neutral = ranked(significant.filter(([id, difference]) => judgement(id, difference) === undefined));
    const blank = all.filter(([, difference]) => difference.difference === null).map(([id]) => id);
    const words = (changes: ReadonlyArray<[string, Difference]>) => changes.slice(0, 3).map(([id, difference]) => inSentence(changeText(id, difference))).join('; ');
    const findings: string[] = [];
    if (significant.length === 0) {
      findings.push(`${contrast.scenario} did not differ significantly from ${comparison.reference} on any KPI with data (${comparison.replications} paired replications).`);
    } else {
      findings.push(
        `Against ${comparison.reference}, ${contrast.scenario} is significantly worse on ${kpiCount(worse.length)} and better on ${kpiCount(better.length)}` +
          ` (95 % CI, ${comparison.replications} paired replications, desk-wide and per tier).`,
      );
    }
    if (worse.length > 0) findings.push(`Worse: ${words(worse)}.`);
    if (better.length > 0) findings.push(`Better: ${words(better)}.`);
    if (neutral.length > 0) findings.push(`Changed, neither better nor worse in itself: ${words(neutral)}.`);
    if (blank.length > 0) findings.push(`No data in one run or both (not "no change"): ${blank.map((id) => kpiLabel(id)).join(', ')}.`);
    return findings;
  });
}

/** `report.html` of a comparison. */
export function compareReportHtml(comparison: ComparisonInput, charts: readonly RenderedChart[]): string {
  return renderReportPage({
    title: `desksim comparison: ${comparison.scenarios.map((scenario) => scenario.label).join(' vs ')}`,
    subtitle: `Reference ${comparison.reference}; ${comparison.replications} paired replications with common random numbers (seed ${comparison.seed}), desksim ${comparison.version}`,
    findings: [
      ...(comparison.differences ?? []).map((entry) => `What ${entry.scenario} changes from ${comparison.reference}: ${entry.lines.length === 0 ? 'nothing (the same resolved scenario)' : entry.lines.join('; ')}.`),
      ...(comparison.targets ?? []).map((entry) => `Targets of ${entry.scenario}: ${entry.statuses.length === 0 ? 'none' : entry.statuses.map((status) => `${status.kpi} ${status.verdict} (${status.good.trim()})`).join('; ')}.`),
      ...compareFindings(comparison),
      ...comparison.notes,
    ],
    warnings: namedWarnings(comparison.warnings ?? []),
    charts,
    sections: [
      ...[compareTargetsSection(comparison.targets ?? [])].filter((section) => section !== undefined),
      ...comparison.contrasts.flatMap((contrast): ReportSection[] => [
        {
          id: `contrast-${contrast.scenario}`.replace(/[^A-Za-z0-9_-]+/g, '-'),
          title: `${contrast.scenario} against ${comparison.reference}`,
          html: differenceTableHtml(contrast, comparison.reference, contrast.scenario),
        },
        ...whoPaysSection(`who-pays-${contrast.scenario}`.replace(/[^A-Za-z0-9_-]+/g, '-'), `Who pays: ${contrast.scenario} against ${comparison.reference}, by ticket category`, contrast.who_pays),
      ]),
    ],
  });
}

// --- sweep -------------------------------------------------------------------------------

/** What the report reads of `sweep.json`: all of it (warnings, if any). */
export type SweepInput = Omit<SweepResult, 'warnings'> & { warnings?: ExperimentWarning[] };

/** The summary of a KPI id (`tiers.<id>.<kpi>` included) at a grid point. */
function pointSummary(point: SweepInput['points'][number], kpi: string): KpiSummary | undefined {
  const key = parseKpiKey(kpi);
  return key.tier === undefined ? point.kpis[key.kpi] : point.tiers[key.tier]?.[key.kpi];
}

/** The first numeric parameter goes on the x axis; the others name the lines. */
function sweepAxis(sweep: SweepInput): string | undefined {
  return sweep.parameters.find((parameter) => sweep.points.every((point) => typeof point.parameters[parameter] === 'number'));
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
      const series = others.map((parameter) => `${parameter} = ${JSON.stringify(point.parameters[parameter])}`).join(', ');
      return [{ parameter: point.parameters[axis] as number, kpi, unit: summary.unit, mean: summary.mean, ci95: summary.ci95, ...(series === '' ? {} : { series }) }];
    }),
  );
  return [sweepCurvesChart(axis, points, { subtitle: `${sweep.experiment} on ${sweep.scenario}: mean over ${sweep.replications} replications (line) with its 95 % confidence interval (band)` }), ...paretoCharts(sweep)];
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
      label: sweep.parameters.map((parameter) => `${parameter} = ${JSON.stringify(point.parameters[parameter])}`).join(', '),
      means: front.kpis.map(({ kpi }) => pointSummary(point, kpi)!.mean!),
      optimal: front.optimal.includes(number),
    };
  });
  return [paretoFrontChart(points, front.kpis.map((entry, index) => ({ ...entry, unit: units[index]! })))];
}

/** How each headline KPI moves across the grid, in words. */
export function sweepFindings(sweep: SweepInput): string[] {
  const axis = sweepAxis(sweep);
  const first = sweep.points[0];
  const last = sweep.points[sweep.points.length - 1];
  if (first === undefined || last === undefined) return [];
  const values = (point: SweepInput['points'][number]) => sweep.parameters.map((parameter) => JSON.stringify(point.parameters[parameter])).join(', ');
  const grid = `${sweep.points.length} grid points of ${sweep.parameters.join(' × ')}, from (${values(first)}) to (${values(last)})${axis === undefined ? '' : `; the charts put ${axis} across`}.`;
  return [
    grid,
    ...paretoFindings(sweep),
    ...sweep.kpis.flatMap((kpi) => {
      const from = pointSummary(first, kpi);
      const to = pointSummary(last, kpi);
      if (from?.mean == null || to?.mean == null) return [`${kpiLabel(kpi)}: no data at the first or the last point.`];
      const head = `${kpiLabel(kpi)}: ${formatValue(from.mean, from.unit)} at the first point, ${formatValue(to.mean, to.unit)} at the last`;
      // Points are not paired here: only intervals that do not overlap tell the two apart.
      const apart = from.ci95 !== null && to.ci95 !== null && (from.ci95[1] < to.ci95[0] || to.ci95[1] < from.ci95[0]);
      if (!apart) return [`${head} — their 95 % intervals overlap: no clear difference.`];
      const direction = betterDirection(kpi);
      const verdict = direction === null ? '' : (direction === 'higher') === to.mean > from.mean ? ', better' : ', worse';
      return [`${head} (95 % intervals apart${verdict}).`];
    }),
  ];
}

/** The front and the points it discards, in words (with `--pareto`). */
export function paretoFindings(sweep: SweepInput): string[] {
  const front = sweep.pareto;
  if (front === undefined) return [];
  const names = front.kpis.map(({ kpi, better }) => `${kpiLabel(kpi)} (${better} is better)`).join(', ');
  const findings = [`Pareto front on ${names}: point(s) ${front.optimal.join(', ')} — no other point is at least as good on every one and better on one (by the means).`];
  const clearly = front.dominated.filter((entry) => entry.clearly);
  const withinNoise = front.dominated.filter((entry) => !entry.clearly);
  const list = (entries: typeof clearly) => entries.map((entry) => `${entry.point} (by ${entry.by})`).join(', ');
  if (clearly.length > 0) findings.push(`Dominated, so discarded: ${list(clearly)} — each is beaten beyond the 95 % intervals on at least one KPI.`);
  if (withinNoise.length > 0) {
    findings.push(
      `Dominated by the means only, within the 95 % intervals: ${list(withinNoise)} — the difference may be noise, so these cannot be ` +
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
          return summary === undefined ? '—' : `${formatValue(summary.mean, summary.unit)} ${formatInterval(summary.ci95, summary.unit)}`;
        }),
      ];
      return `<tr>${cells.map((cell) => `<td class="number">${escapeHtml(cell)}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return renderReportPage({
    title: `desksim sweep: ${sweep.experiment}`,
    subtitle: `${sweep.description ? `${sweep.description} — ` : ''}scenario ${sweep.scenario}, ${sweep.points.length} grid points × ${sweep.replications} replications, seed ${sweep.seed}, desksim ${sweep.version}`,
    findings: sweepFindings(sweep),
    warnings: namedWarnings(sweep.warnings ?? []),
    charts,
    sections: [
      {
        id: 'grid',
        title: 'Every grid point',
        html: `<p>Mean [95 % CI] of the headline KPIs; every KPI of every point is in sweep.json and sweep.csv.</p>\n<div class="table-scroll"><table>\n<thead><tr>${header.map((cell) => `<th>${escapeHtml(cell === 'point' || sweep.parameters.includes(cell) ? cell : kpiLabel(cell))}</th>`).join('')}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`,
      },
    ],
  });
}

// --- pressure ----------------------------------------------------------------------------

/** What the report reads of `pressure-matrix.json`. */
export interface PressureMatrixInput {
  scenario: string;
  version: string;
  seed: number;
  replications: number;
  level: number;
  rows: Array<{ kpi: string; change: Differences }>;
  warnings?: ExperimentWarning[];
}

/** The heat map of a pressure matrix: one column per targeted KPI. */
export function pressureMatrixCharts(matrix: PressureMatrixInput): Chart[] {
  const first = matrix.rows[0];
  if (first === undefined) return [];
  const kpis = heatmapKpis(first.change);
  const shifts: PressureShift[] = matrix.rows.flatMap((row) => kpis.map((kpi) => heatmapCell(kpi, kpiLabel(row.kpi), row.change.kpis[kpi])));
  return [
    pressureHeatmapChart(shifts, {
      columnTitle: `KPI under pressure ${matrix.level}`,
      columns: matrix.rows.map((row) => kpiLabel(row.kpi)),
      subtitle: `Each column: pressure ${matrix.level} on one KPI. Cell: every KPI's change relative to no pressure; colour: better (green) or worse (red)`,
    }),
  ];
}

/** "First response time fell 62 % while true resolution rate fell 9 points" at the highest pressure. */
export function pressureFindings(pressure: PressureInput): string[] {
  const last = pressure.steps[pressure.steps.length - 1];
  if (last === undefined || last.pressure === 0) return [];
  const targeted = last.change.kpis[pressure.kpi];
  const findings: string[] = [];
  const truth = (['true_resolution_rate', 'true_satisfaction_mean', 'hidden_failure_share', 'true_resolution_time_mean'] satisfies KpiId[])
    .map((id): [string, Difference | undefined] => [id, last.change.kpis[id]])
    .filter((entry): entry is [string, Difference] => entry[1] !== undefined && entry[1].difference !== null && entry[1].difference !== 0);
  if (targeted !== undefined && targeted.difference !== null) {
    const worse = truth.filter(([id, difference]) => {
      const direction = betterDirection(id);
      return direction !== null && (direction === 'higher' ? difference.difference! < 0 : difference.difference! > 0);
    });
    const head = `At pressure ${last.pressure}, ${inSentence(changeText(pressure.kpi, targeted))}`;
    findings.push(worse.length === 0 ? `${head}; no truth KPI got worse.` : `${head} while ${worse.slice(0, 2).map(([id, difference]) => inSentence(changeText(id, difference))).join(' and ')}.`);
  }
  const moved = rows(last.change).filter(([id, difference]) => difference.significant && id !== pressure.kpi && !id.startsWith('tiers.'));
  findings.push(`${moved.length} other desk-wide KPI${moved.length === 1 ? '' : 's'} moved significantly (95 % CI) under pressure ${last.pressure}.`);
  const hidden = last.change.kpis.hidden_failure_share;
  if (hidden?.mean != null) findings.push(`${percent(hidden.mean)} of resolved tickets were not really fixed at pressure ${last.pressure} (${percent(hidden.reference_mean ?? 0)} with none).`);
  return findings;
}

/** `report.html` of a pressure experiment. */
export function pressureReportHtml(pressure: PressureInput, charts: readonly RenderedChart[]): string {
  return renderReportPage({
    title: `desksim pressure on ${inSentence(kpiLabel(pressure.kpi))}: ${pressure.scenario}`,
    subtitle: `Pressure levels ${pressure.levels.join(', ')}; ${pressure.replications} paired replications each (seed ${pressure.seed}), desksim ${pressure.version}`,
    findings: pressureFindings(pressure),
    warnings: namedWarnings(pressure.warnings ?? []),
    charts,
    sections: pressure.steps
      .filter((step) => step.pressure > 0)
      .flatMap((step) => [
        { id: `pressure-${String(step.pressure).replace('.', '_')}`, title: `Pressure ${step.pressure} against none`, html: differenceTableHtml(step.change, 'no pressure', `pressure ${step.pressure}`) },
        ...whoPaysSection(`who-pays-${String(step.pressure).replace('.', '_')}`, `Who pays at pressure ${step.pressure}, by ticket category`, step.who_pays),
      ]),
  });
}

/** `report.html` of a pressure matrix. */
export function pressureMatrixReportHtml(matrix: PressureMatrixInput, charts: readonly RenderedChart[]): string {
  return renderReportPage({
    title: `desksim pressure matrix: ${matrix.scenario}`,
    warnings: namedWarnings(matrix.warnings ?? []),
    subtitle: `Pressure ${matrix.level} on each incentive KPI in turn; ${matrix.replications} paired replications (seed ${matrix.seed}), desksim ${matrix.version}`,
    findings: matrix.rows.map((row) => {
      const own = row.change.kpis[row.kpi];
      const truth = row.change.kpis.true_resolution_rate;
      return `Pressure on ${inSentence(kpiLabel(row.kpi))}: ${own === undefined ? 'no value' : inSentence(changeText(row.kpi, own))}${truth === undefined ? '' : `; ${inSentence(changeText('true_resolution_rate', truth))}`}.`;
    }),
    charts,
    sections: matrix.rows.map((row) => ({ id: `matrix-${row.kpi}`, title: `Pressure on ${inSentence(kpiLabel(row.kpi))}`, html: differenceTableHtml(row.change, 'no pressure', `pressure ${matrix.level}`) })),
  });
}

/** Renders an experiment's charts and writes them with its report.html through `write`. */
export async function writeExperimentReport(
  charts: readonly Chart[],
  html: (rendered: readonly RenderedChart[]) => string,
  write: (path: string, content: string) => void,
  renderer: ChartRenderer = inProcessRenderer(),
): Promise<RenderedChart[]> {
  const rendered = await renderer.render(charts);
  for (const chart of rendered) for (const [path, content] of chartFiles(chart)) write(path, content);
  write('report.html', html(rendered));
  return rendered;
}
