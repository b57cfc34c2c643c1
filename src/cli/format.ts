/** Human renderings of KPI values for terminal tables. */
import { formatDuration } from '../engine/duration.js';
import type { KpiSummary } from '../experiment/statistics.js';

/** One value in its unit: minutes humanely, shares as percentages. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  switch (unit) {
    case 'minutes':
      return formatDuration(value);
    case 'share':
      return `${(value * 100).toFixed(1)}%`;
    case 'currency':
      return value.toFixed(2);
    case 'tickets':
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
    default:
      return value.toPrecision(4);
  }
}

/** "mean  [lo, hi]" for one KPI summary. */
export function formatSummary(summary: KpiSummary): string {
  const center = formatValue(summary.mean, summary.unit);
  if (summary.ci95 === null) return center;
  return `${center}  [${formatValue(summary.ci95[0], summary.unit)} – ${formatValue(summary.ci95[1], summary.unit)}]`;
}

/** A two-column table with aligned first column. */
export function table(rows: Array<[string, string]>): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n') + '\n';
}

/** A minimal progress line, redrawn in place on a terminal. */
export function progressLine(label: string, done: number, total: number): string {
  const width = 24;
  const filled = Math.round((done / total) * width);
  return `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`;
}
