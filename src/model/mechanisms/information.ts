/**
 * Information requests (docs/model.md, Customers): an agent may need information from the
 * customer to go on. A public reply asks for it and the ticket waits on the customer; most
 * answer after a delay and the ticket goes back to the same tier's queue for the rest of the
 * work; a silent customer's ticket is closed by the desk's rule, unresolved.
 *
 * Streams: `customer.info` (one draw per tier of a new ticket's chain, on a desk that ever
 * asks) and `customer.reply`.
 */
import { createStream, type Rng } from '../../engine/index.js';
import { TicketState, type Agent, type Ticket } from '../../desk/structures.js';
import { Kind, type Desk } from './desk.js';
import type { CustomerOpinion } from './opinion.js';

export class InformationRequests {
  /** The stream of new tickets' information-request draws, or null on a desk that never asks (it reads as 1). */
  readonly drawStream: Rng | null;
  private readonly replyRandom: Rng;

  constructor(
    private readonly desk: Desk,
    private readonly opinion: CustomerOpinion,
  ) {
    const seed = desk.model.scenario.seed;
    const infoRandom = createStream(seed, desk.replication, 'customer.info');
    this.drawStream = desk.model.customers.infoRequested ? infoRandom : null;
    this.replyRandom = createStream(seed, desk.replication, 'customer.reply');
  }

  /** Whether the current session needs the customer's information first (asked once per tier). */
  needed(ticket: Ticket): boolean {
    return !ticket.asked && ticket.infoDraw() < this.desk.model.customers.infoRequest[ticket.complexity]!;
  }

  /** The agent asks: a public reply, and the ticket waits on the customer, who answers or falls silent. */
  ask(ticket: Ticket, agent: Agent, now: number): void {
    const desk = this.desk;
    const tierId = desk.tierIds[agent.tier];
    ticket.asked = true;
    ticket.exchanges++;
    ticket.state = TicketState.AwaitingCustomer;
    desk.reply(ticket, agent.name, tierId, 'info_request', now);
    desk.emit(now, 'pending', ticket.id, agent.name, tierId, 'customer');
    ticket.pendingTimers++;
    const customers = desk.model.customers;
    if (this.replyRandom() < customers.silence) {
      desk.schedule(now + customers.silentCloseAfter, Kind.SilentClose, ticket);
    } else {
      desk.schedule(now + customers.replyDelay.sample(this.replyRandom), Kind.CustomerReply, ticket);
    }
  }

  /** The customer's answer is due at `at` (gaming's needless questions use this too). */
  scheduleAnswer(ticket: Ticket, at: number): void {
    ticket.pendingTimers++;
    this.desk.schedule(at, Kind.CustomerReply, ticket);
  }

  /** The desk closes the ticket unresolved at `at` for want of an answer. */
  scheduleSilentClose(ticket: Ticket, at: number): void {
    ticket.pendingTimers++;
    this.desk.schedule(at, Kind.SilentClose, ticket);
  }

  customerReplied(ticket: Ticket, now: number): void {
    this.desk.emitAbout(
      now,
      'customer_replied',
      ticket.id,
      undefined,
      undefined,
      undefined,
      undefined,
      ticket.customer,
    );
  }

  /** The customer answers: the rest of the work is a fraction of a fresh handle time; the solve and fix draws stand. */
  answer(ticket: Ticket, now: number): void {
    const desk = this.desk;
    ticket.pendingTimers--;
    if (desk.gaming?.customerAnswered(ticket, now)) {
      desk.release(ticket);
      return;
    }
    if (ticket.state !== TicketState.AwaitingCustomer) {
      // The desk stopped waiting for this answer (the ticket went back to a queue by another
      // path, or ended): on an open ticket it is a message, and nothing more; entering the
      // ticket again would put it in its queue twice.
      if (ticket.state === TicketState.Queued || ticket.state === TicketState.InService)
        this.customerReplied(ticket, now);
      desk.release(ticket);
      return;
    }
    this.customerReplied(ticket, now);
    desk.emit(now, 'resumed', ticket.id, undefined, desk.tierIds[ticket.tier], 'customer');
    const model = desk.model;
    ticket.setHandleDraw(
      model.complexities[ticket.complexity]!.handleTime.sample(desk.reworkRandom) * model.customers.infoFollowUp,
    );
    desk.enqueue(ticket, ticket.tier, now);
  }

  /** No answer came: the desk closes the ticket unresolved (`closed`, kind `no_reply`). */
  closeSilent(ticket: Ticket, now: number): void {
    const desk = this.desk;
    ticket.pendingTimers--;
    if (ticket.state !== TicketState.AwaitingCustomer) {
      // The ticket moved on while the desk's deadline ran: nothing to close.
      desk.release(ticket);
      return;
    }
    ticket.state = TicketState.Done;
    desk.emit(now, 'closed', ticket.id, undefined, desk.tierIds[ticket.tier], 'no_reply');
    this.opinion.settleUnresolved(ticket, now);
    desk.dropWork(ticket);
    desk.release(ticket);
  }
}
