/**
 * The KPI catalog (docs/contracts.md#kpis): each KPI declared once, as data — id, unit, one-line
 * definition, the event types it needs, and how to compute it from the ledger. Desk-wide KPIs
 * are declared by family in `catalog-*.ts` (volume and times, quality, capacity and cost,
 * satisfaction, workforce and automation, truth) and assembled here in report order; adding a
 * KPI touches its family's file only. Desk-wide KPIs and per-tier KPIs (`tiers.<id>.<kpi>`)
 * are two registries of the same shape.
 */
import { serviceLevel, tierVisits, utilization } from './catalog-backlog.js';
import { CAPACITY_AND_COST_KPIS } from './catalog-capacity-cost.js';
import {
  type KpiDefinition,
  type KpiDirection,
  type KpiRange,
  type TierKpiDefinition,
  type TruthCounterpart,
  unitRange,
} from './catalog-definition.js';
import { QUALITY_KPIS } from './catalog-quality.js';
import { SATISFACTION_KPIS } from './catalog-satisfaction.js';
import { visitShare } from './catalog-tickets.js';
import { TRUTH_KPI_CATALOG } from './catalog-truth.js';
import { VOLUME_AND_TIME_KPIS } from './catalog-volume-times.js';
import { WORKFORCE_AND_AUTOMATION_KPIS } from './catalog-workforce-automation.js';
import { parseKpiKey } from './kpi-key.js';
export { LogColumns, MINUTES_PER_MONTH, unitRange } from './catalog-definition.js';
export type {
  CostRates,
  KpiDefinition,
  KpiDirection,
  KpiRange,
  KpiScope,
  KpiUnit,
  MetricContext,
  MetricOptions,
  SlaPolicy,
  TierKpiDefinition,
  TruthCounterpart,
} from './catalog-definition.js';
export { firstResponseTime, resolutionTime } from './catalog-tickets.js';
export { openTicketCounts } from './catalog-backlog.js';
export { TRUTH_KPI_CATALOG } from './catalog-truth.js';
export type { TruthKpiId } from './catalog-truth.js';
export { slaBreachAt } from './catalog-sla.js';

const DESK_KPIS = [
  ...VOLUME_AND_TIME_KPIS,
  ...QUALITY_KPIS,
  ...CAPACITY_AND_COST_KPIS,
  ...SATISFACTION_KPIS,
  ...WORKFORCE_AND_AUTOMATION_KPIS,
  ...TRUTH_KPI_CATALOG,
] as const satisfies readonly KpiDefinition[];

/** The id of a desk-wide KPI: the catalog's ids, as a type. */
export type KpiId = (typeof DESK_KPIS)[number]['id'];

/** Desk-wide KPIs, in report order. */
export const KPI_CATALOG: readonly KpiDefinition<KpiId>[] = DESK_KPIS;

const TIER_KPIS = [
  {
    id: 'tickets_queued',
    label: 'Tickets queued',
    better: null,
    unit: 'tickets',
    definition: 'Queue entries at this tier by measured tickets.',
    needs: ['queued'],
    compute: (context, tier) => tierVisits(context, tier).length,
  },
  {
    id: 'queue_wait_mean',
    label: 'Queue wait, mean',
    better: 'lower',
    unit: 'minutes',
    definition:
      'Mean wait in this tier’s queue per entry (until taken or abandoned; entries still waiting at the end are left ' +
      'out).',
    needs: ['queued', 'assigned'],
    unfinished: 'queue_wait_unfinished_share',
    compute: (context, tier) => {
      const visits = tierVisits(context, tier);
      let sum = 0;
      let count = 0;
      for (let index = 0; index < visits.length; index++) {
        const wait = context.ledger.visitWait(visits[index]!);
        if (!Number.isNaN(wait)) {
          sum += wait;
          count++;
        }
      }
      return count === 0 ? null : sum / count;
    },
  },
  {
    id: 'queue_wait_unfinished_share',
    label: 'Still waiting in a queue at the end',
    better: 'lower',
    unit: 'share',
    definition:
      'Share of entries to this tier’s queue still waiting at the end of observation (left out of its ' +
      'queue_wait_mean).',
    needs: ['queued', 'assigned'],
    compute: (context, tier) =>
      visitShare(context, tierVisits(context, tier), (ledger, visit) => Number.isNaN(ledger.visitWait(visit))),
  },
  {
    id: 'waited_share',
    label: 'Tickets that waited',
    better: 'lower',
    unit: 'share',
    definition: 'Share of entries to this tier’s queue that waited at all.',
    needs: ['queued', 'assigned'],
    compute: (context, tier) =>
      visitShare(context, tierVisits(context, tier), (ledger, visit) => ledger.visitWaited(visit)),
  },
  {
    id: 'service_level',
    label: 'Service level',
    better: 'higher',
    unit: 'share',
    definition: 'Share of entries to this tier’s queue taken within metrics.service_level_threshold.',
    needs: ['queued', 'assigned'],
    compute: (context, tier) =>
      serviceLevel(context.ledger, tierVisits(context, tier), context.options.serviceLevelThreshold),
  },
  {
    id: 'abandonment_rate',
    label: 'Abandonment rate',
    better: 'lower',
    unit: 'share',
    definition: 'Share of entries to this tier’s queue that ended in abandonment.',
    needs: ['queued', 'abandoned'],
    compute: (context, tier) =>
      visitShare(context, tierVisits(context, tier), (ledger, visit) => !Number.isNaN(ledger.visitAbandonedAt[visit]!)),
  },
  {
    id: 'utilization',
    label: 'Agent utilization',
    better: null,
    unit: 'share',
    definition: 'Busy time / on-shift time of this tier’s agents, inside the measured window.',
    needs: ['shift_started', 'work_started'],
    compute: (context, tier) => utilization(context.agents.filter((agent) => agent.tier === tier)),
  },
] as const satisfies readonly TierKpiDefinition[];

