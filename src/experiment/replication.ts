/**
 * One replication: simulate, fold the event stream into a ledger, compute the KPIs. This
 * module is what a worker thread loads, so it stays light: no zod, no jstat.
 */
import { EVENT_TYPES, type EventSink } from '../eventlog/types.js';
import { TeeSink } from '../eventlog/types.js';
import { LogColumns, type MetricOptions } from '../metrics/catalog.js';
import { computeKpis, ticketRows, type KpiTable } from '../metrics/engine.js';
export { ticketRows } from '../metrics/engine.js';
import { computeDaily, type DailySeries } from '../metrics/daily.js';
import { Ledger } from '../metrics/ledger.js';
import { computeSegments, type Segment, type SegmentFilter } from '../metrics/segments.js';
import type { BusinessCalendar } from '../engine/local-time.js';
import type { DeskModel } from '../model/build.js';
import { simulate, type SimulationResult } from '../model/simulate.js';
import type { Scenario } from '../scenario/schema.js';
import { formatTicketCsv, ticketCsvText } from './ticket-csv.js';

/** What a replication computes beyond its KPIs: nothing, segments and daily series (true), or some segments only. */
export type Detail = boolean | SegmentFilter;

/** One replication's simulation facts and KPI values. */
export interface ReplicationOutcome {
  replication: number;
  simulation: SimulationResult;
  kpis: KpiTable;
  /** KPIs by channel, category, priority, tier and agent (when asked for). */
  segments?: Segment[];
  /** The daily series (when asked for). */
  daily?: DailySeries;
}

/** Metric definition choices of a built desk: its scenario's (`metrics:`, `sla:`, costs), on its opening hours. */
export function metricOptions(model: DeskModel): MetricOptions {
  return scenarioMetricOptions(model.scenario, model.businessHours);
}

/**
 * Metric definition choices taken from the scenario's sections (`metrics:`, `sla:`, costs),
 * with business-hours clocks on `businessHours` (`scenarioBusinessHours`): no desk needed, so
 * the metrics of a real log are defined the same way without building one.
 */
export function scenarioMetricOptions(scenario: Scenario, businessHours: BusinessCalendar): MetricOptions {
  const sla = scenario.sla;
  const targets = Object.fromEntries(
    Object.entries(sla.targets).map(([priority, target]) => [
      priority,
      { firstResponse: target.first_response, resolution: target.resolution },
    ]),
  );
  return {
    serviceLevelThreshold: scenario.metrics.service_level_threshold,
    reopenWindow: scenario.metrics.reopen_window_days * 24 * 60,
    fcrWindow: scenario.metrics.fcr_window_days * 24 * 60,
    autoReplyCountsAsResponse: scenario.metrics.auto_reply_counts_as_response,
    countPendingTime: scenario.metrics.count_pending_time,
    durationClock:
      scenario.metrics.clock === 'business' ? (from, to) => businessHours.businessMinutesBetween(from, to) : undefined,
    costs: {
      hourlyByTier: Object.fromEntries(scenario.tiers.map((tier) => [tier.id, tier.cost_per_hour])),
      perHire: scenario.costs.hiring,
      overtimePremium: scenario.costs.overtime_premium,
      perTicket: scenario.costs.per_ticket,
      fixedMonthly: scenario.costs.fixed_monthly,
      ...(scenario.automation.length === 0
        ? {}
        : {
            perConversationByTier: Object.fromEntries(
              scenario.automation.map((bot) => [bot.id, bot.cost_per_conversation]),
            ),
          }),
    },
    ...(scenario.automation.length === 0 ? {} : { automationTiers: scenario.automation.map((bot) => bot.id) }),
    sla:
      Object.keys(targets).length === 0
        ? undefined
        : {
            targets,
            clock:
              sla.clock === 'business'
                ? (from, to) => businessHours.businessMinutesBetween(from, to)
                : (from, to) => to - from,
            pauseWhenPending: sla.pause_when_pending,
          },
  };
}

/**
 * Simulates one replication and computes its KPIs from the event stream. Pass the ledger
 * of a previous replication to reuse its storage (it is reset first); `detail` adds the
 * segments and the daily series, or only the segments a filter names (a comparison's "who
 * pays" section, `who-pays.ts`).
 */
