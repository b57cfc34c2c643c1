/** Mean queue wait per tier, day by day: where and when tickets waited. */
import type { Chart } from './chart.js';
import { dailyLineChart, type DailyPoint } from './daily-lines.js';

/** Daily mean queue wait (minutes) with one series per tier. */
export function dailyWaitsChart(points: readonly DailyPoint[], tiers?: readonly string[]): Chart {
  return dailyLineChart(points, {
    name: 'daily-waits',
    title: 'Queue wait per tier, day by day',
    subtitle: 'First replication: mean wait before an agent took the ticket, by the day it entered the queue',
    unit: 'minutes',
    measure: 'Queue wait, mean',
    seriesTitle: 'tier',
    series: tiers,
  });
}
