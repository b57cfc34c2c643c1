/**
 * Sources of the defaults about people and what they do: customers, agents, costs, management
 * policies, engineering and knowledge (docs/defaults.md). The desk's are in
 * `default-sources-desk.ts`, the plug-ins' (gaming behaviours, plug-in mechanisms) in
 * `default-sources-plugins.ts`.
 */
import { assumption, cited, type DefaultSource, neutral, unchecked } from './default-references.js';

/** A default's source, by the field's path in the JSON Schema. */
export const PEOPLE_SOURCES: Record<string, DefaultSource> = {
  'customers.satisfaction.base': assumption('nine in ten customers are satisfied by a smooth, first-time fix'),
  'customers.satisfaction.per_extra_contact': unchecked(
    "the seeds' −15 % satisfaction per extra contact, attributed to SQM Group; the model reproduces it exactly",
  ),
  'customers.satisfaction.not_fixed': assumption('a customer whose problem is not fixed is rarely satisfied (27 %)'),
  'customers.satisfaction.abandoned': assumption(
    'one who gave up waiting was neither served nor heard: at most 5.4 % still rate 4–5',
  ),
  'customers.satisfaction.per_handoff': assumption('being transferred is among the experiences customers like least'),
  'customers.satisfaction.per_exchange': assumption('each information request is effort for the customer'),
  'customers.satisfaction.per_generic_reply': assumption('a templated answer reads as not being listened to'),
  'customers.satisfaction.wait_sensitivity': assumption('twice as long as expected lowers the probability to × 0.81'),
  'customers.satisfaction.expected_first_response': assumption(
    'a working half-day for email; live channels set minutes',
  ),
  'customers.satisfaction.expected_resolution': assumption('a day; the baseline sets urgent 4h … low 3d'),
  'customers.survey.share': assumption('every resolved ticket gets a survey, as help-desk tools do by default'),
  'customers.survey.response_rate': unchecked('CSAT response rates of 10–30 % are often reported; 0.2 is mid-range'),
  'customers.survey.response_bias': unchecked(
    'the very happy and very unhappy answer more often; twice as often is a guess at the size',
  ),
  'customers.survey.delay': assumption('most answers within hours, a long tail over days'),
  'customers.info_request': neutral('agents never need to ask the customer, as in the textbook queue'),
  'customers.reply_delay': assumption('customers answer within a working day, some after days'),
  'customers.silence': assumption('one customer in twenty never answers a question'),
  'customers.silent_close_after': assumption('a working week of reminders before the desk closes the ticket'),
  'customers.info_follow_up': assumption('with the answer in hand, half the work of a fresh session remains'),
  'customers.population': neutral('every ticket from a new customer; repeat customers only with a population'),
  'customers.return_when_not_fixed': assumption('most customers whose problem persists come back; some give up'),
  'customers.return_delay': assumption('the customer finds out within a day or two that it is not fixed'),
  'customers.chase.after': neutral('customers never chase unless a scenario says when they would'),
  'customers.chase.max': assumption('a customer chases a few times, then waits or gives up'),
  'agents.proficiency_sd': neutral('every agent works at the tier speed, as in the textbook queue'),
  'agents.new_hire.ramp_weeks': assumption(
    'two months to full speed: short of the 3–6 months WFM Labs gives for routine work (see WFM Labs wiki)',
  ),
  'agents.new_hire.speed': cited(
    'WFM Labs wiki',
    'new-hire handle time is often 1.3–1.8 × tenured; speed 0.6 (× 1.67) is inside',
  ),
  'agents.new_hire.accuracy': assumption('a new hire fixes somewhat less; the ramp closes the gap'),
  'agents.new_hire.training_weeks': neutral(
    'a replacement takes tickets on day one unless a scenario gives paid training (claim 7 sets 5 weeks)',
  ),
  'agents.fatigue.threshold': cited(
    'Call Centre Helper',
    "burnout above 85 % occupancy; the default sits a little below, at the seeds' 70–80 %",
  ),
  'agents.fatigue.window': assumption('a working week of 40 hours: fatigue builds over days, not within one ticket'),
  'agents.fatigue.slowdown': neutral('fatigue slows no one unless a scenario says how much (baseline 0.15)'),
  'agents.fatigue.accuracy_loss': neutral('fatigue costs no accuracy unless a scenario says (baseline 0.1)'),
  'agents.attrition.per_year': neutral(
    'no one leaves unless a scenario says; contact-centre turnover of 30–45 % a year is commonly reported',
  ),
  'agents.attrition.fatigued_multiplier': assumption('a burnt-out agent is three times as likely to leave'),
  'agents.attrition.hiring_delay': assumption('about six weeks to recruit and start a replacement'),
  'agents.absence.share': neutral('agents are always present unless a scenario gives a shrinkage'),
  'agents.absence.episode': assumption('a typical absence lasts a day'),
  'costs.hiring': neutral('no replacement cost unless a scenario gives one'),
  'costs.per_ticket': neutral('no per-ticket overhead unless a scenario gives one'),
  'costs.fixed_monthly': neutral('no fixed cost unless a scenario gives one'),
  'costs.overtime_premium': cited('FLSA 1938', 'overtime paid at time and a half'),
  'policies.overtime.max_per_week': neutral('no overtime unless a scenario allows it'),
  'policies.overtime.backlog_per_agent': assumption('three waiting tickets an agent is an evening of work left'),
  'policies.overtime.stint': assumption('an hour at a time, then the agent decides again'),
  'policies.staffing_follows_pressure': neutral('management moves no seats unless a scenario says so'),
  'engineering.delay': assumption('a bug fix takes days: mean three, often more'),
  'engineering.follow_up': assumption('after the fix, half a session to check it and tell the customer'),
  'engineering.status_reply': assumption('a desk tells the customer the defect is with engineering'),
  'knowledge.coverage': neutral('no knowledge base unless a scenario gives one (textbook queues stay exact)'),
  'knowledge.consult': assumption('an agent looks up every ticket whose category has articles'),
  'knowledge.lookup_time': assumption('a search and a skim take a couple of minutes'),
  'knowledge.handle_time_factor': assumption('a known answer saves almost a third of the work'),
  'knowledge.solve_boost': assumption('an article closes half the gap to certain success'),
  'knowledge.fix_boost': assumption('an article closes half the gap to a certain fix'),
  'knowledge.article_probability': assumption('about one escalation in three is written up'),
  'knowledge.article_gain': assumption('an article answers about 2 % of an empty category’s problems'),
  'knowledge.documentable': assumption('most but not all problems can be written down; the rest are new or one-off'),
  'knowledge.decay_per_week': assumption('product changes outdate about 1 % of the articles a week'),
  'knowledge.self_service': neutral('customers do not search first unless a scenario says so'),
};
