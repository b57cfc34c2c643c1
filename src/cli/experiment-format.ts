/** Terminal renderings of experiment results: changes, significance marks, aligned tables. */
import { formatDuration } from '../engine/duration.js';
import type { KpiDifference } from '../experiment/compare.js';
import type { KpiSummary } from '../experiment/statistics.js';
import { formatInterval, formatValue } from '../report/format.js';

/** The mark of a significant change (its 95 % interval excludes 0). */
export const SIGNIFICANT_MARK = '*';

/** A signed change in the KPI's unit: minutes humanely, shares in percentage points. */
export function formatChange(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (value === 0) return '0';
  const sign = value > 0 ? '+' : '−';
  const size = Math.abs(value);
  switch (unit) {
    case 'minutes':
      return `${sign}${formatDuration(size)}`;
    case 'share':
      return `${sign}${(size * 100).toFixed(1)} pp`;
    default:
      return `${sign}${formatValue(size, unit === 'agents' ? 'tickets' : unit)}`;
  }
}

/** A relative change as a signed percentage: "+12.3%", "−0.4%", "0%". */
export function formatRelative(value: number | null): string {
  if (value === null) return '—';
  if (value === 0) return '0%';
  const percent = value * 100;
  const digits = Math.abs(percent) >= 100 ? 0 : 1;
  return `${percent > 0 ? '+' : '−'}${Math.abs(percent).toFixed(digits)}%`;
}

/** The 95 % interval of a change, "[−3m, +1m]". */
export function formatChangeInterval(difference: KpiDifference): string {
  if (difference.ci95 === null) return '';
  return `[${formatChange(difference.ci95[0], difference.unit)}, ${formatChange(difference.ci95[1], difference.unit)}]`;
}

/** A p-value as usually printed: "<0.001", "0.042", "1". */
export function formatPValue(value: number | null): string {
  if (value === null) return '—';
  if (value < 0.001) return '<0.001';
  if (value === 1) return '1';
  return value.toFixed(3);
}

/**
 * A KPI summary as "mean ±half-width" (the 95 % interval's half-width); as "mean [lo – hi]"
 * when the interval was clipped at the KPI's range and is no longer symmetric.
 */
export function formatMeanPlusMinus(summary: KpiSummary | undefined): string {
  if (summary === undefined) return '—';
  const mean = formatValue(summary.mean, summary.unit);
  if (summary.ci95 === null || summary.mean === null) return mean;
  const half = (summary.ci95[1] - summary.ci95[0]) / 2;
  const below = summary.mean - summary.ci95[0];
  const above = summary.ci95[1] - summary.mean;
  if (Math.abs(below - above) > 1e-9 * Math.max(1, Math.abs(summary.mean)))
    return `${mean} ${formatInterval(summary.ci95, summary.unit)}`;
  return `${mean} ±${summary.unit === 'minutes' ? formatDuration(half) : formatValue(half, summary.unit)}`;
}

/**
 * Rows aligned in columns: the first column left-aligned, the others right-aligned (numbers
 * line up). A row of one cell is a heading and spans the table.
 */
export function alignedTable(rows: ReadonlyArray<readonly string[]>, indent = '  '): string {
  const widths: number[] = [];
  for (const row of rows) {
    if (row.length < 2) continue;
    row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, [...cell].length)));
  }
  const pad = (cell: string, width: number, left: boolean) => {
    const fill = ' '.repeat(Math.max(0, width - [...cell].length));
    return left ? cell + fill : fill + cell;
  };
  return (
    rows
      .map((row) =>
        row.length < 2
          ? `${indent}${row[0] ?? ''}`
          : indent +
            row
              .map((cell, index) => pad(cell, widths[index]!, index === 0))
              .join('  ')
              .trimEnd(),
      )
      .join('\n') + '\n'
  );
}
