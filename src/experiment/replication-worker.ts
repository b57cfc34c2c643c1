/**
 * One replication as a task of the worker pool (`pool.ts`): the pool's threads load this
 * module and call its default export once per task; without threads the pool calls the same
 * function in this thread. A task names its run, so a thread builds each run's desk once and
 * reuses the ledger's storage from task to task. Every replication depends only on (scenario,
 * replication), so which thread runs it cannot change its result.
 *
 * What a task sends back is what the main thread needs, nothing more: the KPI values (and
 * segments, daily series when asked), the first replication's ticket table only when the run
 * writes `tickets.csv`, ticket rows only when the run keeps them. An experiment's runs never
 * ask for the ticket table, which every run used to build and copy to the main thread.
 *
 * From a thread, the reply crosses packed (`packReply`): the first replication's resolved
 * tickets — one object per ticket, 194 k of them in a 15-day run at 540 an hour, 10.9 MB
 * through the structured clone, half a second to write in the worker and read in the main
 * thread — go as a priority index and a minutes column, and their buffers and the arrivals'
 * are moved, not copied. The main thread unpacks them into the same objects.
 */
import Tinypool from 'tinypool';
import { NdjsonFileSink } from '../eventlog/ndjson.js';
import type { Ledger } from '../metrics/ledger.js';
import { buildDesk, type DeskModel } from '../model/build.js';
import type { Scenario } from '../scenario/schema.js';
import { firstTicketTable } from './first-ticket-table.js';
import {
  metricOptions,
  runReplication,
  ticketRows,
  type Detail,
  type ReplicationOutcome,
  type ResolvedTicket,
  type TicketRows,
  type TicketTable,
} from './replication.js';

/** What a run asks of each of its replications. */
export interface ReplicationNeeds {
  /** Segments and the daily series too (`true`), or only the segments named. */
  detail?: Detail;
  /** The first replication's ticket table (`tickets.csv`, the report's resolution times and heat map). */
  tickets?: boolean;
  /** Keep ticket rows: the first replication's, or every replication's. */
  keepTicketRows?: 'first' | 'all';
  /** Where the first replication writes its event log (NDJSON), if anywhere. */
  eventsPath?: string;
  /** Where the first replication's `tickets.csv` is streamed, if anywhere (the table then holds no text). */
  ticketsPath?: string;
}

/** One task: a replication of a run. */
export interface ReplicationTask extends ReplicationNeeds {
  /** The run's number within the pool's life: a thread builds each run's desk once. */
  run: number;
  scenario: Scenario;
  replication: number;
}

/** A task's answer. */
export interface ReplicationReply {
  run: number;
  outcome: ReplicationOutcome;
  tickets?: TicketTable;
  ticketRows?: TicketRows;
}

/** Desks built in this thread, by run number: a few, as tasks of two runs interleave where one run ends. */
const desks = new Map<number, DeskModel>();
const KEPT_DESKS = 4;
let ledger: Ledger | undefined;

function deskOf(task: ReplicationTask): DeskModel {
  let model = desks.get(task.run);
  if (model === undefined) {
    model = buildDesk(task.scenario);
    desks.set(task.run, model);
    if (desks.size > KEPT_DESKS) desks.delete(desks.keys().next().value!);
  }
  return model;
}

/** Runs one replication (the pool's task function). */
export function runReplicationTask(task: ReplicationTask): ReplicationReply {
  const model = deskOf(task);
  const first = task.replication === 1;
  const events =
    first && task.eventsPath !== undefined ? new NdjsonFileSink(task.eventsPath, model.originEpochMs) : undefined;
  let result: ReturnType<typeof runReplication>;
  try {
    result = runReplication(model, task.replication, events, ledger, task.detail ?? false);
  } finally {
    events?.close(); // before answering: the run may be over, and its files read, once every answer is in
  }
  ledger = result.ledger;
  const reply: ReplicationReply = { run: task.run, outcome: result.outcome };
  if (first && (task.tickets === true || task.keepTicketRows !== undefined)) {
    const table = firstTicketTable(result.ledger, model, task.keepTicketRows !== undefined, task.ticketsPath);
    if (task.tickets === true) reply.tickets = table;
    reply.ticketRows = table.rows;
  } else if (task.keepTicketRows === 'all') {
    reply.ticketRows = ticketRows(result.ledger, metricOptions(model));
  }
  return reply;
}

