/**
 * Cleaning a read log into the event log the metric engine trusts, and saying what was done
 * in an import report that accounts for every row (see `report.ts`):
 *
 * ```
 * rows read = rows kept + duplicates + outlier times + ignored + repeated created
 *             + repeated closed + re-queued while waiting + repeated states
 * events    = rows kept + extra events kept + synthesized events
 * ```
 *
 * Rules, in order: duplicate rows (same values) are dropped; rows with a time far outside
 * the log (`outliers.ts`) are dropped and listed; rows of ignored activities are dropped;
 * each ticket's rows are put in time order (ties keep file order, a `created` first). Then,
 * per ticket, row by row (`ticket-rules.ts`): its creation, snapshot states, changes of the
 * tier and agent columns, waits ended, re-queues, closes and reopens. Times become minutes
 * since the midnight before the earliest event.
 */
import { utcOffsetReader } from '../engine/local-time.js';
import type { EventType, LogWindow, TicketEvent } from '../eventlog/types.js';
import { ImportError, importMessage, type ImportIssue } from './errors.js';
import { isOutlier, timeFences } from './outliers.js';
import type { RawLog } from './read.js';
import { radixOrder } from './radix-order.js';
import { IGNORE_CODE, RecordColumns, typeCode } from './records.js';
import type { CounterComparison, DroppedRows, ImportReport, SynthesizedEvents } from './report.js';
import { cleanTicket, toEvent, type AttributeChoice, type TicketRow, type TicketTally } from './ticket-rules.js';

export type { ImportReport } from './report.js';

/** Cleaning choices (a mapping's, or the defaults for an event log). */
export interface CleanOptions {
  missingCreated: 'synthesize' | 'error';
  inferReopened: boolean;
  /** Zone whose midnights start the log's days (daily series, backlog samples); default UTC. */
  timeZone?: string;
  /** snapshots: a row repeating the ticket's previous state is no new event. Default events. */
  rows?: 'events' | 'snapshots';
  /** Events read from a change of the tier or agent column between a ticket's rows. */
  changes?: { tier?: 'queued' | 'escalated'; agent?: 'assigned' };
  /** Which value a ticket takes when its rows disagree (default: first). */
  attributes?: Partial<Record<'channel' | 'category' | 'priority' | 'customer', AttributeChoice>>;
  /** drop (default) or keep rows with a time far outside the log; either way they are listed. */
  outlierTimes?: 'drop' | 'keep';
  /** End a queue wait never ended at the ticket's next work, resolution or move (mapped exports). */
  endOpenQueueWaits?: boolean;
}

/** The cleaned log: events in time order, its window, and the report. */
export interface ImportedLog {
  events: TicketEvent[];
  window: LogWindow;
  report: ImportReport;
  /** Event types the source can record (see `Ledger.recordedTypes`); undefined: only those seen. */
  recordedTypes?: EventType[];
  /** SLA targets in minutes by the log's own priority labels (the mapping's `sla.targets`). */
  slaTargets?: Record<string, { firstResponse?: number; resolution?: number }>;
  /** Tiers of the log that are bots (the mapping's `automation_tiers`, checked: each queues tickets). */
  automationTiers?: string[];
}

/** The midnight (in `timeZone`, default UTC) at or before an instant, as epoch milliseconds. */
function midnightBefore(epochMs: number, timeZone: string | undefined): number {
  const offsetMinutes = timeZone === undefined ? 0 : utcOffsetReader(timeZone)(epochMs);
  const local = epochMs + offsetMinutes * 60_000;
  return Math.floor(local / 86_400_000) * 86_400_000 - offsetMinutes * 60_000;
}

/** The events made, each with its instant and its order among equal instants, in parallel arrays. */
class PendingEvents {
  readonly events: Array<Omit<TicketEvent, 'time'>> = [];
  readonly epochMs: number[] = [];
  readonly order: number[] = [];

  push(epochMs: number, order: number, event: Omit<TicketEvent, 'time'>): void {
    this.events.push(event);
    this.epochMs.push(epochMs);
    this.order.push(order);
  }

