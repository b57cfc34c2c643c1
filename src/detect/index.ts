/**
 * `desksim detect`: find the agents whose pattern matches a gaming signature, from what a
 * dashboard shows — and, on simulated logs, how well that worked.
 *
 * ```
 * event log(s) ──observe.ts (observed events only)──▶ AgentObservations
 *      │                                                 │
 *      │                                   compare.ts ───┴──▶ each agent vs peers, same mix, intervals
 *      │                                                        │
 *      │                                 signatures.ts ─────────┴──▶ scores, flags, evidence in words
 *      └── truth_gamed (simulated only) ──── evaluate.ts ──▶ precision and recall per behaviour
 * ```
 *
 * A scenario is detected replication by replication (each a month of the same team: the
 * people who game are the same in all of them) and once more on all of them pooled.
 */
import type { TicketEvent } from '../eventlog/types.js';
import { buildDesk } from '../model/build.js';
import { simulate } from '../model/simulate.js';
import type { Scenario } from '../scenario/schema.js';
import { comparePeers, type AgentComparison } from './compare.js';
import { evaluateLog, pool, type Confusion, type LogEvaluation } from './evaluate.js';
import { AgentObservations } from './observe.js';
import { DEFAULT_THRESHOLD, scoreSignatures, type SignatureScore } from './signatures.js';
import type { GamingBehaviour } from '../scenario/incentives.js';

export { FEATURES, FEATURE_DEFINITIONS, type Feature } from './features.js';
export { SIGNATURES, DEFAULT_THRESHOLD, STATED_FALSE_ALARMS, describe, type SignatureScore } from './signatures.js';
export { MINIMUM_OBSERVATIONS, type AgentComparison, type PeerComparison } from './compare.js';
export { TRUTH_MINIMUM, type Confusion, type LogEvaluation } from './evaluate.js';
export { AgentObservations } from './observe.js';

/** The detector's result on one log (or several pooled). */
export interface Detection {
  agents: AgentComparison[];
  scores: SignatureScore[];
  /** Against the truth, when the log carries `truth_gamed` or comes from a scenario. */
  evaluation: LogEvaluation | null;
}

/** Detects on folded observations; `truth` says whether the log is simulated (its truth can score the flags). */
export function detect(observations: AgentObservations, truth: boolean, threshold = DEFAULT_THRESHOLD): Detection {
  observations.finishLog();
  const agents = comparePeers(observations);
  const scores = scoreSignatures(agents, threshold);
  return { agents, scores, evaluation: truth ? evaluateLog(observations, scores) : null };
}

/** Detects on a log in memory. A log with `truth_gamed` events (or `simulated`) is scored against them. */
export function detectEvents(
  events: Iterable<TicketEvent>,
  options: { threshold?: number; simulated?: boolean } = {},
): Detection {
  const observations = new AgentObservations();
  observations.startLog();
  let truth = options.simulated === true;
  for (const event of events) {
    if (event.type === 'truth_fixed' || event.type === 'truth_gamed') truth = true;
    observations.emit(event);
  }
  return detect(observations, truth, options.threshold);
}

/** A scenario's detection: each replication alone, and all of them pooled. */
export interface ScenarioDetection {
  replications: Detection[];
  pooled: Detection;
  /** Per behaviour, over the replications one by one. */
  byBehaviour: Record<GamingBehaviour, Confusion>;
  /** Replications in which every gamer was found with at most one false alarm. */
  foundWithAtMostOneFalseAlarm: number;
  /** False alarms per replication on average. */
  falseAlarmsPerReplication: number;
}

/**
 * Simulates `scenario.replications` replications and detects on each (streaming: no event is kept) and on all pooled.
 */
export function detectScenario(
  scenario: Scenario,
  options: { threshold?: number; onReplication?: (done: number) => void } = {},
): ScenarioDetection {
  const model = buildDesk(scenario);
  const pooledObservations = new AgentObservations();
  const replications: Detection[] = [];
  for (let replication = 0; replication < scenario.replications; replication++) {
    const single = new AgentObservations();
    single.startLog();
    pooledObservations.startLog();
    const sink = {
      emit(event: TicketEvent): void {
        single.emit(event);
        pooledObservations.emit(event);
      },
    };
    simulate(model, replication, sink);
    replications.push(detect(single, true, options.threshold));
    options.onReplication?.(replication + 1);
  }
  const pooled = detect(pooledObservations, true, options.threshold);
  const evaluations = replications.map((detection) => detection.evaluation!);
  return {
    replications,
    pooled,
    byBehaviour: pool(evaluations),
    foundWithAtMostOneFalseAlarm: evaluations.filter((evaluation) => evaluation.allFound && evaluation.falseAlarms <= 1)
      .length,
    falseAlarmsPerReplication:
      evaluations.reduce((total, evaluation) => total + evaluation.falseAlarms, 0) / Math.max(1, evaluations.length),
  };
}
