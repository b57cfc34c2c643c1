/**
 * The KPI catalog (docs/contracts.md#kpis): each KPI declared once, as data — id, unit, one-line
 * definition, the event types it needs, and how to compute it from the ledger. Adding a KPI
 * touches this file only. Desk-wide KPIs and per-tier KPIs (`tiers.<id>.<kpi>`) are two
 * registries of the same shape.
 */
import type { EventType, LogWindow } from '../eventlog/types.js';
import type { AgentRecord, Ledger } from './ledger.js';
import { contactsPerIssue, contained, conversationShare, fixedByAutomation } from './automation.js';
import { parseKpiKey } from './kpi-key.js';
import { mean, selectQuantile } from './statistics.js';

const MINUTES_PER_DAY = 24 * 60;

/** Unit of a KPI value. Durations are minutes, rates are shares in 0..1. */
export type KpiUnit = 'tickets' | 'minutes' | 'share' | 'ratio' | 'currency' | 'score' | 'agents';

/** Metric definition choices (the scenario's `metrics:` section, or a user's for a real log). */
export interface MetricOptions {
  /** `service_level` counts tickets taken by an agent within this many minutes. */
  serviceLevelThreshold: number;
  /** `reopen_rate` counts reopens within this many minutes of the resolution. */
  reopenWindow: number;
  /**
   * `fcr_rate`, `repeat_contact_rate`: a new ticket from the same customer and category
   * within this many minutes of the resolution (or creation, if unresolved) is a repeat
   * contact. Default 7 days.
   */
  fcrWindow?: number;
  /** Whether an automatic reply counts as the first response (default: no). */
  autoReplyCountsAsResponse?: boolean;
  /** Whether waits on the customer count in resolution times (default: yes). */
  countPendingTime?: boolean;
  /** Minutes between two times for first response and resolution times (default: calendar). */
  durationClock?: (from: number, to: number) => number;
  /** Cost rates (a log does not carry them); without them cost KPIs are null. */
  costs?: CostRates;
  /** SLA policy; without it SLA KPIs are null. */
  sla?: SlaPolicy;
  /**
   * Tier ids of automation tiers (AI agents, bots: the scenario's `automation`); without any,
   * the automation KPIs are null. A log does not say which tier is a bot.
   */
  automationTiers?: readonly string[];
}

/** SLA targets per priority, and the clock they run on. */
export interface SlaPolicy {
  /** Minutes, by priority id; a priority missing here has no SLA. */
  targets: Record<string, { firstResponse?: number; resolution?: number }>;
  /** Minutes on the SLA clock between two times: `to − from` (calendar) or business minutes. */
  clock: (from: number, to: number) => number;
  /** Waits on the customer (pending → resumed) do not count toward the resolution target. */
  pauseWhenPending: boolean;
}

/** What the desk pays: agents per on-shift hour by tier, plus overheads. */
export interface CostRates {
  hourlyByTier: Record<string, number>;
  /**
   * Cost of replacing one agent (recruiting, training), charged when the agent leaves
   * (`agent_left`): the replacement is set in motion then, and a hiring delay of weeks would
   * otherwise keep it outside most measured windows. 0 if not given.
   */
  perHire?: number;
  /** Extra pay of an overtime hour (on-shift time opened by `shift_started`, kind `overtime`), as a share of the tier's rate. */
  overtimePremium?: number;
  perTicket: number;
  fixedMonthly: number;
  /** Cost of each conversation an automation tier takes, by its tier id (a queue visit there). */
  perConversationByTier?: Record<string, number>;
}

/** Minutes in an average month (365.25 / 12 days), for prorating fixed monthly costs. */
export const MINUTES_PER_MONTH = (365.25 / 12) * 24 * 60;

/**
 * Total cost of the measured window: paid agent time (every on-shift minute, busy or not,
 * and paid absence, at its tier's rate; overtime with its premium), the replacement of
 * agents who left, overhead per created ticket, the fixed monthly cost prorated, and
 * automation tiers' conversations at their price.
 */
function totalCost(context: MetricContext): number | null {
  const rates = context.options.costs;
  if (rates === undefined) return null;
  let cost = 0;
  const premium = rates.overtimePremium ?? 0;
  for (const agent of context.agents) {
    const hourly = rates.hourlyByTier[agent.tier ?? ''] ?? 0;
    cost += ((agent.onShiftTime + agent.absentTime + premium * agent.overtimeTime) / 60) * hourly;
  }
  cost += (rates.perHire ?? 0) * context.ledger.agentsLeft;
  cost += rates.perTicket * context.tickets.length;
  for (const [tier, rate] of Object.entries(rates.perConversationByTier ?? {})) cost += rate * (context.visitsByTier.get(tier)?.length ?? 0);
  cost += rates.fixedMonthly * ((context.window.measureTo - context.window.measureFrom) / MINUTES_PER_MONTH);
  return cost;
}

/** Everything a KPI may read. Built once per log (and per segment) by the metric engine. */
export interface MetricContext {
  /** The folded log (columns indexed by ticket and by queue visit). */
  ledger: Ledger;
  /** Ticket indices created in the measured window, in creation order (of the segment, if any). */
  tickets: Int32Array;
  /**
   * Every ticket of the log (of the segment), warm-up included: backlog is a state of the
   * desk, and a ticket opened in the warm-up and still open later is part of it.
   */
  allTickets: Int32Array;
  agents: AgentRecord[];
  /** Queue visits of measured tickets, by tier id. */
  visitsByTier: Map<string, Int32Array>;
  window: LogWindow;
  options: MetricOptions;
  /** Derived samples shared by several KPIs (mean, p50, p90 of one sample), computed once. */
  samples: Map<string, Float64Array>;
}

/**
 * What a KPI is computed from, which decides how it can be segmented: `ticket` KPIs by any
 * ticket attribute (channel, category, priority, tier, agent, day); `agent` KPIs (agent time)
 * by tier and agent; `desk` KPIs (costs, deflections, turnover) only desk-wide.
 */
export type KpiScope = 'ticket' | 'agent' | 'desk';

/** The values a KPI can take: [min, max], either end infinite. Intervals are kept inside it. */
export type KpiRange = readonly [number, number];

/** Which way a KPI is better: `lower` when a smaller value is, `higher` when a larger one is. */
export type KpiDirection = 'lower' | 'higher';

/** The truth KPI (simulation only) an observed KPI claims to measure, read beside it. */
export interface TruthCounterpart {
  /** The truth KPI's id. */
  kpi: string;
  /** What both measure, in words (the dashboard chart's row for the pair). */
  measure: string;
}

/** The facts every KPI carries, desk-wide or per tier. */
interface KpiFacts<Id extends string> {
  id: Id;
  /** Its human name in reports and charts ("First response time, 90th percentile"). */
  label: string;
  unit: KpiUnit;
  /**
   * Which way is better for the customers and the desk, as management reads a dashboard (the
   * direction pressure on it pushes); null for volumes and loads that are neither good nor
   * bad in themselves (tickets created, utilization).
   */
  better: KpiDirection | null;
  definition: string;
  needs: readonly EventType[];
  /** Possible values; default by unit (`unitRange`). Intervals are kept inside it. */
  range?: KpiRange;
  /**
   * For a KPI over finished tickets only (a time): the id of the KPI giving the share of
   * tickets left out because they had not finished at the end of observation (censored).
   */
  unfinished?: string;
}

/**
 * A desk-wide KPI. `compute` returns null when the log cannot say (e.g. nothing to average).
 * Its `scope` decides which segments report it (`segments.ts`).
 */
export interface KpiDefinition<Id extends string = string> extends KpiFacts<Id> {
  /** Default `ticket`. */
  scope?: KpiScope;
  /** Its column among the cohort KPIs of the daily series (1 = first), if it has one. */
  daily?: number;
  /** The truth KPI to read this observed KPI against, if any. */
  truth?: TruthCounterpart;
  compute(context: MetricContext): number | null;
}

/** A KPI computed for each tier, reported as `tiers.<tier>.<id>`. */
export interface TierKpiDefinition<Id extends string = string> extends KpiFacts<Id> {
  compute(context: MetricContext, tier: string): number | null;
}

/** Possible values of a KPI of this unit: shares in [0, 1]; durations, counts, costs and ratios ≥ 0. */
export function unitRange(unit: KpiUnit | string): KpiRange {
  return unit === 'share' ? [0, 1] : unit === 'score' ? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY] : [0, Number.POSITIVE_INFINITY];
}

