/**
 * Legitimate effort: what agents under KPI pressure do that is not gaming (levels from the
 * incentive table, see incentives.ts). Each is bounded, so pressure buys a little honest
 * improvement and the rest of its effect comes from the gaming behaviours.
 *
 * - `speed`: work up to 10 % faster (time ÷ (1 + 0.1 × level)), accuracy unchanged.
 * - `responsiveness`: a free agent takes the oldest ticket nobody has answered yet (any
 *   channel) before the next in line, with probability = level; a full session, so the
 *   first reply is a real one. Tickets already answered wait a little longer.
 * - `care`: sessions take up to 20 % longer (× (1 + 0.2 × level)) and a resolution closes
 *   up to half of the gap to a certain fix (p + 0.5 × level × (1 − p)).
 * - `knowledge`: entry-tier agents consult the knowledge base more often
 *   (consult + level × (1 − consult)), with its lookup time, hits and boosts.
 *
 * Only responsiveness draws, from `effort.responsiveness.<seat>`.
 */
import type { Agent, Ticket } from '../../desk/structures.js';
import { BRIEF_SESSION, type BehaviourHooks, type SeatStreams } from '../../desk/gaming.js';
import type { LegitimateEffort as EffortKind } from '../../scenario/incentives.js';
import type { SelectiveQueue } from '../../desk/selective-queue.js';

/** Bounds of the efforts: the most a fully pressed agent gains or spends. */
export const EFFORT_BOUNDS = { speedup: 0.1, careTime: 0.2, careFix: 0.5 } as const;

export class LegitimateEffort implements BehaviourHooks {
  private readonly responsiveness: number;
  private readonly timeFactor: number;
  private readonly care: number;
  private readonly knowledge: number;
  private readonly random: SeatStreams;

  constructor(effort: Readonly<Record<EffortKind, number>>, seatStreams: (purpose: string) => SeatStreams) {
    this.responsiveness = effort.responsiveness;
    this.timeFactor = (1 + EFFORT_BOUNDS.careTime * effort.care) / (1 + EFFORT_BOUNDS.speedup * effort.speed);
    this.care = EFFORT_BOUNDS.careFix * effort.care;
    this.knowledge = effort.knowledge;
    this.random = seatStreams('effort.responsiveness');
  }

  pick(agent: Agent, queue: SelectiveQueue): Ticket | undefined {
    if (this.responsiveness === 0 || !queue.hasUnanswered(true) || this.random.of(agent)() >= this.responsiveness)
      return undefined;
    return queue.takeUnanswered(true);
  }

  plan(_agent: Agent, ticket: Ticket, workTime: number): number {
    return (ticket.session & BRIEF_SESSION) !== 0 ? workTime : workTime * this.timeFactor;
  }

  fixProbability(_ticket: Ticket, probability: number): number {
    return probability + this.care * (1 - probability);
  }

  consult(probability: number): number {
    return probability + this.knowledge * (1 - probability);
  }
}
