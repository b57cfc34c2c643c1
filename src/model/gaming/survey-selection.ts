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
import type { SatisfactionModel } from '../satisfaction.js';
import type { Agent, Ticket } from '../structures.js';
import type { BehaviourContext, BehaviourDefinition, BehaviourHooks, SeatStreams } from './behaviour.js';

class SurveySelection implements BehaviourHooks {
  private readonly satisfaction: SatisfactionModel;
  private readonly intensities: Float64Array;
  private readonly gamed: BehaviourContext['gamed'];
  private readonly random: SeatStreams;
  /** Ids of resolved tickets whose survey is withheld when they close. */
  private readonly withheld = new Set<number>();

  constructor(context: BehaviourContext) {
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

export const surveySelection: BehaviourDefinition = {
  id: 'survey_selection',
  choosesTickets: false,
  create: (context) => new SurveySelection(context),
};
