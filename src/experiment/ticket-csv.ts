/**
 * `tickets.csv` straight from the ledger's columns: one pass over the measured tickets, each
 * row's fields written as UTF-8 bytes into one reused buffer (`CsvBytes`) and handed on about
 * a megabyte at a time (to a file, see `first-ticket-table.ts`, or decoded into a string). No
 * object per row and no string per cell: as row objects, the table of an 800,000-ticket run
 * held 1.5 GB, and as strings joined per row its garbage grew the heap by 100 MB.
 *
 * The bytes are those of `toCsv(TICKET_COLUMNS, ticketRows(…))` (test/ticket-csv.test.ts
 * checks it): the same per-ticket functions, the same field rules (`csvField`).
 */
import { csvField } from '../document/csv.js';
import {
  firstResponseTime,
  resolutionTime,
  slaBreachAt,
  type MetricContext,
  type MetricOptions,
} from '../metrics/catalog.js';
import { buildContext, TICKET_COLUMNS, ticketStatus } from '../metrics/engine.js';
import type { Dictionary, Ledger } from '../metrics/ledger.js';
import { CsvBytes, utf8 } from './csv-bytes.js';

/** Bytes handed over in chunks of about this many. */
const CHUNK = 1 << 20;

const EMPTY = new Uint8Array(0);
const TRUE = utf8('true');
const FALSE = utf8('false');

/** Each code's field as bytes (quoted if need be), and the empty field for -1. */
function codedFields(dictionary: Dictionary): (code: number) => Uint8Array {
  const fields = dictionary.values.map((value) => utf8(csvField(value)));
  return (code) => (code < 0 ? EMPTY : fields[code]!);
}

/**
 * Per measured ticket, what the report takes from the table beside its text: called for each
 * row in order with its row number, ledger row, resolution time (NaN if unresolved), queue
 * wait (NaN: never queued or still waiting) and status.
 */
export type TicketColumnsVisitor = (
  row: number,
  ticket: number,
  resolution: number,
  queueWait: number,
  status: string,
) => void;

/**
 * Formats the ticket table of a log (measured tickets, creation order) and hands its UTF-8
 * bytes to `write` in chunks of whole rows, header first; a chunk's bytes are reused once
 * `write` returns. `visit` sees each row's derived values, so the report's columns come
 * from the same pass.
 */
export function formatTicketCsv(
  ledger: Ledger,
  options: MetricOptions | undefined,
  write: (bytes: Uint8Array) => void,
  visit?: TicketColumnsVisitor,
): number {
  ledger.finish();
  const slaContext: MetricContext | undefined = options?.sla === undefined ? undefined : buildContext(ledger, options);
  const times = { ledger, options: options ?? { serviceLevelThreshold: 60, reopenWindow: 7 * 24 * 60 } };
  // Truth is known only for simulated logs: elsewhere the column stays empty, not "false".
  const hasTruth = ledger.seenTypes.has('truth_fixed');
  const channel = codedFields(ledger.channels);
  const category = codedFields(ledger.categories);
  const priority = codedFields(ledger.priorities);
  const tier = codedFields(ledger.tiers);
  const agent = codedFields(ledger.agentNames);
  const statuses = new Map<string, Uint8Array>();
  const { measureFrom, measureTo } = ledger.window;
  const out = new CsvBytes(CHUNK, write);
  out.text(TICKET_COLUMNS.map(csvField).join(','));
  out.newline();
  let rows = 0;
  for (let ticket = 0; ticket < ledger.ticketCount; ticket++) {
    const created = ledger.createdAt[ticket]!;
    if (!(created >= measureFrom && created < measureTo)) continue;
    const id = ledger.ticketId(ticket);
    const customer = ledger.customer[ticket];
    const firstVisit = ledger.firstVisit[ticket]!;
    const status = ticketStatus(ledger, ticket);
    const queueWait = firstVisit >= 0 ? ledger.ticketQueueWait(ticket) : Number.NaN;
    const resolution = resolutionTime(times, ticket);
    if (typeof id === 'number') out.value(id);
    else out.text(csvField(id));
    out.comma();
    out.number(created);
    out.comma();
    if (typeof customer === 'number') out.value(customer);
    else if (customer !== undefined) out.text(csvField(customer));
    out.comma();
    out.raw(channel(ledger.channel[ticket]!));
    out.comma();
    out.raw(category(ledger.category[ticket]!));
    out.comma();
    out.raw(priority(ledger.priority[ticket]!));
    out.comma();
    let statusField = statuses.get(status);
    if (statusField === undefined) statuses.set(status, (statusField = utf8(csvField(status))));
    out.raw(statusField);
    out.comma();
    if (firstVisit >= 0) out.raw(tier(ledger.visitTier[firstVisit]!));
    out.comma();
    out.raw(agent(ledger.lastAgent[ticket]!));
    out.comma();
    out.integer(ledger.escalations[ticket]!);
    out.comma();
    out.number(queueWait);
    out.comma();
    out.number(firstResponseTime(times, ticket));
    out.comma();
    out.number(resolution);
    out.comma();
    if (ledger.workIntervals[ticket]! > 0) out.value(ledger.handleTime[ticket]!);
    out.comma();
    out.integer(ledger.replies[ticket]!);
    out.comma();
    out.integer(ledger.reopens[ticket]!);
    out.comma();
    if (slaContext !== undefined) out.number(slaBreachAt(slaContext, ticket, 'firstResponse'));
    out.comma();
    if (slaContext !== undefined) out.number(slaBreachAt(slaContext, ticket, 'resolution'));
    out.comma();
    if (hasTruth) out.raw(Number.isNaN(ledger.truthFixedAt[ticket]!) ? FALSE : TRUE);
    out.newline();
    visit?.(rows, ticket, resolution, queueWait, status);
    rows++;
    if (out.full()) out.flush();
  }
  out.flush();
  return rows;
}

/** The ticket table as one string (small logs, tests). */
export function ticketCsvText(ledger: Ledger, options?: MetricOptions): string {
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  // Chunks end on a row, so each decodes alone.
  formatTicketCsv(ledger, options, (bytes) => chunks.push(decoder.decode(bytes)));
  return chunks.join('');
}
