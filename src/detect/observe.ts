/**
 * What a dashboard can see of each agent, folded from an event log's observed events: one
 * pass, streaming (an `EventSink`), several logs in turn (`startLog`: the replications of a
 * scenario are months of the same team). Truth events are never read here, except
 * `truth_gamed`, which is kept apart (`truth`) for scoring the detector and used for nothing
 * else.
 *
 * Every observation is counted in a cell — the agent's tier × the ticket's channel ×
 * category, the mix a manager would compare on (complexity is not in a log) — so that
 * `compare.ts` can set each agent against peers on the same mix.
 *
 * ```
 * work_started … work_ended ─┬─ resolved ──▶ resolve_time, returned, csat, closed_at_once, surveyed, split
 *  (one session)             ├─ escalated ─▶ escalated, escalate_time
 *                            ├─ replied generic ─▶ acknowledged
 *                            ├─ replied info_request ─▶ info_request
 *                            └─ queued, same tier ─▶ requeued
 * assigned ─▶ jumped (someone in the same tier and priority queued earlier still waits;
 *             taken back when the session turns out to be a generic reply, which jumps by design)
 * ```
 */
import type { EventSink, TicketEvent } from '../eventlog/types.js';
import { FEATURES, type Feature } from './features.js';

/** Sums of one feature in one (agent, tier, cell): count, sum, sum of squares. */
export interface Sums {
  n: number;
  sum: number;
  squares: number;
}

/** After a resolution, how long a new ticket of the same customer and category counts as the customer coming back. */
export const RETURN_WINDOW_MINUTES = 7 * 24 * 60;
/** A new ticket this close after a resolution, same customer and category, is a split-off. */
const SPLIT_WINDOW_MINUTES = 1;

/** Features whose opportunity is counted first and whose success may be added to it later. */
const LATER_SUCCESS: ReadonlySet<Feature> = new Set([
  'escalated',
  'acknowledged',
  'info_request',
  'requeued',
  'asked_on_escalation',
]);

type SessionOutcome = 'none' | 'resolved' | 'escalated' | 'acknowledged' | 'info_request' | 'requeued';

interface Session {
  agent: string;
  tier: string;
  cell: string;
  start: number;
  end: number;
  outcome: SessionOutcome;
}

interface Resolution {
  agent: string;
  tier: string;
  cell: string;
  time: number;
  returned: boolean;
  closedAtOnce: boolean;
  closed: boolean;
  surveyed: boolean;
  split: boolean;
  csat: number | undefined;
}

interface TicketState {
  cell: string;
  customer: string | undefined;
  category: string;
  priority: string;
  queuedTier: string | undefined;
  queuedAt: number;
  startedBy: string | undefined;
  startedAt: number;
  session: Session | undefined;
  resolution: Resolution | undefined;
  /** When the ticket last resumed (the customer answered). */
  resumedAt: number;
  /** The `jumped` observation of the current assignment (undone if the session is an acknowledgement). */
  jump: { agent: string; tier: string; cell: string; value: number } | undefined;
}

/** One queue line (tier × priority): tickets in order of entry, the assigned ones skipped lazily. */
interface Line {
  entries: Array<{ ticket: string | number; sequence: number }>;
  head: number;
}

/** The fold. */
export class AgentObservations implements EventSink {
  /** Feature → `agent \u0000 tier \u0000 cell` → sums. */
  readonly sums = new Map<Feature, Map<string, Sums>>(FEATURES.map((feature) => [feature, new Map()]));
  /** Sessions each agent worked, by tier (the agent's tier is the one with most). */
  readonly sessionsByAgentTier = new Map<string, Map<string, number>>();
  /** `truth_gamed` counts: behaviour → agent → tickets gamed (simulated logs only). */
  readonly truth = new Map<string, Map<string, number>>();
  /** Logs folded. */
  logs = 0;
  private tickets = new Map<string | number, TicketState>();
  private lastResolutionOf = new Map<string, Resolution>();
  private pendingResolutions: Resolution[] = [];
  private lines = new Map<string, Line>();
  private waitingSequence = new Map<string | number, number>();
  private sequence = 0;

  /** Starts the next log: ticket ids of different logs never meet. */
  startLog(): void {
    this.finishLog();
    this.logs++;
  }

  /** Counts what the log's last resolutions showed. Idempotent; `startLog` and `finish` call it. */
  finishLog(): void {
    for (const resolution of this.pendingResolutions) this.countResolution(resolution);
    this.pendingResolutions = [];
    this.tickets = new Map();
    this.lastResolutionOf = new Map();
    this.lines = new Map();
    this.waitingSequence = new Map();
  }

