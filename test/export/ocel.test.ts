/**
 * The OCEL 2.0 JSON export of a baseline run: the standard's structure (object and event
 * types with typed attributes, objects, events with relationships to existing objects),
 * and the same events — ticketless agent records included — read back.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOcel } from '../../src/export/ocel.js';
import { arraySource } from '../../src/export/source.js';
import { baselineLog } from './baseline-log.js';
import { asExported, ocelEvents, type OcelLog } from './readers.js';

const scratch = mkdtempSync(join(tmpdir(), 'desksim-ocel-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const { events, originEpochMs } = baselineLog();
const path = join(scratch, 'events.ocel.json');
writeOcel(path, arraySource(events, originEpochMs));
const log = JSON.parse(readFileSync(path, 'utf8')) as OcelLog;

const OCEL_TYPES = new Set(['string', 'integer', 'float', 'boolean', 'time']);

function matchesType(value: unknown, type: string): boolean {
  if (type === 'string') return typeof value === 'string';
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'float') return typeof value === 'number';
  if (type === 'boolean') return typeof value === 'boolean';
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

describe('OCEL 2.0 export', () => {
  it('has the four top-level lists, and types whose attributes have OCEL types', () => {
    expect(Object.keys(log).sort()).toEqual(['eventTypes', 'events', 'objectTypes', 'objects']);
    expect(log.objectTypes.map((type) => type.name)).toEqual(['ticket', 'agent', 'customer']);
    for (const type of [...log.objectTypes, ...log.eventTypes]) {
      for (const attribute of type.attributes)
        expect(OCEL_TYPES.has(attribute.type), `${type.name}.${attribute.name}`).toBe(true);
    }
    expect(new Set(log.eventTypes.map((type) => type.name))).toEqual(new Set(events.map((event) => event.type)));
  });

  it('gives every event and object attribute a value of its declared type, and relates only to objects that exist', () => {
    const eventTypes = new Map(
      log.eventTypes.map((type) => [type.name, new Map(type.attributes.map((a) => [a.name, a.type]))]),
    );
    const objectTypes = new Map(
      log.objectTypes.map((type) => [type.name, new Map(type.attributes.map((a) => [a.name, a.type]))]),
    );
    const objectIds = new Set(log.objects.map((object) => object.id));
    expect(objectIds.size).toBe(log.objects.length);
    expect(new Set(log.events.map((event) => event.id)).size).toBe(log.events.length);
    for (const event of log.events) {
      expect(Number.isNaN(Date.parse(event.time))).toBe(false);
      for (const attribute of event.attributes ?? []) {
        const type = eventTypes.get(event.type)!.get(attribute.name);
        expect(type, `${event.type}.${attribute.name} is declared`).toBeDefined();
        expect(
          matchesType(attribute.value, type!),
          `${event.type}.${attribute.name} = ${JSON.stringify(attribute.value)}`,
        ).toBe(true);
      }
      for (const relationship of event.relationships ?? []) expect(objectIds.has(relationship.objectId)).toBe(true);
    }
    for (const object of log.objects) {
      for (const attribute of object.attributes ?? []) {
        expect(matchesType(attribute.value, objectTypes.get(object.type)!.get(attribute.name)!)).toBe(true);
        expect(Number.isNaN(Date.parse(attribute.time))).toBe(false);
      }
      for (const relationship of object.relationships ?? []) expect(objectIds.has(relationship.objectId)).toBe(true);
    }
  });

  it('has tickets, agents and customers as objects: a ticket per ticket, related to its customer', () => {
    const tickets = new Set(events.flatMap((event) => (event.ticket === undefined ? [] : [`ticket:${event.ticket}`])));
    const agents = new Set(events.flatMap((event) => (event.agent === undefined ? [] : [`agent:${event.agent}`])));
    expect(new Set(log.objects.filter((object) => object.type === 'ticket').map((object) => object.id))).toEqual(
      tickets,
    );
    expect(new Set(log.objects.filter((object) => object.type === 'agent').map((object) => object.id))).toEqual(agents);
    const created = events.find((event) => event.type === 'created' && event.customer !== undefined)!;
    const ticket = log.objects.find((object) => object.id === `ticket:${created.ticket}`)!;
    expect(ticket.relationships).toEqual([{ objectId: `customer:${created.customer}`, qualifier: 'raised by' }]);
    expect(ticket.attributes!.map((attribute) => attribute.value)).toEqual([
      created.channel,
      created.category,
      created.priority,
    ]);
  });

  it("reads back into the same events in the same order, the agents' own records included", () => {
    expect(ocelEvents(log, originEpochMs)).toEqual(events.map((event) => asExported(event, true)));
    expect(log.events.some((event) => event.type === 'shift_started' && event.relationships!.length === 1)).toBe(true);
  });
});
