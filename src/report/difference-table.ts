/**
 * The table of KPI differences the experiment reports share (src/report/experiment-reports.ts):
 * its rows in report order, a change in words, and the HTML table.
 */
import { TRUTH_KPI_IDS } from '../metrics/catalog.js';
import { formatKpiKey } from '../metrics/kpi-key.js';
import { duration } from './findings.js';
import { formatValue } from './format.js';
import { escapeHtml } from './html.js';
import { kpiLabel } from './labels.js';
import type { Difference, Differences } from './pressure-charts.js';

/** A table's rows: desk-wide KPIs first, then `tiers.<id>.<kpi>`. */
export function rows(table: Differences): Array<[string, Difference]> {
  return [
    ...Object.entries(table.kpis),
    ...Object.entries(table.tiers).flatMap(([tier, kpis]) =>
      Object.entries(kpis).map(([id, difference]): [string, Difference] => [
        formatKpiKey({ tier, kpi: id }),
        difference,
      ]),
    ),
  ];
}

/** A change in words: shares in percentage points, durations humanely, the rest relative; "has no data" when blank. */
export function changeText(id: string, difference: Difference): string {
  if (difference.difference === null) return `${kpiLabel(id)} has no data`;
  const change = difference.difference;
  const verb = change > 0 ? 'rose' : change < 0 ? 'fell' : 'did not move';
  if (change === 0) return `${kpiLabel(id)} ${verb}`;
  if (difference.unit === 'share')
    return `${kpiLabel(id)} ${verb} ${Math.abs(change * 100).toFixed(Math.abs(change) < 0.1 ? 1 : 0)} points`;
  if (difference.relative !== null && Number.isFinite(difference.relative)) {
    const by = Math.abs(difference.relative * 100);
    const amount = difference.unit === 'minutes' ? ` (${duration(Math.abs(change))})` : '';
    return `${kpiLabel(id)} ${verb} ${by.toFixed(by < 10 ? 1 : 0)} %${amount}`;
  }
  return `${kpiLabel(id)} ${verb} by ${formatValue(Math.abs(change), difference.unit)}`;
}

/** A difference table as an HTML table: reference, other, change with CI, relative change. */
export function differenceTableHtml(table: Differences, reference: string, other: string): string {
  const body = rows(table)
    .map(([id, difference]) => {
      const sign = (value: number) => (value > 0 ? '+' : value < 0 ? '−' : '±');
      const signed = (value: number | null) =>
        value === null ? '—' : `${sign(value)}${formatValue(Math.abs(value), difference.unit)}`;
      const interval =
        difference.ci95 === null ? '' : ` [${signed(difference.ci95[0])}, ${signed(difference.ci95[1])}]`;
      const relative =
        difference.relative === null || !Number.isFinite(difference.relative)
          ? '—'
          : `${sign(difference.relative)}${Math.abs(difference.relative * 100).toFixed(1)} %`;
      return (
        `<tr${TRUTH_KPI_IDS.has(id) ? ' class="truth"' : ''}><td>${escapeHtml(kpiLabel(id))}</td><td ` +
        `class="id">${escapeHtml(id)}</td>` +
        `<td class="number">${escapeHtml(formatValue(difference.reference_mean, difference.unit))}</td><td ` +
        `class="number">${escapeHtml(formatValue(difference.mean, difference.unit))}</td>` +
        `<td class="number">${escapeHtml(signed(difference.difference) + interval)}</td><td ` +
        `class="number">${escapeHtml(relative)}</td><td>${difference.significant ? 'yes' : ''}</td></tr>`
      );
    })
    .join('\n');
  return (
    `<div class="table-scroll"><table>\n<thead><tr><th>KPI</th><th>id</th><th>${escapeHtml(reference)}</th><th>` +
    `${escapeHtml(other)}</th><th>change [95 % CI]</th><th>relative</th><th>significant</th></tr></thead>\n` +
    `<tbody>\n${body}\n</tbody>\n</table></div>`
  );
}
