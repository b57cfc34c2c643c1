/**
 * What a framework study writes: `frameworks.csv` (one row per framework and measure),
 * `desks.csv` (every designed desk's factors, truth and scores), the ranking in words, the
 * charts (Vega-Lite, as `src/report/charts/` draws them) and `report.html`.
 */
import { parameterText } from '../experiment/sweep.js';
import { type RenderedChart, round } from '../report/charts/chart.js';
import { escapeHtml, renderReportPage } from '../report/html.js';
import type { Change, FrameworkStudyResult } from './evaluate.js';
import type { Estimate } from './statistics.js';
import { byValidity, interval, number, rankingWords, signed } from './words.js';
export { byGameability, byValidity, rankingWords } from './words.js';
export { frameworkCharts, gameabilityValidityChart, scoreTruthChart, sensitivityChart } from './charts.js';

type Cell = string | number | boolean | null;

/** Columns of `frameworks.csv`. */
export const FRAMEWORK_COLUMNS = ['framework', 'measure', 'detail', 'value', 'ci95_low', 'ci95_high'] as const;

function row(
  framework: string,
  measure: string,
  detail: string,
  value: Change | Estimate | string | number | boolean | null,
): Cell[] {
  if (value === null || typeof value !== 'object') return [framework, measure, detail, value, null, null];
  const center = 'mean' in value ? value.mean : value.value;
  return [framework, measure, detail, center, value.ci95?.[0] ?? null, value.ci95?.[1] ?? null];
}

/**
 * `frameworks.csv`: validity, gameability (and per behaviour), sensitivity (per change), definitions, per framework.
 */
export function frameworkRows(result: FrameworkStudyResult): Cell[][] {
  return result.frameworks.flatMap((framework) => {
    const name = framework.name;
    const { gameability, sensitivity } = framework;
    return [
      row(name, 'validity', 'rank correlation of score and truth across desks', framework.validity.rank_correlation),
      row(name, 'gameability', 'score change under pressure (desk sds)', gameability.score_change),
      row(name, 'gameability', 'truth change under pressure (desk sds)', gameability.truth_change),
      row(name, 'gameability', 'gap: score change - truth change', gameability.gap),
      row(name, 'gameability', 'pressurable (a KPI in the incentive table)', gameability.pressurable),
      ...gameability.behaviours.flatMap((behaviour) => [
        row(
          name,
          `behaviour ${behaviour.behaviour}`,
          `score change at intensity ${round(behaviour.intensity, 4)}`,
          behaviour.score_change,
        ),
        row(
          name,
          `behaviour ${behaviour.behaviour}`,
          `truth change at intensity ${round(behaviour.intensity, 4)}`,
          behaviour.truth_change,
        ),
      ]),
      row(name, 'sensitivity', `noise: score sd between replications (desk sds)`, sensitivity.noise_sd),
      ...sensitivity.changes.flatMap((item) => [
        row(name, `change ${item.name}`, `score change at ${sensitivity.replications} replications`, item.score_change),
        row(name, `change ${item.name}`, 'truth change', item.truth_change),
        row(name, `change ${item.name}`, 'detected (score interval excludes 0)', item.detected),
        row(
          name,
          `change ${item.name}`,
          'score moved as the truth did (blank: the truth did not move detectably)',
          item.right_direction,
        ),
      ]),
      row(name, 'sensitivity', 'smallest change detected', sensitivity.smallest_detected),
      ...framework.definitions.map((definition) =>
        row(
          name,
          `definition ${definition.name}`,
          `rank correlation of desk scores before and after (${definition.set.join(' ')})`,
          definition.rank_correlation,
        ),
      ),
    ];
  });
}

/** `desks.csv`: one row per designed desk. */
export function deskTable(result: FrameworkStudyResult): { header: string[]; rows: Cell[][] } {
  const names = result.frameworks.map((framework) => framework.name);
  return {
    header: ['desk', ...result.design.factors, 'truth_score', ...names.map((name) => `score.${name}`)],
    rows: result.desks.map((desk) => [
      desk.desk,
      ...result.design.factors.map((factor) => parameterText(desk.parameters[factor]!)),
      desk.truth,
      ...names.map((name) => desk.scores[name] ?? null),
    ]),
  };
}

// ---------------------------------------------------------------------------
// The page and the terminal
// ---------------------------------------------------------------------------

/** An HTML table; cells after the first are right-aligned numbers unless `text`. */
function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, text = false): string {
  return (
    `<div class="table-scroll"><table>\n<thead><tr>${header.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}` +
    `</tr></thead>\n<tbody>\n` +
    rows
      .map(
        (cells) =>
          `<tr>${cells
            .map((cell, index) => `<td${index === 0 || text ? '' : ' class="number"'}>${escapeHtml(cell)}</td>`)
            .join('')}</tr>`,
      )
      .join('\n') +
    '\n</tbody>\n</table></div>'
  );
}

