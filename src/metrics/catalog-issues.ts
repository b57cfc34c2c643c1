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

/** Per-issue facts, stored at the row of each issue's first ticket (see `issueColumns`). */
export interface IssueColumns {
  /** 1 at the first ticket of an issue, 0 at a repeat of an earlier ticket's issue. */
  start: Uint8Array;
  /** Starts: really fixed (1) or not (0); repeats not counted (2). */
  fixed: Uint8Array;
  /** Starts: time from the first contact until the issue was really fixed; NaN otherwise. */
  fixTime: Float64Array;
  /** Starts: the customer's true CSAT in the end (`issueSatisfaction`); NaN otherwise. */
  satisfaction: Float64Array;
  /** Starts with a satisfaction: truly satisfied (4–5) or not; others not counted (2). */
  satisfied: Uint8Array;
  /** Starts: the issue's tickets plus their reopens; NaN otherwise. */
  contacts: Float64Array;
  /** Starts: agent work time over the issue's tickets; NaN otherwise. */
  minutes: Float64Array;
}

/**
 * The per-issue facts of the log, once per log (`LogColumns`): a pass over every row for
 * issues of one ticket (most), then the issues of several. A context's issues are the
 * starts among its tickets, in its ticket order (their later tickets count wherever they fall).
 */
export function issueColumns(context: MetricContext): IssueColumns {
  return context.columns.column('issues', () => {
    const ledger = context.ledger;
    const count = ledger.ticketCount;
    const { firstOf, members } = ledger.issueTickets();
    const columns: IssueColumns = {
      start: new Uint8Array(count),
      fixed: new Uint8Array(count).fill(2),
      fixTime: new Float64Array(count).fill(Number.NaN),
      satisfaction: new Float64Array(count).fill(Number.NaN),
      satisfied: new Uint8Array(count).fill(2),
      contacts: new Float64Array(count).fill(Number.NaN),
      minutes: new Float64Array(count).fill(Number.NaN),
    };
    const fill = (ticket: number, tickets: readonly number[]) => {
      const fixedAt = issueFixedAt(ledger, tickets);
      const satisfaction = issueSatisfaction(ledger, tickets);
      let contacts = 0;
      let minutes = 0;
      for (let index = 0; index < tickets.length; index++) {
        contacts += 1 + ledger.reopens[tickets[index]!]!;
        minutes += ledger.handleTime[tickets[index]!]!;
      }
      columns.start[ticket] = 1;
      columns.fixed[ticket] = Number.isNaN(fixedAt) ? 0 : 1;
      columns.fixTime[ticket] = fixedAt - ledger.createdAt[tickets[0]!]!;
      columns.satisfaction[ticket] = satisfaction;
      columns.satisfied[ticket] = Number.isNaN(satisfaction) ? 2 : satisfaction >= 4 ? 1 : 0;
      columns.contacts[ticket] = contacts;
      columns.minutes[ticket] = minutes;
    };
    // An issue of one ticket (most): the same sums as `fill`'s, without the list.
    for (let ticket = 0; ticket < count; ticket++) {
      if (firstOf.has(ticket) || members.has(ticket)) continue;
      const fixedAt = ledger.truthFixedAt[ticket]!;
      const satisfaction = ledger.trueCsat[ticket]!;
      columns.start[ticket] = 1;
      columns.fixed[ticket] = Number.isNaN(fixedAt) ? 0 : 1;
      columns.fixTime[ticket] = fixedAt - ledger.createdAt[ticket]!;
      columns.satisfaction[ticket] = satisfaction;
      columns.satisfied[ticket] = Number.isNaN(satisfaction) ? 2 : satisfaction >= 4 ? 1 : 0;
      columns.contacts[ticket] = 1 + ledger.reopens[ticket]!;
      columns.minutes[ticket] = ledger.handleTime[ticket]!;
    }
    for (const [first, tickets] of members) if (!firstOf.has(first)) fill(first, tickets);
    return columns;
  });
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

/** Measured customer issues: those first raised among the context's tickets. */
export function countIssues(context: MetricContext): number {
  const start = issueColumns(context).start;
  const tickets = context.tickets;
  let issues = 0;
  for (let index = 0; index < tickets.length; index++) if (start[tickets[index]!] === 1) issues++;
  return issues;
}
