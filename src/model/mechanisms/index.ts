/**
 * The registry of the desk's mechanisms: each owns its streams, parameters and state (one
 * file each), and the desk core (`../simulate.ts`) calls it at its decision points. Gaming
 * behaviours are plug-ins of their own (`../gaming/`).
 *
 * Adding a mechanism: a file here built on `Desk`, a line below, and its call at the
 * decision point in the core where it acts (docs/architecture.md, "Adding a mechanism").
 */
import { Aging } from './aging.js';
import { AutoAcknowledgement } from './auto-acknowledgement.js';
import { Automation } from './automation.js';
import { Blending } from './blending.js';
import { ChannelHours } from './channels.js';
import type { Desk } from './desk.js';
import { Engineering } from './engineering.js';
import { Handoffs } from './handoffs.js';
import { InformationRequests } from './information.js';
import { Knowledge } from './knowledge.js';
import { CustomerOpinion } from './opinion.js';
import { Overtime } from './overtime.js';
import { Returns } from './returns.js';
import { Staffing } from './staffing.js';
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
  acknowledgement: AutoAcknowledgement;
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
    workforce: new Workforce(desk, overtime, new Staffing(desk.model)),
    overtime,
    aging: new Aging(desk),
    acknowledgement: new AutoAcknowledgement(desk),
    handoffs,
    automation: new Automation(desk, handoffs),
    channelHours: new ChannelHours(desk),
    blending: new Blending(desk),
  };
}

export { Conversation } from './automation.js';
export { Kind, MINUTES_PER_DAY, type Desk } from './desk.js';
export { Search } from './knowledge.js';
export { SurveyReply } from './opinion.js';
