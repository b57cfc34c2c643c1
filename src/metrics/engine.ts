/**
 * The metric engine: a pure function of an event log (folded by a `Ledger`) and the metric
 * options, producing one value per KPI. It never imports from the model: simulated logs
 * and imported real logs go through the same code.
 */
import { Ledger, type AgentRecord } from './ledger.js';
import {
  firstResponseTime,
  KPI_CATALOG,
  LogColumns,
  resolutionTime,
  slaBreachAt,
  TIER_KPI_CATALOG,
  type MetricContext,
  type MetricOptions,
} from './catalog.js';
import type { EventType, LogWindow, TicketEvent } from '../eventlog/types.js';

/** KPI values of one log: desk-wide, and per tier. null = not computable from this log. */
export interface KpiTable {
  values: Record<string, number | null>;
  tiers: Record<string, Record<string, number | null>>;
}

/**
 * A context for every measured ticket, or for a segment of them (`tickets`, `allTickets`, `agents` given).
 * Contexts of one log and options share its per-ticket columns: pass `columns` from another context of the
 * same ledger and options (a fresh set is made otherwise).
 */
export function buildContext(
  ledger: Ledger,
  options: MetricOptions,
  segment?: { tickets: Int32Array; allTickets: Int32Array; agents: AgentRecord[] },
  columns?: LogColumns,
): MetricContext {
  ledger.finish();
  const tickets = segment?.tickets ?? ledger.measuredIndices();
  const allTickets = segment?.allTickets ?? everyRow(ledger.ticketCount);
  const agents = segment?.agents ?? [...ledger.agents.values()];
  const shared =
    columns !== undefined && columns.ledger === ledger && columns.options === options
      ? columns
      : new LogColumns(ledger, options);
  let visitsByTier: Map<string, Int32Array> | undefined;
  return {
    ledger,
    tickets,
    allTickets,
    agents,
    // Built on first use: only per-tier KPIs and costs read it, never a segment's or a day's KPIs.
    get visitsByTier() {
      visitsByTier ??= tierVisitLists(ledger, tickets, segment === undefined);
      return visitsByTier;
    },
    window: ledger.window,
    options,
    samples: new Map(),
    columns: shared,
  };
}

/** The queue visits of `tickets`, by tier id, each list in log order. */
function tierVisitLists(ledger: Ledger, tickets: Int32Array, measured: boolean): Map<string, Int32Array> {
  const visits = measured ? visitsOfMeasured(ledger, tickets) : visitsOfSegment(ledger, tickets);
  // The visits per tier, in log order: counted first, so each list is one typed array.
  const counts = new Int32Array(ledger.tiers.values.length);
  for (let index = 0; index < visits.length; index++) counts[ledger.visitTier[visits[index]!]!]!++;
  const perTier = Array.from(counts, (count) => new Int32Array(count));
  counts.fill(0);
  for (let index = 0; index < visits.length; index++) {
    const visit = visits[index]!;
    const tier = ledger.visitTier[visit]!;
    perTier[tier]![counts[tier]!++] = visit;
  }
  return new Map(ledger.tiers.values.map((tier, code) => [tier, perTier[code]!]));
}

/** The queue visits of the measured tickets, in log order: one pass over every visit. */
function visitsOfMeasured(ledger: Ledger, tickets: Int32Array): Int32Array {
  const measured = new Uint8Array(ledger.ticketCount);
  for (let index = 0; index < tickets.length; index++) measured[tickets[index]!] = 1;
  let count = 0;
  for (let visit = 0; visit < ledger.visitCount; visit++) if (measured[ledger.visitTicket[visit]!] === 1) count++;
  const visits = new Int32Array(count);
  count = 0;
  for (let visit = 0; visit < ledger.visitCount; visit++)
    if (measured[ledger.visitTicket[visit]!] === 1) visits[count++] = visit;
  return visits;
}

