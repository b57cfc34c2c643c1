/**
 * The records read from a log, held as typed columns until cleaning takes them: a record is
 * a row's line, ticket, instant, type and a few texts, and a million of them as objects
 * filled the old generation (the garbage collector took a third of `desksim metrics` on the
 * 156 MB Helpdesk export). Here a record costs about 30 bytes: numbers in typed arrays, each
 * text once in a table and a small id per row. Cleaning asks for one ticket's records at a
 * time as `RawRecord` objects (`record(index)`), which die young.
 *
 * Ids are 0 for "absent" and 1 + the table index otherwise, so a fresh column means absent.
 */
import { EVENT_TYPES } from '../eventlog/types.js';
import { detached } from './stream.js';
import type { RawRecord, RecordedCounters } from './raw.js';

/** Every type a record may have: an event type, or `ignore`. */
const RECORD_TYPES = [...EVENT_TYPES, 'ignore'] as const;
/** A record's type as a small number (its place in `RECORD_TYPES`). */
const TYPE_CODES = new Map<string, number>(RECORD_TYPES.map((type, index) => [type, index]));

/** The texts a record may carry, each in a column of text ids. */
export const TEXT_FIELDS = [
  'activity',
  'agent',
  'tier',
  'channel',
  'category',
  'priority',
  'customer',
  'kind',
] as const;
/** One of the record's texts. */
export type TextField = (typeof TEXT_FIELDS)[number];

/** The code of a record type (`ignore` included). */
export function typeCode(type: RawRecord['type']): number {
  return TYPE_CODES.get(type)!;
}

/** The code of `ignore`. */
export const IGNORE_CODE = typeCode('ignore');

function grown<T extends Int32Array | Uint8Array | Float64Array>(column: T, capacity: number): T {
  const larger = new (column.constructor as new (length: number) => T)(capacity);
  larger.set(column);
  return larger;
}

/** The records of a log, column by column; `record(index)` gives one back as an object. */
export class RecordColumns {
  length = 0;
  private capacity = 0;
  line = new Int32Array(0);
  /** Which of its row's events a record is (0: the first). */
  part = new Uint8Array(0);
  /** The ticket's id (`tickets`), 0 for none. */
  ticket = new Int32Array(0);
  epochMs = new Float64Array(0);
  type = new Uint8Array(0);
  endsPending = new Uint8Array(0);
  /** When the ticket was created (the export's creation column); NaN when not given. Made on first use. */
  createdEpochMs: Float64Array | undefined;
  private readonly texts = new Map<TextField, Int32Array>();
  /** The same columns as lists, in the same order, for `record`: no Map iteration a record. */
  private readonly textFields: TextField[] = [];
  private textColumns: Int32Array[] = [];
  /** Values and counters are rare: by record index. */
  private readonly values = new Map<number, unknown>();
  private readonly counters = new Map<number, RecordedCounters>();
  /** Ticket ids in order of first appearance, and each text once. */
  readonly tickets: Array<string | number> = [];
  private readonly ticketIds = new Map<string | number, number>();
  private readonly textTable: Array<string | number> = [];
  private readonly textIds = new Map<string | number, number>();

  /** The id of a text (or a numeric customer id), kept once for every record that holds it. */
  textId(value: string | number): number {
    let id = this.textIds.get(value);
    if (id === undefined) {
      const kept = typeof value === 'string' ? detached(value) : value;
      this.textTable.push(kept);
      id = this.textTable.length;
      this.textIds.set(kept, id);
    }
    return id;
  }

  /** The text of an id from `textId`. */
  text(id: number): string | number {
    return this.textTable[id - 1]!;
  }

  /** The id of a ticket, given in order of first appearance. */
  ticketId(ticket: string | number): number {
    let id = this.ticketIds.get(ticket);
    if (id === undefined) {
      const kept = typeof ticket === 'string' ? detached(ticket) : ticket;
      this.tickets.push(kept);
      id = this.tickets.length;
      this.ticketIds.set(kept, id);
    }
    return id;
  }

  /**
   * The id of a ticket its reader knows is new (told apart by its own key): no lookup. A
   * reader uses this or `ticketId`, never both.
   */
  newTicket(ticket: string): number {
    this.tickets.push(detached(ticket));
    return this.tickets.length;
  }

