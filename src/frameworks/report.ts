/**
 * What a framework study writes: `frameworks.csv` (one row per framework and measure),
 * `desks.csv` (every designed desk's factors, truth and scores), the ranking in words, the
 * charts (Vega-Lite, as `src/report/charts/` draws them) and `report.html`.
 */
import { chart, COLORS, round, type Chart, type RenderedChart } from '../report/charts/chart.js';
import { escapeHtml, renderReportPage } from '../report/html.js';
import { parameterText } from '../experiment/sweep.js';
import type { Change, FrameworkResult, FrameworkStudyResult } from './evaluate.js';
import type { Estimate } from './statistics.js';

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
// Words
// ---------------------------------------------------------------------------

const number = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined ? '—' : value.toFixed(digits).replace(/^-/, '−');
const interval = (ci: readonly [number, number] | null) => (ci === null ? '' : ` [${number(ci[0])}, ${number(ci[1])}]`);
const signed = (value: number | null) => (value === null ? '—' : `${value >= 0 ? '+' : ''}${number(value)}`);

/** How strong a rank correlation is, in words. */
function strength(estimate: Estimate): string {
  const value = estimate.value;
  if (value === null) return 'cannot rank the desks (its score does not vary)';
  const excludesZero = estimate.ci95 !== null && (estimate.ci95[0] > 0 || estimate.ci95[1] < 0);
  if (!excludesZero) return 'ranks the desks no better than chance';
  if (value < 0) return 'ranks the desks against the truth';
  if (value >= 0.8) return 'ranks the desks closely with the truth';
  if (value >= 0.5) return 'ranks the desks fairly with the truth';
  return 'ranks the desks weakly with the truth';
}

/** Frameworks in order of validity (highest rank correlation first). */
export function byValidity(frameworks: readonly FrameworkResult[]): FrameworkResult[] {
  return [...frameworks].sort(
    (a, b) => (b.validity.rank_correlation.value ?? -2) - (a.validity.rank_correlation.value ?? -2),
  );
}

/** Frameworks in order of gameability (smallest gap first; those pressure cannot reach last, as unmeasured). */
export function byGameability(frameworks: readonly FrameworkResult[]): FrameworkResult[] {
  const gap = (framework: FrameworkResult) =>
    framework.gameability.pressurable ? (framework.gameability.gap.mean ?? Infinity) : Infinity;
  return [...frameworks].sort((a, b) => gap(a) - gap(b));
}

/** The sentence about one framework's gameability. */
function gameabilityWords(framework: FrameworkResult): string {
  const { gameability } = framework;
  if (!gameability.pressurable) {
    return `None of its KPIs is in the incentive table, so desksim cannot put pressure on it: its gameability is not ` +
      `measured (0 by construction).`;
  }
  const worst = [...gameability.behaviours].sort(
    (a, b) =>
      (b.score_change.mean ?? 0) -
      (b.truth_change.mean ?? 0) -
      ((a.score_change.mean ?? 0) - (a.truth_change.mean ?? 0)),
  )[0];
  return (
    `Under pressure on its own KPIs its score moves ${signed(gameability.score_change.mean)} desk sds while the ` +
    `truth moves ${signed(gameability.truth_change.mean)}: ` +
    `a gap of ${signed(gameability.gap.mean)}${interval(gameability.gap.ci95)}` +
    (worst === undefined
      ? '.'
      :
        `; the behaviour that opens it most is ${worst.behaviour.replace(/_/g, ' ')} (score ` +
        `${signed(worst.score_change.mean)}, truth ${signed(worst.truth_change.mean)}).`)
  );
}