// --- per-ticket quantities --------------------------------------------------
//
// Loops over tickets and visits are indexed, not for-of: a KPI runs once per replication,
// much of it before V8 optimises the loop, and unoptimised for-of goes through the iterator
// protocol for every element (measured: a tenth of the metric engine's instructions).

/** Mean of `value(ticket)` over measured tickets, skipping NaN (not applicable); null for none. */
function ticketMean(context: MetricContext, value: (ledger: Ledger, ticket: number) => number): number | null {
  const { ledger, tickets } = context;
  let sum = 0;
  let count = 0;
  for (let index = 0; index < tickets.length; index++) {
    const result = value(ledger, tickets[index]!);
    if (!Number.isNaN(result)) {
      sum += result;
      count++;
    }
  }
  return count === 0 ? null : sum / count;
}

/** Share of measured tickets meeting a predicate; null for none. */
function ticketShare(context: MetricContext, predicate: (ledger: Ledger, ticket: number) => boolean, among?: (ledger: Ledger, ticket: number) => boolean): number | null {
  const { ledger, tickets } = context;
  let count = 0;
  let total = 0;
  for (let index = 0; index < tickets.length; index++) {
    const ticket = tickets[index]!;
    if (among !== undefined && !among(ledger, ticket)) continue;
    total++;
    if (predicate(ledger, ticket)) count++;
  }
  return total === 0 ? null : count / total;
}

// --- per-issue quantities (truth KPIs) ------------------------------------------
//
// A customer's issue may take several tickets: reopens stay on one ticket, but a customer
// who comes back after the close opens a repeat ticket, and a split leaves the rest of the
// issue in a new one (`truth_issue` names the issue's first ticket). The truth KPIs follow
// the issue, so that closing a ticket early does not count as serving the customer sooner.
// The issues measured are those whose first ticket is among the context's tickets (created
// in the measured window; of the segment, if any); their later tickets count wherever they
// fall, and a repeat of an issue raised before the window is left out with its issue.

/** Reused for an issue of one ticket (most of them), so the loop allocates nothing. */
const singleTicket = [0];

/**
 * Calls `visit` with the tickets of each measured issue (its first ticket first, in creation
 * order). The array is only valid during the call.
 */
function forEachIssue(context: MetricContext, visit: (tickets: readonly number[]) => void): void {
  const { ledger, tickets } = context;
  const { firstOf, members } = ledger.issueTickets();
  for (let index = 0; index < tickets.length; index++) {
    const ticket = tickets[index]!;
    if (firstOf.has(ticket)) continue;
    let issue = members.get(ticket);
    if (issue === undefined) {
      singleTicket[0] = ticket;
      issue = singleTicket;
    }
    visit(issue);
  }
}

/** Mean of `value(ledger, tickets)` over measured issues, skipping NaN; null for none. */
function issueMean(
  context: MetricContext,
  value: (ledger: Ledger, tickets: readonly number[]) => number,
): number | null {
  let sum = 0;
  let count = 0;
  forEachIssue(context, (tickets) => {
    const result = value(context.ledger, tickets);
    if (!Number.isNaN(result)) {
      sum += result;
      count++;
    }
  });
  return count === 0 ? null : sum / count;
}

/** Share of measured issues meeting a predicate, among those passing `among`; null for none. */
function issueShare(
  context: MetricContext,
  predicate: (ledger: Ledger, tickets: readonly number[]) => boolean,
  among?: (ledger: Ledger, tickets: readonly number[]) => boolean,
): number | null {
  let count = 0;
  let total = 0;
  forEachIssue(context, (tickets) => {
    if (among !== undefined && !among(context.ledger, tickets)) return;
    total++;
    if (predicate(context.ledger, tickets)) count++;
  });
  return total === 0 ? null : count / total;
}

/** When the issue was really fixed: the first `truth_fixed` on any of its tickets; NaN if never. */
function issueFixedAt(ledger: Ledger, tickets: readonly number[]): number {
  let fixed = Number.NaN;
  for (let index = 0; index < tickets.length; index++) {
    const at = ledger.truthFixedAt[tickets[index]!]!;
    if (!Number.isNaN(at) && (Number.isNaN(fixed) || at < fixed)) fixed = at;
  }
  return fixed;
}

/**
 * What the issue's customer thinks in the end: the true CSAT of its last ticket (the latest
 * created), NaN while that ticket has not ended — the customer's last word is not in yet.
 */
function issueSatisfaction(ledger: Ledger, tickets: readonly number[]): number {
  let last = tickets[0]!;
  for (let index = 1; index < tickets.length; index++) {
    const ticket = tickets[index]!;
    if (ledger.createdAt[ticket]! >= ledger.createdAt[last]!) last = ticket;
  }
  return ledger.trueCsat[last]!;
}

/** Share of visits meeting a predicate; null for none. */
function visitShare(context: MetricContext, visits: Int32Array, predicate: (ledger: Ledger, visit: number) => boolean): number | null {
  if (visits.length === 0) return null;
  let count = 0;
  for (let index = 0; index < visits.length; index++) if (predicate(context.ledger, visits[index]!)) count++;
  return count / visits.length;
}

/** A per-ticket sample (NaN skipped), computed once per context; quantiles select in place. */
function sortedSample(context: MetricContext, key: string, value: (ledger: Ledger, ticket: number) => number): Float64Array {
  let sample = context.samples.get(key);
  if (sample === undefined) {
    const { ledger, tickets } = context;
    const values = new Float64Array(tickets.length);
    let count = 0;
    for (let index = 0; index < tickets.length; index++) {
      const result = value(ledger, tickets[index]!);
      if (!Number.isNaN(result)) values[count++] = result;
    }
    sample = values.subarray(0, count);
    context.samples.set(key, sample);
  }
  return sample;
}

/** What the per-ticket times read: the log and the metric options (a whole context, or just these two). */
type TicketTimeContext = Pick<MetricContext, 'ledger' | 'options'>;

/**
 * When the ticket got its first response: the first public agent reply, or an earlier
 * automatic one if the options count those; NaN for none.
 */
function firstResponseAt(context: TicketTimeContext, ticket: number): number {
  const ledger = context.ledger;
  const reply = ledger.firstReplyAt[ticket]!;
  if (context.options.autoReplyCountsAsResponse !== true) return reply;
  const automatic = ledger.firstAutoReplyAt[ticket]!;
  if (Number.isNaN(reply)) return automatic;
  return Number.isNaN(automatic) ? reply : Math.min(reply, automatic);
}

/** Minutes on `clock` the ticket waited on the customer between its creation and `to` (its pauses, and a wait still open). */
function pendingMinutes(context: TicketTimeContext, ticket: number, to: number, clock: (from: number, to: number) => number): number {
  const ledger = context.ledger;
  const created = ledger.createdAt[ticket]!;
  let waited = 0;
  const pauses = ledger.pauses.get(ticket) ?? [];
  for (let index = 0; index < pauses.length; index += 2) {
    const start = Math.max(pauses[index]!, created);
    const end = Math.min(pauses[index + 1]!, to);
    if (end > start) waited += clock(start, end);
  }
  const open = ledger.pendingSince[ticket]!;
  if (!Number.isNaN(open) && to > open) waited += clock(Math.max(open, created), to);
  return waited;
}

/** Minutes on `clock` from the ticket's creation to `to`, less its waits on the customer in between if `pause`. */
function elapsedSinceCreation(context: TicketTimeContext, ticket: number, to: number, clock: (from: number, to: number) => number, pause: boolean): number {
  const ledger = context.ledger;
  const created = ledger.createdAt[ticket]!;
  let elapsed = clock(created, to);
  // Subtracted pause by pause (not their sum, as pendingMinutes adds them): the SLA breach instants keep their last digit.
  if (pause) {
    const pauses = ledger.pauses.get(ticket) ?? [];
    for (let index = 0; index < pauses.length; index += 2) {
      const start = Math.max(pauses[index]!, created);
      const end = Math.min(pauses[index + 1]!, to);
      if (end > start) elapsed -= clock(start, end);
    }
    const open = ledger.pendingSince[ticket]!;
    if (!Number.isNaN(open) && to > open) elapsed -= clock(open, to);
  }
  return elapsed;
}

const calendarClock = (from: number, to: number) => to - from;

/**
 * A ticket's first response time as the KPIs count it — on the metrics clock, an automatic
 * reply only if counted; NaN without one. `tickets.csv` reads this same function.
 */
