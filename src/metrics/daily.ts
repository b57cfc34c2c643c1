/**
 * Daily series: one row per calendar day of the measured window (days counted from the
 * log's origin). Three kinds of column:
 *
 * - the day's cohort — KPIs of the tickets created that day, those the catalog marks `daily`,
 *   with its own definitions (volume, first response, resolution, abandonment, SLA, CSAT, truth). Recent
 *   cohorts are censored: a ticket still open at the end has no resolution time yet;
 * - the desk's state and flow — `resolved` (tickets whose last resolution fell that day) and
 *   `backlog` (open tickets at the end of the day, or of observation);
 * - per tier — utilization that day (busy / on-shift minutes of its agents) and the mean
 *   wait of queue entries made that day.
 */
import { DAILY_KPIS, KPI_CATALOG, LogColumns, openTicketCounts, type MetricOptions } from './catalog.js';
import { buildContext, computable } from './engine.js';
import type { AgentRecord, Ledger } from './ledger.js';
import { formatKpiKey } from './kpi-key.js';

const MINUTES_PER_DAY = 24 * 60;

/** The daily series of one log: `columns` name the values of each row. */
export interface DailySeries {
  /**
   * `day`, `start`, `resolved`, `backlog`, `utilization`, the cohort KPIs, then `tiers.<id>.utilization` and
   * `tiers.<id>.queue_wait_mean`.
   */
  columns: string[];
  rows: Array<Array<number | string | null>>;
}

function utilizationOn(agents: AgentRecord[], day: number): number | null {
  let busy = 0;
  let onShift = 0;
  for (const agent of agents) {
    busy += agent.busyByDay[day] ?? 0;
    onShift += agent.onShiftByDay[day] ?? 0;
  }
  return onShift > 0 ? busy / onShift : null;
}

/**
 * The daily series of a log. `tiers` lists the tiers to report (default: those in the log); every day's cohort
 * reads the same per-ticket columns of the log (`shared`: those of the desk-wide KPIs, if given).
 */
export function computeDaily(
  ledger: Ledger,
  options: MetricOptions,
  tiers: readonly string[] = ledger.tiers.values,
  shared: LogColumns = new LogColumns(ledger, options),
): DailySeries {
  ledger.finish();
  const { measureFrom, measureTo, originEpochMs } = ledger.window;
  const firstDay = Math.floor(measureFrom / MINUTES_PER_DAY);
  const lastDay = Math.max(firstDay, Math.ceil(measureTo / MINUTES_PER_DAY) - 1);
  const dayCount = lastDay - firstDay + 1;
  const dayOf = (time: number) => Math.floor(time / MINUTES_PER_DAY) - firstDay;

  // Each day's cohort, in row order: counted, then placed, in one typed array (a view per day).
  const cohortStarts = new Int32Array(dayCount + 1);
  const resolved = new Array<number>(dayCount).fill(0);
  for (let ticket = 0; ticket < ledger.ticketCount; ticket++) {
    const created = ledger.createdAt[ticket]!;
    if (created >= measureFrom && created < measureTo) cohortStarts[dayOf(created) + 1]!++;
    const resolvedAt = ledger.lastResolvedAt[ticket]!;
    if (resolvedAt >= measureFrom && resolvedAt < measureTo) resolved[dayOf(resolvedAt)]!++;
  }
  for (let index = 0; index < dayCount; index++) cohortStarts[index + 1]! += cohortStarts[index]!;
  const cohortRows = new Int32Array(cohortStarts[dayCount]!);
  const placed = cohortStarts.slice(0, dayCount);
  const allTickets = new Int32Array(ledger.ticketCount);
  for (let ticket = 0; ticket < ledger.ticketCount; ticket++) {
    allTickets[ticket] = ticket;
    const created = ledger.createdAt[ticket]!;
    if (created >= measureFrom && created < measureTo) cohortRows[placed[dayOf(created)]!++] = ticket;
  }
  const dayEnds = Array.from({ length: dayCount }, (_, index) =>
    Math.min((firstDay + index + 1) * MINUTES_PER_DAY, measureTo),
  );
  const backlog = openTicketCounts(ledger, allTickets, dayEnds);

  const agents = [...ledger.agents.values()];
  const hasShifts = ledger.seenTypes.has('shift_started');
  // Mean wait of each tier's queue entries of each day: sums and counts in visit order (a mean of the day's list).
  const waitSums = new Float64Array(tiers.length * dayCount);
  const waitCounts = new Int32Array(tiers.length * dayCount);
  const tierIndex = new Map(tiers.map((tier, index) => [tier, index]));
  // Reported tier of each tier code (−1: not reported); a visit without a tier reads as tier ''.
  const reportedTier = Int32Array.from(ledger.tiers.values, (tier) => tierIndex.get(tier) ?? -1);
  const untiered = tierIndex.get('') ?? -1;
  for (let visit = 0; visit < ledger.visitCount; visit++) {
    const ticket = ledger.visitTicket[visit]!;
    const created = ledger.createdAt[ticket]!;
    if (!(created >= measureFrom && created < measureTo)) continue;
    const code = ledger.visitTier[visit]!;
    const index = code < 0 ? untiered : reportedTier[code]!;
    const wait = ledger.visitWait(visit);
    const queuedAt = ledger.visitQueuedAt[visit]!;
    if (index < 0 || Number.isNaN(wait) || queuedAt >= measureTo) continue;
    const cell = index * dayCount + dayOf(queuedAt);
    waitSums[cell]! += wait;
    waitCounts[cell]!++;
  }

  const cohortKpis = DAILY_KPIS.map((id) => KPI_CATALOG.find((kpi) => kpi.id === id)!);
  const columns = [
    'day',
    'start',
    'resolved',
    'backlog',
    'utilization',
    ...DAILY_KPIS,
    ...tiers.flatMap((tier) => [
      formatKpiKey({ tier, kpi: 'utilization' }),
      formatKpiKey({ tier, kpi: 'queue_wait_mean' }),
    ]),
  ];
  const rows: DailySeries['rows'] = [];
  for (let index = 0; index < dayCount; index++) {
    const day = firstDay + index;
    const cohort = cohortRows.subarray(cohortStarts[index]!, cohortStarts[index + 1]!);
    const context = buildContext(ledger, options, { tickets: cohort, allTickets: cohort, agents: [] }, shared);
    rows.push([
      day + 1,
      new Date(originEpochMs + day * MINUTES_PER_DAY * 60_000).toISOString(),
      resolved[index]!,
      backlog[index]!,
      hasShifts ? utilizationOn(agents, day) : null,
      ...cohortKpis.map((kpi) =>
        cohort.length === 0 && kpi.id !== 'tickets_created'
          ? null
          : computable(ledger, kpi.needs)
            ? kpi.compute(context)
            : null,
      ),
      ...tiers.flatMap((tier, tierNumber) => [
        hasShifts
          ? utilizationOn(
              agents.filter((agent) => agent.tier === tier),
              day,
            )
          : null,
        waitCounts[tierNumber * dayCount + index]! === 0
          ? null
          : waitSums[tierNumber * dayCount + index]! / waitCounts[tierNumber * dayCount + index]!,
      ]),
    ]);
  }
  return { columns, rows };
}
