/**
 * The charts of a framework study (src/frameworks/report.ts), Vega-Lite as `src/report/charts/`
 * draws them: score against truth, gameability against validity, sensitivity.
 */
import { type Chart, chart, COLORS, round } from '../report/charts/chart.js';
import type { FrameworkStudyResult } from './evaluate.js';
import { byValidity, number, signed } from './words.js';

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
