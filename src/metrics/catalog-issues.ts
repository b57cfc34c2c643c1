/**
 * Per-issue quantities for the truth KPIs: a customer issue followed across its tickets.
 */
import type { MetricContext } from './catalog-definition.js';
import type { Ledger } from './ledger.js';

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
export function issueMean(
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
export function issueShare(
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
export function issueFixedAt(ledger: Ledger, tickets: readonly number[]): number {
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
export function issueSatisfaction(ledger: Ledger, tickets: readonly number[]): number {
  let last = tickets[0]!;
  for (let index = 1; index < tickets.length; index++) {
    const ticket = tickets[index]!;
    if (ledger.createdAt[ticket]! >= ledger.createdAt[last]!) last = ticket;
  }
  return ledger.trueCsat[last]!;
}

/** Measured customer issues: those first raised in the measured window (see `forEachIssue`). */
export function countIssues(context: MetricContext): number {
  let issues = 0;
  forEachIssue(context, () => issues++);
  return issues;
}

// --- the catalog --------------------------------------------------------------
