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
import type { z } from 'zod';
import { positiveDuration } from '../document/values.js';
import { defineBehaviour, behaviourSection } from './definition.js';
import type { Agent, Ticket } from '../desk/structures.js';
import {
  BRIEF_SESSION,
  Session,
  type BehaviourContext,
  type BehaviourHooks,
  type DeskFacts,
  type GamingDesk,
  type Outcome,
  type SeatStreams,
} from '../desk/gaming.js';

const section = behaviourSection(
  'An agent of a tier that escalates passes on any ticket above the simplest complexity after a short look.',
  { look: positiveDuration.default(3).describe('Agent time of the short look before the ticket is escalated.') },
);

class EscalationDumping implements BehaviourHooks {
  private readonly desk: GamingDesk;
  private readonly model: DeskFacts;
  private readonly easeRank: Int32Array;
  private readonly intensities: Float64Array;
  private readonly gamed: BehaviourContext['gamed'];
  private readonly look: number;
  private readonly random: SeatStreams;

  constructor(context: BehaviourContext<z.output<typeof section>>) {
    this.desk = context.desk;
    this.model = context.model;
    this.easeRank = context.easeRank;
    this.intensities = context.intensities;
    this.gamed = context.gamed;
    this.look = context.settings.look;
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

export const escalationDumping = defineBehaviour({
  id: 'escalation_dumping',
  precedence: 30,
  section,
  defaults: { look: 'a glance of a few minutes before passing the ticket on' },
  pressures: { handle_time_mean: 0.7 },
  choosesTickets: false,
  create: (context) => new EscalationDumping(context),
});