/** The framework table: one row per framework, best validity first. */
function summaryRows(result: FrameworkStudyResult): string[][] {
  return byValidity(result.frameworks).map((framework) => [
    framework.name,
    `${number(framework.validity.rank_correlation.value)}${interval(framework.validity.rank_correlation.ci95)}`,
    framework.gameability.pressurable
      ? `${signed(framework.gameability.gap.mean)}${interval(framework.gameability.gap.ci95)}`
      : 'not measured',
    number(framework.sensitivity.noise_sd),
    framework.sensitivity.smallest_detected ?? 'none',
    framework.definitions
      .map((definition) => `${definition.name} ${number(definition.rank_correlation.value)}`)
      .join('; ') || '—',
  ]);
}

const SUMMARY_HEADER = [
  'framework',
  'validity ρ [95 %]',
  'gameability gap [95 %]',
  'noise',
  'smallest change detected',
  'definitions: ranking kept (ρ)',
];

/** `report.html` of a study. */
export function frameworksReportHtml(result: FrameworkStudyResult, charts: readonly RenderedChart[]): string {
  const truth = result.truth.map((kpi) => `${kpi.kpi} (${kpi.direction} is better, weight ${kpi.weight})`).join(', ');
  const frameworks = result.frameworks.map((framework) => [
    framework.name,
    framework.rule.replace(/_/g, ' '),
    framework.kpis
      .map((kpi) => `${kpi.kpi}${kpi.target === undefined ? '' : ` → ${kpi.target}`} ×${kpi.weight}`)
      .join(', '),
    Object.entries(framework.metrics)
      .map(([key, value]) => `${key}: ${String(value)}`)
      .join(', ') || 'the desk’s',
    framework.source,
  ]);
  return renderReportPage({
    title: `desksim frameworks: ${result.study}`,
    subtitle:
      `${result.description ? `${result.description} — ` : ''}${result.frameworks.length} frameworks on ` +
      `${result.desks.length} desks (${result.design.method.replace(/_/g, ' ')}` +
      `${result.design.seed === null ? '' : `, design seed ${result.design.seed}`}) of ${result.scenario}, ` +
      `${result.replications} replications each, seed ${result.seed}, desksim ${result.version}`,
    findings: rankingWords(result),
    charts,
    sections: [
      {
        id: 'ranking',
        title: 'The frameworks side by side',
        html:
          `<p>Best validity first. Gaps, noise and changes are in sds of the score over the designed ` +
          `desks.</p>\n${table(SUMMARY_HEADER, summaryRows(result))}`,
      },
      {
        id: 'method',
        title: 'How the frameworks were judged',
        html:
          `<p><b>Truth score</b>: ${escapeHtml(truth)}; each KPI standardised over the desks, signed so that up is ` +
          `better, weighted. ` +
          '<b>Validity</b>: Spearman’s rank correlation across the desks between the framework’s score and the truth ' +
          'score, with a 95 % percentile bootstrap interval over desks. ' +
          '<b>Gameability</b>: the base desk with management pressure on the framework’s own KPIs (its heaviest at ' +
          'the study’s level, the others in proportion to their weights) through the incentive table; ' +
          'the gap is the score’s change minus the truth’s, paired by replication; each behaviour the pressure ' +
          'induces is also run alone. ' +
          '<b>Sensitivity</b>: each real change to the base desk, paired by replication; detected when the score’s ' +
          '95 % interval excludes 0. ' +
          '<b>Definitions</b>: the desks measured again with one definition changed; the rank correlation of the two ' +
          'rankings. docs/frameworks.md explains each.</p>',
      },
      {
        id: 'frameworks',
        title: 'The frameworks',
        html: table(['framework', 'rule', 'KPIs (→ target, ×weight)', 'definitions', 'source'], frameworks, true),
      },
      {
        id: 'desks',
        title: 'The designed desks',
        html: table(
          ['desk', ...result.design.factors, 'truth', ...result.frameworks.map((framework) => framework.name)],
          result.desks.map((desk) => [
            String(desk.desk),
            ...result.design.factors.map((factor) => String(parameterText(desk.parameters[factor]!))),
            number(desk.truth),
            ...result.frameworks.map((framework) => number(desk.scores[framework.name])),
          ]),
        ),
      },
    ],
  });
}

/** The terminal report: the table and the ranking in words. */
export function renderFrameworks(result: FrameworkStudyResult, directory: string): string {
  const rows = [SUMMARY_HEADER, ...summaryRows(result)];
  const widths = SUMMARY_HEADER.map((_, column) => Math.max(...rows.map((cells) => cells[column]!.length)));
  const text = rows
    .map((cells) =>
      cells
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
  return (
    `${result.study}: ${result.frameworks.length} frameworks on ${result.desks.length} desks of ${result.scenario}, ` +
    `${result.replications} replications each, seed ${result.seed}\n` +
    `${text}\n\n${rankingWords(result).join('\n')}\n\nEvery measure: frameworks.csv, frameworks.json; every desk: ` +
    `desks.csv\nWrote ${directory}\n`
  );
}
