/**
 * The per-ticket columns most KPIs read (`LogColumns`, catalog-definition.ts) and the passes
 * that read them over a context's tickets.
 *
 * A column holds one fact per ticket row of the whole log, built once by its own loop the
 * first time a KPI asks for it, then shared by the desk-wide context, every segment and every
 * day's cohort: what a ticket counts as (resolved? waited? its queue wait…) is worked out
 * once per log, not once per KPI per segment. A KPI is then one of three tight loops over
 * its context's tickets (`shareOf`, `meanOf`, `countOf`) reading a typed array — no callback
 * per ticket, which made the shared loops megamorphic and the catalog the largest cost of a
 * whole run. The loops keep the order of the sums (ticket order), so values do not move.
 *
 * Flags are bytes: 1 yes, 0 no, `NOT_COUNTED` outside the share's denominator. Values are
 * doubles: NaN is not counted.
 */
import type { MetricContext } from './catalog-definition.js';
import type { AnswerColumn, CodeColumn, CountColumn } from './ledger-records.js';
import { repeatedFlags } from './catalog-contacts.js';
import { firstResponseAt, firstResponseTime, resolutionTime, waitedOnCustomer } from './catalog-tickets.js';
import { pendingMinutes, calendarClock } from './catalog-tickets.js';
import { DEFAULT_FCR_WINDOW } from './catalog-contacts.js';

/** A per-ticket column of numbers, in any of the widths the ledger stores (ledger-records.ts). */
type NumericColumn = Float64Array | Int32Array | AnswerColumn | CodeColumn | CountColumn;

/** A flag of a ticket left out of the share (e.g. an unresolved ticket of the reopen rate). */
export const NOT_COUNTED = 2;

/** Share of the context's tickets whose flag is 1 (with `no`: 0) among those counted; null for none. */
export function shareOf(context: MetricContext, flags: Uint8Array, no = false): number | null {
  const tickets = context.tickets;
  const wanted = no ? 0 : 1;
  let count = 0;
  let total = 0;
  for (let index = 0; index < tickets.length; index++) {
    const flag = flags[tickets[index]!]!;
    if (flag === NOT_COUNTED) continue;
    total++;
    if (flag === wanted) count++;
  }
  return total === 0 ? null : count / total;
}

/** How many of the context's tickets have the flag 1. */
export function countOf(context: MetricContext, flags: Uint8Array): number {
  const tickets = context.tickets;
  let count = 0;
  for (let index = 0; index < tickets.length; index++) if (flags[tickets[index]!] === 1) count++;
  return count;
}

/**
 * Mean of a column over the context's tickets (those flagged 1 in `among`, if given), NaN skipped, summed in
 * ticket order; null for none.
 */
export function meanOf(context: MetricContext, values: NumericColumn, among?: Uint8Array): number | null {
  const tickets = context.tickets;
  let sum = 0;
  let count = 0;
  for (let index = 0; index < tickets.length; index++) {
    const ticket = tickets[index]!;
    if (among !== undefined && among[ticket] !== 1) continue;
    const value = values[ticket]!;
    if (!Number.isNaN(value)) {
      sum += value;
      count++;
    }
  }
  return count === 0 ? null : sum / count;
}

/**
 * A column's values over the context's tickets, NaN left out, in ticket order; once per context
 * (quantiles select in place, so read a mean before them).
 */
export function sampleOf(context: MetricContext, key: string, values: Float64Array): Float64Array {
  let sample = context.samples.get(key);
  if (sample === undefined) {
    const tickets = context.tickets;
    const kept = new Float64Array(tickets.length);
    let count = 0;
    for (let index = 0; index < tickets.length; index++) {
      const value = values[tickets[index]!]!;
      if (!Number.isNaN(value)) kept[count++] = value;
    }
    sample = kept.subarray(0, count);
    context.samples.set(key, sample);
  }
  return sample;
}