export function runReplication(
  model: DeskModel,
  replication: number,
  extraSink?: EventSink,
  reuse?: Ledger,
  detail: Detail = false,
): { outcome: ReplicationOutcome; ledger: Ledger } {
  const window = { originEpochMs: model.originEpochMs, measureFrom: model.measureFrom, measureTo: model.horizon };
  const expectedTickets = Math.ceil(model.arrivalRate.maxRate * model.horizon * 1.1);
  const ledger = reuse === undefined ? new Ledger(window, expectedTickets) : reuse.reset(window, expectedTickets);
  // The simulator records every event type: a replication without abandonments has a rate of 0.
  for (const type of EVENT_TYPES) ledger.recordedTypes.add(type);
  const sink = extraSink === undefined ? ledger : new TeeSink([ledger, extraSink]);
  const simulation = simulate(model, replication, sink);
  const options = metricOptions(model);
  const tiers = model.tiers.map((tier) => tier.id);
  // The KPIs, segments and daily series read one set of per-ticket columns, built once.
  const columns = new LogColumns(ledger, options);
  const kpis = computeKpis(ledger, options, tiers, columns);
  const outcome: ReplicationOutcome = { replication, simulation, kpis };
  if (typeof detail === 'object') {
    outcome.segments = computeSegments(ledger, options, detail, columns);
  } else if (detail) {
    outcome.segments = computeSegments(ledger, options, {}, columns);
    outcome.daily = computeDaily(ledger, options, tiers, columns);
  }
  return { outcome, ledger };
}

/** `tickets.csv` of a replication: one row per measured ticket (SLA breach instants with `options`). */
export function ticketTableCsv(ledger: Ledger, options?: MetricOptions): string {
  return ticketCsvText(ledger, options);
}

/** One resolved ticket: its priority and its resolution time in minutes. */
export interface ResolvedTicket {
  priority: string;
  minutes: number;
}

/**
 * A replication's ticket table as `tickets.csv`, and its resolved tickets as the report's resolution-time chart takes
 * them.
 */
export interface TicketTable {
  /** The text of `tickets.csv`; absent when it went straight to a file (`ticketTable`'s `csvSink`). */
  csv?: string;
  /**
   * Priority ('(none)' without one) and resolution time of each resolved ticket: the rows of `csv`, not parsed back
   * from it.
   */
  resolved: ResolvedTicket[];
  /** The rows themselves, when asked for (Parquet, every replication's tickets). */
  rows?: TicketRows;
  /**
   * Each measured ticket's creation minute, total queue wait (NaN if never queued) and whether it was abandoned, for
   * the hour × weekday heat map.
   */
  arrivals?: { created: Float64Array; wait: Float64Array; abandoned: Uint8Array };
}

/** The rows of a ticket table, as `ticketRows` gives them. */
export type TicketRows = ReturnType<typeof ticketRows>;

/**
 * The ticket table of the run's first replication: `tickets.csv` — as text, or handed to
 * `csvSink` chunk by chunk (a file: `withTextFile`) — and, from the same pass over the ledger's columns, the
 * report's resolved tickets and arrivals. `keepRows` also keeps the rows as objects.
 */
export function ticketTable(ledger: Ledger, options?: MetricOptions, keepRows?: boolean): TicketTable & { csv: string };
export function ticketTable(
  ledger: Ledger,
  options: MetricOptions | undefined,
  keepRows: boolean,
  csvSink: ((text: string) => void) | undefined,
): TicketTable;
export function ticketTable(
  ledger: Ledger,
  options?: MetricOptions,
  keepRows = false,
  csvSink?: (text: string) => void,
): TicketTable {
  ledger.finish();
  const measured = ledger.measuredIndices().length;
  const resolved: ResolvedTicket[] = [];
  const arrivals = {
    created: new Float64Array(measured),
    wait: new Float64Array(measured),
    abandoned: new Uint8Array(measured),
  };
  const priorities = ledger.priorities.values.map((priority) => (priority === '' ? '(none)' : priority));
  const visit = (row: number, ticket: number, resolution: number, queueWait: number, status: string) => {
    if (!Number.isNaN(resolution))
      resolved.push({ priority: priorities[ledger.priority[ticket]!] ?? '(none)', minutes: resolution });
    arrivals.created[row] = ledger.createdAt[ticket]!;
    arrivals.wait[row] = queueWait;
    arrivals.abandoned[row] = status === 'abandoned' ? 1 : 0;
  };
  let csv: string | undefined;
  if (csvSink === undefined) {
    const chunks: string[] = [];
    formatTicketCsv(ledger, options, (text) => chunks.push(text), visit);
    csv = chunks.join('');
  } else {
    formatTicketCsv(ledger, options, csvSink, visit);
  }
  return {
    ...(csv === undefined ? {} : { csv }),
    resolved,
    arrivals,
    ...(keepRows ? { rows: ticketRows(ledger, options) } : {}),
  };
}
