/**
 * OCEL 2.0 JSON export (object-centric event log): tickets, agents and customers are
 * objects, and every event names the objects it concerns — so the agents' own records
 * (shifts, absences, departures, hires) and self-service deflections, which belong to no
 * ticket, are kept too.
 *
 * ```
 * { "objectTypes": ticket (channel, category, priority) · agent (tier) · customer
 *   "eventTypes":  one per event type, with its attributes and their types
 *   "events":      id, type, time, attributes, relationships → ticket / agent / customer
 *   "objects":     id, type, attributes (time-stamped values), relationships (ticket → customer) }
 * ```
 *
 * Events are written as they are read; objects — far fewer than events — are collected
 * on the way and written after them.
 */
import type { TicketEvent } from '../eventlog/types.js';
import { asKind, eventAttributes, scanLog, type AttributeKind, type LogScan } from './attributes.js';
import { eventEpochMs, type EventSource } from './source.js';
import { TextFileWriter } from './text-writer.js';

/** OCEL 2.0 attribute types. */
export type OcelType = 'string' | 'integer' | 'float' | 'boolean' | 'time';

const OCEL_TYPE: Record<AttributeKind, OcelType> = {
  string: 'string',
  int: 'integer',
  float: 'float',
  boolean: 'boolean',
};

/** The ticket attributes of the `ticket` object type. */
const TICKET_ATTRIBUTES = ['channel', 'category', 'priority'] as const;

/** Object ids: the type, a colon, the id in the log. */
export const objectId = {
  ticket: (id: number | string) => `ticket:${id}`,
  agent: (name: string) => `agent:${name}`,
  customer: (id: number | string) => `customer:${id}`,
};

interface OcelObject {
  id: string;
  type: 'ticket' | 'agent' | 'customer';
  attributes: Array<{ name: string; time: string; value: string }>;
  relationships: Array<{ objectId: string; qualifier: string }>;
}

/** Writes a log as OCEL 2.0 JSON to `path`. */
export function writeOcel(path: string, source: EventSource, scan: LogScan = scanLog(source)): void {
  const out = new TextFileWriter(path);
  try {
    out.write(
      `{\n"objectTypes": ${JSON.stringify(objectTypes())},\n"eventTypes": ` +
        `${JSON.stringify(eventTypes(scan))},\n"events": [\n`,
    );
    const objects = new Map<string, OcelObject>();
    let position = 0;
    for (const event of source.events()) {
      const time = new Date(eventEpochMs(source, event)).toISOString();
      const relationships: Array<{ objectId: string; qualifier: string }> = [];
      if (event.ticket !== undefined)
        relationships.push({ objectId: noteTicket(objects, event, time), qualifier: 'ticket' });
      if (event.agent !== undefined)
        relationships.push({ objectId: noteAgent(objects, event.agent, event.tier, time), qualifier: 'agent' });
      if (event.customer !== undefined) {
        const customer = objectId.customer(event.customer);
        if (!objects.has(customer))
          objects.set(customer, { id: customer, type: 'customer', attributes: [], relationships: [] });
        relationships.push({ objectId: customer, qualifier: 'customer' });
      }
      const kinds = scan.attributes.get(event.type)!;
      const attributes = eventAttributes(event).map(([name, value]) => ({
        name,
        value: asKind(value, kinds.get(name)!),
      }));
      if (event.tier !== undefined) attributes.unshift({ name: 'tier', value: event.tier });
      const record = { id: `e${position + 1}`, type: event.type, time, attributes, relationships };
      out.write((position++ === 0 ? '' : ',\n') + JSON.stringify(record));
    }
    out.write('\n],\n"objects": [\n');
    let first = true;
    for (const object of objects.values()) {
      out.write((first ? '' : ',\n') + JSON.stringify(object));
      first = false;
    }
    out.write('\n]\n}\n');
  } finally {
    out.close();
  }
}

function objectTypes(): Array<{ name: string; attributes: Array<{ name: string; type: OcelType }> }> {
  return [
    { name: 'ticket', attributes: TICKET_ATTRIBUTES.map((name) => ({ name, type: 'string' as const })) },
    { name: 'agent', attributes: [{ name: 'tier', type: 'string' }] },
    { name: 'customer', attributes: [] },
  ];
}

/** One event type per type in the log, in order of first sight; each may carry a tier and its own attributes. */
function eventTypes(scan: LogScan): Array<{ name: string; attributes: Array<{ name: string; type: OcelType }> }> {
  return [...scan.attributes].map(([type, kinds]) => ({
    name: type,
    attributes: [
      { name: 'tier', type: 'string' as const },
      ...[...kinds].map(([name, kind]) => ({ name, type: OCEL_TYPE[kind] })),
    ],
  }));
}

/** The ticket's object (made on its first event): its channel, category and priority as first seen, its customer. */
function noteTicket(objects: Map<string, OcelObject>, event: TicketEvent, time: string): string {
  const id = objectId.ticket(event.ticket!);
  let ticket = objects.get(id);
  if (ticket === undefined) objects.set(id, (ticket = { id, type: 'ticket', attributes: [], relationships: [] }));
  for (const name of TICKET_ATTRIBUTES) {
    const value = event[name];
    if (value !== undefined && !ticket.attributes.some((attribute) => attribute.name === name))
      ticket.attributes.push({ name, time, value });
  }
  if (event.customer !== undefined && ticket.relationships.length === 0) {
    ticket.relationships.push({ objectId: objectId.customer(event.customer), qualifier: 'raised by' });
  }
  return id;
}

/** The agent's object: its tier as a time-stamped value, a new value whenever it changes. */
function noteAgent(objects: Map<string, OcelObject>, name: string, tier: string | undefined, time: string): string {
  const id = objectId.agent(name);
  let agent = objects.get(id);
  if (agent === undefined) objects.set(id, (agent = { id, type: 'agent', attributes: [], relationships: [] }));
  if (tier !== undefined && agent.attributes.at(-1)?.value !== tier)
    agent.attributes.push({ name: 'tier', time, value: tier });
  return id;
}
