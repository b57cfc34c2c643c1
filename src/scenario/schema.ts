/**
 * The scenario format: zod schemas that hold every default, produce the TypeScript types
 * (`z.output`) and the JSON Schema (`desksim schema`), and run the cross-field checks.
 *
 * This is the only place that knows what a valid scenario looks like. The loader
 * (`load.ts`) turns YAML into plain data and error positions; everything below
 * `scenario/` receives a parsed `Scenario` and trusts it.
 */
import { z } from 'zod';
import { distributionProblems, type DistributionSpec } from '../engine/distributions.js';
import { parseDuration } from '../engine/duration.js';
import { isIsoDateTime, parseIsoDateTime } from '../engine/local-time.js';
import { GAMING_BEHAVIOURS, INCENTIVE_KPIS } from './incentives.js';
import { closestMatch } from '../document/suggest.js';
import { durationSchema, MAX_DURATION_MINUTES } from '../document/values.js';
import { scenarioTargetsSchema } from './targets.js';

// ---------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------

/**
 * Upper bounds of the scenario's numbers. No help desk needs more, and each keeps the work
 * and memory of a run bounded (a horizon of 1e308 days is not a long run, it is a crash).
 * The estimate of a run's size (`size.ts`) then limits what a run may cost in total.
 */
export const LIMITS = {
  /** 100 years, in minutes: the longest duration anywhere in a scenario. */
  durationMinutes: MAX_DURATION_MINUTES,
  /** About 10 years. */
  horizonDays: 3660,
  ratePerHour: 1_000_000,
  surgeMultiplier: 1000,
  agents: 100_000,
  /** A cost of one agent-hour, one ticket, one hire or one month. */
  money: 1e9,
  /** Any other multiplier or weight. */
  factor: 1000,
} as const;

const positiveDuration = durationSchema.refine((minutes) => minutes > 0, 'must be a positive duration');

const probability = z.number().min(0).max(1);
const share = z.number().min(0).max(1).describe('Share of the total, 0..1; shares of a section sum to 1.');
/** Names every JavaScript object answers to (`toString`, `constructor`...): never an id, so no lookup by id can find them. */
const reservedNames = new Set(Object.getOwnPropertyNames(Object.prototype));
const identifier = z
  .string()
  .max(100)
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must start with a letter and use letters, digits, "_" or "-"')
  .superRefine((id, context) => {
    if (reservedNames.has(id))
      context.addIssue({ code: 'custom', message: `"${id}" is a reserved name; choose another id` });
  });
const money = z.number().min(0).max(LIMITS.money);

const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a local time "HH:MM" (00:00 to 24:00)');

/** A weekly window of local time, used for business hours and shifts. */
const weeklyWindowSchema = z.strictObject({
  days: z.array(weekday).min(1).describe('Days of the week on which the window opens.'),
  start: clockTime
    .refine((time) => time !== '24:00', 'a window cannot start at 24:00 (use 00:00 of the next day)')
    .describe('Local opening time, "HH:MM".'),
  end: clockTime.describe('Local closing time, "HH:MM"; at or before start means it runs past midnight.'),
});

function distributionVariant<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape);
}

/** A probability distribution of a duration, written in the parameters managers know. */
export const distributionSchema = z
  .discriminatedUnion('dist', [
    distributionVariant({ dist: z.literal('exponential'), mean: positiveDuration }),
    distributionVariant({ dist: z.literal('lognormal'), mean: positiveDuration, sd: positiveDuration }),
    distributionVariant({ dist: z.literal('gamma'), mean: positiveDuration, sd: positiveDuration }),
    distributionVariant({ dist: z.literal('weibull'), shape: z.number().positive(), scale: positiveDuration }),
    distributionVariant({ dist: z.literal('uniform'), min: durationSchema, max: durationSchema }),
    distributionVariant({
      dist: z.literal('triangular'),
      min: durationSchema,
      mode: durationSchema,
      max: durationSchema,
    }),
    distributionVariant({ dist: z.literal('deterministic'), value: durationSchema }),
    distributionVariant({ dist: z.literal('empirical'), values: z.array(durationSchema).min(1) }),
  ])
  .superRefine((spec, context) => {
    for (const problem of distributionProblems(spec as DistributionSpec)) {
      context.addIssue({ code: 'custom', message: problem });
    }
  })
  .describe(
    'A distribution: { dist: exponential, mean }, { dist: lognormal | gamma, mean, sd }, ' +
      '{ dist: weibull, shape, scale }, { dist: uniform, min, max }, { dist: triangular, min, mode, max }, ' +
      '{ dist: deterministic, value } or { dist: empirical, values: [...] }. Parameters are durations.',
  );

/** A mix: ids of another section mapped to shares that sum to 1. */
const mixSchema = z.record(identifier, share);

// ---------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------

const horizonSchema = z
  .strictObject({
    days: z.number().positive().max(LIMITS.horizonDays).default(28).describe('Simulated days per replication.'),
    warmup_days: z
      .number()
      .min(0)
      .default(0)
      .describe('Days at the start whose tickets are simulated but excluded from every KPI.'),
  })
  // Only against a valid days: "days: -1" is one problem, not two.
  .refine(
    (horizon) => !(horizon.days > 0 && horizon.days <= LIMITS.horizonDays) || horizon.warmup_days < horizon.days,
    {
      message: 'warmup_days must be shorter than days',
      path: ['warmup_days'],
    },
  );

const clockSchema = z.strictObject({
  start: z
    .string()
    .superRefine((text, context) => {
      const problem = isoDateTimeProblem(text);
      if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
    })
    .default('2026-01-05T00:00:00')
    .describe('Calendar time of simulation minute 0 (local to `timezone` unless it carries an offset).'),
  timezone: z
    .string()
    .superRefine((zone, context) => {
      if (isTimeZone(zone)) return;
      const suggestion = closestMatch(zone, Intl.supportedValuesOf('timeZone'));
      context.addIssue({
        code: 'custom',
        message: `unknown time zone "${zone}"${suggestion ? ` — did you mean "${suggestion}"?` : ' (expected an IANA name such as "Europe/Rome" or "UTC")'}`,
      });
    })
    .default('UTC')
    .describe('IANA time zone of shifts, business hours and profiles.'),
  business_hours: z
    .array(weeklyWindowSchema)
    .default([{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }])
    .describe('Weekly opening windows; used by the business_hours arrival pattern.'),
});