export function firstResponseTime(context: TicketTimeContext, ticket: number): number {
  const reached = firstResponseAt(context, ticket);
  return Number.isNaN(reached) ? reached : (context.options.durationClock ?? calendarClock)(context.ledger.createdAt[ticket]!, reached);
}

/**
 * A ticket's resolution time as the KPIs count it — to its last resolution, on the metrics
 * clock, less waits on the customer unless `count_pending_time`; NaN if unresolved.
 * `tickets.csv` reads this same function.
 */
export function resolutionTime(context: TicketTimeContext, ticket: number): number {
  const resolved = context.ledger.lastResolvedAt[ticket]!;
  if (Number.isNaN(resolved)) return resolved;
  return elapsedSinceCreation(context, ticket, resolved, context.options.durationClock ?? calendarClock, context.options.countPendingTime === false);
}

const firstResponses = (context: MetricContext) => sortedSample(context, 'first_response_time', (_, ticket) => firstResponseTime(context, ticket));
const resolutions = (context: MetricContext) => sortedSample(context, 'resolution_time', (_, ticket) => resolutionTime(context, ticket));
/** Did the ticket ever wait on the customer (a pending not of kind engineering)? */
const waitedOnCustomer = (ledger: Ledger, ticket: number) => ledger.pauses.has(ticket) || !Number.isNaN(ledger.pendingSince[ticket]!);
const isResolved = (ledger: Ledger, ticket: number) => ledger.resolvedCount[ticket]! > 0;

/** How many measured tickets were resolved at least once. */
function resolvedTickets(context: MetricContext): number {
  const { ledger, tickets } = context;
  let resolved = 0;
  for (let index = 0; index < tickets.length; index++) if (ledger.resolvedCount[tickets[index]!]! > 0) resolved++;
  return resolved;
}

/** Default FCR window: 7 days. */
const DEFAULT_FCR_WINDOW = 7 * 24 * 60;

/**
 * For every ticket row, when the same customer next opened a ticket in the same category
 * (NaN: never, or no customer). Computed once per log over all its tickets.
 */
function nextContacts(context: MetricContext): Float64Array {
  let next = context.samples.get('next_contact');
  if (next !== undefined) return next;
  const ledger = context.ledger;
  const count = ledger.ticketCount;
  next = new Float64Array(count).fill(Number.NaN);
  // Walk the tickets in creation order (ties by row), remembering each (customer, category)
  // pair's latest ticket: a ticket's next contact is the creation of the next one seen for
  // its pair. Pairs are numbered (a dense customer code × categories + category), so the
  // walk builds no string and no list per pair, and looks pairs up in a typed array.
  const customers = customerCodes(ledger);
  const categorySpan = ledger.categories.values.length + 1;
  const pairs = customers.count * categorySpan;
  const latest = new Int32Array(pairs).fill(-1);
  const order = creationOrder(ledger);
  for (let index = 0; index < count; index++) {
    const ticket = order === null ? index : order[index]!;
    const code = customers.codes[ticket]!;
    if (code < 0) continue;
    const pair = code * categorySpan + ledger.category[ticket]! + 1;
    const previous = latest[pair]!;
    if (previous >= 0) next[previous] = ledger.createdAt[ticket]!;
    latest[pair] = ticket;
  }
  context.samples.set('next_contact', next);
  return next;
}

/**
 * A dense code (0, 1, …) per distinct customer, by ledger row (−1: no customer). Whole-number
 * customer ids, as simulated logs have, are coded through a typed array; others (strings) through a map.
 */
function customerCodes(ledger: Ledger): { codes: Int32Array; count: number } {
  const codes = new Int32Array(ledger.ticketCount).fill(-1);
  let byNumber = new Int32Array(0);
  const byValue = new Map<string | number, number>();
  let count = 0;
  for (let ticket = 0; ticket < codes.length; ticket++) {
    const customer = ledger.customer[ticket];
    if (customer === undefined || customer === '') continue;
    if (typeof customer === 'number' && Number.isInteger(customer) && customer >= 0 && customer < 1 << 26) {
      if (customer >= byNumber.length) {
        const grown = new Int32Array(Math.max(customer + 1, 2 * byNumber.length)).fill(-1);
        grown.set(byNumber);
        byNumber = grown;
      }
      if (byNumber[customer]! < 0) byNumber[customer] = count++;
      codes[ticket] = byNumber[customer]!;
      continue;
    }
    let code = byValue.get(customer);
    if (code === undefined) {
      code = count++;
      byValue.set(customer, code);
    }
    codes[ticket] = code;
  }
  return { codes, count };
}

/** Ledger rows in creation order, ties by row; null when the rows already are (a simulated log always is). */
function creationOrder(ledger: Ledger): Int32Array | null {
  const createdAt = ledger.createdAt;
  let sorted = true;
  for (let ticket = 1; ticket < ledger.ticketCount && sorted; ticket++) sorted = createdAt[ticket - 1]! <= createdAt[ticket]!;
  if (sorted) return null;
  const order = new Int32Array(ledger.ticketCount);
  for (let ticket = 0; ticket < order.length; ticket++) order[ticket] = ticket;
  return order.sort((a, b) => createdAt[a]! - createdAt[b]! || a - b);
}

/**
 * Did the customer come back about the same category within the FCR window of the ticket's
 * resolution (or creation)? A predicate over tickets, with the next contacts looked up once.
 */
function repeatedWithinWindow(context: MetricContext): (ledger: Ledger, ticket: number) => boolean {
  const next = nextContacts(context);
  const window = context.options.fcrWindow ?? DEFAULT_FCR_WINDOW;
  return (ledger, ticket) => {
    const contact = next[ticket]!;
    if (Number.isNaN(contact)) return false;
    const resolved = ledger.lastResolvedAt[ticket]!;
    return contact - (Number.isNaN(resolved) ? ledger.createdAt[ticket]! : resolved) <= window;
  };
}

const hasCustomer = (ledger: Ledger, ticket: number) => ledger.customer[ticket] !== undefined && ledger.customer[ticket] !== '';

/**
 * Times at which the backlog is sampled: every midnight (the end of a day, counted from
 * minute 0) after the start of the measured window and up to its end; the end itself if
 * the window holds no midnight.
 */
function backlogSampleTimes(window: LogWindow): number[] {
  const times: number[] = [];
  for (let day = Math.floor(window.measureFrom / MINUTES_PER_DAY) + 1; day * MINUTES_PER_DAY <= window.measureTo; day++) times.push(day * MINUTES_PER_DAY);
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
    if (reopenings !== undefined) for (let at = 0; at < reopenings.length; at += 2) addInterval(reopenings[at]!, reopenings[at + 1] ?? Number.NaN);
  }
  const result: number[] = [];
  let running = 0;
  for (let index = 0; index < times.length; index++) result.push((running += counts[index]!));
  return result;
}

/** Ages of the tickets open at the end of observation, computed once per context. */
function openAges(context: MetricContext): Float64Array {
  let ages = context.samples.get('open_ages');
  if (ages === undefined) {
    const { ledger, allTickets } = context;
    const end = context.window.measureTo;
    const values: number[] = [];
    for (let index = 0; index < allTickets.length; index++) {
      const ticket = allTickets[index]!;
      if (ledger.isOpenAt(ticket, end)) values.push(end - ledger.createdAt[ticket]!);
    }
    ages = Float64Array.from(values);
    context.samples.set('open_ages', ages);
  }
  return ages;
}
const hasVisits = (ledger: Ledger, ticket: number) => ledger.firstVisit[ticket]! >= 0;

function tierVisits(context: MetricContext, tier: string): Int32Array {
  return context.visitsByTier.get(tier) ?? new Int32Array(0);
}

/**
 * Service level: taken within the threshold counts as met; taken later, abandoned, or still
 * waiting at the end of observation count as missed. A ticket still waiting was not taken
 * within target as far as anyone can tell: leaving it out would flatter an overloaded desk,
 * whose unanswered tickets are exactly the ones it failed.
 */
function serviceLevel(ledger: Ledger, visits: ArrayLike<number>, threshold: number): number | null {
  let met = 0;
  for (let index = 0; index < visits.length; index++) {
    const visit = visits[index]!;
    const assignedAt = ledger.visitAssignedAt[visit]!;
    if (!Number.isNaN(assignedAt) && assignedAt - ledger.visitQueuedAt[visit]! <= threshold) met++;
  }
  return visits.length === 0 ? null : met / visits.length;
}

