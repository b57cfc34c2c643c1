/**
 * Rushing: an agent cuts a session short — `cut` of the work is skipped — and a resolution
 * at the end of it really fixes the problem less often (the fix probability drops by
 * `accuracy_loss`, relatively).
 *
 * Flatters handle time and throughput. Costs hidden failures: customers come back
 * (reopens, repeat contacts) or give up unhappy, and their returns are work again. One draw
 * per session, from `gaming.rushing.<seat>`.
 */
import type { Agent, Ticket } from '../structures.js';
import {
  BRIEF_SESSION,
  Session,
  type BehaviourContext,
  type BehaviourDefinition,
  type BehaviourHooks,
  type SeatStreams,
} from './behaviour.js';

class Rushing implements BehaviourHooks {
  private readonly intensities: Float64Array;
  private readonly gamed: BehaviourContext['gamed'];
  private readonly kept: number;
  private readonly fixKept: number;
  private readonly random: SeatStreams;

  constructor(context: BehaviourContext) {
    const settings = context.gaming.settings.rushing;
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

export const rushing: BehaviourDefinition = {
  id: 'rushing',
  choosesTickets: false,
  create: (context) => new Rushing(context),
};
