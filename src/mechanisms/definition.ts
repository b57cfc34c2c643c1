/**
 * What a plug-in mechanism is: one file in this folder exporting a `defineMechanism({...})`,
 * and one line in `registry.ts`. The definition carries everything the rest of desksim needs
 * to know about it, so nothing else names it:
 *
 * - `id`: its scenario section's key (a top-level section, after the built-in ones, unless
 *   `within` puts it inside a built-in section);
 * - `within`, `before` (optional): the built-in section whose object holds its section (e.g.
 *   `policies`: `policies.<id>`), and the built-in field of that section its key comes before
 *   (without `before`: after every built-in field). A mechanism that used to be built in keeps
 *   its section where users write it: same path, same key position in the JSON Schema,
 *   `scenario.resolved.yaml` and docs/defaults.md;
 * - `section`: that section (zod, defaulted as a whole: a scenario without it gets its
 *   defaults), from which the scenario schema, the JSON Schema and docs/defaults.md are built;
 * - `defaults`: why each of its defaulted fields has its default (docs/defaults.md);
 * - `check(settings, checks)` (optional): its cross-field checks against the rest of the
 *   parsed scenario (e.g. ids that must name channels), run with the scenario's own;
 * - `active(settings)`: whether a scenario uses it at all — when not, it is not created, draws
 *   nothing and schedules nothing, so the outputs of desks without it do not move;
 * - `create(context)`: its hooks for one replication (`desk/mechanism.ts` documents them),
 *   with its state, streams and calendar entries in its own object.
 *
 * Most mechanisms the desk was built with (`model/mechanisms/`) predate this folder: their
 * parameters sit inside the built-in sections and the core calls each through a typed hook.
 * This folder sits between the desk's contract (`src/desk/`) and the scenario layer.
 */
import type { z } from 'zod';
import type { MechanismContext, MechanismHooks } from '../desk/mechanism.js';

/** A plug-in mechanism (see the top of this file). */
export interface MechanismDefinition<
  Id extends string = string,
  Section extends z.ZodType = z.ZodType,
  Within extends string | undefined = string | undefined,
> {
  id: Id;
  /** The built-in section holding this one (`<within>.<id>`); absent: a top-level section. */
  within?: Within;
  /** With `within`: the built-in field this section's key comes before; absent: after every built-in field. */
  before?: string;
  section: Section;
  /** Why each of its defaulted fields has its default (an assumption), by field path under the section. */
  defaults: Readonly<Record<string, string>>;
  /** Its cross-field checks over the parsed scenario (see `SectionChecks`); absent: none. */
  check?(settings: z.output<Section>, checks: SectionChecks): void;
  active(settings: z.output<Section>): boolean;
  create(context: MechanismContext<z.output<Section>>): MechanismHooks;
}

/** What a mechanism's cross-field check is given: the parsed scenario and a way to report a bad reference. */
export interface SectionChecks {
  /** The parsed scenario by section, defaults filled in, before the cross-field checks. */
  readonly scenario: Readonly<Record<string, unknown>>;
  /**
   * Reports every one of `ids` that is not among `known` (the ids of a `what`, e.g. `channel`),
   * located at `path` under the mechanism's section: `unknown channel "fax" (known: …)`.
   */
  references(ids: string[], known: string[], what: string, path: (string | number)[]): void;
}

/** Declares a mechanism, keeping its id and its section's type (the scenario's types are built from them). */
export function defineMechanism<
  const Id extends string,
  Section extends z.ZodType,
  const Within extends string | undefined = undefined,
>(definition: MechanismDefinition<Id, Section, Within>): MechanismDefinition<Id, Section, Within> {
  return definition;
}

/** The mechanism's section's path in a scenario: `<id>`, or `<within>.<id>`. */
export function sectionPath(definition: MechanismDefinition): string {
  return definition.within === undefined ? definition.id : `${definition.within}.${definition.id}`;
}

/** The mechanism's settings in a parsed scenario (its section, defaults filled in). */
export function mechanismSettings(definition: MechanismDefinition, scenario: object): unknown {
  const sections = scenario as Readonly<Record<string, unknown>>;
  const holder =
    definition.within === undefined
      ? sections
      : (sections[definition.within] as Readonly<Record<string, unknown>> | undefined);
  return holder?.[definition.id];
}