  /** Appends a record with its required parts; returns its index. */
  push(line: number, part: number, ticketId: number, epochMs: number, type: number): number {
    if (this.length === this.capacity) this.grow();
    const index = this.length++;
    this.line[index] = line;
    this.part[index] = part;
    this.ticket[index] = ticketId;
    this.epochMs[index] = epochMs;
    this.type[index] = type;
    return index;
  }

  private grow(): void {
    const capacity = Math.max(1024, this.capacity * 2);
    this.line = grown(this.line, capacity);
    this.part = grown(this.part, capacity);
    this.ticket = grown(this.ticket, capacity);
    this.epochMs = grown(this.epochMs, capacity);
    this.type = grown(this.type, capacity);
    this.endsPending = grown(this.endsPending, capacity);
    if (this.createdEpochMs !== undefined) this.createdEpochMs = this.grownCreated(capacity);
    for (const [field, column] of this.texts) this.texts.set(field, grown(column, capacity));
    this.textColumns = [...this.texts.values()];
    this.capacity = capacity;
  }

  private grownCreated(capacity: number): Float64Array {
    const larger = new Float64Array(capacity).fill(Number.NaN);
    if (this.createdEpochMs !== undefined) larger.set(this.createdEpochMs);
    return larger;
  }

  /** Sets a text of record `index` by its id (`textId`). */
  setText(field: TextField, index: number, id: number): void {
    let column = this.texts.get(field);
    if (column === undefined) {
      this.texts.set(field, (column = new Int32Array(this.capacity)));
      this.textFields.push(field);
      this.textColumns.push(column);
    }
    column[index] = id;
  }

  /** The text id of a field of record `index` (0: absent). */
  textIdOf(field: TextField, index: number): number {
    const column = this.texts.get(field);
    return column === undefined ? 0 : column[index]!;
  }

  setCreated(index: number, epochMs: number): void {
    this.createdEpochMs ??= this.grownCreated(this.capacity);
    this.createdEpochMs[index] = epochMs;
  }

  setValue(index: number, value: unknown): void {
    this.values.set(index, value);
  }

  setCounters(index: number, counters: RecordedCounters): void {
    this.counters.set(index, counters);
  }

  /** Appends a record given as an object (event logs; exports use `push` and the setters). */
  add(record: RawRecord): void {
    const ticket = record.ticket === undefined ? 0 : this.ticketId(record.ticket);
    const index = this.push(record.line, record.part ?? 0, ticket, record.epochMs, typeCode(record.type));
    for (const field of TEXT_FIELDS) {
      const value = record[field];
      if (value !== undefined) this.setText(field, index, this.textId(value));
    }
    if (record.value !== undefined) {
      this.values.set(index, typeof record.value === 'string' ? detached(record.value) : record.value);
    }
    if (record.endsPending === true) this.endsPending[index] = 1;
    if (record.createdEpochMs !== undefined) this.setCreated(index, record.createdEpochMs);
    if (record.counters !== undefined) this.counters.set(index, record.counters);
  }

  /** Record `index` as an object, its absent parts left out. */
  record(index: number): RawRecord {
    const record: RawRecord = {
      line: this.line[index]!,
      epochMs: this.epochMs[index]!,
      type: RECORD_TYPES[this.type[index]!]!,
    };
    if (this.part[index] !== 0) record.part = this.part[index];
    const ticket = this.ticket[index]!;
    if (ticket !== 0) record.ticket = this.tickets[ticket - 1];
    const columns = this.textColumns;
    for (let at = 0; at < columns.length; at++) {
      const id = columns[at]![index]!;
      if (id !== 0) (record as unknown as Record<string, unknown>)[this.textFields[at]!] = this.textTable[id - 1];
    }
    if (this.values.size > 0 && this.values.has(index)) record.value = this.values.get(index);
    if (this.endsPending[index] === 1) record.endsPending = true;
    const created = this.createdEpochMs?.[index];
    if (created !== undefined && !Number.isNaN(created)) record.createdEpochMs = created;
    const counters = this.counters.size > 0 ? this.counters.get(index) : undefined;
    if (counters !== undefined) record.counters = counters;
    return record;
  }
}
