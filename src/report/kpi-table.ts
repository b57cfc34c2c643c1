/** The report's KPI table: every KPI with its mean, 95 % CI and unit, durations humanely. */
import { isWide, type KpiSummary } from '../experiment/statistics.js';
import { kpiRange } from '../metrics/catalog.js';
import { formatKpiKey } from '../metrics/kpi-key.js';
import { formatInterval, formatValue } from './format.js';
import { escapeHtml } from './escape.js';
import { kpiName, tierLabel } from './labels.js';

/** A group of table rows under a heading ("Desk-wide", "Truth", "Tier 1"). */
export interface KpiTableGroup {
  title: string;
  /** Truth rows are set in the truth colour. */
  truth?: boolean;
  rows: ReadonlyArray<{ id: string; summary: KpiSummary; definition?: string; unfinished?: KpiSummary }>;
}

const UNIT_WORDS: Record<string, string> = {
  minutes: 'duration',
  share: '%',
  score: 'score',
  tickets: 'tickets',
  currency: 'currency',
  agents: 'agents',
  ratio: 'ratio',
};

/** The table as HTML. */
export function kpiTableHtml(groups: readonly KpiTableGroup[]): string {
  const body = groups
    .map((group) => {
      const rows = group.rows.map(({ id, summary, definition, unfinished }) => {
        // An interval too wide to mean much says so (the run's wide_intervals warning lists them).
        const ci = formatInterval(summary.ci95, summary.unit) + (isWide(summary, kpiRange(id)) ? ' (wide)' : '');
        // A time over finished tickets carries the share it leaves out (censored), beside it.
        const note = unfinished?.mean == null ? '' : ` (${formatValue(unfinished.mean, 'share')} unfinished)`;
        return (
          `<tr${group.truth ? ' class="truth"' : ''}><td ` +
          `title="${escapeHtml(definition ?? '')}">${escapeHtml(kpiName(id))}</td>` +
          `<td class="id">${escapeHtml(id)}</td><td ` +
          `class="number">${escapeHtml(formatValue(summary.mean, summary.unit) + note)}</td>` +
          `<td class="number">${escapeHtml(ci === '' ? '—' : ci)}</td><td>` +
          `${escapeHtml(UNIT_WORDS[summary.unit] ?? summary.unit)}</td><td class="number">${summary.n}</td></tr>`
        );
      });
      return `<tr class="group"><td colspan="6">${escapeHtml(group.title)}</td></tr>\n${rows.join('\n')}`;
    })
    .join('\n');
  return (
    `<div class="table-scroll"><table>\n<thead><tr><th>KPI</th><th>id</th><th>mean</th><th>95 % ` +
    `CI</th><th>unit</th><th>n</th></tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`
  );
}

/** What the table needs of a KPI definition. */
type CatalogEntry = { id: string; definition: string; unfinished?: string };

/** Table groups of a run summary: observed desk-wide KPIs, truth KPIs, then each tier. */
export function runKpiGroups(
  summary: { kpis: Record<string, KpiSummary>; tiers: Record<string, Record<string, KpiSummary>> },
  catalog: { observed: readonly CatalogEntry[]; truth: readonly CatalogEntry[]; tier: readonly CatalogEntry[] },
): KpiTableGroup[] {
  const truthIds = new Set(catalog.truth.map((kpi) => kpi.id));
  const pick = (kpis: readonly CatalogEntry[], values: Record<string, KpiSummary>, tier?: string) =>
    kpis.flatMap((kpi) =>
      values[kpi.id] === undefined
        ? []
        : [
            {
              id: formatKpiKey(tier === undefined ? { kpi: kpi.id } : { tier, kpi: kpi.id }),
              summary: values[kpi.id]!,
              definition: kpi.definition,
              unfinished: kpi.unfinished === undefined ? undefined : values[kpi.unfinished],
            },
          ],
    );
  return [
    {
      title: 'Desk-wide (what a dashboard shows)',
      rows: pick(
        catalog.observed.filter((kpi) => !truthIds.has(kpi.id)),
        summary.kpis,
      ),
    },
    { title: 'Truth (simulation only)', truth: true, rows: pick(catalog.truth, summary.kpis) },
    ...Object.entries(summary.tiers).map(([tier, values]) => ({
      title: tierLabel(tier),
      rows: pick(catalog.tier, values, tier),
    })),
  ].filter((group) => group.rows.length > 0);
}
