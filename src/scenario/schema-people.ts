/**
 * The scenario sections of people: customers (satisfaction, surveys, information requests,
 * returns, chasing) and agents (proficiency, new hires, fatigue, attrition, absence).
 */
import { z } from 'zod';
import {
  distributionSchema,
  durationOrMap,
  LIMITS,
  mixSchema,
  positiveDuration,
  probability,
} from './schema-values.js';

const satisfactionSchema = z.strictObject({
  base: probability
    .default(0.9)
    .describe(
      'Probability that a customer is satisfied (CSAT 4–5) after a smooth issue: one contact, really fixed, within ' +
        'expected waits.',
    ),
  per_extra_contact: probability
    .default(0.15)
    .describe(
      'Relative drop of that probability for each contact beyond the first (reopen or new ticket); 0.15 after SQM ' +
        'Group.',
    ),
  not_fixed: probability
    .default(0.7)
    .describe('Relative drop when the problem is not really fixed (also abandoned and unanswered tickets).'),
  abandoned: probability
    .default(0.8)
    .describe(
      'Further relative drop when the customer gave up waiting for an agent (abandoned), on top of not_fixed: with ' +
        'the ' +
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
      'A wait longer than expected multiplies the probability by (expected / actual)^sensitivity, for first response ' +
        'and for resolution.',
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
      'Response bias: customers at the extremes (delighted or furious) answer (1 + bias) times as often as neutral ' +
        'ones.',
    ),
  delay: distributionSchema
    .default({ dist: 'lognormal', mean: 360, sd: 720 })
    .describe('Time from the survey to the answer.'),
});

/** `customers`: how customers behave and how satisfied they are (docs/model.md). */
export const customersSchema = z.strictObject({
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
          'A customer whose ticket has waited this long in a queue writes again to chase it; null = customers never ' +
            'chase.',
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
      'Customers of aging tickets chase: each chase is one contact more (customer_replied, kind chase), which ' +
        'satisfaction counts.',
    ),
});

/** `agents`: agents as people — proficiency, new hires, fatigue, attrition, absence. */
export const agentsSchema = z.strictObject({
  proficiency_sd: z
    .number()
    .min(0)
    .max(LIMITS.factor)
    .default(0)
    .describe(
      'Spread of individual speed between agents: each agent works at a speed drawn from a lognormal of mean 1 and ' +
        'this sd.',
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
