/**
 * The KPI catalog (SPEC §5): each KPI declared once, as data — id, unit, one-line
 * definition, the event types it needs, and how to compute it from the ledger. Adding a KPI
 * touches this file only. Desk-wide KPIs and per-tier KPIs (`tiers.<id>.<kpi>`) are two
 * registries of the same shape.
 */
import type { EventType, LogWindow } from '../eventlog/types.js';
import type { AgentRecord, QueueVisit, TicketRecord } from './ledger.js';
import { mean, quantile, share } from './statistics.js';

/** Unit of a KPI value. Durations are minutes, rates are shares in 0..1. */
export type KpiUnit = 'tickets' | 'minutes' | 'share' | 'ratio';

/** Metric definition choices (the scenario's `metrics:` section, or a user's for a real log). */
export interface MetricOptions {
  /** `service_level` counts tickets taken by an agent within this many minutes. */
  serviceLevelThreshold: number;
}

export const DEFAULT_METRIC_OPTIONS: MetricOptions = { serviceLevelThreshold: 60 };

/** Everything a KPI may read. Built once per log by the metric engine. */
export interface MetricContext {
  /** Tickets created in the measured window, in creation order. */
  tickets: TicketRecord[];
  agents: AgentRecord[];
  /** Queue visits of measured tickets, by tier id. */
  visitsByTier: Map<string, QueueVisit[]>;
  window: LogWindow;
  options: MetricOptions;
}

/** A desk-wide KPI. `compute` returns null when the log cannot say (e.g. nothing to average). */
export interface KpiDefinition {
  id: string;
  unit: KpiUnit;
  definition: string;
  needs: EventType[];
  compute(context: MetricContext): number | null;
}

/** A KPI computed for each tier, reported as `tiers.<tier>.<id>`. */
export interface TierKpiDefinition {
  id: string;
  unit: KpiUnit;
  definition: string;
  needs: EventType[];
  compute(context: MetricContext, tier: string): number | null;
}

// --- per-ticket quantities --------------------------------------------------

function firstResponseTimes(context: MetricContext): number[] {
  const times: number[] = [];
  for (const ticket of context.tickets) {
    if (ticket.firstReplyAt !== undefined) times.push(ticket.firstReplyAt - ticket.createdAt);
  }
  return times;
}

function resolutionTimes(context: MetricContext): number[] {
  const times: number[] = [];
  for (const ticket of context.tickets) {
    if (ticket.lastResolvedAt !== undefined) times.push(ticket.lastResolvedAt - ticket.createdAt);
  }
  return times;
}

/** Wait of a visit that has ended (taken or abandoned); undefined while still waiting. */
export function visitWait(visit: QueueVisit): number | undefined {
  const leftAt = visit.assignedAt ?? visit.abandonedAt;
  return leftAt === undefined ? undefined : leftAt - visit.queuedAt;
}

/** Total queue wait of a ticket over all tiers; undefined if a wait was still open at the end. */
export function ticketQueueWait(ticket: TicketRecord): number | undefined {
  let total = 0;
  for (const visit of ticket.visits) {
    const wait = visitWait(visit);
    if (wait === undefined) return undefined;
    total += wait;
  }
  return total;
}

/** Did the ticket wait in any queue (including a wait still open at the end)? */
function ticketWaited(ticket: TicketRecord): boolean {
  return ticket.visits.some((visit) => visit.assignedAt === undefined || visit.assignedAt > visit.queuedAt);
}

function visitWaited(visit: QueueVisit): boolean {
  return visit.assignedAt === undefined || visit.assignedAt > visit.queuedAt;
}

/**
 * Service level over tickets whose outcome is known: taken within the threshold counts as
 * met; taken later, abandoned, or still waiting past the threshold count as missed; a
 * ticket still waiting but not yet past the threshold is left out (censored).
 */
function serviceLevel(visits: QueueVisit[], threshold: number, observedUntil: number): number | null {
  let met = 0;
  let known = 0;
  for (const visit of visits) {
    if (visit.assignedAt !== undefined) {
      known++;
      if (visit.assignedAt - visit.queuedAt <= threshold) met++;
    } else if (visit.abandonedAt !== undefined || observedUntil - visit.queuedAt > threshold) {
      known++;
    }
  }
  return known === 0 ? null : met / known;
}

function utilization(agents: AgentRecord[]): number | null {
  let busy = 0;
  let onShift = 0;
  for (const agent of agents) {
    busy += agent.busyTime;
    onShift += agent.onShiftTime;
  }
  return onShift > 0 ? busy / onShift : null;
}

// --- the catalog --------------------------------------------------------------

