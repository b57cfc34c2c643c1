/**
 * What a gaming behaviour is as a plug-in: one file in this folder exporting a
 * `defineBehaviour({...})`, and one line in `registry.ts`. The definition carries everything
 * the rest of desksim needs to know about the behaviour, so nothing else names it:
 *
 * - `id`: its key under `gaming` in a scenario, its `truth_gamed` kind, its stream prefix;
 * - `section`: its scenario section (zod; `behaviourSection` adds `intensity` and `gamers`),
 *   from which the scenario schema, the JSON Schema and docs/defaults.md are assembled;
 * - `defaults`: why each of its own defaulted fields has its default (docs/defaults.md);
 * - `pressures`: the KPIs whose incentive pressure drives it, with weights (the incentive
 *   table, `scenario/incentives.ts`, is assembled from these);
 * - `precedence`: where it stands at a decision point (the lowest acts first, and the first
 *   behaviour that acts wins);
 * - `choosesTickets`: its agents need to find tickets other than the next in line;
 * - `create(context)`: its hooks for one replication (`desk/gaming.ts` documents them).
 *
 * This folder sits between the desk's contract (`src/desk/`) and the scenario layer, which
 * imports the registry: a behaviour imports neither the scenario nor the model.
 */
import { z } from 'zod';
import { identifier, probability } from '../document/values.js';
import type { BehaviourContext, BehaviourHooks } from '../desk/gaming.js';
import type { KpiId } from '../metrics/catalog.js';

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

/** Who games, as a scenario writes it (`gaming.<id>.gamers`). */
export type Gamers = z.output<typeof gamers>;

/**
 * A behaviour's scenario section: `intensity` and `gamers`, then its own fields, defaulted as
 * a whole (`gaming.<id>: {}` and no entry at all mean the same).
 */
export function behaviourSection<Shape extends z.ZodRawShape = Record<never, never>>(
  description: string,
  fields: Shape = {} as Shape,
) {
  // `{}` fits every section (each field has a default or is optional); the compiler cannot see it for any `Shape`.
  return z
    .strictObject({ intensity, gamers, ...fields })
    .prefault({} as never)
    .describe(description);
}

/** What every behaviour's section parses to, at least. */
export interface BehaviourSettings {
  intensity: number;
  gamers?: Gamers;
}

/** A behaviour's section as a zod schema. */
export type BehaviourSection = z.ZodType<BehaviourSettings>;

/** A gaming behaviour as a plug-in (see the top of this file). */
export interface BehaviourDefinition<Id extends string = string, Section extends BehaviourSection = BehaviourSection> {
  id: Id;
  /** Its place at a decision point: the lowest acts first (the registry's are 10, 20, … 90). */
  precedence: number;
  section: Section;
  /** Why each of its own defaulted fields has its default (an assumption), by field name. */
  defaults: Readonly<Record<string, string>>;
  /** KPI → weight (0..1): pressure on the KPI drives this behaviour with pressure × weight. */
  pressures: Readonly<Partial<Record<KpiId, number>>>;
  /** Needs its agents to find tickets other than the next in line (tiers then get a `SelectiveQueue`). */
  choosesTickets: boolean;
  create(context: BehaviourContext<z.output<Section>>): BehaviourHooks;
}

/** Declares a behaviour, keeping its id and its section's type (the scenario's types are built from them). */
export function defineBehaviour<const Id extends string, Section extends BehaviourSection>(
  definition: BehaviourDefinition<Id, Section>,
): BehaviourDefinition<Id, Section> {
  return definition;
}
