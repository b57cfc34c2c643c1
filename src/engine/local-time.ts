/**
 * Wall-clock calendars on the simulation clock.
 *
 * The simulation clock counts (fractional) minutes since a start instant.
 * {@link LocalTimeTable} maps it to local time in an IANA time zone with O(1)
 * lookups (the zone's UTC offsets are tabulated once, at construction);
 * {@link windowIntervals} turns weekly windows such as "Mon–Fri 09:00–17:00"
 * into on-intervals of the simulation clock; {@link BusinessCalendar} answers
 * "is it open?" and "how many open minutes between a and b?" in O(log n).
 */
export {
  isIsoDateTime,
  LocalTimeError,
  LocalTimeTable,
  parseIsoDateTime,
  utcOffsetReader,
} from './local-time-table.js';
export type { IsoParts } from './local-time-table.js';
export { BusinessCalendar, weekdays, windowIntervals, windowProblems } from './business-calendar.js';
export type { Weekday, WeeklyWindow } from './business-calendar.js';
