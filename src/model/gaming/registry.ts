/**
 * The gaming behaviours, one line each. Order is precedence: at a decision point the first
 * behaviour that acts wins (an acknowledgement is not dumped, a dumped ticket is not split,
 * a split session is not closed prematurely...). Legitimate effort acts after them all.
 */
import type { BehaviourDefinition } from './behaviour.js';
import { cherryPick } from './cherry-pick.js';
import { escalationAvoidance } from './escalation-avoidance.js';
import { escalationDumping } from './escalation-dumping.js';
import { genericFirstReply } from './generic-first-reply.js';
import { prematureClose } from './premature-close.js';
import { rushing } from './rushing.js';
import { slaClockPause } from './sla-clock-pause.js';
import { surveySelection } from './survey-selection.js';
import { ticketSplitting } from './ticket-splitting.js';

export const BEHAVIOUR_REGISTRY: readonly BehaviourDefinition[] = [
  genericFirstReply,
  cherryPick,
  escalationDumping,
  ticketSplitting,
  rushing,
  prematureClose,
  escalationAvoidance,
  slaClockPause,
  surveySelection,
];