  emit(event: TicketEvent): void {
    const { type, ticket: id } = event;
    if (type === 'truth_gamed') {
      if (event.agent !== undefined && event.kind !== undefined) {
        let byAgent = this.truth.get(event.kind);
        if (byAgent === undefined) this.truth.set(event.kind, (byAgent = new Map()));
        byAgent.set(event.agent, (byAgent.get(event.agent) ?? 0) + 1);
      }
      return;
    }
    if (id === undefined || type.startsWith('truth_')) return;
    if (type === 'created') {
      this.created(id, event);
      return;
    }
    const ticket = this.tickets.get(id);
    if (ticket === undefined) return;
    const time = event.time;
    const session = ticket.session;
    // An outcome belongs to the session that just ended: same agent, same instant.
    const closing = session !== undefined && session.outcome === 'none' && session.end === time;
    switch (type) {
      case 'queued':
        if (closing && session.tier === event.tier) this.setOutcome(session, 'requeued');
        ticket.queuedTier = event.tier;
        ticket.queuedAt = time;
        // Back in the queue after a generic reply, or when the customer answered: such a ticket
        // may take back the place it held, which the log does not say, so it is left out of the lines.
        if (!(session?.outcome === 'acknowledged' && session.end === time) && ticket.resumedAt !== time)
          this.enterLine(id, ticket);
        break;
      case 'resumed':
        ticket.resumedAt = time;
        break;
      case 'assigned':
        this.assigned(id, ticket, event.agent);
        break;
      case 'work_started':
        ticket.startedBy = event.agent;
        ticket.startedAt = time;
        break;
      case 'work_ended':
        if (event.agent !== undefined && ticket.startedBy === event.agent && !Number.isNaN(ticket.startedAt)) {
          ticket.session = {
            agent: event.agent,
            tier: event.tier ?? '',
            cell: ticket.cell,
            start: ticket.startedAt,
            end: time,
            outcome: 'none',
          };
          this.countSession(ticket.session);
        }
        ticket.startedBy = undefined;
        ticket.startedAt = Number.NaN;
        break;
      case 'resolved':
        if (closing && session.agent === event.agent) this.resolved(ticket, session, time);
        break;
      case 'escalated':
        if (closing && session.agent === event.agent) this.setOutcome(session, 'escalated');
        break;
      case 'replied':
        if (
          session?.outcome === 'escalated' &&
          session.end === time &&
          session.agent === event.agent &&
          event.kind === 'info_request'
        ) {
          this.add('asked_on_escalation', session, 1);
        }
        if (closing && session.agent === event.agent && (event.kind === 'generic' || event.kind === 'info_request')) {
          this.setOutcome(session, event.kind === 'generic' ? 'acknowledged' : 'info_request');
          if (event.kind === 'generic' && ticket.jump !== undefined && ticket.jump.agent === session.agent) {
            const sums = this.sums
              .get('jumped')!
              .get(`${ticket.jump.agent}\u0000${ticket.jump.tier}\u0000${ticket.jump.cell}`)!;
            sums.n--;
            sums.sum -= ticket.jump.value;
            sums.squares -= ticket.jump.value;
            ticket.jump = undefined;
          }
        }
        break;
      case 'abandoned':
        this.waitingSequence.delete(id);
        break;
      case 'reopened':
        if (ticket.resolution !== undefined) ticket.resolution.returned = true;
        break;
      case 'closed':
        this.waitingSequence.delete(id);
        if (ticket.resolution !== undefined) {
          ticket.resolution.closed = true;
          if (event.kind === 'agent' && ticket.resolution.time === time) ticket.resolution.closedAtOnce = true;
        }
        break;
      case 'survey_sent':
        if (ticket.resolution !== undefined) ticket.resolution.surveyed = true;
        break;
      case 'survey_answered': {
        const csat = (event.value as { csat?: unknown } | null | undefined)?.csat;
        if (ticket.resolution !== undefined && typeof csat === 'number' && Number.isFinite(csat))
          ticket.resolution.csat = csat;
        break;
      }
      default:
        break;
    }
  }

  private created(id: string | number, event: TicketEvent): void {
    const category = event.category ?? '';
    const customer = event.customer === undefined ? undefined : String(event.customer);
    this.tickets.set(id, {
      cell: `${event.channel ?? ''} · ${category}`,
      customer,
      category,
      priority: event.priority ?? '',
      queuedTier: undefined,
      queuedAt: Number.NaN,
      startedBy: undefined,
      startedAt: Number.NaN,
      session: undefined,
      resolution: undefined,
      resumedAt: Number.NaN,
      jump: undefined,
    });
    if (customer === undefined) return;
    // The same customer about the same category soon after a resolution: the customer came back (or the ticket was
    // split).
    const previous = this.lastResolutionOf.get(`${customer}\u0000${category}`);
    if (previous === undefined) return;
    const gap = event.time - previous.time;
    if (gap <= SPLIT_WINDOW_MINUTES) previous.split = true;
    else if (gap <= RETURN_WINDOW_MINUTES) previous.returned = true;
  }

