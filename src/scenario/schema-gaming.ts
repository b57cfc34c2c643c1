/**
 * The scenario sections of metric gaming: the gaming behaviours with their intensities and
 * who does them (docs/gaming.md), and the incentives that push KPIs.
 */
import { z } from 'zod';
import { durationSchema } from '../document/values.js';
import { identifier, positiveDuration, probability } from './schema-values.js';

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
      'Share of the agents of each tier in `tiers` who do this (rounded to whole agents per tier); the others never ' +
        'do, incentives or not.',
    ),
    tiers: z.array(identifier).min(1).optional().describe('Tiers whose agents may do it (default: every tier).'),
  })
  .optional()
  .describe(
    'Who does it. The people are chosen by one draw per seat (stream gaming.people.<seat>, the same in every ' +
      'replication and for every ' +
      'behaviour): the seats with the lowest draws game, so a larger share adds people and compared scenarios keep ' +
      'the same ones.',
  );

/** `gaming`: one entry per gaming behaviour (the ids of `GAMING_BEHAVIOURS`). */
export const gamingSchema = z.strictObject({
  premature_close: z
    .strictObject({ intensity, gamers })
    .prefault({})
    .describe(
      'Instead of asking the customer for information or waiting for engineering, the agent marks the ticket solved, ' +
        'unfixed.',
    ),
  generic_first_reply: z
    .strictObject({
      intensity,
      gamers,
      reply_time: positiveDuration.default(2).describe('Agent time one templated acknowledgement takes.'),
    })
    .prefault({})
    .describe(
      'A free agent sends a templated acknowledgement to an unanswered email-like ticket and leaves it in the queue, ' +
        'in its place.',
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
      'An agent who cannot solve a ticket holds it instead of escalating: more sessions at the same tier, then a ' +
        'false resolution.',
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
      'An agent escalating a ticket into a queue that has a backlog asks the customer a needless question and sets ' +
        'it pending, ' +
        'so the SLA clock pauses while it waits; it joins the queue, in the place it would have had, when the ' +
        'customer answers.',
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
      'After a resolution that was not smooth (more than one contact, an escalation, an information request, a ' +
        'generic reply, a wait beyond expectations), the survey is withheld.',
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
      'An agent works part of a non-simple issue, marks the ticket solved and opens a new ticket, same customer and ' +
        'category, for the rest.',
    ),
});

/** One entry of `incentives`: a KPI management pushes, and how hard. */
export const incentiveSchema = z.strictObject({
  kpi: z
    .string()
    .min(1)
    .describe(
      'The KPI management pushes: a KPI id of the incentive table (docs/gaming.md), e.g. first_response_time_mean.',
    ),
  pressure: probability.describe('How hard it is pushed: 0 = not at all, 1 = bonus and ranking depend on it.'),
});
