/**
 * Aging tickets (docs/model.md, Aging tickets): a customer whose ticket waits in a queue
 * for `customers.chase.after` writes again to chase it, and again after each further
 * `after` of waiting, up to `max` times. A chase is a contact about the issue: it is logged
 * (`customer_replied`, kind `chase`) and satisfaction counts it as one contact more
 * (`per_extra_contact`), so the customers left waiting longest are the least satisfied —
 * what agents who take the easy tickets first cost, and what the desk-wide means hide.
 *
 * Deterministic (no stream): the chase follows the wait. A chase does not reorder the
 * queue or take agent time.
 */
import { TicketState, type Ticket } from '../../desk/structures.js';
import { Kind, type Desk } from './desk.js';

export class Aging {
  private readonly after: number;
  private readonly max: number;

  constructor(private readonly desk: Desk) {
    const chase = desk.model.scenario.customers.chase;
    this.after = chase.after ?? Number.POSITIVE_INFINITY;
    this.max = chase.max;
  }

  /** The ticket starts waiting in a queue: its customer chases if it still waits after `after`. */
  waiting(ticket: Ticket, now: number): void {
    if (this.after === Number.POSITIVE_INFINITY || ticket.chases >= this.max) return;
    this.scheduleChase(ticket, now + this.after);
  }

  /** A chase is due: the customer writes if the ticket still waits in the same stay in the queue. */
  chase(ticket: Ticket, now: number): void {
    ticket.pendingTimers--;
    if (ticket.state === TicketState.Queued && ticket.chaseDue === now) {
      ticket.chases++;
      ticket.contacts++;
      ticket.chaseDue = Number.NaN;
      this.desk.emit(now, 'customer_replied', ticket.id, undefined, undefined, 'chase');
      if (ticket.chases < this.max) this.scheduleChase(ticket, now + this.after);
    }
    this.desk.release(ticket);
  }

  private scheduleChase(ticket: Ticket, at: number): void {
    if (at > this.desk.model.horizon) return;
    ticket.chaseDue = at;
    ticket.pendingTimers++;
    this.desk.schedule(at, Kind.Chase, ticket);
  }
}