/** Forgets the desks and the ledger (the pool calls it in this thread when it closes). */
export function releaseReplicationCaches(): void {
  desks.clear();
  ledger = undefined;
}

/** The resolved tickets of a reply as columns: each one's priority (an index into `priorities`) and minutes. */
export interface PackedResolved {
  priorities: string[];
  priority: Uint16Array;
  minutes: Float64Array;
}

/** A reply as it crosses from a thread: its resolved tickets (if any) packed, the reply's own list empty. */
export interface PackedReply {
  reply: ReplicationReply;
  resolved?: PackedResolved;
}

/** Packs a reply to cross from a thread; the buffers it can move (its own, made here) are listed. */
export function packReply(reply: ReplicationReply): { packed: PackedReply; buffers: ArrayBuffer[] } {
  const table = reply.tickets;
  if (table === undefined) return { packed: { reply }, buffers: [] };
  const buffers: ArrayBuffer[] = [];
  // Only a column that is its whole buffer moves (ticketTable makes them so); another is copied.
  for (const column of Object.values(table.arrivals ?? {}) as Array<Float64Array | Uint8Array>) {
    if (
      column.byteOffset === 0 &&
      column.byteLength === column.buffer.byteLength &&
      column.buffer instanceof ArrayBuffer
    )
      buffers.push(column.buffer);
  }
  const places = new Map<string, number>();
  const resolved: PackedResolved = {
    priorities: [],
    priority: new Uint16Array(table.resolved.length),
    minutes: new Float64Array(table.resolved.length),
  };
  // Neighbours share a priority often: the last one's place is tried before the map.
  let last: string | undefined;
  let place = 0;
  for (let at = 0; at < table.resolved.length; at++) {
    const ticket = table.resolved[at]!;
    if (ticket.priority !== last) {
      last = ticket.priority;
      place = places.get(last) ?? resolved.priorities.push(last) - 1;
      places.set(last, place);
    }
    resolved.priority[at] = place;
    resolved.minutes[at] = ticket.minutes;
  }
  // More priorities than a Uint16Array can name: the list crosses as it is.
  if (resolved.priorities.length > 0xffff) return { packed: { reply }, buffers };
  buffers.push(resolved.priority.buffer as ArrayBuffer, resolved.minutes.buffer as ArrayBuffer);
  return { packed: { reply: { ...reply, tickets: { ...table, resolved: [] } }, resolved }, buffers };
}

/** The reply a packed one was made from. */
export function unpackReply({ reply, resolved }: PackedReply): ReplicationReply {
  if (resolved === undefined || reply.tickets === undefined) return reply;
  const tickets: ResolvedTicket[] = new Array(resolved.minutes.length);
  for (let at = 0; at < tickets.length; at++) {
    tickets[at] = { priority: resolved.priorities[resolved.priority[at]!]!, minutes: resolved.minutes[at]! };
  }
  return { ...reply, tickets: { ...reply.tickets, resolved: tickets } };
}

/** The pool threads' task function: a replication, its reply packed and its buffers moved to the main thread. */
export default function replicationThreadTask(task: ReplicationTask): unknown {
  const { packed, buffers } = packReply(runReplicationTask(task));
  const movable = { [Tinypool.transferableSymbol]: buffers, [Tinypool.valueSymbol]: packed };
  return Tinypool.move(movable as unknown as Parameters<typeof Tinypool.move>[0]);
}
