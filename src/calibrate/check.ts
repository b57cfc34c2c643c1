/**
 * `calibrate --check`: the calibrated scenario's KPIs beside the log's. The log is one
 * realisation of the desk, so each KPI of the log is held against the simulation's 95 %
 * prediction interval for one replication (mean ± t · sd · √(1 + 1/n) over the
 * replications), not against the narrower confidence interval of the simulation's mean:
 * inside it, the KPI is reproduced.
 */
import { tQuantile95 } from '../experiment/statistics.js';
import type { RunResult } from '../experiment/run.js';
import { KPI_CATALOG, TIER_KPI_CATALOG, TRUTH_KPI_IDS } from '../metrics/catalog.js';
import { formatKpiKey } from '../metrics/kpi-key.js';
import type { DailySeries } from '../metrics/daily.js';
import type { KpiTable } from '../metrics/engine.js';
import type { Chart, RenderedChart } from '../report/charts/chart.js';
import { dailyLineChart, type DailyPoint } from '../report/charts/daily-lines.js';
import { resolvedTickets } from '../experiment/replication.js';
import { resolutionTimeChart } from '../report/charts/resolution-time.js';
import { toCsv } from '../document/csv.js';
import { formatValue } from '../report/format.js';
import { escapeHtml, renderReportPage } from '../report/html.js';

/** One KPI of the log beside the simulation's. */
export interface CheckRow {
  id: string;
  unit: string;
  log: number;
  simulated: number;
  /** 95 % prediction interval of one replication's value. */
  interval: [number, number];
  reproduced: boolean;
}

const REAL = 'Real log';
const SIMULATED = 'Simulated';

/** The log's KPIs against the run's, every KPI both have (truth KPIs never: a real log has no truth). */
export function checkRows(log: KpiTable, run: RunResult): CheckRow[] {
  const rows: CheckRow[] = [];
  const add = (
    id: string,
    unit: string,
    logValue: number | null | undefined,
    values: Array<number | null | undefined>,
  ) => {
    const present = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
    if (logValue === null || logValue === undefined || present.length < 2) return;
    const n = present.length;
    const mean = present.reduce((sum, value) => sum + value, 0) / n;
    const sd = Math.sqrt(present.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1));
    const half = tQuantile95(n) * sd * Math.sqrt(1 + 1 / n);
    // A KPI that is never negative in the simulation (a wait, a count, a share) has an interval that is not either.
    const floor = present.every((value) => value >= 0) ? 0 : -Infinity;
    const interval: [number, number] = [Math.max(floor, mean - half), mean + half];
    rows.push({
      id,
      unit,
      log: logValue,
      simulated: mean,
      interval,
      reproduced: logValue >= interval[0] && logValue <= interval[1],
    });
  };
  for (const kpi of KPI_CATALOG) {
    if (TRUTH_KPI_IDS.has(kpi.id)) continue;
    add(
      kpi.id,
      kpi.unit,
      log.values[kpi.id],
      run.outcomes.map((outcome) => outcome.kpis.values[kpi.id]),
    );
  }
  for (const [tier, values] of Object.entries(log.tiers)) {
    for (const kpi of TIER_KPI_CATALOG)
      add(
        formatKpiKey({ tier, kpi: kpi.id }),
        kpi.unit,
        values[kpi.id],
        run.outcomes.map((outcome) => outcome.kpis.tiers[tier]?.[kpi.id]),
      );
  }
  return rows;
}

/** `check.csv`: one row per KPI. */
export function checkCsv(rows: readonly CheckRow[]): string {
  return toCsv(
    ['kpi', 'unit', 'log', 'simulated_mean', 'interval_low', 'interval_high', 'verdict'],
    rows.map((row) => [
      row.id,
      row.unit,
      row.log,
      row.simulated,
      row.interval[0],
      row.interval[1],
      row.reproduced ? 'reproduced' : 'not reproduced',
    ]),
  );
}

