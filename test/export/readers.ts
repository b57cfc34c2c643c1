/**
 * Small readers of the exports, written for the tests against the formats' own structure
 * (a real XML parser for XES; OCEL's JSON as its standard lays it out), so that a test
 * reads an export back the way a process-mining tool would — not through desksim's writer.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import type { EventType, TicketEvent } from '../../src/eventlog/types.js';
import { eventTypeOfActivity } from '../../src/export/xes.js';
import { valueFromAttributes, type AttributeValue } from '../../src/export/attributes.js';

/** One XES attribute element: its element name (string, date, int…), key and value text. */
export interface XesAttribute {
  element: string;
  key: string;
  value: string;
}

export interface XesElement {
  attributes: XesAttribute[];
  [child: string]: unknown;
}

const ATTRIBUTE_ELEMENTS = ['string', 'date', 'int', 'float', 'boolean', 'id'] as const;

/** Parses an XES file into its log element, with each element's attributes in document order of kind. */
export function parseXes(path: string): Record<string, unknown> {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseAttributeValue: false,
    isArray: (name) => ['trace', 'event', 'extension', 'global', 'classifier', ...ATTRIBUTE_ELEMENTS].includes(name),
  });
  const document = parser.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return document.log as Record<string, unknown>;
}

/** The typed attributes (string, date, int, float, boolean) directly under an element. */
export function attributesOf(element: Record<string, unknown>): XesAttribute[] {
  const attributes: XesAttribute[] = [];
  for (const name of ATTRIBUTE_ELEMENTS) {
    for (const node of (element[name] as Array<Record<string, string>> | undefined) ?? []) {
      attributes.push({ element: name, key: node['@key']!, value: node['@value']! });
    }
  }
  return attributes;
}

function typedValue(attribute: XesAttribute): AttributeValue {
  if (attribute.element === 'int' || attribute.element === 'float') return Number(attribute.value);
  if (attribute.element === 'boolean') return attribute.value === 'true';
  return attribute.value;
}

/** The events of an XES log back as desksim events: trace by trace, times in minutes since `originEpochMs`. */
export function xesEvents(log: Record<string, unknown>, originEpochMs: number): TicketEvent[] {
  const events: TicketEvent[] = [];
  for (const trace of (log.trace as Array<Record<string, unknown>> | undefined) ?? []) {
    const ticketText = attributesOf(trace).find((attribute) => attribute.key === 'concept:name')!.value;
    for (const node of (trace.event as Array<Record<string, unknown>> | undefined) ?? []) {
      const attributes = new Map(attributesOf(node).map((attribute) => [attribute.key, attribute]));
      const take = (key: string) => {
        const attribute = attributes.get(key);
        attributes.delete(key);
        return attribute;
      };
      const type = eventTypeOfActivity(take('concept:name')!.value, take('lifecycle:transition')!.value);
      const event: TicketEvent = {
        ticket: ticketText,
        time: (Date.parse(take('time:timestamp')!.value) - originEpochMs) / 60000,
        type,
      };
      const agent = take('org:resource');
      if (agent !== undefined) event.agent = agent.value;
      const tier = take('org:group');
      if (tier !== undefined) event.tier = tier.value;
      const customer = take('customer');
      if (customer !== undefined) event.customer = typedValue(customer) as string | number;
      for (const field of ['channel', 'category', 'priority', 'kind'] as const) {
        const attribute = take(field);
        if (attribute !== undefined) event[field] = attribute.value;
      }
      const value = valueFromAttributes(
        new Map([...attributes].map(([key, attribute]) => [key, typedValue(attribute)])),
      );
      if (value !== undefined) event.value = value;
      events.push(event);
    }
  }
  return events;
}

/** An OCEL 2.0 JSON log as its standard lays it out. */
export interface OcelLog {
  objectTypes: Array<{ name: string; attributes: Array<{ name: string; type: string }> }>;
  eventTypes: Array<{ name: string; attributes: Array<{ name: string; type: string }> }>;
  objects: Array<{
    id: string;
    type: string;
    attributes?: Array<{ name: string; time: string; value: unknown }>;
    relationships?: Array<{ objectId: string; qualifier: string }>;
  }>;
  events: Array<{
    id: string;
    type: string;
    time: string;
    attributes?: Array<{ name: string; value: unknown }>;
    relationships?: Array<{ objectId: string; qualifier: string }>;
  }>;
}

/** The events of an OCEL log back as desksim events, in file order. */
export function ocelEvents(log: OcelLog, originEpochMs: number): TicketEvent[] {
  const objectIdOf = (objectId: string) => objectId.slice(objectId.indexOf(':') + 1);
  return log.events.map((record) => {
    const event: TicketEvent = {
      time: (Date.parse(record.time) - originEpochMs) / 60000,
      type: record.type as EventType,
    };
    for (const relationship of record.relationships ?? []) {
      const id = objectIdOf(relationship.objectId);
      if (relationship.qualifier === 'ticket') event.ticket = id;
      else if (relationship.qualifier === 'agent') event.agent = id;
      else if (relationship.qualifier === 'customer') event.customer = id;
    }
    const attributes = new Map(
      (record.attributes ?? []).map((attribute) => [attribute.name, attribute.value as AttributeValue]),
    );
    for (const field of ['tier', 'channel', 'category', 'priority', 'kind'] as const) {
      if (attributes.has(field)) event[field] = attributes.get(field) as string;
      attributes.delete(field);
    }
    const value = valueFromAttributes(attributes);
    if (value !== undefined) event.value = value;
    return event;
  });
}

/** An event with its ticket and customer as text and its time rounded to the millisecond, as every export writes them. */
export function asExported(event: TicketEvent, customerAsText = false): TicketEvent {
  const copy: TicketEvent = { ...event, time: Math.round(event.time * 60000) / 60000 };
  if (copy.ticket !== undefined) copy.ticket = String(copy.ticket);
  if (customerAsText && copy.customer !== undefined) copy.customer = String(copy.customer);
  for (const key of Object.keys(copy) as Array<keyof TicketEvent>) if (copy[key] === undefined) delete copy[key];
  return copy;
}