  private resolved(ticket: TicketState, session: Session, time: number): void {
    this.setOutcome(session, 'resolved');
    const resolution: Resolution = {
      agent: session.agent,
      tier: session.tier,
      cell: session.cell,
      time,
      returned: false,
      closedAtOnce: false,
      closed: false,
      surveyed: false,
      split: false,
      csat: undefined,
    };
    ticket.resolution = resolution;
    this.pendingResolutions.push(resolution);
    this.add('resolve_time', session, Math.log(Math.max(session.end - session.start, 1 / 60)));
    if (ticket.customer !== undefined)
      this.lastResolutionOf.set(`${ticket.customer}\u0000${ticket.category}`, resolution);
  }

  private setOutcome(session: Session, outcome: SessionOutcome): void {
    session.outcome = outcome;
    if (outcome === 'escalated') {
      this.add('escalated', session, 1);
      this.add('asked_on_escalation', session, 0);
      this.add('escalate_time', session, Math.log(Math.max(session.end - session.start, 1 / 60)));
    }
    if (outcome === 'acknowledged') this.add('acknowledged', session, 1);
    if (outcome === 'info_request') this.add('info_request', session, 1);
    if (outcome === 'requeued') this.add('requeued', session, 1);
  }

  /** Every session is an opportunity for each session outcome: counted once, its successes added when known. */
  private countSession(session: Session): void {
    for (const feature of ['escalated', 'acknowledged', 'info_request', 'requeued'] as const)
      this.add(feature, session, 0);
    let tiers = this.sessionsByAgentTier.get(session.agent);
    if (tiers === undefined) this.sessionsByAgentTier.set(session.agent, (tiers = new Map()));
    tiers.set(session.tier, (tiers.get(session.tier) ?? 0) + 1);
  }

  private countResolution(resolution: Resolution): void {
    this.add('returned', resolution, resolution.returned ? 1 : 0);
    this.add('closed_at_once', resolution, resolution.closedAtOnce ? 1 : 0);
    this.add('split', resolution, resolution.split ? 1 : 0);
    if (resolution.closed) this.add('surveyed', resolution, resolution.surveyed ? 1 : 0);
    if (resolution.csat !== undefined) this.add('csat', resolution, resolution.csat);
  }

  /**
   * Adds one observation. Binary features count an opportunity on `value` 0 and a success on
   * 1 added later to the same opportunity (sessions), or both at once (resolutions).
   */
  private add(feature: Feature, where: { agent: string; tier: string; cell: string }, value: number): void {
    const key = `${where.agent}\u0000${where.tier}\u0000${where.cell}`;
    const byKey = this.sums.get(feature)!;
    let sums = byKey.get(key);
    if (sums === undefined) byKey.set(key, (sums = { n: 0, sum: 0, squares: 0 }));
    const binarySuccessLater = value === 1 && LATER_SUCCESS.has(feature);
    if (!binarySuccessLater) sums.n++;
    sums.sum += value;
    sums.squares += value * value;
  }

  private enterLine(id: string | number, ticket: TicketState): void {
    const key = `${ticket.queuedTier ?? ''}\u0000${ticket.priority}`;
    let line = this.lines.get(key);
    if (line === undefined) this.lines.set(key, (line = { entries: [], head: 0 }));
    const sequence = this.sequence++;
    line.entries.push({ ticket: id, sequence });
    this.waitingSequence.set(id, sequence);
  }

  /** An assignment jumps the line when an earlier ticket of the same tier and priority still waits. */
  private assigned(id: string | number, ticket: TicketState, agent: string | undefined): void {
    const sequence = this.waitingSequence.get(id);
    if (sequence === undefined || agent === undefined) return;
    this.waitingSequence.delete(id);
    const line = this.lines.get(`${ticket.queuedTier ?? ''}\u0000${ticket.priority}`);
    if (line === undefined) return;
    while (
      line.head < line.entries.length &&
      this.waitingSequence.get(line.entries[line.head]!.ticket) !== line.entries[line.head]!.sequence
    )
      line.head++;
    if (line.head > 1024 && line.head * 2 > line.entries.length) {
      line.entries = line.entries.slice(line.head);
      line.head = 0;
    }
    const first = line.entries[line.head];
    const jumped = first !== undefined && first.sequence < sequence ? 1 : 0;
    ticket.jump = { agent, tier: ticket.queuedTier ?? '', cell: ticket.cell, value: jumped };
    this.add('jumped', ticket.jump, jumped);
  }
}
