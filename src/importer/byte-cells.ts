/**
 * A row of bytes (`byte-csv.ts`) as the row mapper reads it (`RowCells`): each distinct cell
 * value is decoded and cleaned once, not once a row. An export repeats a few values in most
 * columns (activities, agents, variants); a ticket's id repeats on its consecutive rows; a
 * time is read from its bytes. What tells duplicate rows apart is the row's values as a
 * number — the id of the list of its cleaned cells — so equal rows have equal numbers however
 * each was quoted or padded with spaces, as the text the string reader joins would be equal.
 * Only the cells the mapping reads are looked up for every row; the others only for a row that
 * shares its ticket and instant with an earlier one, the earlier row read again from the file.
 */
import { ByteRow, hashBytes, type RowRereader } from './byte-csv.js';
import { present } from './raw.js';
import type { RowCells } from './row-mapper.js';
import type { LaterValues } from './raw.js';
import { fastIsoBytesMs } from './time-fast.js';

const EMPTY_SLOT = 0;

/** Each distinct byte string once: an id (1, 2, …), its bytes, and the id of its cleaned value. */
class ByteValues {
  private slots = new Int32Array(1 << 10);
  private hashes = new Int32Array(256);
  private starts = new Int32Array(256);
  private ends = new Int32Array(256);
  /** The id of the value as cleaned (trimmed); 0 when it is empty or a missing-value token. */
  private cleanIds = new Int32Array(256);
  private pool = new Uint8Array(1 << 16);
  private poolLength = 0;
  private readonly texts: Array<string | undefined> = [undefined];
  private count = 0;

  constructor(
    private readonly clean: (text: string) => string | undefined,
    private readonly longestMissing: number,
  ) {}

  /** The id of bytes `start`–`end` (whose hash is `hash`), added if new. */
  id(bytes: Buffer, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === EMPTY_SLOT) return this.add(slot, bytes, start, end, hash);
      if (this.holds(id, bytes, start, end, hash)) return id;
    }
  }

  /** Are bytes `start`–`end` (whose hash is `hash`) those of `id`? */
  holds(id: number, bytes: Buffer, start: number, end: number, hash: number): boolean {
    const length = end - start;
    if (this.hashes[id] !== hash || this.ends[id]! - this.starts[id]! !== length) return false;
    const pool = this.pool;
    const from = this.starts[id]!;
    let at = 0;
    while (at < length && pool[from + at] === bytes[start + at]) at++;
    return at === length;
  }

  /** The id of a value's clean form (0: absent). */
  cleanId(id: number): number {
    return this.cleanIds[id]!;
  }

  /** The cleaned text of an id, or undefined when it is empty or a missing-value token. */
  value(id: number): string | undefined {
    const clean = this.cleanIds[id]!;
    if (clean === 0) return undefined;
    return (this.texts[clean] ??= Buffer.from(this.pool.buffer, 0, this.poolLength).toString(
      'utf8',
      this.starts[clean],
      this.ends[clean],
    ));
  }

  private add(slot: number, bytes: Buffer, start: number, end: number, hash: number): number {
    const id = ++this.count;
    if (id >= this.hashes.length) this.growEntries();
    const length = end - start;
    while (this.poolLength + length > this.pool.length) {
      const larger = new Uint8Array(this.pool.length * 2);
      larger.set(this.pool.subarray(0, this.poolLength));
      this.pool = larger;
    }
    this.pool.set(bytes.subarray(start, end), this.poolLength);
    this.hashes[id] = hash;
    this.starts[id] = this.poolLength;
    this.ends[id] = this.poolLength + length;
    this.poolLength += length;
    this.slots[slot] = id;
    if (this.count * 2 > this.slots.length) this.rehash();
    this.cleanIds[id] = this.cleanIdOf(id, bytes, start, end);
    return id;
  }

  /** Cleaning: most values need none (no space at either end, too long for a missing-value token). */
  private cleanIdOf(id: number, bytes: Buffer, start: number, end: number): number {
    if (end === start) return 0;
    const first = bytes[start]!;
    const last = bytes[end - 1]!;
    if (first > 32 && first < 128 && last > 32 && last < 128 && end - start > this.longestMissing) return id;
    const text = bytes.toString('utf8', start, end);
    const cleaned = this.clean(text);
    if (cleaned === undefined) return 0;
    if (cleaned === text) {
      this.texts[id] = cleaned;
      return id;
    }
    const encoded = Buffer.from(cleaned, 'utf8');
    const cleanId = this.id(encoded, 0, encoded.length, hashBytes(encoded, 0, encoded.length));
    this.texts[cleanId] = cleaned;
    return cleanId;
  }

  private growEntries(): void {
    const grow = (column: Int32Array) => {
      const larger = new Int32Array(column.length * 2);
      larger.set(column);
      return larger;
    };
    this.hashes = grow(this.hashes);
    this.starts = grow(this.starts);
    this.ends = grow(this.ends);
    this.cleanIds = grow(this.cleanIds);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 1; id <= this.count; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== EMPTY_SLOT) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}

/** Each distinct list of `width` numbers once, as an id (1, 2, …). */
class ListIds {
  private slots = new Int32Array(1 << 10);
  private lists: Int32Array;
  private hashes = new Int32Array(256);
  private count = 0;

  constructor(private readonly width: number) {
    this.lists = new Int32Array(256 * width);
  }