  /** The events' places in time order, equal instants by their order. */
  sortedOrder(): Int32Array | number[] {
    const { epochMs, order } = this;
    const sorted = radixOrder(epochMs, order);
    if (sorted !== undefined) return sorted;
    const places = Array.from({ length: this.events.length }, (_, at) => at);
    return places.sort((a, b) => epochMs[a]! - epochMs[b]! || order[a]! - order[b]!);
  }
}

/** Rows in time order; among equal instants a creation first, then file order. */
function compareRows(a: TicketRow, b: TicketRow): number {
  return (
    a.record.epochMs - b.record.epochMs ||
    Number(b.record.type === 'created') - Number(a.record.type === 'created') ||
    a.order - b.order
  );
}

const KEPT_OUTLIERS = 'kept (outlier_times: keep): they stretch the measured window';
const DROPPED_OUTLIERS = 'dropped (outlier_times: keep keeps them)';

/** Lines listed in a warning; the rest are counted. */
const LINES_LISTED = 20;

function listLines(lines: readonly number[]): string {
  const shown = lines.slice(0, LINES_LISTED).join(', ');
  return lines.length > LINES_LISTED ? `${shown} and ${lines.length - LINES_LISTED} more` : shown;
}

/**
 * Cleans a read log, consuming its records (`log.records` is emptied, so each ticket's rows
 * can be let go as soon as its events are made). Throws an `ImportError` for tickets without
 * creation under `missing_created: error`.
 */