/** The ranking in words: one paragraph per framework, best validity first, and the headline. */
export function rankingWords(result: FrameworkStudyResult): string[] {
  const ordered = byValidity(result.frameworks);
  const gameOrder = byGameability(result.frameworks).filter((framework) => framework.gameability.pressurable);
  const lines: string[] = [];
  const best = ordered[0];
  if (best !== undefined) {
    lines.push(
      `Tracks the truth best: ${best.name} (rank correlation ` +
      `${number(best.validity.rank_correlation.value)}${interval(best.validity.rank_correlation.ci95)} over ` +
      `${result.desks.length} desks); ` +
        `worst: ${ordered[ordered.length - 1]!.name} ` +
        `(${number(ordered[ordered.length - 1]!.validity.rank_correlation.value)}).`,
    );
  }
  if (gameOrder.length > 0) {
    const most = gameOrder[gameOrder.length - 1]!;
    lines.push(
      `Most gameable: ${most.name} — pressure on its KPIs opens a gap of ${signed(most.gameability.gap.mean)} desk ` +
      `sds between its score and the truth; least: ${gameOrder[0]!.name} ` +
      `(${signed(gameOrder[0]!.gameability.gap.mean)}).`,
    );
  }
  ordered.forEach((framework, index) => {
    const detected = framework.sensitivity.changes
      .filter((item) => item.detected && item.right_direction === true)
      .map((item) => item.name);
    const wrong = framework.sensitivity.changes
      .filter((item) => item.detected && item.right_direction === false)
      .map((item) => item.name);
    const moved = framework.definitions.filter((definition) => (definition.rank_correlation.value ?? 1) < 0.9);
    lines.push(
      `${index + 1}. ${framework.name} ${strength(framework.validity.rank_correlation)} ` +
      `(${number(framework.validity.rank_correlation.value)}${interval(framework.validity.rank_correlation.ci95)}). ` +
        `${gameabilityWords(framework)} ` +
        `At ${framework.sensitivity.replications} replications it detects ` +
        `${detected.length === 0 ? 'none of the real changes' : detected.join(', ')}` +
        `${wrong.length === 0 ? '' : `; it reads ${wrong.join(', ')} against the truth`} (noise ` +
        `${number(framework.sensitivity.noise_sd)} desk sds a replication). ` +
        (framework.definitions.length === 0
          ? ''
          : moved.length === 0
            ? 'No changed definition moves its ranking of desks much (rank correlation ≥ 0.9).'
            : `Its ranking of desks moves with ${moved
                .map((definition) => `${definition.name} (${number(definition.rank_correlation.value)})`)
                .join(', ')}.`),
    );
  });
  return lines;
}

// ---------------------------------------------------------------------------
// Charts
// ---------------------------------------------------------------------------

/** Score against truth, one panel per framework, one point per desk. */
export function scoreTruthChart(result: FrameworkStudyResult): Chart {
  const values = result.frameworks.flatMap((framework) =>
    result.desks.map((desk) => ({
      framework: `${framework.name} (ρ ${number(framework.validity.rank_correlation.value)})`,
      desk: desk.desk,
      truth: round(desk.truth, 4),
      score: round(desk.scores[framework.name] ?? 0, 4),
    })),
  );
  return chart(
    'score-vs-truth',
    'Framework score against the truth, desk by desk',
    `${result.desks.length} designed desks; both scores in sds over the desks (0 = the average desk); ρ is ` +
    `Spearman's rank correlation`,
    {
      data: { values },
      facet: {
        field: 'framework',
        type: 'nominal',
        title: null,
        sort: byValidity(result.frameworks).map(
          (framework) => `${framework.name} (ρ ${number(framework.validity.rank_correlation.value)})`,
        ),
      },
      columns: 3,
      spec: {
        width: 220,
        height: 180,
        mark: { type: 'point', filled: true, size: 45, color: COLORS.observed, opacity: 0.8 },
        encoding: {
          x: { field: 'truth', type: 'quantitative', title: 'Truth score (sds)' },
          y: { field: 'score', type: 'quantitative', title: 'Framework score (sds)' },
          tooltip: [{ field: 'desk' }, { field: 'truth', format: '.2f' }, { field: 'score', format: '.2f' }],
        },
      },
    },
  );
}

