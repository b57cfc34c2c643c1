/**
 * The automatic acknowledgement (docs/model.md, Automatic acknowledgement): the help-desk
 * software answers every new ticket (of the channels it covers) with a reply of kind `auto`,
 * at once or after `delay` — sent by no agent, costing no work, solving nothing. The
 * customer's experience does not change (the satisfaction model's first response is the
 * first reply of a person), and the metric option `auto_reply_counts_as_response` decides
 * whether first-response KPIs count it: a dashboard that does shows a faster first response
 * without any more service.
 *
 * No random stream: the acknowledgement is deterministic, so turning it on moves no draw.
 */
import { TicketState, type Ticket } from '../../desk/structures.js';
import { Kind, type Desk } from './desk.js';

export class AutoAcknowledgement {
  /** Whether the desk acknowledges new tickets at all. */
  readonly enabled: boolean;
  private readonly delay: number;
  /** By channel index: whether that channel's tickets are acknowledged. */
  private readonly covered: boolean[];

  constructor(private readonly desk: Desk) {
    const policy = desk.model.scenario.policies.auto_acknowledgement;
    this.enabled = policy.enabled;
    this.delay = policy.delay;
    const channels = policy.channels;
    this.covered = desk.model.channels.map((channel) => channels === undefined || channels.includes(channel.id));
  }

  /** A ticket has just been created: acknowledge it now, or put the acknowledgement on the calendar. */
  created(ticket: Ticket, now: number): void {
    if (!this.covered[ticket.channel]) return;
    if (this.delay === 0) {
      this.send(ticket.id, now);
      return;
    }
    const due = now + this.delay;
    if (due > this.desk.model.horizon) return;
    // The ticket object must outlive the wait (tickets are recycled once nothing points at them).
    ticket.pendingTimers++;
    this.desk.schedule(due, Kind.Acknowledgement, ticket);
  }

  /** The delay is over: acknowledge the ticket unless it has been resolved or has ended meanwhile. */
  due(ticket: Ticket, now: number): void {
    ticket.pendingTimers--;
    const state = ticket.state;
    const answered = state === TicketState.Resolved || state === TicketState.Done;
    if (!answered && state !== TicketState.Abandoned) this.send(ticket.id, now);
    this.desk.release(ticket);
  }

  private send(ticket: number, now: number): void {
    this.desk.emit(now, 'replied', ticket, undefined, undefined, 'auto');
  }
}
