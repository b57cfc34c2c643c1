/**
 * The cleaning rules that read one ticket's rows in time order (see `clean.ts` for the
 * whole): its creation and attributes, then row by row
 *
 * 1. snapshot states — a row repeating the previous state is no new event (`rows: snapshots`);
 * 2. changes — a new value in the tier column is a transfer (queued there) or an escalation,
 *    a new value in the agent column an assignment (`changes:`);
 * 3. waits ended — a row that ends pending (`ends_pending`) ends a wait on the customer;
 *    work, a resolution or a move while the ticket still waits in a queue ends that wait
 *    (mapped exports: a ticket resolved straight from `New` was taken when it was resolved);
 * 4. reopens — taken again after a resolution, or worked again after a close, is a reopen
 *    (counted; synthesized with `infer_reopened`);
 * 5. a later `created`, an earlier `closed`, a `queued` while already waiting there: dropped.
 *
 * Every event made up is counted by what made it, so the report still accounts for every row.
 */
import type { TicketEvent } from '../eventlog/types.js';
import type { CleanOptions } from './clean.js';
import type { RawRecord } from './raw.js';
import type { DroppedRows, SynthesizedEvents } from './report.js';

/** A ticket's row on its way through the rules, with its place in file order. */
export interface TicketRow {
  record: RawRecord;
  /** Sort key among equal instants: file order, with room below for events made up before the row. */
  order: number;
}

/** An event on its way out: its instant and the order it keeps among equal instants. */
export interface Pending {
  epochMs: number;
  order: number;
  event: Omit<TicketEvent, 'time'>;
}

/** How a ticket's attribute is chosen when its rows disagree (the mapping's `attributes:`). */
export interface AttributeChoice {
  take: 'first' | 'last' | 'most_severe';
  /** Values from most to least severe (most_severe). */
  order?: string[];
}

/** Counts kept across tickets for the report. */
export interface TicketTally {
  dropped: DroppedRows;
  synthesized: SynthesizedEvents;
  rowsKept: number;
  extraKept: number;
  extraDropped: number;
  queueWaitsEnded: number;
  reopensAfterClose: number;
}

const ATTRIBUTES = ['channel', 'category', 'priority', 'customer'] as const;
/** Work on a ticket: after a close, a reopen. */
const WORK = new Set(['assigned', 'work_started', 'work_ended', 'replied', 'resolved', 'queued', 'escalated']);
/** Events that show a ticket waiting in a queue was taken, though no row says so. */
const ENDS_QUEUE_WAIT = new Set(['work_started', 'replied', 'resolved', 'closed', 'escalated']);

/** A record's event: its type, ticket and fields, without the row's bookkeeping. */
export function toEvent(record: RawRecord): Omit<TicketEvent, 'time'> {
  const event: Omit<TicketEvent, 'time'> = { type: record.type as TicketEvent['type'] };
  if (record.ticket !== undefined) event.ticket = record.ticket;
  // EVENT_FIELDS, in its order, field by field: a loop of keyed reads cost a fifth of a second on a million rows.
  if (record.agent !== undefined) event.agent = record.agent;
  if (record.tier !== undefined) event.tier = record.tier;
  if (record.channel !== undefined) event.channel = record.channel;
  if (record.category !== undefined) event.category = record.category;
  if (record.priority !== undefined) event.priority = record.priority;
  if (record.customer !== undefined) event.customer = record.customer;
  if (record.kind !== undefined) event.kind = record.kind;
  if (record.value !== undefined) event.value = record.value;
  return event;
}

