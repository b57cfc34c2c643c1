/**
 * The charts of a run, from its summary, first replication's tickets and daily series. Apart
 * from `run-report.ts` (which renders them into files), so the browser page draws the same.
 */
import type { KpiSummary } from '../experiment/statistics.js';
import { KPI_CATALOG, TIER_KPI_CATALOG, TRUTH_KPI_IDS, type TierKpiId } from '../metrics/catalog.js';
import { formatKpiKey } from '../metrics/kpi-key.js';
import type { DailySeries } from '../metrics/daily.js';
import type { Chart } from './charts/chart.js';
import type { DailyPoint } from './charts/daily-lines.js';
import { dailySlaChart } from './charts/daily-sla.js';
import { dailyVolumeChart } from './charts/daily-volume.js';
import { dailyWaitsChart } from './charts/daily-waits.js';
import { kpiDashboardChart, type KpiEstimate } from './charts/kpi-dashboard.js';
import type { ResolvedTickets } from '../experiment/replication.js';
import { resolutionTimeChart } from './charts/resolution-time.js';
import { tierUtilizationChart } from './charts/tier-utilization.js';
import { weekHeatmapChart, type WeekHeatCell } from './charts/week-heatmap.js';
import { tierLabel } from './labels.js';
import type { TargetStatus } from '../experiment/targets.js';

/** What a run's report is made from. */
export interface RunReportInput {
  summary: {
    scenario: string;
    seed: number;
    replications: number;
    version: string;
    warnings?: ReadonlyArray<{ code: string; message: string }>;
    kpis: Record<string, KpiSummary>;
    tiers: Record<string, Record<string, KpiSummary>>;
  };
  /** The resolved tickets of the first replication (the rows of its `tickets.csv`). */
  resolved: ResolvedTickets;
  /** The daily series averaged over replications (`daily.csv`), if computed. */
  daily?: DailySeries;
  /** Priority ids in the scenario's order (urgent first). */
  priorities: readonly string[];
  tiers: readonly string[];
  measuredDays: number;
  /** `scenario.resolved.yaml`. */
  scenarioYaml: string;
  description?: string;
  /** Waits and service level by hour of the week (first replication), for the heat map. */
  weekHours?: { cells: readonly WeekHeatCell[]; threshold: string };
  /** The KPIs' standing against the scenario's `targets:`; none ⇒ nothing is marked. */
  targets?: readonly TargetStatus[];
  /**
   * Set for one event log's report (`desksim metrics`): the log's name. Its figures are the
   * log's own values, with no interval, and the words say so instead of "replications".
   */
  log?: string;
}

/** Every KPI of a summary as a dashboard estimate: desk-wide, truth, then per tier. */
export function runEstimates(summary: RunReportInput['summary']): KpiEstimate[] {
  const estimates: KpiEstimate[] = KPI_CATALOG.flatMap((kpi) => {
    const value = summary.kpis[kpi.id];
    return value === undefined
      ? []
      : [{ id: kpi.id, unit: value.unit, mean: value.mean, ci95: value.ci95, truth: TRUTH_KPI_IDS.has(kpi.id) }];
  });
  for (const [tier, values] of Object.entries(summary.tiers)) {
    for (const kpi of TIER_KPI_CATALOG) {
      const value = values[kpi.id];
      if (value !== undefined)
        estimates.push({
          id: formatKpiKey({ tier, kpi: kpi.id }),
          unit: value.unit,
          mean: value.mean,
          ci95: value.ci95,
        });
    }
  }
  return estimates;
}

/**
 * The calendar date of a daily row. `start` is the day's local midnight as an ISO instant;
 * twelve hours later is inside the same local day for every UTC offset from −12 to +12.
 */
function dayOf(start: string): string {
  return new Date(Date.parse(start) + 12 * 3600_000).toISOString().slice(0, 10);
}