/**
 * The queue visits of a segment's tickets, in log order: each ticket's own visits, then
 * sorted. A segment (a day's cohort, a channel, an agent…) is a small part of the log, and
 * a pass over every visit per segment made the daily series quadratic in the horizon.
 */
function visitsOfSegment(ledger: Ledger, tickets: Int32Array): Int32Array {
  let count = 0;
  for (let index = 0; index < tickets.length; index++) {
    for (let visit = ledger.firstVisit[tickets[index]!]!; visit >= 0; visit = ledger.visitNext[visit]!) count++;
  }
  const visits = new Int32Array(count);
  count = 0;
  for (let index = 0; index < tickets.length; index++) {
    for (let visit = ledger.firstVisit[tickets[index]!]!; visit >= 0; visit = ledger.visitNext[visit]!)
      visits[count++] = visit;
  }
  visits.sort();
  // A ticket listed twice in a segment has its visits counted once.
  let unique = 0;
  for (let index = 0; index < visits.length; index++)
    if (unique === 0 || visits[index] !== visits[unique - 1]) visits[unique++] = visits[index]!;
  return visits.subarray(0, unique);
}

/** 0, 1, …, count − 1. */
function everyRow(count: number): Int32Array {
  const rows = new Int32Array(count);
  for (let row = 0; row < count; row++) rows[row] = row;
  return rows;
}

/** Can a KPI needing these event types be computed from this log? */
export function computable(ledger: Ledger, needs: readonly string[]): boolean {
  return needs.every((type) => ledger.seenTypes.has(type as never) || ledger.recordedTypes.has(type as never));
}

/**
 * Computes every KPI of the catalog. `tiers` lists the tier ids to report (a simulated desk
 * knows them); by default, every tier seen in the log, in order of first appearance. `columns`: the
 * per-ticket columns of the log shared with its segments and daily series (`LogColumns`).
 */
export function computeKpis(
  ledger: Ledger,
  options: MetricOptions,
  tiers?: readonly string[],
  columns?: LogColumns,
): KpiTable {
  const context = buildContext(ledger, options, undefined, columns);
  const values: Record<string, number | null> = {};
  const shared = context.columns.everyTicketValues;
  for (const kpi of KPI_CATALOG) {
    if (!computable(ledger, kpi.needs)) {
      values[kpi.id] = null;
      continue;
    }
    const ticketScope = (kpi.scope ?? 'ticket') === 'ticket';
    const value = ticketScope && shared.has(kpi.id) ? (shared.get(kpi.id) ?? null) : kpi.compute(context);
    values[kpi.id] = value;
    if (ticketScope) shared.set(kpi.id, value);
  }
  const tierTable: Record<string, Record<string, number | null>> = {};
  const tierIds = tiers ?? [
    ...new Set([
      ...context.visitsByTier.keys(),
      ...context.agents.flatMap((agent) => (agent.tier ? [agent.tier] : [])),
    ]),
  ];
  for (const tier of tierIds) {
    const row: Record<string, number | null> = {};
    for (const kpi of TIER_KPI_CATALOG) row[kpi.id] = computable(ledger, kpi.needs) ? kpi.compute(context, tier) : null;
    tierTable[tier] = row;
  }
  return { values, tiers: tierTable };
}

/** Runs the metric engine over an in-memory list of events; `recordedTypes` as in `Ledger.recordedTypes`. */
export function computeKpisFromEvents(
  events: Iterable<TicketEvent>,
  window: LogWindow,
  options: MetricOptions,
  tiers?: readonly string[],
  recordedTypes: Iterable<EventType> = [],
): KpiTable {
  const ledger = new Ledger(window);
  for (const type of recordedTypes) ledger.recordedTypes.add(type);
  for (const event of events) ledger.emit(event);
  return computeKpis(ledger, options, tiers);
}

