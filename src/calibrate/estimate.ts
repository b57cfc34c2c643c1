/**
 * Estimates a desk's parameters from its log, each with its uncertainty: arrivals (rate,
 * hour-of-day and weekday profile, trend and surges flagged), the channel, category and
 * priority mix, work times fitted per category (and per priority and tier, reported), tiers
 * with their staffing by hour of the week and escalation probabilities, reopens, waits on
 * the customer and on engineering, abandonment — and what the log cannot tell, as an
 * assumption with the default used.
 */
import type { EventType, TicketEvent } from '../eventlog/types.js';
import { type Assumption, type Calibration, DAY, MINIMUM_SAMPLE, mix, type Share, wilson } from './calibration.js';
import { estimateArrivals } from './estimate-arrivals.js';
import { estimateTiers, shiftsByTier } from './estimate-tiers.js';
import { type DurationFit, fitDurations } from './fit.js';
import { type CalibrationTicket, foldTickets } from './tickets.js';
export { identifierOf, MINIMUM_SAMPLE, wilson } from './calibration.js';
export type { Assumption, Calibration, Share, TierEstimate } from './calibration.js';

/** What the log records, as `recordedTypes` (the importer's) or the types seen. */
export interface CalibrationInput {
  events: readonly TicketEvent[];
  originEpochMs: number;
  recordedTypes: ReadonlySet<EventType>;
}

