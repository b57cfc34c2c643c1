/**
 * The export files of an output directory (`run`, `metrics`): the event log in the asked
 * formats, `tickets.parquet`, and `tickets.csv` of every replication.
 */
import { rmSync } from 'node:fs';
import { TICKET_COLUMNS } from '../metrics/engine.js';
import { toCsv } from '../document/csv.js';
import type { ExportFormat } from './index.js';
import { writeEventExports } from './index.js';
import { writeTicketsParquet, type TicketRecord } from './parquet.js';
import type { EventSource } from './source.js';

/**
 * Do these formats need the event log? XES and OCEL are event logs; Parquet writes `events.parquet` only beside
 * `--events`.
 */
export function formatsNeedEventLog(formats: readonly ExportFormat[], events: boolean): boolean {
  return formats.includes('xes') || formats.includes('ocel') || (events && formats.includes('parquet'));
}

/** What an output directory exports. */
export interface ExportRequest {
  formats: readonly ExportFormat[];
  /** The event log, when the formats need it. */
  log?: EventSource;
  /** The log's name (XES `concept:name` of the log). */
  name: string;
  /** Write `events.parquet` (with `--events`, or always for an imported log). */
  eventsParquet: boolean;
  /** Ticket rows, by replication (one entry: no replication column). */
  tickets?: ReadonlyArray<{ replication: number; rows: readonly TicketRecord[] }>;
}

/** Writes the export files through `fileOf` (a staged directory's paths). */
export function writeExports(request: ExportRequest, fileOf: (file: string) => string): void {
  const eventFormats = request.formats.filter((format) => format !== 'parquet' || request.eventsParquet);
  if (request.log !== undefined && eventFormats.length > 0)
    writeEventExports(request.log, eventFormats, request.name, fileOf);
  if (request.formats.includes('parquet') && request.tickets !== undefined) {
    const several = request.tickets.length > 1;
    writeTicketsParquet(
      fileOf('tickets.parquet'),
      several ? withReplication(request.tickets) : (request.tickets[0]?.rows ?? []),
      several,
    );
  }
}

function withReplication(tickets: NonNullable<ExportRequest['tickets']>): TicketRecord[] {
  return tickets.flatMap(({ replication, rows }) => rows.map((row) => ({ replication, ...row })));
}

/** `tickets.csv` of every replication: a `replication` column, then tickets.csv's own. */
export function allReplicationsCsv(tickets: NonNullable<ExportRequest['tickets']>): string {
  const header = ['replication', ...TICKET_COLUMNS];
  return toCsv(
    header,
    withReplication(tickets).map((row) => header.map((column) => row[column])),
  );
}

/** Removes a file the command wrote only as a step (the NDJSON log an XES export was made from). */
export function removeStep(path: string): void {
  rmSync(path, { force: true });
}
