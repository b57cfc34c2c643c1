/**
 * Satisfaction: a customer's latent satisfaction with one ticket, computed from the
 * experience, and the survey answers (CSAT 1–5, CES 1–7, NPS 0–10) it leads to.
 *
 * The latent value is the probability `p` that the customer is satisfied (would answer
 * CSAT 4 or 5). It is multiplicative, so each factor is a relative drop that holds
 * whatever the others are:
 *
 *   p = base × (1 − per_extra_contact)^(contacts − 1) × (1 − not_fixed)^[not fixed] × (1 − abandoned)^[gave up]
 *         × (1 − per_handoff)^handoffs × (1 − per_exchange)^exchanges × (1 − per_generic_reply)^generic
 *         × (1 − handoffs.per_repeat)^repeats
 *         × min(1, expected first response / actual)^s × min(1, expected resolution / actual)^s
 *
 * With the defaults each extra contact lowers the share of satisfied customers by exactly
 * 15 % (SQM Group's finding). A customer's answers come from one uniform `u`: satisfied
 * when u < p, and the position of u inside its branch sets how strongly (the rating `d`).
 * Pure functions: the simulation passes the draws in.
 */

/** The satisfaction parameters of a desk (scenario `customers.satisfaction`, resolved). */
export interface SatisfactionModel {
  base: number;
  /** Multipliers (1 − relative drop). */
  contactFactor: number;
  notFixedFactor: number;
  /** Multiplier when the customer gave up waiting (abandoned), on top of not fixed. */
  abandonedFactor: number;
  handoffFactor: number;
  exchangeFactor: number;
  genericFactor: number;
  waitSensitivity: number;
  /** Multiplier (1 − per_repeat) each time the customer repeats themselves after a handoff; absent: 1. */
  repeatFactor?: number;
  /** Effort points each time the customer repeats themselves; absent: 0. */
  repeatEffort?: number;
  /** Expected first response by channel index, and resolution by priority index (minutes). */
  expectedFirstResponse: Float64Array;
  expectedResolution: Float64Array;
}

/** What a customer went through on one ticket. */
export interface Experience {
  /** Contacts about this issue so far: tickets opened for it plus reopens (1 = first time right). */
  contacts: number;
  fixed: boolean;
  /** The customer gave up waiting for an agent (abandoned): nobody served them. */
  abandoned: boolean;
  handoffs: number;
  exchanges: number;
  genericReplies: number;
  /** Minutes to the first reply (or until giving up without one). */
  firstResponseWait: number;
  /** Minutes from the latest contact to the resolution (or to giving up). */
  resolutionWait: number;
  /** The customer searched the knowledge base first, in vain. */
  searchedFirst: boolean;
  /** Times the customer repeated themselves after a handoff lost the context; absent: 0. */
  repeats?: number;
}

/** Multiplier for a wait against its expectation: 1 on time, (expected / actual)^s late. */
function waitFactor(actual: number, expected: number, sensitivity: number): number {
  return actual <= expected || sensitivity === 0 ? 1 : Math.pow(expected / actual, sensitivity);
}

/** The latent satisfaction: probability that the customer is satisfied (CSAT 4–5). */
export function satisfiedProbability(
  model: SatisfactionModel,
  experience: Experience,
  channel: number,
  priority: number,
): number {
  let probability = model.base;
  if (experience.contacts > 1) probability *= Math.pow(model.contactFactor, experience.contacts - 1);
  if (!experience.fixed) probability *= model.notFixedFactor;
  if (experience.abandoned) probability *= model.abandonedFactor;
  if (experience.handoffs > 0) probability *= Math.pow(model.handoffFactor, experience.handoffs);
  if (experience.exchanges > 0) probability *= Math.pow(model.exchangeFactor, experience.exchanges);
  if (experience.genericReplies > 0) probability *= Math.pow(model.genericFactor, experience.genericReplies);
  const repeats = experience.repeats ?? 0;
  if (repeats > 0) probability *= Math.pow(model.repeatFactor ?? 1, repeats);
  probability *= waitFactor(experience.firstResponseWait, model.expectedFirstResponse[channel]!, model.waitSensitivity);
  probability *= waitFactor(experience.resolutionWait, model.expectedResolution[priority]!, model.waitSensitivity);
  return probability;
}

/**
 * Effort the customer spent beyond the minimum, in CES points: a point per extra contact,
 * half a point per exchange, handoff and failed self-service search, and `repeatEffort`
 * each time they repeated themselves after a handoff.
 */
export function effortPoints(experience: Experience, repeatEffort = 0): number {
  const repeats = experience.repeats ?? 0;
  const base =
    experience.contacts - 1 + 0.5 * (experience.exchanges + experience.handoffs + (experience.searchedFirst ? 1 : 0));
  return repeats > 0 ? base + repeats * repeatEffort : base;
}

/** A customer's answers to a survey, and the rating behind them. */
export interface SurveyAnswers {
  /** Rating in (0, 1]: above 0.6 exactly when satisfied. */
  rating: number;
  csat: number;
  ces: number;
  nps: number;
}

/**
 * The answers a customer with satisfaction probability `probability` and `effort` gives.
 * `u` decides satisfied (u < p) and how strongly; `dither` spreads CES over neighbouring
 * points. Both uniform in [0, 1). Written into `into` (the simulation reuses one object).
 */
export function surveyAnswers(
  probability: number,
  effort: number,
  u: number,
  dither: number,
  into: SurveyAnswers = { rating: 0, csat: 0, ces: 0, nps: 0 },
): SurveyAnswers {
  // Satisfied: u/p is uniform on [0, 1) given u < p, so the rating is uniform on (0.6, 1].
  // Dissatisfied: (u − p)/(1 − p) is uniform, so the rating is uniform on (0, 0.6].
  const rating =
    u < probability
      ? 1 - 0.4 * (u / probability)
      : 0.6 * (1 - (u - probability) / (1 - probability)) || Number.MIN_VALUE;
  const csat = rating > 0.8 ? 5 : rating > 0.6 ? 4 : rating > 0.4 ? 3 : rating > 0.2 ? 2 : 1;
  const nps = Math.min(10, Math.floor(11 * rating));
  const ces = Math.max(1, Math.min(7, 1 + Math.floor(effort + 3 * (1 - rating) + dither)));
  into.rating = rating;
  into.csat = csat;
  into.ces = ces;
  into.nps = nps;
  return into;
}

/**
 * Probability of answering a survey: customers at the extremes answer (1 + bias) times as
 * often as neutral ones, scaled so the average over all ratings is `rate`.
 */
export function responseProbability(rate: number, bias: number, rating: number): number {
  return Math.min(1, (rate * (1 + bias * Math.abs(2 * rating - 1))) / (1 + bias / 2));
}
