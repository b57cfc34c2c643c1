/**
 * The plug-in mechanisms, one line each, in the order their sections follow the built-in
 * ones in a scenario (or in the built-in section `within` names) and the order they are
 * asked at a decision point (each one's calendar kind comes after every built-in kind, in
 * this order).
 *
 * Adding a mechanism: a file in this folder exporting `defineMechanism({...})`
 * (`definition.ts` says what it holds) and a line below. Nothing else names it: the
 * scenario gets its section, docs/defaults.md its defaults, the desk core its hooks and
 * calendar kind. docs/architecture.md, "How to add a mechanism", has a worked example.
 */
import type { z } from 'zod';
import { autoAcknowledgement } from './auto-acknowledgement.js';
import type { MechanismDefinition } from './definition.js';

export const MECHANISM_REGISTRY = [autoAcknowledgement] as const satisfies readonly MechanismDefinition[];

type Registered = (typeof MECHANISM_REGISTRY)[number];
/** The built-in section a definition's section sits in (never: a top-level section). */
type WithinOf<Definition extends Registered> = NonNullable<Definition['within']>;

/** Every top-level plug-in mechanism's section under its id: the scenario's sections after the built-in ones. */
export type MechanismSections = {
  [Definition in Registered as [WithinOf<Definition>] extends [never]
    ? Definition['id']
    : never]: Definition['section'];
};

/** The plug-in mechanisms' sections that sit inside the built-in section `Within`, under their ids. */
export type NestedMechanismSections<Within extends string> = {
  [Definition in Registered as [WithinOf<Definition>] extends [Within]
    ? Definition['id']
    : never]: Definition['section'];
};

const definitions = MECHANISM_REGISTRY as readonly MechanismDefinition[];

/** The top-level plug-in mechanisms' sections under their ids, in registry order. */
export function mechanismSections(): MechanismSections {
  return Object.fromEntries(
    definitions
      .filter((definition) => definition.within === undefined)
      .map((definition) => [definition.id, definition.section]),
  ) as MechanismSections;
}

/**
 * A built-in section's fields with the plug-in mechanisms' sections that sit in it: each just
 * before the field its `before` names, else after every built-in field, in registry order.
 */
export function withMechanismSections<Within extends string, Shape extends z.ZodRawShape>(
  within: Within,
  shape: Shape,
): Shape & NestedMechanismSections<Within> {
  const inside = definitions.filter((definition) => definition.within === within);
  for (const definition of inside) {
    if (definition.before !== undefined && !(definition.before in shape))
      throw new Error(`mechanism ${definition.id}: ${within} has no field ${definition.before} to come before`);
  }
  const sectionsBefore = (field: string | undefined) =>
    inside.filter((definition) => definition.before === field).map((definition) => [definition.id, definition.section]);
  const fields = Object.entries(shape).flatMap(([field, schema]) => [...sectionsBefore(field), [field, schema]]);
  return Object.fromEntries([...fields, ...sectionsBefore(undefined)]) as Shape & NestedMechanismSections<Within>;
}
