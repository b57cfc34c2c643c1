/**
 * Worker-thread side of parallel replications. The main thread sends the resolved scenario
 * once, then replication numbers one at a time (whichever worker is free takes the next);
 * the worker answers each with that replication's outcome. Every replication depends only
 * on (scenario, replication), so which thread runs it cannot change its result.
 */
import { parentPort } from 'node:worker_threads';
import { NdjsonFileSink } from '../eventlog/ndjson.js';
import type { Ledger } from '../metrics/ledger.js';
import { buildDesk, type DeskModel } from '../model/build.js';
import type { Scenario } from '../scenario/schema.js';
import { metricOptions, runReplication, ticketRows, type Detail, type ReplicationOutcome, type TicketRows, type TicketTable } from './replication.js';
import { firstTicketTable } from './first-ticket-table.js';

/** Messages from the main thread. */
export type ToWorker =
  | { type: 'scenario'; scenario: Scenario; eventsPath?: string; ticketsPath?: string; detail?: Detail; keepTicketRows?: 'first' | 'all' }
  | { type: 'replication'; replication: number }
  | { type: 'stop' };

/** Messages to the main thread. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'outcome'; outcome: ReplicationOutcome; tickets?: TicketTable; ticketRows?: TicketRows }
  | { type: 'failed'; message: string; stack?: string };

const port = parentPort;
if (port === null) throw new Error('replication-worker must run in a worker thread');

let model: DeskModel | undefined;
let ledger: Ledger | undefined;
let eventsPath: string | undefined;
let ticketsPath: string | undefined;
let detail: Detail = false;
let keepTicketRows: 'first' | 'all' | undefined;

port.on('message', (message: ToWorker) => {
  try {
    if (message.type === 'scenario') {
      model = buildDesk(message.scenario);
      eventsPath = message.eventsPath;
      ticketsPath = message.ticketsPath;
      detail = message.detail ?? false;
      keepTicketRows = message.keepTicketRows;
      port.postMessage({ type: 'ready' } satisfies FromWorker);
    } else if (message.type === 'replication') {
      const replication = message.replication;
      const events = replication === 1 && eventsPath !== undefined ? new NdjsonFileSink(eventsPath, model!.originEpochMs) : undefined;
      let result: ReturnType<typeof runReplication>;
      try {
        result = runReplication(model!, replication, events, ledger, detail);
      } finally {
        events?.close(); // before reporting: the main thread may end this worker once it has every outcome
      }
      ledger = result.ledger;
      // The first replication's rows travel once, as its table's rows; the others' on their own.
      const tickets = replication === 1 ? firstTicketTable(result.ledger, model!, keepTicketRows !== undefined, ticketsPath) : undefined;
      const rows = keepTicketRows === 'all' && replication > 1 ? ticketRows(result.ledger, metricOptions(model!)) : tickets?.rows;
      port.postMessage({ type: 'outcome', outcome: result.outcome, tickets, ticketRows: rows } satisfies FromWorker);
    } else {
      port.close();
    }
  } catch (error) {
    port.postMessage({ type: 'failed', message: (error as Error).message, stack: (error as Error).stack } satisfies FromWorker);
  }
});
