/**
 * Staffing that follows pressure (docs/model.md, Load and staffing policies): management
 * pushed on first response puts more people where first responses are written. Under
 * pressure p on a first-response KPI (the highest of the scenario's incentives on
 * `first_response_time_mean` and `sla_first_response_compliance`), a share
 * `policies.staffing_follows_pressure × p` of every tier's seats beyond the entry tiers (the
 * tiers that take new tickets: the chain's first, and a channel's own team, e.g. a live team)
 * work the chain's entry tier's queue instead, for the whole run, at the entry tier's skill, accuracy and speed.
 * The moved seats are spread evenly over the tier's shifts (every k-th seat in plan order).
 *
 * Nothing else changes: a tier that loses seats keeps its escalations, so it may become the
 * bottleneck — the point of the policy. No random stream.
 */
import type { DeskModel } from '../build.js';

/** The KPIs whose pressure moves staff to the entry tier. */
export const FIRST_RESPONSE_KPIS: readonly string[] = ['first_response_time_mean', 'sla_first_response_compliance'];

export class Staffing {
  /** Share of each non-entry tier's seats moved to the entry tier. */
  readonly movedShare: number;
  private readonly entryTier: number;
  private readonly isEntryTier: readonly boolean[];

  constructor(model: DeskModel) {
    const pressure = Math.max(0, ...model.scenario.incentives.filter((incentive) => FIRST_RESPONSE_KPIS.includes(incentive.kpi)).map((incentive) => incentive.pressure));
    this.movedShare = model.scenario.policies.staffing_follows_pressure * pressure;
    this.entryTier = model.chain[0]!;
    this.isEntryTier = model.isEntryTier;
  }

  /** The tier that the seat `number` (0-based, plan order) of tier `tier`, of `seats` seats, works for. */
  tierOf(tier: number, number: number): number {
    if (this.movedShare === 0 || tier === this.entryTier || this.isEntryTier[tier]) return tier;
    // Bresenham: seat `number` moves when the running count of moved seats steps up at it.
    const moved = Math.floor((number + 1) * this.movedShare + 1e-9) > Math.floor(number * this.movedShare + 1e-9);
    return moved ? this.entryTier : tier;
  }
}
