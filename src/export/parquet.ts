/**
 * Parquet exports: the ticket table and the event log with the columns of `tickets.csv` and
 * of the event log's CSV form, each column typed (integers, doubles, booleans, UTC
 * timestamps, UTF-8 text) so pandas, polars, DuckDB and R read them without guessing.
 *
 * hyparquet-writer writes them: pure JavaScript (no native build, no download at install),
 * one dependency (its reader, hyparquet), maintained, and it writes row group by row group,
 * so the event log streams into the file in bounded memory.
 */
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import type { ColumnSource } from 'hyparquet-writer';
import { TICKET_COLUMNS } from '../metrics/engine.js';
import { scanLog, type LogScan } from './attributes.js';
import { eventEpochMs, type EventSource } from './source.js';

/** A Parquet schema element, as hyparquet-writer takes it. */
type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

/** The column types the exports use. */
export type ParquetColumnType = 'int32' | 'int64' | 'double' | 'boolean' | 'string' | 'timestamp';

function schemaElement(name: string, type: ParquetColumnType): SchemaElement {
  const repetition_type = 'OPTIONAL' as const;
  switch (type) {
    case 'int32':
      return { name, type: 'INT32', repetition_type };
    case 'int64':
      return { name, type: 'INT64', repetition_type };
    case 'double':
      return { name, type: 'DOUBLE', repetition_type };
    case 'boolean':
      return { name, type: 'BOOLEAN', repetition_type };
    case 'string':
      return { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type };
    case 'timestamp':
      return {
        name,
        type: 'INT64',
        converted_type: 'TIMESTAMP_MILLIS',
        logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
        repetition_type,
      };
  }
}

/** A table's columns and their types, in order. */
export type ParquetColumns = ReadonlyArray<readonly [string, ParquetColumnType]>;

/** Rows per row group: large enough for fast scans, small enough to keep one group's columns in memory. */
export const ROWS_PER_GROUP = 100_000;

/** Writes a table row group by row group: `add` rows (values in column order), then `close`. */
export class ParquetTableWriter {
  private readonly writer: ParquetWriter;
  private readonly buffers: unknown[][];
  private written = 0;

  constructor(
    path: string,
    private readonly columns: ParquetColumns,
    metadata: Record<string, string> = {},
    private readonly rowsPerGroup = ROWS_PER_GROUP,
  ) {
    this.writer = new ParquetWriter({
      writer: fileWriter(path),
      schema: [
        { name: 'root', num_children: columns.length },
        ...columns.map(([name, type]) => schemaElement(name, type)),
      ],
      kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })),
      createdBy: 'desksim',
    });
    this.buffers = columns.map(() => []);
  }

  add(row: readonly unknown[]): void {
    for (let column = 0; column < row.length; column++) {
      const value = row[column] ?? null;
      // The writer takes 64-bit integers as bigint only.
      this.buffers[column]!.push(
        value !== null && this.columns[column]![1] === 'int64' ? BigInt(value as number) : value,
      );
    }
    if (this.buffers[0]!.length >= this.rowsPerGroup) this.flush();
  }

  private flush(): void {
    const rows = this.buffers[0]!.length;
    // An empty table still gets one (empty) row group, so its schema is written.
    if (rows === 0 && this.written > 0) return;
    const columnData: ColumnSource[] = this.columns.map(([name], column) => ({
      name,
      data: this.buffers[column]! as never,
    }));
    void this.writer.write({ columnData, rowGroupSize: Math.max(rows, 1) });
    this.written += rows;
    for (const buffer of this.buffers) buffer.length = 0;
  }

  close(): void {
    this.flush();
    void this.writer.finish();
  }
}

/** Columns of the event log as Parquet: those of its CSV form, `time` a UTC timestamp, `value` JSON text. */
export function eventColumns(scan: Pick<LogScan, 'integerTickets' | 'integerCustomers'>): ParquetColumns {
  return [
    ['ticket', scan.integerTickets ? 'int64' : 'string'],
    ['time', 'timestamp'],
    ['type', 'string'],
    ['agent', 'string'],
    ['tier', 'string'],
    ['channel', 'string'],
    ['category', 'string'],
    ['priority', 'string'],
    ['customer', scan.integerCustomers ? 'int64' : 'string'],
    ['kind', 'string'],
    ['value', 'string'],
  ];
}

/** Writes the event log as Parquet, streaming it in row groups. */
export function writeEventsParquet(
  path: string,
  source: EventSource,
  scan: LogScan = scanLog(source),
  rowsPerGroup = ROWS_PER_GROUP,
): void {
  const columns = eventColumns(scan);
  const table = new ParquetTableWriter(path, columns, { 'desksim.table': 'events' }, rowsPerGroup);
  const asText = (value: unknown) => (value === undefined ? null : String(value));
  for (const event of source.events()) {
    table.add([
      scan.integerTickets ? event.ticket : asText(event.ticket),
      eventEpochMs(source, event),
      event.type,
      event.agent,
      event.tier,
      event.channel,
      event.category,
      event.priority,
      scan.integerCustomers ? event.customer : asText(event.customer),
      event.kind,
      event.value === undefined ? null : JSON.stringify(event.value),
    ]);
  }
  table.close();
}

/** A row of `tickets.csv` (`ticketRows`), with the replication it came from when several are written. */
export type TicketRecord = Readonly<Record<string, string | number | null>>;

const TICKET_COLUMN_TYPES: Record<(typeof TICKET_COLUMNS)[number], ParquetColumnType | 'id'> = {
  ticket: 'id',
  created_minute: 'double',
  customer: 'id',
  channel: 'string',
  category: 'string',
  priority: 'string',
  status: 'string',
  first_tier: 'string',
  last_agent: 'string',
  escalations: 'int32',
  queue_wait: 'double',
  first_response_time: 'double',
  resolution_time: 'double',
  handle_time: 'double',
  replies: 'int32',
  reopens: 'int32',
  sla_first_response_breached_minute: 'double',
  sla_resolution_breached_minute: 'double',
  truly_fixed: 'boolean',
};

/**
 * Columns of the ticket table as Parquet: `tickets.csv`'s, typed; ids (ticket, customer)
 * are integers when every one is a whole number (simulated logs), else text.
 */
export function ticketColumns(rows: Iterable<TicketRecord>, withReplication: boolean): ParquetColumns {
  let integerTickets = true;
  let integerCustomers = true;
  for (const row of rows) {
    if (!Number.isInteger(row.ticket)) integerTickets = false;
    if (row.customer !== null && !Number.isInteger(row.customer)) integerCustomers = false;
  }
  const columns: Array<[string, ParquetColumnType]> = withReplication ? [['replication', 'int32']] : [];
  for (const column of TICKET_COLUMNS) {
    const type = TICKET_COLUMN_TYPES[column];
    const integer = column === 'ticket' ? integerTickets : integerCustomers;
    columns.push([column, type === 'id' ? (integer ? 'int64' : 'string') : type]);
  }
  return columns;
}

/** Writes ticket rows as Parquet; `replication` (a column of its own) when `withReplication`. */
export function writeTicketsParquet(path: string, rows: readonly TicketRecord[], withReplication = false): void {
  const columns = ticketColumns(rows, withReplication);
  const table = new ParquetTableWriter(path, columns, { 'desksim.table': 'tickets' });
  for (const row of rows) {
    table.add(
      columns.map(([name, type]) => {
        const value = row[name] ?? null;
        if (value === null) return null;
        if (type === 'boolean') return value === 'true';
        if (type === 'string') return String(value);
        return value;
      }),
    );
  }
  table.close();
}
