/**
 * Segments and daily series over replications, as the tables `segments.csv` and
 * `daily.csv` hold them: per segment and KPI the mean with its 95 % CI; per day the mean of
 * each column over the replications that had a value.
 */
import { KPI_CATALOG, kpiRange } from '../metrics/catalog.js';
import type { DailySeries } from '../metrics/daily.js';
import type { Segment } from '../metrics/segments.js';
import { summarize } from './statistics.js';

/** Columns of `segments.csv`. */
export const SEGMENT_COLUMNS = ['dimension', 'segment', 'kpi', 'unit', 'mean', 'ci_low', 'ci_high', 'n'] as const;

/**
 * Rows of `segments.csv` from each replication's segments (one replication: its values, no
 * CI). A segment missing from a replication (no ticket of it there) contributes nothing.
 */
export function segmentRows(replications: ReadonlyArray<readonly Segment[]>): Array<Array<string | number | null>> {
  const units = new Map<string, string>(KPI_CATALOG.map((kpi) => [kpi.id, kpi.unit]));
  const order = new Map<string, number>(KPI_CATALOG.map((kpi, index) => [kpi.id, index]));
  const dimensionOrder = ['channel', 'category', 'priority', 'tier', 'agent'];
  const cells = new Map<string, { dimension: string; segment: string; kpi: string; values: Array<number | null> }>();
  for (const segments of replications) {
    for (const { dimension, segment, values } of segments) {
      for (const [kpi, value] of Object.entries(values)) {
        const key = `${dimension}\u0000${segment}\u0000${kpi}`;
        let cell = cells.get(key);
        if (cell === undefined) cells.set(key, (cell = { dimension, segment, kpi, values: [] }));
        cell.values.push(value);
      }
    }
  }
  const sorted = [...cells.values()].sort(
    (a, b) =>
      dimensionOrder.indexOf(a.dimension) - dimensionOrder.indexOf(b.dimension) ||
      (a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0) ||
      order.get(a.kpi)! - order.get(b.kpi)!,
  );
  return sorted.map(({ dimension, segment, kpi, values }) => {
    const summary = summarize(values, units.get(kpi) ?? '', kpiRange(kpi));
    return [
      dimension,
      segment,
      kpi,
      summary.unit,
      summary.mean,
      summary.ci95?.[0] ?? null,
      summary.ci95?.[1] ?? null,
      summary.n,
    ];
  });
}

/** The daily series averaged over replications (same days in each), column by column. */
export function averageDaily(replications: readonly DailySeries[]): DailySeries {
  const first = replications[0];
  if (first === undefined) return { columns: [], rows: [] };
  const rows = first.rows.map((row, rowIndex) =>
    row.map((cell, column) => {
      if (typeof cell === 'string' || column === 0) return cell;
      let sum = 0;
      let count = 0;
      for (const series of replications) {
        const value = series.rows[rowIndex]?.[column];
        if (typeof value === 'number' && Number.isFinite(value)) {
          sum += value;
          count++;
        }
      }
      return count === 0 ? null : sum / count;
    }),
  );
  return { columns: first.columns, rows };
}
