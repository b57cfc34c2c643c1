/**
 * Ticket splitting: on the first session of a new issue above the simplest complexity, the
 * agent works `share` of it, marks the ticket solved and opens a new ticket — same
 * customer, channel, category, complexity and priority — for the rest: the remaining work
 * plus `overhead`, with the draws (what the next session will find, whether it can
 * be solved, whether it needs the customer or engineering). The new ticket waits in the
 * entry tier's queue like any other.
 *
 * Flatters closures and per-ticket resolution and handle times (each ticket is a piece of
 * an issue). Costs the customer: the first ticket is marked solved while the problem is not
 * (no `truth_fixed`, a low rating if surveyed), the issue now takes two tickets (a contact
 * more, lower satisfaction) and waits in the queue twice. One draw per eligible session, from
 * `gaming.ticket_splitting.<seat>`.
 */
import { z } from 'zod';
import { durationSchema } from '../document/values.js';
import { defineBehaviour, behaviourSection } from './definition.js';
import type { Agent, Ticket } from '../desk/structures.js';
import {
  BRIEF_SESSION,
  Resolution,
  Session,
  type BehaviourContext,
  type BehaviourHooks,
  type GamingDesk,
  type Outcome,
  type SeatStreams,
} from '../desk/gaming.js';

const section = behaviourSection(
  'An agent works part of a non-simple issue, marks the ticket solved and opens a new ticket, same customer and ' +
    'category, for the rest.',
  {
    share: z
      .number()
      .min(0.1)
      .max(0.9)
      .default(0.5)
      .describe('Share of the work done in the original ticket before it is marked solved.'),
    overhead: durationSchema.default(3).describe('Extra work the new ticket takes (reading the history again).'),
  },
);

class TicketSplitting implements BehaviourHooks {
  private readonly desk: GamingDesk;
  private readonly easeRank: Int32Array;
  private readonly intensities: Float64Array;
  private readonly gamed: BehaviourContext['gamed'];
  private readonly share: number;
  private readonly overhead: number;
  private readonly random: SeatStreams;

  constructor(context: BehaviourContext<z.output<typeof section>>) {
    const settings = context.settings;
    this.desk = context.desk;
    this.easeRank = context.easeRank;
    this.intensities = context.intensities;
    this.gamed = context.gamed;
    this.share = settings.share;
    this.overhead = settings.overhead;
    this.random = context.seatStreams('gaming.ticket_splitting');
  }

  plan(agent: Agent, ticket: Ticket, workTime: number, now: number): number {
    // A new issue (one contact, at the entry tier) that is not trivial; a split-off ticket counts two contacts.
    if (
      (ticket.session & BRIEF_SESSION) !== 0 ||
      ticket.chainPosition !== 0 ||
      ticket.contacts !== 1 ||
      this.easeRank[ticket.complexity] === 0
    )
      return workTime;
    if (this.random.of(agent)() >= this.intensities[agent.slot]!) return workTime;
    ticket.session |= Session.Split;
    this.gamed(agent, ticket, now);
    return workTime * this.share;
  }

  finish(agent: Agent, ticket: Ticket, _outcome: Outcome, now: number): boolean {
    if ((ticket.session & Session.Split) === 0) return false;
    const rest = this.desk.spawn(ticket, now);
    rest.setHandleDraw(ticket.handleDraw() * (1 - this.share) + this.overhead);
    // The agent opened it: nobody waits on a line for it (no patience).
    rest.taken = true;
    this.desk.resolve(ticket, agent, now, Resolution.Part);
    this.desk.open(rest, now);
    return true;
  }
}

export const ticketSplitting = defineBehaviour({
  id: 'ticket_splitting',
  precedence: 40,
  section,
  defaults: {
    share: 'half the work is done before the ticket is split',
    overhead: 'opening the new ticket takes a few minutes',
  },
  pressures: { resolution_time_mean: 0.5, tickets_per_agent_day: 0.7 },
  choosesTickets: false,
  create: (context) => new TicketSplitting(context),
});
