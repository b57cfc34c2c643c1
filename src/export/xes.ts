/**
 * IEEE 1849 XES (eXtensible Event Stream) export: one trace per ticket, its events in log
 * order, with the standard Concept, Time, Lifecycle and Organizational extensions — what
 * pm4py, ProM and Disco read.
 *
 * ```
 * <log>  extensions · globals · classifiers · concept:name of the log
 *   <trace>  concept:name = ticket id; channel, category, priority, customer
 *     <event>  concept:name = activity, time:timestamp, lifecycle:transition,
 *              org:resource = agent, org:group = tier, and the event's own fields
 * ```
 *
 * An agent's work is one activity, `work`, with `start` and `complete` transitions (so a
 * process-mining tool measures its duration); every other event type is its own activity,
 * `complete`. Events without a ticket (shifts, absences, deflections) belong to no case and
 * are left out, with a comment saying how many (the OCEL export keeps them, on agents).
 *
 * A trace is written when its ticket's last event has been read (the first pass over the
 * log finds it), so only the open tickets' events are held at any time.
 */
import type { EventType, TicketEvent } from '../eventlog/types.js';
import {
  asKind,
  eventAttributes,
  scanLog,
  type AttributeKind,
  type AttributeValue,
  type LogScan,
} from './attributes.js';
import { eventEpochMs, type EventSource } from './source.js';
import { TextFileWriter } from './text-writer.js';

/** The four standard extensions the export declares and uses. */
export const XES_EXTENSIONS = [
  { name: 'Concept', prefix: 'concept', uri: 'http://www.xes-standard.org/concept.xesext' },
  { name: 'Time', prefix: 'time', uri: 'http://www.xes-standard.org/time.xesext' },
  { name: 'Lifecycle', prefix: 'lifecycle', uri: 'http://www.xes-standard.org/lifecycle.xesext' },
  { name: 'Organizational', prefix: 'org', uri: 'http://www.xes-standard.org/org.xesext' },
] as const;

/** An event type as an XES activity and lifecycle transition. */
export function xesActivity(type: EventType): { activity: string; transition: 'start' | 'complete' } {
  if (type === 'work_started') return { activity: 'work', transition: 'start' };
  if (type === 'work_ended') return { activity: 'work', transition: 'complete' };
  return { activity: type, transition: 'complete' };
}

/** The inverse of `xesActivity`. */
export function eventTypeOfActivity(activity: string, transition: string): EventType {
  if (activity === 'work') return transition === 'start' ? 'work_started' : 'work_ended';
  return activity as EventType;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character]!);

const ELEMENT_OF_KIND: Record<AttributeKind, string> = {
  int: 'int',
  float: 'float',
  string: 'string',
  boolean: 'boolean',
};

function attribute(kind: AttributeKind | 'date', key: string, value: AttributeValue): string {
  const element = kind === 'date' ? 'date' : ELEMENT_OF_KIND[kind];
  return `<${element} key="${escapeXml(key)}" value="${escapeXml(String(value))}"/>`;
}

/** The ticket-level facts a trace carries, from the first of its events that has each. */
interface TraceFacts {
  channel?: string;
  category?: string;
  priority?: string;
  customer?: string | number;
}

/** Writes a log as XES to `path`. */
export function writeXes(path: string, source: EventSource, name: string, scan: LogScan = scanLog(source)): void {
  const out = new TextFileWriter(path);
  try {
    out.write(header(name, scan));
    const open = new Map<number | string, { facts: TraceFacts; events: string[] }>();
    let position = -1;
    for (const event of source.events()) {
      position++;
      if (event.ticket === undefined) continue;
      let trace = open.get(event.ticket);
      if (trace === undefined) open.set(event.ticket, (trace = { facts: {}, events: [] }));
      for (const field of ['channel', 'category', 'priority', 'customer'] as const) {
        if (trace.facts[field] === undefined && event[field] !== undefined)
          (trace.facts as Record<string, unknown>)[field] = event[field];
      }
      trace.events.push(eventXml(event, source, scan));
      if (scan.lastEventOfTicket.get(event.ticket) === position) {
        out.write(traceXml(event.ticket, trace.facts, trace.events, scan));
        open.delete(event.ticket);
      }
    }
    out.write('</log>\n');
  } finally {
    out.close();
  }
}

function header(name: string, scan: LogScan): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<log xes.version="1849-2016" xes.features="" xmlns="http://www.xes-standard.org/">',
    ...XES_EXTENSIONS.map(
      (extension) => `  <extension name="${extension.name}" prefix="${extension.prefix}" uri="${extension.uri}"/>`,
    ),
    '  <global scope="trace">',
    `    ${attribute('string', 'concept:name', '__INVALID__')}`,
    '  </global>',
    '  <global scope="event">',
    `    ${attribute('string', 'concept:name', '__INVALID__')}`,
    `    ${attribute('date', 'time:timestamp', '1970-01-01T00:00:00.000Z')}`,
    `    ${attribute('string', 'lifecycle:transition', 'complete')}`,
    '  </global>',
    '  <classifier name="Activity" keys="concept:name"/>',
    '  <classifier name="Activity and transition" keys="concept:name lifecycle:transition"/>',
    `  ${attribute('string', 'concept:name', name)}`,
    `  ${attribute('string', 'lifecycle:model', 'standard')}`,
  ];
  if (scan.ticketless > 0) {
    lines.push(
      `  <!-- ${scan.ticketless} events without a ticket (agents' shifts and absences, self-service deflections) ` +
        `belong to no case and are not in this log -->`,
    );
  }
  return lines.join('\n') + '\n';
}

function eventXml(event: TicketEvent, source: EventSource, scan: LogScan): string {
  const { activity, transition } = xesActivity(event.type);
  const parts = [
    attribute('string', 'concept:name', activity),
    attribute('date', 'time:timestamp', new Date(eventEpochMs(source, event)).toISOString()),
    attribute('string', 'lifecycle:transition', transition),
  ];
  if (event.agent !== undefined) parts.push(attribute('string', 'org:resource', event.agent));
  if (event.tier !== undefined) parts.push(attribute('string', 'org:group', event.tier));
  if (event.customer !== undefined)
    parts.push(attribute(scan.integerCustomers ? 'int' : 'string', 'customer', event.customer));
  const kinds = scan.attributes.get(event.type)!;
  for (const [key, value] of eventAttributes(event)) {
    const kind = kinds.get(key)!;
    parts.push(attribute(kind, key, asKind(value, kind)));
  }
  return `    <event>\n      ${parts.join('\n      ')}\n    </event>\n`;
}

function traceXml(ticket: number | string, facts: TraceFacts, events: string[], scan: LogScan): string {
  const parts = [attribute('string', 'concept:name', String(ticket))];
  for (const field of ['channel', 'category', 'priority'] as const) {
    if (facts[field] !== undefined) parts.push(attribute('string', field, facts[field]!));
  }
  if (facts.customer !== undefined)
    parts.push(attribute(scan.integerCustomers ? 'int' : 'string', 'customer', facts.customer));
  return `  <trace>\n    ${parts.join('\n    ')}\n${events.join('')}  </trace>\n`;
}