/** Columns of `tickets.csv`, one row per measured ticket. */
export const TICKET_COLUMNS = [
  'ticket',
  'created_minute',
  'customer',
  'channel',
  'category',
  'priority',
  'status',
  'first_tier',
  'last_agent',
  'escalations',
  'queue_wait',
  'first_response_time',
  'resolution_time',
  'handle_time',
  'replies',
  'reopens',
  'sla_first_response_breached_minute',
  'sla_resolution_breached_minute',
  'truly_fixed',
] as const;

/**
 * A ticket's state at the end of observation: `open` if it is open then (a reopened ticket
 * not done again included — the same test as `backlog_end`), else its last ending event.
 */
export function ticketStatus(ledger: Ledger, ticket: number): string {
  if (ledger.isOpenAt(ticket, ledger.window.measureTo)) return 'open';
  const abandoned = ledger.abandonedAt[ticket]!;
  const closed = ledger.closedAt[ticket]!;
  const resolved = ledger.lastResolvedAt[ticket]!;
  // NaN compares false: an event that never happened never wins.
  if (!(closed > abandoned) && !(resolved > abandoned) && !Number.isNaN(abandoned)) return 'abandoned';
  if (!(resolved > closed) && !Number.isNaN(closed)) return 'closed';
  return 'resolved';
}

const orNull = (value: number) => (Number.isNaN(value) ? null : value);

/** The definitions a ticket table is read with when none are given: the scenario defaults. */
const DEFAULT_TABLE_OPTIONS: MetricOptions = { serviceLevelThreshold: 60, reopenWindow: 7 * 24 * 60 };

/**
 * The per-ticket table of a log (measured tickets, creation order). First response and
 * resolution times are the KPIs' own (`firstResponseTime`, `resolutionTime`: the metrics
 * clock, pending time and automatic replies as the options say). With metric options that
 * carry an SLA policy, each ticket's breach instants are filled in.
 */
export function ticketRows(
  ledger: Ledger,
  options?: MetricOptions,
): Array<Record<(typeof TICKET_COLUMNS)[number], string | number | null>> {
  ledger.finish();
  const context = options?.sla === undefined ? undefined : buildContext(ledger, options);
  const times = { ledger, options: options ?? DEFAULT_TABLE_OPTIONS };
  // Truth is known only for simulated logs: elsewhere the column stays empty, not "false".
  const hasTruth = ledger.seenTypes.has('truth_fixed');
  return Array.from(ledger.measuredIndices(), (ticket) => {
    const created = ledger.createdAt[ticket]!;
    const firstVisit = ledger.firstVisit[ticket]!;
    return {
      ticket: ledger.ticketId(ticket),
      created_minute: created,
      customer: ledger.customer[ticket] ?? null,
      channel: ledger.channels.value(ledger.channel[ticket]!) ?? null,
      category: ledger.categories.value(ledger.category[ticket]!) ?? null,
      priority: ledger.priorities.value(ledger.priority[ticket]!) ?? null,
      status: ticketStatus(ledger, ticket),
      first_tier: firstVisit >= 0 ? (ledger.tiers.value(ledger.visitTier[firstVisit]!) ?? null) : null,
      last_agent: ledger.agentNames.value(ledger.lastAgent[ticket]!) ?? null,
      escalations: ledger.escalations[ticket]!,
      queue_wait: firstVisit >= 0 ? orNull(ledger.ticketQueueWait(ticket)) : null,
      first_response_time: orNull(firstResponseTime(times, ticket)),
      resolution_time: orNull(resolutionTime(times, ticket)),
      handle_time: ledger.workIntervals[ticket]! > 0 ? ledger.handleTime[ticket]! : null,
      replies: ledger.replies[ticket]!,
      reopens: ledger.reopens[ticket]!,
      sla_first_response_breached_minute:
        context === undefined ? null : orNull(slaBreachAt(context, ticket, 'firstResponse')),
      sla_resolution_breached_minute: context === undefined ? null : orNull(slaBreachAt(context, ticket, 'resolution')),
      truly_fixed: hasTruth ? (Number.isNaN(ledger.truthFixedAt[ticket]!) ? 'false' : 'true') : null,
    };
  });
}
