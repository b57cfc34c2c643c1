/**
 * What a calibration is (src/calibrate/estimate.ts): its shares, assumptions and tier
 * estimates, with the intervals and calendar helpers the estimators share.
 */
import type { DurationFit } from './fit.js';

export const HOUR = 60;
export const DAY = 1440;
export const WEEK = 7 * DAY;
/** Fewer values than this are too few to fit a distribution of their own. */
export const MINIMUM_SAMPLE = 30;

/** A share with its 95 % Wilson interval. */
export interface Share {
  id: string;
  /** The label in the log (ids are made safe for a scenario). */
  label: string;
  count: number;
  share: number;
  ci: [number, number];
}

/** An estimate that the log cannot give: what is used instead and why. */
export interface Assumption {
  what: string;
  used: string;
}

export interface TierEstimate {
  id: string;
  label: string;
  /** Queue entries into this tier. */
  visits: number;
  /** Mean of distinct agents active in each hour of the week (Monday 00:00 first), 168 values. */
  agentsActive: number[];
  /** Mean agents on shift in each hour of the week, when the log records shifts (shift_started, shift_ended). */
  agentsOnShift?: number[];
  /** Mean tickets in processing in each hour of the week (Little's law), when the log has no work records. */
  ticketsInProcessing?: number[];
  /** Escalations to each other tier, as a share of visits. */
  escalations: Array<{ to: string; count: number; probability: number; ci: [number, number] }>;
  /** Work time at this tier (reported; the model's tier speed is the entry tier's mean over this one's). */
  work?: DurationFit;
}

/** Everything the calibration estimated. */
export interface Calibration {
  originEpochMs: number;
  /** First and last event, minutes since the origin. */
  start: number;
  end: number;
  days: number;
  tickets: number;
  arrivals: {
    ratePerHour: number;
    rateCi: [number, number];
    /** 24 weights (mean 1), hours of the day in UTC, and the counts behind them. */
    hourly: number[];
    hourlyCounts: number[];
    /** 7 weights (mean 1), Monday first. */
    weekly: number[];
    weeklyCounts: number[];
    /** Weekly volume trend: relative change per week of a least-squares line, with its 95 % CI. */
    trend: { perWeek: number; ci: [number, number]; weeks: number; flagged: boolean };
    /** Days far above what the profile expects (Poisson tail below 0.001). */
    surges: Array<{ day: string; count: number; expected: number }>;
  };
  channels: Share[] | null;
  categories: Share[] | null;
  priorities: Share[] | null;
  /** 'handle' from work records; 'processing' (taken → resolved, escalated or waiting) without them. */
  workKind: 'handle' | 'processing';
  /** Work-time fits per category id (`*` = all tickets pooled: too few or no categories). */
  work: Map<string, DurationFit>;
  workByPriority: Map<string, DurationFit>;
  entryTier: string;
  tiers: TierEstimate[];
  reopen: {
    resolvedTickets: number;
    reopenedTickets: number;
    rate: number;
    ci: [number, number];
    delays: number[];
    delay?: DurationFit;
  } | null;
  customerWait: { share: number; ci: [number, number]; sessions: number; delay?: DurationFit } | null;
  engineering: { share: number; ci: [number, number]; delay?: DurationFit } | null;
  /** Abandonment per channel id: share of queue entries abandoned, patience mean by censored exponential MLE. */
  abandonment: Map<string, { rate: number; ci: [number, number]; patienceMean: number | null }> | null;
  customers: number | null;
  /** Labels that a mix or tier id stands for (ids must be identifiers in a scenario). */
  assumptions: Assumption[];
}

/** 95 % Wilson interval of a proportion. */
export function wilson(successes: number, trials: number): [number, number] {
  if (trials === 0) return [0, 1];
  const z = 1.959964;
  const p = successes / trials;
  const denominator = 1 + (z * z) / trials;
  const centre = (p + (z * z) / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** A label of the log as a scenario identifier: letters, digits, `_` and `-`, starting with a letter. */
export function identifierOf(label: string): string {
  const safe = label
    .trim()
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[A-Za-z]/.test(safe) ? safe : `x_${safe || 'blank'}`;
}

export function mix(values: Array<string | undefined>): Share[] | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([label, count]) => ({
      id: identifierOf(label),
      label,
      count,
      share: count / total,
      ci: wilson(count, total),
    }));
}

/** Day of the week, Monday 0, and hour of the day (UTC) of a minute since the origin. */
export function calendarOf(originEpochMs: number, time: number): { weekday: number; hour: number; dayIndex: number } {
  const date = new Date(originEpochMs + time * 60000);
  return {
    weekday: (date.getUTCDay() + 6) % 7,
    hour: date.getUTCHours(),
    dayIndex: Math.floor((originEpochMs + time * 60000) / 86400000),
  };
}

/** Minute since the origin at which the UTC week (Monday 00:00) holding `time` starts. */
export function weekStart(originEpochMs: number, time: number): number {
  const epochMinutes = originEpochMs / 60000 + time;
  // The epoch (1970-01-01) was a Thursday: Monday 00:00 is 3 days later.
  const sinceMonday = (((epochMinutes - 3 * DAY) % WEEK) + WEEK) % WEEK;
  return time - sinceMonday;
}
