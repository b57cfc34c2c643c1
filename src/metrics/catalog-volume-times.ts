/**
 * Desk-wide KPIs of volume and flow and of times: tickets created, first response and resolution times, handle time,
 * queue waits, service level and abandonment (the start of the catalog, in report order).
 */
import type { KpiDefinition } from './catalog-definition.js';
import { durationStatistics } from './catalog-tickets.js';
import {
  abandonedFlags,
  firstResponses,
  firstResponseUnfinishedFlags,
  handleTimeMean,
  meanOf,
  openAtEndFlags,
  queueWaits,
  queueWaitUnfinishedFlags,
  resolutions,
  resolvedFlags,
  sampleOf,
  serviceLevelFlags,
  shareOf,
  substantiveFirstFlags,
  waitedFlags,
} from './log-columns.js';
import { selectQuantile } from './statistics.js';

/** These KPIs, in report order; src/metrics/catalog.ts assembles the families into KPI_CATALOG. */
export const VOLUME_AND_TIME_KPIS = [
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
    what:
      'time from creation to the first public agent reply, over tickets that got one (see ' +
      'first_response_unfinished_share)',
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
      'Tickets still open at the end of observation without a first response / tickets created: left out of the ' +
      'first-response times, which they would lengthen (censored).',
    needs: ['created', 'replied'],
    compute: (context) => shareOf(context, firstResponseUnfinishedFlags(context)),
  },
  {
    id: 'first_response_substantive_share',
    label: 'First response substantive share',
    better: 'higher',
    unit: 'share',
    definition:
      'Share of first responses that were substantive (not a generic acknowledgement, an information request, or a ' +
      'counted automatic reply).',
    needs: ['replied'],
    compute: (context) => shareOf(context, substantiveFirstFlags(context)),
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
    compute: (context) => shareOf(context, resolvedFlags(context)),
  },
  {
    id: 'resolution_unfinished_share',
    label: 'Open at the end',
    better: 'lower',
    unit: 'share',
    definition:
      'Tickets open at the end of observation (never resolved, or reopened and not resolved again) / tickets ' +
      'created: left out of resolution and true-resolution times (censored).',
    needs: ['created', 'resolved'],
    compute: (context) => shareOf(context, openAtEndFlags(context)),
  },
  {
    id: 'handle_time_mean',
    label: 'Handle time, mean',
    better: 'lower',
    unit: 'minutes',
    definition:
      'Mean agent working time per handled ticket (sum of its work intervals, all tiers; work still going on at the ' +
      'end counts until then).',
    needs: ['work_started', 'work_ended'],
    unfinished: 'resolution_unfinished_share',
    compute: handleTimeMean,
  },
  {
    id: 'queue_wait_mean',
    label: 'Queue wait, mean',
    better: 'lower',
    daily: 4,
    unit: 'minutes',
    definition:
      'Mean time a ticket waited in queues before agents took it, summed over tiers; abandoned tickets count their ' +
      'wait until they left; tickets still waiting at the end are left out (see queue_wait_unfinished_share).',
    needs: ['queued', 'assigned'],
    unfinished: 'queue_wait_unfinished_share',
    compute: (context) => meanOf(context, queueWaits(context)),
  },
  {
    id: 'queue_wait_p90',
    label: 'Queue wait, 90th percentile',
    better: 'lower',
    unit: 'minutes',
    definition:
      '90th percentile of the time a ticket waited in queues before agents took it, summed over tiers, over the ' +
      'tickets of queue_wait_mean: the long waits a mean hides (agents taking the easy tickets first).',
    needs: ['queued', 'assigned'],
    unfinished: 'queue_wait_unfinished_share',
    compute: (context) => selectQuantile(sampleOf(context, 'queue_wait', queueWaits(context)), 0.9),
  },
  {
    id: 'queue_wait_unfinished_share',
    label: 'Still waiting in a queue at the end',
    better: 'lower',
    unit: 'share',
    definition:
      'Queued tickets still waiting in a queue at the end of observation / queued tickets: left out of ' +
      'queue_wait_mean (censored).',
    needs: ['queued', 'assigned'],
    compute: (context) => shareOf(context, queueWaitUnfinishedFlags(context)),
  },
  {
    id: 'waited_share',
    label: 'Tickets that waited',
    better: 'lower',
    unit: 'share',
    definition: 'Share of queued tickets that waited in a queue at all (any tier).',
    needs: ['queued', 'assigned'],
    compute: (context) => shareOf(context, waitedFlags(context)),
  },
  {
    id: 'service_level',
    label: 'Service level',
    better: 'higher',
    unit: 'share',
    definition:
      'Share of tickets taken by an agent within metrics.service_level_threshold of entering the first queue ' +
      '(abandoned ones and ones still waiting at the end miss).',
    needs: ['queued', 'assigned'],
    compute: (context) => shareOf(context, serviceLevelFlags(context)),
  },
  {
    id: 'abandonment_rate',
    label: 'Abandonment rate',
    better: 'lower',
    daily: 5,
    unit: 'share',
    definition: 'Tickets abandoned by the customer before an answer / tickets created.',
    needs: ['created', 'abandoned'],
    compute: (context) => shareOf(context, abandonedFlags(context)),
  },
] as const satisfies readonly KpiDefinition[];