const surgeSchema = z.strictObject({
  start: z
    .union([z.number(), z.string()])
    .describe('When the surge starts: an ISO date-time, or a duration after the clock start ("3d10h").'),
  duration: positiveDuration.describe('How long the surge lasts.'),
  multiplier: z
    .number()
    .min(0)
    .max(LIMITS.surgeMultiplier)
    .describe('Arrival rate multiplier during the surge (3 = triple).'),
  category: identifier
    .optional()
    .describe('If set, the extra tickets are all of this category (an incident); otherwise the mix is unchanged.'),
});

const arrivalsSchema = z.strictObject({
  rate_per_hour: z
    .number()
    .min(0)
    .max(LIMITS.ratePerHour)
    .default(10)
    .describe('Mean tickets per hour, averaged over the profile.'),
  pattern: z
    .enum(['constant', 'business_hours', 'profile'])
    .default('constant')
    .describe('constant: Poisson at rate_per_hour; business_hours: only while open; profile: hourly/weekly weights.'),
  hourly_profile: z
    .array(z.number().min(0).max(LIMITS.factor))
    .length(24)
    .refine(someWeight, 'must have at least one weight > 0 (all 0 would mean no arrivals at all: set rate_per_hour: 0)')
    .optional()
    .describe('24 relative weights for local hours 0..23 (normalised to mean 1).'),
  weekly_profile: z
    .array(z.number().min(0).max(LIMITS.factor))
    .length(7)
    .refine(someWeight, 'must have at least one weight > 0 (all 0 would mean no arrivals at all: set rate_per_hour: 0)')
    .optional()
    .describe('7 relative weights for Monday..Sunday (normalised to mean 1).'),
  surges: z.array(surgeSchema).default([]).describe('Incidents: temporary multipliers of the arrival rate.'),
  // Optional, not defaulted: a scenario without it resolves and runs exactly as before.
  busyness_cv: z
    .number()
    .min(0)
    .max(2)
    .optional()
    .describe(
      "Forecast error: each day's rate is multiplied by a gamma factor of mean 1 and this coefficient of variation (0.1 = days 10 % busier or quieter than forecast, typically).",
    ),
});

const channelSchema = z.strictObject({
  share: share,
  patience: distributionSchema
    .nullable()
    .default(null)
    .describe('Time a customer waits for an agent before abandoning; null = never abandons.'),
  response: z
    .enum(['on_pickup', 'on_completion'])
    .default('on_completion')
    .describe(
      'When the first public reply goes out: as the agent picks the ticket up (chat, phone) or when work ends (email).',
    ),
  // Opening hours and queue rank (docs/model.md, "Channels: opening hours and routing").
  hours: z
    .array(weeklyWindowSchema)
    .optional()
    .describe(
      'Local weekly windows when the channel is open; absent = always open. Contacts outside them follow outside_hours.',
    ),
  outside_hours: z
    .enum(['callback', 'redirect'])
    .default('callback')
    .describe(
      'What a contact arriving while the channel is closed becomes: callback = a ticket on this channel that waits ' +
        'without patience until an agent calls back; redirect = the customer is offered redirect_to and writes there.',
    ),
  redirect_to: identifier
    .optional()
    .describe('Channel offered outside opening hours (outside_hours: redirect); it must have no hours of its own.'),
  rank: z
    .number()
    .int()
    .min(0)
    .default(0)
    .describe(
      'Queue order across channels: a free agent serves the lowest rank first, then by priority, then first come.',
    ),
  entry_tier: identifier
    .optional()
    .describe(
      "Tier that takes this channel's new tickets (a team for live contacts, say); defaults to routing.entry_tier.",
    ),
});

const categorySchema = z.strictObject({
  share: share,
  complexity: z.union([identifier, mixSchema]).describe('A complexity id, or a mix of complexity ids with shares.'),
  priorities: mixSchema.optional().describe('Priority mix of this category; defaults to the shares in `priorities`.'),
  needs_engineering: probability
    .default(0)
    .describe('Probability that a ticket needs work outside support (a bug fix) before it can be resolved.'),
});

const complexitySchema = z.strictObject({
  handle_time: distributionSchema.describe('Agent work content per attempt at a tier of speed 1.'),
});

const prioritySchema = z.strictObject({
  share: share,
  rank: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Queue order under the priority discipline: lower is served first; defaults to declaration order.'),
});

const shiftSchema = weeklyWindowSchema.extend({
  name: z.string().optional(),
  agents: z.number().int().min(0).max(LIMITS.agents).describe('Agents on this shift.'),
});

const tierSchema = z
  .strictObject({
    id: identifier.describe('Tier id, used by escalates_to and by --set tiers.<id>.<field>.'),
    agents: z
      .number()
      .int()
      .min(0)
      .max(LIMITS.agents)
      .optional()
      .describe('Agents always on duty (24/7). Give this or shifts.'),
    shifts: z.array(shiftSchema).min(1).optional().describe('Weekly shifts with their agent counts.'),
    skill: z
      .union([probability, mixSchema])
      .default(1)
      .describe('Probability that the tier solves a ticket itself, overall or per complexity; otherwise it escalates.'),
    accuracy: z
      .union([probability, mixSchema])
      .default(1)
      .describe(
        'Probability that a ticket this tier resolves is really fixed, overall or per complexity. ' +
          'Below 1, agents sometimes believe a ticket solved when it is not (ground truth: truth_fixed events).',
      ),
    speed: z.number().positive().max(LIMITS.factor).default(1).describe('Work speed: handle times are divided by it.'),
    cost_per_hour: money.default(0).describe('Cost of one agent per paid hour: all on-shift time, busy or not.'),
    escalates_to: identifier.nullable().default(null).describe('Tier that receives tickets this tier cannot solve.'),
    reply_on_escalation: z
      .boolean()
      .default(true)
      .describe('The agent writes to the customer when escalating (what was checked, who takes over): a public reply.'),
  })
  .superRefine((tier, context) => {
    if (tier.agents === undefined && tier.shifts === undefined) {
      context.addIssue({ code: 'custom', message: 'give either agents (24/7) or shifts', path: ['agents'] });
    }
    if (tier.agents !== undefined && tier.shifts !== undefined) {
      context.addIssue({ code: 'custom', message: 'give agents or shifts, not both', path: ['shifts'] });
    }
  });

