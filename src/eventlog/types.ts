/**
 * The ticket event log: the contract between whatever produces tickets (the simulator, an
 * importer of a real help desk's export) and the metric engine. SPEC §4.
 *
 * In memory, `time` is minutes since the log's origin (a float), so the simulator never
 * formats dates on its hot path; files carry ISO 8601 (see `ndjson.ts`).
 */

/** Every event type of SPEC §4, plus the agent-level shift events (see below). */
export const EVENT_TYPES = [
  'created',
  'self_service',
  'queued',
  'assigned',
  'work_started',
  'work_ended',
  'replied',
  'customer_replied',
  'pending',
  'resumed',
  'escalated',
  'kb_consulted',
  'resolved',
  'reopened',
  'closed',
  'abandoned',
  'survey_sent',
  'survey_answered',
  'truth_fixed',
  // Simulation only, like truth_fixed: the answers every customer would give a survey
  // (`value`: { csat, ces, nps }), respondent or not, when the ticket ends.
  'truth_satisfaction',
  // Simulation only: this ticket is a repeat contact about an issue first raised in an
  // earlier ticket (`value`: that first ticket's id). Absent for first contacts.
  'truth_issue',
  // Agent-level records (no ticket). On and off duty (`kind`: absence, attrition or hire
  // when that is the reason, none for the shift plan): they make `utilization` computable
  // from a log, which without them reports it as null. Paid absence inside a shift; a
  // departure and a replacement's first day (turnover, hiring cost).
  'shift_started',
  'shift_ended',
  'absence_started',
  'absence_ended',
  'agent_left',
  'agent_hired',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** Types of records without a ticket: agent-level records, and self-service deflections. */
export const TICKETLESS_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  'self_service',
  'shift_started',
  'shift_ended',
  'absence_started',
  'absence_ended',
  'agent_left',
  'agent_hired',
]);

/** Reply kinds of `replied` events. */
export type ReplyKind = 'substantive' | 'generic' | 'auto' | 'info_request';

/** One record of the event log. Optional fields are present where relevant. */
export interface TicketEvent {
  /** Ticket id; absent only on agent-level events (shifts, absences, departures, hires) and deflections. */
  ticket?: number | string;
  /** Minutes since the log origin. */
  time: number;
  type: EventType;
  agent?: string;
  tier?: string;
  channel?: string;
  category?: string;
  priority?: string;
  /** Customer id: a number in simulated logs, whatever the export uses in imported ones. */
  customer?: string | number;
  kind?: string;
  value?: unknown;
}

/**
 * Receives events as they happen. The simulator streams into one; nothing is kept unless a
 * sink keeps it. The producer may reuse the event object once `emit` returns (the simulator
 * does, so its hot path allocates no event objects): a sink that keeps events must copy them.
 */
export interface EventSink {
  emit(event: TicketEvent): void;
}

/** A copy of an event without its undefined fields. */
export function copyEvent(event: TicketEvent): TicketEvent {
  const copy: TicketEvent = { time: event.time, type: event.type };
  if (event.ticket !== undefined) copy.ticket = event.ticket;
  for (const field of ['agent', 'tier', 'channel', 'category', 'priority', 'customer', 'kind', 'value'] as const) {
    if (event[field] !== undefined) (copy as unknown as Record<string, unknown>)[field] = event[field];
  }
  return copy;
}

/** Where an event log sits in calendar time, and which part of it is measured. */
export interface LogWindow {
  /** Calendar time of minute 0, as epoch milliseconds. */
  originEpochMs: number;
  /** Minutes: tickets created before this are excluded from KPIs (warm-up). */
  measureFrom: number;
  /** Minutes: end of observation (the horizon). */
  measureTo: number;
}

/** Sends every event to several sinks, in order. */
export class TeeSink implements EventSink {
  constructor(private readonly sinks: EventSink[]) {}
  emit(event: TicketEvent): void {
    for (const sink of this.sinks) sink.emit(event);
  }
}

/** Keeps (copies of) every event in memory: tests, small logs. */
export class ArraySink implements EventSink {
  readonly events: TicketEvent[] = [];
  emit(event: TicketEvent): void {
    this.events.push(copyEvent(event));
  }
}
