/**
 * The scenario sections of who works the tickets: human tiers (agents or shifts, skill,
 * accuracy, escalation), automation tiers (AI agents and bots), what handoffs between tiers
 * cost, and routing (queue discipline, entry tier).
 */
import { z } from 'zod';
import { durationSchema } from '../document/values.js';
import { blendSchema } from './blending.js';
import {
  identifier,
  LIMITS,
  mixSchema,
  money,
  positiveDuration,
  probability,
  weeklyWindowSchema,
} from './schema-values.js';

const shiftSchema = weeklyWindowSchema.extend({
  name: z.string().optional(),
  agents: z.number().int().min(0).max(LIMITS.agents).describe('Agents on this shift.'),
});

/** One human tier of `tiers`: its agents or shifts, skill, accuracy, speed, cost and escalation. */
export const tierSchema = z
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
    blend: blendSchema.optional(),
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
export const automationTierSchema = z.strictObject({
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
      'Probability that a conversation it ends really fixed the problem; the rest are confident wrong answers that ' +
        'come back.',
    ),
  cost_per_conversation: money.default(0).describe('Cost of each conversation it takes (licence, tokens).'),
  hands_off_to: identifier
    .optional()
    .describe(
      'Human tier that receives the tickets it does not contain; default the entry tier. Must be on the escalation ' +
        'chain.',
    ),
});

/** At most 0.9: each hand-back is drawn anew, and 1 would bounce a ticket for ever. */
const handBackProbability = z.number().min(0).max(0.9);

/** What handoffs between tiers cost the customer (docs/model.md, Automation tier): context lost, ping-pong. */
export const handoffsSchema = z.strictObject({
  context_lost: probability
    .default(0)
    .describe(
      'Probability that a handoff (bot to human, an escalation, a hand-back) loses the context: the customer repeats ' +
        'themselves.',
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
      'Probability that a tier hands an escalated ticket back to the tier that sent it after a look (ping-pong), ' +
        'overall or by tier id.',
    ),
});

/** `routing`: the queue discipline and the tier that receives new tickets. */
export const routingSchema = z.strictObject({
  discipline: z
    .enum(['fifo', 'priority'])
    .default('fifo')
    .describe('fifo: first come first served; priority: non-preemptive by priority rank, FIFO within a rank.'),
  entry_tier: identifier.optional().describe('Tier that receives new tickets; defaults to the first tier.'),
});
