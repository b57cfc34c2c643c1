/**
 * Value schemas every kind of document shares (scenario, mapping, experiment): each reads
 * what a person writes with the engine's own parser, so a value means the same in every file.
 */
import { z } from 'zod';
import { parseDuration } from '../engine/duration.js';

/** 100 years, in minutes: the longest duration any document may give. */
export const MAX_DURATION_MINUTES = 100 * 365.25 * 1440;

/** A duration: a number of minutes, or a string such as "45s", "15m", "4h", "2d", "1w". */
export const durationSchema = z
  .union([z.number(), z.string()])
  .transform((value, context) => {
    try {
      const minutes = parseDuration(value);
      if (minutes > MAX_DURATION_MINUTES) {
        context.addIssue({
          code: 'custom',
          message: `must be at most 100 years (${MAX_DURATION_MINUTES} minutes)`,
          input: value,
        });
        return z.NEVER;
      }
      return minutes;
    } catch (error) {
      // Marked, so the loader can tell "not a duration at all" from a later check on the minutes.
      context.addIssue({
        code: 'custom',
        message: (error as Error).message,
        input: value,
        params: { unreadable: true },
      });
      return z.NEVER;
    }
  })
  .describe('A duration: minutes as a number, or a string like "45s", "15m", "4h", "2d", "1w".');

/** A duration (minutes, or text such as "4h") greater than 0. */
export const positiveDuration = durationSchema.refine((minutes) => minutes > 0, 'must be a positive duration');

/** A probability, 0..1. */
export const probability = z.number().min(0).max(1);
/**
 * Names every JavaScript object answers to (`toString`, `constructor`...): never an id, so no
 * lookup by id can find them.
 */
const reservedNames = new Set(Object.getOwnPropertyNames(Object.prototype));
/** An id a scenario gives to a tier, channel, category...: a letter, then letters, digits, "_" or "-". */
export const identifier = z
  .string()
  .max(100)
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must start with a letter and use letters, digits, "_" or "-"')
  .superRefine((id, context) => {
    if (reservedNames.has(id))
      context.addIssue({ code: 'custom', message: `"${id}" is a reserved name; choose another id` });
  });
