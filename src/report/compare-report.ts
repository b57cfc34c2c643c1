/**
 * The report of `desksim compare` (src/report/experiment-reports.ts): charts, findings in
 * words, and its report.html.
 */
import type { TargetStatus } from '../experiment/targets.js';
import { type ExperimentWarning, namedWarnings } from '../experiment/warnings.js';
import type { Chart, RenderedChart } from './charts/chart.js';
import { compareForestChart, type KpiDifference as ForestRow } from './charts/compare-forest.js';
import { changeText, differenceTableHtml, rows } from './difference-table.js';
import { formatInterval, formatValue } from './format.js';
import { escapeHtml, renderReportPage, type ReportSection } from './html.js';
import { betterDirection, kpiLabel } from './labels.js';
import { type Difference, type Differences, inSentence } from './pressure-charts.js';
import { STANDING_LEGEND, standingCell } from './target-cells.js';
import { type WhoPaysInput, whoPaysSection } from './who-pays-section.js';

/** What the report reads of `comparison.json`. */
export interface ComparisonInput {
  version: string;
  seed: number;
  replications: number;
  scenarios: Array<{ label: string; name: string; file: string }>;
  reference: string;
  contrasts: Array<Differences & { scenario: string; who_pays?: WhoPaysInput }>;
  notes: string[];
  warnings?: ExperimentWarning[];
  differences?: Array<{ scenario: string; lines: string[] }>;
  targets?: Array<{
    scenario: string;
    statuses: Array<Pick<TargetStatus, 'kpi' | 'good' | 'verdict' | 'status' | 'mean' | 'unit' | 'ci95'>>;
  }>;
}

/**
 * Every scenario's standing against the targets, one row per KPI and one coloured cell per
 * scenario (its mean and interval under the standing); blank where a scenario has no such target.
 */
function compareTargetsSection(targets: NonNullable<ComparisonInput['targets']>): ReportSection | undefined {
  const kpis = [...new Set(targets.flatMap((entry) => entry.statuses.map((status) => status.kpi)))];
  if (kpis.length === 0) return undefined;
  const body = kpis
    .map((kpi) => {
      const cells = targets.map((entry) => {
        const status = entry.statuses.find((candidate) => candidate.kpi === kpi);
        if (status === undefined) return '<td>—</td>';
        const value = `${formatValue(status.mean, status.unit)} ${formatInterval(status.ci95, status.unit)}`.trim();
        return standingCell(
          status,
          `${escapeHtml(value)} <span class="id">(target ${escapeHtml(status.good.trim())})</span>`,
        );
      });
      return `<tr><td>${escapeHtml(kpiLabel(kpi))}</td><td class="id">${escapeHtml(kpi)}</td>${cells.join('')}</tr>`;
    })
    .join('\n');
  const head = targets.map((entry) => `<th>${escapeHtml(entry.scenario)}</th>`).join('');
  return {
    id: 'targets',
    title: 'Targets',
    html:
      `<p>Each scenario against its own targets: ${STANDING_LEGEND}</p>\n` +
      `<div class="table-scroll"><table><thead><tr><th>KPI</th><th>id</th>${head}</tr></thead>\n<tbody>\n${body}` +
      `\n</tbody></table></div>`,
  };
}

/** The forest plot of every contrast. */
export function compareCharts(comparison: ComparisonInput): Chart[] {
  const forest: ForestRow[] = comparison.contrasts.flatMap((contrast) =>
    rows(contrast).flatMap(([kpi, difference]) =>
      difference.difference === null
        ? []
        : [
            {
              kpi,
              unit: difference.unit,
              comparison: `${contrast.scenario} − ${comparison.reference}`,
              difference: difference.difference,
              ci95: difference.ci95,
              significant: difference.significant,
            },
          ],
    ),
  );
  return forest.length === 0 ? [] : [compareForestChart(forest)];
}

/** Whether a change is better or worse for customers and the desk; undefined for a KPI with no better direction. */
export function judgement(id: string, difference: Difference): 'better' | 'worse' | undefined {
  const direction = betterDirection(id);
  const change = difference.difference;
  if (direction === null || change === null || change === 0) return undefined;
  return (direction === 'higher') === change > 0 ? 'better' : 'worse';
}

/**
 * Significant changes, the most telling first: by size (the relative change; shares by
 * their change in points, as a share of the whole), then by how far the interval stays from 0.
 */
