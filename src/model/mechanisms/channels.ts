/**
 * Channel opening hours (docs/model.md, "Channels: opening hours and routing"): a channel with
 * `hours` takes contacts only inside them. A contact arriving while it is closed becomes, as
 * the scenario says, a callback request on the same channel (queued without patience: the
 * customer is not holding the line) or a ticket on the channel offered instead (`redirect_to`,
 * say a contact form that files an email). Either way its `created` event says so in `kind`.
 * Or, with `outside_hours: turn_away`, no ticket: the line is closed, and a `turned_away` event
 * counts the contact (the `turned_away_rate` KPI).
 *
 * No random stream: opening hours decide, not chance, so turning them on shifts no draw.
 */
import { type Ticket, TicketState } from '../../desk/structures.js';
import type { Desk } from './desk.js';

/**
 * How a contact outside its channel's opening hours was taken in (the `kind` of its `created`
 * event), or `turned_away`: no ticket at all (`turnAway`).
 */
export type AfterHours = 'callback' | 'redirected' | 'turned_away' | undefined;

export class ChannelHours {
  /** Some channel has opening hours (else `admit` has nothing to do). */
  readonly used: boolean;

  constructor(private readonly desk: Desk) {
    this.used = desk.model.channels.some((channel) => channel.hours !== null);
  }

  /**
   * A new contact on its channel at `now`: unchanged while the channel is open; else a callback
   * request, or moved to the channel offered instead (its queue bucket follows the channel's rank).
   */
  admit(ticket: Ticket, now: number): AfterHours {
    const channels = this.desk.model.channels;
    const channel = channels[ticket.channel]!;
    if (channel.hours === null || channel.hours.isOpen(now)) return undefined;
    if (channel.turnsAway) return 'turned_away';
    if (channel.redirectTo < 0) {
      ticket.callback = true;
      return 'callback';
    }
    ticket.bucket += channels[channel.redirectTo]!.bucketOffset - channel.bucketOffset;
    ticket.channel = channel.redirectTo;
    return 'redirected';
  }

  /**
   * The contact is turned away (`outside_hours: turn_away`): no ticket, its id stays unused; a
   * `turned_away` event (no ticket, the contact's channel, category, priority and customer) counts it.
   */
  turnAway(ticket: Ticket, now: number): void {
    const { channels, categories, priorities } = this.desk.model;
    this.desk.emitAbout(
      now,
      'turned_away',
      undefined,
      'outside_hours',
      channels[ticket.channel]!.id,
      categories[ticket.category]!.id,
      priorities[ticket.priority]!.id,
      ticket.customer,
    );
    ticket.state = TicketState.Done;
    this.desk.dropWork(ticket);
    this.desk.release(ticket);
  }
}