/** A byte per ticket row of the log. */
const flagColumn = (context: MetricContext) => new Uint8Array(context.ledger.ticketCount);

// --- values ------------------------------------------------------------------------

/** First response time of each ticket (`firstResponseTime`); NaN without one. */
export const firstResponseTimes = (context: MetricContext) =>
  context.columns.column('first_response_time', () => {
    const values = new Float64Array(context.ledger.ticketCount);
    const count = values.length;
    for (let ticket = 0; ticket < count; ticket++) values[ticket] = firstResponseTime(context, ticket);
    return values;
  });

/** Resolution time of each ticket (`resolutionTime`); NaN if unresolved. */
export const resolutionTimes = (context: MetricContext) =>
  context.columns.column('resolution_time', () => {
    const values = new Float64Array(context.ledger.ticketCount);
    const count = values.length;
    for (let ticket = 0; ticket < count; ticket++) values[ticket] = resolutionTime(context, ticket);
    return values;
  });

export const firstResponses = (context: MetricContext) =>
  sampleOf(context, 'first_response_time', firstResponseTimes(context));
export const resolutions = (context: MetricContext) => sampleOf(context, 'resolution_time', resolutionTimes(context));

/** Total queue wait of each queued ticket; NaN if never queued or still waiting at the end. */
export const queueWaits = (context: MetricContext) =>
  context.columns.column('queue_wait', () => {
    const ledger = context.ledger;
    const values = new Float64Array(ledger.ticketCount);
    const count = values.length;
    for (let ticket = 0; ticket < count; ticket++)
      values[ticket] = ledger.firstVisit[ticket]! >= 0 ? ledger.ticketQueueWait(ticket) : Number.NaN;
    return values;
  });

/** Mean handle time of the handled tickets. */
export const handleTimeMean = (context: MetricContext) =>
  meanOf(context, context.ledger.handleTime, handledFlags(context));

/** Replies per resolved ticket (automatic ones too if they count as responses). */
export function repliesPerResolved(context: MetricContext): number | null {
  const ledger = context.ledger;
  if (context.options.autoReplyCountsAsResponse !== true)
    return meanOf(context, ledger.replies, resolvedFlags(context));
  const values = context.columns.column('replies', () => {
    const replies = new Float64Array(ledger.ticketCount);
    for (let ticket = 0; ticket < replies.length; ticket++)
      replies[ticket] =
        ledger.resolvedCount[ticket]! > 0 ? ledger.replies[ticket]! + ledger.autoReplies[ticket]! : Number.NaN;
    return replies;
  });
  return meanOf(context, values);
}

/** Time a resolved ticket that waited on the customer spent waiting, on the metrics clock; NaN otherwise. */
export const pendingTimes = (context: MetricContext) =>
  context.columns.column('pending_time', () => {
    const ledger = context.ledger;
    const clock = context.options.durationClock ?? calendarClock;
    const values = new Float64Array(ledger.ticketCount);
    const count = values.length;
    for (let ticket = 0; ticket < count; ticket++)
      values[ticket] =
        waitedOnCustomer(ledger, ticket) && ledger.resolvedCount[ticket]! > 0
          ? pendingMinutes(context, ticket, ledger.lastResolvedAt[ticket]!, clock)
          : Number.NaN;
    return values;
  });

// --- flags -------------------------------------------------------------------------

/** Resolved at least once. */
export const resolvedFlags = (context: MetricContext) =>
  context.columns.column('resolved', () => {
    const flags = flagColumn(context);
    const count = flags.length;
    const resolved = context.ledger.resolvedCount;
    for (let ticket = 0; ticket < count; ticket++) flags[ticket] = resolved[ticket]! > 0 ? 1 : 0;
    return flags;
  });

/** Worked on by an agent at least once. */
export const handledFlags = (context: MetricContext) =>
  context.columns.column('handled', () => {
    const workIntervals = context.ledger.workIntervals;
    const flags = flagColumn(context);
    const count = flags.length;
    for (let ticket = 0; ticket < count; ticket++) flags[ticket] = workIntervals[ticket]! > 0 ? 1 : 0;
    return flags;
  });

