/**
 * Arrivals from a log (src/calibrate/estimate.ts): rate, hour-of-day and weekday profile,
 * trend, and surges flagged against a Poisson tail.
 */
import { calendarOf, type Calibration, DAY, HOUR, WEEK, weekStart } from './calibration.js';
import type { CalibrationTicket } from './tickets.js';

export function estimateArrivals(
  tickets: CalibrationTicket[],
  originEpochMs: number,
  start: number,
  end: number,
): Calibration['arrivals'] {
  const hours = Math.max((end - start) / HOUR, 1);
  const total = tickets.length;
  const hourlyCounts = new Array<number>(24).fill(0);
  const weeklyCounts = new Array<number>(7).fill(0);
  const byDay = new Map<number, number>();
  for (const ticket of tickets) {
    const { weekday, hour, dayIndex } = calendarOf(originEpochMs, ticket.created);
    hourlyCounts[hour]!++;
    weeklyCounts[weekday]!++;
    byDay.set(dayIndex, (byDay.get(dayIndex) ?? 0) + 1);
  }
  // Exposure: how many of each hour and weekday the window holds, so a partial week does not tilt the profile.
  const hourExposure = new Array<number>(24).fill(0);
  const dayExposure = new Array<number>(7).fill(0);
  const originMinutes = originEpochMs / 60000;
  for (let absolute = Math.floor((originMinutes + start) / HOUR); absolute * HOUR < originMinutes + end; absolute++) {
    const { weekday, hour } = calendarOf(0, absolute * HOUR);
    hourExposure[hour]!++;
    dayExposure[weekday]! += 1 / 24;
  }
  const normalise = (counts: number[], exposure: number[]) => {
    const rates = counts.map((count, index) => (exposure[index]! > 0 ? count / exposure[index]! : 0));
    const mean = rates.reduce((sum, rate) => sum + rate, 0) / rates.length;
    return rates.map((rate) => (mean > 0 ? rate / mean : 1));
  };
  const hourly = normalise(hourlyCounts, hourExposure);
  const weekly = normalise(weeklyCounts, dayExposure);
  // The scenario's rate is the mean over a whole week of the profile: the window's hours are
  // weighted by the profile, so a log of mostly busy weekdays does not inflate it.
  let weightedHours = 0;
  for (let absolute = Math.floor((originMinutes + start) / HOUR); absolute * HOUR < originMinutes + end; absolute++) {
    const { weekday, hour } = calendarOf(0, absolute * HOUR);
    weightedHours += hourly[hour]! * weekly[weekday]!;
  }
  if (!(weightedHours > 0)) weightedHours = hours;
  const ratePerHour = total / weightedHours;
  const half = (1.959964 * Math.sqrt(total)) / weightedHours;

  // Trend: least squares of weekly counts (whole weeks only) on the week index.
  const firstWeek = weekStart(originEpochMs, start) + WEEK;
  const weekCounts: number[] = [];
  for (let week = firstWeek; week + WEEK <= end; week += WEEK) weekCounts.push(0);
  for (const ticket of tickets) {
    const index = Math.floor((ticket.created - firstWeek) / WEEK);
    if (index >= 0 && index < weekCounts.length) weekCounts[index]!++;
  }
  const trend = trendOf(weekCounts);

  const surges: Calibration['arrivals']['surges'] = [];
  const perDay = total / Math.max((end - start) / DAY, 1);
  for (const [dayIndex, count] of [...byDay].sort((a, b) => a[0] - b[0])) {
    const weekday = (new Date(dayIndex * 86400000).getUTCDay() + 6) % 7;
    const expected = perDay * weekly[weekday]!;
    if (expected > 0 && poissonUpperTail(count, expected) < 0.001 && count >= 2 * expected) {
      surges.push({ day: new Date(dayIndex * 86400000).toISOString().slice(0, 10), count, expected });
    }
  }
  return {
    ratePerHour,
    rateCi: [Math.max(0, ratePerHour - half), ratePerHour + half],
    hourly,
    hourlyCounts,
    weekly,
    weeklyCounts,
    trend,
    surges,
  };
}

function trendOf(counts: number[]): Calibration['arrivals']['trend'] {
  const n = counts.length;
  if (n < 4) return { perWeek: 0, ci: [0, 0], weeks: n, flagged: false };
  const meanX = (n - 1) / 2;
  const meanY = counts.reduce((sum, count) => sum + count, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let index = 0; index < n; index++) {
    sxx += (index - meanX) ** 2;
    sxy += (index - meanX) * (counts[index]! - meanY);
  }
  const slope = sxy / sxx;
  let residual = 0;
  for (let index = 0; index < n; index++) residual += (counts[index]! - meanY - slope * (index - meanX)) ** 2;
  const standardError = Math.sqrt(residual / (n - 2) / sxx);
  const scale = meanY > 0 ? meanY : 1;
  const ci: [number, number] = [(slope - 1.959964 * standardError) / scale, (slope + 1.959964 * standardError) / scale];
  // Flagged when the change is significant and over the log would move the volume by more than 20 %.
  const flagged = (ci[0] > 0 || ci[1] < 0) && Math.abs((slope * n) / scale) > 0.2;
  return { perWeek: slope / scale, ci, weeks: n, flagged };
}

/** P(X ≥ count) for a Poisson of mean `expected`. */
function poissonUpperTail(count: number, expected: number): number {
  let term = Math.exp(-expected);
  let below = 0;
  for (let k = 0; k < count; k++) {
    below += term;
    term *= expected / (k + 1);
  }
  return Math.max(0, 1 - below);
}
