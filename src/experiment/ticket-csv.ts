/**
 * `tickets.csv` straight from the ledger's columns: one pass over the measured tickets, each
 * row formatted as one line of text and handed on in chunks of about a megabyte (to a file
 * file, see `text-file.ts`, or a string). No object per row: as row objects, the table of an 800,000-ticket run held
 * 1.5 GB and took a third of the run in formatting and garbage collection.
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

/** Text handed over in chunks of about this many characters. */
const CHUNK = 1 << 20;

/** Small counts (replies, reopens, escalations) as text, built once. */
const SMALL_NUMBERS = Array.from({ length: 256 }, (_, value) => String(value));

const count = (value: number) => (value >= 0 && value < 256 ? SMALL_NUMBERS[value]! : String(value));
/** A number as `csvField` writes it; NaN (not applicable) is an empty field. */
const number = (value: number) => (Number.isNaN(value) ? '' : String(value));

/** Each code's field (quoted if need be), and the empty field for -1. */
function codedFields(dictionary: Dictionary): (code: number) => string {
  const fields = dictionary.values.map((value) => csvField(value));
  return (code) => (code < 0 ? '' : fields[code]!);
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
 * Formats the ticket table of a log (measured tickets, creation order) and hands its text to
 * `write` in chunks, header first. `visit` sees each row's derived values, so the report's
 * columns come from the same pass.
 */
export function formatTicketCsv(
  ledger: Ledger,
  options: MetricOptions | undefined,
  write: (text: string) => void,
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
  const { measureFrom, measureTo } = ledger.window;
  write(TICKET_COLUMNS.map(csvField).join(',') + '\n');
  // A row's fields go into one reused array and are joined, and rows are joined a chunk at a
  // time: every string made is flat and short-lived (a chunk grown with `+=` kept millions of
  // rope pieces alive until written, and garbage collection took longer than the formatting).
  const fields = new Array<string>(TICKET_COLUMNS.length).fill('');
  const lines: string[] = [];
  let length = 0;
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
    fields[0] = typeof id === 'number' ? String(id) : csvField(id);
    fields[1] = String(created);
    fields[2] = customer === undefined ? '' : typeof customer === 'number' ? String(customer) : csvField(customer);
    fields[3] = channel(ledger.channel[ticket]!);
    fields[4] = category(ledger.category[ticket]!);
    fields[5] = priority(ledger.priority[ticket]!);
    fields[6] = status;
    fields[7] = firstVisit >= 0 ? tier(ledger.visitTier[firstVisit]!) : '';
    fields[8] = agent(ledger.lastAgent[ticket]!);
    fields[9] = count(ledger.escalations[ticket]!);
    fields[10] = number(queueWait);
    fields[11] = number(firstResponseTime(times, ticket));
    fields[12] = number(resolution);
    fields[13] = ledger.workIntervals[ticket]! > 0 ? String(ledger.handleTime[ticket]!) : '';
    fields[14] = count(ledger.replies[ticket]!);
    fields[15] = count(ledger.reopens[ticket]!);
    fields[16] = slaContext === undefined ? '' : number(slaBreachAt(slaContext, ticket, 'firstResponse'));
    fields[17] = slaContext === undefined ? '' : number(slaBreachAt(slaContext, ticket, 'resolution'));
    fields[18] = hasTruth ? (Number.isNaN(ledger.truthFixedAt[ticket]!) ? 'false' : 'true') : '';
    const line = fields.join(',');
    lines.push(line);
    length += line.length + 1;
    visit?.(rows, ticket, resolution, queueWait, status);
    rows++;
    if (length >= CHUNK) {
      lines.push('');
      write(lines.join('\n'));
      lines.length = 0;
      length = 0;
    }
  }
  if (lines.length > 0) {
    lines.push('');
    write(lines.join('\n'));
  }
  return rows;
}

/** The ticket table as one string (small logs, tests). */
export function ticketCsvText(ledger: Ledger, options?: MetricOptions): string {
  const chunks: string[] = [];
  formatTicketCsv(ledger, options, (text) => chunks.push(text));
  return chunks.join('');
}
