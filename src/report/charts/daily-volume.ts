/** Tickets arriving each day and the backlog of open tickets at the end of each day. */
import type { Chart } from './chart.js';
import { dailyLineChart, type DailyPoint } from './daily-lines.js';

/** Daily arrivals and backlog (tickets); series named e.g. "Tickets created", "Backlog at day end". */
export function dailyVolumeChart(points: readonly DailyPoint[]): Chart {
  return dailyLineChart(points, {
    name: 'daily-volume',
    title: 'Arrivals and backlog per day',
    subtitle: 'First replication: tickets created each day and tickets still open at the end of it',
    unit: 'tickets',
    measure: 'Tickets',
  });
}