/** The check as a terminal table. */
export function checkText(rows: readonly CheckRow[]): string {
  const table = rows.map((row) => [
    row.id,
    formatValue(row.log, row.unit),
    formatValue(row.simulated, row.unit),
    `[${formatValue(row.interval[0], row.unit)}, ${formatValue(row.interval[1], row.unit)}]`,
    row.reproduced ? 'reproduced' : `NOT reproduced (simulation ${row.simulated > row.log ? 'higher' : 'lower'})`,
  ]);
  const header = ['KPI', 'log', 'simulated', '95 % prediction interval', 'verdict'];
  const widths = header.map((title, column) => Math.max(title.length, ...table.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  const reproduced = rows.filter((row) => row.reproduced).length;
  return [line(header), ...table.map(line), `${reproduced} of ${rows.length} KPIs reproduced.`].join('\n') + '\n';
}

/** What the check's charts and report are made of. */
export interface CheckReportInput {
  name: string;
  rows: readonly CheckRow[];
  logDaily: DailySeries;
  simulatedDaily: DailySeries;
  logResolutionMinutes: readonly number[];
  simulatedResolutionMinutes: readonly number[];
  replications: number;
  scenarioYaml: string;
}

/** Above this many days a daily line is a blur: the volume is drawn per week instead. */
const LONGEST_DAILY = 120;

function volumePoints(series: DailySeries, name: string, weekly: boolean): DailyPoint[] {
  const start = series.columns.indexOf('start');
  const created = series.columns.indexOf('tickets_created');
  const points = series.rows.map((row) => ({
    day: String(row[start]).slice(0, 10),
    series: name,
    value: typeof row[created] === 'number' ? (row[created] as number) : null,
  }));
  if (!weekly) return points;
  // Weeks from Monday (UTC); a week's point is dated by its Monday and sums its days.
  const weeks = new Map<string, DailyPoint>();
  for (const point of points) {
    const date = new Date(`${point.day}T00:00:00Z`);
    const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86400000).toISOString().slice(0, 10);
    const week = weeks.get(monday) ?? { day: monday, series: name, value: null };
    if (point.value !== null) week.value = (week.value ?? 0) + point.value;
    weeks.set(monday, week);
  }
  return [...weeks.values()];
}

/** Daily volume, and resolution times, real beside simulated. */
export function checkCharts(input: CheckReportInput): Chart[] {
  const resolved = resolvedTickets([
    ...input.logResolutionMinutes.map((minutes) => ({ priority: REAL, minutes })),
    ...input.simulatedResolutionMinutes.map((minutes) => ({ priority: SIMULATED, minutes })),
  ]);
  const weekly = input.logDaily.rows.length > LONGEST_DAILY;
  const period = weekly ? 'week' : 'day';
  const volume = dailyLineChart(
    [...volumePoints(input.logDaily, REAL, weekly), ...volumePoints(input.simulatedDaily, SIMULATED, weekly)],
    {
      name: 'daily-volume',
      title: `Tickets created per ${period}, real and simulated`,
      subtitle: `The log, and the calibrated scenario's mean over ${input.replications} replications`,
      unit: 'tickets',
      measure: `Tickets created per ${period}`,
      series: [REAL, SIMULATED],
    },
  );
  const resolution = resolutionTimeChart(
    resolved,
    [REAL, SIMULATED],
    "Real log, and the simulation's first replication",
  );
  const title = {
    text: 'Resolution time, real and simulated',
    subtitle: "Real log, and the simulation's first replication",
  };
  return [volume, { ...resolution, title: title.text, spec: { ...resolution.spec, title } as Chart['spec'] }];
}

/** `report.html` of the check. */
export function checkReportHtml(input: CheckReportInput, charts: readonly RenderedChart[]): string {
  const reproduced = input.rows.filter((row) => row.reproduced);
  const missed = input.rows.filter((row) => !row.reproduced);
  const findings = [
    `${reproduced.length} of ${input.rows.length} KPIs of the log fall inside the calibrated simulation's 95 % ` +
      `prediction interval for one replication (${input.replications} replications).`,
    ...(missed.length === 0
      ? []
      : [
          `Not reproduced: ${missed
            .map(
              (row) =>
                `${row.id} (log ${formatValue(row.log, row.unit)}, ` +
                `simulated ${formatValue(row.simulated, row.unit)})`,
            )
            .join('; ')}.`,
        ]),
    'KPIs the log cannot support (blank in its metrics) and truth KPIs are not compared.',
  ];
  const table =
    '<table class="kpis"><thead><tr><th>KPI</th><th>log</th><th>simulated (mean)</th><th>95 % prediction ' +
    'interval</th><th>verdict</th></tr></thead><tbody>\n' +
    input.rows
      .map(
        (row) =>
          `<tr><td>${escapeHtml(row.id)}</td><td>${escapeHtml(formatValue(row.log, row.unit))}</td><td>` +
          `${escapeHtml(formatValue(row.simulated, row.unit))}</td>` +
          `<td>[${escapeHtml(formatValue(row.interval[0], row.unit))}, ` +
          `${escapeHtml(formatValue(row.interval[1], row.unit))}]</td>` +
          `<td>${row.reproduced ? 'reproduced' : '<strong>not reproduced</strong>'}</td></tr>`,
      )
      .join('\n') +
    '\n</tbody></table>';
  return renderReportPage({
    title: `desksim calibration check: ${input.name}`,
    subtitle: `The log's KPIs beside the calibrated scenario's, ${input.replications} replications`,
    findings,
    charts,
    sections: [
      {
        id: 'kpis',
        title: 'Real beside simulated',
        html:
          `<p>The log is one realisation: its value is held against the interval one replication falls in 95 % of ` +
          `the time.</p>\n${table}`,
      },
      {
        id: 'scenario',
        title: 'The calibrated scenario',
        html: `<details><summary>Show desk.yaml</summary>\n<pre>${escapeHtml(input.scenarioYaml)}</pre>\n</details>`,
      },
    ],
  });
}
