/**
 * Cleaning a read log into the event log the metric engine trusts, and saying what was done
 * in an import report that accounts for every row:
 *
 * ```
 * rows read = rows kept + duplicates + ignored + repeated created + repeated closed
 *             + re-queued while waiting
 * events    = rows kept + synthesized created + synthesized reopened
 * ```
 *
 * Rules, in order: exact duplicate rows are dropped; rows of ignored activities are
 * dropped; each ticket's rows are put in time order (ties keep file order, a `created` first);
 * a ticket whose first event is not `created` gets one synthesized at its first event (or
 * stops the import, with `missing_created: error`); a later `created` is dropped; of several
 * `closed` only the last — the final close — is kept; a `queued` while the ticket already
 * waits in that tier's queue is not a new queue entry and is dropped; with `infer_reopened`,
 * an `assigned` after a `resolved` gets a `reopened` just before it. Times become minutes
 * since the earliest event.
 */
import { utcOffsetReader } from '../engine/local-time.js';
import type { EventType, LogWindow, TicketEvent } from '../eventlog/types.js';
import { ImportError, importMessage, type ImportIssue } from './errors.js';
import { EVENT_FIELDS, type RawLog, type RawRecord } from './read.js';

/** What cleaning did: every row of the file accounted for. */
export interface ImportReport {
  /** The log file, as given. */
  file: string;
  /** ndjson / csv (the event-log forms) or mapped-csv (an export read through a mapping). */
  form: RawLog['form'];
  /** The mapping file, for mapped logs. */
  mapping: string | null;
  /** Data rows in the file (header and blank lines not counted). */
  rows_read: number;
  /** Rows that became events. */
  rows_kept: number;
  /** Rows not used, by reason. rows_read = rows_kept + the sum of these. */
  rows_dropped: {
    /** Exact copies of an earlier row. */
    duplicate: number;
    /** Rows whose activity the mapping maps to ignore. */
    ignored: number;
    /** A `created` after the ticket's first event (its fields still fill the kept one). */
    repeated_created: number;
    /** A `closed` followed by a later `closed` of the same ticket: only the final close is kept. */
    repeated_closed: number;
    /** A `queued` while the ticket already waited in that tier's queue. */
    requeued_while_waiting: number;
  };
  /** Ignored rows per activity value. */
  ignored_by_activity: Record<string, number>;
  /** Events made up by the rules above, by type. */
  synthesized: { created: number; reopened: number };
  /** Events of the cleaned log: rows_kept + synthesized. */
  events: number;
  /** Events of the cleaned log per type (synthesized ones included). */
  events_by_type: Record<string, number>;
  /** Rows per activity value and the event type each became (mapped logs). */
  activities: Record<string, { rows: number; type: string }> | null;
  /** Tickets in the cleaned log. */
  tickets: number;
  /** Tickets whose every row was ignored or a duplicate, so they are not in the log. */
  tickets_without_events: number;
  /** Tickets whose rows were not in time order in the file (sorted). */
  tickets_out_of_order: number;
  /** Tickets whose first event was not `created` (one synthesized at their first event). */
  tickets_without_created: number;
  /** Tickets with more than one `closed`. */
  tickets_closed_repeatedly: number;
  /**
   * The measured window: from the earliest event to the last one. (The engine measures up to
   * the end of the last event's millisecond, so a ticket created at the very end counts.)
   */
  window: { start: string; end: string; minutes: number };
}

/** Cleaning choices (a mapping's, or the defaults for an event log). */
export interface CleanOptions {
  missingCreated: 'synthesize' | 'error';
  inferReopened: boolean;
  /** Zone whose midnights start the log's days (daily series, backlog samples); default UTC. */
  timeZone?: string;
}

/** The midnight (in `timeZone`, default UTC) at or before an instant, as epoch milliseconds. */
function midnightBefore(epochMs: number, timeZone: string | undefined): number {
  const offsetMinutes = timeZone === undefined ? 0 : utcOffsetReader(timeZone)(epochMs);
  const local = epochMs + offsetMinutes * 60_000;
  return Math.floor(local / 86_400_000) * 86_400_000 - offsetMinutes * 60_000;
}

