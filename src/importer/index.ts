/**
 * The importer: a log file → the event log of SPEC §4, with a report of everything odd.
 *
 * ```
 * export.csv ──mapping (mapping.ts)──┐
 * events.ndjson / events.csv ────────┴─read (read.ts)─▶ RawLog ─clean (clean.ts)─▶ ImportedLog
 *                                                                 events + window + ImportReport
 * ```
 *
 * It depends on the event-log contract only: the metric engine knows nothing of it, and it
 * knows nothing of the model.
 */
import { cleanLog, type ImportedLog, type ImportReport } from './clean.js';
import { TICKETLESS_TYPES, type EventType } from '../eventlog/types.js';
import { IMPORTABLE_TYPES, loadMappingFile, type Mapping } from './mapping.js';
import { readLog } from './read.js';

export { cleanLog, type CleanOptions, type ImportedLog, type ImportReport } from './clean.js';
export { ImportError, renderImportIssues, type ImportIssue } from './errors.js';
export { loadMappingFile, mappingSchema, parseMapping, IMPORTABLE_TYPES, type Mapping } from './mapping.js';
export { readLog, type RawLog, type RawRecord } from './read.js';

/** Where the files are and how to show their names in messages and the report. */
export interface ImportOptions {
  /** The log file's name as the user gave it (default: the path). */
  shownAs?: string;
  /** A mapping file to read the log as an export; without it the log is in an event-log form. */
  mappingFile?: string;
  /** The mapping file's name as the user gave it. */
  mappingShownAs?: string;
}

/** Reads, maps and cleans a log file. Throws an `ImportError` (bad input) listing every problem. */
export function importLog(file: string, options: ImportOptions = {}): ImportedLog {
  const shownAs = options.shownAs ?? file;
  const mappingShownAs = options.mappingShownAs ?? options.mappingFile;
  const mapping: Mapping | undefined = options.mappingFile === undefined ? undefined : loadMappingFile(options.mappingFile, mappingShownAs);
  const raw = readLog(file, { shownAs, mapping, mappingFile: mappingShownAs });
  const log = cleanLog(
    raw,
    { missingCreated: mapping?.missing_created ?? 'synthesize', inferReopened: mapping?.infer_reopened ?? false, timeZone: mapping?.timestamps?.timezone },
    { file: shownAs, mapping: mappingShownAs ?? null },
  );
  return { ...log, recordedTypes: mapping === undefined ? [...IMPORTABLE_TYPES, ...TICKETLESS_TYPES] : mappedTypes(mapping) };
}

/**
 * Event types an export read through this mapping can contain: the activities' types, and
 * what cleaning may synthesize. A type outside it is not recorded by the desk, so KPIs that
 * need it are blank — not a misleading 0 % (an export without escalations says nothing of
 * the escalation rate).
 */
export function mappedTypes(mapping: Mapping): EventType[] {
  const types = new Set<EventType>();
  for (const activity of Object.values(mapping.activities)) if (activity.type !== 'ignore') types.add(activity.type);
  if (mapping.missing_created === 'synthesize') types.add('created');
  if (mapping.infer_reopened) types.add('reopened');
  return [...types];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The report in a few lines for a person: counts, and every odd thing found. */
export function renderImportReport(report: ImportReport): string {
  const { rows_dropped: dropped, synthesized } = report;
  const lines = [
    `Imported ${report.file}${report.mapping === null ? '' : ` with ${report.mapping}`}: ${plural(report.rows_read, 'row')} → ` +
      `${plural(report.events, 'event')}, ${plural(report.tickets, 'ticket')}, ${report.window.start} – ${report.window.end}`,
  ];
  const odd: string[] = [];
  if (dropped.duplicate > 0) odd.push(`${plural(dropped.duplicate, 'duplicate row')} dropped (exact copies of an earlier row)`);
  if (dropped.ignored > 0) {
    const which = Object.entries(report.ignored_by_activity).map(([activity, count]) => `${JSON.stringify(activity)} ${count}`).join(', ');
    odd.push(`${plural(dropped.ignored, 'row')} of ignored activities dropped (${which})`);
  }
  if (report.tickets_out_of_order > 0) odd.push(`${plural(report.tickets_out_of_order, 'ticket')} had rows out of time order (sorted)`);
  if (report.tickets_without_created > 0) {
    odd.push(`${plural(report.tickets_without_created, 'ticket')} did not start with a creation: created synthesized at their first event`);
  }
  if (dropped.repeated_created > 0) odd.push(`${plural(dropped.repeated_created, 'later created event')} dropped (a ticket is created once)`);
  if (dropped.repeated_closed > 0) {
    odd.push(`${plural(report.tickets_closed_repeatedly, 'ticket')} closed more than once: kept the final close, dropped ${plural(dropped.repeated_closed, 'earlier close')}`);
  }
  if (dropped.requeued_while_waiting > 0) odd.push(`${plural(dropped.requeued_while_waiting, 'queued event')} dropped: the ticket already waited in that queue`);
  if (synthesized.reopened > 0) odd.push(`${plural(synthesized.reopened, 'reopen')} inferred: taken again after a resolution`);
  if (report.tickets_without_events > 0) odd.push(`${plural(report.tickets_without_events, 'ticket')} had only ignored rows and are not in the log`);
  for (const line of odd) lines.push(`  ${line}`);
  lines.push(`  events: ${Object.entries(report.events_by_type).map(([type, count]) => `${type} ${count}`).join(', ')}`);
  return lines.join('\n') + '\n';
}
