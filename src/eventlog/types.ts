/**
 * The ticket event log: the contract between whatever produces tickets (the simulator, an
 * importer of a real help desk's export) and the metric engine: docs/contracts.md#event-log.
 *
 * In memory, `time` is minutes since the log's origin (a float), so the simulator never
 * formats dates on its hot path; files carry ISO 8601 (see `ndjson.ts`).
 */

/** Every event type of the event log (docs/contracts.md#event-log), agent-level records included. */
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
  // Simulation only: the agent gamed this ticket (`kind`: the gaming behaviour, docs/gaming.md),
  // written where the behaviour acted. What `desksim detect` is scored against.
  'truth_gamed',
  // A contact a closed channel turned away (`outside_hours: turn_away`): no ticket; it names the
  // channel, category, priority and customer, `kind: outside_hours`.
  'turned_away',
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

/** Types of records without a ticket: agent-level records, self-service deflections, contacts turned away. */
export const TICKETLESS_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  'self_service',
  'turned_away',
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
 * sink keeps it. The producer may reuse the event object, and an object in its `value`,
 * once `emit` returns (the simulator does, so its hot path allocates no event objects): a
 * sink that keeps events must copy them (`copyEvent` does).
 *
 * A sink may also take events field by field, through `emitFields`: then the simulator
 * calls that instead and builds no event object at all (filling one costs more than most
 * sinks' work: every field store is a tagged store with a write barrier). `emitFields`
 * must do exactly what `emit` does with the same event.
 */
export interface EventSink {
  emit(event: TicketEvent): void;
  emitFields?: EmitFields;
}

/**
 * One event as arguments, in the order of `TicketEvent`'s fields by how often they are
 * set: time and type always; ticket, agent, tier, kind, value when relevant; channel,
 * category, priority and customer only on `created` (and a few others). Absent fields are
 * undefined.
 */
export type EmitFields = (
  time: number,
  type: EventType,
  ticket: number | string | undefined,
  agent: string | undefined,
  tier: string | undefined,
  kind: string | undefined,
  value: unknown,
  channel: string | undefined,
  category: string | undefined,
  priority: string | undefined,
  customer: string | number | undefined,
) => void;

/** Something that takes events field by field (a sink's `emitFields`, or a `FieldAdapter`). */
export interface FieldSink {
  emitFields: EmitFields;
}

/**
 * Feeds a sink that only has `emit` from field-by-field calls: one event object, refilled
 * for each event (every field written, absent ones as undefined).
 */
export class FieldAdapter implements FieldSink {
  private readonly event: TicketEvent = {
    ticket: undefined,
    time: 0,
    type: 'created',
    agent: undefined,
    tier: undefined,
    channel: undefined,
    category: undefined,
    priority: undefined,
    customer: undefined,
    kind: undefined,
    value: undefined,
  };

  constructor(private readonly sink: EventSink) {}

  emitFields(
    time: number,
    type: EventType,
    ticket: number | string | undefined,
    agent: string | undefined,
    tier: string | undefined,
    kind: string | undefined,
    value: unknown,
    channel: string | undefined,
    category: string | undefined,
    priority: string | undefined,
    customer: string | number | undefined,
  ): void {
    const event = this.event;
    event.ticket = ticket;
    event.time = time;
    event.type = type;
    event.agent = agent;
    event.tier = tier;
    event.channel = channel;
    event.category = category;
    event.priority = priority;
    event.customer = customer;
    event.kind = kind;
    event.value = value;
    this.sink.emit(event);
  }
}

/** A sink's own `emitFields` when it has one, else an adapter that calls its `emit`. */
export function fieldSink(sink: EventSink): FieldSink {
  return typeof sink.emitFields === 'function' ? (sink as FieldSink) : new FieldAdapter(sink);
}

/** A copy of an event without its undefined fields; an object `value` is copied too (one level). */
export function copyEvent(event: TicketEvent): TicketEvent {
  const copy: TicketEvent = { time: event.time, type: event.type };
  if (event.ticket !== undefined) copy.ticket = event.ticket;
  for (const field of ['agent', 'tier', 'channel', 'category', 'priority', 'customer', 'kind'] as const) {
    if (event[field] !== undefined) (copy as unknown as Record<string, unknown>)[field] = event[field];
  }
  const value = event.value;
  if (value !== undefined)
    copy.value = value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value } : value;
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
  private readonly targets: FieldSink[];
  constructor(private readonly sinks: EventSink[]) {
    this.targets = sinks.map(fieldSink);
  }
  emit(event: TicketEvent): void {
    for (const sink of this.sinks) sink.emit(event);
  }
  emitFields(
    time: number,
    type: EventType,
    ticket: number | string | undefined,
    agent: string | undefined,
    tier: string | undefined,
    kind: string | undefined,
    value: unknown,
    channel: string | undefined,
    category: string | undefined,
    priority: string | undefined,
    customer: string | number | undefined,
  ): void {
    for (const target of this.targets)
      target.emitFields(time, type, ticket, agent, tier, kind, value, channel, category, priority, customer);
  }
}

/** Keeps (copies of) every event in memory: tests, small logs. */
export class ArraySink implements EventSink {
  readonly events: TicketEvent[] = [];
  emit(event: TicketEvent): void {
    this.events.push(copyEvent(event));
  }
}
