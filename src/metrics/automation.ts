/**
 * What the automation KPIs read (catalog.ts; docs/model.md, Automation tier): which measured
 * tickets an automation tier (an AI agent, a bot: the metric option `automationTiers`) took,
 * whether it contained them, and whether what it contained was really fixed.
 *
 * From the log alone: a conversation is the ticket's queue visit at an automation tier. It
 * was contained when the ticket was resolved before it moved on to another visit (a handoff
 * is an `escalated` event and a visit at a human tier at once; a reopen after a contained
 * conversation comes later, after its resolution). It really fixed the problem when the
 * ticket's `truth_fixed` came before that next visit too.
 */
import type { MetricContext } from './catalog.js';
import type { Ledger } from './ledger.js';

/**
 * The KPIs that exist only on a desk with an automation tier (null without one): a run or a
 * log without a bot does not report them as blank for want of events.
 */
export const AUTOMATION_KPI_IDS: readonly string[] = [
  'automation_coverage',
  'automation_containment_rate',
  'automation_true_fix_rate',
  'automation_hidden_failure_share',
  'contacts_per_issue_automated',
  'contacts_per_issue_not_automated',
];

/** Key of the cached conversations in `MetricContext.samples`. */
const SAMPLE_KEY = 'automation.conversations';

/**
 * For each measured ticket (by position in `context.tickets`), the queue visit of its first
 * conversation with an automation tier, or -1; null when the options name no automation tier
 * (the automation KPIs are then null). Computed once per context.
 */
export function automationConversations(context: MetricContext): Float64Array | null {
  const tiers = context.options.automationTiers;
  if (tiers === undefined || tiers.length === 0) return null;
  const cached = context.samples.get(SAMPLE_KEY);
  if (cached !== undefined) return cached;
  const { ledger, tickets } = context;
  const codes = tiers.map((tier) => ledger.tiers.values.indexOf(tier)).filter((code) => code >= 0);
  const visits = new Float64Array(tickets.length).fill(-1);
  for (let index = 0; index < tickets.length; index++) {
    for (let visit = ledger.firstVisit[tickets[index]!]!; visit >= 0; visit = ledger.visitNext[visit]!) {
      if (codes.includes(ledger.visitTier[visit]!)) {
        visits[index] = visit;
        break;
      }
    }
  }
  context.samples.set(SAMPLE_KEY, visits);
  return visits;
}

/** When the ticket left the conversation for another visit (Infinity: it never did). */
function conversationEnd(ledger: Ledger, visit: number): number {
  const next = ledger.visitNext[visit]!;
  return next < 0 ? Number.POSITIVE_INFINITY : ledger.visitQueuedAt[next]!;
}

/** The automation tier ended the conversation itself: the ticket was first resolved before any other visit. */
export function contained(ledger: Ledger, ticket: number, visit: number): boolean {
  if (ledger.resolvedCount[ticket]! === 0) return false;
  const done = ledger.doneAt[ticket]!;
  const abandoned = ledger.abandonedAt[ticket]!;
  return done < conversationEnd(ledger, visit) && !(abandoned <= done);
}

/** It contained the conversation and the problem was really fixed before any other visit (truth). */
export function fixedByAutomation(ledger: Ledger, ticket: number, visit: number): boolean {
  return contained(ledger, ticket, visit) && ledger.truthFixedAt[ticket]! < conversationEnd(ledger, visit);
}

/**
 * Share of measured tickets meeting `predicate` among those the automation took (or, with
 * `among` false, among all measured tickets); null without automation tiers or tickets.
 */
export function conversationShare(
  context: MetricContext,
  predicate: (ledger: Ledger, ticket: number, visit: number) => boolean,
  among: ((ledger: Ledger, ticket: number, visit: number) => boolean) | null,
): number | null {
  const visits = automationConversations(context);
  if (visits === null) return null;
  const { ledger, tickets } = context;
  let count = 0;
  let total = 0;
  for (let index = 0; index < tickets.length; index++) {
    const visit = visits[index]!;
    if (among !== null && (visit < 0 || !among(ledger, tickets[index]!, visit))) continue;
    total++;
    if (visit >= 0 && predicate(ledger, tickets[index]!, visit)) count++;
  }
  return total === 0 ? null : count / total;
}

/**
 * Contacts (tickets and reopens) per issue, over the issues of measured tickets (a repeat
 * ticket counts toward the issue it is about, `truth_issue`) that an automation tier took
 * part in (`withAutomation`) or never did; null without automation tiers or such issues.
 */
export function contactsPerIssue(context: MetricContext, withAutomation: boolean): number | null {
  const visits = automationConversations(context);
  if (visits === null) return null;
  const { ledger, tickets } = context;
  const issues = new Map<number | string, { contacts: number; automated: boolean }>();
  for (let index = 0; index < tickets.length; index++) {
    const ticket = tickets[index]!;
    const key = ledger.issueOf.get(ticket) ?? ledger.ticketId(ticket);
    let issue = issues.get(key);
    if (issue === undefined) {
      issue = { contacts: 0, automated: false };
      issues.set(key, issue);
    }
    issue.contacts += 1 + ledger.reopens[ticket]!;
    if (visits[index]! >= 0) issue.automated = true;
  }
  let contacts = 0;
  let count = 0;
  for (const issue of issues.values()) {
    if (issue.automated !== withAutomation) continue;
    contacts += issue.contacts;
    count++;
  }
  return count === 0 ? null : contacts / count;
}
