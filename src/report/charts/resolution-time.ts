/**
 * How long resolved tickets took, by priority: a histogram on a logarithmic time axis (a
 * resolution takes minutes to weeks) with the median (p50) and the 90th percentile (p90)
 * marked and labelled. Bins are computed here, so the spec carries a few dozen bars rather
 * than every ticket.
 */
import { formatDuration } from '../../engine/duration.js';
import { selectQuantile } from '../../metrics/statistics.js';
import type { ResolvedTickets } from '../../experiment/replication.js';
import { chart, COLORS, round, type Chart } from './chart.js';

/** Bins per factor of ten. */
const BINS_PER_DECADE = 5;
/** Shorter resolutions are drawn in the first bin (a minute). */
const SHORTEST = 1;

/** Axis ticks: humane durations, in hours. */
const TICKS: ReadonlyArray<[hours: number, label: string]> = [
  [1 / 60, '1 min'],
  [10 / 60, '10 min'],
  [1, '1 h'],
  [4, '4 h'],
  [24, '1 day'],
  [7 * 24, '1 week'],
  [30 * 24, '30 days'],
];

/**
 * Each priority's resolution times (finite and not negative), in table order: counted first, then placed, so 800,000
 * tickets make one typed array per priority and no list. Codes of one name share it.
 */
function resolutionsByPriority(tickets: ResolvedTickets): Map<string, Float64Array> {
  const names = new Map<string, number>();
  const nameOfCode = tickets.priorities.map((name) => {
    if (!names.has(name)) names.set(name, names.size);
    return names.get(name)!;
  });
  const kept = (minutes: number) => Number.isFinite(minutes) && minutes >= 0;
  const sizes = new Int32Array(names.size);
  for (let index = 0; index < tickets.minutes.length; index++)
    if (kept(tickets.minutes[index]!)) sizes[nameOfCode[tickets.priority[index]!]!]!++;
  const samples = Array.from(sizes, (size) => new Float64Array(size));
  const filled = new Int32Array(names.size);
  for (let index = 0; index < tickets.minutes.length; index++) {
    const minutes = tickets.minutes[index]!;
    if (!kept(minutes)) continue;
    const name = nameOfCode[tickets.priority[index]!]!;
    samples[name]![filled[name]!++] = minutes;
  }
  // Priorities without a resolved ticket are left out (the chart's order is set by the caller's list, then by name).
  const byPriority = new Map<string, Float64Array>();
  for (const [name, code] of names) if (sizes[code]! > 0) byPriority.set(name, samples[code]!);
  return byPriority;
}

