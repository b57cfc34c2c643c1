/**
 * How much does one more contact cost in satisfaction? Estimated from an event log with
 * truth (`truth_satisfaction`, `truth_issue`, `truth_fixed`: simulated logs), not read from
 * a scenario: the seeds' claim "satisfaction falls about 15 % per extra contact" (SQM Group)
 * checked against what the simulated customers said (docs/claims.md, claim 6).
 *
 * Unit: a customer issue, judged by the customer's answers after its last ended ticket
 * (satisfied = would rate CSAT 4 or 5), as `true_satisfied_share` does. Its contacts are its
 * tickets (first contact, repeat contacts), reopens and chases. Issues differ in more than
 * contacts — the ones with more contacts were more often not fixed, escalated, or waited
 * longer — so the share satisfied is regressed on all of that at once, on the log scale
 * (Poisson regression with a log link on a 0/1 outcome, Zou 2004, "A modified Poisson
 * regression approach to prospective studies with binary data"): exp(coefficient) is the
 * factor by which each extra contact multiplies the share satisfied, the others held equal.
 * The controls, all read from the log for that last ticket: not really fixed, abandoned,
 * escalations, information requests, generic replies, and its first-response wait (by
 * channel) and resolution wait (by priority) as piecewise-linear functions of their logs.
 */
import type { TicketEvent } from '../eventlog/types.js';

/** The satisfaction factor per extra contact, and what it was estimated from. */
export interface ContactSatisfactionEstimate {
  /** Multiplies the share satisfied for each extra contact (0.85 = 15 % fewer satisfied). */
  factorPerExtraContact: number;
  /** Issues judged (with a truth_satisfaction on their last ticket). */
  issues: number;
  /** Of which with more than one contact. */
  repeatedIssues: number;
}

interface TicketFacts {
  issue: number | string;
  createdAt: number;
  latestContactAt: number;
  firstReplyAt: number;
  resolvedAt: number;
  endedAt: number;
  satisfied: boolean | undefined;
  fixed: boolean;
  abandoned: boolean;
  escalations: number;
  exchanges: number;
  genericReplies: number;
  contacts: number;
  channel: string;
  priority: string;
}

/**
 * Knots (minutes) of the wait controls: customers judge a wait against what they expected,
 * which differs by channel (first response) and priority (resolution) and is not in the log;
 * a piecewise-linear function of the log wait per channel and priority, bending at each knot,
 * takes any such expectation in.
 */
const FIRST_RESPONSE_KNOTS = [1, 10, 60, 240, 1440];
const RESOLUTION_KNOTS = [60, 240, 480, 1440, 4320];

function ticketFacts(events: Iterable<TicketEvent>): Map<number | string, TicketFacts> {
  const tickets = new Map<number | string, TicketFacts>();
  for (const event of events) {
    if (event.ticket === undefined) continue;
    let facts = tickets.get(event.ticket);
    if (facts === undefined) {
      facts = {
        issue: event.ticket,
        createdAt: event.time,
        latestContactAt: event.time,
        firstReplyAt: NaN,
        resolvedAt: NaN,
        endedAt: NaN,
        satisfied: undefined,
        fixed: false,
        abandoned: false,
        escalations: 0,
        exchanges: 0,
        genericReplies: 0,
        contacts: 1,
        channel: event.channel ?? '',
        priority: event.priority ?? '',
      };
      tickets.set(event.ticket, facts);
    }
    switch (event.type) {
      case 'truth_issue':
        facts.issue = event.value as number | string;
        break;
      case 'replied':
        if (event.kind !== 'auto' && Number.isNaN(facts.firstReplyAt)) facts.firstReplyAt = event.time;
        if (event.kind === 'info_request') facts.exchanges++;
        if (event.kind === 'generic') facts.genericReplies++;
        break;
      case 'reopened':
        facts.contacts++;
        facts.latestContactAt = event.time;
        break;
      case 'customer_replied':
        if (event.kind === 'chase') facts.contacts++;
        break;
      case 'escalated':
        facts.escalations++;
        break;
      case 'resolved':
        facts.resolvedAt = event.time;
        break;
      case 'abandoned':
        facts.abandoned = true;
        break;
      case 'truth_fixed':
        facts.fixed = true;
        break;
      case 'truth_satisfaction':
        facts.satisfied = ((event.value as { csat: number }).csat ?? 0) >= 4;
        facts.endedAt = event.time;
        break;
      default:
    }
  }
  return tickets;
}

