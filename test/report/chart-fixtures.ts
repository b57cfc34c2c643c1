/** Hand-made inputs for every chart, small enough to read, shaped like real runs. */
import type { Chart } from '../../src/report/charts/chart.js';
import { compareForestChart } from '../../src/report/charts/compare-forest.js';
import { dailySlaChart } from '../../src/report/charts/daily-sla.js';
import { dailyVolumeChart } from '../../src/report/charts/daily-volume.js';
import { dailyWaitsChart } from '../../src/report/charts/daily-waits.js';
import { dashboardVsTruthChart } from '../../src/report/charts/dashboard-vs-truth.js';
import { kpiDashboardChart } from '../../src/report/charts/kpi-dashboard.js';
import { pressureHeatmapChart } from '../../src/report/charts/pressure-heatmap.js';
import { resolutionTimeChart } from '../../src/report/charts/resolution-time.js';
import { resolvedTickets } from '../../src/experiment/replication.js';
import { sweepCurvesChart } from '../../src/report/charts/sweep-curves.js';
import { tierUtilizationChart } from '../../src/report/charts/tier-utilization.js';

const days = ['2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16', '2026-01-17', '2026-01-18'];

/** A chart of every kind, from hand-made numbers. */
export function fixtureCharts(): Chart[] {
  return [
    kpiDashboardChart([
      { id: 'tickets_created', unit: 'tickets', mean: 3300, ci95: [3250, 3350] },
      { id: 'first_response_time_mean', unit: 'minutes', mean: 190, ci95: [170, 210] },
      { id: 'queue_wait_mean', unit: 'minutes', mean: 42, ci95: [38, 46] },
      { id: 'resolution_time_mean', unit: 'minutes', mean: 590, ci95: [560, 620] },
      { id: 'utilization', unit: 'share', mean: 0.62, ci95: [0.6, 0.64] },
      { id: 'csat_satisfied_share', unit: 'share', mean: 0.82, ci95: [0.8, 0.84] },
      { id: 'csat_mean', unit: 'score', mean: 4.1, ci95: [4.05, 4.15] },
      { id: 'nps', unit: 'score', mean: 18, ci95: [15, 21] },
      { id: 'cost_per_ticket', unit: 'currency', mean: 27.5, ci95: [27, 28] },
      { id: 'true_resolution_time_mean', unit: 'minutes', mean: 640, ci95: [600, 680], truth: true },
      { id: 'true_satisfied_share', unit: 'share', mean: 0.69, ci95: [0.67, 0.71], truth: true },
      { id: 'true_satisfaction_mean', unit: 'score', mean: 3.7, ci95: [3.65, 3.75], truth: true },
      { id: 'hidden_failure_share', unit: 'share', mean: 0.12, ci95: [0.1, 0.14], truth: true },
      { id: 'tiers.tier1.utilization', unit: 'share', mean: 0.88, ci95: [0.86, 0.9] },
    ]),
    resolutionTimeChart(
      resolvedTickets(
        Array.from({ length: 400 }, (_, index) => ({
          priority: ['urgent', 'high', 'normal', 'low'][index % 4]!,
          minutes: 5 * 1.03 ** index,
        })),
      ),
      ['urgent', 'high', 'normal', 'low'],
    ),
    dailyVolumeChart(
      days.flatMap((day, index) => [
        { day, series: 'Tickets created', value: index < 5 ? 160 + index * 5 : 50 },
        { day, series: 'Backlog at day end', value: 120 + index * 8 },
      ]),
    ),
    dailyWaitsChart(
      days.flatMap((day, index) => [
        { day, series: 'Tier 1', value: 20 + index * 3 },
        { day, series: 'Tier 2', value: 200 + index * 30 },
      ]),
    ),
    dailySlaChart(
      days.flatMap((day, index) => [
        { day, series: 'First response', value: 0.95 - index * 0.01 },
        { day, series: 'Resolution', value: 0.8 - index * 0.02 },
      ]),
    ),
    tierUtilizationChart(
      days.flatMap((day, index) => [
        { day, series: 'Tier 1', value: index < 5 ? 0.88 : 0.4 },
        { day, series: 'Tier 2', value: index < 5 ? 0.64 : null },
      ]),
    ),
    compareForestChart([
      {
        kpi: 'first_response_time_mean',
        unit: 'minutes',
        comparison: 'understaffed − baseline',
        difference: 12,
        ci95: [-4, 28],
        significant: false,
      },
      {
        kpi: 'resolution_time_mean',
        unit: 'minutes',
        comparison: 'understaffed − baseline',
        difference: 300,
        ci95: [220, 380],
        significant: true,
      },
      {
        kpi: 'sla_resolution_compliance',
        unit: 'share',
        comparison: 'understaffed − baseline',
        difference: -0.12,
        ci95: [-0.15, -0.09],
        significant: true,
      },
      {
        kpi: 'csat_mean',
        unit: 'score',
        comparison: 'understaffed − baseline',
        difference: -0.1,
        ci95: [-0.2, 0.0],
        significant: false,
      },
    ]),
    sweepCurvesChart(
      'tiers.tier1.agents',
      [4, 5, 6, 7, 8].flatMap((agents) => [
        {
          parameter: agents,
          kpi: 'first_response_time_mean',
          unit: 'minutes',
          mean: 600 / agents,
          ci95: [560 / agents, 640 / agents] as [number, number],
        },
        {
          parameter: agents,
          kpi: 'utilization',
          unit: 'share',
          mean: 3.6 / agents,
          ci95: [3.4 / agents, 3.8 / agents] as [number, number],
        },
        {
          parameter: agents,
          kpi: 'cost_per_ticket',
          unit: 'currency',
          mean: 20 + agents * 2,
          ci95: [19 + agents * 2, 21 + agents * 2] as [number, number],
        },
      ]),
    ),
    pressureHeatmapChart(
      ['0.25', '0.5', '0.75', '1'].flatMap((column, index) => [
        { kpi: 'first_response_time_mean', column, relativeShift: -0.16 * (index + 1) },
        { kpi: 'true_resolution_rate', column, relativeShift: -0.03 * (index + 1) },
        { kpi: 'csat_mean', column, relativeShift: -0.01 * index },
        { kpi: 'tickets_created', column, relativeShift: 0.02 * index },
      ]),
      { columnTitle: 'Pressure on first response time', targeted: 'first_response_time_mean' },
    ),
    dashboardVsTruthChart(
      [0, 0.25, 0.5, 0.75, 1].flatMap((pressure) => [
        {
          pressure,
          kpi: 'first_response_time_mean',
          role: 'targeted' as const,
          change: -0.62 * pressure,
          ci95: [-0.62 * pressure - 0.03, -0.62 * pressure + 0.03] as [number, number],
        },
        { pressure, kpi: 'true_resolution_rate', role: 'truth' as const, change: -0.1 * pressure },
        { pressure, kpi: 'true_satisfaction_mean', role: 'truth' as const, change: -0.05 * pressure },
      ]),
    ),
  ];
}