/** The histogram of resolution times by priority, with p50 and p90 rules. */
export function resolutionTimeChart(tickets: ResolvedTickets, priorities: readonly string[], subtitle?: string): Chart {
  const byPriority = resolutionsByPriority(tickets);
  const order = [
    ...priorities.filter((priority) => byPriority.has(priority)),
    ...[...byPriority.keys()].filter((priority) => !priorities.includes(priority)).sort(),
  ];
  const bins: Array<Record<string, unknown>> = [];
  const marks: Array<Record<string, unknown>> = [];
  let longest = 60;
  for (const priority of order) {
    const sample = byPriority.get(priority)!;
    let slowest = Number.NEGATIVE_INFINITY;
    for (let position = 0; position < sample.length; position++)
      if (sample[position]! > slowest) slowest = sample[position]!;
    longest = Math.max(longest, slowest);
    // Bin indices are ≥ 0 (nothing is shorter than SHORTEST) and few: counted in an array by
    // index, read back in index order (a map per ticket cost a second on 800,000 tickets).
    const counts = new Array<number>(Math.floor(Math.log10(Math.max(slowest, SHORTEST)) * BINS_PER_DECADE) + 1).fill(0);
    for (let position = 0; position < sample.length; position++) {
      counts[Math.floor(Math.log10(Math.max(sample[position]!, SHORTEST)) * BINS_PER_DECADE)]!++;
    }
    for (let index = 0; index < counts.length; index++) {
      const count = counts[index]!;
      if (count === 0) continue;
      bins.push({
        priority,
        from: round(10 ** (index / BINS_PER_DECADE) / 60),
        to: round(10 ** ((index + 1) / BINS_PER_DECADE) / 60),
        share: round(count / sample.length),
        range:
          `${formatDuration(10 ** (index / BINS_PER_DECADE))} – ` +
          `${formatDuration(10 ** ((index + 1) / BINS_PER_DECADE))}`,
        tickets: count,
      });
    }
    // By selection, not by sorting the sample (the same type-7 quantiles): 0.1 s less on 780,000 tickets.
    for (const [statistic, probability] of [
      ['p50', 0.5],
      ['p90', 0.9],
    ] as const) {
      const minutes = selectQuantile(sample, probability)!;
      marks.push({
        priority,
        statistic,
        hours: round(Math.max(minutes, SHORTEST) / 60),
        label: `${statistic} ${formatDuration(Math.round(minutes))}`,
        tickets: sample.length,
      });
    }
  }
  const ticks = TICKS.filter((_tick, index) => index === 0 || TICKS[index - 1]![0] * 60 <= longest);
  const labels = ticks.map(([hours, label]) => `datum.value == ${round(hours)} ? '${label}'`).join(' : ') + " : ''";
  const x = {
    type: 'quantitative',
    title: 'Resolution time (created → last resolved; logarithmic scale)',
    scale: { type: 'log', domain: [ticks[0]![0], Math.max(longest / 60, ticks[ticks.length - 1]![0])], nice: false },
    axis: { values: ticks.map(([hours]) => round(hours)), labelExpr: labels, grid: true },
  };
  return chart(
    'resolution-time',
    'Resolution time by priority',
    subtitle ??
      'Resolved tickets of the first replication: the share of each priority’s tickets per time bin (y axis, %), ' +
        'with the median (p50) and the 90th percentile (p90)',
    {
      data: {
        values: [
          ...bins.map((bin) => ({ layer: 'bin', ...bin })),
          ...marks.map((mark) => ({ layer: 'mark', ...mark })),
        ],
      },
      facet: {
        row: {
          field: 'priority',
          type: 'nominal',
          sort: order,
          title: null,
          header: { labelAngle: 0, labelAlign: 'left', labelFontWeight: 'bold' },
        },
      },
      spacing: 10,
      spec: {
        width: 560,
        height: 80,
        layer: [
          {
            transform: [{ filter: "datum.layer == 'bin'" }],
            mark: { type: 'rect', color: COLORS.observed, opacity: 0.8, stroke: 'white', strokeWidth: 0.5 },
            encoding: {
              x: { field: 'from', ...x },
              x2: { field: 'to' },
              y: { field: 'share', type: 'quantitative', title: null, axis: { format: '.0%', tickCount: 3 } },
              tooltip: [
                { field: 'priority', title: 'priority' },
                { field: 'range', title: 'resolution time' },
                { field: 'tickets', title: 'tickets' },
                { field: 'share', title: 'share of priority', format: '.1%' },
              ],
            },
          },
          {
            transform: [{ filter: "datum.layer == 'mark'" }],
            mark: { type: 'rule', strokeWidth: 1.5 },
            encoding: {
              x: { field: 'hours', ...x },
              color: {
                field: 'statistic',
                type: 'nominal',
                scale: { domain: ['p50', 'p90'], range: ['#222222', COLORS.truth] },
                legend: { title: 'quantile', orient: 'top' },
              },
              strokeDash: {
                field: 'statistic',
                type: 'nominal',
                scale: {
                  domain: ['p50', 'p90'],
                  range: [
                    [1, 0],
                    [5, 3],
                  ],
                },
              },
              tooltip: [
                { field: 'priority' },
                { field: 'label', title: 'quantile' },
                { field: 'tickets', title: 'resolved tickets' },
              ],
            },
          },
          ...(['p50', 'p90'] as const).map((statistic, index) => ({
            transform: [{ filter: `datum.layer == 'mark' && datum.statistic == '${statistic}'` }],
            mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: index === 0 ? '#222222' : COLORS.truth },
            encoding: { x: { field: 'hours', ...x }, y: { value: 9 + index * 14 }, text: { field: 'label' } },
          })),
        ],
      },
    },
  );
}