/** Least-squares slope of `values` against `times` (minutes), per day; null for fewer than two points. */
function slopePerDay(times: readonly number[], values: readonly number[]): number | null {
  if (times.length < 2) return null;
  const meanTime = times.reduce((sum, time) => sum + time, 0) / times.length;
  const meanValue = values.reduce((sum, value) => sum + value, 0) / values.length;
  let covariance = 0;
  let variance = 0;
  for (let index = 0; index < times.length; index++) {
    covariance += (times[index]! - meanTime) * (values[index]! - meanValue);
    variance += (times[index]! - meanTime) ** 2;
  }
  return (covariance / variance) * MINUTES_PER_DAY;
}

function utilization(agents: AgentRecord[]): number | null {
  let busy = 0;
  let onShift = 0;
  for (const agent of agents) {
    busy += agent.busyTime;
    onShift += agent.onShiftTime;
  }
  return onShift > 0 ? busy / onShift : null;
}

/** The mean, median and 90th percentile of one per-ticket duration, as three KPIs (lower is better). */
function durationStatistics<const Prefix extends string>(
  prefix: Prefix,
  facts: {
    /** The duration in words, for the definitions. */
    what: string;
    /** Its human name, for the labels ("First response time"). */
    name: string;
    needs: readonly EventType[];
    sample: (context: MetricContext) => Float64Array;
    unfinished: string;
    /** The mean's column among the daily cohort KPIs, if it has one. */
    dailyMean?: number;
    /** The truth KPI the mean should be read against, if any. */
    truthOfMean?: TruthCounterpart;
  },
): [KpiDefinition<`${Prefix}_mean`>, KpiDefinition<`${Prefix}_p50`>, KpiDefinition<`${Prefix}_p90`>] {
  const { what, name, needs, sample, unfinished } = facts;
  const shared = { unit: 'minutes', better: 'lower', needs, unfinished } as const;
  return [
    {
      id: `${prefix}_mean`,
      label: `${name}, mean`,
      ...shared,
      ...(facts.dailyMean === undefined ? {} : { daily: facts.dailyMean }),
      ...(facts.truthOfMean === undefined ? {} : { truth: facts.truthOfMean }),
      definition: `Mean ${what}.`,
      compute: (context) => mean(sample(context)),
    },
    {
      id: `${prefix}_p50`,
      label: `${name}, median`,
      ...shared,
      definition: `Median ${what}.`,
      compute: (context) => selectQuantile(sample(context), 0.5),
    },
    {
      id: `${prefix}_p90`,
      label: `${name}, 90th percentile`,
      ...shared,
      definition: `90th percentile of ${what}.`,
      compute: (context) => selectQuantile(sample(context), 0.9),
    },
  ];
}

/** Is the ticket still open at the end of observation without this milestone? Abandoned and closed tickets have ended. */
const unfinishedAtEnd = (context: MetricContext, reached: (ticket: number) => number) => (ledger: Ledger, ticket: number) =>
  Number.isNaN(reached(ticket)) && ledger.isOpenAt(ticket, context.window.measureTo);

/** Measured customer issues: those first raised in the measured window (see `forEachIssue`). */
function countIssues(context: MetricContext): number {
  let issues = 0;
  forEachIssue(context, () => issues++);
  return issues;
}

// --- the catalog --------------------------------------------------------------

/**
 * Truth KPIs: computable only from simulated logs, which record whether each problem was
 * really fixed (`truth_fixed`). On a log without truth events they are null.
 */
export const TRUTH_KPI_CATALOG = [
  {
    id: 'true_resolution_rate',
    label: 'True resolution rate (issues)',
    better: 'higher',
    daily: 10,
    unit: 'share',
    definition:
      "Customer issues really fixed (truth_fixed on any of the issue's tickets: reopens, repeat and split tickets followed) " +
      'by the end of observation / issues first raised in the measured window.',
    needs: ['created', 'truth_fixed'],
    compute: (context) => issueShare(context, (ledger, tickets) => !Number.isNaN(issueFixedAt(ledger, tickets))),
  },
  {
    id: 'true_resolution_time_mean',
    label: 'True resolution time per issue, mean',
    better: 'lower',
    unit: 'minutes',
    definition:
      "Mean time from an issue's first contact (its first ticket created) until it was really fixed (the first truth_fixed " +
      'on any of its tickets), over really fixed issues (see true_resolution_unfinished_share).',
    unfinished: 'true_resolution_unfinished_share',
    needs: ['created', 'truth_fixed'],
    compute: (context) =>
      issueMean(context, (ledger, tickets) => issueFixedAt(ledger, tickets) - ledger.createdAt[tickets[0]!]!),
  },
  {
    id: 'true_resolution_unfinished_share',
    label: 'Issues not really fixed',
    better: 'lower',
    unit: 'share',
    definition:
      'Issues first raised in the measured window and not really fixed by the end of observation — still in progress, or ' +
      'given up by their customer — / issues: those left out of true_resolution_time_mean (1 − true_resolution_rate).',
    needs: ['created', 'truth_fixed'],
    compute: (context) => issueShare(context, (ledger, tickets) => Number.isNaN(issueFixedAt(ledger, tickets))),
  },
  {
    id: 'true_satisfaction_mean',
    label: 'True satisfaction per issue, mean (1–5)',
    better: 'higher',
    daily: 12,
    unit: 'score',
    definition:
      "Mean CSAT (1–5) each issue's customer would give in the end, respondent or not: the truth_satisfaction of the issue's " +
      'last ticket, over issues whose last ticket has ended.',
    range: [1, 5],
    needs: ['created', 'truth_satisfaction'],
    compute: (context) => issueMean(context, issueSatisfaction),
  },
  {
    id: 'true_satisfied_share',
    label: 'Truly satisfied customers per issue (4–5)',
    better: 'higher',
    unit: 'share',
    definition:
      "Share of issues whose customer would answer CSAT 4–5 in the end (the issue's last ticket), respondent or not, " +
      'over issues whose last ticket has ended.',
    needs: ['created', 'truth_satisfaction'],
    compute: (context) =>
      issueShare(
        context,
        (ledger, tickets) => issueSatisfaction(ledger, tickets) >= 4,
        (ledger, tickets) => !Number.isNaN(issueSatisfaction(ledger, tickets)),
      ),
  },
  {
    id: 'contacts_per_issue',
    label: 'Contacts per issue',
    better: 'lower',
    unit: 'ratio',
    range: [1, Number.POSITIVE_INFINITY],
    definition:
      "Mean contacts per customer issue: the issue's tickets (repeat and split tickets, truth_issue, included) plus their " +
      'reopens, over issues first raised in the measured window.',
    needs: ['created', 'truth_fixed'],
    compute: (context) =>
      issueMean(context, (ledger, tickets) => {
        let contacts = 0;
        for (let index = 0; index < tickets.length; index++) contacts += 1 + ledger.reopens[tickets[index]!]!;
        return contacts;
      }),
  },
  {
    id: 'agent_minutes_per_issue',
    label: 'Agent minutes per issue',
    better: 'lower',
    unit: 'minutes',
    definition:
      "Mean agent work time (work_started to work_ended) over all of an issue's tickets, repeat and split tickets included, " +
      'over issues first raised in the measured window (work still going at the end counts up to it).',
    needs: ['created', 'work_ended', 'truth_fixed'],
    compute: (context) =>
      issueMean(context, (ledger, tickets) => {
        let minutes = 0;
        for (let index = 0; index < tickets.length; index++) minutes += ledger.handleTime[tickets[index]!]!;
        return minutes;
      }),
  },
  {
    id: 'cost_per_issue',
    label: 'Cost per customer issue',
    better: 'lower',
    unit: 'currency',
    definition:
      'Total cost / customer issues of measured tickets (a repeat ticket counting toward its issue, truth_issue): ' +
      'unlike cost_per_ticket, not lowered by customers having to come back.',
    needs: ['created', 'truth_fixed', 'shift_started'],
    scope: 'desk',
    compute: (context) => {
      const cost = totalCost(context);
      const issues = countIssues(context);
      return cost === null || issues === 0 ? null : cost / issues;
    },
  },
  {
    id: 'hidden_failure_share',
    label: 'Hidden failures per ticket (resolved, not fixed)',
    better: 'lower',
    daily: 11,
    unit: 'share',
    definition: 'Resolved tickets whose problem was not really fixed / resolved tickets.',
    needs: ['resolved', 'truth_fixed'],
    compute: (context) =>
      ticketShare(
        context,
        (ledger, ticket) => Number.isNaN(ledger.truthFixedAt[ticket]!),
        (ledger, ticket) => ledger.resolvedCount[ticket]! > 0,
      ),
  },
  {
    id: 'automation_true_fix_rate',
    label: 'Automation true fix rate',
    better: 'higher',
    unit: 'share',
    definition: 'Tickets an automation tier resolved itself and really fixed (truth_fixed before any other visit) / tickets it took.',
    needs: ['created', 'queued', 'truth_fixed'],
    compute: (context) => conversationShare(context, fixedByAutomation, () => true),
  },
  {
    id: 'automation_hidden_failure_share',
    label: 'Automation hidden failures',
    better: 'lower',
    unit: 'share',
    definition: 'Tickets an automation tier resolved itself without really fixing the problem / tickets it resolved itself.',
    needs: ['created', 'queued', 'truth_fixed'],
    compute: (context) => conversationShare(context, (ledger, ticket, visit) => !fixedByAutomation(ledger, ticket, visit), contained),
  },
  {
    id: 'contacts_per_issue_automated',
    label: 'Contacts per issue, with the AI',
    better: 'lower',
    unit: 'ratio',
    range: [1, Number.POSITIVE_INFINITY],
    definition:
      'Contacts (tickets and reopens) per issue an automation tier took part in (any of its measured tickets; truth_issue). ' +
      'Not a like-for-like comparison with the next: the AI takes only its kinds of tickets.',
    needs: ['created', 'queued', 'truth_fixed'],
    compute: (context) => contactsPerIssue(context, true),
  },
  {
    id: 'contacts_per_issue_not_automated',
    label: 'Contacts per issue, without the AI',
    better: 'lower',
    unit: 'ratio',
    range: [1, Number.POSITIVE_INFINITY],
    definition: 'Contacts (tickets and reopens) per issue no automation tier took part in (truth_issue); null without automation tiers.',
    needs: ['created', 'queued', 'truth_fixed'],
    compute: (context) => contactsPerIssue(context, false),
  },
] as const satisfies readonly KpiDefinition[];