export function cleanLog(
  log: RawLog,
  options: CleanOptions,
  source: { file: string; mapping: string | null },
): ImportedLog {
  const dropped: DroppedRows = {
    duplicate: 0,
    outlier_time: 0,
    ignored: 0,
    repeated_created: 0,
    repeated_closed: 0,
    requeued_while_waiting: 0,
    repeated_state: 0,
  };
  const synthesized: SynthesizedEvents = {
    created: 0,
    created_from_column: 0,
    reopened: 0,
    resumed: 0,
    queued: 0,
    escalated: 0,
    assigned: 0,
  };
  const tally: TicketTally = {
    dropped,
    synthesized,
    extraKept: 0,
    extraDropped: 0,
    rowsKept: 0,
    queueWaitsEnded: 0,
    reopensAfterClose: 0,
  };
  const warnings = [...log.warnings];
  const ignoredByActivity: Record<string, number> = {};
  const out = new PendingEvents();

  // Duplicates were dropped as the rows were read (a row and its copy are one row, whatever else is wrong with it).
  dropped.duplicate = log.duplicates;
  const records = log.records;
  // The records are the cleaning's to consume: they are let go once the tickets' events are made.
  log.records = new RecordColumns();
  const count = records.length;
  const times = new Float64Array(count);
  let firstParts = 0;
  for (let index = 0; index < count; index++)
    if (records.part[index] === 0) times[firstParts++] = records.epochMs[index]!;
  const fences = timeFences(times.subarray(0, firstParts));
  const outlierLines: number[] = [];
  const outlierCreationLines: number[] = [];
  let replyWithoutKind = false;
  const repliedCode = typeCode('replied');
  // Each ticket's rows, grouped in the order of its first row kept (as the tickets are cleaned).
  const ticketCount = records.tickets.length + 1;
  const groupOf = new Int32Array(ticketCount).fill(-1);
  const groupTickets: number[] = [];
  const groupSizes: number[] = [];
  const inGroup = new Uint8Array(count);
  const onlyIgnored = new Uint8Array(ticketCount);
  const created = records.createdEpochMs;
  for (let index = 0; index < count; index++) {
    const type = records.type[index]!;
    const part = records.part[index]!;
    const epochMs = records.epochMs[index]!;
    if (type === repliedCode && records.textIdOf('kind', index) === 0) replyWithoutKind = true;
    if (created !== undefined && !Number.isNaN(created[index]!) && isOutlier(created[index]!, fences)) {
      if (part === 0) outlierCreationLines.push(records.line[index]!);
      created[index] = Number.NaN;
    }
    if (isOutlier(epochMs, fences)) {
      if (part === 0) outlierLines.push(records.line[index]!);
      if (options.outlierTimes !== 'keep') {
        if (part === 0) dropped.outlier_time++;
        continue;
      }
    }
    const ticket = records.ticket[index]!;
    if (type === IGNORE_CODE) {
      if (ticket !== 0) onlyIgnored[ticket] = 1;
      dropped.ignored++;
      const activity = records.textIdOf('activity', index);
      const name = activity === 0 ? '' : String(records.text(activity));
      ignoredByActivity[name] = (ignoredByActivity[name] ?? 0) + 1;
      continue;
    }
    if (ticket === 0) {
      // Room below each row's order for the events synthesized just before it.
      out.push(epochMs, index * 16 + 8, toEvent(records.record(index)));
      tally.rowsKept++;
      continue;
    }
    if (groupOf[ticket]! < 0) {
      groupOf[ticket] = groupTickets.length;
      groupTickets.push(ticket);
      groupSizes.push(0);
    }
    groupSizes[groupOf[ticket]!]!++;
    inGroup[index] = 1;
  }
  // Counting sort: each group's record indices together, in file order.
  const groupStarts = new Int32Array(groupTickets.length + 1);
  for (let group = 0; group < groupTickets.length; group++)
    groupStarts[group + 1] = groupStarts[group]! + groupSizes[group]!;
  const filled = groupStarts.slice(0, groupTickets.length);
  const grouped = new Int32Array(groupStarts[groupTickets.length]!);
  for (let index = 0; index < count; index++) {
    if (inGroup[index] === 1) grouped[filled[groupOf[records.ticket[index]!]!]!++] = index;
  }
  if (outlierLines.length > 0) {
    const range =
      `${new Date(fences!.earliest).toISOString().slice(0, 10)} – ` +
      `${new Date(fences!.latest).toISOString().slice(0, 10)}`;
    warnings.push(
      `${outlierLines.length} row(s) have a time far outside the log's bulk (${range}), ` +
        `${options.outlierTimes === 'keep' ? KEPT_OUTLIERS : DROPPED_OUTLIERS}; ` +
        `lines ${listLines(outlierLines)}`,
    );
  }
  if (outlierCreationLines.length > 0) {
    warnings.push(
      `${outlierCreationLines.length} creation time(s) far outside the log's bulk not used (the first row's ` +
        `time is); lines ${listLines(outlierCreationLines)}`,
    );
  }

  let outOfOrder = 0;
  let withoutCreated = 0;
  let closedRepeatedly = 0;
  const counters = new CounterTotals();
  const missing: ImportIssue[] = [];
  for (let group = 0; group < groupTickets.length; group++) {
    const ticket = records.tickets[groupTickets[group]! - 1]!;
    const rows: TicketRow[] = [];
    for (let at = groupStarts[group]!; at < groupStarts[group + 1]!; at++) {
      const index = grouped[at]!;
      // Room below each row's order for the events synthesized just before it.
      rows.push({ record: records.record(index), order: index * 16 + 8 });
    }
    // Time order; among equal instants a creation first, then file order. Most tickets' rows already are.
    let sorted = true;
    for (let at = 1; at < rows.length && sorted; at++) sorted = compareRows(rows[at - 1]!, rows[at]!) <= 0;
    if (!sorted) {
      if (rows.some((row, index) => index > 0 && row.record.epochMs < rows[index - 1]!.record.epochMs)) outOfOrder++;
      rows.sort(compareRows);
    }
    let fromColumn: number | undefined;
    let closes = 0;
    for (const { record } of rows) {
      fromColumn ??= record.createdEpochMs;
      if (record.type === 'closed') closes++;
    }
    if (rows[0]!.record.type !== 'created' && fromColumn === undefined) {
      withoutCreated++;
      if (options.missingCreated === 'error') {
        missing.push({
          code: 'missing_created',
          file: source.file,
          line: rows[0]!.record.line,
          message: importMessage.missingCreated(String(ticket)),
        });
        continue;
      }
    }
    if (closes > 1) closedRepeatedly++;
    const result = cleanTicket(ticket, rows, options, tally, fromColumn);
    for (const pending of result.events) out.push(pending.epochMs, pending.order, pending.event);
    counters.add(rows, result);
  }
  if (missing.length > 0) throw new ImportError(missing);
  if (out.events.length === 0)
    throw new ImportError([{ code: 'empty_log', file: source.file, message: importMessage.emptyLog() }]);
  if (log.activities !== undefined && replyWithoutKind) {
    warnings.push(
      'replied rows without a kind count as substantive answers (first_response_substantive_share): give the ' +
        'activity a kind (generic, info_request, auto) if it is not one',
    );
  }

  // Minute 0 is the midnight before the first event, so the log's days are calendar days.
  const sorted = out.sortedOrder();
  const first = out.epochMs[sorted[0]!]!;
  const origin = midnightBefore(first, options.timeZone);
  const last = out.epochMs[sorted[sorted.length - 1]!]!;
  const eventsByType: Record<string, number> = {};
  // Each pending event is its own object: it becomes the event itself (time last, as a spread would put it).
  // They are timed in the order they were made, next to each other in memory, and only then listed in time
  // order: timing them in time order jumped about the heap (a quarter second on the 156 MB export).
  const made = out.events as TicketEvent[];
  for (let at = 0; at < made.length; at++) {
    const event = made[at]!;
    event.time = (out.epochMs[at]! - origin) / 60_000;
    eventsByType[event.type] = (eventsByType[event.type] ?? 0) + 1;
  }
  const events: TicketEvent[] = [];
  for (const at of sorted) events.push(made[at]!);
  // The window ends with the last event's millisecond, so a ticket created at the very end is measured.
  const end = last + 1;
  const report: ImportReport = {
    file: source.file,
    form: log.form,
    mapping: source.mapping,
    rows_read: log.rows,
    rows_kept: tally.rowsKept,
    rows_dropped: dropped,
    ignored_by_activity: ignoredByActivity,
    extra_events: { kept: tally.extraKept, dropped: tally.extraDropped },
    synthesized,
    queue_waits_ended: tally.queueWaitsEnded,
    reopens_after_close: tally.reopensAfterClose,
    events: events.length,
    events_by_type: Object.fromEntries(Object.entries(eventsByType).sort(([a], [b]) => a.localeCompare(b))),
    activities: log.activities ?? null,
    tickets: groupTickets.length,
    tickets_without_events: onlyIgnored.reduce(
      (sum, seen, ticket) => sum + (seen === 1 && groupOf[ticket]! < 0 ? 1 : 0),
      0,
    ),
    tickets_out_of_order: outOfOrder,
    tickets_without_created: withoutCreated,
    tickets_closed_repeatedly: closedRepeatedly,
    counters: counters.comparison(),
    warnings,
    window: {
      start: new Date(first).toISOString(),
      end: new Date(last).toISOString(),
      minutes: (last - first) / 60_000,
    },
  };
  return {
    events,
    window: { originEpochMs: origin, measureFrom: (first - origin) / 60_000, measureTo: (end - origin) / 60_000 },
    report,
  };
}

