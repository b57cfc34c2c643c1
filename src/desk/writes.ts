/**
 * What the desk core lets every plug-in write: the one declaration of the simulator's event
 * call and of a public reply, shared by the gaming behaviours (`GamingDesk`), the plug-in
 * mechanisms (`MechanismDesk`) and the built-in ones (`model/mechanisms/desk.ts`).
 */
import type { EventType, ReplyKind } from '../eventlog/types.js';
import type { Ticket } from './structures.js';

/** Writing to the log, and the two moves every plug-in may make with a ticket. */
export interface DeskWrites {
  /** Writes an event (docs/contracts.md#event-log). */
  emit(
    time: number,
    type: EventType,
    ticket: number | undefined,
    agent: string | undefined,
    tier: string | undefined,
    kind?: string,
    value?: unknown,
  ): void;
  /** A public reply to the ticket's customer (the first one sets the first response). */
  reply(ticket: Ticket, agent: string | undefined, tier: string | undefined, kind: ReplyKind, now: number): void;
  /** The ticket joins the end of a tier's queue (or an idle agent takes it). */
  enqueue(ticket: Ticket, tier: number, now: number): void;
}
