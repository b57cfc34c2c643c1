/**
 * The scenario sections of how service is measured and supported: metric options, SLA
 * targets, the knowledge base and engineering (work outside support).
 */
import { z } from 'zod';
import { durationSchema } from '../document/values.js';
import { distributionSchema, identifier, LIMITS, mixSchema, positiveDuration, probability } from './schema-values.js';

/** `metrics`: the options of the KPIs (thresholds, windows, clocks). */
export const metricsSchema = z.strictObject({
  service_level_threshold: positiveDuration
    .default(60)
    .describe('service_level counts tickets taken by an agent within this wait.'),
  reopen_window_days: z
    .number()
    .positive()
    .max(LIMITS.horizonDays)
    .default(7)
    .describe(
      'A resolved ticket closes when this window ends without a reopen (the desk’s auto-close policy); ' +
        'reopen_rate counts reopens within it. A customer coming back later opens a new ticket.',
    ),
  fcr_window_days: z
    .number()
    .positive()
    .max(LIMITS.horizonDays)
    .default(7)
    .describe(
      'fcr_rate and repeat_contact_rate: a new ticket from the same customer and category within this many days of ' +
        'the resolution is a repeat contact.',
    ),
  auto_reply_counts_as_response: z
    .boolean()
    .default(false)
    .describe('Whether an automatic reply (replied, kind auto) counts as the first response.'),
  count_pending_time: z
    .boolean()
    .default(true)
    .describe(
      'Whether time waiting on the customer (pending → resumed) counts in resolution times; false subtracts it ' +
        '(Zendesk’s “requester wait time”).',
    ),
  clock: z
    .enum(['calendar', 'business'])
    .default('calendar')
    .describe(
      'Clock of first response and resolution times: calendar minutes, or business minutes inside ' +
        'clock.business_hours.',
    ),
});

const slaTargetSchema = z.strictObject({
  first_response: positiveDuration.optional().describe('Target from creation to the first public agent reply.'),
  resolution: positiveDuration.optional().describe('Target from creation to the (last) resolution.'),
});

/** `sla`: targets by priority and the clock they run on. */
export const slaSchema = z.strictObject({
  targets: z
    .record(identifier, slaTargetSchema)
    .default({})
    .describe('Targets per priority id; a priority without targets has no SLA.'),
  clock: z
    .enum(['calendar', 'business'])
    .default('calendar')
    .describe('calendar: every minute counts; business: only minutes inside clock.business_hours.'),
  pause_when_pending: z
    .boolean()
    .default(true)
    .describe('Stop the resolution clock while the ticket waits on the customer (pending, kind customer).'),
});

/** `knowledge`: the knowledge base — coverage, lookups, articles, decay, self-service. */
export const knowledgeSchema = z.strictObject({
  coverage: z
    .union([probability, mixSchema])
    .default(0)
    .describe(
      'Share of problems the knowledge base answers at the start, overall or per category. 0 = no knowledge base.',
    ),
  consult: probability
    .default(1)
    .describe('Probability that an entry-tier agent looks a ticket up when its category has coverage.'),
  lookup_time: durationSchema.default(2).describe('Time one lookup takes.'),
  handle_time_factor: z
    .number()
    .positive()
    .max(LIMITS.factor)
    .default(0.7)
    .describe('Work time multiplier after a hit.'),
  solve_boost: probability.default(0.5).describe('After a hit, P(solve) becomes skill + boost × (1 − skill).'),
  fix_boost: probability
    .default(0.5)
    .describe('After a hit, P(really fixed) becomes accuracy + boost × (1 − accuracy).'),
  article_probability: probability
    .default(0.3)
    .describe(
      'When a higher tier solves an escalated ticket, the probability that an article is written for its category.',
    ),
  article_gain: probability
    .default(0.02)
    .describe(
      'Coverage an article adds to an empty category; it adds less as coverage nears documentable: gain × (1 − ' +
        'coverage / documentable).',
    ),
  documentable: z
    .union([probability, mixSchema])
    .default(0.9)
    .describe(
      'Ceiling of coverage, overall or per category: the share of problems that can be written down at all ' +
        '(the rest are new or one-off). Tickets needing engineering are never answered by the knowledge base.',
    ),
  decay_per_week: probability.default(0.01).describe('Share of coverage lost per week as the product changes.'),
  self_service: probability
    .default(0)
    .describe(
      'Share of customers who search the knowledge base before opening a ticket; found with probability = coverage.',
    ),
});

/** `engineering`: work outside support (a bug fix) that some tickets wait for. */
export const engineeringSchema = z.strictObject({
  delay: distributionSchema
    .default({ dist: 'lognormal', mean: 3 * 1440, sd: 3 * 1440 })
    .describe('How long engineering takes to deliver a fix once support files the ticket.'),
  follow_up: z
    .number()
    .min(0)
    .max(LIMITS.factor)
    .default(0.5)
    .describe('Work of the follow-up session after the fix, as a fraction of a fresh handle time.'),
  status_reply: z
    .boolean()
    .default(true)
    .describe(
      'The agent who files a ticket with engineering tells the customer so (a public reply, which can be the first ' +
        'response).',
    ),
});