function ranked(changes: ReadonlyArray<[string, Difference]>): Array<[string, Difference]> {
  const size = (difference: Difference) =>
    difference.unit === 'share'
      ? Math.abs(difference.difference ?? 0)
      : Number.isFinite(difference.relative)
        ? Math.abs(difference.relative ?? 0)
        : 0;
  const clearance = (difference: Difference) =>
    difference.ci95 === null ? 0 : Math.min(Math.abs(difference.ci95[0]), Math.abs(difference.ci95[1]));
  return [...changes].sort((a, b) => size(b[1]) - size(a[1]) || clearance(b[1]) - clearance(a[1]));
}

const kpiCount = (count: number) => `${count} KPI${count === 1 ? '' : 's'}`;

/**
 * Each contrast in words: how many KPIs got significantly worse and better (desk-wide and per
 * tier), the biggest of each, the changes with no better direction, and the KPIs with no data.
 * Worse comes first: a cost that fell reads as a win only beside the waits that rose.
 */
export function compareFindings(comparison: ComparisonInput): string[] {
  return comparison.contrasts.flatMap((contrast) => {
    const all = rows(contrast);
    const significant = all.filter(([, difference]) => difference.significant);
    const worse = ranked(significant.filter(([id, difference]) => judgement(id, difference) === 'worse'));
    const better = ranked(significant.filter(([id, difference]) => judgement(id, difference) === 'better'));
    const neutral = ranked(significant.filter(([id, difference]) => judgement(id, difference) === undefined));
    const blank = all.filter(([, difference]) => difference.difference === null).map(([id]) => id);
    const words = (changes: ReadonlyArray<[string, Difference]>) =>
      changes
        .slice(0, 3)
        .map(([id, difference]) => inSentence(changeText(id, difference)))
        .join('; ');
    const findings: string[] = [];
    if (significant.length === 0) {
      findings.push(
        `${contrast.scenario} did not differ significantly from ${comparison.reference} on any KPI with data ` +
          `(${comparison.replications} paired replications).`,
      );
    } else {
      findings.push(
        `Against ${comparison.reference}, ${contrast.scenario} is significantly worse on ${kpiCount(worse.length)} ` +
          `and better on ${kpiCount(better.length)}` +
          ` (95 % CI, ${comparison.replications} paired replications, desk-wide and per tier).`,
      );
    }
    if (worse.length > 0) findings.push(`Worse: ${words(worse)}.`);
    if (better.length > 0) findings.push(`Better: ${words(better)}.`);
    if (neutral.length > 0) findings.push(`Changed, neither better nor worse in itself: ${words(neutral)}.`);
    if (blank.length > 0)
      findings.push(`No data in one run or both (not "no change"): ${blank.map((id) => kpiLabel(id)).join(', ')}.`);
    return findings;
  });
}

/** `report.html` of a comparison. */
export function compareReportHtml(comparison: ComparisonInput, charts: readonly RenderedChart[]): string {
  return renderReportPage({
    title: `desksim comparison: ${comparison.scenarios.map((scenario) => scenario.label).join(' vs ')}`,
    subtitle:
      `Reference ${comparison.reference}; ${comparison.replications} paired replications with common random numbers ` +
      `(seed ${comparison.seed}), desksim ${comparison.version}`,
    findings: [
      ...(comparison.differences ?? []).map(
        (entry) =>
          `What ${entry.scenario} changes from ${comparison.reference}: ` +
          `${entry.lines.length === 0 ? 'nothing (the same resolved scenario)' : entry.lines.join('; ')}.`,
      ),
      ...(comparison.targets ?? []).map(
        (entry) =>
          `Targets of ${entry.scenario}: ${
            entry.statuses.length === 0
              ? 'none'
              : entry.statuses.map((status) => `${status.kpi} ${status.verdict} (${status.good.trim()})`).join('; ')
          }.`,
      ),
      ...compareFindings(comparison),
      ...comparison.notes,
    ],
    warnings: namedWarnings(comparison.warnings ?? []),
    charts,
    sections: [
      ...[compareTargetsSection(comparison.targets ?? [])].filter((section) => section !== undefined),
      ...comparison.contrasts.flatMap((contrast): ReportSection[] => [
        {
          id: `contrast-${contrast.scenario}`.replace(/[^A-Za-z0-9_-]+/g, '-'),
          title: `${contrast.scenario} against ${comparison.reference}`,
          html: differenceTableHtml(contrast, comparison.reference, contrast.scenario),
        },
        ...whoPaysSection(
          `who-pays-${contrast.scenario}`.replace(/[^A-Za-z0-9_-]+/g, '-'),
          `Who pays: ${contrast.scenario} against ${comparison.reference}, by ticket category`,
          contrast.who_pays,
        ),
      ]),
    ],
  });
}
