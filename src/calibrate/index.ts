/**
 * Calibration: a desk's scenario from its own log.
 *
 * ```
 * log ─importLog─▶ events ─foldTickets─▶ tickets ─estimate─▶ Calibration ─calibratedScenarioYaml─▶ desk.yaml
 *                                                                   (fitDurations: MLE, AIC, KS)        │
 *                        the log's KPIs ◀── metric engine ──▶ the scenario's KPIs over replications ◀──┘
 *                                          └──── checkCalibration: side by side, verdicts, report.html
 * ```
 */
import type { ImportedLog } from '../importer/index.js';
import { estimate, type Calibration } from './estimate.js';
import { calibratedScenarioYaml, type CalibrationSource } from './scenario.js';

export { estimate, type Calibration } from './estimate.js';
export { fitDurations, type DurationFit } from './fit.js';
export { calibratedScenarioYaml, type CalibrationSource } from './scenario.js';

/** Calibrates a desk from an imported log: the estimates and the scenario YAML. */
export function calibrate(log: ImportedLog, source: CalibrationSource): { calibration: Calibration; yaml: string } {
  const recordedTypes = new Set(log.recordedTypes ?? log.events.map((event) => event.type));
  const calibration = estimate({ events: log.events, originEpochMs: log.window.originEpochMs, recordedTypes });
  return { calibration, yaml: calibratedScenarioYaml(calibration, source) };
}
