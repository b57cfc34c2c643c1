/**
 * Scoring the detector against the truth (simulated logs only): who really gamed, from the
 * `truth_gamed` events the detector itself never reads, beside who was flagged.
 *
 * An agent counts as a gamer of a behaviour when it gamed at least `TRUTH_MINIMUM` tickets
 * in the log: an agent who gamed a ticket or two is not what a manager looks for, and no
 * detector could tell.
 */
import { GAMING_BEHAVIOURS, type GamingBehaviour } from '../scenario/incentives.js';
import type { AgentObservations } from './observe.js';
import type { SignatureScore } from './signatures.js';

export const TRUTH_MINIMUM = 5;

/** Counts of one behaviour (or all) over one or more logs. */
export interface Confusion {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** TP / (TP + FP); null when nobody was flagged. */
  precision: number | null;
  /** TP / (TP + FN); null when nobody gamed. */
  recall: number | null;
}

/** One log's verdict: who gamed, who was flagged, per behaviour. */
export interface LogEvaluation {
  /** Behaviour → agents who really gamed it. */
  gamers: Record<string, string[]>;
  /** Behaviour → agents flagged for it. */
  flagged: Record<string, string[]>;
  byBehaviour: Record<string, Confusion>;
  /** Agents flagged for some behaviour they did not play, and agents flagged who gamed nothing at all. */
  falseAlarms: number;
  /** Every gamer of every behaviour was flagged for it. */
  allFound: boolean;
}

/** The truth's gamers by behaviour. */
export function trueGamers(observations: AgentObservations): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const behaviour of GAMING_BEHAVIOURS) {
    const byAgent = observations.truth.get(behaviour);
    const agents: string[] = [];
    for (const [agent, count] of byAgent ?? []) if (count >= TRUTH_MINIMUM) agents.push(agent);
    result[behaviour] = agents.sort();
  }
  return result;
}

export function confusion(truePositives: number, falsePositives: number, falseNegatives: number): Confusion {
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    precision: truePositives + falsePositives === 0 ? null : truePositives / (truePositives + falsePositives),
    recall: truePositives + falseNegatives === 0 ? null : truePositives / (truePositives + falseNegatives),
  };
}

/** The detector's flags on one log against that log's truth. */
export function evaluateLog(observations: AgentObservations, scores: readonly SignatureScore[]): LogEvaluation {
  const gamers = trueGamers(observations);
  const flagged: Record<string, string[]> = {};
  const byBehaviour: Record<string, Confusion> = {};
  let falseAlarms = 0;
  let allFound = true;
  for (const behaviour of GAMING_BEHAVIOURS) {
    const flags = scores
      .filter((score) => score.behaviour === behaviour && score.flagged)
      .map((score) => score.agent)
      .sort();
    flagged[behaviour] = flags;
    const truth = new Set(gamers[behaviour]);
    const truePositives = flags.filter((agent) => truth.has(agent)).length;
    const falsePositives = flags.length - truePositives;
    const falseNegatives = truth.size - truePositives;
    byBehaviour[behaviour] = confusion(truePositives, falsePositives, falseNegatives);
    falseAlarms += falsePositives;
    if (falseNegatives > 0) allFound = false;
  }
  return { gamers, flagged, byBehaviour, falseAlarms, allFound };
}

/** Sums of the per-log counts, per behaviour. */
export function pool(evaluations: readonly LogEvaluation[]): Record<GamingBehaviour, Confusion> {
  const result = {} as Record<GamingBehaviour, Confusion>;
  for (const behaviour of GAMING_BEHAVIOURS) {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const evaluation of evaluations) {
      const counts = evaluation.byBehaviour[behaviour]!;
      truePositives += counts.truePositives;
      falsePositives += counts.falsePositives;
      falseNegatives += counts.falseNegatives;
    }
    result[behaviour] = confusion(truePositives, falsePositives, falseNegatives);
  }
  return result;
}