export function estimate(input: CalibrationInput): Calibration {
  const { events, originEpochMs } = input;
  const recorded = (type: EventType) => input.recordedTypes.has(type);
  const { tickets, activity } = foldTickets(events);
  if (tickets.length < 2)
    throw new Error(`the log has ${tickets.length} ticket(s) with a creation: too few to calibrate a desk`);
  const start = Math.min(...events.slice(0, 1).map((event) => event.time), tickets[0]!.created);
  let end = start;
  for (const event of events) end = Math.max(end, event.time);
  const days = Math.max(1, Math.ceil((end - start) / DAY));
  const assumptions: Assumption[] = [];

  const arrivals = estimateArrivals(tickets, originEpochMs, start, end);
  const channels = mix(tickets.map((ticket) => ticket.channel));
  const categories = mix(tickets.map((ticket) => ticket.category));
  const priorities = mix(tickets.map((ticket) => ticket.priority));
  if (channels === null)
    assumptions.push({
      what: 'channels: the log records no channel',
      used: 'one channel, `unrecorded`, answered on completion, no abandonment',
    });
  if (categories === null)
    assumptions.push({
      what: 'categories: the log records no category',
      used: 'one category, `general`, with the pooled work-time fit',
    });
  if (priorities === null)
    assumptions.push({ what: 'priorities: the log records no priority', used: 'one priority, `normal`; FIFO queues' });

  const hasWork = tickets.some((ticket) => ticket.work.length > 0);
  const workKind = hasWork ? 'handle' : 'processing';
  const spansOf = (ticket: CalibrationTicket) => (hasWork ? ticket.work : ticket.processing);
  if (!hasWork) {
    assumptions.push({
      what: 'handle times: the log records no work start or end',
      used:
        'processing times instead — from an agent taking the ticket to its resolution, escalation or wait — which ' +
        'hold ' +
        'the time the ticket lay untouched between touches; staffing is then the mean number of tickets in ' +
        'processing ' +
        "per hour (Little's law), not the agents",
    });
  }
  const work = new Map<string, DurationFit>();
  const pooled: number[] = tickets.flatMap((ticket) => spansOf(ticket).map((span) => span.end - span.start));
  if (pooled.length < 2)
    throw new Error(
      'the log has fewer than two work or processing spans (taken → resolved): nothing to fit work times to',
    );
  const pooledFit = fitDurations(pooled);
  for (const share of categories ?? []) {
    const sample = tickets
      .filter((ticket) => ticket.category === share.label)
      .flatMap((ticket) => spansOf(ticket).map((span) => span.end - span.start));
    if (sample.length >= MINIMUM_SAMPLE) work.set(share.id, fitDurations(sample));
  }
  work.set('*', pooledFit);
  const workByPriority = new Map<string, DurationFit>();
  for (const share of priorities ?? []) {
    const sample = tickets
      .filter((ticket) => ticket.priority === share.label)
      .flatMap((ticket) => spansOf(ticket).map((span) => span.end - span.start));
    if (sample.length >= MINIMUM_SAMPLE) workByPriority.set(share.id, fitDurations(sample));
  }

  const tiers = estimateTiers(tickets, activity, originEpochMs, start, end, hasWork, spansOf, shiftsByTier(events));
  if (tiers.length === 0) throw new Error('the log has no queue entries (queued events): no tier to calibrate');
  const firstTiers = mix(tickets.map((ticket) => ticket.queues[0]));
  const entryTier = firstTiers?.[0]?.id ?? tiers[0]!.id;
  if (!recorded('escalated'))
    assumptions.push({ what: 'escalations: the log records none', used: 'every tier solves what it takes (skill 1)' });

  const resolvedTickets = tickets.filter((ticket) => ticket.resolutions.length > 0);
  const reopened = resolvedTickets.filter((ticket) => ticket.reopenDelays.length > 0).length;
  const reopenDelays = tickets.flatMap((ticket) => ticket.reopenDelays);
  const reopen =
    recorded('reopened') && resolvedTickets.length > 0
      ? {
          resolvedTickets: resolvedTickets.length,
          reopenedTickets: reopened,
          rate: reopened / resolvedTickets.length,
          ci: wilson(reopened, resolvedTickets.length),
          delays: [...reopenDelays].sort((x, y) => x - y),
          ...(reopenDelays.length >= 2 ? { delay: fitDurations(reopenDelays) } : {}),
        }
      : null;
  if (reopen === null)
    assumptions.push({
      what: 'reopens: the log cannot record them',
      used: 'the defaults: accuracy 1 (every resolution holds)',
    });
  assumptions.push({
    what: 'truth: a real log does not say whether a problem was really fixed',
    used:
      'accuracy from the reopen rate: a ticket not really fixed comes back (return_when_not_fixed 1) after the ' +
      'reopen delay fitted',
  });

  const sessions = tickets.reduce((sum, ticket) => sum + spansOf(ticket).length, 0);
  const customerWaits = tickets.flatMap((ticket) => ticket.customerWaits);
  const customerWait =
    recorded('pending') && sessions > 0
      ? {
          share: customerWaits.length / sessions,
          ci: wilson(customerWaits.length, sessions),
          sessions,
          ...(customerWaits.length >= 2 ? { delay: fitDurations(customerWaits) } : {}),
        }
      : null;
  const engineeringWaits = tickets.flatMap((ticket) => ticket.engineeringWaits);
  const withEngineering = tickets.filter((ticket) => ticket.engineeringWaits.length > 0).length;
  const engineering =
    engineeringWaits.length > 0
      ? {
          share: withEngineering / tickets.length,
          ci: wilson(withEngineering, tickets.length),
          ...(engineeringWaits.length >= 2 ? { delay: fitDurations(engineeringWaits) } : {}),
        }
      : null;

  let abandonment: Calibration['abandonment'] = null;
  if (recorded('abandoned')) {
    abandonment = new Map();
    for (const share of channels ?? [{ id: 'unrecorded', label: '' } as Share]) {
      const waits = tickets
        .filter((ticket) => channels === null || ticket.channel === share.label)
        .flatMap((ticket) => ticket.waits.slice(0, 1));
      const abandoned = waits.filter((wait) => wait.abandoned).length;
      const exposure = waits.reduce((sum, wait) => sum + (wait.end - wait.start), 0);
      abandonment.set(share.id, {
        rate: waits.length === 0 ? 0 : abandoned / waits.length,
        ci: wilson(abandoned, waits.length),
        patienceMean: abandoned > 0 ? exposure / abandoned : null,
      });
    }
  } else {
    assumptions.push({
      what: 'abandonment: the log cannot record it',
      used: 'customers never abandon (patience null)',
    });
  }
  if (!recorded('survey_answered'))
    assumptions.push({
      what: 'satisfaction: the log has no survey answers',
      used: "the satisfaction model's defaults (docs/model.md); CSAT KPIs are not calibrated",
    });
  const customerIds = new Set(tickets.flatMap((ticket) => (ticket.customer === undefined ? [] : [ticket.customer])));
  if (customerIds.size === 0)
    assumptions.push({
      what: 'customers: the log names none',
      used: 'every ticket from a new customer (population 0)',
    });

  return {
    originEpochMs,
    start,
    end,
    days,
    tickets: tickets.length,
    arrivals,
    channels,
    categories,
    priorities,
    workKind,
    work,
    workByPriority,
    entryTier,
    tiers,
    reopen,
    customerWait,
    engineering,
    abandonment,
    customers: customerIds.size === 0 ? null : customerIds.size,
    assumptions,
  };
}
