/**
 * The plug-in contract of mechanisms (`src/mechanisms/`): the generic decision points where
 * the desk core asks a plug-in mechanism (`MechanismHooks`), what it may do to the desk
 * (`MechanismDesk`), and what it is built from (`MechanismContext`). A plug-in keeps its
 * parameters, random streams and state in its own object; the core holds none of it.
 *
 * ```
 * created ──opened──▶ queued … assigned ──assigned (work time)──▶ work ─┬─ resolved ──resolved
 *                                                                        └─ escalated ──escalated
 * its own calendar entries ──due
 * ```
 */
import type { Rng } from '../engine/index.js';
import type { DeskFacts } from './gaming.js';
import type { Agent, Ticket } from './structures.js';
import type { DeskWrites } from './writes.js';

/** What a plug-in mechanism may do to the desk (the desk core implements it). */
export interface MechanismDesk extends DeskWrites {
  /** Tier ids by index (the `tier` of events). */
  readonly tierIds: readonly string[];
  /** A finished ticket goes back to the pool once nothing points at it (see `MechanismContext.schedule`). */
  release(ticket: Ticket): void;
  /** Tickets waiting in a tier's queue. */
  waiting(tier: number): number;
  /** Agents of a tier on duty and idle. */
  idleAgents(tier: number): number;
}

/**
 * The decision points of the desk core a plug-in mechanism may act at; it implements those it
 * needs. The plug-ins are asked in registry order, after the built-in mechanisms and the
 * gaming behaviours have acted there (at an escalation: before a gaming behaviour may take
 * the ticket over on its way to the target's queue).
 */
export interface MechanismHooks {
  /** A new ticket has entered the log (`created`), before it is routed. */
  opened?(ticket: Ticket, now: number): void;
  /** An agent starts a session on the ticket: returns its work time (minutes), possibly changed. */
  assigned?(agent: Agent, ticket: Ticket, workTime: number, now: number): number;
  /** The agent marked the ticket solved (after `resolved` and, if fixed, `truth_fixed`). */
  resolved?(ticket: Ticket, agent: Agent, now: number): void;
  /** The agent escalated the ticket from tier `from` to tier `to`. */
  escalated?(ticket: Ticket, agent: Agent, from: number, to: number, now: number): void;
  /** One of the mechanism's own calendar entries is due (`MechanismContext.schedule`). */
  due?(entry: object, now: number): void;
}

/** What a plug-in mechanism is built from, per replication; `Settings` is its scenario section, parsed. */
export interface MechanismContext<Settings = unknown> {
  desk: MechanismDesk;
  /** What the mechanism may read of the built desk. */
  model: DeskFacts;
  /** The mechanism's own scenario section, defaults filled in, durations in minutes. */
  settings: Settings;
  /** Minutes simulated: an entry due later never fires. */
  horizon: number;
  /**
   * A random stream of its own, named `<purpose>` (derived from the seed and the replication,
   * like every stream): a desk without the mechanism never creates it.
   */
  stream(purpose: string): Rng;
  /**
   * Puts an entry on the calendar at `at`, of the mechanism's own kind (after every built-in
   * kind at equal times); its `due` hook gets it. A ticket kept in an entry must outlive the
   * wait: count it in `ticket.pendingTimers` and release it in `due`.
   */
  schedule(at: number, entry: object): void;
}
