/**
 * SLA clock pause: when a ticket is about to wait on the desk, the agent asks the customer
 * a needless question (`replied`, kind `info_request`) and sets the ticket pending on the
 * customer, so that under `sla.pause_when_pending` the resolution clock stops while the desk
 * is the one waiting:
 *
 * - escalating into a queue that already has a backlog: the ticket takes the place in the
 *   target queue it would have had, but agents leave pending tickets alone, so it joins the
 *   queue only when the customer answers (`customer_replied`, `resumed`) — later than its
 *   turn whenever the answer is slow. A customer who never answers gets the ticket closed
 *   unresolved, as with any information request.
 * - filing with engineering: the wait is labelled as a wait on the customer (`pending`, kind
 *   `customer`, instead of kind `engineering`); when the customer answers, the agent sets it
 *   pending again, and it resumes when engineering delivers.
 *
 * Flatters resolution SLA compliance (and the first response, which the question counts
 * as). Costs the customer an exchange (lower satisfaction, more effort), longer waits for
 * escalated tickets, and the tickets of silent customers. One draw per such moment, from
 * `gaming.sla_clock_pause.<seat>`; the customer's answer from `gaming.sla_clock_pause.customer`.
 */
import type { z } from 'zod';
import { defineBehaviour, behaviourSection } from './definition.js';
import type { Rng } from '../engine/index.js';
import { TicketState, type Agent, type Ticket } from '../desk/structures.js';
import type { BehaviourContext, BehaviourHooks, DeskFacts, GamingDesk, SeatStreams } from '../desk/gaming.js';
import type { SelectiveQueue } from '../desk/selective-queue.js';

const section = behaviourSection(
  'An agent escalating a ticket into a queue that has a backlog asks the customer a needless question and sets ' +
    'it pending, ' +
    'so the SLA clock pauses while it waits; it joins the queue, in the place it would have had, when the ' +
    'customer answers.',
);

class SlaClockPause implements BehaviourHooks {
  private readonly desk: GamingDesk;
  private readonly model: DeskFacts;
  private readonly queues: readonly SelectiveQueue[];
  private readonly intensities: Float64Array;
  private readonly gamed: BehaviourContext['gamed'];
  private readonly random: SeatStreams;
  private readonly customerRandom: Rng;
  /** Tickets whose customer will answer a needless question. */
  private readonly questioned = new Set<number>();
  /** Tickets waiting on engineering under the customer's name. */
  private readonly relabelled = new Set<number>();

  constructor(context: BehaviourContext<z.output<typeof section>>) {
    this.desk = context.desk;
    this.model = context.model;
    this.queues = context.queues;
    this.intensities = context.intensities;
    this.gamed = context.gamed;
    this.random = context.seatStreams('gaming.sla_clock_pause');
    this.customerRandom = context.stream('gaming.sla_clock_pause.customer');
  }

  escalating(agent: Agent, ticket: Ticket, target: number, now: number): boolean {
    const queue = this.queues[target]!;
    if (queue.waiting === 0 || this.random.of(agent)() >= this.intensities[agent.slot]!) return false;
    this.gamed(agent, ticket, now);
    this.ask(agent, ticket, now);
    ticket.tier = target;
    ticket.state = TicketState.AwaitingCustomer;
    queue.reserve(ticket);
    const customers = this.model.customers;
    if (this.customerRandom() < customers.silence) {
      this.desk.scheduleSilentClose(ticket, now + customers.silentCloseAfter);
    } else {
      this.questioned.add(ticket.id);
      this.desk.scheduleAnswer(ticket, now + customers.replyDelay.sample(this.customerRandom));
    }
    return true;
  }

  engineeringWait(agent: Agent, ticket: Ticket, now: number): boolean {
    if (this.random.of(agent)() >= this.intensities[agent.slot]!) return false;
    this.gamed(agent, ticket, now);
    this.ask(agent, ticket, now);
    this.relabelled.add(ticket.id);
    const customers = this.model.customers;
    if (this.customerRandom() >= customers.silence) {
      this.questioned.add(ticket.id);
      this.desk.scheduleAnswer(ticket, now + customers.replyDelay.sample(this.customerRandom));
    }
    return true;
  }

  engineeringDelivered(ticket: Ticket, now: number): boolean {
    if (!this.relabelled.delete(ticket.id)) return false;
    this.desk.emit(now, 'resumed', ticket.id, undefined, this.model.tiers[ticket.tier]!.id, 'customer');
    return true;
  }

  customerAnswered(ticket: Ticket, now: number): boolean {
    if (!this.questioned.delete(ticket.id)) return false;
    const tierId = this.model.tiers[ticket.tier]!.id;
    if (ticket.state === TicketState.AwaitingCustomer) {
      // Escalated: it joins the target queue, in the place reserved for it.
      this.desk.customerReplied(ticket, now);
      this.desk.emit(now, 'resumed', ticket.id, undefined, tierId, 'customer');
      this.desk.requeue(ticket, ticket.tier, now);
    } else if (ticket.state === TicketState.AwaitingEngineering) {
      this.desk.customerReplied(ticket, now);
      this.desk.emit(now, 'pending', ticket.id, undefined, tierId, 'customer');
    } else if (ticket.state === TicketState.Queued || ticket.state === TicketState.InService) {
      // Engineering delivered first: the answer to the needless question is moot.
      this.desk.customerReplied(ticket, now);
    }
    return true;
  }

  /**
   * The needless question: a public reply (a first response, if none yet) and an exchange the
   * customer did not need.
   */
  private ask(agent: Agent, ticket: Ticket, now: number): void {
    const tierId = this.model.tiers[agent.tier]!.id;
    ticket.exchanges++;
    this.desk.reply(ticket, agent.name, tierId, 'info_request', now);
    this.desk.emit(now, 'pending', ticket.id, agent.name, tierId, 'customer');
  }
}

export const slaClockPause = defineBehaviour({
  id: 'sla_clock_pause',
  precedence: 80,
  section,
  defaults: {},
  pressures: { sla_first_response_compliance: 0.3, sla_resolution_compliance: 1 },
  choosesTickets: true,
  create: (context) => new SlaClockPause(context),
});
