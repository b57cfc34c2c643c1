/**
 * Escalation dumping: an agent of a tier that escalates takes a ticket above the simplest
 * complexity, looks at it briefly (`look`, no knowledge lookup) and escalates it, whether
 * or not the tier could have solved it.
 *
 * Flatters the tier's handle time and throughput (it sheds its long tickets). Costs the
 * next tier: its queue and utilization grow, every dumped ticket waits there and carries a
 * handoff (which lowers satisfaction), and the escalation rate rises. One draw per session
 * on such a ticket, from `gaming.escalation_dumping.<seat>`.
 */
import type { DeskModel } from '../build.js';
import type { Agent, Ticket } from '../structures.js';
import {
  BRIEF_SESSION,
  Session,
  type BehaviourContext,
  type BehaviourDefinition,
  type BehaviourHooks,
  type GamingDesk,
  type Outcome,
  type SeatStreams,
} from './behaviour.js';

class EscalationDumping implements BehaviourHooks {
  private readonly desk: GamingDesk;
  private readonly model: DeskModel;
  private readonly easeRank: Int32Array;
  private readonly intensities: Float64Array;
  private readonly gamed: BehaviourContext['gamed'];
  private readonly look: number;
  private readonly random: SeatStreams;

  constructor(context: BehaviourContext) {
    this.desk = context.desk;
    this.model = context.model;
    this.easeRank = context.gaming.easeRank;
    this.intensities = context.intensities;
    this.gamed = context.gamed;
    this.look = context.gaming.settings.escalation_dumping.look;
    this.random = context.seatStreams('gaming.escalation_dumping');
  }

  plan(agent: Agent, ticket: Ticket, workTime: number, now: number): number {
    if (
      (ticket.session & BRIEF_SESSION) !== 0 ||
      this.model.tiers[ticket.tier]!.escalatesTo < 0 ||
      this.easeRank[ticket.complexity] === 0
    )
      return workTime;
    if (this.random.of(agent)() >= this.intensities[agent.slot]!) return workTime;
    ticket.session |= Session.Dump;
    this.gamed(agent, ticket, now);
    return this.look;
  }

  finish(agent: Agent, ticket: Ticket, _outcome: Outcome, now: number): boolean {
    if ((ticket.session & Session.Dump) === 0) return false;
    ticket.session = 0;
    this.desk.escalate(ticket, agent, now);
    return true;
  }
}

export const escalationDumping: BehaviourDefinition = {
  id: 'escalation_dumping',
  choosesTickets: false,
  create: (context) => new EscalationDumping(context),
};
