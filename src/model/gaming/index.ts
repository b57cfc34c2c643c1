/**
 * Gaming in one replication: the behaviours whose effective intensity is above 0 (and
 * legitimate effort, when incentives induce some), built from the registry, and the
 * simulation's decision points dispatched to them. A desk without gaming gets no `Gaming`
 * at all (`createGaming` returns null): no hook is called and no stream is drawn from.
 */
import { createStream } from '../../engine/index.js';
import type { DeskModel } from '../build.js';
import type { BehaviourContext, BehaviourHooks, GamingDesk, Outcome } from '../../desk/gaming.js';
import { SeatStreams, Session } from '../../desk/gaming.js';
import { SelectiveQueue } from '../../desk/selective-queue.js';
import type { Agent, Ticket, TierQueue } from '../../desk/structures.js';
import type { BehaviourDefinition, BehaviourSettings } from '../../gaming/definition.js';
import { behavioursByPrecedence, type GamingBehaviour } from '../../gaming/registry.js';
import { LEGITIMATE_EFFORTS } from '../../scenario/incentives.js';
import { LegitimateEffort } from './effort.js';
import { lazySeatDraws, seatIntensities } from './people.js';

export { BRIEF_SESSION, Outcome, Resolution, type GamingDesk } from '../../desk/gaming.js';

/** The behaviours in the order they act, computed once (the registry does not change). */
const BY_PRECEDENCE = behavioursByPrecedence();

/** The gaming of one replication; the simulation calls it at each decision point. */
export class Gaming {
  /** Each tier's queue when agents choose tickets, else empty (tiers keep `TicketQueue`). */
  readonly queues: readonly SelectiveQueue[];
  /** Probability that an entry-tier agent consults the knowledge base. */
  readonly consultProbability: number;
  private readonly pickers: BehaviourHooks[] = [];
  private readonly planners: BehaviourHooks[] = [];
  private readonly finishers: BehaviourHooks[] = [];
  private readonly fixers: BehaviourHooks[] = [];
  private readonly escalators: BehaviourHooks[] = [];
  private readonly engineeringWaiters: BehaviourHooks[] = [];
  private readonly deliveries: BehaviourHooks[] = [];
  private readonly answers: BehaviourHooks[] = [];
  private readonly resolvers: BehaviourHooks[] = [];
  private readonly surveyors: BehaviourHooks[] = [];

  constructor(model: DeskModel, desk: GamingDesk, replication: number) {
    const gaming = model.gaming;
    const active = BY_PRECEDENCE.filter((definition) => gaming.intensity[definition.id as GamingBehaviour] > 0);
    const effort = LEGITIMATE_EFFORTS.some((kind) => gaming.effort[kind] > 0);
    const chooses = active.some((definition) => definition.choosesTickets) || gaming.effort.responsiveness > 0;
    const live = model.channels.map((channel) => channel.repliesOnPickup);
    this.queues = chooses
      ? model.tiers.map(
          () => new SelectiveQueue(model.bucketCount, model.complexities.length, gaming.easiestFirst, live),
        )
      : [];
    const seed = model.scenario.seed;
    const draws = lazySeatDraws(model);
    const seatStreams = (purpose: string) => new SeatStreams(seed, replication, purpose);
    const context = (definition: BehaviourDefinition): BehaviourContext<BehaviourSettings> => {
      const behaviour = definition.id as GamingBehaviour;
      const intensity = gaming.intensity[behaviour];
      return {
        desk,
        model,
        settings: gaming.settings[behaviour],
        easeRank: gaming.easeRank,
        intensity,
        intensities: seatIntensities(model, behaviour, intensity, draws),
        gamed: (agent, ticket, now) =>
          desk.emit(now, 'truth_gamed', ticket.id, agent.name, model.tiers[agent.tier]!.id, behaviour),
        queues: this.queues,
        seatStreams,
        stream: (purpose) => createStream(seed, replication, purpose),
      };
    };
    const hooks = active.map((definition) => definition.create(context(definition)));
    if (effort) hooks.push(new LegitimateEffort(gaming.effort, seatStreams));
    for (const behaviour of hooks) {
      if (behaviour.pick) this.pickers.push(behaviour);
      if (behaviour.plan) this.planners.push(behaviour);
      if (behaviour.finish) this.finishers.push(behaviour);
      if (behaviour.fixProbability) this.fixers.push(behaviour);
      if (behaviour.escalating) this.escalators.push(behaviour);
      if (behaviour.engineeringWait) this.engineeringWaiters.push(behaviour);
      if (behaviour.engineeringDelivered) this.deliveries.push(behaviour);
      if (behaviour.customerAnswered) this.answers.push(behaviour);
      if (behaviour.resolved) this.resolvers.push(behaviour);
      if (behaviour.surveys) this.surveyors.push(behaviour);
    }
    this.consultProbability = hooks.reduce(
      (probability, behaviour) => behaviour.consult?.(probability) ?? probability,
      model.knowledge.consult,
    );
  }

