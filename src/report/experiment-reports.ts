/**
 * Reports of the experiment commands — compare, sweep, pressure — from their results
 * (`comparison.json`, `sweep.json`, `pressure.json`, `pressure-matrix.json`): the charts, the
 * findings in words, and a report.html like a run's.
 *
 * The inputs are declared here by the fields the report reads, so this module depends on
 * the shape of those files, not on the code that computes them.
 */
import { type ChartRenderer, inProcessRenderer } from './chart-renderer.js';
import { type Chart, chartFiles, type RenderedChart } from './charts/chart.js';
export { changeText } from './difference-table.js';
export { compareCharts, compareFindings, compareReportHtml, judgement } from './compare-report.js';
export type { ComparisonInput } from './compare-report.js';
export { paretoFindings, sweepCharts, sweepFindings, sweepReportHtml } from './sweep-report.js';
export type { SweepInput } from './sweep-report.js';
export {
  pressureFindings,
  pressureMatrixCharts,
  pressureMatrixReportHtml,
  pressureReportHtml,
} from './pressure-report.js';
export type { PressureMatrixInput } from './pressure-report.js';

export { pressureCharts, type Difference, type Differences, type PressureInput } from './pressure-charts.js';

/** Renders an experiment's charts and writes them with its report.html through `write`. */
export async function writeExperimentReport(
  charts: readonly Chart[],
  html: (rendered: readonly RenderedChart[]) => string,
  write: (path: string, content: string) => void,
  renderer: ChartRenderer = inProcessRenderer(),
): Promise<RenderedChart[]> {
  const rendered = await renderer.render(charts);
  for (const chart of rendered) for (const [path, content] of chartFiles(chart)) write(path, content);
  write('report.html', html(rendered));
  return rendered;
}
