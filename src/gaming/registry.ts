/**
 * The gaming behaviours, one line each (docs/gaming.md). This order is the one people read:
 * the scenario's `gaming` section, the JSON Schema, docs/defaults.md, `GAMING_BEHAVIOURS`.
 * The order in which behaviours act at a decision point is each one's `precedence` (an
 * acknowledgement is not dumped, a dumped ticket is not split, a split session is not closed
 * prematurely...); legitimate effort acts after them all.
 *
 * Adding a behaviour: a file in this folder exporting `defineBehaviour({...})`
 * (`definition.ts` says what it holds) and a line below. Nothing else names it.
 */
import { cherryPick } from './cherry-pick.js';
import type { BehaviourDefinition } from './definition.js';
import { escalationAvoidance } from './escalation-avoidance.js';
import { escalationDumping } from './escalation-dumping.js';
import { genericFirstReply } from './generic-first-reply.js';
import { prematureClose } from './premature-close.js';
import { rushing } from './rushing.js';
import { slaClockPause } from './sla-clock-pause.js';
import { surveySelection } from './survey-selection.js';
import { ticketSplitting } from './ticket-splitting.js';

export const BEHAVIOUR_REGISTRY = [
  prematureClose,
  genericFirstReply,
  cherryPick,
  escalationAvoidance,
  escalationDumping,
  slaClockPause,
  rushing,
  surveySelection,
  ticketSplitting,
] as const satisfies readonly BehaviourDefinition[];

type Registered = (typeof BEHAVIOUR_REGISTRY)[number];

/** A gaming behaviour's id. */
export type GamingBehaviour = Registered['id'];

/** Every behaviour's scenario section under its id: the shape of the scenario's `gaming`. */
export type GamingSections = { [Definition in Registered as Definition['id']]: Definition['section'] };

/** The behaviours' sections under their ids, in registry order (the `gaming` section's shape). */
export function gamingSections(): GamingSections {
  return Object.fromEntries(
    BEHAVIOUR_REGISTRY.map((definition) => [definition.id, definition.section]),
  ) as GamingSections;
}

/** The behaviours in the order they act at a decision point (lowest `precedence` first). */
export function behavioursByPrecedence(): readonly BehaviourDefinition[] {
  return [...BEHAVIOUR_REGISTRY].sort((a, b) => a.precedence - b.precedence);
}
