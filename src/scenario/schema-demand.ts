/**
 * The scenario sections of time and demand: the horizon, the clock (start, time zone,
 * business hours), arrivals (rate, pattern, profiles, surges), and what arrives — channels,
 * categories, complexity levels and priorities.
 */
import { z } from 'zod';
import { closestMatch } from '../document/suggest.js';
import {
  distributionSchema,
  identifier,
  isoDateTimeProblem,
  LIMITS,
  mixSchema,
  positiveDuration,
  probability,
  share,
  weeklyWindowSchema,
} from './schema-values.js';

/** `horizon`: how long a replication runs and how much of it is warm-up. */
export const horizonSchema = z
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

/** `clock`: the calendar time of minute 0, the time zone and the business hours. */
export const clockSchema = z.strictObject({
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
        message:
          `unknown time zone "${zone}"` +
          (suggestion ? ` — did you mean "${suggestion}"?` : ' (expected an IANA name such as "Europe/Rome" or "UTC")'),
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

/** `arrivals`: how many tickets arrive and when (pattern, profiles, surges, forecast error). */
export const arrivalsSchema = z.strictObject({
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
      "Forecast error: each day's rate is multiplied by a gamma factor of mean 1 and this coefficient of variation " +
        '(0.1 = days 10 % busier or quieter than forecast, typically).',
    ),
});

/** One entry of `channels`: its share, patience, first reply, opening hours and queue rank. */
export const channelSchema = z.strictObject({
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
      'Local weekly windows when the channel is open; absent = always open. Contacts outside them follow ' +
        'outside_hours.',
    ),
  outside_hours: z
    .enum(['callback', 'redirect', 'turn_away'])
    .default('callback')
    .describe(
      'What a contact arriving while the channel is closed becomes: callback = a ticket on this channel that waits ' +
        'without patience until an agent calls back; redirect = the customer is offered redirect_to and writes ' +
        'there; turn_away = no ticket (the line is closed): counted as a turned_away event and the ' +
        'turned_away_rate KPI.',
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

/** One entry of `categories`: its share, complexity, priorities and need of engineering. */
export const categorySchema = z.strictObject({
  share: share,
  complexity: z.union([identifier, mixSchema]).describe('A complexity id, or a mix of complexity ids with shares.'),
  priorities: mixSchema.optional().describe('Priority mix of this category; defaults to the shares in `priorities`.'),
  needs_engineering: probability
    .default(0)
    .describe('Probability that a ticket needs work outside support (a bug fix) before it can be resolved.'),
});

/** One entry of `complexity`: the handle time of its tickets. */
export const complexitySchema = z.strictObject({
  handle_time: distributionSchema.describe('Agent work content per attempt at a tier of speed 1.'),
});

/** One entry of `priorities`: its share and queue rank. */
export const prioritySchema = z.strictObject({
  share: share,
  rank: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Queue order under the priority discipline: lower is served first; defaults to declaration order.'),
});

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
