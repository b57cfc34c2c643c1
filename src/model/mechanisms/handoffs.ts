/**
 * What a handoff costs (docs/model.md, Automation tier). A handoff — a bot passing a ticket
 * to a human, an escalation, a hand-back — loses the context with `handoffs.context_lost`:
 * the customer repeats themselves, which costs them effort and satisfaction
 * (`satisfaction.ts`, repeats) and the receiving tier's next session extra handle time. And
 * a tier that receives an escalated ticket may hand it back to the tier that sent it after a
 * look (`handoffs.hand_back`, ping-pong): an `escalated` event of kind `hand_back`. The sender
 * works it again with its own draws, so what it could not solve it escalates again, and the
 * receiver may bounce it again (at most 0.9 each time).
 *
 * Stream: `handoffs` (one draw per handoff when context can be lost, one per escalated
 * ticket's first session at a tier that hands back). A desk where neither is set draws none.
 */
import { createStream, type Rng } from '../../engine/index.js';
import type { Agent, Ticket } from '../../desk/structures.js';
import type { Desk } from './desk.js';

export class Handoffs {
  /** Some handoff loses context, or some tier hands tickets back. */
  readonly enabled: boolean;
  private readonly contextLost: number;
  /** Extra minutes (speed 1) of the next session after the customer repeats themselves. */
  private readonly repeatTime: number;
  /** Hand-back probability by tier index. */
  private readonly handBack: Float64Array;
  private readonly random: Rng | null;

  constructor(private readonly desk: Desk) {
    const scenario = desk.model.scenario;
    const settings = scenario.handoffs;
    this.contextLost = settings.context_lost;
    this.repeatTime = settings.repeat_time;
    const handBack = settings.hand_back;
    this.handBack = Float64Array.from(desk.tierIds, (id) =>
      typeof handBack === 'number' ? handBack : (handBack[id] ?? 0),
    );
    this.enabled = this.contextLost > 0 || this.handBack.some((probability) => probability > 0);
    this.random = this.enabled ? createStream(scenario.seed, desk.replication, 'handoffs') : null;
  }

  /** A handoff has happened: the context may be lost, and the customer repeat themselves at the next session. */
  handedOff(ticket: Ticket): void {
    if (this.contextLost === 0) return;
    if (this.random!() < this.contextLost) {
      ticket.repeats++;
      ticket.retell += this.repeatTime;
    }
  }

  /** An agent escalated the ticket from tier `from`: the context may be lost, and the receiver may hand it back. */
  escalated(ticket: Ticket, from: number): void {
    this.handedOff(ticket);
    ticket.escalatedFrom = this.handBack[this.desk.model.tiers[from]!.escalatesTo]! > 0 ? from : -1;
  }

  /**
   * The first session at a tier that received the ticket by escalation has ended: with the
   * tier's hand-back probability the agent sends it back where it came from (true).
   */
  handsBack(ticket: Ticket, agent: Agent, now: number): boolean {
    const sender = ticket.escalatedFrom;
    ticket.escalatedFrom = -1;
    if (this.random!() >= this.handBack[ticket.tier]!) return false;
    const desk = this.desk;
    desk.emit(now, 'escalated', ticket.id, agent.name, desk.tierIds[agent.tier], 'hand_back', desk.tierIds[sender]);
    ticket.handoffs++;
    ticket.chainPosition--;
    ticket.asked = false;
    this.handedOff(ticket);
    desk.enqueue(ticket, sender, now);
    return true;
  }
}
