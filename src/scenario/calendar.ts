/**
 * The scenario's clock on the engine's local time: the local-time table and the opening hours
 * (`clock.business_hours`) over its horizon. The model builds its desk on them; the metric
 * definitions of a real log take their business-hours clock from them without building a desk.
 */
import { BusinessCalendar, LocalTimeTable } from '../engine/local-time.js';
import type { Scenario } from './schema.js';

const MINUTES_PER_DAY = 24 * 60;

/** The scenario's local time: `clock.start` in `clock.timezone`, tabulated over its horizon. */
export function scenarioLocalTime(scenario: Scenario): LocalTimeTable {
  return new LocalTimeTable(scenario.clock.start, scenario.clock.timezone, scenario.horizon.days * MINUTES_PER_DAY);
}

/** The scenario's opening hours (`clock.business_hours`; none means always open) from its start to its horizon. */
export function scenarioBusinessHours(
  scenario: Scenario,
  time: LocalTimeTable = scenarioLocalTime(scenario),
): BusinessCalendar {
  return new BusinessCalendar(time, scenario.clock.business_hours, 0, scenario.horizon.days * MINUTES_PER_DAY);
}
