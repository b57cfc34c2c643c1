/**
 * The "who pays" section of the compare and pressure reports: per ticket category, how its
 * waits, their 90th percentiles and its true satisfaction moved (`experiment/who-pays.ts`).
 * A change can lower the desk's averages while one kind of customer waits longer.
 */
import { escapeHtml, type ReportSection } from './html.js';
import { formatValue } from './format.js';
import { kpiLabel } from './labels.js';
import type { Difference } from './pressure-charts.js';

/** Per category, per KPI: the change (the `who_pays` field of comparison.json and pressure.json). */
export type WhoPaysInput = Record<string, Record<string, Difference>>;

/** A cell: the two means and the relative change, marked * when its 95 % CI excludes 0. */
function cell(difference: Difference | undefined): string {
  if (difference === undefined || difference.reference_mean === null) return '<td>—</td>';
  const relative =
    difference.relative === null || !Number.isFinite(difference.relative)
      ? ''
      : ` (${difference.relative > 0 ? '+' : difference.relative < 0 ? '−' : '±'}` +
        `${Math.abs(difference.relative * 100).toFixed(1)} %${difference.significant ? ' *' : ''})`;
  const classes = difference.significant ? ' class="number significant"' : ' class="number"';
  return `<td${classes}>${escapeHtml(
    `${formatValue(difference.reference_mean, difference.unit)} → ` +
      `${formatValue(difference.mean, difference.unit)}${relative}`,
  )}</td>`;
}

/** The categories whose change went the wrong way, significantly, on some KPI: who pays. */
export function payingCategories(section: WhoPaysInput): string[] {
  return Object.entries(section)
    .filter(([, row]) =>
      Object.entries(row).some(
        ([kpi, difference]) =>
          difference.significant &&
          difference.difference !== null &&
          (kpi === 'true_satisfaction_mean' ? difference.difference < 0 : difference.difference > 0),
      ),
    )
    .map(([category]) => category);
}

/**
 * "hard (queue_wait_p90 +29.8 %, true_satisfaction_mean −1.3 %)": the significant worsenings, per paying category
 * (terminal text).
 */
export function whoPaysText(section: WhoPaysInput | undefined): string | undefined {
  if (section === undefined) return undefined;
  const paying = payingCategories(section);
  if (paying.length === 0)
    return 'Who pays: no ticket category waits significantly longer or is significantly less satisfied.';
  const parts = paying.map((category) => {
    const worse = Object.entries(section[category]!)
      .filter(
        ([kpi, difference]) =>
          difference.significant &&
          difference.difference !== null &&
          (kpi === 'true_satisfaction_mean' ? difference.difference < 0 : difference.difference > 0),
      )
      .map(([kpi, difference]) =>
        `${kpi} ${
          difference.relative === null
            ? ''
            : `${difference.relative > 0 ? '+' : '−'}${Math.abs(difference.relative * 100).toFixed(1)} %`
        }`.trim(),
      );
    return `${category} (${worse.join(', ')})`;
  });
  return `Who pays (ticket categories worse off, significantly): ${parts.join('; ')} — see who-pays.csv.`;
}

/** The section, or none without a `who_pays` field. */
export function whoPaysSection(id: string, title: string, section: WhoPaysInput | undefined): ReportSection[] {
  if (section === undefined || Object.keys(section).length === 0) return [];
  const kpis = [...new Set(Object.values(section).flatMap((row) => Object.keys(row)))];
  const header = `<tr><th>category</th>${kpis.map((kpi) => `<th>${escapeHtml(kpiLabel(kpi))}</th>`).join('')}</tr>`;
  const body = Object.entries(section)
    .map(([category, row]) => `<tr><td>${escapeHtml(category)}</td>${kpis.map((kpi) => cell(row[kpi])).join('')}</tr>`)
    .join('\n');
  const paying = payingCategories(section);
  const summary =
    paying.length === 0
      ? 'No category waits significantly longer or is significantly less satisfied.'
      : `Who pays: ${paying.join(', ')} — waits longer or is less satisfied (significant), whatever the desk-wide ` +
        `averages say.`;
  return [
    {
      id,
      title,
      html:
        `<p>${escapeHtml(summary)} Per ticket category: reference → compared, the relative change, * when its paired ` +
        `95 % CI excludes 0.</p>\n` +
        `<div class="table-scroll"><table>\n<thead>${header}</thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`,
    },
  ];
}
