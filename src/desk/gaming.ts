/**
 * The plug-in contract of gaming behaviours (`src/gaming/`): the decision points where the
 * simulation asks them (hooks), the few things they may do to the desk (`GamingDesk`), and
 * what they are built from (`BehaviourContext`). A behaviour changes what agents do to
 * tickets — which ticket they take, how long they work, how a session ends, whether a survey
 * goes out — and never touches an output: every effect on a KPI comes from the events those
 * tickets then produce.
 *
 * ```
 * agent free ──pick──▶ assign ──plan──▶ work ──finish──▶ (the session's outcome)
 *                                                         ├─ resolve ──fixProbability, resolved
 *                                                         ├─ escalate ──escalating
 *                                                         └─ ask customer / engineering
 *                                                              ──engineeringWait … engineeringDelivered
 * customer answers ──customerAnswered        ticket closes ──surveys
 * ```
 */
import { createStream, type Rng, type Sampler } from '../engine/index.js';
import type { SatisfactionModel } from './satisfaction.js';
import type { SelectiveQueue } from './selective-queue.js';
import type { Agent, Ticket } from './structures.js';
import type { DeskWrites } from './writes.js';

/** How a work session ends when nobody games, as the ticket's draws and the agent's skill decide. */
export const Outcome = { Resolve: 0, Escalate: 1, AskCustomer: 2, Engineering: 3 } as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];

/** Marks on a ticket's current session (`Ticket.session`), set when it is picked or planned. */
export const Session = {
  /** A templated acknowledgement, not work on the problem. */
  Acknowledge: 1,
  /** A short look before escalating. */
  Dump: 2,
  /** Cut short. */
  Rush: 4,
  /** Part of the issue, after which the ticket is split. */
  Split: 8,
  /** Waiting on a needless question (not a session: the ticket is between tiers). */
  Paused: 16,
} as const;

/** Sessions too short for a knowledge lookup. */
export const BRIEF_SESSION = Session.Acknowledge | Session.Dump;

/** How a ticket is marked solved. */
export const Resolution = {
  /** As usual: really fixed with the tier's accuracy (the truth draw). */
  Drawn: 0,
  /** Not fixed: the customer may come back (reopen or repeat contact). */
  Unfixed: 1,
  /** Not fixed, and the customer does not come back: the issue goes on in another ticket. */
  Part: 2,
  /** Not fixed, and closed at once (`closed`, kind `agent`): a customer who comes back opens a new ticket. */
  Closed: 3,
} as const;
export type Resolution = (typeof Resolution)[keyof typeof Resolution];

/** What a behaviour may do to the desk (the simulation implements it). */
export interface GamingDesk extends DeskWrites {
  /**
   * The agent marks the ticket solved (public reply, resolved, then truth and the customer's return
   * as `resolution` says).
   */
  resolve(ticket: Ticket, agent: Agent, now: number, resolution: Resolution): void;
  /** The agent escalates the ticket to its tier's target. */
  escalate(ticket: Ticket, agent: Agent, now: number): void;
  /** The ticket returns to a tier's queue in the place it held (selective queues only). */
  requeue(ticket: Ticket, tier: number, now: number): void;
  /**
   * A new ticket about the same issue: same customer, channel, category, complexity, priority and
   * draws; one contact more.
   */
  spawn(from: Ticket, now: number): Ticket;
  /** A new ticket enters the log and the entry tier's queue. */
  open(ticket: Ticket, now: number): void;
  /** The ticket's customer answers (a calendar entry at `at`: then `BehaviourHooks.customerAnswered`). */
  scheduleAnswer(ticket: Ticket, at: number): void;
  /** The desk closes the ticket unresolved at `at` for want of the customer's answer (`closed`, kind `no_reply`). */
  scheduleSilentClose(ticket: Ticket, at: number): void;
  /** Writes the customer's answer (`customer_replied`, with the customer). */
  customerReplied(ticket: Ticket, now: number): void;
}

