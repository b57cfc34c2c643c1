/**
 * The engineering dependency (docs/model.md, Engineering): some tickets need a fix that
 * support cannot make. The agent who diagnoses one files it with engineering; the ticket
 * waits (pending, kind `engineering`) and comes back to the same tier's queue when the
 * fix is delivered, for a follow-up session before it is resolved. Filing it sends the customer
 * a status reply (`engineering.status_reply`).
 *
 * Streams: `ticket.engineering` (one draw per ticket, on a desk where some category needs
 * engineering) and `engineering.delay`.
 */
import { createStream, type Rng } from '../../engine/index.js';
import { TicketState, type Agent, type Ticket } from '../../desk/structures.js';
import { Kind, type Desk } from './desk.js';

export class Engineering {
  private readonly random: Rng;
  private readonly delayRandom: Rng;

  constructor(private readonly desk: Desk) {
    const seed = desk.model.scenario.seed;
    this.random = createStream(seed, desk.replication, 'ticket.engineering');
    this.delayRandom = createStream(seed, desk.replication, 'engineering.delay');
  }

  /** Whether a new ticket needs engineering (`needsEngineering`: its category's share). */
  drawFor(ticket: Ticket, needsEngineering: number): void {
    ticket.needsEngineering = this.desk.model.engineeringUsed && this.random() < needsEngineering;
  }

  /** The agent has diagnosed a defect support cannot fix: the ticket waits for engineering. */
  file(ticket: Ticket, agent: Agent, now: number): void {
    const desk = this.desk;
    ticket.needsEngineering = false;
    ticket.engineered = true;
    ticket.state = TicketState.AwaitingEngineering;
    desk.dropWork(ticket);
    if (desk.gaming === null || !desk.gaming.engineeringWait(agent, ticket, now)) {
      // The customer hears that the defect is confirmed and with the product team: a status reply,
      // the first response of a ticket nobody has answered yet (email, mostly). An agent who
      // disguises the wait as waiting on the customer (gaming) sends a question instead.
      if (desk.model.engineering.statusReply)
        desk.reply(ticket, agent.name, desk.tierIds[agent.tier], 'substantive', now);
      desk.emit(now, 'pending', ticket.id, agent.name, desk.tierIds[agent.tier], 'engineering');
    }
    ticket.pendingTimers++;
    desk.schedule(now + desk.model.engineering.delay.sample(this.delayRandom), Kind.EngineeringDone, ticket);
  }

  /** The fix is delivered: follow-up work, a fraction of a fresh handle time, and the tier resolves it. */
  deliver(ticket: Ticket, now: number): void {
    const desk = this.desk;
    ticket.pendingTimers--;
    if (desk.gaming === null || !desk.gaming.engineeringDelivered(ticket, now)) {
      desk.emit(now, 'resumed', ticket.id, undefined, desk.tierIds[ticket.tier], 'engineering');
    }
    desk.redrawWork(ticket);
    ticket.setHandleDraw(ticket.handleDraw() * desk.model.engineering.followUp);
    ticket.setInfoDraw(1); // the fix is in: nothing left to ask the customer
    ticket.setSolveDraw(0);
    desk.enqueue(ticket, ticket.tier, now);
  }
}