/**
 * A tier of kind automation (docs/model.md, Automation tier): an AI agent or bot that takes
 * new tickets of some channels, categories and complexities before any human tier. It has no
 * agents or shifts; its id is a tier id like any other (the `tier` of its events).
 */
const automationTierSchema = z.strictObject({
  id: identifier.describe(
    'Tier id of the AI agent or bot: the `tier` of its events; must differ from every human tier id.',
  ),
  channels: z.array(identifier).min(1).optional().describe('Channels whose new tickets it takes; default all.'),
  categories: z.array(identifier).min(1).optional().describe('Categories whose new tickets it takes; default all.'),
  complexities: z.array(identifier).min(1).optional().describe('Complexities whose new tickets it takes; default all.'),
  concurrency: z
    .number()
    .int()
    .min(1)
    .max(LIMITS.agents)
    .nullable()
    .default(null)
    .describe(
      'Conversations it holds at once; null: unlimited. A new ticket finding it full goes straight to the human tier.',
    ),
  response: positiveDuration
    .default(0.25)
    .describe('Time to its first reply (e.g. "15s"): the ticket’s first response.'),
  conversation: positiveDuration
    .optional()
    .describe(
      'Time from the ticket’s creation until the bot ends the conversation or hands it off; default its response time.',
    ),
  containment: probability.describe(
    'Probability that it ends the conversation itself (the ticket is resolved); otherwise it hands off.',
  ),
  accuracy: probability
    .default(1)
    .describe(
      'Probability that a conversation it ends really fixed the problem; the rest are confident wrong answers that come back.',
    ),
  cost_per_conversation: money.default(0).describe('Cost of each conversation it takes (licence, tokens).'),
  hands_off_to: identifier
    .optional()
    .describe(
      'Human tier that receives the tickets it does not contain; default the entry tier. Must be on the escalation chain.',
    ),
});

/** At most 0.9: each hand-back is drawn anew, and 1 would bounce a ticket for ever. */
const handBackProbability = z.number().min(0).max(0.9);

/** What handoffs between tiers cost the customer (docs/model.md, Automation tier): context lost, ping-pong. */
const handoffsSchema = z.strictObject({
  context_lost: probability
    .default(0)
    .describe(
      'Probability that a handoff (bot to human, an escalation, a hand-back) loses the context: the customer repeats themselves.',
    ),
  repeat_time: durationSchema
    .refine((minutes) => minutes >= 0, 'must not be negative')
    .default(0)
    .describe(
      'Extra handle time at the receiving tier’s next session when the customer repeats themselves (at speed 1).',
    ),
  per_repeat: probability
    .default(0.1)
    .describe('Relative drop of the satisfied probability each time the customer repeats themselves.'),
  repeat_effort: z
    .number()
    .min(0)
    .max(6)
    .default(1)
    .describe('Effort points (CES) each time the customer repeats themselves.'),
  hand_back: z
    .union([handBackProbability, z.record(identifier, handBackProbability)])
    .default(0)
    .describe(
      'Probability that a tier hands an escalated ticket back to the tier that sent it after a look (ping-pong), overall or by tier id.',
    ),
});

const routingSchema = z.strictObject({
  discipline: z
    .enum(['fifo', 'priority'])
    .default('fifo')
    .describe('fifo: first come first served; priority: non-preemptive by priority rank, FIFO within a rank.'),
  entry_tier: identifier.optional().describe('Tier that receives new tickets; defaults to the first tier.'),
});

const metricsSchema = z.strictObject({
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
      'fcr_rate and repeat_contact_rate: a new ticket from the same customer and category within this many days of the resolution is a repeat contact.',
    ),
  auto_reply_counts_as_response: z
    .boolean()
    .default(false)
    .describe('Whether an automatic reply (replied, kind auto) counts as the first response.'),
  count_pending_time: z
    .boolean()
    .default(true)
    .describe(
      'Whether time waiting on the customer (pending → resumed) counts in resolution times; false subtracts it (Zendesk’s “requester wait time”).',
    ),
  clock: z
    .enum(['calendar', 'business'])
    .default('calendar')
    .describe(
      'Clock of first response and resolution times: calendar minutes, or business minutes inside clock.business_hours.',
    ),
});

const slaTargetSchema = z.strictObject({
  first_response: positiveDuration.optional().describe('Target from creation to the first public agent reply.'),
  resolution: positiveDuration.optional().describe('Target from creation to the (last) resolution.'),
});