/** The ticket's value of an attribute under a choice; `creation` is the row the ticket was created by, if any. */
function attributeValue(
  rows: readonly TicketRow[],
  field: (typeof ATTRIBUTES)[number],
  choice: AttributeChoice | undefined,
  creation: TicketRow | undefined,
) {
  // Most exports have no column for most attributes: no list is made for a ticket none of whose rows has one.
  let given = false;
  for (let at = 0; at < rows.length && !given; at++) given = rows[at]!.record[field] !== undefined;
  if (!given) return undefined;
  const values = rows.map((row) => row.record[field]).filter((value) => value !== undefined);
  switch (choice?.take ?? 'first') {
    case 'last':
      return values[values.length - 1];
    case 'most_severe': {
      const order = choice!.order!;
      const rank = (value: string | number) => {
        const index = order.indexOf(String(value));
        return index < 0 ? order.length : index;
      };
      return values.reduce((best, value) => (rank(value) < rank(best) ? value : best));
    }
    default:
      // A creation row rarely carries everything (priority is often set at triage): its value,
      // else a created row's, else the first.
      return (
        creation?.record[field] ??
        rows.find((row) => row.record.type === 'created' && row.record[field] !== undefined)?.record[field] ??
        values[0]
      );
  }
}

/**
 * Cleans one ticket's rows (sorted). `fromColumn` is its creation time from the export's
 * creation column. Returns its events, and desksim's own counts of its transfers and
 * reopens (reported beside the export's counters).
 */
