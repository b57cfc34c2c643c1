/**
 * How incentives act on agents: pressure on a KPI drives the gaming behaviours and the
 * legitimate effort the incentive table (`scenario/incentives.ts`) lists for it.
 *
 * Combination rule (docs/gaming.md): each source pushes a behaviour independently, so the
 * effective intensity is the chance that at least one of them moves the agent:
 *
 *   intensity(b) = 1 − (1 − gaming.b.intensity) × Π over incentives k of (1 − pressure_k × weight_k(b))
 *
 * which stays in 0..1, equals the explicit intensity without incentives, and equals
 * pressure × weight for a single incentive on a desk without explicit gaming. Effort levels
 * combine the same way (without an explicit part).
 */
import {
  GAMING_BEHAVIOURS,
  incentiveEntry,
  LEGITIMATE_EFFORTS,
  type GamingBehaviour,
  type Incentive,
  type LegitimateEffort,
} from '../../scenario/incentives.js';

/**
 * Combines independent pushes into 1 − Π (1 − push), folded as a + b − a·b so that a single
 * push comes out exactly as written.
 */
function combine(pushes: number[]): number {
  return Math.min(
    1,
    pushes.reduce((total, push) => total + push - total * push, 0),
  );
}

/**
 * Effective intensity of every behaviour: its explicit intensity combined with the incentives'
 * pressure (see the rule above).
 */
export function effectiveIntensities(
  explicit: Record<GamingBehaviour, number>,
  incentives: readonly Incentive[],
): Record<GamingBehaviour, number> {
  const result = {} as Record<GamingBehaviour, number>;
  for (const behaviour of GAMING_BEHAVIOURS) {
    const pushes = incentives.map(
      (incentive) => incentive.pressure * (incentiveEntry(incentive.kpi)?.behaviours[behaviour] ?? 0),
    );
    result[behaviour] = combine([explicit[behaviour], ...pushes]);
  }
  return result;
}

/** Level (0..1) of every legitimate effort induced by the incentives. */
export function effortLevels(incentives: readonly Incentive[]): Record<LegitimateEffort, number> {
  const result = {} as Record<LegitimateEffort, number>;
  for (const effort of LEGITIMATE_EFFORTS) {
    result[effort] = combine(
      incentives.map((incentive) => incentive.pressure * (incentiveEntry(incentive.kpi)?.effort[effort] ?? 0)),
    );
  }
  return result;
}
