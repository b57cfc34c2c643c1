/**
 * What a mechanism may do to the desk: the narrow interface of the desk core
 * (`../simulate.ts`), and the kinds of calendar entry with their order at equal times.
 *
 * The core owns the event loop, the tickets' way through queues and service, and closing;
 * each mechanism (this folder) owns its random streams, parameters and state, and acts on
 * tickets only through this interface. See docs/architecture.md, "A ticket's life".
 */
import type { Rng } from '../../engine/index.js';
import type { EventType } from '../../eventlog/types.js';
import type { DeskModel } from '../build.js';
import type { Gaming } from '../gaming/index.js';
import type { Agent, Ticket } from '../../desk/structures.js';
import type { MechanismDesk } from '../../desk/mechanism.js';

/**
 * Kinds of calendar entry, and their tie-breaking at equal times: finish work first, then
 * duty changes, closes (a customer returning just as the window ends opens a new ticket),
 * abandonment, customer returns, customer answers, silent customers' tickets closed by
 * policy, engineering fixes delivered, survey answers, arrivals, chases, then automation
 * tiers' replies and conversation ends; the plug-in mechanisms' entries (the automatic
 * acknowledgement's among them) come after all of these. Agents' absences,
 * the daily attrition review and hires come right after shift changes. Finishing work, closes
 * and arrivals are not calendar entries: see the core's event loop.
 */
export const Kind = {
  WorkDone: 0,
  ShiftChange: 1,
  Absence: 2,
  Review: 3,
  Hire: 4,
  Close: 5,
  Abandonment: 6,
  Return: 7,
  CustomerReply: 8,
  SilentClose: 9,
  EngineeringDone: 10,
  SurveyAnswer: 11,
  Arrival: 12,
  /** A customer chasing a ticket that waits in a queue (`aging.ts`). */
  Chase: 13,
  /** An automation tier's reply or the end of its conversation (mechanisms/automation.ts). */
  Automation: 14,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

/** The plug-in mechanisms' calendar kinds follow the built-in ones, one each in registry order (plugins.ts). */
export const FIRST_PLUGIN_KIND = 15;

export const MINUTES_PER_DAY = 24 * 60;

/** The desk core as the built-in mechanisms see it: what a plug-in sees, and more. */
export interface Desk extends MechanismDesk {
  readonly model: DeskModel;
  readonly replication: number;
  /** The gaming behaviours in play, or null. */
  readonly gaming: Gaming | null;
  /** Every seat, in plan order: its index is the seat's work timer (the workforce fills it). */
  readonly agents: Agent[];
  /** Writes an event that also names the ticket's channel, category, priority or customer. */
  emitAbout(
    time: number,
    type: EventType,
    ticket: number | undefined,
    kind: string | undefined,
    channel: string | undefined,
    category: string | undefined,
    priority: string | undefined,
    customer: number,
  ): void;
  /** Puts an entry on the calendar at `time`. */
  schedule(time: number, kind: Kind, entry: object): void;
  /**
   * A ticket resolved without an agent's session (an automation tier, which emitted `resolved`):
   * `truth_fixed` if really fixed, else the customer may come back; then it waits to close.
   */
  settleResolution(ticket: Ticket, tier: string, fixed: boolean, now: number): void;
  /** A new ticket enters the log and the entry tier's queue. */
  open(ticket: Ticket, now: number, searchedFirst?: boolean): void;
  /** A ticket object for a new ticket about the same issue as `from`: its identity, a new id, one contact more. */
  follow(from: Ticket, now: number): Ticket;
  /**
   * Fresh work content for the ticket's chain from the rework stream (returns and follow-ups never
   * shift arrivals' draws).
   */
  redrawWork(ticket: Ticket): void;
  /** The ticket needs no more work content. */
  dropWork(ticket: Ticket): void;
  /** An agent without a ticket: leaves if its shift is over, else takes the next ticket or waits. */
  becomeFree(agent: Agent, now: number): void;
  /** An agent going off duty leaves its tier's idle list. */
  leaveIdle(agent: Agent): void;
  /** The rework stream (`ticket.rework`). */
  readonly reworkRandom: Rng;
}