export function cleanTicket(
  ticket: number | string,
  rows: readonly TicketRow[],
  options: CleanOptions,
  tally: TicketTally,
  fromColumn: number | undefined,
): { events: Pending[]; transfers: number; reopens: number } {
  const { dropped, synthesized } = tally;
  const events: Pending[] = [];
  const keep = (row: TicketRow) => {
    events.push({ epochMs: row.record.epochMs, order: row.order, event: toEvent(row.record) });
    if ((row.record.part ?? 0) > 0) tally.extraKept++;
    else tally.rowsKept++;
  };
  const drop = (row: TicketRow, reason: keyof DroppedRows) => {
    if ((row.record.part ?? 0) > 0) tally.extraDropped++;
    else dropped[reason]++;
  };

  const first = rows[0]!;
  let creation: TicketRow | undefined;
  let created: Pending;
  if (fromColumn !== undefined) {
    // A creation column later than the ticket's first row is a clock skew: the first row's time.
    created = {
      epochMs: Math.min(fromColumn, first.record.epochMs),
      order: first.order - 8,
      event: { ticket, type: 'created' },
    };
    synthesized.created_from_column++;
  } else if (first.record.type === 'created') {
    creation = first;
    created = { epochMs: first.record.epochMs, order: first.order, event: toEvent(first.record) };
    if ((first.record.part ?? 0) > 0) tally.extraKept++;
    else tally.rowsKept++;
  } else {
    created = { epochMs: first.record.epochMs, order: first.order - 8, event: { ticket, type: 'created' } };
    synthesized.created++;
  }
  for (const field of ATTRIBUTES) {
    const value = attributeValue(rows, field, options.attributes?.[field], creation);
    if (value !== undefined) (created.event as Record<string, unknown>)[field] = value;
    else delete (created.event as Record<string, unknown>)[field];
  }
  events.push(created);

  // Snapshot rows repeating the previous state; the final close among the rows that remain.
  const repeated = new Set<TicketRow>();
  let previousState: string | undefined;
  let repeatedRow = false;
  for (const row of rows) {
    if ((row.record.part ?? 0) === 0) {
      repeatedRow =
        options.rows === 'snapshots' && row.record.activity !== undefined && row.record.activity === previousState;
      previousState = row.record.activity;
    }
    if (repeatedRow) repeated.add(row);
  }
  const finalClose = rows.filter((row) => row.record.type === 'closed' && !repeated.has(row) && row !== creation).pop();

  let waitingAt: string | undefined;
  let done: 'resolved' | 'closed' | undefined;
  let pendingOnCustomer = false;
  let lastTier: string | undefined;
  let lastAgent: string | undefined;
  let transfers = 0;
  let reopens = 0;
  // The row being cleaned, for the helpers below, which are made once a ticket rather than once a row.
  let row = first;
  let record = first.record;
  let slot = 0;
  const synthesize = (event: Omit<TicketEvent, 'time' | 'ticket'>) => {
    events.push({ epochMs: record.epochMs, order: row.order - 7 + slot++, event: { ticket, ...event } });
  };
  // Work after a resolution (an assignment) or a close (any work): the ticket came back.
  const beforeWork = (workType: string) => {
    const reopen = (done === 'resolved' && workType === 'assigned') || (done === 'closed' && WORK.has(workType));
    if (done === 'closed' && WORK.has(workType)) tally.reopensAfterClose++;
    if (!reopen) return;
    done = undefined;
    if (options.inferReopened) {
      synthesize({ type: 'reopened' });
      synthesized.reopened++;
      reopens++;
    }
  };
  const endQueueWait = (agent: string | undefined) => {
    beforeWork('assigned');
    synthesize(agent === undefined ? { type: 'assigned' } : { type: 'assigned', agent });
    synthesized.assigned++;
    tally.queueWaitsEnded++;
    waitingAt = undefined;
  };
  for (const current of rows) {
    row = current;
    record = row.record;
    slot = 0;
    const type = record.type;

    if ((record.part ?? 0) === 0) {
      if (options.changes?.tier !== undefined && record.tier !== undefined) {
        if (lastTier !== undefined && record.tier !== lastTier) {
          transfers++;
          if (waitingAt !== undefined && options.endOpenQueueWaits === true) endQueueWait(undefined);
          beforeWork(options.changes.tier);
          if (options.changes.tier === 'escalated') {
            synthesize({ type: 'escalated', tier: record.tier });
            synthesized.escalated++;
          }
          synthesize({ type: 'queued', tier: record.tier });
          synthesized.queued++;
          waitingAt = record.tier;
        }
        lastTier = record.tier;
      }
      if (
        options.changes?.agent !== undefined &&
        record.agent !== undefined &&
        record.agent !== lastAgent &&
        (type !== 'assigned' || repeated.has(row))
      ) {
        beforeWork('assigned');
        synthesize({ type: 'assigned', agent: record.agent });
        synthesized.assigned++;
        waitingAt = undefined;
      }
      if (record.agent !== undefined) lastAgent = record.agent;
    }
    if (row === creation) continue;
    if (repeated.has(row)) {
      drop(row, 'repeated_state');
      if (type === 'closed') done = 'closed';
      continue;
    }
    if (record.endsPending === true && pendingOnCustomer) {
      synthesize({ type: 'resumed' });
      synthesized.resumed++;
      pendingOnCustomer = false;
    }
    if (options.endOpenQueueWaits === true && waitingAt !== undefined) {
      const moved = type === 'queued' && (record.tier ?? '') !== waitingAt;
      const closing = type === 'closed' && row !== finalClose;
      if (moved || (ENDS_QUEUE_WAIT.has(type) && !closing)) endQueueWait(record.agent);
    }
    switch (type) {
      case 'created':
        drop(row, 'repeated_created');
        continue;
      case 'closed':
        done = 'closed';
        if (row !== finalClose) {
          drop(row, 'repeated_closed');
          continue;
        }
        break;
      case 'queued': {
        const tier = record.tier ?? '';
        if (waitingAt === tier) {
          drop(row, 'requeued_while_waiting');
          continue;
        }
        beforeWork(type);
        waitingAt = tier;
        break;
      }
      case 'assigned':
      case 'abandoned':
        if (type === 'assigned') beforeWork(type);
        waitingAt = undefined;
        break;
      case 'resolved':
        beforeWork(type);
        done = 'resolved';
        break;
      case 'reopened':
        done = undefined;
        reopens++;
        break;
      case 'pending':
        if (record.kind !== 'engineering') pendingOnCustomer = true;
        break;
      case 'resumed':
      case 'customer_replied':
        if (record.kind !== 'engineering') pendingOnCustomer = false;
        break;
      default:
        if (WORK.has(type)) beforeWork(type);
        break;
    }
    keep(row);
  }
  return { events, transfers, reopens };
}
