/**
 * Generic first reply: a free agent, instead of taking the next ticket, takes the oldest
 * email-like ticket nobody has answered yet, sends a templated acknowledgement
 * (`replied`, kind `generic`) after a short work interval, and puts it back in the queue in
 * the place it held; the real work comes when its turn does.
 *
 * Flatters first response time and the response SLA. Costs agent time (the
 * acknowledgements are work, so every other ticket waits a little longer), an exchange that
 * says nothing (`Ticket.genericReplies` lowers the customer's satisfaction) and the honest
 * first response, which now comes later. Channels that reply on pickup (chat, phone) are
 * never acknowledged. One draw per free moment with an unanswered ticket waiting, from
 * `gaming.generic_first_reply.<seat>`.
 */
import type { z } from 'zod';
import { positiveDuration } from '../document/values.js';
import { defineBehaviour, behaviourSection } from './definition.js';
import type { Agent, Ticket } from '../desk/structures.js';
import {
  Session,
  type BehaviourContext,
  type BehaviourHooks,
  type DeskFacts,
  type GamingDesk,
  type Outcome,
  type SeatStreams,
} from '../desk/gaming.js';
import type { SelectiveQueue } from '../desk/selective-queue.js';

const section = behaviourSection(
  'A free agent sends a templated acknowledgement to an unanswered email-like ticket and leaves it in the queue, ' +
    'in its place.',
  { reply_time: positiveDuration.default(2).describe('Agent time one templated acknowledgement takes.') },
);

class GenericFirstReply implements BehaviourHooks {
  private readonly desk: GamingDesk;
  private readonly model: DeskFacts;
  private readonly intensities: Float64Array;
  private readonly gamed: BehaviourContext['gamed'];
  private readonly replyTime: number;
  private readonly random: SeatStreams;

  constructor(context: BehaviourContext<z.output<typeof section>>) {
    this.desk = context.desk;
    this.model = context.model;
    this.intensities = context.intensities;
    this.gamed = context.gamed;
    this.replyTime = context.settings.reply_time;
    this.random = context.seatStreams('gaming.generic_first_reply');
  }

  pick(agent: Agent, queue: SelectiveQueue, now: number): Ticket | undefined {
    if (!queue.hasUnanswered(false) || this.random.of(agent)() >= this.intensities[agent.slot]!) return undefined;
    const ticket = queue.takeUnanswered(false)!;
    this.gamed(agent, ticket, now);
    ticket.session = Session.Acknowledge;
    return ticket;
  }

  plan(_agent: Agent, ticket: Ticket, workTime: number): number {
    return (ticket.session & Session.Acknowledge) !== 0 ? this.replyTime : workTime;
  }

  finish(agent: Agent, ticket: Ticket, _outcome: Outcome, now: number): boolean {
    if ((ticket.session & Session.Acknowledge) === 0) return false;
    ticket.session = 0;
    ticket.genericReplies++;
    this.desk.reply(ticket, agent.name, this.model.tiers[agent.tier]!.id, 'generic', now);
    this.desk.requeue(ticket, ticket.tier, now);
    return true;
  }
}

export const genericFirstReply = defineBehaviour({
  id: 'generic_first_reply',
  precedence: 10,
  section,
  defaults: { reply_time: 'pasting a template takes a couple of minutes' },
  pressures: { first_response_time_mean: 1, sla_first_response_compliance: 1 },
  choosesTickets: true,
  create: (context) => new GenericFirstReply(context),
});