/** The id of a truth KPI. */
export type TruthKpiId = (typeof TRUTH_KPI_CATALOG)[number]['id'];

/** SLA clock minutes from creation to `to`, less the customer pauses inside (if the policy pauses). */
function slaElapsed(context: MetricContext, policy: SlaPolicy, ticket: number, to: number): number {
  return elapsedSinceCreation(context, ticket, to, policy.clock, policy.pauseWhenPending);
}

/**
 * Share of tickets with a target that met it. A ticket that reached the milestone counts
 * met or missed. One that did not: abandoned, it counts missed only if it was already past
 * the target; still open at the end, it misses a first-response target (it has not been
 * answered within it as far as anyone knows — an overloaded desk's silence is a miss, not
 * a gap), and a resolution target only once past it (a resolution can take days, and the
 * unfinished share says how many are left out).
 */
function slaCompliance(context: MetricContext, which: 'firstResponse' | 'resolution'): number | null {
  const policy = context.options.sla;
  if (policy === undefined) return null;
  const { ledger, tickets } = context;
  let met = 0;
  let known = 0;
  for (let index = 0; index < tickets.length; index++) {
    const ticket = tickets[index]!;
    const priority = ledger.priorities.value(ledger.priority[ticket]!);
    const target = priority === undefined ? undefined : policy.targets[priority]?.[which];
    if (target === undefined) continue;
    const reached = which === 'firstResponse' ? firstResponseAt(context, ticket) : ledger.lastResolvedAt[ticket]!;
    if (!Number.isNaN(reached)) {
      known++;
      if (which === 'firstResponse' ? policy.clock(ledger.createdAt[ticket]!, reached) <= target : slaElapsed(context, policy, ticket, reached) <= target) met++;
      continue;
    }
    const abandoned = ledger.abandonedAt[ticket]!;
    if (which === 'firstResponse' && Number.isNaN(abandoned) && ledger.isOpenAt(ticket, context.window.measureTo)) {
      known++;
      continue;
    }
    const until = Number.isNaN(abandoned) ? context.window.measureTo : abandoned;
    const elapsed = which === 'firstResponse' ? policy.clock(ledger.createdAt[ticket]!, until) : slaElapsed(context, policy, ticket, until);
    if (elapsed > target) known++;
  }
  return known === 0 ? null : met / known;
}

/**
 * When the ticket breached its SLA target (minutes since the log origin): the instant at
 * which the SLA clock, less pauses if the policy pauses, reached the target — found by
 * bisection, since a business clock with pauses has no closed-form inverse. NaN if it met
 * the target, has none, or had not passed it by the end of observation (or its abandonment).
 */
export function slaBreachAt(context: MetricContext, ticket: number, which: 'firstResponse' | 'resolution'): number {
  const policy = context.options.sla;
  if (policy === undefined) return Number.NaN;
  const ledger = context.ledger;
  const priority = ledger.priorities.value(ledger.priority[ticket]!);
  const target = priority === undefined ? undefined : policy.targets[priority]?.[which];
  if (target === undefined) return Number.NaN;
  const elapsed = (to: number) =>
    which === 'firstResponse' ? policy.clock(ledger.createdAt[ticket]!, to) : slaElapsed(context, policy, ticket, to);
  const reached = which === 'firstResponse' ? firstResponseAt(context, ticket) : ledger.lastResolvedAt[ticket]!;
  const abandoned = ledger.abandonedAt[ticket]!;
  let high = !Number.isNaN(reached) ? reached : !Number.isNaN(abandoned) ? abandoned : context.window.measureTo;
  if (!(elapsed(high) > target)) return Number.NaN;
  // The clock reached the target at or after created + target: no clock runs faster than the calendar.
  let low = ledger.createdAt[ticket]! + target;
  if (elapsed(low) >= target) return low;
  // Bisection to a hundredth of a second.
  while (high - low > 1 / 6000) {
    const middle = (low + high) / 2;
    if (elapsed(middle) >= target) high = middle;
    else low = middle;
  }
  return high;
}

