/**
 * Call blending with a reservation threshold (docs/model.md, "Blending: a live team takes email
 * when idle"; Bhulai & Koole 2003, Gans & Zhou 2003). A tier with `blend` keeps its own queue
 * first; when it is empty, an idle agent takes the next ticket of the source tier's queue as
 * long as at least `reserve` colleagues stay idle for the next live contact. Service is not
 * pre-empted: a live contact arriving while every agent is inside an email waits.
 *
 * The desk core asks at its two decision points: an agent becoming free (`sourceFor`), and a
 * ticket joining a queue that no agent of its own tier is free to take (`blenderFor`). The
 * ticket keeps its tier (`ticket.tier`): it is worked under that tier's skill, accuracy and
 * escalation, while the agent's speed, time and cost stay its own tier's.
 *
 * No random stream: the rule decides, not chance, so turning it on shifts no draw.
 */
import type { Desk } from './desk.js';

export class Blending {
  /** Some tier blends (else the core never asks). */
  readonly enabled: boolean;
  /** For each tier, the tiers whose idle agents may take its tickets, in declaration order. */
  private readonly blenders: number[][];

  constructor(private readonly desk: Desk) {
    const tiers = desk.model.tiers;
    this.blenders = tiers.map((source) =>
      tiers.filter((tier) => tier.blendFrom === source.index).map((tier) => tier.index),
    );
    this.enabled = tiers.some((tier) => tier.blendFrom >= 0);
  }

  /**
   * The tier whose queue a just-freed agent of `tier` (not yet idle) may take from now, or -1:
   * its own queue is empty, and at least `reserve` colleagues stay idle if it takes one.
   */
  sourceFor(tier: number): number {
    const model = this.desk.model.tiers[tier]!;
    if (model.blendFrom < 0 || this.desk.waiting(tier) > 0) return -1;
    return this.desk.idleAgents(tier) >= model.blendReserve ? model.blendFrom : -1;
  }

  /**
   * A tier with an idle agent who may take a ticket just queued at `tier` (whose own agents are
   * all busy), or -1: the blending tier's own queue is empty and more than `reserve` of its
   * agents are idle, so at least `reserve` stay idle after one takes the ticket.
   */
  blenderFor(tier: number): number {
    const blenders = this.blenders[tier]!;
    for (let index = 0; index < blenders.length; index++) {
      const blender = blenders[index]!;
      const reserve = this.desk.model.tiers[blender]!.blendReserve;
      if (this.desk.waiting(blender) === 0 && this.desk.idleAgents(blender) > reserve) return blender;
    }
    return -1;
  }
}
