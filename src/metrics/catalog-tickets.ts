/**
 * Per-ticket quantities the KPIs share: means and shares over measured tickets and visits, sorted samples,
 * first-response and resolution times, and the mean/median/p90 triple of a duration.
 */
import type { EventType } from '../eventlog/types.js';
import type { KpiDefinition, MetricContext, TruthCounterpart } from './catalog-definition.js';
import type { Ledger } from './ledger.js';
import { mean, selectQuantile } from './statistics.js';

// --- per-ticket quantities --------------------------------------------------
//
// The catalog's KPIs read shared per-log columns (log-columns.ts) instead of these callbacks
// per ticket; `ticketMean` and `ticketShare` remain for a KPI with a rule of its own.
//
// Loops over tickets and visits are indexed, not for-of: a KPI runs once per replication,
// much of it before V8 optimises the loop, and unoptimised for-of goes through the iterator
// protocol for every element (measured: a tenth of the metric engine's instructions).

/** Mean of `value(ticket)` over measured tickets, skipping NaN (not applicable); null for none. */
export function ticketMean(context: MetricContext, value: (ledger: Ledger, ticket: number) => number): number | null {
  const { ledger, tickets } = context;
  let sum = 0;
  let count = 0;
  for (let index = 0; index < tickets.length; index++) {
    const result = value(ledger, tickets[index]!);
    if (!Number.isNaN(result)) {
      sum += result;
      count++;
    }
  }
  return count === 0 ? null : sum / count;
}

/** Share of measured tickets meeting a predicate; null for none. */
export function ticketShare(
  context: MetricContext,
  predicate: (ledger: Ledger, ticket: number) => boolean,
  among?: (ledger: Ledger, ticket: number) => boolean,
): number | null {
  const { ledger, tickets } = context;
  let count = 0;
  let total = 0;
  for (let index = 0; index < tickets.length; index++) {
    const ticket = tickets[index]!;
    if (among !== undefined && !among(ledger, ticket)) continue;
    total++;
    if (predicate(ledger, ticket)) count++;
  }
  return total === 0 ? null : count / total;
}

/** Share of visits meeting a predicate; null for none. */
export function visitShare(
  context: MetricContext,
  visits: Int32Array,
  predicate: (ledger: Ledger, visit: number) => boolean,
): number | null {
  if (visits.length === 0) return null;
  let count = 0;
  for (let index = 0; index < visits.length; index++) if (predicate(context.ledger, visits[index]!)) count++;
  return count / visits.length;
}

/** What the per-ticket times read: the log and the metric options (a whole context, or just these two). */
type TicketTimeContext = Pick<MetricContext, 'ledger' | 'options'>;

/**
 * When the ticket got its first response: the first public agent reply, or an earlier
 * automatic one if the options count those; NaN for none.
 */
export function firstResponseAt(context: TicketTimeContext, ticket: number): number {
  const ledger = context.ledger;
  const reply = ledger.firstReplyAt[ticket]!;
  if (context.options.autoReplyCountsAsResponse !== true) return reply;
  const automatic = ledger.firstAutoReplyAt[ticket]!;
  if (Number.isNaN(reply)) return automatic;
  return Number.isNaN(automatic) ? reply : Math.min(reply, automatic);
}

/**
 * Minutes on `clock` the ticket waited on the customer between its creation and `to` (its pauses, and a wait still
 * open).
 */
export function pendingMinutes(
  context: TicketTimeContext,
  ticket: number,
  to: number,
  clock: (from: number, to: number) => number,
): number {
  const ledger = context.ledger;
  const created = ledger.createdAt[ticket]!;
  let waited = 0;
  const pauses = ledger.pauses.get(ticket) ?? [];
  for (let index = 0; index < pauses.length; index += 2) {
    const start = Math.max(pauses[index]!, created);
    const end = Math.min(pauses[index + 1]!, to);
    if (end > start) waited += clock(start, end);
  }
  const open = ledger.pendingSince[ticket]!;
  if (!Number.isNaN(open) && to > open) waited += clock(Math.max(open, created), to);
  return waited;
}

