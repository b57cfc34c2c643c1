/**
 * Sources of the plug-ins' defaults, from the reasons each plug-in's file gives
 * (`defaults`): every gaming behaviour's section (`gaming.<id>`, its intensity off) and every
 * plug-in mechanism's section (`<id>`, or `<within>.<id>`). Their defaults are assumptions: a plug-in that cites a
 * reference for one says so in its reason.
 */
import { BEHAVIOUR_REGISTRY } from '../gaming/registry.js';
import { type MechanismDefinition, sectionPath } from '../mechanisms/definition.js';
import { MECHANISM_REGISTRY } from '../mechanisms/registry.js';
import { assumption, type DefaultSource, neutral } from './default-references.js';

const GAMING_OFF = neutral('agents do not game unless a scenario or an incentive switches it on');

/** A plug-in default's source, by the field's path in the JSON Schema. */
export const PLUGIN_SOURCES: Record<string, DefaultSource> = Object.fromEntries([
  ...BEHAVIOUR_REGISTRY.flatMap((behaviour) => [
    [`gaming.${behaviour.id}.intensity`, GAMING_OFF],
    ...Object.entries(behaviour.defaults).map(([field, why]) => [`gaming.${behaviour.id}.${field}`, assumption(why)]),
  ]),
  ...(MECHANISM_REGISTRY as readonly MechanismDefinition[]).flatMap((mechanism) =>
    Object.entries(mechanism.defaults).map(([field, why]) => [`${sectionPath(mechanism)}.${field}`, assumption(why)]),
  ),
]);
