/** The KPI catalog as a Markdown table (docs/kpis.md is this, kept in sync by a test). */
import { KPI_CATALOG, TIER_KPI_CATALOG, type KpiDefinition, type TierKpiDefinition } from './catalog.js';

function rows(catalog: ReadonlyArray<KpiDefinition | TierKpiDefinition>, prefix: string): string[] {
  return catalog.map(
    (kpi) =>
      `| \`${prefix}${kpi.id}\` | ${kpi.label.replace(/\|/g, '\\|')} | ${kpi.unit} | ${kpi.better ?? '—'} | ` +
      `${kpi.definition.replace(/\|/g, '\\|')} | ${kpi.needs.map((type) => `\`${type}\``).join(', ')} |`,
  );
}

export function kpiTableMarkdown(): string {
  const header = ['| id | label | unit | better | definition | needs events |', '|---|---|---|---|---|---|'];
  return [
    '# KPI catalog',
    '',
    'Generated from `src/metrics/catalog.ts` (`npm run docs:kpis`); a test fails if this file',
    'and the catalog disagree. Units: minutes for durations, shares in 0..1, tickets as counts,',
    "currency in the unit of `cost_per_hour`. A KPI is null when the log's source does not record",
    'the events it needs (see docs/metrics.md), or, for SLA and cost KPIs, when no policy or rates',
    'are given. Definitions marked `metrics.*` are options of the scenario. Tickets created',
    'during the warm-up are excluded; see docs/model.md for how the simulator produces each event.',
    '`label` is the name reports and charts use; `better` is the direction that is good for the',
    'customers and the desk (— for volumes and loads, which are neither).',
    '',
    '## Desk-wide',
    '',
    ...header,
    ...rows(KPI_CATALOG, ''),
    '',
    '## Per tier (`tiers.<id>.<kpi>` in summary.json and kpis.csv)',
    '',
    ...header,
    ...rows(TIER_KPI_CATALOG, 'tiers.<id>.'),
    '',
  ].join('\n');
}