/** Minutes on `clock` from the ticket's creation to `to`, less its waits on the customer in between if `pause`. */
export function elapsedSinceCreation(
  context: TicketTimeContext,
  ticket: number,
  to: number,
  clock: (from: number, to: number) => number,
  pause: boolean,
): number {
  const ledger = context.ledger;
  const created = ledger.createdAt[ticket]!;
  let elapsed = clock(created, to);
  // Subtracted pause by pause (not their sum, as pendingMinutes adds them): the SLA breach instants keep their last
  // digit.
  if (pause) {
    const pauses = ledger.pauses.get(ticket) ?? [];
    for (let index = 0; index < pauses.length; index += 2) {
      const start = Math.max(pauses[index]!, created);
      const end = Math.min(pauses[index + 1]!, to);
      if (end > start) elapsed -= clock(start, end);
    }
    const open = ledger.pendingSince[ticket]!;
    if (!Number.isNaN(open) && to > open) elapsed -= clock(open, to);
  }
  return elapsed;
}

export const calendarClock = (from: number, to: number) => to - from;

/**
 * A ticket's first response time as the KPIs count it — on the metrics clock, an automatic
 * reply only if counted; NaN without one. `tickets.csv` reads this same function.
 */
export function firstResponseTime(context: TicketTimeContext, ticket: number): number {
  const reached = firstResponseAt(context, ticket);
  return Number.isNaN(reached)
    ? reached
    : (context.options.durationClock ?? calendarClock)(context.ledger.createdAt[ticket]!, reached);
}

/**
 * A ticket's resolution time as the KPIs count it — to its last resolution, on the metrics
 * clock, less waits on the customer unless `count_pending_time`; NaN if unresolved.
 * `tickets.csv` reads this same function.
 */
export function resolutionTime(context: TicketTimeContext, ticket: number): number {
  const resolved = context.ledger.lastResolvedAt[ticket]!;
  if (Number.isNaN(resolved)) return resolved;
  return elapsedSinceCreation(
    context,
    ticket,
    resolved,
    context.options.durationClock ?? calendarClock,
    context.options.countPendingTime === false,
  );
}

/** Did the ticket ever wait on the customer (a pending not of kind engineering)? */
export const waitedOnCustomer = (ledger: Ledger, ticket: number) =>
  ledger.pauses.has(ticket) || !Number.isNaN(ledger.pendingSince[ticket]!);
export const isResolved = (ledger: Ledger, ticket: number) => ledger.resolvedCount[ticket]! > 0;

/** How many measured tickets were resolved at least once. */
export function resolvedTickets(context: MetricContext): number {
  const { ledger, tickets } = context;
  let resolved = 0;
  for (let index = 0; index < tickets.length; index++) if (ledger.resolvedCount[tickets[index]!]! > 0) resolved++;
  return resolved;
}

/** The mean, median and 90th percentile of one per-ticket duration, as three KPIs (lower is better). */
export function durationStatistics<const Prefix extends string>(
  prefix: Prefix,
  facts: {
    /** The duration in words, for the definitions. */
    what: string;
    /** Its human name, for the labels ("First response time"). */
    name: string;
    needs: readonly EventType[];
    sample: (context: MetricContext) => Float64Array;
    unfinished: string;
    /** The mean's column among the daily cohort KPIs, if it has one. */
    dailyMean?: number;
    /** The truth KPI the mean should be read against, if any. */
    truthOfMean?: TruthCounterpart;
  },
): [KpiDefinition<`${Prefix}_mean`>, KpiDefinition<`${Prefix}_p50`>, KpiDefinition<`${Prefix}_p90`>] {
  const { what, name, needs, sample, unfinished } = facts;
  const shared = { unit: 'minutes', better: 'lower', needs, unfinished } as const;
  return [
    {
      id: `${prefix}_mean`,
      label: `${name}, mean`,
      ...shared,
      ...(facts.dailyMean === undefined ? {} : { daily: facts.dailyMean }),
      ...(facts.truthOfMean === undefined ? {} : { truth: facts.truthOfMean }),
      definition: `Mean ${what}.`,
      compute: (context) => mean(sample(context)),
    },
    {
      id: `${prefix}_p50`,
      label: `${name}, median`,
      ...shared,
      definition: `Median ${what}.`,
      compute: (context) => selectQuantile(sample(context), 0.5),
    },
    {
      id: `${prefix}_p90`,
      label: `${name}, 90th percentile`,
      ...shared,
      definition: `90th percentile of ${what}.`,
      compute: (context) => selectQuantile(sample(context), 0.9),
    },
  ];
}

/**
 * Is the ticket still open at the end of observation without this milestone? Abandoned and closed tickets have ended.
 */
export const unfinishedAtEnd =
  (context: MetricContext, reached: (ticket: number) => number) => (ledger: Ledger, ticket: number) =>
    Number.isNaN(reached(ticket)) && ledger.isOpenAt(ticket, context.window.measureTo);
