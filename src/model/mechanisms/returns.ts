/**
 * Customers coming back (docs/model.md, Customers): a customer whose problem was not really
 * fixed comes back with `return_when_not_fixed`, after a delay. Within the reopen window the
 * ticket reopens and starts over at the entry tier; after it, the customer opens a new ticket
 * about the same issue (a repeat contact). New work comes from the rework stream, so returns
 * never shift the draws of arriving tickets.
 *
 * Stream: `customer.return` (one draw per unfixed resolution, one more for the delay).
 */
import { createStream, type Rng } from '../../engine/index.js';
import { TicketState, type Ticket } from '../../desk/structures.js';
import { Kind, type Desk } from './desk.js';

export class Returns {
  private readonly random: Rng;

  constructor(private readonly desk: Desk) {
    this.random = createStream(desk.model.scenario.seed, desk.replication, 'customer.return');
  }

  /** After an unfixed resolution: schedules the customer's return if they come back; true if so. */
  mayReturn(ticket: Ticket, now: number): boolean {
    const customers = this.desk.model.customers;
    if (this.random() >= customers.returnProbability) return false;
    ticket.pendingTimers++;
    this.desk.schedule(now + customers.returnDelay.sample(this.random), Kind.Return, ticket);
    return true;
  }

  /** The customer is back: a reopen within the window, else a new ticket about the same issue. */
  comeBack(ticket: Ticket, now: number): void {
    const desk = this.desk;
    ticket.pendingTimers--;
    if (ticket.state === TicketState.Resolved) {
      ticket.reopens++;
      ticket.contacts++;
      ticket.contactAt = now;
      ticket.chainPosition = 0;
      ticket.asked = false;
      ticket.closeDue = Number.NaN;
      desk.redrawWork(ticket);
      desk.emitAbout(now, 'reopened', ticket.id, undefined, undefined, undefined, undefined, ticket.customer);
      desk.enqueue(ticket, desk.model.channels[ticket.channel]!.entryTier, now);
      return;
    }
    const repeat = desk.follow(ticket, now);
    desk.redrawWork(repeat);
    desk.release(ticket);
    desk.open(repeat, now);
  }
}