  /** The ticket a free agent takes next from its tier's queue. */
  next(agent: Agent, queue: TierQueue, now: number): Ticket | undefined {
    if (queue.waiting === 0) return undefined;
    for (const behaviour of this.pickers) {
      const ticket = behaviour.pick!(agent, queue as SelectiveQueue, now);
      if (ticket !== undefined) return ticket;
    }
    return queue.take();
  }

  /** A session starts: its work time, after every behaviour's plan. */
  plan(agent: Agent, ticket: Ticket, workTime: number, now: number): number {
    // Marks of an earlier session are gone; an acknowledgement was marked when picked.
    ticket.session &= Session.Acknowledge;
    for (const behaviour of this.planners) workTime = behaviour.plan!(agent, ticket, workTime, now);
    return workTime;
  }

  /** A session ends: true when a behaviour acted instead of the natural `outcome`. */
  finish(agent: Agent, ticket: Ticket, outcome: Outcome, now: number): boolean {
    for (const behaviour of this.finishers) if (behaviour.finish!(agent, ticket, outcome, now)) return true;
    return false;
  }

  fixProbability(ticket: Ticket, probability: number): number {
    for (const behaviour of this.fixers) probability = behaviour.fixProbability!(ticket, probability);
    return probability;
  }

  /** True when a behaviour took an escalating ticket over. */
  escalating(agent: Agent, ticket: Ticket, target: number, now: number): boolean {
    for (const behaviour of this.escalators) if (behaviour.escalating!(agent, ticket, target, now)) return true;
    return false;
  }

  /** True when a behaviour wrote the events of a ticket's wait on engineering. */
  engineeringWait(agent: Agent, ticket: Ticket, now: number): boolean {
    for (const behaviour of this.engineeringWaiters) if (behaviour.engineeringWait!(agent, ticket, now)) return true;
    return false;
  }

  /** True when a behaviour wrote the `resumed` of an engineering delivery. */
  engineeringDelivered(ticket: Ticket, now: number): boolean {
    for (const behaviour of this.deliveries) if (behaviour.engineeringDelivered!(ticket, now)) return true;
    return false;
  }

  /** True when a customer's answer was to a behaviour's question, and the behaviour handled it. */
  customerAnswered(ticket: Ticket, now: number): boolean {
    for (const behaviour of this.answers) if (behaviour.customerAnswered!(ticket, now)) return true;
    return false;
  }

  resolved(ticket: Ticket, agent: Agent, now: number): void {
    for (const behaviour of this.resolvers) behaviour.resolved!(ticket, agent, now);
  }

  /** False when the closing ticket's survey is withheld. */
  surveys(ticket: number): boolean {
    for (const behaviour of this.surveyors) if (!behaviour.surveys!(ticket)) return false;
    return true;
  }
}

/** The gaming of one replication, or null when the desk has none. */
export function createGaming(model: DeskModel, desk: GamingDesk, replication: number): Gaming | null {
  return model.gaming.active ? new Gaming(model, desk, replication) : null;
}
