/**
 * The scenario format: zod schemas that hold every default, produce the TypeScript types
 * (`z.output`) and the JSON Schema (`desksim schema`), and run the cross-field checks.
 *
 * This is the only place that knows what a valid scenario looks like. The loader
 * (`load.ts`) turns YAML into plain data and error positions; everything below
 * `scenario/` receives a parsed `Scenario` and trusts it.
 *
 * The format is split by section: `schema-values.ts` (kinds of values, LIMITS),
 * `schema-demand.ts`, `schema-tiers.ts`, `schema-service.ts`, `schema-policies.ts`,
 * `schema-people.ts`, `schema-gaming.ts` (the sections), `schema-object.ts` (the top-level
 * object), `schema-cross-checks.ts` (checks across sections). This file puts them together.
 */
import { z } from 'zod';
import { scenarioObjectSchema } from './schema-object.js';
import { crossCheck } from './schema-cross-checks.js';
import type { distributionSchema } from './schema-values.js';

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
