/**
 * The metric engine: a pure function of an event log (folded by a `Ledger`) and the metric
 * options, producing one value per KPI. It never imports from the model: simulated logs
 * and imported real logs go through the same code.
 */
import type { QueueVisit, TicketRecord } from './ledger.js';
import { Ledger } from './ledger.js';
import { KPI_CATALOG, TIER_KPI_CATALOG, type MetricContext, type MetricOptions, visitWait, ticketQueueWait } from './catalog.js';
import type { LogWindow, TicketEvent } from '../eventlog/types.js';

/** KPI values of one log: desk-wide, and per tier. null = not computable from this log. */
export interface KpiTable {
  values: Record<string, number | null>;
  tiers: Record<string, Record<string, number | null>>;
}

function buildContext(ledger: Ledger, options: MetricOptions): MetricContext {
  ledger.finish();
  const tickets = ledger.measuredTickets();
  const visitsByTier = new Map<string, QueueVisit[]>();
  for (const ticket of tickets) {
    for (const visit of ticket.visits) {
      let visits = visitsByTier.get(visit.tier);
      if (visits === undefined) {
        visits = [];
        visitsByTier.set(visit.tier, visits);
      }
      visits.push(visit);
    }
  }
  return { tickets, agents: [...ledger.agents.values()], visitsByTier, window: ledger.window, options };
}

/**
 * Computes every KPI of the catalog. `tiers` lists the tier ids to report (a simulated desk
 * knows them); by default, every tier seen in the log, in order of first appearance.
 */
export function computeKpis(ledger: Ledger, options: MetricOptions, tiers?: readonly string[]): KpiTable {
  const context = buildContext(ledger, options);
  const computable = (needs: readonly string[]) => needs.every((type) => ledger.seenTypes.has(type as never));
  const values: Record<string, number | null> = {};
  for (const kpi of KPI_CATALOG) values[kpi.id] = computable(kpi.needs) ? kpi.compute(context) : null;
  const tierTable: Record<string, Record<string, number | null>> = {};
  const tierIds = tiers ?? [...new Set([...context.visitsByTier.keys(), ...context.agents.flatMap((agent) => (agent.tier ? [agent.tier] : []))])];
  for (const tier of tierIds) {
    const row: Record<string, number | null> = {};
    for (const kpi of TIER_KPI_CATALOG) row[kpi.id] = computable(kpi.needs) ? kpi.compute(context, tier) : null;
    tierTable[tier] = row;
  }
  return { values, tiers: tierTable };
}

/** Runs the metric engine over an in-memory list of events. */
export function computeKpisFromEvents(
  events: Iterable<TicketEvent>,
  window: LogWindow,
  options: MetricOptions,
  tiers?: readonly string[],
): KpiTable {
  const ledger = new Ledger(window);
  for (const event of events) ledger.emit(event);
  return computeKpis(ledger, options, tiers);
}

/** Columns of `tickets.csv`, one row per measured ticket. */
export const TICKET_COLUMNS = [
  'ticket',
  'created_minute',
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
] as const;

function ticketStatus(ticket: TicketRecord): string {
  if (ticket.abandonedAt !== undefined) return 'abandoned';
  if (ticket.closedAt !== undefined) return 'closed';
  if (ticket.lastResolvedAt !== undefined) return 'resolved';
  return 'open';
}

/** The per-ticket table of a log (measured tickets, creation order). */
export function ticketRows(ledger: Ledger): Array<Record<(typeof TICKET_COLUMNS)[number], string | number | null>> {
  ledger.finish();
  return ledger.measuredTickets().map((ticket) => ({
    ticket: ticket.ticket,
    created_minute: ticket.createdAt,
    channel: ticket.channel ?? null,
    category: ticket.category ?? null,
    priority: ticket.priority ?? null,
    status: ticketStatus(ticket),
    first_tier: ticket.visits[0]?.tier ?? null,
    last_agent: ticket.lastAgent ?? null,
    escalations: ticket.escalations,
    queue_wait: ticket.visits.length > 0 ? (ticketQueueWait(ticket) ?? null) : null,
    first_response_time: ticket.firstReplyAt === undefined ? null : ticket.firstReplyAt - ticket.createdAt,
    resolution_time: ticket.lastResolvedAt === undefined ? null : ticket.lastResolvedAt - ticket.createdAt,
    handle_time: ticket.workIntervals > 0 ? ticket.handleTime : null,
    replies: ticket.replies,
  }));
}

export { visitWait };
