/**
 * One export row → its records: the activity's events, the row's fields, time, creation
 * time and counters, appended to the record columns (`records.ts`). A row is mapped in a
 * few lookups: each activity value's meaning is found once and remembered, a text repeated
 * from the row before (a ticket's rows come together; agents and tiers repeat) reuses its id,
 * and a time in a form the fast reader knows is read without a regular expression.
 */
import { importMessage, type ImportIssue } from './errors.js';
import type { ActivityEvent, Mapping } from './mapping.js';
import { KeptRows, timeOf, type LaterValues, type RecordedCounters } from './raw.js';
import { typeCode, type TextField } from './records.js';
import { fastTimestampReader } from './time-fast.js';
import { timestampReader, type TimestampResult } from './time.js';

const MAPPED_FIELDS = ['agent', 'tier', 'channel', 'category', 'priority', 'customer'] as const;
const TIER_AT = MAPPED_FIELDS.indexOf('tier');

/**
 * A row being mapped: a mapped field's value, and every value of the row (time excepted) as
 * one text, or as a number that is equal exactly when those texts are (`byte-cells.ts`).
 */
export interface RowCells {
  cell(field: string): string | undefined;
  values(): string | number;
  /** The values to be told only if a duplicate check needs them (the reader's choice, every row). */
  laterValues?(): LaterValues;
  /**
   * A number for the ticket cell's value, equal exactly when the values are, from 1 (0: none
   * given); a reader gives it for every row or for none.
   */
  ticketKey?(): number;
  /** A time field's instant when it can be read without its text; NaN to read `cell(field)`. */
  time?(field: string): number;
}

const FLAG_VALUES = new Map<string, boolean>([
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
  ['1', true],
  ['0', false],
  ['y', true],
  ['n', false],
  ['t', true],
  ['f', false],
]);

/** The counter and flag columns of a row; an unreadable one is an issue. */
function readCounters(
  cells: RowCells,
  issue: (code: string, path: string, message: string) => void,
  mapping: Mapping,
): RecordedCounters | undefined {
  const counters: RecordedCounters = {};
  for (const field of ['reassignment_count', 'reopen_count'] as const) {
    const text = cells.cell(field);
    if (text === undefined) continue;
    const count = Number(text);
    if (Number.isInteger(count) && count >= 0) counters[field] = count;
    else issue('bad_counter', mapping.columns[field]!, importMessage.badCounter(text));
  }
  const flag = cells.cell('made_sla');
  if (flag !== undefined) {
    const truth = FLAG_VALUES.get(flag.toLowerCase());
    if (truth === undefined) issue('bad_flag', mapping.columns.made_sla!, importMessage.badFlag(flag));
    else counters.made_sla = truth;
  }
  return Object.keys(counters).length === 0 ? undefined : counters;
}

/** What an activity value of the export becomes, found once. */
interface ActivityMeaning {
  events: ActivityMapping;
  /** Each event's type code (`records.ts`). */
  codes: number[];
  /** Its text's id, and its line of the import report. */
  textId: number;
  entry: { rows: number; type: string };
}
type ActivityMapping = readonly ActivityEvent[];

/** The id of the last text of each field, to skip the table when a row repeats the row before. */
class LastText {
  private text: string | undefined;
  private id = 0;

  constructor(private readonly kept: KeptRows) {}

  idOf(text: string): number {
    if (text !== this.text) {
      this.id = this.kept.records.textId(text);
      this.text = this.kept.records.text(this.id) as string;
    }
    return this.id;
  }
}

/**
 * Maps an export's rows, one at a time, to records: the activity's events, the row's
 * fields, time and counters. Keeps the records, the problems, and for each row read the
 * text that tells a duplicate (only until reading ends).
 */
export class RowMapper {
  readonly issues: ImportIssue[] = [];
  readonly kept = new KeptRows();
  readonly activities: Record<string, { rows: number; type: string }> = {};
  private readonly unmapped = new Map<string, { rows: number; firstLine: number }>();
  private readonly meanings = new Map<string, ActivityMeaning>();
  private readonly readTime: (text: string) => TimestampResult;
  private readonly fastTime: (text: string) => number;
  private readonly hasCounters: boolean;
  private readonly fields = new Map<TextField, LastText>();
  private lastTicket: string | undefined;
  private lastTicketId = 0;
  /** Ticket ids by the reader's key of the ticket's text (`RowCells.ticketKey`). */
  private ticketsByKey = new Int32Array(1024);
  /** The text ids of the row's mapped fields (0: absent), reused for every row. */
  private readonly fieldIds = new Int32Array(MAPPED_FIELDS.length);
  /** The places in `MAPPED_FIELDS` of the fields the mapping gives a column (the others stay absent). */
  private readonly givenFields: number[];

  constructor(
    private readonly file: string,
    private readonly mapping: Mapping,
  ) {
    this.readTime = timestampReader(mapping.timestamps);
    this.fastTime = fastTimestampReader(mapping.timestamps);
    const { columns } = mapping;
    this.hasCounters = [columns.reassignment_count, columns.reopen_count, columns.made_sla].some(
      (column) => column !== undefined,
    );
    this.givenFields = MAPPED_FIELDS.flatMap((field, at) => (columns[field] === undefined ? [] : [at]));
    for (const field of [...MAPPED_FIELDS, 'activity', 'kind'] as const)
      this.fields.set(field, new LastText(this.kept));
  }