const DESK_KPIS = [
  {
    id: 'tickets_created',
    label: 'Tickets created',
    better: null,
    daily: 1,
    unit: 'tickets',
    definition: 'Tickets opened in the measured period (after warm-up).',
    needs: ['created'],
    compute: (context) => context.tickets.length,
  },
  ...durationStatistics('first_response_time', {
    what: 'time from creation to the first public agent reply, over tickets that got one (see first_response_unfinished_share)',
    name: 'First response time',
    needs: ['created', 'replied'],
    sample: firstResponses,
    unfinished: 'first_response_unfinished_share',
    dailyMean: 2,
  }),
  {
    id: 'first_response_unfinished_share',
    label: 'No first reply at the end',
    better: 'lower',
    unit: 'share',
    definition:
      'Tickets still open at the end of observation without a first response / tickets created: left out of the first-response times, which they would lengthen (censored).',
    needs: ['created', 'replied'],
    compute: (context) => ticketShare(context, unfinishedAtEnd(context, (ticket) => firstResponseAt(context, ticket))),
  },
  {
    id: 'first_response_substantive_share',
    label: 'First response substantive share',
    better: 'higher',
    unit: 'share',
    definition: 'Share of first responses that were substantive (not a generic acknowledgement, an information request, or a counted automatic reply).',
    needs: ['replied'],
    compute: (context) => {
      const { ledger, tickets } = context;
      const substantive = ledger.replyKinds.code('substantive');
      let first = 0;
      let count = 0;
      for (let index = 0; index < tickets.length; index++) {
        const ticket = tickets[index]!;
        const reached = firstResponseAt(context, ticket);
        if (Number.isNaN(reached)) continue;
        first++;
        if (reached === ledger.firstReplyAt[ticket]! && ledger.firstReplyKind[ticket] === substantive) count++;
      }
      return first === 0 ? null : count / first;
    },
  },
  ...durationStatistics('resolution_time', {
    what: 'time from creation to the last `resolved`, over resolved tickets (see resolution_unfinished_share)',
    name: 'Resolution time',
    needs: ['created', 'resolved'],
    sample: resolutions,
    unfinished: 'resolution_unfinished_share',
    dailyMean: 3,
    truthOfMean: { kpi: 'true_resolution_time_mean', measure: 'Resolution time, mean' },
  }),
  {
    id: 'resolution_rate',
    label: 'Resolution rate',
    better: 'higher',
    truth: { kpi: 'true_resolution_rate', measure: 'Resolution rate' },
    unit: 'share',
    definition: 'Tickets resolved at least once / tickets created: the resolution rate a dashboard shows.',
    needs: ['created', 'resolved'],
    compute: (context) => ticketShare(context, isResolved),
  },
  {
    id: 'resolution_unfinished_share',
    label: 'Open at the end',
    better: 'lower',
    unit: 'share',
    definition:
      'Tickets open at the end of observation (never resolved, or reopened and not resolved again) / tickets created: left out of resolution and true-resolution times (censored).',
    needs: ['created', 'resolved'],
    compute: (context) => ticketShare(context, (ledger, ticket) => ledger.isOpenAt(ticket, context.window.measureTo)),
  },
  {
    id: 'handle_time_mean',
    label: 'Handle time, mean',
    better: 'lower',
    unit: 'minutes',
    definition: 'Mean agent working time per handled ticket (sum of its work intervals, all tiers; work still going on at the end counts until then).',
    needs: ['work_started', 'work_ended'],
    unfinished: 'resolution_unfinished_share',
    compute: (context) => ticketMean(context, (ledger, ticket) => (ledger.workIntervals[ticket]! > 0 ? ledger.handleTime[ticket]! : Number.NaN)),
  },
  {
    id: 'queue_wait_mean',
    label: 'Queue wait, mean',
    better: 'lower',
    daily: 4,
    unit: 'minutes',
    definition:
      'Mean time a ticket waited in queues before agents took it, summed over tiers; abandoned tickets count their wait until they left; tickets still waiting at the end are left out (see queue_wait_unfinished_share).',
    needs: ['queued', 'assigned'],
    unfinished: 'queue_wait_unfinished_share',
    compute: (context) => ticketMean(context, (ledger, ticket) => (hasVisits(ledger, ticket) ? ledger.ticketQueueWait(ticket) : Number.NaN)),
  },
  {
    id: 'queue_wait_p90',
    label: 'Queue wait, 90th percentile',
    better: 'lower',
    unit: 'minutes',
    definition:
      '90th percentile of the time a ticket waited in queues before agents took it, summed over tiers, over the tickets of queue_wait_mean: the long waits a mean hides (agents taking the easy tickets first).',
    needs: ['queued', 'assigned'],
    unfinished: 'queue_wait_unfinished_share',
    compute: (context) => {
      const { ledger, tickets } = context;
      const waits: number[] = [];
      for (let index = 0; index < tickets.length; index++) {
        const ticket = tickets[index]!;
        const wait = hasVisits(ledger, ticket) ? ledger.ticketQueueWait(ticket) : Number.NaN;
        if (!Number.isNaN(wait)) waits.push(wait);
      }
      return selectQuantile(Float64Array.from(waits), 0.9);
    },
  },
  {
    id: 'queue_wait_unfinished_share',
    label: 'Still waiting in a queue at the end',
    better: 'lower',
    unit: 'share',
    definition: 'Queued tickets still waiting in a queue at the end of observation / queued tickets: left out of queue_wait_mean (censored).',
    needs: ['queued', 'assigned'],
    compute: (context) => ticketShare(context, (ledger, ticket) => Number.isNaN(ledger.ticketQueueWait(ticket)), hasVisits),
  },
  {
    id: 'waited_share',
    label: 'Tickets that waited',
    better: 'lower',
    unit: 'share',
    definition: 'Share of queued tickets that waited in a queue at all (any tier).',
    needs: ['queued', 'assigned'],
    compute: (context) => ticketShare(context, (ledger, ticket) => ledger.ticketWaited(ticket), hasVisits),
  },
  {
    id: 'service_level',
    label: 'Service level',
    better: 'higher',
    unit: 'share',
    definition:
      'Share of tickets taken by an agent within metrics.service_level_threshold of entering the first queue (abandoned ones and ones still waiting at the end miss).',
    needs: ['queued', 'assigned'],
    compute: (context) => {
      const { ledger, tickets } = context;
      const firstVisits: number[] = [];
      for (let index = 0; index < tickets.length; index++) {
        const ticket = tickets[index]!;
        if (hasVisits(ledger, ticket)) firstVisits.push(ledger.firstVisit[ticket]!);
      }
      return serviceLevel(ledger, firstVisits, context.options.serviceLevelThreshold);
    },
  },
  {
    id: 'abandonment_rate',
    label: 'Abandonment rate',
    better: 'lower',
    daily: 5,
    unit: 'share',
    definition: 'Tickets abandoned by the customer before an answer / tickets created.',
    needs: ['created', 'abandoned'],
    compute: (context) => ticketShare(context, (ledger, ticket) => !Number.isNaN(ledger.abandonedAt[ticket]!)),
  },
  {
    id: 'escalation_rate',
    label: 'Escalation rate',
    better: 'lower',
    daily: 6,
    unit: 'share',
    definition: 'Tickets escalated at least once / tickets created.',
    needs: ['created', 'escalated'],
    compute: (context) => ticketShare(context, (ledger, ticket) => ledger.escalations[ticket]! > 0),
  },
  {
    id: 'fcr_rate',
    label: 'First-contact resolution',
    better: 'higher',
    unit: 'share',
    definition:
      'First-contact resolution: resolved tickets with no escalation, and neither a reopen nor a new ticket from the same customer ' +
      'and category within metrics.fcr_window_days of the resolution / resolved tickets.',
    needs: ['resolved', 'escalated', 'reopened'],
    compute: (context) => {
      const window = context.options.fcrWindow ?? DEFAULT_FCR_WINDOW;
      const repeated = repeatedWithinWindow(context);
      return ticketShare(context, (ledger, ticket) => ledger.escalations[ticket] === 0 && !(ledger.reopenGap[ticket]! <= window) && !repeated(ledger, ticket), isResolved);
    },
  },
  {
    id: 'repeat_contact_rate',
    label: 'Repeat contact rate',
    better: 'lower',
    unit: 'share',
    definition:
      'Tickets followed by a new ticket from the same customer and category within metrics.fcr_window_days of their resolution ' +
      '(or creation, if unresolved) / tickets with a known customer.',
    needs: ['created'],
    compute: (context) => ticketShare(context, repeatedWithinWindow(context), hasCustomer),
  },
  {
    id: 'replies_per_ticket',
    label: 'Replies per ticket',
    better: 'lower',
    unit: 'ratio',
    definition: 'Public agent replies per resolved ticket (automatic replies only if metrics.auto_reply_counts_as_response).',
    needs: ['resolved', 'replied'],
    compute: (context) => {
      const countAuto = context.options.autoReplyCountsAsResponse === true;
      return ticketMean(context, (ledger, ticket) =>
        isResolved(ledger, ticket) ? ledger.replies[ticket]! + (countAuto ? ledger.autoReplies[ticket]! : 0) : Number.NaN,
      );
    },
  },
  {
    id: 'reopen_rate',
    label: 'Reopen rate',
    better: 'lower',
    unit: 'share',
    definition: 'Resolved tickets reopened within metrics.reopen_window_days of their resolution / resolved tickets.',
    needs: ['resolved', 'reopened'],
    compute: (context) =>
      ticketShare(
        context,
        (ledger, ticket) => ledger.reopenGap[ticket]! <= context.options.reopenWindow,
        (ledger, ticket) => ledger.resolvedCount[ticket]! > 0,
      ),
  },
  {
    id: 'pending_share',
    label: 'Pending share',
    better: null,
    unit: 'share',
    definition: 'Tickets that waited on the customer at least once (pending, not of kind engineering) / tickets created.',
    needs: ['created', 'pending'],
    compute: (context) => ticketShare(context, waitedOnCustomer),
  },
  {
    id: 'pending_time_mean',
    label: 'Pending time, mean',
    better: null,
    unit: 'minutes',
    definition:
      'Mean time a resolved ticket that waited on the customer spent waiting (pending → resumed / customer_replied, or to its last resolution), on the metrics clock.',
    needs: ['created', 'pending', 'resolved'],
    compute: (context) => {
      const clock = context.options.durationClock ?? calendarClock;
      return ticketMean(context, (ledger, ticket) =>
        waitedOnCustomer(ledger, ticket) && ledger.resolvedCount[ticket]! > 0 ? pendingMinutes(context, ticket, ledger.lastResolvedAt[ticket]!, clock) : Number.NaN,
      );
    },
  },
  {
    id: 'utilization',
    label: 'Agent utilization',
    better: null,
    unit: 'share',
    definition: 'Agent busy time / agent on-shift time, all agents, inside the measured window.',
    needs: ['shift_started', 'work_started'],
    scope: 'agent',
    compute: (context) => utilization(context.agents),
  },
  {
    id: 'tickets_per_agent_day',
    label: 'Tickets per agent day',
    better: 'higher',
    unit: 'ratio',
    definition: 'Resolved tickets / agent shift days (an agent’s day counts if the agent was on shift at any time that day, in the measured window).',
    needs: ['resolved', 'shift_started'],
    scope: 'agent',
    compute: (context) => {
      let shiftDays = 0;
      for (const agent of context.agents) shiftDays += agent.shiftDays;
      const resolved = resolvedTickets(context);
      return shiftDays === 0 ? null : resolved / shiftDays;
    },
  },
  {
    id: 'sla_first_response_compliance',
    label: 'SLA first-response compliance',
    better: 'higher',
    daily: 7,
    unit: 'share',
    definition:
      'Tickets whose first public reply came within their priority’s first-response target, on the SLA clock; a ticket still without one at the end misses, one abandoned before its target is left out.',
    needs: ['created'],
    compute: (context) => slaCompliance(context, 'firstResponse'),
  },
  {
    id: 'sla_resolution_compliance',
    label: 'SLA resolution compliance',
    better: 'higher',
    daily: 8,
    unit: 'share',
    definition: 'Tickets resolved within their priority’s resolution target, on the SLA clock, less waits on the customer if the policy pauses.',
    needs: ['created'],
    compute: (context) => slaCompliance(context, 'resolution'),
  },
  {
    id: 'backlog_mean',
    label: 'Backlog, mean',
    better: 'lower',
    unit: 'tickets',
    definition:
      'Open tickets (created, not resolved, abandoned or closed; reopened ones again) sampled at each midnight of the measured window, averaged; warm-up tickets still open count.',
    needs: ['created'],
    compute: (context) => mean(openTicketCounts(context.ledger, context.allTickets, backlogSampleTimes(context.window))),
  },
  {
    id: 'backlog_end',
    label: 'Backlog, at end',
    better: 'lower',
    unit: 'tickets',
    definition: 'Open tickets at the end of observation.',
    needs: ['created'],
    compute: (context) => openAges(context).length,
  },
  {
    id: 'backlog_growth_per_day',
    label: 'Backlog growth per day',
    better: 'lower',
    unit: 'ratio',
    definition:
      'Least-squares slope of the midnight backlog samples (as backlog_mean) over the measured window, tickets per day; clearly above 0 on a desk that cannot keep up (null with fewer than two samples).',
    needs: ['created'],
    range: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
    compute: (context) => {
      const times = backlogSampleTimes(context.window);
      return slopePerDay(times, openTicketCounts(context.ledger, context.allTickets, times));
    },
  },
  {
    id: 'backlog_age_p90',
    label: 'Backlog age, 90th percentile',
    better: 'lower',
    unit: 'minutes',
    definition: '90th percentile of the age (time since creation) of the tickets open at the end of observation.',
    needs: ['created'],
    compute: (context) => selectQuantile(openAges(context), 0.9),
  },
  {
    id: 'deflection_rate',
    label: 'Self-service deflection',
    better: 'higher',
    unit: 'share',
    definition: 'Issues the knowledge base answered without a ticket (self_service deflected) / (those + tickets created).',
    needs: ['self_service'],
    scope: 'desk',
    compute: (context) => {
      const total = context.ledger.deflections + context.tickets.length;
      return total === 0 ? null : context.ledger.deflections / total;
    },
  },
  {
    id: 'kb_usage_rate',
    label: 'Knowledge-base usage',
    better: null,
    unit: 'share',
    definition: 'Handled tickets with at least one knowledge-base lookup / handled tickets.',
    needs: ['kb_consulted'],
    compute: (context) =>
      ticketShare(
        context,
        (ledger, ticket) => ledger.lookups[ticket]! > 0,
        (ledger, ticket) => ledger.workIntervals[ticket]! > 0,
      ),
  },
  {
    id: 'cost_per_ticket',
    label: 'Cost per ticket',
    better: 'lower',
    unit: 'currency',
    definition:
      'Total cost (paid agent time, absence included, at tier rates, overtime with its premium + replacement cost of agents who left + overhead per ticket + prorated fixed monthly cost) / tickets created.',
    needs: ['created', 'shift_started'],
    scope: 'desk',
    compute: (context) => {
      const cost = totalCost(context);
      return cost === null || context.tickets.length === 0 ? null : cost / context.tickets.length;
    },
  },
  {
    id: 'total_cost',
    label: 'Total cost',
    better: 'lower',
    unit: 'currency',
    definition:
      'Total cost of the measured window: paid agent time (absence included, at tier rates, overtime with its premium) + replacement cost of agents who left + overhead per ticket + prorated fixed monthly cost.',
    needs: ['created', 'shift_started'],
    scope: 'desk',
    compute: (context) => totalCost(context),
  },
  {
    id: 'cost_per_resolution',
    label: 'Cost per resolution',
    better: 'lower',
    unit: 'currency',
    definition: 'Total cost / tickets resolved (at least once).',
    needs: ['resolved', 'shift_started'],
    scope: 'desk',
    compute: (context) => {
      const cost = totalCost(context);
      const resolved = resolvedTickets(context);
      return cost === null || resolved === 0 ? null : cost / resolved;
    },
  },
  {
    id: 'survey_response_rate',
    label: 'Survey response rate',
    better: 'higher',
    unit: 'share',
    definition: 'Surveys answered / surveys sent.',
    needs: ['survey_sent'],
    compute: (context) => {
      const { ledger, tickets } = context;
      let sent = 0;
      let answered = 0;
      for (let index = 0; index < tickets.length; index++) {
        const ticket = tickets[index]!;
        sent += ledger.surveysSent[ticket]!;
        if (ledger.surveysSent[ticket]! > 0 && !(Number.isNaN(ledger.csat[ticket]!) && Number.isNaN(ledger.nps[ticket]!))) answered++;
      }
      return sent === 0 ? null : answered / sent;
    },
  },
  {
    id: 'csat_mean',
    label: 'CSAT, mean (1–5)',
    better: 'higher',
    daily: 9,
    truth: { kpi: 'true_satisfaction_mean', measure: 'Satisfaction, mean (1–5)' },
    unit: 'score',
    definition: 'Mean survey CSAT (1–5) over answered surveys.',
    range: [1, 5],
    needs: ['survey_answered'],
    compute: (context) => ticketMean(context, (ledger, ticket) => ledger.csat[ticket]!),
  },
  {
    id: 'csat_satisfied_share',
    label: 'CSAT satisfied (4–5)',
    better: 'higher',
    truth: { kpi: 'true_satisfied_share', measure: 'Satisfied customers (CSAT 4–5)' },
    unit: 'share',
    definition: 'Share of CSAT answers that are 4 or 5.',
    needs: ['survey_answered'],
    compute: (context) =>
      ticketShare(
        context,
        (ledger, ticket) => ledger.csat[ticket]! >= 4,
        (ledger, ticket) => !Number.isNaN(ledger.csat[ticket]!),
      ),
  },
  {
    id: 'nps',
    label: 'Net promoter score',
    better: 'higher',
    unit: 'score',
    definition: 'Net promoter score of survey answers: % promoters (9–10) − % detractors (0–6), −100..100.',
    range: [-100, 100],
    needs: ['survey_answered'],
    compute: (context) => {
      const { ledger, tickets } = context;
      let promoters = 0;
      let detractors = 0;
      let answers = 0;
      for (let index = 0; index < tickets.length; index++) {
        const ticket = tickets[index]!;
        const score = ledger.nps[ticket]!;
        if (Number.isNaN(score)) continue;
        answers++;
        if (score >= 9) promoters++;
        else if (score <= 6) detractors++;
      }
      return answers === 0 ? null : (100 * (promoters - detractors)) / answers;
    },
  },
  {
    id: 'ces_mean',
    label: 'Customer effort, mean (1–7)',
    better: 'lower',
    unit: 'score',
    definition: 'Mean customer effort score (1–7, lower is easier) of survey answers.',
    range: [1, 7],
    needs: ['survey_answered'],
    compute: (context) => ticketMean(context, (ledger, ticket) => ledger.ces[ticket]!),
  },
  {
    id: 'agents_left',
    label: 'Agents who left',
    better: 'lower',
    unit: 'agents',
    definition: 'Agents who left (agent_left) in the measured period.',
    needs: ['shift_started'],
    scope: 'desk',
    compute: (context) => context.ledger.agentsLeft,
  },
  {
    id: 'overtime_share',
    label: 'Overtime share of paid hours',
    better: 'lower',
    unit: 'share',
    definition: 'On-shift time worked as overtime (from shift_started, kind overtime, to the shift_ended after it) / on-shift time, in the measured period.',
    needs: ['shift_started'],
    scope: 'desk',
    compute: (context) => {
      let onShift = 0;
      let overtime = 0;
      for (const agent of context.agents) {
        onShift += agent.onShiftTime;
        overtime += agent.overtimeTime;
      }
      return onShift === 0 ? null : overtime / onShift;
    },
  },
  {
    id: 'agents_hired',
    label: 'Agents hired',
    better: null,
    unit: 'agents',
    definition: 'Replacement agents who started (agent_hired) in the measured period.',
    needs: ['shift_started'],
    scope: 'desk',
    compute: (context) => context.ledger.agentsHired,
  },
  {
    id: 'automation_coverage',
    label: 'Automation coverage',
    better: null,
    unit: 'share',
    definition: 'Tickets an automation tier (AI agent, bot: metric option automationTiers) took / tickets created; null without one.',
    needs: ['created', 'queued'],
    compute: (context) => conversationShare(context, () => true, null),
  },
  {
    id: 'automation_containment_rate',
    label: 'Automation containment rate',
    better: 'higher',
    unit: 'share',
    definition:
      'Tickets an automation tier resolved itself, before any handoff / tickets it took. What a dashboard counts as solved by the AI.',
    needs: ['created', 'queued', 'resolved'],
    truth: { kpi: 'automation_true_fix_rate', measure: 'Tickets the AI really solved' },
    compute: (context) => conversationShare(context, contained, () => true),
  },
  {
    id: 'handoffs_per_ticket',
    label: 'Handoffs per ticket',
    better: 'lower',
    unit: 'ratio',
    definition: 'Escalated events (escalations, bot-to-human handoffs, hand-backs) / tickets created.',
    needs: ['created', 'escalated'],
    compute: (context) => ticketMean(context, (ledger, ticket) => ledger.escalations[ticket]!),
  },
  ...TRUTH_KPI_CATALOG,
] as const satisfies readonly KpiDefinition[];

