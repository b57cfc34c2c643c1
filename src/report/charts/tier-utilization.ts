/** Agent utilization per tier over time: busy time as a share of on-shift time. */
import type { Chart } from './chart.js';
import { dailyLineChart, type DailyPoint } from './daily-lines.js';

/** Daily utilization (share, 0..1) with one series per tier. */
export function tierUtilizationChart(points: readonly DailyPoint[], tiers?: readonly string[]): Chart {
  return dailyLineChart(points, {
    name: 'tier-utilization',
    title: 'Agent utilization by tier, day by day',
    subtitle: 'First replication: busy time / on-shift time of each tier’s agents',
    unit: 'share',
    measure: 'Utilization',
    seriesTitle: 'tier',
    series: tiers,
  });
}