/** Gameability (the gap) against validity, one point per framework. */
export function gameabilityValidityChart(result: FrameworkStudyResult): Chart {
  const values = result.frameworks.map((framework) => ({
    framework: framework.name,
    validity: round(framework.validity.rank_correlation.value ?? 0, 4),
    low: round(framework.validity.rank_correlation.ci95?.[0] ?? framework.validity.rank_correlation.value ?? 0, 4),
    high: round(framework.validity.rank_correlation.ci95?.[1] ?? framework.validity.rank_correlation.value ?? 0, 4),
    gap: round(framework.gameability.gap.mean ?? 0, 4),
    pressure: framework.gameability.pressurable
      ? 'Pressure on its KPIs'
      : 'No KPI in the incentive table (not measured)',
  }));
  return chart(
    'gameability-vs-validity',
    'Gameability against validity',
    'Right tracks the truth; low is hard to game (score change − truth change under pressure, desk sds); bars: 95 % CI',
    {
      width: 520,
      height: 340,
      data: { values },
      layer: [
        { mark: { type: 'rule', color: '#999999', strokeDash: [4, 4] }, encoding: { y: { datum: 0 } } },
        {
          mark: { type: 'rule', color: COLORS.observed },
          encoding: {
            x: { field: 'low', type: 'quantitative' },
            x2: { field: 'high' },
            y: { field: 'gap', type: 'quantitative' },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 90 },
          encoding: {
            x: {
              field: 'validity',
              type: 'quantitative',
              title: 'Validity: rank correlation with the truth',
              scale: { domain: [-1.1, 1.1] },
            },
            y: { field: 'gap', type: 'quantitative', title: 'Gameability: score − truth under pressure (sds)' },
            color: {
              field: 'pressure',
              type: 'nominal',
              title: null,
              scale: { range: [COLORS.observed, COLORS.insignificant] },
              legend: { orient: 'bottom' },
            },
            tooltip: [{ field: 'framework' }, { field: 'validity', format: '.2f' }, { field: 'gap', format: '.2f' }],
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 8, dy: -8, fontSize: 11 },
          encoding: {
            x: { field: 'validity', type: 'quantitative' },
            y: { field: 'gap', type: 'quantitative' },
            text: { field: 'framework' },
          },
        },
      ],
    },
  );
}

/** Each real change's effect on each framework's score, with its interval; detected changes dark. */
export function sensitivityChart(result: FrameworkStudyResult): Chart | undefined {
  const values = result.frameworks.flatMap((framework) =>
    framework.sensitivity.changes.map((item) => ({
      framework: framework.name,
      change: `${item.name} (truth ${signed(item.truth_change.mean)})`,
      score: round(item.score_change.mean ?? 0, 4),
      low: round(item.score_change.ci95?.[0] ?? item.score_change.mean ?? 0, 4),
      high: round(item.score_change.ci95?.[1] ?? item.score_change.mean ?? 0, 4),
      seen: !item.detected
        ? 'Not detected (interval includes 0)'
        : item.right_direction === false
          ? 'Detected, against the truth'
          : item.right_direction
            ? 'Detected, the truth’s way'
            : 'Detected; the truth did not move detectably',
    })),
  );
  if (values.length === 0) return undefined;
  const replications = result.frameworks[0]?.sensitivity.replications ?? 0;
  return chart(
    'sensitivity',
    'Sensitivity: does the score see a real change?',
    `Change of each framework's score (desk sds) with its 95 % interval at ${replications} replications; in ` +
    `brackets, how far the truth moved`,
    {
      data: { values },
      facet: {
        row: {
          field: 'change',
          type: 'nominal',
          title: null,
          header: { labelAngle: 0, labelAlign: 'left', labelFontWeight: 'bold' },
        },
      },
      spec: {
        width: 460,
        layer: [
          { mark: { type: 'rule', color: '#999999' }, encoding: { x: { datum: 0 } } },
          {
            mark: { type: 'rule' },
            encoding: {
              y: { field: 'framework', type: 'nominal', title: null },
              x: { field: 'low', type: 'quantitative' },
              x2: { field: 'high' },
              color: { field: 'seen', type: 'nominal' },
            },
          },
          {
            mark: { type: 'point', filled: true, size: 60 },
            encoding: {
              y: { field: 'framework', type: 'nominal', title: null },
              x: { field: 'score', type: 'quantitative', title: 'Score change (sds)' },
              color: {
                field: 'seen',
                type: 'nominal',
                title: null,
                scale: {
                  domain: [
                    'Detected, the truth’s way',
                    'Detected, against the truth',
                    'Detected; the truth did not move detectably',
                    'Not detected (interval includes 0)',
                  ],
                  range: [COLORS.observed, COLORS.significant, COLORS.truth, COLORS.insignificant],
                },
                legend: { orient: 'bottom', columns: 2 },
              },
              tooltip: [
                { field: 'framework' },
                { field: 'change' },
                { field: 'score', format: '.2f' },
                { field: 'low', format: '.2f' },
                { field: 'high', format: '.2f' },
              ],
            },
          },
        ],
      },
      resolve: { scale: { x: 'independent' } },
    },
  );
}

/** The study's charts, in report order. */
export function frameworkCharts(result: FrameworkStudyResult): Chart[] {
  const sensitivity = sensitivityChart(result);
  return [
    scoreTruthChart(result),
    gameabilityValidityChart(result),
    ...(sensitivity === undefined ? [] : [sensitivity]),
  ];
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
