/**
 * Cherry-picking: a free agent takes the easiest waiting ticket — the lowest complexity by
 * mean handle time, then the usual order — instead of the next in line, priority included.
 *
 * Flatters the agent's throughput and handle time (short tickets first; the long ones age,
 * and more of them are still open at the end or abandoned by their customers). Costs the
 * hard tickets' waits: resolution-time tails, SLA misses of urgent complex tickets. One
 * draw per free moment with a choice (two or more tickets waiting), from
 * `gaming.cherry_pick.<seat>`.
 */
import type { z } from 'zod';
import { defineBehaviour, behaviourSection } from './definition.js';
import type { Agent, Ticket } from '../desk/structures.js';
import type { BehaviourContext, BehaviourHooks, SeatStreams } from '../desk/gaming.js';
import type { SelectiveQueue } from '../desk/selective-queue.js';

const section = behaviourSection(
  'A free agent takes the easiest waiting ticket (lowest mean handle time) instead of the next in line.',
);

class CherryPick implements BehaviourHooks {
  private readonly intensities: Float64Array;
  private readonly gamed: BehaviourContext['gamed'];
  private readonly random: SeatStreams;

  constructor(context: BehaviourContext<z.output<typeof section>>) {
    this.intensities = context.intensities;
    this.gamed = context.gamed;
    this.random = context.seatStreams('gaming.cherry_pick');
  }

  pick(agent: Agent, queue: SelectiveQueue, now: number): Ticket | undefined {
    if (queue.waiting < 2 || this.random.of(agent)() >= this.intensities[agent.slot]!) return undefined;
    const ticket = queue.takeEasiest()!;
    this.gamed(agent, ticket, now);
    return ticket;
  }
}

export const cherryPick = defineBehaviour({
  id: 'cherry_pick',
  precedence: 20,
  section,
  defaults: {},
  pressures: { first_response_time_mean: 0.3, backlog_mean: 0.3, tickets_per_agent_day: 1, handle_time_mean: 0.3 },
  choosesTickets: true,
  create: (context) => new CherryPick(context),
});