/** The decision points. A behaviour implements those where it acts; the first that acts wins. */
export interface BehaviourHooks {
  /**
   * A free agent chooses its next ticket from its tier's queue; undefined leaves the choice to
   * others (finally: the next in line).
   */
  pick?(agent: Agent, queue: SelectiveQueue, now: number): Ticket | undefined;
  /** A session starts: returns its work time (minutes), possibly changed; may mark `ticket.session`. */
  plan?(agent: Agent, ticket: Ticket, workTime: number, now: number): number;
  /** A session ends with `outcome` unless a behaviour acts instead: true when it did. */
  finish?(agent: Agent, ticket: Ticket, outcome: Outcome, now: number): boolean;
  /** The probability that a resolution now really fixes the problem. */
  fixProbability?(ticket: Ticket, probability: number): number;
  /** The agent escalates to `target`: true when the behaviour took the ticket over (instead of the target's queue). */
  escalating?(agent: Agent, ticket: Ticket, target: number, now: number): boolean;
  /**
   * The agent files the ticket with engineering: true when the behaviour wrote the wait's events
   * (instead of `pending`, kind `engineering`).
   */
  engineeringWait?(agent: Agent, ticket: Ticket, now: number): boolean;
  /** Engineering delivers: true when the behaviour wrote the `resumed` event. */
  engineeringDelivered?(ticket: Ticket, now: number): boolean;
  /**
   * A customer's answer is due: true when it answers a question of this behaviour's (which then
   * writes what follows).
   */
  customerAnswered?(ticket: Ticket, now: number): boolean;
  /** A ticket was marked solved. */
  resolved?(ticket: Ticket, agent: Agent, now: number): void;
  /** A resolved ticket closes: false withholds its survey. */
  surveys?(ticket: number): boolean;
  /** The probability that an entry-tier agent consults the knowledge base. */
  consult?(probability: number): number;
}

/**
 * What a behaviour may read of the built desk: a view of the model's `DeskModel`, which
 * satisfies it (the model passes itself).
 */
export interface DeskFacts {
  /** Channels by index (a ticket's `channel`): the id events name. */
  readonly channels: ReadonlyArray<{ readonly id: string }>;
  /** Tiers by index: the id events name, and the escalation target's index (−1: none). */
  readonly tiers: ReadonlyArray<{ readonly id: string; readonly escalatesTo: number }>;
  /** Complexity levels by index, with their handle-time distributions. */
  readonly complexities: ReadonlyArray<{ readonly handleTime: Sampler }>;
  readonly customers: {
    /** Delay of a customer's answer to a question. */
    readonly replyDelay: Sampler;
    /** Probability that a customer never answers a question. */
    readonly silence: number;
    /** Minutes after which the desk closes a ticket whose customer stays silent. */
    readonly silentCloseAfter: number;
    readonly satisfaction: SatisfactionModel;
  };
}

/** Everything a behaviour is built from, per replication; `Settings` is its scenario section, parsed. */
export interface BehaviourContext<Settings = unknown> {
  desk: GamingDesk;
  model: DeskFacts;
  /** The behaviour's own scenario section (`gaming.<id>`), defaults filled in, durations in minutes. */
  settings: Settings;
  /** Rank of each complexity index from the easiest (lowest mean handle time, 0) to the hardest. */
  easeRank: Int32Array;
  /** Effective intensity of this behaviour (explicit and incentives combined). */
  intensity: number;
  /**
   * This behaviour's intensity for each seat, by `Agent.slot`: `intensity` for the seats
   * that game (every seat without `gamers`), 0 for the others.
   */
  intensities: Float64Array;
  /** Records, as truth only, that the agent gamed the ticket by this behaviour (`truth_gamed`, kind: the behaviour). */
  gamed(agent: Agent, ticket: Ticket, now: number): void;
  /** Each tier's selective queue (empty unless some behaviour needs them). */
  queues: readonly SelectiveQueue[];
  /** Agents' own streams for one purpose: `gaming.<behaviour>.<seat>`. */
  seatStreams(purpose: string): SeatStreams;
  /** A desk-level stream: `gaming.<behaviour>.<purpose>`. */
  stream(purpose: string): Rng;
}

/**
 * One stream per seat for one purpose, created when the seat first decides. Like the
 * `agents.<seat>.*` streams, a seat's draws do not depend on how many other seats there are.
 */
export class SeatStreams {
  private readonly streams = new Map<string, Rng>();

  constructor(
    private readonly seed: number,
    private readonly replication: number,
    private readonly purpose: string,
  ) {}

  of(agent: Agent): Rng {
    let stream = this.streams.get(agent.seat);
    if (stream === undefined) {
      stream = createStream(this.seed, this.replication, `${this.purpose}.${agent.seat}`);
      this.streams.set(agent.seat, stream);
    }
    return stream;
  }
}
