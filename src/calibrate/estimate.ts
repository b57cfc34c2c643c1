/**
 * Estimates a desk's parameters from its log, each with its uncertainty: arrivals (rate,
 * hour-of-day and weekday profile, trend and surges flagged), the channel, category and
 * priority mix, work times fitted per category (and per priority and tier, reported), tiers
 * with their staffing by hour of the week and escalation probabilities, reopens, waits on
 * the customer and on engineering, abandonment — and what the log cannot tell, as an
 * assumption with the default used.
 */
import type { EventType, TicketEvent } from '../eventlog/types.js';
import { fitDurations, type DurationFit } from './fit.js';
import { foldTickets, type CalibrationTicket } from './tickets.js';

const HOUR = 60;
const DAY = 1440;
const WEEK = 7 * DAY;
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

function mix(values: Array<string | undefined>): Share[] | null {
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
function calendarOf(originEpochMs: number, time: number): { weekday: number; hour: number; dayIndex: number } {
  const date = new Date(originEpochMs + time * 60000);
  return {
    weekday: (date.getUTCDay() + 6) % 7,
    hour: date.getUTCHours(),
    dayIndex: Math.floor((originEpochMs + time * 60000) / 86400000),
  };
}

/** Minute since the origin at which the UTC week (Monday 00:00) holding `time` starts. */
function weekStart(originEpochMs: number, time: number): number {
  const epochMinutes = originEpochMs / 60000 + time;
  // The epoch (1970-01-01) was a Thursday: Monday 00:00 is 3 days later.
  const sinceMonday = (((epochMinutes - 3 * DAY) % WEEK) + WEEK) % WEEK;
  return time - sinceMonday;
}

/** What the log records, as `recordedTypes` (the importer's) or the types seen. */
export interface CalibrationInput {
  events: readonly TicketEvent[];
  originEpochMs: number;
  recordedTypes: ReadonlySet<EventType>;
}

export function estimate(input: CalibrationInput): Calibration {
  const { events, originEpochMs } = input;
  const recorded = (type: EventType) => input.recordedTypes.has(type);
  const { tickets, activity } = foldTickets(events);
  if (tickets.length < 2)
    throw new Error(`the log has ${tickets.length} ticket(s) with a creation: too few to calibrate a desk`);
  const start = Math.min(...events.slice(0, 1).map((event) => event.time), tickets[0]!.created);
  let end = start;
  for (const event of events) end = Math.max(end, event.time);
  const days = Math.max(1, Math.ceil((end - start) / DAY));
  const assumptions: Assumption[] = [];

  const arrivals = estimateArrivals(tickets, originEpochMs, start, end);
  const channels = mix(tickets.map((ticket) => ticket.channel));
  const categories = mix(tickets.map((ticket) => ticket.category));
  const priorities = mix(tickets.map((ticket) => ticket.priority));
  if (channels === null)
    assumptions.push({
      what: 'channels: the log records no channel',
      used: 'one channel, `unrecorded`, answered on completion, no abandonment',
    });
  if (categories === null)
    assumptions.push({
      what: 'categories: the log records no category',
      used: 'one category, `general`, with the pooled work-time fit',
    });
  if (priorities === null)
    assumptions.push({ what: 'priorities: the log records no priority', used: 'one priority, `normal`; FIFO queues' });

  const hasWork = tickets.some((ticket) => ticket.work.length > 0);
  const workKind = hasWork ? 'handle' : 'processing';
  const spansOf = (ticket: CalibrationTicket) => (hasWork ? ticket.work : ticket.processing);
  if (!hasWork) {
    assumptions.push({
      what: 'handle times: the log records no work start or end',
      used:
        'processing times instead — from an agent taking the ticket to its resolution, escalation or wait — which hold ' +
        'the time the ticket lay untouched between touches; staffing is then the mean number of tickets in processing ' +
        "per hour (Little's law), not the agents",
    });
  }
  const work = new Map<string, DurationFit>();
  const pooled: number[] = tickets.flatMap((ticket) => spansOf(ticket).map((span) => span.end - span.start));
  if (pooled.length < 2)
    throw new Error(
      'the log has fewer than two work or processing spans (taken → resolved): nothing to fit work times to',
    );
  const pooledFit = fitDurations(pooled);
  for (const share of categories ?? []) {
    const sample = tickets
      .filter((ticket) => ticket.category === share.label)
      .flatMap((ticket) => spansOf(ticket).map((span) => span.end - span.start));
    if (sample.length >= MINIMUM_SAMPLE) work.set(share.id, fitDurations(sample));
  }
  work.set('*', pooledFit);
  const workByPriority = new Map<string, DurationFit>();
  for (const share of priorities ?? []) {
    const sample = tickets
      .filter((ticket) => ticket.priority === share.label)
      .flatMap((ticket) => spansOf(ticket).map((span) => span.end - span.start));
    if (sample.length >= MINIMUM_SAMPLE) workByPriority.set(share.id, fitDurations(sample));
  }

  const tiers = estimateTiers(tickets, activity, originEpochMs, start, end, hasWork, spansOf, shiftsByTier(events));
  if (tiers.length === 0) throw new Error('the log has no queue entries (queued events): no tier to calibrate');
  const firstTiers = mix(tickets.map((ticket) => ticket.queues[0]));
  const entryTier = firstTiers?.[0]?.id ?? tiers[0]!.id;
  if (!recorded('escalated'))
    assumptions.push({ what: 'escalations: the log records none', used: 'every tier solves what it takes (skill 1)' });

  const resolvedTickets = tickets.filter((ticket) => ticket.resolutions.length > 0);
  const reopened = resolvedTickets.filter((ticket) => ticket.reopenDelays.length > 0).length;
  const reopenDelays = tickets.flatMap((ticket) => ticket.reopenDelays);
  const reopen =
    recorded('reopened') && resolvedTickets.length > 0
      ? {
          resolvedTickets: resolvedTickets.length,
          reopenedTickets: reopened,
          rate: reopened / resolvedTickets.length,
          ci: wilson(reopened, resolvedTickets.length),
          delays: [...reopenDelays].sort((x, y) => x - y),
          ...(reopenDelays.length >= 2 ? { delay: fitDurations(reopenDelays) } : {}),
        }
      : null;
  if (reopen === null)
    assumptions.push({
      what: 'reopens: the log cannot record them',
      used: 'the defaults: accuracy 1 (every resolution holds)',
    });
  assumptions.push({
    what: 'truth: a real log does not say whether a problem was really fixed',
    used: 'accuracy from the reopen rate: a ticket not really fixed comes back (return_when_not_fixed 1) after the reopen delay fitted',
  });

  const sessions = tickets.reduce((sum, ticket) => sum + spansOf(ticket).length, 0);
  const customerWaits = tickets.flatMap((ticket) => ticket.customerWaits);
  const customerWait =
    recorded('pending') && sessions > 0
      ? {
          share: customerWaits.length / sessions,
          ci: wilson(customerWaits.length, sessions),
          sessions,
          ...(customerWaits.length >= 2 ? { delay: fitDurations(customerWaits) } : {}),
        }
      : null;
  const engineeringWaits = tickets.flatMap((ticket) => ticket.engineeringWaits);
  const withEngineering = tickets.filter((ticket) => ticket.engineeringWaits.length > 0).length;
  const engineering =
    engineeringWaits.length > 0
      ? {
          share: withEngineering / tickets.length,
          ci: wilson(withEngineering, tickets.length),
          ...(engineeringWaits.length >= 2 ? { delay: fitDurations(engineeringWaits) } : {}),
        }
      : null;

  let abandonment: Calibration['abandonment'] = null;
  if (recorded('abandoned')) {
    abandonment = new Map();
    for (const share of channels ?? [{ id: 'unrecorded', label: '' } as Share]) {
      const waits = tickets
        .filter((ticket) => channels === null || ticket.channel === share.label)
        .flatMap((ticket) => ticket.waits.slice(0, 1));
      const abandoned = waits.filter((wait) => wait.abandoned).length;
      const exposure = waits.reduce((sum, wait) => sum + (wait.end - wait.start), 0);
      abandonment.set(share.id, {
        rate: waits.length === 0 ? 0 : abandoned / waits.length,
        ci: wilson(abandoned, waits.length),
        patienceMean: abandoned > 0 ? exposure / abandoned : null,
      });
    }
  } else {
    assumptions.push({
      what: 'abandonment: the log cannot record it',
      used: 'customers never abandon (patience null)',
    });
  }
  if (!recorded('survey_answered'))
    assumptions.push({
      what: 'satisfaction: the log has no survey answers',
      used: "the satisfaction model's defaults (docs/model.md); CSAT KPIs are not calibrated",
    });
  const customerIds = new Set(tickets.flatMap((ticket) => (ticket.customer === undefined ? [] : [ticket.customer])));
  if (customerIds.size === 0)
    assumptions.push({
      what: 'customers: the log names none',
      used: 'every ticket from a new customer (population 0)',
    });

  return {
    originEpochMs,
    start,
    end,
    days,
    tickets: tickets.length,
    arrivals,
    channels,
    categories,
    priorities,
    workKind,
    work,
    workByPriority,
    entryTier,
    tiers,
    reopen,
    customerWait,
    engineering,
    abandonment,
    customers: customerIds.size === 0 ? null : customerIds.size,
    assumptions,
  };
}

function estimateArrivals(
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

function estimateTiers(
  tickets: CalibrationTicket[],
  activity: ReturnType<typeof foldTickets>['activity'],
  originEpochMs: number,
  start: number,
  end: number,
  hasWork: boolean,
  spansOf: (ticket: CalibrationTicket) => Array<{ start: number; end: number; tier: string | undefined }>,
  shifts: Map<string, Array<[number, number]>>,
): TierEstimate[] {
  const labels = new Map<string, number>();
  for (const ticket of tickets) for (const tier of ticket.queues) labels.set(tier, (labels.get(tier) ?? 0) + 1);
  // Hours of the week the window holds, to average over.
  // Hours are counted on the UTC clock (epoch minutes), not from the log's first event.
  const originMinutes = originEpochMs / 60000;
  const exposure = new Array<number>(168).fill(0);
  for (let hour = Math.floor((originMinutes + start) / HOUR); hour * HOUR < originMinutes + end; hour++)
    exposure[hourOfWeek(0, hour * HOUR)]!++;
  const result: TierEstimate[] = [];
  for (const [label, visits] of labels) {
    const active = new Map<number, Set<string>>();
    for (const record of activity) {
      if (record.tier !== label) continue;
      const hour = Math.floor((originMinutes + record.time) / HOUR);
      let agents = active.get(hour);
      if (agents === undefined) active.set(hour, (agents = new Set()));
      agents.add(record.agent);
    }
    const agentsActive = new Array<number>(168).fill(0);
    for (const [hour, agents] of active) agentsActive[hourOfWeek(0, hour * HOUR)]! += agents.size;
    const tier: TierEstimate = {
      id: identifierOf(label),
      label,
      visits,
      agentsActive: agentsActive.map((sum, index) => (exposure[index]! > 0 ? sum / exposure[index]! : 0)),
      escalations: [],
    };
    const onShift = shifts.get(label);
    if (onShift !== undefined) {
      const minutes = new Array<number>(168).fill(0);
      for (const [from, to] of onShift) spread(minutes, originMinutes + from, originMinutes + Math.min(to, end));
      tier.agentsOnShift = minutes.map((sum, index) => (exposure[index]! > 0 ? sum / HOUR / exposure[index]! : 0));
    }
    if (!hasWork) {
      const busy = new Array<number>(168).fill(0);
      for (const ticket of tickets)
        for (const span of ticket.processing)
          if (span.tier === label) spread(busy, originMinutes + span.start, originMinutes + span.end);
      tier.ticketsInProcessing = busy.map((minutes, index) =>
        exposure[index]! > 0 ? minutes / HOUR / exposure[index]! : 0,
      );
    }
    const targets = new Map<string, number>();
    for (const ticket of tickets)
      for (const escalation of ticket.escalations)
        if (escalation.from === label && escalation.to !== undefined)
          targets.set(escalation.to, (targets.get(escalation.to) ?? 0) + 1);
    tier.escalations = [...targets]
      .sort((a, b) => b[1] - a[1])
      .map(([to, count]) => ({ to: identifierOf(to), count, probability: count / visits, ci: wilson(count, visits) }));
    const sample = tickets.flatMap((ticket) =>
      spansOf(ticket)
        .filter((span) => span.tier === label)
        .map((span) => span.end - span.start),
    );
    if (sample.length >= MINIMUM_SAMPLE) tier.work = fitDurations(sample);
    result.push(tier);
  }
  return result;
}

/** Each tier's agents' on-shift intervals, from shift_started and shift_ended (a shift still open ends with the log). */
function shiftsByTier(events: readonly TicketEvent[]): Map<string, Array<[number, number]>> {
  const open = new Map<string, { tier: string; from: number }>();
  const shifts = new Map<string, Array<[number, number]>>();
  const close = (agent: string, to: number) => {
    const shift = open.get(agent);
    if (shift === undefined) return;
    open.delete(agent);
    if (!shifts.has(shift.tier)) shifts.set(shift.tier, []);
    shifts.get(shift.tier)!.push([shift.from, to]);
  };
  let last = 0;
  for (const event of events) {
    last = Math.max(last, event.time);
    if (event.agent === undefined || event.tier === undefined) continue;
    if (event.type === 'shift_started') {
      close(event.agent, event.time);
      open.set(event.agent, { tier: event.tier, from: event.time });
    } else if (event.type === 'shift_ended') {
      close(event.agent, event.time);
    }
  }
  for (const agent of [...open.keys()]) close(agent, last);
  return shifts;
}

function hourOfWeek(originEpochMs: number, time: number): number {
  const { weekday, hour } = calendarOf(originEpochMs, time);
  return weekday * 24 + hour;
}

/** Adds the minutes of [from, to) (epoch minutes) to the hours of the week they fall in. */
function spread(busy: number[], from: number, to: number): void {
  let time = from;
  while (time < to) {
    const next = Math.min(to, (Math.floor(time / HOUR) + 1) * HOUR);
    busy[hourOfWeek(0, time)]! += next - time;
    time = next;
  }
}
