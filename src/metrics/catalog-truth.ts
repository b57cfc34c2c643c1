/**
 * The truth KPIs (simulation only): what really happened to each customer issue.
 */
import { contactsPerIssue, contained, conversationShare, fixedByAutomation } from './automation.js';
import { type KpiDefinition, totalCost } from './catalog-definition.js';
import { countIssues, issueColumns } from './catalog-issues.js';
import { hiddenFailureFlags, meanOf, shareOf } from './log-columns.js';

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
      "Customer issues really fixed (truth_fixed on any of the issue's tickets: reopens, repeat and split tickets " +
      'followed) ' +
      'by the end of observation / issues first raised in the measured window.',
    needs: ['created', 'truth_fixed'],
    compute: (context) => shareOf(context, issueColumns(context).fixed),
  },
  {
    id: 'true_resolution_time_mean',
    label: 'True resolution time per issue, mean',
    better: 'lower',
    unit: 'minutes',
    definition:
      "Mean time from an issue's first contact (its first ticket created) until it was really fixed (the first " +
      'truth_fixed ' +
      'on any of its tickets), over really fixed issues (see true_resolution_unfinished_share).',
    unfinished: 'true_resolution_unfinished_share',
    needs: ['created', 'truth_fixed'],
    compute: (context) => meanOf(context, issueColumns(context).fixTime),
  },
  {
    id: 'true_resolution_unfinished_share',
    label: 'Issues not really fixed',
    better: 'lower',
    unit: 'share',
    definition:
      'Issues first raised in the measured window and not really fixed by the end of observation — still in ' +
      'progress, or ' +
      'given up by their customer — / issues: those left out of true_resolution_time_mean (1 − true_resolution_rate).',
    needs: ['created', 'truth_fixed'],
    compute: (context) => shareOf(context, issueColumns(context).fixed, true),
  },
  {
    id: 'true_satisfaction_mean',
    label: 'True satisfaction per issue, mean (1–5)',
    better: 'higher',
    daily: 12,
    unit: 'score',
    definition:
      "Mean CSAT (1–5) each issue's customer would give in the end, respondent or not: the truth_satisfaction of the " +
      "issue's " +
      'last ticket, over issues whose last ticket has ended.',
    range: [1, 5],
    needs: ['created', 'truth_satisfaction'],
    compute: (context) => meanOf(context, issueColumns(context).satisfaction),
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
    compute: (context) => shareOf(context, issueColumns(context).satisfied),
  },
  {
    id: 'contacts_per_issue',
    label: 'Contacts per issue',
    better: 'lower',
    unit: 'ratio',
    range: [1, Number.POSITIVE_INFINITY],
    definition:
      "Mean contacts per customer issue: the issue's tickets (repeat and split tickets, truth_issue, included) plus " +
      'their ' +
      'reopens, over issues first raised in the measured window.',
    needs: ['created', 'truth_fixed'],
    compute: (context) => meanOf(context, issueColumns(context).contacts),
  },
  {
    id: 'agent_minutes_per_issue',
    label: 'Agent minutes per issue',
    better: 'lower',
    unit: 'minutes',
    definition:
      "Mean agent work time (work_started to work_ended) over all of an issue's tickets, repeat and split tickets " +
      'included, ' +
      'over issues first raised in the measured window (work still going at the end counts up to it).',
    needs: ['created', 'work_ended', 'truth_fixed'],
    compute: (context) => meanOf(context, issueColumns(context).minutes),
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
    compute: (context) => shareOf(context, hiddenFailureFlags(context)),
  },
  {
    id: 'automation_true_fix_rate',
    label: 'Automation true fix rate',
    better: 'higher',
    unit: 'share',
    definition:
      'Tickets an automation tier resolved itself and really fixed (truth_fixed before any other visit) / tickets it ' +
      'took.',
    needs: ['created', 'queued', 'truth_fixed'],
    compute: (context) => conversationShare(context, fixedByAutomation, () => true),
  },
  {
    id: 'automation_hidden_failure_share',
    label: 'Automation hidden failures',
    better: 'lower',
    unit: 'share',
    definition:
      'Tickets an automation tier resolved itself without really fixing the problem / tickets it resolved itself.',
    needs: ['created', 'queued', 'truth_fixed'],
    compute: (context) =>
      conversationShare(context, (ledger, ticket, visit) => !fixedByAutomation(ledger, ticket, visit), contained),
  },
  {
    id: 'contacts_per_issue_automated',
    label: 'Contacts per issue, with the AI',
    better: 'lower',
    unit: 'ratio',
    range: [1, Number.POSITIVE_INFINITY],
    definition:
      'Contacts (tickets and reopens) per issue an automation tier took part in (any of its measured tickets; ' +
      'truth_issue). ' +
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
    definition:
      'Contacts (tickets and reopens) per issue no automation tier took part in (truth_issue); null without ' +
      'automation tiers.',
    needs: ['created', 'queued', 'truth_fixed'],
    compute: (context) => contactsPerIssue(context, false),
  },
] as const satisfies readonly KpiDefinition[];

/** The id of a truth KPI. */
export type TruthKpiId = (typeof TRUTH_KPI_CATALOG)[number]['id'];

/** SLA clock minutes from creation to `to`, less the customer pauses inside (if the policy pauses). */
