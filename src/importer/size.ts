/**
 * Will a log fit in memory? The importer streams the file, but a log's events, and the
 * tickets the metric engine folds them into, are held until the KPIs are computed: memory
 * grows with the rows. Running out of heap kills Node with no word a user could act on, so
 * a log too large for this process's heap is refused before it is read, with the figures
 * and what to do.
 *
 * The estimate: rows from the file's size and the length of its first lines, times the heap
 * a row takes from reading to the written report. Measured with `desksim metrics` on the
 * Helpdesk export repeated to 30 MB (256 k rows): it runs in a heap limited to 120 MB, so
 * a row takes under 470 bytes; 600 leaves room for rows with more columns.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { ImportError } from './errors.js';

/** Bytes of heap a log row takes from reading to the written report, with room to spare. */
export const BYTES_PER_ROW = 600;
/** Heap taken before a row is read (the program and its libraries). */
const BASE_BYTES = 40 * 1024 * 1024;
/** Bytes looked at to tell the length of a row. */
const SAMPLE_BYTES = 1024 * 1024;

/** The size of a log and the memory reading it would take. */
export interface SizeEstimate {
  bytes: number;
  rows: number;
  neededBytes: number;
  /** What this process's heap may grow to. */
  limitBytes: number;
}

/** How much memory reading a log would take, from its size and its first lines (`limitBytes`: default this heap's). */
export function estimateLogSize(file: string, limitBytes = getHeapStatistics().heap_size_limit): SizeEstimate {
  const bytes = statSync(file).size;
  const sample = Buffer.alloc(Math.min(bytes, SAMPLE_BYTES));
  const descriptor = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(descriptor, sample, 0, sample.length, 0);
  } finally {
    closeSync(descriptor);
  }
  let lines = 0;
  for (let at = sample.indexOf(10); at >= 0 && at < read; at = sample.indexOf(10, at + 1)) lines++;
  const rows = Math.ceil(bytes / (read / Math.max(lines, 1)));
  return { bytes, rows, neededBytes: BASE_BYTES + rows * BYTES_PER_ROW, limitBytes };
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB`;

/**
 * Refuses a log whose estimated memory exceeds the heap limit: an `ImportError` that says
 * the size, the estimate, the limit, and how to read it anyway. Missing files pass (reading
 * them says why they cannot be read).
 */
export function checkLogSize(file: string, shownAs: string, overrideFlag: string, limitBytes?: number): void {
  let estimate: SizeEstimate;
  try {
    // A pipe or a device has no size to estimate from, and reading its first lines would take
    // them from the reader: it is read as it streams, unchecked.
    if (!statSync(file).isFile()) return;
    estimate = estimateLogSize(file, limitBytes);
  } catch {
    return;
  }
  if (estimate.neededBytes <= estimate.limitBytes) return;
  const suggestedMb = Math.ceil((estimate.neededBytes * 1.25) / 1e9) * 1000;
  throw new ImportError([
    {
      code: 'too_large',
      file: shownAs,
      message:
        `the log is ${megabytes(estimate.bytes)}, about ${estimate.rows.toLocaleString('en-US')} rows: ` +
        `reading it and computing its KPIs needs about ${megabytes(estimate.neededBytes)} of memory, ` +
        'more than this Node process may ' +
        `use (${megabytes(estimate.limitBytes)}). Give Node more (NODE_OPTIONS=--max-old-space-size=${suggestedMb}, ` +
        `if the machine has the memory), read a part of the log (a year's rows), or try anyway with ${overrideFlag}`,
    },
  ]);
}