/** The export's counters per ticket (last value) beside desksim's own count for the same tickets. */
class CounterTotals {
  private readonly totals: Partial<Record<'reassignment_count' | 'reopen_count' | 'made_sla', CounterComparison>> = {};

  add(rows: readonly TicketRow[], result: { transfers: number; reopens: number }): void {
    const last: { reassignment_count?: number; reopen_count?: number; made_sla?: boolean } = {};
    for (const { record } of rows) Object.assign(last, record.counters);
    if (last.reassignment_count !== undefined)
      this.count('reassignment_count', last.reassignment_count, result.transfers);
    if (last.reopen_count !== undefined) this.count('reopen_count', last.reopen_count, result.reopens);
    if (last.made_sla !== undefined) this.count('made_sla', last.made_sla ? 1 : 0, null);
  }

  private count(name: 'reassignment_count' | 'reopen_count' | 'made_sla', log: number, desksim: number | null): void {
    const total = (this.totals[name] ??= { tickets: 0, log: 0, desksim: desksim === null ? null : 0 });
    total.tickets++;
    total.log += log;
    if (total.desksim !== null && desksim !== null) total.desksim += desksim;
  }

  comparison(): ImportReport['counters'] {
    return Object.keys(this.totals).length === 0 ? null : this.totals;
  }
}
