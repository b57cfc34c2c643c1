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
import type { DeskModel } from '../build.js';
import type { Agent, Ticket } from '../structures.js';
import {
  Session,
  type BehaviourContext,
  type BehaviourDefinition,
  type BehaviourHooks,
  type GamingDesk,
  type Outcome,
  type SeatStreams,
} from './behaviour.js';
import type { SelectiveQueue } from './queue.js';

class GenericFirstReply implements BehaviourHooks {
  private readonly desk: GamingDesk;
  private readonly model: DeskModel;
  private readonly intensities: Float64Array;
  private readonly gamed: BehaviourContext['gamed'];
  private readonly replyTime: number;
  private readonly random: SeatStreams;

  constructor(context: BehaviourContext) {
    this.desk = context.desk;
    this.model = context.model;
    this.intensities = context.intensities;
    this.gamed = context.gamed;
    this.replyTime = context.gaming.settings.generic_first_reply.reply_time;
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

export const genericFirstReply: BehaviourDefinition = {
  id: 'generic_first_reply',
  choosesTickets: true,
  create: (context) => new GenericFirstReply(context),
};
