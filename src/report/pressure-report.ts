/**
 * The report of `desksim pressure` and of a pressure matrix (src/report/experiment-reports.ts):
 * charts, findings in words, and their report.html.
 */
import { type ExperimentWarning, namedWarnings } from '../experiment/warnings.js';
import type { KpiId } from '../metrics/catalog.js';
import type { Chart, RenderedChart } from './charts/chart.js';
import { pressureHeatmapChart, type PressureShift } from './charts/pressure-heatmap.js';
import { changeText, differenceTableHtml, rows } from './difference-table.js';
import { percent } from './findings.js';
import { renderReportPage } from './html.js';
import { betterDirection, kpiLabel } from './labels.js';
import {
  type Difference,
  type Differences,
  heatmapCell,
  heatmapKpis,
  inSentence,
  type PressureInput,
} from './pressure-charts.js';
import { whoPaysSection } from './who-pays-section.js';

/** What the report reads of `pressure-matrix.json`. */
export interface PressureMatrixInput {
  scenario: string;
  version: string;
  seed: number;
  replications: number;
  level: number;
  rows: Array<{ kpi: string; change: Differences }>;
  warnings?: ExperimentWarning[];
}

/** The heat map of a pressure matrix: one column per targeted KPI. */
export function pressureMatrixCharts(matrix: PressureMatrixInput): Chart[] {
  const first = matrix.rows[0];
  if (first === undefined) return [];
  const kpis = heatmapKpis(first.change);
  const shifts: PressureShift[] = matrix.rows.flatMap((row) =>
    kpis.map((kpi) => heatmapCell(kpi, kpiLabel(row.kpi), row.change.kpis[kpi])),
  );
  return [
    pressureHeatmapChart(shifts, {
      columnTitle: `KPI under pressure ${matrix.level}`,
      columns: matrix.rows.map((row) => kpiLabel(row.kpi)),
      subtitle:
        `Each column: pressure ${matrix.level} on one KPI. Cell: every KPI's change relative to no pressure; colour: ` +
        `better (green) or worse (red)`,
    }),
  ];
}

/** "First response time fell 62 % while true resolution rate fell 9 points" at the highest pressure. */
export function pressureFindings(pressure: PressureInput): string[] {
  const last = pressure.steps[pressure.steps.length - 1];
  if (last === undefined || last.pressure === 0) return [];
  const targeted = last.change.kpis[pressure.kpi];
  const findings: string[] = [];
  const truth = (
    [
      'true_resolution_rate',
      'true_satisfaction_mean',
      'hidden_failure_share',
      'true_resolution_time_mean',
    ] satisfies KpiId[]
  )
    .map((id): [string, Difference | undefined] => [id, last.change.kpis[id]])
    .filter(
      (entry): entry is [string, Difference] =>
        entry[1] !== undefined && entry[1].difference !== null && entry[1].difference !== 0,
    );
  if (targeted !== undefined && targeted.difference !== null) {
    const worse = truth.filter(([id, difference]) => {
      const direction = betterDirection(id);
      return direction !== null && (direction === 'higher' ? difference.difference! < 0 : difference.difference! > 0);
    });
    const head = `At pressure ${last.pressure}, ${inSentence(changeText(pressure.kpi, targeted))}`;
    findings.push(
      worse.length === 0
        ? `${head}; no truth KPI got worse.`
        : `${head} while ${worse
            .slice(0, 2)
            .map(([id, difference]) => inSentence(changeText(id, difference)))
            .join(' and ')}.`,
    );
  }
  const moved = rows(last.change).filter(
    ([id, difference]) => difference.significant && id !== pressure.kpi && !id.startsWith('tiers.'),
  );
  findings.push(
    `${moved.length} other desk-wide KPI${moved.length === 1 ? '' : 's'} moved significantly (95 % CI) under ` +
      `pressure ${last.pressure}.`,
  );
  const hidden = last.change.kpis.hidden_failure_share;
  if (hidden?.mean != null)
    findings.push(
      `${percent(hidden.mean)} of resolved tickets were not really fixed at pressure ${last.pressure} ` +
        `(${percent(hidden.reference_mean ?? 0)} with none).`,
    );
  return findings;
}

/** `report.html` of a pressure experiment. */
export function pressureReportHtml(pressure: PressureInput, charts: readonly RenderedChart[]): string {
  return renderReportPage({
    title: `desksim pressure on ${inSentence(kpiLabel(pressure.kpi))}: ${pressure.scenario}`,
    subtitle:
      `Pressure levels ${pressure.levels.join(', ')}; ${pressure.replications} paired replications each (seed ` +
      `${pressure.seed}), desksim ${pressure.version}`,
    findings: pressureFindings(pressure),
    warnings: namedWarnings(pressure.warnings ?? []),
    charts,
    sections: pressure.steps
      .filter((step) => step.pressure > 0)
      .flatMap((step) => [
        {
          id: `pressure-${String(step.pressure).replace('.', '_')}`,
          title: `Pressure ${step.pressure} against none`,
          html: differenceTableHtml(step.change, 'no pressure', `pressure ${step.pressure}`),
        },
        ...whoPaysSection(
          `who-pays-${String(step.pressure).replace('.', '_')}`,
          `Who pays at pressure ${step.pressure}, by ticket category`,
          step.who_pays,
        ),
      ]),
  });
}

/** `report.html` of a pressure matrix. */
export function pressureMatrixReportHtml(matrix: PressureMatrixInput, charts: readonly RenderedChart[]): string {
  return renderReportPage({
    title: `desksim pressure matrix: ${matrix.scenario}`,
    warnings: namedWarnings(matrix.warnings ?? []),
    subtitle:
      `Pressure ${matrix.level} on each incentive KPI in turn; ${matrix.replications} paired replications (seed ` +
      `${matrix.seed}), desksim ${matrix.version}`,
    findings: matrix.rows.map((row) => {
      const own = row.change.kpis[row.kpi];
      const truth = row.change.kpis.true_resolution_rate;
      return (
        `Pressure on ${inSentence(kpiLabel(row.kpi))}: ` +
        `${own === undefined ? 'no value' : inSentence(changeText(row.kpi, own))}` +
        `${truth === undefined ? '' : `; ${inSentence(changeText('true_resolution_rate', truth))}`}.`
      );
    }),
    charts,
    sections: matrix.rows.map((row) => ({
      id: `matrix-${row.kpi}`,
      title: `Pressure on ${inSentence(kpiLabel(row.kpi))}`,
      html: differenceTableHtml(row.change, 'no pressure', `pressure ${matrix.level}`),
    })),
  });
}