/** Open at the end of observation (`Ledger.isOpenAt`). */
export const openAtEndFlags = (context: MetricContext) =>
  context.columns.column('open_at_end', () => {
    const ledger = context.ledger;
    const end = context.window.measureTo;
    const flags = flagColumn(context);
    const count = flags.length;
    for (let ticket = 0; ticket < count; ticket++) flags[ticket] = ledger.isOpenAt(ticket, end) ? 1 : 0;
    return flags;
  });

/** Open at the end of observation without a first response. */
export const firstResponseUnfinishedFlags = (context: MetricContext) =>
  context.columns.column('first_response_unfinished', () => {
    const open = openAtEndFlags(context);
    const flags = flagColumn(context);
    const count = flags.length;
    for (let ticket = 0; ticket < count; ticket++)
      flags[ticket] = open[ticket] === 1 && Number.isNaN(firstResponseAt(context, ticket)) ? 1 : 0;
    return flags;
  });

/** Its first response was a substantive public reply; not counted without a first response. */
export const substantiveFirstFlags = (context: MetricContext) =>
  context.columns.column('substantive_first', () => {
    const ledger = context.ledger;
    const substantive = ledger.replyKinds.code('substantive');
    const flags = flagColumn(context);
    const count = flags.length;
    for (let ticket = 0; ticket < count; ticket++) {
      const reached = firstResponseAt(context, ticket);
      flags[ticket] = Number.isNaN(reached)
        ? NOT_COUNTED
        : reached === ledger.firstReplyAt[ticket]! && ledger.firstReplyKind[ticket] === substantive
          ? 1
          : 0;
    }
    return flags;
  });

/** Queued tickets: still waiting in a queue at the end (1), waits over (0). */
export const queueWaitUnfinishedFlags = (context: MetricContext) =>
  context.columns.column('queue_wait_unfinished', () => {
    const ledger = context.ledger;
    const waits = queueWaits(context);
    const flags = flagColumn(context);
    const count = flags.length;
    for (let ticket = 0; ticket < count; ticket++)
      flags[ticket] = ledger.firstVisit[ticket]! < 0 ? NOT_COUNTED : Number.isNaN(waits[ticket]!) ? 1 : 0;
    return flags;
  });

/** Queued tickets: waited in a queue at all. */
export const waitedFlags = (context: MetricContext) =>
  context.columns.column('waited', () => {
    const ledger = context.ledger;
    const flags = flagColumn(context);
    const count = flags.length;
    for (let ticket = 0; ticket < count; ticket++)
      flags[ticket] = ledger.firstVisit[ticket]! < 0 ? NOT_COUNTED : ledger.ticketWaited(ticket) ? 1 : 0;
    return flags;
  });

/** Queued tickets: taken from the first queue within the service-level threshold (`serviceLevel`). */
export const serviceLevelFlags = (context: MetricContext) =>
  context.columns.column('service_level', () => {
    const ledger = context.ledger;
    const threshold = context.options.serviceLevelThreshold;
    const flags = flagColumn(context);
    const count = flags.length;
    for (let ticket = 0; ticket < count; ticket++) {
      const visit = ledger.firstVisit[ticket]!;
      if (visit < 0) {
        flags[ticket] = NOT_COUNTED;
        continue;
      }
      const assignedAt = ledger.visitAssignedAt[visit]!;
      flags[ticket] = !Number.isNaN(assignedAt) && assignedAt - ledger.visitQueuedAt[visit]! <= threshold ? 1 : 0;
    }
    return flags;
  });

/** Abandoned by the customer. */
export const abandonedFlags = (context: MetricContext) =>
  context.columns.column('abandoned', () => {
    const abandonedAt = context.ledger.abandonedAt;
    const flags = flagColumn(context);
    const count = flags.length;
    for (let ticket = 0; ticket < count; ticket++) flags[ticket] = Number.isNaN(abandonedAt[ticket]!) ? 0 : 1;
    return flags;
  });

