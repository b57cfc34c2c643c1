/** Human renderings of KPI values, shared by the terminal tables and the HTML report. */
import { formatDuration } from '../engine/duration.js';
import type { KpiSummary } from '../experiment/statistics.js';
import type { Target } from '../experiment/targets.js';

/** One value in its unit: minutes humanely (`3h 20m`), shares as percentages. */
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
    case 'agents':
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
    default:
      return value.toPrecision(4);
  }
}

/** A 95 % interval in its unit, `[lo – hi]`; empty when there is none. */
export function formatInterval(ci95: readonly [number, number] | null, unit: string): string {
  return ci95 === null ? '' : `[${formatValue(ci95[0], unit)} – ${formatValue(ci95[1], unit)}]`;
}

/** "mean  [lo – hi]" for one KPI summary. */
export function formatSummary(summary: KpiSummary): string {
  const center = formatValue(summary.mean, summary.unit);
  if (summary.ci95 === null) return center;
  return `${center}  ${formatInterval(summary.ci95, summary.unit)}`;
}

/** A target as people read it: "sla_first_response_compliance ≥ 90.0%", "tiers.tier2.queue_wait_mean ≤ 4h". */
export function targetText(target: Target): string {
  return (
    `${target.kpi} ${target.operator === '>=' ? '≥' : '≤'} ` +
    `${target.unit === '' ? String(target.value) : formatValue(target.value, target.unit)}`
  );
}