  /** What an activity value means, found in the mapping the first time it is seen. */
  private meaning(activity: string): ActivityMeaning | undefined {
    const known = this.meanings.get(activity);
    if (known !== undefined) return known;
    const { activities } = this.mapping;
    if (!Object.hasOwn(activities, activity)) return undefined;
    const events = activities[activity]!;
    const entry = (this.activities[activity] ??= { rows: 0, type: events.map((event) => event.type).join(', ') });
    const textId = this.kept.records.textId(activity);
    const meaning = { events, codes: events.map((event) => typeCode(event.type)), textId, entry };
    this.meanings.set(this.kept.records.text(textId) as string, meaning);
    return meaning;
  }

  /** The epoch milliseconds of a time cell, or undefined with an issue. */
  private epochMs(text: string, column: string, line: number): number | undefined {
    const fast = this.fastTime(text);
    if (!Number.isNaN(fast)) return fast;
    const read = this.readTime(text);
    return 'epochMs' in read ? read.epochMs : timeOf(read, text, this.issueAt(line), column);
  }

  private issueAt(line: number): (code: string, path: string, message: string) => void {
    return (code, path, message) => this.issues.push({ code, file: this.file, line, path, message });
  }

  /** The ticket id of a reader's ticket key (`RowCells.ticketKey`), the ticket new at its first key. */
  private keyedTicket(key: number, ticket: string): number {
    if (key >= this.ticketsByKey.length) {
      const larger = new Int32Array(Math.max(key + 1, this.ticketsByKey.length * 2));
      larger.set(this.ticketsByKey);
      this.ticketsByKey = larger;
    }
    let id = this.ticketsByKey[key]!;
    if (id === 0) this.ticketsByKey[key] = id = this.kept.records.newTicket(ticket);
    return id;
  }

  /** Maps one row, read at `line`. */
  row(line: number, cells: RowCells): void {
    const { mapping } = this;
    const activity = cells.cell('activity') ?? '';
    const meaning = this.meaning(activity);
    if (meaning === undefined) {
      const seen = this.unmapped.get(activity);
      if (seen === undefined) this.unmapped.set(this.kept.text(activity), { rows: 1, firstLine: line });
      else seen.rows++;
      return;
    }
    meaning.entry.rows++;
    const fastTime = cells.time === undefined ? Number.NaN : cells.time('time');
    const epochMs = Number.isNaN(fastTime)
      ? this.epochMs(cells.cell('time') ?? '', mapping.columns.time, line)
      : fastTime;
    const ticket = cells.cell('ticket');
    if (ticket === undefined)
      this.issueAt(line)('missing_ticket', mapping.columns.ticket, importMessage.missingTicket());
    const createdText = mapping.columns.created === undefined ? undefined : cells.cell('created');
    const createdEpochMs =
      createdText === undefined ? undefined : this.epochMs(createdText, mapping.columns.created!, line);
    const counters = this.hasCounters ? readCounters(cells, this.issueAt(line), mapping) : undefined;
    if (epochMs === undefined || ticket === undefined || (createdText !== undefined && createdEpochMs === undefined))
      return;
    // A problem anywhere fails the import: records (and duplicate texts) are kept only while there is none.
    if (this.issues.length > 0) return;
    const records = this.kept.records;
    const key = cells.ticketKey === undefined ? 0 : cells.ticketKey();
    if (key > 0) this.lastTicketId = this.keyedTicket(key, ticket);
    else if (ticket !== this.lastTicket) {
      this.lastTicketId = records.ticketId(ticket);
      this.lastTicket = records.tickets[this.lastTicketId - 1] as string;
    }
    const ticketId = this.lastTicketId;
    const values = cells.laterValues === undefined ? cells.values() : cells.laterValues();
    if (this.kept.duplicate(ticketId, epochMs, values)) return;
    const ids = this.fieldIds;
    for (const at of this.givenFields) {
      const value = cells.cell(MAPPED_FIELDS[at]!);
      ids[at] = value === undefined ? 0 : this.fields.get(MAPPED_FIELDS[at]!)!.idOf(value);
    }
    const { events, codes } = meaning;
    for (let part = 0; part < events.length; part++) {
      const event = events[part]!;
      const index = records.push(line, events.length > 1 ? part : 0, ticketId, epochMs, codes[part]!);
      records.setText('activity', index, meaning.textId);
      for (let at = 0; at < MAPPED_FIELDS.length; at++) {
        if (ids[at] !== 0 && at !== TIER_AT) records.setText(MAPPED_FIELDS[at]!, index, ids[at]!);
      }
      if (event.kind !== undefined) records.setText('kind', index, this.fields.get('kind')!.idOf(event.kind));
      let tier = ids[TIER_AT]!;
      if (tier === 0 && event.tier !== undefined) tier = this.fields.get('tier')!.idOf(event.tier);
      if (tier === 0 && event.type === 'queued') {
        if (mapping.default_tier === undefined) {
          const column = mapping.columns.tier ?? mapping.columns.activity;
          this.issueAt(line)('missing_tier', column, importMessage.missingTier(true));
        } else tier = this.fields.get('tier')!.idOf(mapping.default_tier);
      }
      if (tier !== 0) records.setText('tier', index, tier);
      if (event.ends_pending === true) records.endsPending[index] = 1;
      if (createdEpochMs !== undefined) records.setCreated(index, createdEpochMs);
      if (counters !== undefined) records.setCounters(index, counters);
    }
  }

  /** Every unmapped activity, most rows first, as one issue at the front. */
  unmappedIssue(mappingFile: string): ImportIssue | undefined {
    if (this.unmapped.size === 0) return undefined;
    const list = [...this.unmapped]
      .map(([activity, seen]) => ({ activity, ...seen }))
      .sort((a, b) => b.rows - a.rows || a.firstLine - b.firstLine);
    return {
      code: 'unmapped_activity',
      file: this.file,
      line: list[0]!.firstLine,
      path: this.mapping.columns.activity,
      message: importMessage.unmappedActivities(mappingFile, list),
    };
  }
}
