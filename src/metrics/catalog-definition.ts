/**
 * What a KPI of the catalog is (its definition, unit, range, direction) and what it reads: the metric
 * options, SLA policy, cost rates and the metric context built once per log.
 */
import type { EventType, LogWindow } from '../eventlog/types.js';
import type { AgentRecord, Ledger } from './ledger.js';

export const MINUTES_PER_DAY = 24 * 60;

/** Unit of a KPI value. Durations are minutes, rates are shares in 0..1. */
export type KpiUnit = 'tickets' | 'minutes' | 'share' | 'ratio' | 'currency' | 'score' | 'agents';

/** Metric definition choices (the scenario's `metrics:` section, or a user's for a real log). */
export interface MetricOptions {
  /** `service_level` counts tickets taken by an agent within this many minutes. */
  serviceLevelThreshold: number;
  /** `reopen_rate` counts reopens within this many minutes of the resolution. */
  reopenWindow: number;
  /**
   * `fcr_rate`, `repeat_contact_rate`: a new ticket from the same customer and category
   * within this many minutes of the resolution (or creation, if unresolved) is a repeat
   * contact. Default 7 days.
   */
  fcrWindow?: number;
  /** Whether an automatic reply counts as the first response (default: no). */
  autoReplyCountsAsResponse?: boolean;
  /** Whether waits on the customer count in resolution times (default: yes). */
  countPendingTime?: boolean;
  /** Minutes between two times for first response and resolution times (default: calendar). */
  durationClock?: (from: number, to: number) => number;
  /** Cost rates (a log does not carry them); without them cost KPIs are null. */
  costs?: CostRates;
  /** SLA policy; without it SLA KPIs are null. */
  sla?: SlaPolicy;
  /**
   * Tier ids of automation tiers (AI agents, bots: the scenario's `automation`); without any,
   * the automation KPIs are null. A log does not say which tier is a bot.
   */
  automationTiers?: readonly string[];
}

/** SLA targets per priority, and the clock they run on. */
export interface SlaPolicy {
  /** Minutes, by priority id; a priority missing here has no SLA. */
  targets: Record<string, { firstResponse?: number; resolution?: number }>;
  /** Minutes on the SLA clock between two times: `to − from` (calendar) or business minutes. */
  clock: (from: number, to: number) => number;
  /** Waits on the customer (pending → resumed) do not count toward the resolution target. */
  pauseWhenPending: boolean;
}

/** What the desk pays: agents per on-shift hour by tier, plus overheads. */
export interface CostRates {
  hourlyByTier: Record<string, number>;
  /**
   * Cost of replacing one agent (recruiting, training), charged when the agent leaves
   * (`agent_left`): the replacement is set in motion then, and a hiring delay of weeks would
   * otherwise keep it outside most measured windows. 0 if not given.
   */
  perHire?: number;
  /**
   * Extra pay of an overtime hour (on-shift time opened by `shift_started`, kind `overtime`), as a share of the tier's
   * rate.
   */
  overtimePremium?: number;
  perTicket: number;
  fixedMonthly: number;
  /** Cost of each conversation an automation tier takes, by its tier id (a queue visit there). */
  perConversationByTier?: Record<string, number>;
}

/** Minutes in an average month (365.25 / 12 days), for prorating fixed monthly costs. */
export const MINUTES_PER_MONTH = (365.25 / 12) * 24 * 60;

/**
 * Total cost of the measured window: paid agent time (every on-shift minute, busy or not,
 * and paid absence, at its tier's rate; overtime with its premium), the replacement of
 * agents who left, overhead per created ticket, the fixed monthly cost prorated, and
 * automation tiers' conversations at their price.
 */
export function totalCost(context: MetricContext): number | null {
  const rates = context.options.costs;
  if (rates === undefined) return null;
  let cost = 0;
  const premium = rates.overtimePremium ?? 0;
  for (const agent of context.agents) {
    const hourly = rates.hourlyByTier[agent.tier ?? ''] ?? 0;
    cost += ((agent.onShiftTime + agent.absentTime + premium * agent.overtimeTime) / 60) * hourly;
  }
  cost += (rates.perHire ?? 0) * context.ledger.agentsLeft;
  cost += rates.perTicket * context.tickets.length;
  for (const [tier, rate] of Object.entries(rates.perConversationByTier ?? {}))
    cost += rate * (context.visitsByTier.get(tier)?.length ?? 0);
  cost += rates.fixedMonthly * ((context.window.measureTo - context.window.measureFrom) / MINUTES_PER_MONTH);
  return cost;
}

