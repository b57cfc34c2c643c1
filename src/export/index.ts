/**
 * Exports for the tools researchers already use: an event log as XES (process mining:
 * pm4py, ProM, Disco) and OCEL 2.0 JSON (object-centric process mining), the event log and
 * the ticket table as Parquet (pandas, polars, DuckDB, R).
 *
 * ```
 * event log (NDJSON file, or an imported log in memory) ─EventSource─┬─ scanLog ─▶ LogScan
 *                                                                    └─ writeXes / writeOcel / writeEventsParquet
 * ticket rows (ticketRows) ─────────────────────────────────────────────── writeTicketsParquet
 * ```
 */
import { scanLog } from './attributes.js';
import { writeOcel } from './ocel.js';
import { writeEventsParquet } from './parquet.js';
import type { EventSource } from './source.js';
import { writeXes } from './xes.js';

export { arraySource, ndjsonSource, type EventSource } from './source.js';
export { writeTicketsParquet, type TicketRecord } from './parquet.js';

/** Export formats `--format` takes. */
export const EXPORT_FORMATS = ['xes', 'ocel', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The file each format writes the event log to. */
export const EVENT_FILES: Record<ExportFormat, string> = {
  xes: 'events.xes',
  ocel: 'events.ocel.json',
  parquet: 'events.parquet',
};

/** `--format xes,parquet` as a list of formats; an unknown one is an error that names the known ones. */
export function parseFormats(text: string): ExportFormat[] {
  const formats: ExportFormat[] = [];
  for (const part of text.split(',').map((word) => word.trim().toLowerCase())) {
    if (part === '') continue;
    if (!(EXPORT_FORMATS as readonly string[]).includes(part)) {
      throw new Error(`--format: unknown format "${part}"; known: ${EXPORT_FORMATS.join(', ')} (comma-separated)`);
    }
    if (!formats.includes(part as ExportFormat)) formats.push(part as ExportFormat);
  }
  if (formats.length === 0) throw new Error(`--format expects one or more of ${EXPORT_FORMATS.join(', ')}`);
  return formats;
}

/** Writes the event log in each format; `fileOf` says where a file of the output goes. One scan serves every format. */
export function writeEventExports(
  source: EventSource,
  formats: readonly ExportFormat[],
  name: string,
  fileOf: (file: string) => string,
): void {
  const scan = scanLog(source);
  for (const format of formats) {
    const path = fileOf(EVENT_FILES[format]);
    if (format === 'xes') writeXes(path, source, name, scan);
    else if (format === 'ocel') writeOcel(path, source, scan);
    else writeEventsParquet(path, source, scan);
  }
}
