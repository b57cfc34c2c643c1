/**
 * Waits and service level by hour of day × weekday (the hour a ticket arrived): two heat
 * maps side by side, long waits and low service levels dark red, so the hours the roster
 * leaves short show at a glance.
 */
import { chart, round, type Chart } from './chart.js';
import { hourAxis, WEEKDAY_AXIS } from './week-axes.js';

/** One hour × weekday cell (see src/staffing/week-hours.ts). */
export interface WeekHeatCell {
  weekday: string;
  hour: number;
  tickets: number;
  meanWait: number | null;
  serviceLevel: number | null;
}

/** The heat maps; `threshold` is the service level's wait in words ("1h"). */
export function weekHeatmapChart(cells: readonly WeekHeatCell[], threshold: string): Chart {
  const values = cells.map((cell) => ({
    weekday: cell.weekday,
    hour: cell.hour,
    tickets: cell.tickets,
    wait: cell.meanWait === null ? null : round(cell.meanWait / 60, 4),
    level: cell.serviceLevel === null ? null : round(cell.serviceLevel, 4),
  }));
  const x = hourAxis('hour of day (ticket arrived)');
  const y = WEEKDAY_AXIS;
  const tooltip = [
    { field: 'weekday', title: 'day' },
    { field: 'hour', title: 'hour' },
    { field: 'tickets', title: 'tickets queued' },
    { field: 'wait', title: 'mean queue wait (hours)', format: '.2f' },
    { field: 'level', title: `within ${threshold}`, format: '.0%' },
  ];
  const panel = (field: 'wait' | 'level', title: string, color: Record<string, unknown>) => ({
    title: { text: title, fontSize: 12, anchor: 'start' },
    width: 336,
    height: 140,
    mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
    transform: [{ filter: `datum.${field} !== null` }],
    encoding: { x, y, color: { field, type: 'quantitative', ...color }, tooltip },
  });
  return chart(
    'week-heatmap',
    'Waits and service level by hour of the week',
    `First replication: tickets by the local hour they arrived; service level = share whose total queue wait was ` +
      `within ${threshold} (abandoned ones miss)`,
    {
      data: { values },
      hconcat: [
        panel('wait', 'Mean queue wait (hours)', {
          scale: { scheme: 'reds' },
          legend: { title: 'hours', orient: 'bottom', gradientLength: 140 },
        }),
        panel('level', `Service level (within ${threshold})`, {
          scale: { domain: [0, 1], range: ['#c0392b', '#f4f4f4', '#1e8449'] },
          legend: { title: 'share', format: '.0%', orient: 'bottom', gradientLength: 140 },
        }),
      ],
      resolve: { scale: { color: 'independent' } },
    },
  );
}
