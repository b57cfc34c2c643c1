/**
 * The automatic acknowledgement (docs/model.md, Automatic acknowledgement): the help-desk
 * software answers every new ticket (of the channels it covers) with a reply of kind `auto`,
 * at once or after `delay` — sent by no agent, costing no work, solving nothing. The
 * customer's experience does not change (the satisfaction model's first response is the
 * first reply of a person), and the metric option `auto_reply_counts_as_response` decides
 * whether first-response KPIs count it: a dashboard that does shows a faster first response
 * without any more service.
 *
 * Its section stays where users have always written it, `policies.auto_acknowledgement`,
 * first among the policies; its `check` makes sure its `channels` name channels of the scenario.
 *
 * No random stream: the acknowledgement is deterministic, so turning it on moves no draw.
 */
import { z } from 'zod';
import type { MechanismContext, MechanismHooks } from '../desk/mechanism.js';
import { type Ticket, TicketState } from '../desk/structures.js';
import { durationSchema, identifier } from '../document/values.js';
import { defineMechanism } from './definition.js';

const section = z
  .strictObject({
    enabled: z
      .boolean()
      .default(false)
      .describe(
        'Whether the system acknowledges every new ticket with an automatic reply (replied, kind auto; no agent).',
      ),
    delay: durationSchema.default(0).describe('Time from the ticket’s creation to the acknowledgement (0: at once).'),
    channels: z
      .array(identifier)
      .optional()
      .describe('Channel ids whose tickets are acknowledged (default: every channel).'),
  })
  .prefault({})
  .describe(
    'A system reply on every new ticket, sent by no agent: it counts as a first response only where ' +
      'metrics.auto_reply_counts_as_response says so, and changes nothing for the customer.',
  );

type Settings = z.output<typeof section>;

/** One replication's acknowledgements. */
class AutoAcknowledgement implements MechanismHooks {
  private readonly delay: number;
  /** By channel index: whether that channel's tickets are acknowledged. */
  private readonly covered: boolean[];

  constructor(private readonly context: MechanismContext<Settings>) {
    const { channels, delay } = context.settings;
    this.delay = delay;
    this.covered = context.model.channels.map((channel) => channels === undefined || channels.includes(channel.id));
  }

  /** A ticket has just been created: acknowledge it now, or put the acknowledgement on the calendar. */
  opened(ticket: Ticket, now: number): void {
    if (!this.covered[ticket.channel]) return;
    if (this.delay === 0) {
      this.send(ticket.id, now);
      return;
    }
    const due = now + this.delay;
    if (due > this.context.horizon) return;
    // The ticket object must outlive the wait (tickets are recycled once nothing points at them).
    ticket.pendingTimers++;
    this.context.schedule(due, ticket);
  }

  /** The delay is over: acknowledge the ticket unless it has been resolved or has ended meanwhile. */
  due(entry: object, now: number): void {
    const ticket = entry as Ticket;
    ticket.pendingTimers--;
    const state = ticket.state;
    const answered = state === TicketState.Resolved || state === TicketState.Done;
    if (!answered && state !== TicketState.Abandoned) this.send(ticket.id, now);
    this.context.desk.release(ticket);
  }

  private send(ticket: number, now: number): void {
    this.context.desk.emit(now, 'replied', ticket, undefined, undefined, 'auto');
  }
}

/** `policies.auto_acknowledgement`: the help-desk software's automatic acknowledgement of new tickets. */
export const autoAcknowledgement = defineMechanism({
  id: 'auto_acknowledgement',
  within: 'policies',
  before: 'overtime',
  section,
  defaults: {
    enabled: 'neutral: no automatic acknowledgement unless a scenario switches it on',
    delay: 'tools acknowledge at once',
  },
  check: (settings, checks) => {
    if (settings.channels === undefined) return;
    const channels = Object.keys(checks.scenario.channels as object);
    checks.references(settings.channels, channels, 'channel', ['channels']);
  },
  active: (settings) => settings.enabled,
  create: (context) => new AutoAcknowledgement(context),
});