/** Escalated at least once. */
export const escalatedFlags = (context: MetricContext) =>
  context.columns.column('escalated', () => {
    const escalations = context.ledger.escalations;
    const flags = flagColumn(context);
    const count = flags.length;
    for (let ticket = 0; ticket < count; ticket++) flags[ticket] = escalations[ticket]! > 0 ? 1 : 0;
    return flags;
  });

/** Handled tickets: looked up the knowledge base at least once. */
export const knowledgeBaseFlags = (context: MetricContext) =>
  context.columns.column('kb_used', () => {
    const { lookups, workIntervals } = context.ledger;
    const flags = flagColumn(context);
    const count = flags.length;
    for (let ticket = 0; ticket < count; ticket++)
      flags[ticket] = !(workIntervals[ticket]! > 0) ? NOT_COUNTED : lookups[ticket]! > 0 ? 1 : 0;
    return flags;
  });

/** Resolved tickets: reopened within the reopen window of their resolution. */
export const reopenedFlags = (context: MetricContext) =>
  context.columns.column('reopened', () => {
    const ledger = context.ledger;
    const window = context.options.reopenWindow;
    const flags = flagColumn(context);
    const count = flags.length;
    for (let ticket = 0; ticket < count; ticket++)
      flags[ticket] = !(ledger.resolvedCount[ticket]! > 0) ? NOT_COUNTED : ledger.reopenGap[ticket]! <= window ? 1 : 0;
    return flags;
  });

/** Resolved tickets: first-contact resolutions (no escalation, reopen or repeat contact within the FCR window). */
export const firstContactFlags = (context: MetricContext) =>
  context.columns.column('first_contact_resolution', () => {
    const ledger = context.ledger;
    const window = context.options.fcrWindow ?? DEFAULT_FCR_WINDOW;
    const repeated = repeatedFlags(context);
    const flags = flagColumn(context);
    const count = flags.length;
    for (let ticket = 0; ticket < count; ticket++) {
      if (!(ledger.resolvedCount[ticket]! > 0)) flags[ticket] = NOT_COUNTED;
      else
        flags[ticket] =
          ledger.escalations[ticket] === 0 && !(ledger.reopenGap[ticket]! <= window) && repeated[ticket] !== 1 ? 1 : 0;
    }
    return flags;
  });

/** Waited on the customer at least once. */
export const pendingFlags = (context: MetricContext) =>
  context.columns.column('pending', () => {
    const flags = flagColumn(context);
    const count = flags.length;
    for (let ticket = 0; ticket < count; ticket++) flags[ticket] = waitedOnCustomer(context.ledger, ticket) ? 1 : 0;
    return flags;
  });

/** Answered surveys: CSAT 4 or 5. */
export const satisfiedFlags = (context: MetricContext) =>
  context.columns.column('csat_satisfied', () => {
    const csat = context.ledger.csat;
    const flags = flagColumn(context);
    const count = flags.length;
    for (let ticket = 0; ticket < count; ticket++)
      flags[ticket] = Number.isNaN(csat[ticket]!) ? NOT_COUNTED : csat[ticket]! >= 4 ? 1 : 0;
    return flags;
  });

/** Resolved tickets: never really fixed (truth). */
export const hiddenFailureFlags = (context: MetricContext) =>
  context.columns.column('hidden_failure', () => {
    const ledger = context.ledger;
    const flags = flagColumn(context);
    const count = flags.length;
    for (let ticket = 0; ticket < count; ticket++)
      flags[ticket] = !(ledger.resolvedCount[ticket]! > 0)
        ? NOT_COUNTED
        : Number.isNaN(ledger.truthFixedAt[ticket]!)
          ? 1
          : 0;
    return flags;
  });
