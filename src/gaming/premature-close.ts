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
import type { z } from 'zod';
import { defineBehaviour, behaviourSection } from './definition.js';
import type { Agent, Ticket } from '../desk/structures.js';
import {
  Outcome,
  Resolution,
  type BehaviourContext,
  type BehaviourHooks,
  type GamingDesk,
  type SeatStreams,
} from '../desk/gaming.js';

const section = behaviourSection(
  'Instead of asking the customer for information or waiting for engineering, the agent marks the ticket solved, ' +
    'unfixed.',
);

class PrematureClose implements BehaviourHooks {
  private readonly desk: GamingDesk;
  private readonly intensities: Float64Array;
  private readonly gamed: BehaviourContext['gamed'];
  private readonly random: SeatStreams;

  constructor(context: BehaviourContext<z.output<typeof section>>) {
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

export const prematureClose = defineBehaviour({
  id: 'premature_close',
  precedence: 60,
  section,
  defaults: {},
  pressures: {
    sla_resolution_compliance: 0.5,
    resolution_time_mean: 1,
    backlog_mean: 0.7,
    tickets_per_agent_day: 0.5,
    replies_per_ticket: 0.7,
  },
  choosesTickets: false,
  create: (context) => new PrematureClose(context),
});