/** A daily column as points of one series. */
export function dailyPoints(
  daily: DailySeries,
  columns: ReadonlyArray<[column: string, series: string]>,
): DailyPoint[] {
  const startIndex = daily.columns.indexOf('start');
  const points: DailyPoint[] = [];
  for (const [column, series] of columns) {
    const index = daily.columns.indexOf(column);
    if (index === -1 || startIndex === -1) continue;
    for (const row of daily.rows) {
      const value = row[index];
      points.push({ day: dayOf(String(row[startIndex])), series, value: typeof value === 'number' ? value : null });
    }
  }
  return points;
}

/** The charts of a run, in the order the report shows them. */
export function runCharts(input: RunReportInput): Chart[] {
  const replications = `${input.summary.replications} replication${input.summary.replications === 1 ? '' : 's'}`;
  const dashboardSubtitle =
    input.log === undefined
      ? `Mean over ${replications} with its 95 % confidence interval; observed KPIs beside the truth they stand for`
      : `Every KPI of the log ${input.log} (one log: no confidence interval); a simulated log also carries the truth`;
  const dashboard = kpiDashboardChart(runEstimates(input.summary), dashboardSubtitle);
  const charts: Chart[] = [input.log === undefined ? dashboard : retitled(dashboard, 'Every KPI of the log')];
  const resolutionSubtitle =
    input.log === undefined
      ? undefined
      : `Resolved tickets of the log: the share of each priority’s tickets per time bin (y axis, %), with the median ` +
        `(p50) and the 90th percentile (p90)`;
  if (input.resolved.minutes.length > 0)
    charts.push(resolutionTimeChart(input.resolved, input.priorities, resolutionSubtitle));
  const daily = input.daily;
  if (daily !== undefined && daily.rows.length > 0) {
    const tierColumns = (kpi: TierKpiId) =>
      input.tiers.map((tier): [string, string] => [formatKpiKey({ tier, kpi }), tierLabel(tier)]);
    const volume = dailyVolumeChart(
      dailyPoints(daily, [
        ['tickets_created', 'Tickets created'],
        ['resolved', 'Tickets resolved'],
        ['backlog', 'Backlog at day end'],
      ]),
    );
    const waits = dailyWaitsChart(dailyPoints(daily, tierColumns('queue_wait_mean')), input.tiers.map(tierLabel));
    const sla = dailySlaChart(
      dailyPoints(daily, [
        ['sla_first_response_compliance', 'First response'],
        ['sla_resolution_compliance', 'Resolution'],
      ]),
    );
    const utilization = tierUtilizationChart(
      dailyPoints(daily, [...tierColumns('utilization'), ['utilization', 'All agents']]),
      [...input.tiers.map(tierLabel), 'All agents'],
    );
    for (const chart of [volume, waits, sla, utilization]) {
      // A series the log does not record (a help desk's export has no queue events) is all null: no chart.
      const values = (chart.spec as { data?: { values?: Array<{ value?: unknown }> } }).data?.values ?? [];
      if (values.some((point) => point.value !== null && point.value !== undefined))
        charts.push(
          withSubtitle(
            chart,
            input.log === undefined ? `Mean over ${replications}, day by day` : 'The log, day by day',
          ),
        );
    }
  }
  if (input.weekHours !== undefined && input.weekHours.cells.length > 0)
    charts.push(weekHeatmapChart(input.weekHours.cells, input.weekHours.threshold));
  return charts;
}

/** A chart under another title (a log's dashboard has no confidence intervals to announce). */
function retitled(chart: Chart, text: string): Chart {
  const title = (chart.spec as { title?: { text: string; subtitle?: string } }).title;
  return { ...chart, title: text, spec: { ...chart.spec, title: { ...title, text } } as Chart['spec'] };
}

/** The daily charts' data are means over replications: the subtitle says so. */
function withSubtitle(chart: Chart, prefix: string): Chart {
  const title = (chart.spec as { title?: { text: string; subtitle?: string } }).title;
  if (title?.subtitle === undefined) return chart;
  const subtitle = title.subtitle.replace(/^First replication: /, '');
  return {
    ...chart,
    spec: { ...chart.spec, title: { ...title, subtitle: `${prefix}: ${subtitle}` } } as Chart['spec'],
  };
}
