/**
 * The gaming part of the built desk: each behaviour's effective intensity (its `gaming`
 * intensity combined with the incentives' pressure), the legitimate effort the incentives
 * induce, the behaviours' settings, and the complexity levels from easiest to hardest.
 * Built once per scenario, shared by every replication; it holds no random state.
 */
import type { Sampler } from '../../engine/index.js';
import type { Scenario } from '../../scenario/schema.js';
import {
  GAMING_BEHAVIOURS,
  LEGITIMATE_EFFORTS,
  type GamingBehaviour,
  type LegitimateEffort,
} from '../../scenario/incentives.js';
import { effectiveIntensities, effortLevels } from './incentives.js';

export interface GamingModel {
  /** Effective intensity by behaviour, 0..1. */
  intensity: Record<GamingBehaviour, number>;
  /** Level of each legitimate effort, 0..1. */
  effort: Record<LegitimateEffort, number>;
  /** The behaviours' parameters (scenario `gaming`, durations in minutes). */
  settings: Scenario['gaming'];
  /** Complexity indices from the easiest (lowest mean handle time) to the hardest. */
  easiestFirst: number[];
  /** Rank of each complexity index in `easiestFirst` (0 = the simplest). */
  easeRank: Int32Array;
  /** Some behaviour or effort is on; otherwise the simulation runs without gaming hooks. */
  active: boolean;
}

/** Builds the gaming model from a validated scenario and the desk's handle-time samplers by complexity. */
export function buildGaming(scenario: Scenario, complexities: ReadonlyArray<{ handleTime: Sampler }>): GamingModel {
  const explicit = Object.fromEntries(
    GAMING_BEHAVIOURS.map((behaviour) => [behaviour, scenario.gaming[behaviour].intensity]),
  ) as Record<GamingBehaviour, number>;
  const intensity = effectiveIntensities(explicit, scenario.incentives);
  const effort = effortLevels(scenario.incentives);
  const easiestFirst = complexities
    .map((_, index) => index)
    .sort((a, b) => complexities[a]!.handleTime.mean - complexities[b]!.handleTime.mean || a - b);
  const easeRank = new Int32Array(complexities.length);
  easiestFirst.forEach((complexity, rank) => (easeRank[complexity] = rank));
  return {
    intensity,
    effort,
    settings: scenario.gaming,
    easiestFirst,
    easeRank,
    active:
      GAMING_BEHAVIOURS.some((behaviour) => intensity[behaviour] > 0) ||
      LEGITIMATE_EFFORTS.some((kind) => effort[kind] > 0),
  };
}