/** The id of a desk-wide KPI: the catalog's ids, as a type. */
export type KpiId = (typeof DESK_KPIS)[number]['id'];

/** Desk-wide KPIs, in report order. */
export const KPI_CATALOG: readonly KpiDefinition<KpiId>[] = DESK_KPIS;

const TIER_KPIS = [
  {
    id: 'tickets_queued',
    label: 'Tickets queued',
    better: null,
    unit: 'tickets',
    definition: 'Queue entries at this tier by measured tickets.',
    needs: ['queued'],
    compute: (context, tier) => tierVisits(context, tier).length,
  },
  {
    id: 'queue_wait_mean',
    label: 'Queue wait, mean',
    better: 'lower',
    unit: 'minutes',
    definition: 'Mean wait in this tier’s queue per entry (until taken or abandoned; entries still waiting at the end are left out).',
    needs: ['queued', 'assigned'],
    unfinished: 'queue_wait_unfinished_share',
    compute: (context, tier) => {
      const waits: number[] = [];
      const visits = tierVisits(context, tier);
      for (let index = 0; index < visits.length; index++) {
        const visit = visits[index]!;
        const wait = context.ledger.visitWait(visit);
        if (!Number.isNaN(wait)) waits.push(wait);
      }
      return mean(waits);
    },
  },
  {
    id: 'queue_wait_unfinished_share',
    label: 'Still waiting in a queue at the end',
    better: 'lower',
    unit: 'share',
    definition: 'Share of entries to this tier’s queue still waiting at the end of observation (left out of its queue_wait_mean).',
    needs: ['queued', 'assigned'],
    compute: (context, tier) => visitShare(context, tierVisits(context, tier), (ledger, visit) => Number.isNaN(ledger.visitWait(visit))),
  },
  {
    id: 'waited_share',
    label: 'Tickets that waited',
    better: 'lower',
    unit: 'share',
    definition: 'Share of entries to this tier’s queue that waited at all.',
    needs: ['queued', 'assigned'],
    compute: (context, tier) => visitShare(context, tierVisits(context, tier), (ledger, visit) => ledger.visitWaited(visit)),
  },
  {
    id: 'service_level',
    label: 'Service level',
    better: 'higher',
    unit: 'share',
    definition: 'Share of entries to this tier’s queue taken within metrics.service_level_threshold.',
    needs: ['queued', 'assigned'],
    compute: (context, tier) =>
      serviceLevel(context.ledger, tierVisits(context, tier), context.options.serviceLevelThreshold),
  },
  {
    id: 'abandonment_rate',
    label: 'Abandonment rate',
    better: 'lower',
    unit: 'share',
    definition: 'Share of entries to this tier’s queue that ended in abandonment.',
    needs: ['queued', 'abandoned'],
    compute: (context, tier) => visitShare(context, tierVisits(context, tier), (ledger, visit) => !Number.isNaN(ledger.visitAbandonedAt[visit]!)),
  },
  {
    id: 'utilization',
    label: 'Agent utilization',
    better: null,
    unit: 'share',
    definition: 'Busy time / on-shift time of this tier’s agents, inside the measured window.',
    needs: ['shift_started', 'work_started'],
    compute: (context, tier) => utilization(context.agents.filter((agent) => agent.tier === tier)),
  },
] as const satisfies readonly TierKpiDefinition[];

