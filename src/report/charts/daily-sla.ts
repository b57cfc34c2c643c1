/** SLA compliance day by day: the share of tickets meeting their priority's targets. */
import type { Chart } from './chart.js';
import { dailyLineChart, type DailyPoint } from './daily-lines.js';

/** Daily SLA compliance (shares, 0..1); series e.g. "First response", "Resolution". */
export function dailySlaChart(points: readonly DailyPoint[]): Chart {
  return dailyLineChart(points, {
    name: 'daily-sla',
    title: 'SLA compliance per day',
    subtitle: 'First replication: tickets created that day that met their priority’s target',
    unit: 'share',
    measure: 'Tickets within target',
    seriesTitle: 'target',
  });
}