/** Desk-wide KPIs, in report order. */
export const KPI_CATALOG: readonly KpiDefinition[] = [
  {
    id: 'tickets_created',
    unit: 'tickets',
    definition: 'Tickets opened in the measured period (after warm-up).',
    needs: ['created'],
    compute: (context) => context.tickets.length,
  },
  {
    id: 'first_response_time_mean',
    unit: 'minutes',
    definition: 'Mean time from creation to the first public agent reply, over tickets that got one.',
    needs: ['created', 'replied'],
    compute: (context) => mean(firstResponseTimes(context)),
  },
  {
    id: 'first_response_time_p50',
    unit: 'minutes',
    definition: 'Median time from creation to the first public agent reply.',
    needs: ['created', 'replied'],
    compute: (context) => quantile(firstResponseTimes(context), 0.5),
  },
  {
    id: 'first_response_time_p90',
    unit: 'minutes',
    definition: '90th percentile of time from creation to the first public agent reply.',
    needs: ['created', 'replied'],
    compute: (context) => quantile(firstResponseTimes(context), 0.9),
  },
  {
    id: 'resolution_time_mean',
    unit: 'minutes',
    definition: 'Mean time from creation to the last `resolved`, over resolved tickets.',
    needs: ['created', 'resolved'],
    compute: (context) => mean(resolutionTimes(context)),
  },
  {
    id: 'resolution_time_p50',
    unit: 'minutes',
    definition: 'Median time from creation to the last `resolved`.',
    needs: ['created', 'resolved'],
    compute: (context) => quantile(resolutionTimes(context), 0.5),
  },
  {
    id: 'resolution_time_p90',
    unit: 'minutes',
    definition: '90th percentile of time from creation to the last `resolved`.',
    needs: ['created', 'resolved'],
    compute: (context) => quantile(resolutionTimes(context), 0.9),
  },
  {
    id: 'handle_time_mean',
    unit: 'minutes',
    definition: 'Mean agent working time per handled ticket (sum of its work intervals, all tiers).',
    needs: ['work_started', 'work_ended'],
    compute: (context) => mean(context.tickets.filter((ticket) => ticket.workIntervals > 0).map((ticket) => ticket.handleTime)),
  },
  {
    id: 'queue_wait_mean',
    unit: 'minutes',
    definition:
      'Mean time a ticket waited in queues before agents took it, summed over tiers; abandoned tickets count their wait until they left; tickets still waiting at the end are left out.',
    needs: ['queued', 'assigned'],
    compute: (context) => {
      const waits: number[] = [];
      for (const ticket of context.tickets) {
        if (ticket.visits.length === 0) continue;
        const wait = ticketQueueWait(ticket);
        if (wait !== undefined) waits.push(wait);
      }
      return mean(waits);
    },
  },
  {
    id: 'waited_share',
    unit: 'share',
    definition: 'Share of queued tickets that waited in a queue at all (any tier).',
    needs: ['queued', 'assigned'],
    compute: (context) => {
      const queued = context.tickets.filter((ticket) => ticket.visits.length > 0);
      return share(queued, ticketWaited);
    },
  },
  {
    id: 'service_level',
    unit: 'share',
    definition:
      'Share of tickets taken by an agent within metrics.service_level_threshold of entering the first queue (abandoned ones miss).',
    needs: ['queued', 'assigned'],
    compute: (context) => {
      const firstVisits: QueueVisit[] = [];
      for (const ticket of context.tickets) if (ticket.visits[0] !== undefined) firstVisits.push(ticket.visits[0]);
      return serviceLevel(firstVisits, context.options.serviceLevelThreshold, context.window.measureTo);
    },
  },
  {
    id: 'abandonment_rate',
    unit: 'share',
    definition: 'Tickets abandoned by the customer before an answer / tickets created.',
    needs: ['created'],
    compute: (context) => share(context.tickets, (ticket) => ticket.abandonedAt !== undefined),
  },
  {
    id: 'escalation_rate',
    unit: 'share',
    definition: 'Tickets escalated at least once / tickets created.',
    needs: ['created'],
    compute: (context) => share(context.tickets, (ticket) => ticket.escalations > 0),
  },
  {
    id: 'utilization',
    unit: 'share',
    definition: 'Agent busy time / agent on-shift time, all agents, inside the measured window.',
    needs: ['shift_started', 'work_started'],
    compute: (context) => utilization(context.agents),
  },
];

/** Per-tier KPIs, reported as `tiers.<tier>.<id>`. */
export const TIER_KPI_CATALOG: readonly TierKpiDefinition[] = [
  {
    id: 'tickets_queued',
    unit: 'tickets',
    definition: 'Queue entries at this tier by measured tickets.',
    needs: ['queued'],
    compute: (context, tier) => (context.visitsByTier.get(tier) ?? []).length,
  },
  {
    id: 'queue_wait_mean',
    unit: 'minutes',
    definition: 'Mean wait in this tier’s queue per entry (until taken or abandoned).',
    needs: ['queued', 'assigned'],
    compute: (context, tier) => {
      const waits: number[] = [];
      for (const visit of context.visitsByTier.get(tier) ?? []) {
        const wait = visitWait(visit);
        if (wait !== undefined) waits.push(wait);
      }
      return mean(waits);
    },
  },
  {
    id: 'waited_share',
    unit: 'share',
    definition: 'Share of entries to this tier’s queue that waited at all.',
    needs: ['queued', 'assigned'],
    compute: (context, tier) => share(context.visitsByTier.get(tier) ?? [], visitWaited),
  },
  {
    id: 'service_level',
    unit: 'share',
    definition: 'Share of entries to this tier’s queue taken within metrics.service_level_threshold.',
    needs: ['queued', 'assigned'],
    compute: (context, tier) =>
      serviceLevel(context.visitsByTier.get(tier) ?? [], context.options.serviceLevelThreshold, context.window.measureTo),
  },
  {
    id: 'abandonment_rate',
    unit: 'share',
    definition: 'Share of entries to this tier’s queue that ended in abandonment.',
    needs: ['queued'],
    compute: (context, tier) => share(context.visitsByTier.get(tier) ?? [], (visit) => visit.abandonedAt !== undefined),
  },
  {
    id: 'utilization',
    unit: 'share',
    definition: 'Busy time / on-shift time of this tier’s agents, inside the measured window.',
    needs: ['shift_started', 'work_started'],
    compute: (context, tier) => utilization(context.agents.filter((agent) => agent.tier === tier)),
  },
];
