/**
 * A log's tickets, folded from its events for calibration: when each was created and with
 * what, the tiers it queued in, its agents' work (or, without work records, the spans from
 * being taken to the next resolution, escalation or wait), resolutions, reopens, waits on
 * the customer or on engineering, abandonment.
 */
import type { TicketEvent } from '../eventlog/types.js';

/** A span of time a ticket spent in one state, with the tier it was at. */
export interface Span {
  start: number;
  end: number;
  tier: string | undefined;
}

/** One ticket as the calibration sees it. */
export interface CalibrationTicket {
  created: number;
  channel?: string;
  category?: string;
  priority?: string;
  customer?: string | number;
  /** Tiers of its queue entries, in order. */
  queues: string[];
  /** Queue waits: entry to being taken (or abandoned), with the tier. */
  waits: Array<Span & { abandoned: boolean }>;
  /** Agent work: work_started → work_ended. */
  work: Span[];
  /** Without work records: taken (assigned) → the next resolution, escalation or wait. */
  processing: Span[];
  /** Escalations: from tier → to tier. */
  escalations: Array<{ from: string | undefined; to: string | undefined }>;
  /**
   * Waits on the customer (pending) and on engineering (pending, kind engineering), to the next resumption, take or
   * resolution.
   */
  customerWaits: number[];
  engineeringWaits: number[];
  resolutions: number[];
  /** Time from a resolution to the reopen that followed it. */
  reopenDelays: number[];
  abandoned: boolean;
}

/** Agent activity: which agents did something, when, at which tier. */
export interface Activity {
  agent: string;
  time: number;
  tier: string | undefined;
}

/** Folds a log's events into tickets (by ticket, in time order) and the agents' activity. */
export function foldTickets(events: readonly TicketEvent[]): { tickets: CalibrationTicket[]; activity: Activity[] } {
  const byTicket = new Map<number | string, TicketEvent[]>();
  const activity: Activity[] = [];
  for (const event of events) {
    if (event.ticket === undefined) continue;
    let list = byTicket.get(event.ticket);
    if (list === undefined) byTicket.set(event.ticket, (list = []));
    list.push(event);
  }
  const tickets: CalibrationTicket[] = [];
  for (const list of byTicket.values()) {
    list.sort((a, b) => a.time - b.time);
    const created = list.find((event) => event.type === 'created');
    if (created === undefined) continue;
    tickets.push(foldOne(list, created, activity));
  }
  tickets.sort((a, b) => a.created - b.created);
  activity.sort((a, b) => a.time - b.time);
  return { tickets, activity };
}

function foldOne(events: readonly TicketEvent[], created: TicketEvent, activity: Activity[]): CalibrationTicket {
  const ticket: CalibrationTicket = {
    created: created.time,
    channel: created.channel,
    category: created.category,
    priority: created.priority,
    customer: created.customer,
    queues: [],
    waits: [],
    work: [],
    processing: [],
    escalations: [],
    customerWaits: [],
    engineeringWaits: [],
    resolutions: [],
    reopenDelays: [],
    abandoned: false,
  };
  let tier: string | undefined;
  let queuedAt: number | undefined;
  let takenAt: number | undefined;
  const workStarted = new Map<string, number>();
  let pending: { at: number; engineering: boolean } | undefined;
  let lastResolved: number | undefined;
  const endPending = (time: number) => {
    if (pending === undefined) return;
    (pending.engineering ? ticket.engineeringWaits : ticket.customerWaits).push(time - pending.at);
    pending = undefined;
  };
  const endProcessing = (time: number) => {
    if (takenAt === undefined) return;
    ticket.processing.push({ start: takenAt, end: time, tier });
    takenAt = undefined;
  };
  for (const event of events) {
    if (event.agent !== undefined) activity.push({ agent: event.agent, time: event.time, tier: event.tier ?? tier });
    switch (event.type) {
      case 'queued':
        tier = event.tier ?? tier;
        if (tier !== undefined) ticket.queues.push(tier);
        queuedAt = event.time;
        break;
      case 'assigned':
        if (queuedAt !== undefined) ticket.waits.push({ start: queuedAt, end: event.time, tier, abandoned: false });
        queuedAt = undefined;
        endPending(event.time);
        endProcessing(event.time);
        takenAt = event.time;
        break;
      case 'work_started':
        workStarted.set(event.agent ?? '', event.time);
        break;
      case 'work_ended': {
        const start = workStarted.get(event.agent ?? '');
        if (start !== undefined) ticket.work.push({ start, end: event.time, tier: event.tier ?? tier });
        workStarted.delete(event.agent ?? '');
        break;
      }
      case 'pending':
        endProcessing(event.time);
        pending = { at: event.time, engineering: event.kind === 'engineering' };
        break;
      case 'resumed':
        endPending(event.time);
        break;
      case 'escalated':
        endProcessing(event.time);
        ticket.escalations.push({
          from: event.tier ?? tier,
          to: typeof event.value === 'string' ? event.value : undefined,
        });
        break;
      case 'resolved':
        endPending(event.time);
        endProcessing(event.time);
        ticket.resolutions.push(event.time);
        lastResolved = event.time;
        break;
      case 'reopened':
        if (lastResolved !== undefined) ticket.reopenDelays.push(event.time - lastResolved);
        lastResolved = undefined;
        break;
      case 'abandoned':
        if (queuedAt !== undefined) ticket.waits.push({ start: queuedAt, end: event.time, tier, abandoned: true });
        queuedAt = undefined;
        ticket.abandoned = true;
        break;
      default:
        break;
    }
  }
  return ticket;
}
