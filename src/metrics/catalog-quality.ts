/**
 * Desk-wide KPIs of quality as the log shows it: escalations, first-contact resolution, repeat contacts,
 * replies, reopens and waits on the customer (in report order).
 */
import { repeatedFlags } from './catalog-contacts.js';
import type { KpiDefinition } from './catalog-definition.js';
import {
  escalatedFlags,
  firstContactFlags,
  meanOf,
  pendingFlags,
  pendingTimes,
  reopenedFlags,
  repliesPerResolved,
  shareOf,
} from './log-columns.js';

/** These KPIs, in report order; src/metrics/catalog.ts assembles the families into KPI_CATALOG. */
export const QUALITY_KPIS = [
  {
    id: 'escalation_rate',
    label: 'Escalation rate',
    better: 'lower',
    daily: 6,
    unit: 'share',
    definition: 'Tickets escalated at least once / tickets created.',
    needs: ['created', 'escalated'],
    compute: (context) => shareOf(context, escalatedFlags(context)),
  },
  {
    id: 'fcr_rate',
    label: 'First-contact resolution',
    better: 'higher',
    unit: 'share',
    definition:
      'First-contact resolution: resolved tickets with no escalation, and neither a reopen nor a new ticket from the ' +
      'same customer ' +
      'and category within metrics.fcr_window_days of the resolution / resolved tickets.',
    needs: ['resolved', 'escalated', 'reopened'],
    compute: (context) => shareOf(context, firstContactFlags(context)),
  },
  {
    id: 'repeat_contact_rate',
    label: 'Repeat contact rate',
    better: 'lower',
    unit: 'share',
    definition:
      'Tickets followed by a new ticket from the same customer and category within metrics.fcr_window_days of their ' +
      'resolution ' +
      '(or creation, if unresolved) / tickets with a known customer.',
    needs: ['created'],
    compute: (context) => shareOf(context, repeatedFlags(context)),
  },
  {
    id: 'replies_per_ticket',
    label: 'Replies per ticket',
    better: 'lower',
    unit: 'ratio',
    definition:
      'Public agent replies per resolved ticket (automatic replies only if metrics.auto_reply_counts_as_response).',
    needs: ['resolved', 'replied'],
    compute: repliesPerResolved,
  },
  {
    id: 'reopen_rate',
    label: 'Reopen rate',
    better: 'lower',
    unit: 'share',
    definition: 'Resolved tickets reopened within metrics.reopen_window_days of their resolution / resolved tickets.',
    needs: ['resolved', 'reopened'],
    compute: (context) => shareOf(context, reopenedFlags(context)),
  },
  {
    id: 'pending_share',
    label: 'Pending share',
    better: null,
    unit: 'share',
    definition:
      'Tickets that waited on the customer at least once (pending, not of kind engineering) / tickets created.',
    needs: ['created', 'pending'],
    compute: (context) => shareOf(context, pendingFlags(context)),
  },
  {
    id: 'pending_time_mean',
    label: 'Pending time, mean',
    better: null,
    unit: 'minutes',
    definition:
      'Mean time a resolved ticket that waited on the customer spent waiting (pending → resumed / customer_replied, ' +
      'or to its last resolution), on the metrics clock.',
    needs: ['created', 'pending', 'resolved'],
    compute: (context) => meanOf(context, pendingTimes(context)),
  },
] as const satisfies readonly KpiDefinition[];
