/**
 * The first replication's ticket table during a run, its `tickets.csv` written to a file
 * chunk by chunk as it is formatted. Kept apart from the formatting (`ticket-csv.ts`,
 * `replication.ts`), which the browser page bundles without a file system, and light
 * enough for a worker thread.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Ledger } from '../metrics/ledger.js';
import type { DeskModel } from '../model/build.js';
import { metricOptions, ticketTable, type TicketTable } from './replication.js';

/** The first replication's ticket table; its `tickets.csv` written to `path` as it is formatted, if given. */
export function firstTicketTable(
  ledger: Ledger,
  model: DeskModel,
  keepRows: boolean,
  path: string | undefined,
): TicketTable {
  const options = metricOptions(model);
  if (path === undefined) return ticketTable(ledger, options, keepRows);
  const descriptor = openSync(path, 'w');
  try {
    return ticketTable(ledger, options, keepRows, (bytes) => {
      // A write may take fewer bytes than given: the rest follows.
      for (let written = 0; written < bytes.length; )
        written += writeSync(descriptor, bytes, written, bytes.length - written);
    });
  } finally {
    closeSync(descriptor);
  }
}
