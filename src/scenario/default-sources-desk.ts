/**
 * Sources of the desk's defaults: run settings, clock, arrivals, tickets, tiers, routing, SLA,
 * metrics, automation and handoffs (docs/defaults.md). People's defaults are in
 * `default-sources-people.ts`.
 */
import { assumption, cited, type DefaultSource, neutral } from './default-references.js';

/** A default's source, by the field's path in the JSON Schema. */
export const DESK_SOURCES: Record<string, DefaultSource> = {
  seed: assumption('any seed is as good as another; a fixed one makes every run reproducible'),
  replications: assumption('enough for a first 95 % interval in seconds of work; experiments set their own'),
  'horizon.days': assumption('four whole weeks: every weekday and weekend shift is seen four times'),
  'horizon.warmup_days': neutral('every ticket counts; a scenario that measures a steady state sets its warm-up'),
  'clock.start': assumption('a Monday at midnight, so weeks and shifts line up with the calendar'),
  'clock.timezone': neutral('UTC has no daylight-saving jumps'),
  'clock.business_hours': assumption('the common office week, Monday to Friday 09:00–17:00'),
  'arrivals.rate_per_hour': assumption('a small desk; with the default tier (5 agents, 20 min) the load is 0.67'),
  'arrivals.pattern': cited(
    'Brown et al. 2005',
    'Poisson arrivals; constant rate is the textbook M/M/c case (their rates vary by hour: use profile)',
  ),
  'arrivals.surges': neutral('no incidents unless a scenario declares one'),
  channels: neutral('one email channel without patience, so every ticket waits (the Erlang C queue)'),
  'channels.<id>.patience': neutral('customers wait as long as it takes (no abandonment) unless a channel says'),
  'channels.<id>.response': assumption('email, the default channel kind, answers with the resolution'),
  'channels.<id>.outside_hours': assumption('a closed live channel offers a callback, the least lossy choice'),
  'channels.<id>.rank': neutral('all channels in one queue, first come first served'),
  categories: neutral('one category; a mix only where a scenario describes one'),
  'categories.<id>.needs_engineering': neutral('no ticket waits on a bug fix unless a category says so'),
  complexity: cited(
    'Brown et al. 2005',
    'lognormal handle times as measured there; the mean 20 min and sd 15 min are an assumption',
  ),
  priorities: neutral('one priority, so the priority discipline changes nothing'),
  tiers: assumption('a single tier of five agents always on duty: the smallest desk that is a queue'),
  'tiers[].skill': neutral('the tier solves everything it takes, so no escalation unless asked for'),
  'tiers[].accuracy': neutral('every resolution really fixes the problem; keeps textbook scenarios exact'),
  'tiers[].speed': neutral('handle times as given'),
  'tiers[].cost_per_hour': neutral('no cost unless a scenario gives rates (cost KPIs are then null)'),
  'tiers[].escalates_to': neutral('the last tier of a chain resolves what it takes'),
  'tiers[].reply_on_escalation': assumption(
    'most desks tell the customer who takes over; Tier 1 writes the first response',
  ),
  'routing.discipline': neutral('first come first served, the queue of the Erlang formulas'),
  'sla.targets': neutral('SLA KPIs are null rather than measured against an invented target'),
  'sla.clock': neutral('every minute counts, the same clock as the queueing formulas'),
  'sla.pause_when_pending': assumption(
    'help-desk tools commonly stop the clock while the ticket waits on the customer',
  ),
  incentives: neutral('no management pressure, so no gaming'),
  'metrics.service_level_threshold': assumption('a round threshold for a desk with email; phone desks set seconds'),
  'metrics.reopen_window_days': cited(
    'GitLab Support (Zendesk)',
    'a solved ticket closes after 7 calendar days without a reply, as on their desk',
  ),
  'metrics.fcr_window_days': assumption('the same week as the reopen window, so both read one definition of "again"'),
  'metrics.auto_reply_counts_as_response': assumption(
    'an acknowledgement by no person is not a response; counting it is the gaming case',
  ),
  'metrics.count_pending_time': assumption('resolution time as the customer lives it, waits on them included'),
  'metrics.clock': neutral('calendar minutes, as the simulator counts them'),
  automation: neutral('no bot unless a scenario declares one'),
  'automation[].concurrency': assumption('software holds as many conversations as come; limit it to study a cap'),
  'automation[].response': assumption('a bot answers within seconds'),
  'automation[].accuracy': neutral('a contained conversation really fixed the problem, unless a scenario says'),
  'automation[].cost_per_conversation': neutral('no price unless a scenario gives one'),
  'handoffs.context_lost': neutral('satisfaction.per_handoff already prices every handoff in shipped scenarios'),
  'handoffs.repeat_time': neutral('repeating oneself costs the agent no time unless a scenario says'),
  'handoffs.per_repeat': assumption('repeating oneself is effort, priced like a handoff (0.1)'),
  'handoffs.repeat_effort': assumption('one CES point per repeat, like an extra contact'),
  'handoffs.hand_back': neutral('no ping-pong between tiers unless asked for'),
};
