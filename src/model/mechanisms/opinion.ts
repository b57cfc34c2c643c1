/**
 * What customers think (docs/model.md, Satisfaction and surveys): when a ticket ends, its
 * customer's answers to a survey — respondent or not — are the truth (`truth_satisfaction`);
 * after a resolution, some customers are surveyed and some of those answer, after a delay.
 *
 * Streams: `customer.satisfaction` (two draws per ended ticket) and `customer.survey` (up to
 * three per survey).
 */
import { createStream, type Rng } from '../../engine/index.js';
import {
  effortPoints,
  responseProbability,
  satisfiedProbability,
  surveyAnswers,
  type Experience,
  type SurveyAnswers,
} from '../../desk/satisfaction.js';
import type { Ticket } from '../../desk/structures.js';
import { Kind, type Desk } from './desk.js';

/** A survey answer on its way (the ticket itself may be recycled by then). */
export class SurveyReply {
  constructor(
    readonly ticket: number,
    readonly answers: { csat: number; ces: number; nps: number },
  ) {}
}

export class CustomerOpinion {
  private readonly satisfactionRandom: Rng;
  private readonly surveyRandom: Rng;
  /** Reused for a customer's answers before they are copied into an event's value. */
  private readonly answers: SurveyAnswers = { rating: 0, csat: 0, ces: 0, nps: 0 };
  /** The value of every `truth_satisfaction` event, refilled each time (sinks copy what they keep: see `EventSink`). */
  private readonly truthValue = { csat: 0, ces: 0, nps: 0 };
  /** Reused to describe a ticket's experience (see `experienceOf`). */
  private readonly experience: Experience = {
    contacts: 1,
    fixed: false,
    abandoned: false,
    handoffs: 0,
    exchanges: 0,
    genericReplies: 0,
    firstResponseWait: 0,
    resolutionWait: 0,
    searchedFirst: false,
    repeats: 0,
  };

  constructor(private readonly desk: Desk) {
    const seed = desk.model.scenario.seed;
    this.satisfactionRandom = createStream(seed, desk.replication, 'customer.satisfaction');
    this.surveyRandom = createStream(seed, desk.replication, 'customer.survey');
  }

  /**
   * The experience to settle (see `settle`): its customer's satisfied probability and effort
   * points, as `judge` found them, or as the desk kept them while the ticket waited to close.
   * Fields, not returned or passed numbers: a fractional number returned from or passed to a
   * method V8 does not inline is boxed (a heap number, ~16 bytes), and these cross such calls
   * for every customer; a field holds its number in place.
   */
  probability = 0;
  effort = 0;

  /** Judges the ticket's experience now: sets `probability` and `effort`. */
  judge(ticket: Ticket, fixed: boolean, now: number): void {
    const experience = this.experienceOf(ticket, fixed, now);
    const model = this.desk.model.customers.satisfaction;
    this.probability = satisfiedProbability(model, experience, ticket.channel, ticket.priority);
    this.effort = effortPoints(experience, model.repeatEffort);
  }

  /**
   * A ticket ended without a resolution: not fixed, no survey. A customer who gave up
   * waiting (`abandoned`) weighs that too; one who went silent on a question did not wait.
   */
  settleUnresolved(ticket: Ticket, now: number, abandoned = false): void {
    const experience = this.experienceOf(ticket, false, now);
    experience.abandoned = abandoned;
    const model = this.desk.model.customers.satisfaction;
    this.probability = satisfiedProbability(model, experience, ticket.channel, ticket.priority);
    this.effort = effortPoints(experience, model.repeatEffort);
    this.settle(ticket.id, now, false);
  }

  /**
   * A ticket has ended: record what its customer thinks (truth_satisfaction) of the experience
   * in `probability` and `effort`, and, after a resolution, survey them; a respondent answers
   * after a delay.
   */
  settle(ticket: number, now: number, resolved: boolean): void {
    const desk = this.desk;
    const random = this.satisfactionRandom;
    const answers = surveyAnswers(this.probability, this.effort, random(), random(), this.answers);
    const value = this.truthValue;
    value.csat = answers.csat;
    value.ces = answers.ces;
    value.nps = answers.nps;
    desk.emit(now, 'truth_satisfaction', ticket, undefined, undefined, undefined, value);
    const survey = desk.model.customers.survey;
    if (!resolved || survey.share === 0) return;
    if (desk.gaming !== null && !desk.gaming.surveys(ticket)) return;
    if (this.surveyRandom() >= survey.share) return;
    desk.emit(now, 'survey_sent', ticket, undefined, undefined);
    if (this.surveyRandom() < responseProbability(survey.responseRate, survey.responseBias, answers.rating)) {
      const answerAt = now + survey.delay.sample(this.surveyRandom);
      if (answerAt <= desk.model.horizon)
        desk.schedule(answerAt, Kind.SurveyAnswer, new SurveyReply(ticket, { ...value }));
    }
  }

  answerSurvey(reply: SurveyReply, now: number): void {
    this.desk.emit(now, 'survey_answered', reply.ticket, undefined, undefined, undefined, reply.answers);
  }

  /** The experience of a ticket now (one reused object: read it before the next call). */
  private experienceOf(ticket: Ticket, fixed: boolean, now: number): Experience {
    const experience = this.experience;
    experience.contacts = ticket.contacts;
    experience.fixed = fixed;
    experience.abandoned = false;
    experience.handoffs = ticket.handoffs;
    experience.exchanges = ticket.exchanges;
    experience.genericReplies = ticket.genericReplies;
    experience.firstResponseWait = (Number.isNaN(ticket.firstReplyAt) ? now : ticket.firstReplyAt) - ticket.createdAt;
    experience.resolutionWait = now - ticket.contactAt;
    experience.searchedFirst = ticket.searchedFirst;
    experience.repeats = ticket.repeats;
    return experience;
  }
}
