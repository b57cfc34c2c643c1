/**
 * Automation tiers (docs/model.md, Automation tier): an AI agent or bot takes new tickets of
 * its channels, categories and complexities before any human tier, while it has room. It
 * answers within its response time (the ticket's first response), and when the conversation
 * ends it either contains the ticket — resolves it itself, really fixing the problem with its
 * accuracy, the rest being confident wrong answers that come back through `returns` like any
 * other hidden failure — or hands it off to a human tier, through `handoffs` (context lost).
 *
 * It takes only new tickets (`open`): a customer who comes back within the reopen window is
 * reopened at the human entry tier, as after any resolution; a repeat contact is a new ticket
 * and may meet the bot again.
 *
 * Stream: `automation` (two draws per conversation: contained?, really fixed?). A desk without
 * an automation tier draws none, so its other draws are unchanged.
 */
import { createStream, type Rng } from '../../engine/index.js';
import type { AutomationTier } from '../../scenario/schema.js';
import { TicketState, type Ticket } from '../../desk/structures.js';
import { Kind, type Desk } from './desk.js';
import type { Handoffs } from './handoffs.js';

/** One automation tier, ready to simulate. */
interface Bot {
  id: string;
  /** Takes tickets of this channel / category / complexity index. */
  channels: boolean[];
  categories: boolean[];
  complexities: boolean[];
  /** Conversations at once (Infinity: unlimited), and how many it holds now. */
  concurrency: number;
  active: number;
  /** Minutes to its first reply, and from creation to the end of the conversation. */
  response: number;
  conversation: number;
  containment: number;
  accuracy: number;
  /** Tier index receiving what it does not contain, and that tier's place on the escalation chain. */
  handsOffTo: number;
  chainPosition: number;
}

/** A conversation on the calendar: its ticket and bot, and whether the reply is still to come. */
export class Conversation {
  constructor(
    readonly ticket: Ticket,
    readonly bot: number,
    public replied: boolean,
  ) {}
}

/** Mask over `ids`: every entry when `chosen` is absent. */
function mask(ids: readonly string[], chosen: readonly string[] | undefined): boolean[] {
  return ids.map((id) => chosen === undefined || chosen.includes(id));
}

export class Automation {
  /** The desk has an automation tier. */
  readonly enabled: boolean;
  private readonly bots: Bot[];
  private readonly random: Rng | null;

  constructor(
    private readonly desk: Desk,
    private readonly handoffs: Handoffs,
  ) {
    const model = desk.model;
    const scenario = model.scenario;
    const channelIds = model.channels.map((channel) => channel.id);
    const categoryIds = model.categories.map((category) => category.id);
    const complexityIds = model.complexities.map((complexity) => complexity.id);
    this.bots = scenario.automation.map((bot: AutomationTier): Bot => {
      const handsOffTo = bot.hands_off_to === undefined ? model.chain[0]! : desk.tierIds.indexOf(bot.hands_off_to);
      return {
        id: bot.id,
        channels: mask(channelIds, bot.channels),
        categories: mask(categoryIds, bot.categories),
        complexities: mask(complexityIds, bot.complexities),
        concurrency: bot.concurrency ?? Number.POSITIVE_INFINITY,
        active: 0,
        response: bot.response,
        conversation: Math.max(bot.response, bot.conversation ?? bot.response),
        containment: bot.containment,
        accuracy: bot.accuracy,
        handsOffTo,
        chainPosition: model.chain.indexOf(handsOffTo),
      };
    });
    this.enabled = this.bots.length > 0;
    this.random = this.enabled ? createStream(scenario.seed, desk.replication, 'automation') : null;
  }

  /** A new ticket: the first bot that takes its kind and has room starts a conversation; false if none does. */
  take(ticket: Ticket, now: number): boolean {
    const bots = this.bots;
    for (let index = 0; index < bots.length; index++) {
      const bot = bots[index]!;
      if (!bot.channels[ticket.channel] || !bot.categories[ticket.category] || !bot.complexities[ticket.complexity])
        continue;
      if (bot.active >= bot.concurrency) continue;
      bot.active++;
      ticket.state = TicketState.InService;
      this.desk.emit(now, 'queued', ticket.id, undefined, bot.id);
      this.desk.emit(now, 'assigned', ticket.id, undefined, bot.id);
      this.desk.schedule(now + bot.response, Kind.Automation, new Conversation(ticket, index, false));
      return true;
    }
    return false;
  }

  /** A calendar entry of a conversation: the bot's reply, then (now or later) its end. */
  converse(conversation: Conversation, now: number): void {
    const bot = this.bots[conversation.bot]!;
    const ticket = conversation.ticket;
    if (!conversation.replied) {
      conversation.replied = true;
      this.desk.reply(ticket, undefined, bot.id, 'substantive', now);
      const end = ticket.createdAt + bot.conversation;
      if (end > now) {
        this.desk.schedule(end, Kind.Automation, conversation);
        return;
      }
    }
    this.end(bot, ticket, now);
  }

  /** The conversation ends: contained (resolved, really fixed or not) or handed off to a human tier. */
  private end(bot: Bot, ticket: Ticket, now: number): void {
    const random = this.random!;
    bot.active--;
    // Both draws every time, so a change of containment does not shift the accuracy draws.
    const containedDraw = random();
    const fixDraw = random();
    const desk = this.desk;
    if (containedDraw < bot.containment) {
      desk.emit(now, 'resolved', ticket.id, undefined, bot.id);
      // A defect needs the product team's fix: no answer of the bot's can fix it.
      desk.settleResolution(ticket, bot.id, fixDraw < bot.accuracy && !ticket.needsEngineering, now);
      return;
    }
    const target = bot.handsOffTo;
    desk.emit(now, 'escalated', ticket.id, undefined, bot.id, 'handoff', desk.tierIds[target]);
    ticket.handoffs++;
    ticket.chainPosition = bot.chainPosition;
    ticket.asked = false;
    this.handoffs.handedOff(ticket);
    desk.enqueue(ticket, target, now);
  }
}
