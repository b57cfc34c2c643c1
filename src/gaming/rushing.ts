/**
 * Rushing: an agent cuts a session short — `cut` of the work is skipped — and a resolution
 * at the end of it really fixes the problem less often (the fix probability drops by
 * `accuracy_loss`, relatively).
 *
 * Flatters handle time and throughput. Costs hidden failures: customers come back
 * (reopens, repeat contacts) or give up unhappy, and their returns are work again. One draw
 * per session, from `gaming.rushing.<seat>`.
 */
import { z } from 'zod';
import { probability } from '../document/values.js';
import { defineBehaviour, behaviourSection } from './definition.js';
import type { Agent, Ticket } from '../desk/structures.js';
import {
  BRIEF_SESSION,
  Session,
  type BehaviourContext,
  type BehaviourHooks,
  type SeatStreams,
} from '../desk/gaming.js';

const section = behaviourSection(
  'An agent cuts a session short: less work, a lower chance that the resolution really fixes the problem.',
  {
    cut: z.number().min(0).max(0.9).default(0.4).describe('Share of the work a rushed session skips.'),
    accuracy_loss: probability
      .default(0.3)
      .describe('Relative drop of the probability that a rushed resolution really fixes the problem.'),
  },
);

class Rushing implements BehaviourHooks {
  private readonly intensities: Float64Array;
  private readonly gamed: BehaviourContext['gamed'];
  private readonly kept: number;
  private readonly fixKept: number;
  private readonly random: SeatStreams;

  constructor(context: BehaviourContext<z.output<typeof section>>) {
    const settings = context.settings;
    this.intensities = context.intensities;
    this.gamed = context.gamed;
    this.kept = 1 - settings.cut;
    this.fixKept = 1 - settings.accuracy_loss;
    this.random = context.seatStreams('gaming.rushing');
  }

  plan(agent: Agent, ticket: Ticket, workTime: number, now: number): number {
    if ((ticket.session & BRIEF_SESSION) !== 0 || this.random.of(agent)() >= this.intensities[agent.slot]!)
      return workTime;
    ticket.session |= Session.Rush;
    this.gamed(agent, ticket, now);
    return workTime * this.kept;
  }

  fixProbability(ticket: Ticket, probability: number): number {
    return (ticket.session & Session.Rush) !== 0 ? probability * this.fixKept : probability;
  }
}

export const rushing = defineBehaviour({
  id: 'rushing',
  precedence: 50,
  section,
  defaults: {
    cut: 'a rushed session skips about two fifths of the work',
    accuracy_loss: 'and fixes a third less often',
  },
  pressures: { resolution_time_mean: 0.5, tickets_per_agent_day: 0.7, handle_time_mean: 1, replies_per_ticket: 0.5 },
  choosesTickets: false,
  create: (context) => new Rushing(context),
});