/** One issue's row: outcome (satisfied 0/1) and covariates, the extra contacts first. */
function issueRows(tickets: Map<number | string, TicketFacts>): { rows: number[][]; outcomes: number[] } {
  const issues = new Map<number | string, TicketFacts[]>();
  const channels = new Set<string>();
  const priorities = new Set<string>();
  for (const facts of tickets.values()) {
    channels.add(facts.channel);
    priorities.add(facts.priority);
    const list = issues.get(facts.issue);
    if (list === undefined) issues.set(facts.issue, [facts]);
    else list.push(facts);
  }
  const hinges = (wait: number, group: string, groups: Set<string>, knots: number[]) =>
    [...groups].flatMap((each) =>
      knots.map((knot) => (each === group ? Math.max(0, Math.log(Math.max(wait, 1e-3) / knot)) : 0)),
    );
  const rows: number[][] = [];
  const outcomes: number[] = [];
  for (const list of issues.values()) {
    const ended = list.filter((facts) => facts.satisfied !== undefined);
    if (ended.length === 0) continue;
    const last = ended.reduce((latest, facts) => (facts.endedAt > latest.endedAt ? facts : latest));
    const contacts = list
      .filter((facts) => facts.createdAt <= last.createdAt)
      .reduce((sum, facts) => sum + facts.contacts, 0);
    const firstResponse = (Number.isNaN(last.firstReplyAt) ? last.endedAt : last.firstReplyAt) - last.createdAt;
    const resolution = (Number.isNaN(last.resolvedAt) ? last.endedAt : last.resolvedAt) - last.latestContactAt;
    rows.push([
      1,
      contacts - 1,
      last.fixed ? 0 : 1,
      last.abandoned ? 1 : 0,
      last.escalations,
      last.exchanges,
      last.genericReplies,
      ...hinges(firstResponse, last.channel, channels, FIRST_RESPONSE_KNOTS),
      ...hinges(resolution, last.priority, priorities, RESOLUTION_KNOTS),
    ]);
    outcomes.push(last.satisfied ? 1 : 0);
  }
  return { rows, outcomes };
}

/** Solves A x = b (A square, small) by Gaussian elimination with partial pivoting. */
function solve(matrix: number[][], vector: number[]): number[] {
  const size = vector.length;
  const a = matrix.map((row, index) => [...row, vector[index]!]);
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let row = column + 1; row < size; row++)
      if (Math.abs(a[row]![column]!) > Math.abs(a[pivot]![column]!)) pivot = row;
    [a[column], a[pivot]] = [a[pivot]!, a[column]!];
    const head = a[column]![column]!;
    if (Math.abs(head) < 1e-12) throw new Error('singular regression: a covariate does not vary in this log');
    for (let row = column + 1; row < size; row++) {
      const factor = a[row]![column]! / head;
      for (let k = column; k <= size; k++) a[row]![k]! -= factor * a[column]![k]!;
    }
  }
  const x = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row--) {
    let sum = a[row]![size]!;
    for (let k = row + 1; k < size; k++) sum -= a[row]![k]! * x[k]!;
    x[row] = sum / a[row]![row]!;
  }
  return x;
}

/** Poisson regression with a log link, by iteratively reweighted least squares. */
export function logLinearRegression(rows: number[][], outcomes: number[], iterations = 50): number[] {
  const width = rows[0]!.length;
  const mean = outcomes.reduce((sum, y) => sum + y, 0) / outcomes.length;
  let beta = new Array<number>(width).fill(0);
  beta[0] = Math.log(Math.max(mean, 1e-6));
  for (let iteration = 0; iteration < iterations; iteration++) {
    const information = Array.from({ length: width }, () => new Array<number>(width).fill(0));
    const score = new Array<number>(width).fill(0);
    rows.forEach((row, index) => {
      const eta = row.reduce((sum, value, k) => sum + value * beta[k]!, 0);
      const mu = Math.exp(eta);
      const working = eta + (outcomes[index]! - mu) / mu;
      for (let j = 0; j < width; j++) {
        score[j]! += mu * row[j]! * working;
        for (let k = 0; k < width; k++) information[j]![k]! += mu * row[j]! * row[k]!;
      }
    });
    // A whisker of ridge keeps knots that only a few issues reach from making the system singular.
    for (let j = 0; j < width; j++) information[j]![j]! += 1e-6;
    const next = solve(information, score);
    const change = Math.max(...next.map((value, k) => Math.abs(value - beta[k]!)));
    beta = next;
    if (change < 1e-9) break;
  }
  return beta;
}

/** The satisfaction factor per extra contact, estimated from one log (see the module comment). */
export function contactSatisfaction(events: Iterable<TicketEvent>): ContactSatisfactionEstimate {
  const { rows, outcomes } = issueRows(ticketFacts(events));
  if (rows.length === 0) throw new Error('no truth_satisfaction in the log: simulated logs only');
  // A control that never varies in this log (no generic replies without gaming) is dropped.
  const varies = rows[0]!.map((first, k) => k < 2 || rows.some((row) => row[k] !== first));
  const beta = logLinearRegression(
    rows.map((row) => row.filter((_, k) => varies[k])),
    outcomes,
  );
  return {
    factorPerExtraContact: Math.exp(beta[1]!),
    issues: rows.length,
    repeatedIssues: rows.filter((row) => row[1]! > 0).length,
  };
}