/** The cleaned log: events in time order, its window, and the report. */
export interface ImportedLog {
  events: TicketEvent[];
  window: LogWindow;
  report: ImportReport;
  /** Event types the source can record (see `Ledger.recordedTypes`); undefined: only those seen. */
  recordedTypes?: EventType[];
}

/** An event on its way out: its instant and the order it keeps among equal instants. */
interface Pending {
  epochMs: number;
  /** Sort key among equal instants: file order, a synthesized event just before its row. */
  order: number;
  event: Omit<TicketEvent, 'time'>;
}

const ATTRIBUTES = ['channel', 'category', 'priority', 'customer'] as const;

function toEvent(record: RawRecord): Omit<TicketEvent, 'time'> {
  const event: Omit<TicketEvent, 'time'> = { type: record.type as TicketEvent['type'] };
  if (record.ticket !== undefined) event.ticket = record.ticket;
  for (const field of EVENT_FIELDS) if (record[field] !== undefined) (event as Record<string, unknown>)[field] = record[field];
  return event;
}

/** Cleans a read log. Throws an `ImportError` for tickets without creation under `missing_created: error`. */
export function cleanLog(log: RawLog, options: CleanOptions, source: { file: string; mapping: string | null }): ImportedLog {
  const dropped = { duplicate: 0, ignored: 0, repeated_created: 0, repeated_closed: 0, requeued_while_waiting: 0 };
  const ignoredByActivity: Record<string, number> = {};
  const synthesized = { created: 0, reopened: 0 };
  const seenRows = new Set<string>();
  const byTicket = new Map<number | string, Array<{ record: RawRecord; order: number }>>();
  const out: Pending[] = [];
  const ticketsSeen = new Set<number | string>();
  // Counted as rows become events, not derived, so the report's identity is a real check.
  let kept = 0;

  log.records.forEach((record, index) => {
    if (seenRows.has(record.text)) {
      dropped.duplicate++;
      return;
    }
    seenRows.add(record.text);
    if (record.ticket !== undefined) ticketsSeen.add(record.ticket);
    if (record.type === 'ignore') {
      dropped.ignored++;
      const activity = record.activity ?? '';
      ignoredByActivity[activity] = (ignoredByActivity[activity] ?? 0) + 1;
      return;
    }
    const order = index * 2 + 1;
    if (record.ticket === undefined) {
      out.push({ epochMs: record.epochMs, order, event: toEvent(record) });
      kept++;
      return;
    }
    let rows = byTicket.get(record.ticket);
    if (rows === undefined) byTicket.set(record.ticket, (rows = []));
    rows.push({ record, order });
  });

  let outOfOrder = 0;
  let withoutCreated = 0;
  let closedRepeatedly = 0;
  const missing: ImportIssue[] = [];
  for (const [ticket, rows] of byTicket) {
    if (rows.some((row, index) => index > 0 && row.record.epochMs < rows[index - 1]!.record.epochMs)) outOfOrder++;
    // Time order; among equal instants a creation first, then file order.
    rows.sort((a, b) => a.record.epochMs - b.record.epochMs || Number(b.record.type === 'created') - Number(a.record.type === 'created') || a.order - b.order);

    const first = rows[0]!;
    let created: Pending;
    let rest = rows;
    if (first.record.type === 'created') {
      created = { epochMs: first.record.epochMs, order: first.order, event: toEvent(first.record) };
      rest = rows.slice(1);
      kept++;
    } else {
      withoutCreated++;
      if (options.missingCreated === 'error') {
        missing.push({ code: 'missing_created', file: source.file, line: first.record.line, message: importMessage.missingCreated(String(ticket)) });
        continue;
      }
      synthesized.created++;
      const later = rows.find((row) => row.record.type === 'created');
      created = { epochMs: first.record.epochMs, order: first.order - 1, event: { ticket, type: 'created' } };
      for (const field of ATTRIBUTES) if (later?.record[field] !== undefined) (created.event as Record<string, unknown>)[field] = later.record[field];
    }
    // A creation row rarely carries everything (priority is often set at triage): take the first value seen.
    for (const field of ATTRIBUTES) {
      if (created.event[field] !== undefined) continue;
      const value = rows.find((row) => row.record[field] !== undefined)?.record[field];
      if (value !== undefined) (created.event as Record<string, unknown>)[field] = value;
    }
    out.push(created);

    const closes = rest.filter((row) => row.record.type === 'closed');
    if (closes.length > 1) closedRepeatedly++;
    const finalClose = closes[closes.length - 1];
    let waitingAt: string | undefined;
    let resolvedSinceReopen = false;
    for (const row of rest) {
      const record = row.record;
      switch (record.type) {
        case 'created':
          dropped.repeated_created++;
          continue;
        case 'closed':
          if (row !== finalClose) {
            dropped.repeated_closed++;
            continue;
          }
          break;
        case 'queued': {
          const tier = record.tier ?? '';
          if (waitingAt === tier) {
            dropped.requeued_while_waiting++;
            continue;
          }
          waitingAt = tier;
          break;
        }
        case 'assigned':
        case 'abandoned':
          waitingAt = undefined;
          if (record.type === 'assigned' && options.inferReopened && resolvedSinceReopen) {
            synthesized.reopened++;
            out.push({ epochMs: record.epochMs, order: row.order - 1, event: { ticket, type: 'reopened' } });
            resolvedSinceReopen = false;
          }
          break;
        case 'resolved':
          resolvedSinceReopen = true;
          break;
        case 'reopened':
          resolvedSinceReopen = false;
          break;
        default:
          break;
      }
      out.push({ epochMs: record.epochMs, order: row.order, event: toEvent(record) });
      kept++;
    }
  }
  if (missing.length > 0) throw new ImportError(missing);
  if (out.length === 0) throw new ImportError([{ code: 'empty_log', file: source.file, message: importMessage.emptyLog() }]);

  out.sort((a, b) => a.epochMs - b.epochMs || a.order - b.order);
  // Minute 0 is the midnight before the first event, so the log's days are calendar days.
  const first = out[0]!.epochMs;
  const origin = midnightBefore(first, options.timeZone);
  const last = out[out.length - 1]!.epochMs;
  const events: TicketEvent[] = [];
  const eventsByType: Record<string, number> = {};
  for (const pending of out) {
    events.push({ ...pending.event, time: (pending.epochMs - origin) / 60_000 } as TicketEvent);
    eventsByType[pending.event.type] = (eventsByType[pending.event.type] ?? 0) + 1;
  }
  // The window ends with the last event's millisecond, so a ticket created at the very end is measured.
  const end = last + 1;
  const report: ImportReport = {
    file: source.file,
    form: log.form,
    mapping: source.mapping,
    rows_read: log.records.length,
    rows_kept: kept,
    rows_dropped: dropped,
    ignored_by_activity: ignoredByActivity,
    synthesized,
    events: events.length,
    events_by_type: Object.fromEntries(Object.entries(eventsByType).sort(([a], [b]) => a.localeCompare(b))),
    activities: log.activities ?? null,
    tickets: byTicket.size,
    tickets_without_events: [...ticketsSeen].filter((ticket) => !byTicket.has(ticket)).length,
    tickets_out_of_order: outOfOrder,
    tickets_without_created: withoutCreated,
    tickets_closed_repeatedly: closedRepeatedly,
    window: { start: new Date(first).toISOString(), end: new Date(last).toISOString(), minutes: (last - first) / 60_000 },
  };
  return { events, window: { originEpochMs: origin, measureFrom: (first - origin) / 60_000, measureTo: (end - origin) / 60_000 }, report };
}
