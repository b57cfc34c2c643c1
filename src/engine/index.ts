/**
 * The domain-free simulation engine: event calendar, random streams,
 * distributions, durations, local-time calendars and arrival processes.
 * Nothing here knows about help desks.
 */
export { EventCalendar } from './event-calendar.js';
export { SlotTimers } from './slot-timers.js';
export { selectRank } from './selection.js';
export { createStream, streamAlgorithm, type Rng } from './random.js';
export {
  createSampler,
  distributionNames,
  distributionProblems,
  DistributionError,
  gammaFunction,
  inverseNormalCdf,
  standardNormal,
  type DistributionName,
  type DistributionSpec,
  type Sampler,
} from './distributions.js';
export { DurationError, formatDuration, parseDuration } from './duration.js';
export {
  BusinessCalendar,
  isIsoDateTime,
  LocalTimeError,
  LocalTimeTable,
  utcOffsetReader,
  weekdays,
  windowIntervals,
  windowProblems,
  type Weekday,
  type WeeklyWindow,
} from './local-time.js';
export {
  closedSurges,
  hourlyMultipliers,
  PiecewiseRate,
  ThinningArrivals,
  type RateFunction,
  type Surge,
} from './arrivals.js';
