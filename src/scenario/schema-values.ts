/**
 * The building blocks of the scenario format: the bounds of its numbers (`LIMITS`), ids,
 * shares and mixes, probabilities, money, local times and weekly windows, distributions of
 * durations, and the predicates the sections share (a date-time the clock reads). A kind of
 * value more than one section file (`schema-*.ts`) uses lives here.
 */
import { z } from 'zod';
import { distributionFieldProblems, type DistributionSpec } from '../engine/distributions.js';
import { parseIsoDateTime } from '../engine/local-time.js';
import { durationSchema, identifier, MAX_DURATION_MINUTES, positiveDuration } from '../document/values.js';

// The kinds of value a plug-in's section also uses (`src/gaming/`) live in document/values.ts.
export { identifier, positiveDuration, probability } from '../document/values.js';

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

/** A share of a section, 0..1. */
export const share = z.number().min(0).max(1).describe('Share of the total, 0..1; shares of a section sum to 1.');
/** An amount of money, 0..LIMITS.money. */
export const money = z.number().min(0).max(LIMITS.money);

const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a local time "HH:MM" (00:00 to 24:00)');

/** A weekly window of local time, used for business hours and shifts. */
export const weeklyWindowSchema = z.strictObject({
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
    // The field a sentence is about travels as a parameter: the loader drops the sentence when
    // that field's own check already spoke (`dropEchoes`).
    for (const problem of distributionFieldProblems(spec as DistributionSpec)) {
      const params = problem.field === undefined ? {} : { field: problem.field };
      context.addIssue({ code: 'custom', message: problem.message, params });
    }
  })
  .describe(
    'A distribution: { dist: exponential, mean }, { dist: lognormal | gamma, mean, sd }, ' +
      '{ dist: weibull, shape, scale }, { dist: uniform, min, max }, { dist: triangular, min, mode, max }, ' +
      '{ dist: deterministic, value } or { dist: empirical, values: [...] }. Parameters are durations.',
  );

/** A mix: ids of another section mapped to shares that sum to 1. */
export const mixSchema = z.record(identifier, share);

/** A duration, or durations by the id of another section (channels, priorities). */
export const durationOrMap = z.union([positiveDuration, z.record(identifier, positiveDuration)]);

/** What the simulation clock's own parser says about a date-time, or undefined when it reads it. */
export function isoDateTimeProblem(text: string): string | undefined {
  try {
    parseIsoDateTime(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