/** The id of a per-tier KPI (`tiers.<tier>.<id>`). */
export type TierKpiId = (typeof TIER_KPIS)[number]['id'];

/** Per-tier KPIs, reported as `tiers.<tier>.<id>`. */
export const TIER_KPI_CATALOG: readonly TierKpiDefinition<TierKpiId>[] = TIER_KPIS;

// --- facts by key ---------------------------------------------------------------

/** The definition a key names (`tiers.<tier>.<kpi>`: the per-tier KPI); undefined for no KPI. */
export function findKpi(key: string): KpiDefinition<KpiId> | TierKpiDefinition<TierKpiId> | undefined {
  const { kpi, tier } = parseKpiKey(key);
  const catalog: ReadonlyArray<KpiDefinition<KpiId> | TierKpiDefinition<TierKpiId>> =
    tier === undefined ? KPI_CATALOG : TIER_KPI_CATALOG;
  return catalog.find((entry) => entry.id === kpi);
}

/** Whether a desk-wide id is a KPI of the catalog (and so typed). */
export function isKpiId(id: string): id is KpiId {
  return KPI_CATALOG.some((entry) => entry.id === id);
}

/** The range of a KPI by key (`tiers.<tier>.<kpi>` included); unknown keys: unbounded. */
export function kpiRange(key: string): KpiRange {
  const kpi = findKpi(key);
  return kpi === undefined ? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY] : (kpi.range ?? unitRange(kpi.unit));
}

/** The better direction of a KPI by key (`tiers.<tier>.<kpi>` included), if it has one. */
export function kpiDirection(key: string): KpiDirection | undefined {
  return findKpi(key)?.better ?? undefined;
}

/** Whether a change of this sign is an improvement (true), a deterioration (false), or neither is known. */
export function isImprovement(key: string, change: number): boolean | undefined {
  const direction = kpiDirection(key);
  if (direction === undefined || change === 0) return undefined;
  return direction === 'lower' ? change < 0 : change > 0;
}

/** Ids of the truth KPIs (simulation only), which reports set apart. */
export const TRUTH_KPI_IDS: ReadonlySet<string> = new Set<string>(TRUTH_KPI_CATALOG.map((kpi) => kpi.id));

/** Observed KPIs that have a truth counterpart, with it, in the truth catalog's order (true resolution rate first). */
export const TRUTH_PAIRS: ReadonlyArray<{ observed: KpiId; truth: TruthCounterpart }> = TRUTH_KPI_CATALOG.flatMap(
  (truth) =>
    KPI_CATALOG.flatMap((kpi) => (kpi.truth?.kpi === truth.id ? [{ observed: kpi.id, truth: kpi.truth }] : [])),
);

/** Cohort KPIs of the daily series, in column order. */
export const DAILY_KPIS: readonly KpiId[] = KPI_CATALOG.filter((kpi) => kpi.daily !== undefined)
  .sort((a, b) => a.daily! - b.daily!)
  .map((kpi) => kpi.id);
