/**
 * Premature close: at the end of a session that would leave the ticket waiting — on the
 * customer's answer to an information request, or on an engineering fix — the agent marks
 * it solved and closes it at once (`closed`, kind `agent`), so it can no longer be
 * reopened. Nothing was fixed: no `truth_fixed`. The customer comes back through the usual
 * return machinery — as a new ticket, since this one is closed (a repeat contact, one
 * contact more) — or gives up unhappy.
 *
 * Flatters resolution time, backlog and closures (and keeps reopens off the dashboard).
 * Costs hidden failures, repeat tickets and their work, and the customer's satisfaction.
 * One draw per such session, from the agent's stream `gaming.premature_close.<seat>`.
 */
import type { Agent, Ticket } from '../structures.js';
import {
  Outcome,
  Resolution,
  type BehaviourContext,
  type BehaviourDefinition,
  type BehaviourHooks,
  type GamingDesk,
  type SeatStreams,
} from './behaviour.js';

class PrematureClose implements BehaviourHooks {
  private readonly desk: GamingDesk;
  private readonly intensities: Float64Array;
  private readonly gamed: BehaviourContext['gamed'];
  private readonly random: SeatStreams;

  constructor(context: BehaviourContext) {
    this.desk = context.desk;
    this.intensities = context.intensities;
    this.gamed = context.gamed;
    this.random = context.seatStreams('gaming.premature_close');
  }

  finish(agent: Agent, ticket: Ticket, outcome: Outcome, now: number): boolean {
    if (outcome !== Outcome.AskCustomer && outcome !== Outcome.Engineering) return false;
    if (this.random.of(agent)() >= this.intensities[agent.slot]!) return false;
    this.gamed(agent, ticket, now);
    this.desk.resolve(ticket, agent, now, Resolution.Closed);
    return true;
  }
}

export const prematureClose: BehaviourDefinition = {
  id: 'premature_close',
  choosesTickets: false,
  create: (context) => new PrematureClose(context),
};
