/**
 * The analytic staffing heat map: for each tier, hour of day × weekday, the agents Erlang
 * says the hour needs (after shrinkage) beside the agents rostered, and the gap between them
 * — red where the roster is short, blue where it has more than the formulas ask for.
 */
import { chart, type Chart } from './chart.js';
import { hourAxis, WEEKDAY_AXIS } from './week-axes.js';

/** One hour × weekday cell of one tier. */
export interface StaffHeatCell {
  tier: string;
  weekday: string;
  hour: number;
  arrivalsPerHour: number;
  needed: number;
  rostered: number;
}

/** Needed, rostered and the gap, one row of three heat maps per tier. */
export function staffHeatmapChart(
  cells: readonly StaffHeatCell[],
  shrinkage: number,
  rosteredTitle = 'rostered',
): Chart {
  const tiers = [...new Set(cells.map((cell) => cell.tier))];
  const largest = Math.max(1, ...cells.flatMap((cell) => [cell.needed, cell.rostered]));
  const widestGap = Math.max(1, ...cells.map((cell) => Math.abs(cell.rostered - cell.needed)));
  const x = hourAxis('hour of day');
  const y = WEEKDAY_AXIS;
  const tooltip = [
    { field: 'tier', title: 'tier' },
    { field: 'weekday', title: 'day' },
    { field: 'hour', title: 'hour' },
    { field: 'arrivals', title: 'arrivals/hour', format: '.1f' },
    { field: 'needed', title: 'needed (Erlang, after shrinkage)' },
    { field: 'rostered', title: 'rostered' },
  ];
  const panel = (tier: string, field: 'needed' | 'rostered' | 'gap', title: string) => ({
    title: { text: `${tier}: ${title}`, fontSize: 12, anchor: 'start' },
    width: 312,
    height: 126,
    transform: [{ filter: { field: 'tier', equal: tier } }],
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          color:
            field === 'gap'
              ? {
                  field: 'gap',
                  type: 'quantitative',
                  scale: { domain: [-widestGap, 0, widestGap], range: ['#c0392b', '#f4f4f4', '#2e6ab0'] },
                  legend: { title: 'rostered − needed', orient: 'right', gradientLength: 110 },
                }
              : {
                  field,
                  type: 'quantitative',
                  scale: { domain: [0, largest], scheme: 'blues' },
                  legend: { title: 'agents', orient: 'right', gradientLength: 110 },
                },
          tooltip,
        },
      },
      {
        mark: { type: 'text', fontSize: 8, color: '#222222' },
        encoding: { text: { field, type: 'quantitative', format: field === 'gap' ? '+d' : 'd' } },
      },
    ],
  });
  const values = cells.map((cell) => ({
    tier: cell.tier,
    weekday: cell.weekday,
    hour: cell.hour,
    arrivals: Number(cell.arrivalsPerHour.toFixed(3)),
    needed: cell.needed,
    rostered: cell.rostered,
    gap: cell.rostered - cell.needed,
  }));
  return chart(
    'staff-heatmap',
    'Agents needed by the formulas beside agents rostered, hour × weekday',
    `Needed: Erlang C/A for the targets, grossed up for ${(shrinkage * 100).toFixed(0)} % shrinkage (the worst ` +
      `week); ${rosteredTitle}: on shift mid-hour (the thinnest week)`,
    {
      data: { values },
      vconcat: tiers.map((tier) => ({
        hconcat: [panel(tier, 'needed', 'needed'), panel(tier, 'rostered', rosteredTitle), panel(tier, 'gap', 'gap')],
        resolve: { scale: { color: 'independent' } },
      })),
      resolve: { scale: { color: 'independent' } },
    },
  );
}
