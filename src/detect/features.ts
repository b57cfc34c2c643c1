/**
 * The per-agent figures the detector compares with peers (observe.ts folds them from a
 * log, compare.ts sets each agent against its tier's other agents on the same mix). Each is
 * a definition stored as data: what one observation is, whether it is a share or a mean,
 * and how to say it in words.
 */

export const FEATURES = [
  'resolve_time',
  'returned',
  'csat',
  'closed_at_once',
  'surveyed',
  'escalated',
  'escalate_time',
  'requeued',
  'acknowledged',
  'info_request',
  'asked_on_escalation',
  'split',
  'jumped',
] as const;

export type Feature = (typeof FEATURES)[number];

export interface FeatureDefinition {
  id: Feature;
  /** `share`: observations are 0 or 1; `log_minutes`: the log of a duration; `score`: a rating. */
  kind: 'share' | 'log_minutes' | 'score';
  /** What one observation is, in words. */
  per: string;
  /** What the figure is, in words (for the evidence and the report). */
  label: string;
}

export const FEATURE_DEFINITIONS: Readonly<Record<Feature, FeatureDefinition>> = {
  resolve_time: {
    id: 'resolve_time',
    kind: 'log_minutes',
    per: 'resolution session',
    label: 'handle time of the session that resolved the ticket',
  },
  returned: {
    id: 'returned',
    kind: 'share',
    per: 'resolution',
    label: 'customer came back within 7 days (reopen or new ticket, same category)',
  },
  csat: {
    id: 'csat',
    kind: 'score',
    per: 'answered survey',
    label: 'CSAT of answered surveys on the tickets the agent resolved',
  },
  closed_at_once: {
    id: 'closed_at_once',
    kind: 'share',
    per: 'resolution',
    label: 'ticket closed by the agent at the moment of resolution (cannot be reopened)',
  },
  surveyed: {
    id: 'surveyed',
    kind: 'share',
    per: 'closed resolution',
    label: 'survey sent when the resolved ticket closed',
  },
  escalated: {
    id: 'escalated',
    kind: 'share',
    per: 'session',
    label: 'session ended in an escalation',
  },
  escalate_time: {
    id: 'escalate_time',
    kind: 'log_minutes',
    per: 'escalation',
    label: 'handle time of the session before an escalation',
  },
  requeued: {
    id: 'requeued',
    kind: 'share',
    per: 'session',
    label: "session ended with the ticket back in the same tier's queue",
  },
  acknowledged: {
    id: 'acknowledged',
    kind: 'share',
    per: 'session',
    label: 'session ended in a generic (templated) reply',
  },
  info_request: {
    id: 'info_request',
    kind: 'share',
    per: 'session',
    label: 'session ended in a request for information from the customer',
  },
  asked_on_escalation: {
    id: 'asked_on_escalation',
    kind: 'share',
    per: 'escalation',
    label:
      'escalation followed at once by a request for information (the ticket waits on the customer before the next ' +
      'queue)',
  },
  split: {
    id: 'split',
    kind: 'share',
    per: 'resolution',
    label: 'a new ticket, same customer and category, opened at the moment of resolution',
  },
  jumped: {
    id: 'jumped',
    kind: 'share',
    per: 'assignment',
    label: 'ticket taken while an earlier one of the same tier and priority still waited',
  },
};
