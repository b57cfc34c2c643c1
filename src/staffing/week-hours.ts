/**
 * Waits and service level by the hour of the week a ticket arrived: the first replication's
 * measured tickets folded onto hour of day × weekday (local time), for the run report's heat
 * map. The wait is the ticket's total queue wait over tiers; the service level is the share
 * whose total wait was within `metrics.service_level_threshold`, abandoned tickets counting
 * as missed — close to, not the same as, the `service_level` KPI (which times the first
 * queue only).
 */
import { LocalTimeTable } from '../engine/local-time.js';
import type { Scenario } from '../scenario/schema.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** One hour × weekday cell. */
export interface WeekHourCell {
  weekday: string;
  hour: number;
  /** Tickets that arrived in this hour and queued. */
  tickets: number;
  /** Their mean total queue wait, minutes (null without tickets). */
  meanWait: number | null;
  /** Their share taken within the threshold (null without tickets). */
  serviceLevel: number | null;
}

/** Folds tickets onto the week; cells with no queued ticket are left out. */
export function weekHourCells(
  arrivals: { created: Float64Array; wait: Float64Array; abandoned: Uint8Array },
  scenario: Scenario,
): WeekHourCell[] {
  const horizon = scenario.horizon.days * 24 * 60;
  const time = new LocalTimeTable(scenario.clock.start, scenario.clock.timezone, horizon);
  const threshold = scenario.metrics.service_level_threshold;
  const count = new Float64Array(168);
  const waited = new Float64Array(168);
  const within = new Float64Array(168);
  for (let index = 0; index < arrivals.created.length; index++) {
    const wait = arrivals.wait[index]!;
    if (Number.isNaN(wait)) continue;
    const created = arrivals.created[index]!;
    const cell = time.dayOfWeek(created) * 24 + Math.floor(time.minuteOfDay(created) / 60);
    count[cell]!++;
    waited[cell]! += wait;
    if (arrivals.abandoned[index] === 0 && wait <= threshold) within[cell]!++;
  }
  const cells: WeekHourCell[] = [];
  for (let cell = 0; cell < 168; cell++) {
    if (count[cell] === 0) continue;
    cells.push({
      weekday: WEEKDAYS[Math.floor(cell / 24)]!,
      hour: cell % 24,
      tickets: count[cell]!,
      meanWait: waited[cell]! / count[cell]!,
      serviceLevel: within[cell]! / count[cell]!,
    });
  }
  return cells;
}
