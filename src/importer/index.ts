/**
 * The importer: a log file → the event log (docs/contracts.md#event-log), with a report of everything odd.
 *
 * ```
 * export.csv / .ndjson ──mapping (mapping.ts)──read-export.ts──┐
 * events.ndjson / events.csv ─────────────────read.ts──────────┴─▶ RawLog (raw.ts)
 *   ─clean (clean.ts: duplicates, outlier times; ticket-rules.ts: per ticket)─▶ ImportedLog
 *                                                  events + window + ImportReport (report.ts)
 * ```
 *
 * It depends on the event-log contract only: the metric engine knows nothing of it, and it
 * knows nothing of the model.
 */
import { cleanLog, type CleanOptions, type ImportedLog } from './clean.js';
import { TICKETLESS_TYPES, type EventType } from '../eventlog/types.js';
import { IMPORTABLE_TYPES, loadMappingFile, type Mapping } from './mapping.js';
import { readLog } from './read.js';
import { checkAutomationTiers, mappingAutomationTiers } from './automation-tiers.js';

export { cleanLog, type CleanOptions, type ImportedLog } from './clean.js';
export { renderImportReport, type ImportReport } from './report.js';
export { ImportError, renderImportIssues, type ImportIssue } from './errors.js';
export { loadMappingFile, mappingSchema, parseMapping, IMPORTABLE_TYPES, type Mapping } from './mapping.js';
export { readLog, type RawLog, type RawRecord } from './read.js';
export { checkAutomationTiers, optionAutomationTiers } from './automation-tiers.js';
export { checkLogSize, estimateLogSize, type SizeEstimate } from './size.js';

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
  const mapping: Mapping | undefined =
    options.mappingFile === undefined ? undefined : loadMappingFile(options.mappingFile, mappingShownAs);
  const raw = readLog(file, { shownAs, mapping, mappingFile: mappingShownAs });
  const log = cleanLog(raw, cleanOptions(mapping), { file: shownAs, mapping: mappingShownAs ?? null });
  const imported: ImportedLog = {
    ...log,
    recordedTypes: mapping === undefined ? [...IMPORTABLE_TYPES, ...TICKETLESS_TYPES] : mappedTypes(mapping),
  };
  if (mapping?.sla !== undefined) {
    imported.slaTargets = Object.fromEntries(
      Object.entries(mapping.sla.targets).map(([priority, target]) => [
        priority,
        { firstResponse: target.first_response, resolution: target.resolution },
      ]),
    );
  }
  if (mapping?.automation_tiers !== undefined && options.mappingFile !== undefined) {
    const named = mappingAutomationTiers(mapping.automation_tiers, options.mappingFile, mappingShownAs ?? file);
    imported.automationTiers = checkAutomationTiers(imported.events, named);
  }
  return imported;
}

/** The cleaning rules a mapping asks for; an event log (no mapping) gets the defaults. */
function cleanOptions(mapping: Mapping | undefined): CleanOptions {
  if (mapping === undefined) return { missingCreated: 'synthesize', inferReopened: false };
  return {
    missingCreated: mapping.missing_created,
    inferReopened: mapping.infer_reopened,
    timeZone: mapping.timestamps.timezone,
    rows: mapping.rows,
    changes: mapping.changes,
    attributes: mapping.attributes,
    outlierTimes: mapping.outlier_times,
    // An export's queue entries often never end in a row of their own (resolved straight from New).
    endOpenQueueWaits: true,
  };
}

/**
 * Event types an export read through this mapping can contain: the activities' types, and
 * what cleaning may synthesize. A type outside it is not recorded by the desk, so KPIs that
 * need it are blank — not a misleading 0 % (an export without escalations says nothing of
 * the escalation rate).
 */
export function mappedTypes(mapping: Mapping): EventType[] {
  const types = new Set<EventType>();
  for (const events of Object.values(mapping.activities)) {
    for (const event of events) {
      if (event.type !== 'ignore') types.add(event.type);
      if (event.ends_pending === true) types.add('resumed');
    }
  }
  if (mapping.missing_created === 'synthesize' || mapping.columns.created !== undefined) types.add('created');
  if (mapping.infer_reopened) types.add('reopened');
  if (mapping.changes?.tier !== undefined) types.add('queued').add(mapping.changes.tier);
  if (mapping.changes?.agent !== undefined) types.add('assigned');
  return [...types];
}
