/**
 * The ticket lifecycle every simulated log follows: the allowed next event type after each
 * event type, for one ticket. test/model/invariants.test.ts checks plain desks against
 * `LIFECYCLE`; test/model/gaming/lifecycle.test.ts checks gaming desks against
 * `GAMING_LIFECYCLE`, the same table with the few turns gaming adds.
 */
export const LIFECYCLE: Readonly<Record<string, readonly string[]>> = {
  // truth_issue: a repeat contact (or a split-off piece) names its issue's first ticket
  created: ['queued', 'self_service', 'truth_issue'],
  self_service: ['queued', 'truth_issue'],
  truth_issue: ['queued'],
  queued: ['assigned', 'abandoned'],
  assigned: ['work_started'],
  work_started: ['replied', 'work_ended', 'kb_consulted'],
  kb_consulted: ['replied', 'work_ended'],
  replied: ['work_ended', 'resolved', 'pending', 'kb_consulted', 'escalated'], // chat and phone reply on pickup, then look up; a note with each escalation
  work_ended: ['replied', 'escalated', 'pending'],
  pending: ['resumed', 'customer_replied', 'closed'],
  customer_replied: ['resumed'],
  resumed: ['queued'],
  escalated: ['queued'],
  resolved: ['truth_fixed', 'closed', 'reopened'],
  truth_fixed: ['closed'],
  reopened: ['queued'],
  // A ticket that ends records what its customer thinks; a resolved one may be surveyed.
  closed: ['truth_satisfaction'],
  abandoned: ['truth_satisfaction'],
  truth_satisfaction: ['survey_sent'],
  survey_sent: ['survey_answered'],
  survey_answered: [],
};

/** The turns gaming adds to `LIFECYCLE`. */
const GAMING_TURNS: Readonly<Record<string, readonly string[]>> = {
  // a generic acknowledgement and the ticket back in the queue
  replied: ['queued'],
  // a held ticket back in its tier's queue
  work_ended: ['queued'],
  // still waiting on engineering, set pending on the customer again
  customer_replied: ['pending'],
  // a needless question after the escalation
  escalated: ['replied'],
};

export const GAMING_LIFECYCLE: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(LIFECYCLE).map(([type, next]) => [type, [...next, ...(GAMING_TURNS[type] ?? [])]]),
);

/** Records after a ticket's end: what its customer thinks, and the survey. */
export const AFTERMATH: ReadonlySet<string> = new Set(['truth_satisfaction', 'survey_sent', 'survey_answered']);