  id(list: Int32Array): number {
    const width = this.width;
    let hash = 0x811c9dc5 | 0;
    for (let at = 0; at < width; at++) hash = Math.imul(hash ^ list[at]!, 16_777_619);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === EMPTY_SLOT) return this.add(slot, list, hash);
      if (this.hashes[id] !== hash) continue;
      const from = id * width;
      let at = 0;
      while (at < width && this.lists[from + at] === list[at]) at++;
      if (at === width) return id;
    }
  }

  private add(slot: number, list: Int32Array, hash: number): number {
    const id = ++this.count;
    if (id >= this.hashes.length) {
      const hashes = new Int32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const lists = new Int32Array(this.lists.length * 2);
      lists.set(this.lists);
      this.lists = lists;
    }
    this.hashes[id] = hash;
    this.lists.set(list.subarray(0, this.width), id * this.width);
    this.slots[slot] = id;
    if (this.count * 2 > this.slots.length) {
      const slots = new Int32Array(this.slots.length * 2);
      const mask = slots.length - 1;
      for (let other = 1; other <= this.count; other++) {
        let at = this.hashes[other]! & mask;
        while (slots[at] !== EMPTY_SLOT) at = (at + 1) & mask;
        slots[at] = other;
      }
      this.slots = slots;
    }
    return id;
  }
}

/** The cells of a CSV export's byte rows, one object reused for every row. */
export class ByteCells implements RowCells, LaterValues {
  private row: ByteRow | undefined;
  private readonly table: ByteValues;
  /** Each mapped cell's value id (`ByteValues`), the time and ticket cells excepted. */
  private readonly ids: Int32Array;
  /** The positions of the cells the mapping reads, the time and ticket cells excepted. */
  private readonly mapped: Int32Array;
  /** A row read again from the file (`valuesAt`). */
  private readonly earlier = new ByteRow();
  private readonly cleanIds: Int32Array;
  private readonly listIds: ListIds;
  private readonly timeAt: number;
  private readonly ticketAt: number;
  /** Ticket cells: their own table, so their ids are few and dense. */
  private readonly tickets: ByteValues;
  /** The row's ticket cell's id in `tickets`. */
  private ticket = 0;

  constructor(
    private readonly index: Record<string, number>,
    columns: number,
    private readonly clean: (text: string | undefined) => string | undefined,
    private readonly longestMissing: number,
    private readonly reread: RowRereader,
  ) {
    this.table = new ByteValues(clean, longestMissing);
    this.tickets = new ByteValues(clean, longestMissing);
    this.ids = new Int32Array(columns);
    this.cleanIds = new Int32Array(columns);
    this.listIds = new ListIds(columns);
    this.timeAt = index.time!;
    this.ticketAt = index.ticket!;
    const mapped = new Set(Object.values(index));
    mapped.delete(this.timeAt);
    mapped.delete(this.ticketAt);
    this.mapped = Int32Array.from(mapped);
  }

  /** Takes the next row: each cell's value found (or added) by its bytes. */
  load(row: ByteRow): void {
    this.row = row;
    const { bytes, starts, ends, hashes } = row;
    const ticket = this.ticketAt;
    const start = starts[ticket]!;
    const end = ends[ticket]!;
    // A ticket's rows mostly come together: the last row's ticket is checked before the table.
    if (this.ticket === 0 || !this.tickets.holds(this.ticket, bytes, start, end, hashes[ticket]!))
      this.ticket = this.tickets.id(bytes, start, end, hashes[ticket]!);
    const mapped = this.mapped;
    for (let at = 0; at < mapped.length; at++) {
      const cell = mapped[at]!;
      this.ids[cell] = this.table.id(bytes, starts[cell]!, ends[cell]!, hashes[cell]!);
    }
  }

  private text(cell: number): string {
    const row = this.row!;
    return row.bytes.toString('utf8', row.starts[cell], row.ends[cell]);
  }

  cell(field: string): string | undefined {
    const position = this.index[field];
    if (position === undefined) return undefined;
    if (position === this.ticketAt) return this.tickets.value(this.ticket);
    if (position === this.timeAt) return this.clean(this.text(position));
    return this.table.value(this.ids[position]!);
  }

  ticketKey(): number {
    return this.tickets.cleanId(this.ticket);
  }

  /** A time cell's instant read from its bytes, or NaN when the full reader must read `cell(field)`. */
  time(field: string): number {
    const position = this.index[field];
    if (position === undefined) return Number.NaN;
    const row = this.row!;
    const start = row.starts[position]!;
    const end = row.ends[position]!;
    // A time no longer than a missing-value token is left to the full path, which knows the tokens.
    return end - start > this.longestMissing ? fastIsoBytesMs(row.bytes, start, end) : Number.NaN;
  }

  /** The row's cleaned values but the time and the ticket, as the id of their list. */
  values(): number {
    return this.valuesOf(this.row!);
  }

  laterValues(): LaterValues {
    return this;
  }

  /** Where the row starts in the file, or -1 when it can not be read again (`values` now). */
  offset(): number {
    return this.row!.offset;
  }

  /** `values` of the row that starts at `offset` of the file (`offset()` of an earlier row). */
  valuesAt(offset: number): number {
    this.reread(offset, this.earlier);
    return this.valuesOf(this.earlier);
  }

  private valuesOf(row: ByteRow): number {
    const { bytes, starts, ends, hashes, count } = row;
    const list = this.cleanIds;
    for (let cell = 0; cell < count; cell++) {
      list[cell] =
        cell === this.timeAt || cell === this.ticketAt
          ? 0
          : this.table.cleanId(this.table.id(bytes, starts[cell]!, ends[cell]!, hashes[cell]!));
    }
    return this.listIds.id(list);
  }
}

/** The cleaning `present` does, with the mapping's missing-value tokens. */
export function cellCleaner(missing: ReadonlySet<string>): (text: string | undefined) => string | undefined {
  return (text) => {
    const value = present(text);
    return value === undefined || missing.has(value) ? undefined : value;
  };
}