/** The id of a per-tier KPI (`tiers.<tier>.<id>`). */
export type TierKpiId = (typeof TIER_KPIS)[number]['id'];

/** Per-tier KPIs, reported as `tiers.<tier>.<id>`. */
export const TIER_KPI_CATALOG: readonly TierKpiDefinition<TierKpiId>[] = TIER_KPIS;


// --- facts by key ---------------------------------------------------------------

/** The definition a key names (`tiers.<tier>.<kpi>`: the per-tier KPI); undefined for no KPI. */
export function findKpi(key: string): KpiDefinition<KpiId> | TierKpiDefinition<TierKpiId> | undefined {
  const { kpi, tier } = parseKpiKey(key);
  const catalog: ReadonlyArray<KpiDefinition<KpiId> | TierKpiDefinition<TierKpiId>> = tier === undefined ? KPI_CATALOG : TIER_KPI_CATALOG;
  return catalog.find((entry) => entry.id === kpi);
}

/** Whether a desk-wide id is a KPI of the catalog (and so typed). */
export function isKpiId(id: string): id is KpiId {
  return KPI_CATALOG.some((entry) => entry.id === id);
}

/** The range of a KPI by key (`tiers.<tier>.<kpi>` included); unknown keys: unbounded. */
export function kpiRange(key: string): KpiRange {
  const kpi = findKpi(key);
  return kpi === undefined ? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY] : (kpi.range ?? unitRange(kpi.unit));
}

/** The better direction of a KPI by key (`tiers.<tier>.<kpi>` included), if it has one. */
export function kpiDirection(key: string): KpiDirection | undefined {
  return findKpi(key)?.better ?? undefined;
}

/** Whether a change of this sign is an improvement (true), a deterioration (false), or neither is known. */
export function isImprovement(key: string, change: number): boolean | undefined {
  const direction = kpiDirection(key);
  if (direction === undefined || change === 0) return undefined;
  return direction === 'lower' ? change < 0 : change > 0;
}

/** Ids of the truth KPIs (simulation only), which reports set apart. */
export const TRUTH_KPI_IDS: ReadonlySet<string> = new Set<string>(TRUTH_KPI_CATALOG.map((kpi) => kpi.id));

/** Observed KPIs that have a truth counterpart, with it, in the truth catalog's order (true resolution rate first). */
export const TRUTH_PAIRS: ReadonlyArray<{ observed: KpiId; truth: TruthCounterpart }> = TRUTH_KPI_CATALOG.flatMap(
  (truth) => KPI_CATALOG.flatMap((kpi) => (kpi.truth?.kpi === truth.id ? [{ observed: kpi.id, truth: kpi.truth }] : [])),
);

/** Cohort KPIs of the daily series, in column order. */
export const DAILY_KPIS: readonly KpiId[] = KPI_CATALOG.filter((kpi) => kpi.daily !== undefined)
  .sort((a, b) => a.daily! - b.daily!)
  .map((kpi) => kpi.id);
