/**
 * The registry of the desk's mechanisms: each owns its streams, parameters and state (one
 * file each), and the desk core (`../simulate.ts`) calls it at its decision points. Gaming
 * behaviours are plug-ins of their own (`../gaming/`).
 *
 * These are the built-in mechanisms, whose parameters sit inside the built-in scenario
 * sections; each has a typed hook in the core. A new mechanism is a plug-in instead
 * (`src/mechanisms/`: one file, one registry line; docs/architecture.md, "How to add…"), as
 * the automatic acknowledgement now is.
 */
import { Aging } from './aging.js';
import type { Agent, ShiftChange, Ticket } from '../../desk/structures.js';
import { Automation, type Conversation } from './automation.js';
import { Blending } from './blending.js';
import { ChannelHours } from './channels.js';
import { FIRST_PLUGIN_KIND, Kind, type Desk } from './desk.js';
import { Engineering } from './engineering.js';
import { Handoffs } from './handoffs.js';
import { InformationRequests } from './information.js';
import { Knowledge } from './knowledge.js';
import { CustomerOpinion, type SurveyReply } from './opinion.js';
import { Overtime } from './overtime.js';
import type { CalendarHandler, PluginMechanisms } from './plugins.js';
import { Returns } from './returns.js';
import { Staffing } from './staffing.js';
import { Training } from './training.js';
import { Workforce } from './workforce.js';

export interface Mechanisms {
  knowledge: Knowledge;
  engineering: Engineering;
  opinion: CustomerOpinion;
  information: InformationRequests;
  returns: Returns;
  workforce: Workforce;
  overtime: Overtime;
  aging: Aging;
  handoffs: Handoffs;
  automation: Automation;
  channelHours: ChannelHours;
  blending: Blending;
}

export function createMechanisms(desk: Desk): Mechanisms {
  const opinion = new CustomerOpinion(desk);
  const overtime = new Overtime(desk);
  const handoffs = new Handoffs(desk);
  return {
    knowledge: new Knowledge(desk),
    engineering: new Engineering(desk),
    opinion,
    information: new InformationRequests(desk, opinion),
    returns: new Returns(desk),
    workforce: new Workforce(desk, overtime, new Staffing(desk.model), new Training(desk)),
    overtime,
    aging: new Aging(desk),
    handoffs,
    automation: new Automation(desk, handoffs),
    channelHours: new ChannelHours(desk),
    blending: new Blending(desk),
  };
}

export type { CalendarHandler } from './plugins.js';

/**
 * Which mechanism handles each kind of calendar entry it schedules; the core adds its own
 * (`Abandonment`) and the plug-ins' (`plugins.ts`) to make its dispatch table.
 */
export function mechanismCalendar(mechanisms: Mechanisms): Array<[Kind, CalendarHandler]> {
  const { workforce, returns, engineering, information, opinion, aging, automation } = mechanisms;
  return [
    [Kind.ShiftChange, (entry, now) => workforce.changeDuty(entry as ShiftChange, now)],
    [Kind.Absence, (entry, now) => workforce.toggleAbsence(entry as Agent, now)],
    [Kind.Review, (_entry, now) => workforce.reviewAttrition(now)],
    [Kind.Hire, (entry, now) => workforce.hire(entry as Agent, now)],
    [Kind.Return, (entry, now) => returns.comeBack(entry as Ticket, now)],
    [Kind.CustomerReply, (entry, now) => information.answer(entry as Ticket, now)],
    [Kind.SilentClose, (entry, now) => information.closeSilent(entry as Ticket, now)],
    [Kind.EngineeringDone, (entry, now) => engineering.deliver(entry as Ticket, now)],
    [Kind.SurveyAnswer, (entry, now) => opinion.answerSurvey(entry as SurveyReply, now)],
    [Kind.Chase, (entry, now) => aging.chase(entry as Ticket, now)],
    [Kind.Automation, (entry, now) => automation.converse(entry as Conversation, now)],
  ];
}

/**
 * The calendar's dispatch table: the handler of every kind, by kind — the given ones (the
 * core's and the built-in mechanisms'), then the plug-ins' from `FIRST_PLUGIN_KIND` on. A
 * kind nobody handles fails loudly.
 */
export function dispatchTable(
  handled: ReadonlyArray<[Kind, CalendarHandler]>,
  plugins: PluginMechanisms | null,
): CalendarHandler[] {
  const handlers: CalendarHandler[] = [];
  for (let kind = 0; kind < FIRST_PLUGIN_KIND; kind++) {
    handlers.push(() => {
      throw new Error(`no handler for calendar entries of kind ${kind}`);
    });
  }
  for (const [kind, handler] of handled) handlers[kind] = handler;
  if (plugins !== null) handlers.push(...plugins.handlers);
  return handlers;
}

export { Conversation } from './automation.js';
export { FIRST_PLUGIN_KIND, Kind, MINUTES_PER_DAY, type Desk } from './desk.js';
export { Search } from './knowledge.js';
export { SurveyReply } from './opinion.js';
