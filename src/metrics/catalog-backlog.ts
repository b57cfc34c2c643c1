/**
 * Backlog, service level, trend and utilization quantities the KPIs share.
 */
import type { LogWindow } from '../eventlog/types.js';
import { type MetricContext, MINUTES_PER_DAY } from './catalog-definition.js';
import type { AgentRecord, Ledger } from './ledger.js';
import { openAtEndFlags } from './log-columns.js';

/**
 * Times at which the backlog is sampled: every midnight (the end of a day, counted from
 * minute 0) after the start of the measured window and up to its end; the end itself if
 * the window holds no midnight.
 */
export function backlogSampleTimes(window: LogWindow): number[] {
  const times: number[] = [];
  for (let day = Math.floor(window.measureFrom / MINUTES_PER_DAY) + 1; day * MINUTES_PER_DAY <= window.measureTo; day++)
    times.push(day * MINUTES_PER_DAY);
  return times.length === 0 ? [window.measureTo] : times;
}

/**
 * Open tickets at each time of `times` (ascending): a ticket is open from its creation until
 * it is resolved, abandoned or closed, and again from each reopen. One pass over the
 * tickets with a difference array, not a scan per sample.
 */
export function openTicketCounts(ledger: Ledger, tickets: ArrayLike<number>, times: readonly number[]): number[] {
  const counts = new Float64Array(times.length + 1);
  // First sample index at or after `time` (binary search).
  const firstAtOrAfter = (time: number) => {
    let low = 0;
    let high = times.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (times[middle]! < time) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const addInterval = (start: number, end: number) => {
    const from = firstAtOrAfter(start);
    const to = Number.isNaN(end) ? times.length : firstAtOrAfter(end);
    if (to > from) {
      counts[from]!++;
      counts[to]!--;
    }
  };
  for (let index = 0; index < tickets.length; index++) {
    const ticket = tickets[index]!;
    addInterval(ledger.createdAt[ticket]!, ledger.doneAt[ticket]!);
    const reopenings = ledger.reopeningsOf(ticket);
    if (reopenings !== undefined)
      for (let at = 0; at < reopenings.length; at += 2) addInterval(reopenings[at]!, reopenings[at + 1] ?? Number.NaN);
  }
  const result: number[] = [];
  let running = 0;
  for (let index = 0; index < times.length; index++) result.push((running += counts[index]!));
  return result;
}

/** Ages of the tickets open at the end of observation, computed once per context. */
export function openAges(context: MetricContext): Float64Array {
  let ages = context.samples.get('open_ages');
  if (ages === undefined) {
    const { ledger, allTickets } = context;
    const end = context.window.measureTo;
    const open = openAtEndFlags(context);
    const values = new Float64Array(allTickets.length);
    let count = 0;
    for (let index = 0; index < allTickets.length; index++) {
      const ticket = allTickets[index]!;
      if (open[ticket] === 1) values[count++] = end - ledger.createdAt[ticket]!;
    }
    ages = values.slice(0, count);
    context.samples.set('open_ages', ages);
  }
  return ages;
}

/** Open tickets of the context at each backlog sample time (`backlogSampleTimes`), once per context. */
export function backlogSamples(context: MetricContext): Float64Array {
  let counts = context.samples.get('backlog');
  if (counts === undefined) {
    counts = Float64Array.from(
      openTicketCounts(context.ledger, context.allTickets, backlogSampleTimes(context.window)),
    );
    context.samples.set('backlog', counts);
  }
  return counts;
}
export const hasVisits = (ledger: Ledger, ticket: number) => ledger.firstVisit[ticket]! >= 0;

export function tierVisits(context: MetricContext, tier: string): Int32Array {
  return context.visitsByTier.get(tier) ?? new Int32Array(0);
}

/**
 * Service level: taken within the threshold counts as met; taken later, abandoned, or still
 * waiting at the end of observation count as missed. A ticket still waiting was not taken
 * within target as far as anyone can tell: leaving it out would flatter an overloaded desk,
 * whose unanswered tickets are exactly the ones it failed.
 */
export function serviceLevel(ledger: Ledger, visits: ArrayLike<number>, threshold: number): number | null {
  let met = 0;
  for (let index = 0; index < visits.length; index++) {
    const visit = visits[index]!;
    const assignedAt = ledger.visitAssignedAt[visit]!;
    if (!Number.isNaN(assignedAt) && assignedAt - ledger.visitQueuedAt[visit]! <= threshold) met++;
  }
  return visits.length === 0 ? null : met / visits.length;
}

/** Least-squares slope of `values` against `times` (minutes), per day; null for fewer than two points. */
export function slopePerDay(times: readonly number[], values: ArrayLike<number>): number | null {
  if (times.length < 2) return null;
  const meanTime = times.reduce((sum, time) => sum + time, 0) / times.length;
  let valueSum = 0;
  for (let index = 0; index < values.length; index++) valueSum += values[index]!;
  const meanValue = valueSum / values.length;
  let covariance = 0;
  let variance = 0;
  for (let index = 0; index < times.length; index++) {
    covariance += (times[index]! - meanTime) * (values[index]! - meanValue);
    variance += (times[index]! - meanTime) ** 2;
  }
  return (covariance / variance) * MINUTES_PER_DAY;
}

export function utilization(agents: AgentRecord[]): number | null {
  let busy = 0;
  let onShift = 0;
  for (const agent of agents) {
    busy += agent.busyTime;
    onShift += agent.onShiftTime;
  }
  return onShift > 0 ? busy / onShift : null;
}