/** Everything a KPI may read. Built once per log (and per segment) by the metric engine. */
export interface MetricContext {
  /** The folded log (columns indexed by ticket and by queue visit). */
  ledger: Ledger;
  /** Ticket indices created in the measured window, in creation order (of the segment, if any). */
  tickets: Int32Array;
  /**
   * Every ticket of the log (of the segment), warm-up included: backlog is a state of the
   * desk, and a ticket opened in the warm-up and still open later is part of it.
   */
  allTickets: Int32Array;
  agents: AgentRecord[];
  /** Queue visits of measured tickets, by tier id. */
  visitsByTier: Map<string, Int32Array>;
  window: LogWindow;
  options: MetricOptions;
  /** Derived samples shared by several KPIs (mean, p50, p90 of one sample), computed once. */
  samples: Map<string, Float64Array>;
  /** Per-ticket columns of the whole log, shared by every context built from it (`log-columns.ts`). */
  columns: LogColumns;
}

/**
 * Per-ticket facts derived from a whole log — a flag or a value per ticket row — each built
 * once, on first use, by its own loop over every row (`src/metrics/log-columns.ts`), and
 * shared by every context built from the log with the same options: the desk-wide one, each
 * segment's, each day's cohort. A KPI is then one monomorphic pass over its context's tickets
 * reading a typed column, not a callback per ticket per context.
 */
export class LogColumns {
  private readonly built = new Map<string, object>();
  /**
   * Ticket-scope KPI values over every measured ticket, by KPI id: the desk-wide KPIs and a segment holding every
   * ticket (the only channel, priority or tier) have the same, computed once by whichever comes first.
   */
  readonly everyTicketValues = new Map<string, number | null>();
  constructor(
    readonly ledger: Ledger,
    readonly options: MetricOptions,
  ) {}

  /** The column (or columns built together) of `key`, built by `build` the first time it is asked for. */
  column<T extends object>(key: string, build: () => T): T {
    let column = this.built.get(key) as T | undefined;
    if (column === undefined) {
      column = build();
      this.built.set(key, column);
    }
    return column;
  }
}

/**
 * What a KPI is computed from, which decides how it can be segmented: `ticket` KPIs by any
 * ticket attribute (channel, category, priority, tier, agent, day); `agent` KPIs (agent time)
 * by tier and agent; `desk` KPIs (costs, deflections, turnover) only desk-wide.
 */
export type KpiScope = 'ticket' | 'agent' | 'desk';

/** The values a KPI can take: [min, max], either end infinite. Intervals are kept inside it. */
export type KpiRange = readonly [number, number];

/** Which way a KPI is better: `lower` when a smaller value is, `higher` when a larger one is. */
export type KpiDirection = 'lower' | 'higher';

/** The truth KPI (simulation only) an observed KPI claims to measure, read beside it. */
export interface TruthCounterpart {
  /** The truth KPI's id. */
  kpi: string;
  /** What both measure, in words (the dashboard chart's row for the pair). */
  measure: string;
}

/** The facts every KPI carries, desk-wide or per tier. */
interface KpiFacts<Id extends string> {
  id: Id;
  /** Its human name in reports and charts ("First response time, 90th percentile"). */
  label: string;
  unit: KpiUnit;
  /**
   * Which way is better for the customers and the desk, as management reads a dashboard (the
   * direction pressure on it pushes); null for volumes and loads that are neither good nor
   * bad in themselves (tickets created, utilization).
   */
  better: KpiDirection | null;
  definition: string;
  needs: readonly EventType[];
  /** Possible values; default by unit (`unitRange`). Intervals are kept inside it. */
  range?: KpiRange;
  /**
   * For a KPI over finished tickets only (a time): the id of the KPI giving the share of
   * tickets left out because they had not finished at the end of observation (censored).
   */
  unfinished?: string;
}

/**
 * A desk-wide KPI. `compute` returns null when the log cannot say (e.g. nothing to average).
 * Its `scope` decides which segments report it (`segments.ts`).
 */
export interface KpiDefinition<Id extends string = string> extends KpiFacts<Id> {
  /** Default `ticket`. */
  scope?: KpiScope;
  /** Its column among the cohort KPIs of the daily series (1 = first), if it has one. */
  daily?: number;
  /** The truth KPI to read this observed KPI against, if any. */
  truth?: TruthCounterpart;
  compute(context: MetricContext): number | null;
}

/** A KPI computed for each tier, reported as `tiers.<tier>.<id>`. */
export interface TierKpiDefinition<Id extends string = string> extends KpiFacts<Id> {
  compute(context: MetricContext, tier: string): number | null;
}

/** Possible values of a KPI of this unit: shares in [0, 1]; durations, counts, costs and ratios ≥ 0. */
export function unitRange(unit: KpiUnit | string): KpiRange {
  return unit === 'share'
    ? [0, 1]
    : unit === 'score'
      ? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]
      : [0, Number.POSITIVE_INFINITY];
}
