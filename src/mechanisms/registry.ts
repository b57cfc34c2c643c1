/**
 * The plug-in mechanisms, one line each, in the order their sections follow the built-in
 * ones in a scenario and the order they are asked at a decision point (each one's calendar
 * kind comes after every built-in kind, in this order).
 *
 * Adding a mechanism: a file in this folder exporting `defineMechanism({...})`
 * (`definition.ts` says what it holds) and a line below. Nothing else names it: the
 * scenario gets its section, docs/defaults.md its defaults, the desk core its hooks and
 * calendar kind. docs/architecture.md, "How to add a mechanism", has a worked example.
 */
import type { MechanismDefinition } from './definition.js';

export const MECHANISM_REGISTRY = [] as const satisfies readonly MechanismDefinition[];

type Registered = (typeof MECHANISM_REGISTRY)[number];

/** Every plug-in mechanism's section under its id: the scenario's sections after the built-in ones. */
export type MechanismSections = { [Definition in Registered as Definition['id']]: Definition['section'] };

/** The plug-in mechanisms' sections under their ids, in registry order. */
export function mechanismSections(): MechanismSections {
  return Object.fromEntries(
    (MECHANISM_REGISTRY as readonly MechanismDefinition[]).map((definition) => [definition.id, definition.section]),
  ) as MechanismSections;
}