const slaSchema = z.strictObject({
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

const knowledgeSchema = z.strictObject({
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
      'Coverage an article adds to an empty category; it adds less as coverage nears documentable: gain × (1 − coverage / documentable).',
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

const engineeringSchema = z.strictObject({
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
      'The agent who files a ticket with engineering tells the customer so (a public reply, which can be the first response).',
    ),
});

/** The help-desk software's automatic acknowledgement of new tickets (docs/model.md, Automatic acknowledgement). */
const autoAcknowledgementSchema = z.strictObject({
  enabled: z
    .boolean()
    .default(false)
    .describe(
      'Whether the system acknowledges every new ticket with an automatic reply (replied, kind auto; no agent).',
    ),
  delay: durationSchema.default(0).describe('Time from the ticket’s creation to the acknowledgement (0: at once).'),
  channels: z
    .array(identifier)
    .optional()
    .describe('Channel ids whose tickets are acknowledged (default: every channel).'),
});

const costsSchema = z.strictObject({
  hiring: money.default(0).describe('Cost of hiring and training one replacement agent, counted when an agent leaves.'),
  per_ticket: money.default(0).describe('Overhead per ticket created (tooling, licences, telephony).'),
  fixed_monthly: money
    .default(0)
    .describe('Fixed cost per month (platform, management), prorated over the measured period.'),
  overtime_premium: z
    .number()
    .min(0)
    .max(LIMITS.factor)
    .default(0.5)
    .describe('Extra pay of an overtime hour, as a share of the tier’s hourly cost (0.5 = time and a half).'),
});

// Management policies (docs/model.md, Load and staffing policies, Automatic acknowledgement):
// what the desk does when the queues grow or a KPI is pushed, and how its software answers
// new tickets. Off by default.
const policiesSchema = z.strictObject({
  auto_acknowledgement: autoAcknowledgementSchema
    .prefault({})
    .describe(
      'A system reply on every new ticket, sent by no agent: it counts as a first response only where ' +
        'metrics.auto_reply_counts_as_response says so, and changes nothing for the customer.',
    ),
  overtime: z
    .strictObject({
      max_per_week: durationSchema
        .default(0)
        .describe('Overtime one agent may work per week (7-day blocks from the start of the run); 0 = no overtime.'),
      backlog_per_agent: z
        .number()
        .positive()
        .max(LIMITS.factor)
        .default(3)
        .describe(
          'At the end of a shift an agent stays on when its tier has at least this many waiting tickets per agent on duty.',
        ),
      stint: positiveDuration
        .default(60)
        .describe('Overtime is worked in stints of this length; after each, the agent decides again.'),
    })
    .prefault({})
    .describe(
      'Backlog-triggered overtime: paid at the overtime premium (costs.overtime_premium), counted as busy time by fatigue.',
    ),
  staffing_follows_pressure: probability
    .default(0)
    .describe(
      'Share of each other tier’s seats that management moves to the entry tier under full pressure on a first-response KPI ' +
        '(incentives on first_response_time_mean or sla_first_response_compliance); scaled by that pressure. 0 = staffing never moves.',
    ),
});

/** A duration, or durations by the id of another section (channels, priorities). */
const durationOrMap = z.union([positiveDuration, z.record(identifier, positiveDuration)]);

const satisfactionSchema = z.strictObject({
  base: probability
    .default(0.9)
    .describe(
      'Probability that a customer is satisfied (CSAT 4–5) after a smooth issue: one contact, really fixed, within expected waits.',
    ),
  per_extra_contact: probability
    .default(0.15)
    .describe(
      'Relative drop of that probability for each contact beyond the first (reopen or new ticket); 0.15 after SQM Group.',
    ),
  not_fixed: probability
    .default(0.7)
    .describe('Relative drop when the problem is not really fixed (also abandoned and unanswered tickets).'),
  abandoned: probability
    .default(0.8)
    .describe(
      'Further relative drop when the customer gave up waiting for an agent (abandoned), on top of not_fixed: with the ' +
        'defaults about 1 in 25 such customers would still say CSAT 4–5 (a stated assumption).',
    ),
  per_handoff: probability.default(0.1).describe('Relative drop per escalation to another tier.'),
  per_exchange: probability.default(0.05).describe('Relative drop per information request the customer had to answer.'),
  per_generic_reply: probability.default(0.1).describe('Relative drop per generic (templated) reply.'),
  wait_sensitivity: z
    .number()
    .min(0)
    .max(LIMITS.factor)
    .default(0.3)
    .describe(
      'A wait longer than expected multiplies the probability by (expected / actual)^sensitivity, for first response and for resolution.',
    ),
  expected_first_response: durationOrMap
    .default(240)
    .describe('First response the customer expects, overall or by channel id (chat minutes, email hours).'),
  expected_resolution: durationOrMap
    .default(1440)
    .describe('Time to resolution (from the latest contact) the customer expects, overall or by priority id.'),
});

const surveySchema = z.strictObject({
  share: probability.default(1).describe('Share of resolved tickets that get a survey when they close.'),
  response_rate: probability.default(0.2).describe('Average probability that a surveyed customer answers.'),
  response_bias: z
    .number()
    .min(0)
    .max(LIMITS.factor)
    .default(1)
    .describe(
      'Response bias: customers at the extremes (delighted or furious) answer (1 + bias) times as often as neutral ones.',
    ),
  delay: distributionSchema
    .default({ dist: 'lognormal', mean: 360, sd: 720 })
    .describe('Time from the survey to the answer.'),
});

const customersSchema = z.strictObject({
  satisfaction: satisfactionSchema
    .prefault({})
    .describe('The latent satisfaction model (see docs/model.md, Satisfaction).'),
  survey: surveySchema.prefault({}).describe('Satisfaction surveys sent after resolution (CSAT, CES, NPS).'),
  info_request: z
    .union([probability, mixSchema])
    .default(0)
    .describe(
      'Probability that an agent ends a session asking the customer for information, overall or per complexity.',
    ),
  reply_delay: distributionSchema
    .default({ dist: 'lognormal', mean: 240, sd: 360 })
    .describe('Time a customer takes to answer an information request.'),
  silence: probability.default(0.05).describe('Probability that a customer never answers an information request.'),
  silent_close_after: positiveDuration
    .default(5 * 1440)
    .describe('The desk closes a ticket waiting this long for the customer’s answer (closed, kind no_reply).'),
  info_follow_up: z
    .number()
    .min(0)
    .max(LIMITS.factor)
    .default(0.5)
    .describe('Work of the session after the customer answers, as a fraction of a fresh handle time.'),
  population: z
    .number()
    .int()
    .min(0)
    .max(1e9)
    .default(0)
    .describe(
      'Distinct customers: 0 = every ticket from a new customer; N = each ticket from one of N, drawn uniformly.',
    ),
  return_when_not_fixed: probability
    .default(0.7)
    .describe(
      'Probability that a customer whose problem was not really fixed comes back (a reopen within the reopen window, ' +
        'a new ticket after it); otherwise they give up.',
    ),
  return_delay: distributionSchema
    .default({ dist: 'lognormal', mean: 1440, sd: 1440 })
    .describe('Time from the (false) resolution until the customer finds out and comes back.'),
  chase: z
    .strictObject({
      after: positiveDuration
        .nullable()
        .default(null)
        .describe(
          'A customer whose ticket has waited this long in a queue writes again to chase it; null = customers never chase.',
        ),
      max: z
        .number()
        .int()
        .min(1)
        .max(100)
        .default(3)
        .describe('Chases per ticket at most (one every `after` of waiting).'),
    })
    .prefault({})
    .describe(
      'Customers of aging tickets chase: each chase is one contact more (customer_replied, kind chase), which satisfaction counts.',
    ),
});

const agentsSchema = z.strictObject({
  proficiency_sd: z
    .number()
    .min(0)
    .max(LIMITS.factor)
    .default(0)
    .describe(
      'Spread of individual speed between agents: each agent works at a speed drawn from a lognormal of mean 1 and this sd.',
    ),
  new_hire: z
    .strictObject({
      ramp_weeks: z
        .number()
        .min(0)
        .max(520)
        .default(8)
        .describe('Weeks a new hire takes to reach full speed and accuracy (linear ramp).'),
      training_weeks: z
        .number()
        .min(0)
        .max(520)
        .default(0)
        .describe(
          'Weeks a replacement spends in paid training before taking tickets (on shift, off the queue; logged as ' +
            'paid absence, kind training); the ramp starts after it. 0 = takes tickets on day one.',
        ),
      speed: z.number().positive().max(1).default(0.6).describe('Speed of a new hire on day one, relative to full.'),
      accuracy: probability.default(0.85).describe('Fix probability of a new hire on day one, relative to full.'),
    })
    .prefault({}),
  fatigue: z
    .strictObject({
      threshold: probability
        .default(0.8)
        .describe(
          'Rolling utilization above which an agent is fatigued (80 %: the burnout point of the support literature).',
        ),
      window: positiveDuration
        .default(2400)
        .describe('Time constant of the rolling utilization, in on-duty time (2400 min = a 40-hour week).'),
      slowdown: z
        .number()
        .min(0)
        .max(LIMITS.factor)
        .default(0)
        .describe('Extra work time of a fatigued agent (0.15 = 15 % slower).'),
      accuracy_loss: probability.default(0).describe('Relative drop of the fix probability of a fatigued agent.'),
    })
    .prefault({}),
  attrition: z
    .strictObject({
      per_year: z
        .number()
        .min(0)
        .max(LIMITS.factor)
        .default(0)
        .describe(
          'Annual turnover of agents who are not fatigued: leavers per agent-year (a hazard rate; 0.3 = 30 % a year).',
        ),
      fatigued_multiplier: z
        .number()
        .min(1)
        .max(LIMITS.factor)
        .default(3)
        .describe('Leaving hazard of a fatigued agent, as a multiple of the base.'),
      hiring_delay: distributionSchema
        .default({ dist: 'lognormal', mean: 6 * 7 * 1440, sd: 2 * 7 * 1440 })
        .describe('Time from a departure to the replacement’s first day.'),
    })
    .prefault({}),
  absence: z
    .strictObject({
      share: z
        .number()
        .min(0)
        .max(0.9)
        .default(0)
        .describe('Share of scheduled time agents are absent (shrinkage: sickness, training, meetings).'),
      episode: positiveDuration.default(1440).describe('Mean length of one absence (exponential).'),
    })
    .prefault({}),
});

// Gaming behaviours (docs/gaming.md). Each is a mechanism in the model with an
// intensity 0..1 — the probability that an agent does it at each opportunity — and 0 turns
// it off. Incentives (below) may raise an intensity further.

const intensity = probability
  .default(0)
  .describe(
    'How often agents do this: the probability at each opportunity, 0..1 (0 = never). Incentive pressure adds to it.',
  );

// Who games: without `gamers` every agent does at the behaviour's intensity (as before);
// with it, only a share of each named tier's agents does, the others never.
const gamers = z
  .strictObject({
    share: probability.describe(
      'Share of the agents of each tier in `tiers` who do this (rounded to whole agents per tier); the others never do, incentives or not.',
    ),
    tiers: z.array(identifier).min(1).optional().describe('Tiers whose agents may do it (default: every tier).'),
  })
  .optional()
  .describe(
    'Who does it. The people are chosen by one draw per seat (stream gaming.people.<seat>, the same in every replication and for every ' +
      'behaviour): the seats with the lowest draws game, so a larger share adds people and compared scenarios keep the same ones.',
  );

const gamingSchema = z.strictObject({
  premature_close: z
    .strictObject({ intensity, gamers })
    .prefault({})
    .describe(
      'Instead of asking the customer for information or waiting for engineering, the agent marks the ticket solved, unfixed.',
    ),
  generic_first_reply: z
    .strictObject({
      intensity,
      gamers,
      reply_time: positiveDuration.default(2).describe('Agent time one templated acknowledgement takes.'),
    })
    .prefault({})
    .describe(
      'A free agent sends a templated acknowledgement to an unanswered email-like ticket and leaves it in the queue, in its place.',
    ),
  cherry_pick: z
    .strictObject({ intensity, gamers })
    .prefault({})
    .describe('A free agent takes the easiest waiting ticket (lowest mean handle time) instead of the next in line.'),
  escalation_avoidance: z
    .strictObject({
      intensity,
      gamers,
      retries: z
        .number()
        .int()
        .min(0)
        .max(5)
        .default(1)
        .describe('Extra sessions the agent spends on a ticket it cannot solve before marking it solved anyway.'),
    })
    .prefault({})
    .describe(
      'An agent who cannot solve a ticket holds it instead of escalating: more sessions at the same tier, then a false resolution.',
    ),
  escalation_dumping: z
    .strictObject({
      intensity,
      gamers,
      look: positiveDuration.default(3).describe('Agent time of the short look before the ticket is escalated.'),
    })
    .prefault({})
    .describe(
      'An agent of a tier that escalates passes on any ticket above the simplest complexity after a short look.',
    ),
  sla_clock_pause: z
    .strictObject({ intensity, gamers })
    .prefault({})
    .describe(
      'An agent escalating a ticket into a queue that has a backlog asks the customer a needless question and sets it pending, ' +
        'so the SLA clock pauses while it waits; it joins the queue, in the place it would have had, when the customer answers.',
    ),
  rushing: z
    .strictObject({
      intensity,
      gamers,
      cut: z.number().min(0).max(0.9).default(0.4).describe('Share of the work a rushed session skips.'),
      accuracy_loss: probability
        .default(0.3)
        .describe('Relative drop of the probability that a rushed resolution really fixes the problem.'),
    })
    .prefault({})
    .describe('An agent cuts a session short: less work, a lower chance that the resolution really fixes the problem.'),
  survey_selection: z
    .strictObject({ intensity, gamers })
    .prefault({})
    .describe(
      'After a resolution that was not smooth (more than one contact, an escalation, an information request, a generic reply, a wait beyond expectations), the survey is withheld.',
    ),
  ticket_splitting: z
    .strictObject({
      intensity,
      gamers,
      share: z
        .number()
        .min(0.1)
        .max(0.9)
        .default(0.5)
        .describe('Share of the work done in the original ticket before it is marked solved.'),
      overhead: durationSchema.default(3).describe('Extra work the new ticket takes (reading the history again).'),
    })
    .prefault({})
    .describe(
      'An agent works part of a non-simple issue, marks the ticket solved and opens a new ticket, same customer and category, for the rest.',
    ),
});

const incentiveSchema = z.strictObject({
  kpi: z
    .string()
    .min(1)
    .describe(
      'The KPI management pushes: a KPI id of the incentive table (docs/gaming.md), e.g. first_response_time_mean.',
    ),
  pressure: probability.describe('How hard it is pushed: 0 = not at all, 1 = bonus and ranking depend on it.'),
});

// ---------------------------------------------------------------------------
// The scenario
// ---------------------------------------------------------------------------

const defaultTiers = [{ id: 'tier1', agents: 5 }];

const scenarioObjectSchema = z.strictObject({
  name: z.string().min(1).describe('Scenario name; also the default output directory name.'),
  description: z.string().optional(),
  extends: z.string().optional().describe('Path of a parent scenario, relative to this file; this file overrides it.'),
  seed: z.number().int().min(0).default(1).describe('Seed of every random stream.'),
  replications: z.number().int().min(1).max(100000).default(10).describe('Independent replications.'),
  horizon: horizonSchema.prefault({}),
  clock: clockSchema.prefault({}),
  arrivals: arrivalsSchema.prefault({}),
  channels: z
    .record(identifier, channelSchema)
    .default({ email: { share: 1, patience: null, response: 'on_completion', outside_hours: 'callback', rank: 0 } }),
  categories: z.record(identifier, categorySchema).prefault({ general: { share: 1, complexity: 'standard' } }),
  complexity: z
    .record(identifier, complexitySchema)
    .prefault({ standard: { handle_time: { dist: 'lognormal', mean: 20, sd: 15 } } }),
  priorities: z.record(identifier, prioritySchema).prefault({ normal: { share: 1 } }),
  tiers: z.array(tierSchema).min(1).prefault(defaultTiers),
  routing: routingSchema.prefault({}),
  customers: customersSchema.prefault({}),
  agents: agentsSchema
    .prefault({})
    .describe('Agents as people: proficiency, new-hire ramp, fatigue, attrition, absence.'),
  costs: costsSchema.prefault({}),
  policies: policiesSchema
    .prefault({})
    .describe(
      'What management does under load or pressure (overtime, moving staff) and the automatic acknowledgement of new tickets (docs/model.md).',
    ),
  engineering: engineeringSchema.prefault({}),
  knowledge: knowledgeSchema.prefault({}),
  sla: slaSchema.prefault({}),
  gaming: gamingSchema
    .prefault({})
    .describe('Metric-gaming behaviours of agents and their intensities (docs/gaming.md).'),
  incentives: z
    .array(incentiveSchema)
    .default([])
    .describe(
      'Management pressure on KPIs; agents answer it with legitimate effort and with the gaming behaviours that move the KPI.',
    ),
  metrics: metricsSchema.prefault({}),
  automation: z
    .array(automationTierSchema)
    .default([])
    .describe(
      'Tiers of kind automation: AI agents or bots that take new tickets before the human tiers (docs/model.md).',
    ),
  handoffs: handoffsSchema.prefault({}).describe('What a handoff between tiers costs: context lost, ping-pong.'),
  targets: scenarioTargetsSchema,
});

type ScenarioObject = z.output<typeof scenarioObjectSchema>;
type Context = z.RefinementCtx;

function checkShares(
  mix: Record<string, { share: number }> | Record<string, number>,
  path: (string | number)[],
  context: Context,
) {
  const values = Object.values(mix).map((entry) => (typeof entry === 'number' ? entry : entry.share));
  if (values.length === 0) {
    context.addIssue({ code: 'custom', message: 'must list at least one entry', path });
    return;
  }
  const total = values.reduce((sum, value) => sum + value, 0);
  if (Math.abs(total - 1) > 1e-6) {
    context.addIssue({ code: 'custom', message: `shares must sum to 1 (found ${Number(total.toFixed(6))})`, path });
  }
}

function checkReferences(ids: string[], known: string[], what: string, path: (string | number)[], context: Context) {
  for (const id of ids) {
    if (!known.includes(id)) {
      context.addIssue({
        code: 'custom',
        message: `unknown ${what} "${id}" (known: ${known.join(', ')})`,
        path,
      });
    }
  }
}

function crossCheck(scenario: ScenarioObject, context: Context): void {
  const complexityIds = Object.keys(scenario.complexity);
  const priorityIds = Object.keys(scenario.priorities);
  const categoryIds = Object.keys(scenario.categories);
  const tierIds = scenario.tiers.map((tier) => tier.id);

  checkShares(scenario.channels, ['channels'], context);
  checkShares(scenario.categories, ['categories'], context);
  checkShares(scenario.priorities, ['priorities'], context);
  if (complexityIds.length === 0)
    context.addIssue({ code: 'custom', message: 'must list at least one level', path: ['complexity'] });

  for (const [id, category] of Object.entries(scenario.categories)) {
    if (typeof category.complexity === 'string') {
      checkReferences([category.complexity], complexityIds, 'complexity', ['categories', id, 'complexity'], context);
    } else {
      checkShares(category.complexity, ['categories', id, 'complexity'], context);
      checkReferences(
        Object.keys(category.complexity),
        complexityIds,
        'complexity',
        ['categories', id, 'complexity'],
        context,
      );
    }
    if (category.priorities) {
      checkShares(category.priorities, ['categories', id, 'priorities'], context);
      checkReferences(
        Object.keys(category.priorities),
        priorityIds,
        'priority',
        ['categories', id, 'priorities'],
        context,
      );
    }
  }

  checkReferences(Object.keys(scenario.sla.targets), priorityIds, 'priority', ['sla', 'targets'], context);
  const acknowledged = scenario.policies.auto_acknowledgement.channels;
  if (acknowledged !== undefined) {
    checkReferences(
      acknowledged,
      Object.keys(scenario.channels),
      'channel',
      ['policies', 'auto_acknowledgement', 'channels'],
      context,
    );
  }
  // A per-tier target names a tier of this desk: one that names no tier would mark nothing, silently.
  (scenario.targets ?? []).forEach((target, index) => {
    const tier = /^tiers\.([^.]+)\./.exec(target.kpi);
    if (tier !== null) checkReferences([tier[1]!], tierIds, 'tier', ['targets', index, 'kpi'], context);
  });
  if (typeof scenario.knowledge.coverage !== 'number') {
    checkReferences(
      Object.keys(scenario.knowledge.coverage),
      categoryIds,
      'category',
      ['knowledge', 'coverage'],
      context,
    );
  }
  const channelIds = Object.keys(scenario.channels);
  const { expected_first_response: expectedFirstResponse, expected_resolution: expectedResolution } =
    scenario.customers.satisfaction;
  if (typeof expectedFirstResponse !== 'number') {
    checkReferences(
      Object.keys(expectedFirstResponse),
      channelIds,
      'channel',
      ['customers', 'satisfaction', 'expected_first_response'],
      context,
    );
  }
  if (typeof expectedResolution !== 'number') {
    checkReferences(
      Object.keys(expectedResolution),
      priorityIds,
      'priority',
      ['customers', 'satisfaction', 'expected_resolution'],
      context,
    );
  }
  if (typeof scenario.customers.info_request !== 'number') {
    checkReferences(
      Object.keys(scenario.customers.info_request),
      complexityIds,
      'complexity',
      ['customers', 'info_request'],
      context,
    );
  }

  const seen = new Set<string>();
  scenario.tiers.forEach((tier, index) => {
    if (seen.has(tier.id))
      context.addIssue({ code: 'custom', message: `duplicate tier id "${tier.id}"`, path: ['tiers', index, 'id'] });
    seen.add(tier.id);
    for (const field of ['skill', 'accuracy'] as const) {
      const byComplexity = tier[field];
      if (typeof byComplexity === 'number') continue;
      checkReferences(Object.keys(byComplexity), complexityIds, 'complexity', ['tiers', index, field], context);
      const missing = complexityIds.filter((id) => !(id in byComplexity));
      if (missing.length > 0) {
        context.addIssue({
          code: 'custom',
          message: `${field} is missing complexity ${missing.map((id) => `"${id}"`).join(', ')}`,
          path: ['tiers', index, field],
        });
      }
    }
    if (tier.escalates_to !== null) {
      if (tier.escalates_to === tier.id) {
        context.addIssue({
          code: 'custom',
          message: 'a tier cannot escalate to itself',
          path: ['tiers', index, 'escalates_to'],
        });
      } else {
        checkReferences([tier.escalates_to], tierIds, 'tier', ['tiers', index, 'escalates_to'], context);
      }
    }
  });

  // Escalation must end somewhere: follow each chain and refuse loops.
  const target = new Map(scenario.tiers.map((tier) => [tier.id, tier.escalates_to]));
  scenario.tiers.forEach((tier, index) => {
    const visited = new Set([tier.id]);
    let next = target.get(tier.id) ?? null;
    while (next !== null && target.has(next)) {
      if (visited.has(next)) {
        context.addIssue({
          code: 'custom',
          message: `escalation loops back to "${next}"`,
          path: ['tiers', index, 'escalates_to'],
        });
        return;
      }
      visited.add(next);
      next = target.get(next) ?? null;
    }
  });

  scenario.incentives.forEach((incentive, index) => {
    if (INCENTIVE_KPIS.includes(incentive.kpi)) return;
    const suggestion = closestMatch(incentive.kpi, INCENTIVE_KPIS);
    context.addIssue({
      code: 'custom',
      message: `no incentive is defined for KPI "${incentive.kpi}"${suggestion ? ` — did you mean "${suggestion}"?` : ''} (incentives can target: ${INCENTIVE_KPIS.join(', ')})`,
      path: ['incentives', index, 'kpi'],
    });
  });

  checkChannelHours(scenario, context);
  for (const [id, channel] of Object.entries(scenario.channels)) {
    if (channel.entry_tier !== undefined)
      checkReferences([channel.entry_tier], tierIds, 'tier', ['channels', id, 'entry_tier'], context);
  }
  checkDocumentable(scenario, categoryIds, context);
  for (const behaviour of GAMING_BEHAVIOURS) {
    scenario.gaming[behaviour].gamers?.tiers?.forEach((tier, index) => {
      checkReferences([tier], tierIds, 'tier', ['gaming', behaviour, 'gamers', 'tiers', index], context);
    });
  }

  if (scenario.routing.entry_tier !== undefined) {
    checkReferences([scenario.routing.entry_tier], tierIds, 'tier', ['routing', 'entry_tier'], context);
  }
  checkAutomation(scenario, context);
  if (
    scenario.arrivals.pattern === 'profile' &&
    !scenario.arrivals.hourly_profile &&
    !scenario.arrivals.weekly_profile
  ) {
    context.addIssue({
      code: 'custom',
      message: 'pattern "profile" needs hourly_profile or weekly_profile',
      path: ['arrivals', 'pattern'],
    });
  }
  scenario.arrivals.surges.forEach((surge, index) => {
    if (surge.category !== undefined) {
      checkReferences([surge.category], categoryIds, 'category', ['arrivals', 'surges', index, 'category'], context);
    }
    if (typeof surge.start === 'string' && isIsoDateTime(surge.start)) {
      const problem = isoDateTimeProblem(surge.start);
      if (problem !== undefined)
        context.addIssue({ code: 'custom', message: problem, path: ['arrivals', 'surges', index, 'start'] });
    } else if (typeof surge.start === 'string') {
      try {
        parseDuration(surge.start);
      } catch {
        context.addIssue({
          code: 'custom',
          message: `start must be an ISO date-time or a duration after the clock start, found "${surge.start}"`,
          path: ['arrivals', 'surges', index, 'start'],
        });
      }
    }
  });
}

/** Automation tiers name known channels, categories, complexities and a human tier on the chain; hand-backs name tiers. */
function checkAutomation(scenario: ScenarioObject, context: Context): void {
  const tierIds = scenario.tiers.map((tier) => tier.id);
  const seen = new Set(tierIds);
  const chain = [scenario.routing.entry_tier ?? tierIds[0]!];
  const targets = new Map(scenario.tiers.map((tier) => [tier.id, tier.escalates_to]));
  for (
    let next = targets.get(chain[0]!) ?? null;
    next !== null && !chain.includes(next);
    next = targets.get(next) ?? null
  )
    chain.push(next);
  scenario.automation.forEach((bot, index) => {
    const path = ['automation', index];
    if (seen.has(bot.id))
      context.addIssue({ code: 'custom', message: `duplicate tier id "${bot.id}"`, path: [...path, 'id'] });
    seen.add(bot.id);
    if (bot.channels)
      checkReferences(bot.channels, Object.keys(scenario.channels), 'channel', [...path, 'channels'], context);
    if (bot.categories)
      checkReferences(bot.categories, Object.keys(scenario.categories), 'category', [...path, 'categories'], context);
    if (bot.complexities)
      checkReferences(
        bot.complexities,
        Object.keys(scenario.complexity),
        'complexity',
        [...path, 'complexities'],
        context,
      );
    if (bot.hands_off_to !== undefined && !chain.includes(bot.hands_off_to)) {
      context.addIssue({
        code: 'custom',
        message: `hands_off_to must be a tier on the escalation chain (${chain.join(' → ')}), found "${bot.hands_off_to}"`,
        path: [...path, 'hands_off_to'],
      });
    }
    if (bot.conversation !== undefined && bot.conversation < bot.response) {
      context.addIssue({
        code: 'custom',
        message: 'conversation must not be shorter than response',
        path: [...path, 'conversation'],
      });
    }
  });
  const handBack = scenario.handoffs.hand_back;
  if (typeof handBack !== 'number')
    checkReferences(Object.keys(handBack), tierIds, 'tier', ['handoffs', 'hand_back'], context);
}

/** A channel's redirect outside opening hours names another channel, which is always open. */
function checkChannelHours(scenario: ScenarioObject, context: Context): void {
  for (const [id, channel] of Object.entries(scenario.channels)) {
    if (channel.redirect_to !== undefined && channel.outside_hours !== 'redirect') {
      context.addIssue({
        code: 'custom',
        message: 'redirect_to is used only with outside_hours: redirect',
        path: ['channels', id, 'redirect_to'],
      });
    }
    if (channel.hours === undefined || channel.outside_hours !== 'redirect') continue;
    const target = channel.redirect_to;
    const path = ['channels', id, 'redirect_to'];
    if (target === undefined)
      context.addIssue({ code: 'custom', message: 'outside_hours: redirect needs redirect_to (a channel id)', path });
    else if (target === id) context.addIssue({ code: 'custom', message: 'a channel cannot redirect to itself', path });
    else if (!(target in scenario.channels))
      checkReferences([target], Object.keys(scenario.channels), 'channel', path, context);
    else if (scenario.channels[target]!.hours !== undefined) {
      context.addIssue({
        code: 'custom',
        message: `"${target}" has opening hours of its own: redirect to a channel that is always open`,
        path,
      });
    }
  }
}

/**
 * Coverage can start no higher than what is documentable in its category. A value outside
 * 0..1 is already an error of its own and is not reported twice; one coverage for every
 * category is reported once, naming the categories whose ceiling it passes.
 */
function checkDocumentable(scenario: ScenarioObject, categoryIds: string[], context: Context): void {
  const { coverage, documentable } = scenario.knowledge;
  const level = (value: number | Record<string, number>, id: string) =>
    typeof value === 'number' ? value : (value[id] ?? 0);
  const above: string[] = [];
  for (const id of categoryIds) {
    const start = level(coverage, id);
    const ceiling = typeof documentable === 'number' ? documentable : (documentable[id] ?? 0.9);
    if (start > 1 || ceiling > 1) continue;
    if (start > ceiling) above.push(`${id} ${start} > ${ceiling}`);
  }
  if (above.length === 0) return;
  context.addIssue({
    code: 'custom',
    message:
      `coverage starts above what is documentable (knowledge.documentable) in: ${above.join(', ')}; ` +
      'raise knowledge.documentable or lower the coverage',
    path: ['knowledge', 'coverage'],
  });
}

/** What the simulation clock's own parser says about a date-time, or undefined when it reads it. */
function isoDateTimeProblem(text: string): string | undefined {
  try {
    parseIsoDateTime(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function someWeight(weights: number[]): boolean {
  return weights.some((weight) => weight > 0);
}

/** True for time zones the runtime knows (IANA names, "UTC"). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The whole scenario file, with defaults and cross-field checks. */
export const scenarioSchema = scenarioObjectSchema.superRefine(crossCheck);

/** A validated scenario with every default filled in. Durations are minutes. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as written in YAML (before defaults). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Tier = Scenario['tiers'][number];
/** A tier of kind automation (an AI agent or bot). */
export type AutomationTier = Scenario['automation'][number];
export type Distribution = z.output<typeof distributionSchema>;

/** The JSON Schema of the scenario file, for editors (`desksim schema`). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioObjectSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
