/**
 * Survey selection: when an agent marks a ticket solved and it was not smooth — more than
 * one contact, an escalation, an information request, a generic reply, or a first response
 * or resolution slower than the customer expected — the survey is withheld. The agent sees
 * all of that in the ticket; what they cannot see is whether the problem is really fixed.
 *
 * Flatters CSAT, NPS and CES: the dashboard hears mostly from customers with smooth
 * tickets. Changes nothing for the customers: the truth (`true_satisfaction_mean`) stays
 * where it was, and the gap between the dashboard and the truth widens. One draw per
 * resolution of a ticket that was not smooth, from `gaming.survey_selection.<seat>`.
 */
import type { z } from 'zod';
import { defineBehaviour, behaviourSection } from './definition.js';
import type { SatisfactionModel } from '../desk/satisfaction.js';
import type { Agent, Ticket } from '../desk/structures.js';
import type { BehaviourContext, BehaviourHooks, SeatStreams } from '../desk/gaming.js';

const section = behaviourSection(
  'After a resolution that was not smooth (more than one contact, an escalation, an information request, a ' +
    'generic reply, a wait beyond expectations), the survey is withheld.',
);

class SurveySelection implements BehaviourHooks {
  private readonly satisfaction: SatisfactionModel;
  private readonly intensities: Float64Array;
  private readonly gamed: BehaviourContext['gamed'];
  private readonly random: SeatStreams;
  /** Ids of resolved tickets whose survey is withheld when they close. */
  private readonly withheld = new Set<number>();

  constructor(context: BehaviourContext<z.output<typeof section>>) {
    this.satisfaction = context.model.customers.satisfaction;
    this.intensities = context.intensities;
    this.gamed = context.gamed;
    this.random = context.seatStreams('gaming.survey_selection');
  }

  resolved(ticket: Ticket, agent: Agent, now: number): void {
    this.withheld.delete(ticket.id);
    if (this.smooth(ticket, now) || this.random.of(agent)() >= this.intensities[agent.slot]!) return;
    this.withheld.add(ticket.id);
    this.gamed(agent, ticket, now);
  }

  surveys(ticket: number): boolean {
    return !this.withheld.delete(ticket);
  }

  /** Nothing the agent can see in the ticket would lower the customer's satisfaction. */
  private smooth(ticket: Ticket, now: number): boolean {
    if (ticket.contacts > 1 || ticket.handoffs > 0 || ticket.exchanges > 0 || ticket.genericReplies > 0) return false;
    const firstResponse = (Number.isNaN(ticket.firstReplyAt) ? now : ticket.firstReplyAt) - ticket.createdAt;
    return (
      firstResponse <= this.satisfaction.expectedFirstResponse[ticket.channel]! &&
      now - ticket.contactAt <= this.satisfaction.expectedResolution[ticket.priority]!
    );
  }
}

export const surveySelection = defineBehaviour({
  id: 'survey_selection',
  precedence: 90,
  section,
  defaults: {},
  pressures: { csat_mean: 1, csat_satisfied_share: 1, ces_mean: 1 },
  choosesTickets: false,
  create: (context) => new SurveySelection(context),
});
