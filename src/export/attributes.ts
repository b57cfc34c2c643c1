/**
 * What the export writers share: an event's fields and value as typed attributes, and one
 * pass over the log that learns what the writing pass must know up front — where each
 * ticket's events end (a trace is written once its last event is read) and which type each
 * attribute has (formats that declare attribute types before the data).
 */
import type { EventType, TicketEvent } from '../eventlog/types.js';
import type { EventSource } from './source.js';

/** An attribute's type in the export formats: XES int/float/string/boolean, OCEL integer/float/string/boolean. */
export type AttributeKind = 'int' | 'float' | 'string' | 'boolean';

/** A primitive attribute value. */
export type AttributeValue = string | number | boolean;

/** The event fields written as plain attributes (agent, tier, ticket and customer have their own places). */
export const TEXT_FIELDS = ['channel', 'category', 'priority', 'kind'] as const;

const isPrimitive = (value: unknown): value is AttributeValue =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/**
 * An event's `value` as attributes: a number, text or flag as `value`; an object of such
 * fields (a survey's answers: csat, ces, nps) as `value.<field>`; anything else as its JSON
 * text under `value`.
 */
export function valueAttributes(value: unknown): Array<[string, AttributeValue]> {
  if (value === undefined) return [];
  if (isPrimitive(value)) return [['value', value]];
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length > 0 && entries.every(([, field]) => isPrimitive(field))) {
      return entries.map(([field, fieldValue]) => [`value.${field}`, fieldValue as AttributeValue]);
    }
  }
  return [['value', JSON.stringify(value)]];
}

/** The inverse of `valueAttributes`, for readers of the exports. */
export function valueFromAttributes(attributes: ReadonlyMap<string, AttributeValue>): unknown {
  if (attributes.has('value')) return attributes.get('value');
  const fields = [...attributes].filter(([key]) => key.startsWith('value.'));
  return fields.length === 0
    ? undefined
    : Object.fromEntries(fields.map(([key, value]) => [key.slice('value.'.length), value]));
}

/** The kind of a value, and the kind two sightings of one attribute merge into. */
export function kindOf(value: AttributeValue): AttributeKind {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  return Number.isInteger(value) ? 'int' : 'float';
}

function merge(previous: AttributeKind | undefined, next: AttributeKind): AttributeKind {
  if (previous === undefined || previous === next) return next;
  if ((previous === 'int' && next === 'float') || (previous === 'float' && next === 'int')) return 'float';
  return 'string';
}

/** A value written under an attribute of `kind` (a number under a text attribute becomes its text). */
export function asKind(value: AttributeValue, kind: AttributeKind): AttributeValue {
  return kind === 'string' && typeof value !== 'string' ? String(value) : value;
}

/** What the first pass over a log learns. */
export interface LogScan {
  events: number;
  /** Events without a ticket: agents' shifts, absences, departures and hires, self-service deflections. */
  ticketless: number;
  /** Position (0-based, in log order) of each ticket's last event. */
  lastEventOfTicket: Map<number | string, number>;
  /** Every ticket id is a whole number (a simulated log), so it can be an integer column. */
  integerTickets: boolean;
  /** Every customer id is a whole number. */
  integerCustomers: boolean;
  /** Per event type, the kind of each attribute its events carry (fields and value), in order of first sight. */
  attributes: Map<EventType, Map<string, AttributeKind>>;
}

/** The first pass: one read of the whole log. */
export function scanLog(source: EventSource): LogScan {
  const scan: LogScan = {
    events: 0,
    ticketless: 0,
    lastEventOfTicket: new Map(),
    integerTickets: true,
    integerCustomers: true,
    attributes: new Map(),
  };
  for (const event of source.events()) {
    const position = scan.events++;
    if (event.ticket !== undefined) {
      scan.lastEventOfTicket.set(event.ticket, position);
      if (!Number.isInteger(event.ticket)) scan.integerTickets = false;
    } else {
      scan.ticketless++;
    }
    if (event.customer !== undefined && !Number.isInteger(event.customer)) scan.integerCustomers = false;
    let kinds = scan.attributes.get(event.type);
    if (kinds === undefined) scan.attributes.set(event.type, (kinds = new Map()));
    for (const [key, value] of eventAttributes(event)) kinds.set(key, merge(kinds.get(key), kindOf(value)));
  }
  return scan;
}

/** An event's plain attributes: its text fields and its value (not ticket, time, type, agent, tier, customer). */
export function eventAttributes(event: TicketEvent): Array<[string, AttributeValue]> {
  const attributes: Array<[string, AttributeValue]> = [];
  for (const field of TEXT_FIELDS) {
    const value = event[field];
    if (value !== undefined) attributes.push([field, value]);
  }
  return attributes.concat(valueAttributes(event.value));
}
