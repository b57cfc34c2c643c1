/**
 * desksim — a discrete-event simulator of help-desk operations.
 *
 *   scenario YAML ──scenario/load──▶ Scenario ──model/build──▶ DeskModel ──model/simulate──▶ events
 *        (yaml + zod: defaults,        (validated,       (samplers, shifts,       (the event log, streamed
 *         extends, --set, errors)       trusted)          arrival rates)            into sinks)
 *
 *   log file ──importer (mapping, read, clean + import report)──▶ events
 *   events ──metrics/Ledger──▶ ticket & agent records ──metrics/catalog──▶ KpiTable
 *   KpiTable × replications ──experiment──▶ RunSummary (mean, sd, 95 % CI) ──report──▶ files
 *   RunResults with one seed (common random numbers) ──experiment/compare, sweep, pressure──▶
 *        paired differences with CIs, KPI curves, spill-over tables
 *
 * `engine/` underneath knows nothing of help desks (calendar, random streams,
 * distributions, arrivals, local time); `metrics/` never imports from `model/`, so a real
 * desk's exported log goes through the same KPI code as a simulated one; `cli/` is thin.
 *
 * `api.ts` puts the pipeline in a few calls (`loadScenario`, `run`, `compare`, `sweep`;
 * docs/api.md); `frameworks/` compares measurement frameworks (docs/frameworks.md).
 */
export {
  loadScenario,
  run,
  compare,
  sweep,
  replicationLedger,
  type ScenarioLoadOptions,
  type ApiRunOptions,
  type ApiSweep,
} from './api.js';
export * from './scenario/index.js';
export { buildDesk, type DeskModel } from './model/build.js';
export { simulate, type SimulationResult } from './model/simulate.js';
export * from './eventlog/types.js';
export { NdjsonFileSink, eventToJsonLine } from './eventlog/ndjson.js';
export {
  importLog,
  loadMappingFile,
  renderImportReport,
  ImportError,
  type ImportedLog,
  type ImportReport,
  type Mapping,
} from './importer/index.js';
export { Ledger } from './metrics/ledger.js';
export { KPI_CATALOG, TIER_KPI_CATALOG, type KpiDefinition, type MetricOptions } from './metrics/catalog.js';
export { computeKpis, computeKpisFromEvents, type KpiTable } from './metrics/engine.js';
export {
  metricOptions,
  runScenario,
  runReplication,
  summarizeOutcomes,
  type RunResult,
  type RunSummary,
} from './experiment/run.js';
export { summarize, type KpiSummary } from './experiment/statistics.js';
export { runBatch, type BatchOptions } from './experiment/batch.js';
export {
  compareRuns,
  differenceTable,
  pairedDifference,
  type Comparison,
  type Contrast,
  type DifferenceTable,
  type KpiDifference,
} from './experiment/compare.js';
export {
  expandGrid,
  loadExperiment,
  type Experiment,
  type LoadedExperiment,
} from './experiment/experiment-file.js';
export { sweepResult, type SweepPoint, type SweepResult } from './experiment/sweep.js';
export {
  pressureMatrix,
  pressureResult,
  type PressureMatrix,
  type PressureMatrixRow,
  type PressureResult,
  type PressureStep,
} from './experiment/pressure.js';
export { kpiDirection, type KpiDirection } from './metrics/catalog.js';
export { loadFramework, frameworkSchema, score, type Framework, type ScoringRule } from './frameworks/framework.js';
export { loadStudy, studySchema, type LoadedStudy, type Study, type StudyLoadOptions } from './frameworks/study.js';
export {
  evaluateStudy,
  type FrameworkResult,
  type FrameworkStudyResult,
  type StudyRunOptions,
} from './frameworks/evaluate.js';
export { runCli } from './cli/program.js';
export { VERSION } from './version.js';
