/**
 * The resolution-time histogram's numbers, from the resolved tickets' columns: worked out by hand on a small table.
 */
import { describe, expect, it } from 'vitest';
import { resolutionTimeChart } from '../../src/report/charts/resolution-time.js';

type Row = Record<string, unknown>;
const rows = (spec: object) => (spec as { data: { values: Row[] } }).data.values;

describe('resolution-time chart data', () => {
  it('bins and quantiles per priority; codes of one name together; unresolved or negative times left out', () => {
    const chart = resolutionTimeChart(
      {
        // Codes 0 and 2 are both "(none)": their tickets are one priority. "low" has no resolved ticket.
        priorities: ['(none)', 'high', '(none)', 'low'],
        priority: Int32Array.from([0, 1, 2, 1, 0, 1, 3]),
        minutes: Float64Array.from([100, 10, 30, 20, 60, Number.NaN, -5]),
      },
      ['high', 'low', '(none)'],
    );
    const marks = rows(chart.spec).filter((row) => row.layer === 'mark');
    // high: [10, 20] → p50 15 (position 0.5), p90 19 (position 0.9). (none): [100, 30, 60] → sorted 30, 60, 100:
    // p50 60, p90 at position 1.8 → 60 + 0.8 · 40 = 92.
    expect(marks.map((mark) => [mark.priority, mark.statistic, mark.tickets, mark.label])).toEqual([
      ['high', 'p50', 2, 'p50 15m'],
      ['high', 'p90', 2, 'p90 19m'],
      ['(none)', 'p50', 3, 'p50 1h'],
      ['(none)', 'p90', 3, 'p90 1h 32m'],
    ]);
    // Bins of five per decade: 10 → index 5, 20 → 6 (log10 20 · 5 = 6.5), 30 → 7, 60 → 8, 100 → 10.
    const bins = rows(chart.spec).filter((row) => row.layer === 'bin');
    expect(bins.map((bin) => [bin.priority, bin.tickets])).toEqual([
      ['high', 1],
      ['high', 1],
      ['(none)', 1],
      ['(none)', 1],
      ['(none)', 1],
    ]);
  });
});
