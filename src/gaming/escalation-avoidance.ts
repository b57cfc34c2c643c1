/**
 * Escalation avoidance: an agent who cannot solve a ticket holds it instead of escalating.
 * It goes back to the same tier's queue for another session (`retries` of them, each a
 * fresh handle time; the agent still cannot solve it unless a knowledge lookup now finds the
 * answer), and then the agent marks it solved anyway — unfixed, so its customer comes back
 * or gives up.
 *
 * Flatters the escalation rate and first-contact resolution. Costs hidden failures,
 * reopens, the entry tier's time, and the true resolution time (the specialist gets the
 * ticket only after the customer has come back). One draw per ticket the agent would
 * escalate, from `gaming.escalation_avoidance.<seat>`; retry handle times come from the same
 * stream. Once held, a ticket stays held until marked solved.
 */
import { z } from 'zod';
import { defineBehaviour, behaviourSection } from './definition.js';
import type { Agent, Ticket } from '../desk/structures.js';
import {
  Outcome,
  Resolution,
  type BehaviourContext,
  type BehaviourHooks,
  type DeskFacts,
  type GamingDesk,
  type SeatStreams,
} from '../desk/gaming.js';

const section = behaviourSection(
  'An agent who cannot solve a ticket holds it instead of escalating: more sessions at the same tier, then a ' +
    'false resolution.',
  {
    retries: z
      .number()
      .int()
      .min(0)
      .max(5)
      .default(1)
      .describe('Extra sessions the agent spends on a ticket it cannot solve before marking it solved anyway.'),
  },
);

class EscalationAvoidance implements BehaviourHooks {
  private readonly desk: GamingDesk;
  private readonly model: DeskFacts;
  private readonly intensities: Float64Array;
  private readonly gamed: BehaviourContext['gamed'];
  private readonly retries: number;
  private readonly random: SeatStreams;
  /** Ticket id → retries spent on it. */
  private readonly held = new Map<number, number>();

  constructor(context: BehaviourContext<z.output<typeof section>>) {
    this.desk = context.desk;
    this.model = context.model;
    this.intensities = context.intensities;
    this.gamed = context.gamed;
    this.retries = context.settings.retries;
    this.random = context.seatStreams('gaming.escalation_avoidance');
  }

  finish(agent: Agent, ticket: Ticket, outcome: Outcome, now: number): boolean {
    if (outcome !== Outcome.Escalate) return false;
    const random = this.random.of(agent);
    const held = this.held.get(ticket.id);
    const spent = held ?? (random() < this.intensities[agent.slot]! ? 0 : -1);
    if (spent < 0) return false;
    if (held === undefined) this.gamed(agent, ticket, now);
    if (spent < this.retries) {
      this.held.set(ticket.id, spent + 1);
      ticket.setHandleDraw(this.model.complexities[ticket.complexity]!.handleTime.sample(random));
      this.desk.enqueue(ticket, ticket.tier, now);
    } else {
      this.held.delete(ticket.id);
      this.desk.resolve(ticket, agent, now, Resolution.Unfixed);
    }
    return true;
  }
}

export const escalationAvoidance = defineBehaviour({
  id: 'escalation_avoidance',
  precedence: 70,
  section,
  defaults: { retries: 'one more try before giving in' },
  pressures: { escalation_rate: 1, fcr_rate: 0.8 },
  choosesTickets: false,
  create: (context) => new EscalationAvoidance(context),
});
