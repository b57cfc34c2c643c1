/**
 * The ledger folds an event stream into one record per ticket and per agent: everything
 * the KPI definitions need, and nothing from the model. It is an `EventSink`, so the
 * simulator can stream into it without the log ever being kept in memory.
 */
import type { EventSink, EventType, LogWindow, TicketEvent } from '../eventlog/types.js';

/** One stay of a ticket in a tier's queue. */
export interface QueueVisit {
  tier: string;
  queuedAt: number;
  /** When an agent took it; undefined if it left by abandoning or is still waiting. */
  assignedAt?: number;
  abandonedAt?: number;
}

/** What the log says about one ticket. Times are minutes since the log origin. */
export interface TicketRecord {
  ticket: number | string;
  createdAt: number;
  channel?: string;
  category?: string;
  priority?: string;
  customer?: string;
  firstReplyAt?: number;
  firstReplyKind?: string;
  replies: number;
  lastResolvedAt?: number;
  resolvedCount: number;
  abandonedAt?: number;
  closedAt?: number;
  escalations: number;
  /** Sum of closed work intervals; open ones are added at `finish`. */
  handleTime: number;
  workStartedAt?: number;
  workIntervals: number;
  visits: QueueVisit[];
  lastAgent?: string;
}

/** Paid and busy time of one agent inside the measured window. */
export interface AgentRecord {
  agent: string;
  tier?: string;
  onShiftTime: number;
  busyTime: number;
  onShiftSince?: number;
  busySince?: number;
}

/** Clipped length of [start, end) inside [from, to). */
function overlap(start: number, end: number, from: number, to: number): number {
  return Math.max(0, Math.min(end, to) - Math.max(start, from));
}

/** Folds events into ticket and agent records. Call `finish()` once the log ends. */
export class Ledger implements EventSink {
  readonly tickets = new Map<number | string, TicketRecord>();
  readonly agents = new Map<string, AgentRecord>();
  /** Event types seen at least once (a KPI needing an unseen type is not computable). */
  readonly seenTypes = new Set<EventType>();
  /** Events naming a ticket that has no `created` event before them. */
  orphanEvents = 0;
  private finished = false;

  constructor(readonly window: LogWindow) {}

  emit(event: TicketEvent): void {
    this.seenTypes.add(event.type);
    if (event.ticket === undefined) {
      this.agentEvent(event);
      return;
    }
    if (event.type === 'created') {
      this.tickets.set(event.ticket, {
        ticket: event.ticket,
        createdAt: event.time,
        channel: event.channel,
        category: event.category,
        priority: event.priority,
        customer: event.customer,
        replies: 0,
        resolvedCount: 0,
        escalations: 0,
        handleTime: 0,
        workIntervals: 0,
        visits: [],
      });
      return;
    }
    const record = this.tickets.get(event.ticket);
    if (record === undefined) {
      this.orphanEvents++;
      return;
    }
    this.ticketEvent(record, event);
    if (event.agent !== undefined) this.agentEvent(event);
  }

  private ticketEvent(record: TicketRecord, event: TicketEvent): void {
    const time = event.time;
    switch (event.type) {
      case 'queued':
        record.visits.push({ tier: event.tier ?? '', queuedAt: time });
        break;
      case 'assigned': {
        const visit = record.visits[record.visits.length - 1];
        if (visit !== undefined && visit.assignedAt === undefined && visit.abandonedAt === undefined) {
          visit.assignedAt = time;
        }
        record.lastAgent = event.agent;
        break;
      }
      case 'work_started':
        record.workStartedAt = time;
        break;
      case 'work_ended':
        if (record.workStartedAt !== undefined) {
          record.handleTime += time - record.workStartedAt;
          record.workIntervals++;
          record.workStartedAt = undefined;
        }
        break;
      case 'replied':
        record.replies++;
        if (record.firstReplyAt === undefined && event.kind !== 'auto') {
          record.firstReplyAt = time;
          record.firstReplyKind = event.kind ?? 'substantive';
        }
        break;
      case 'escalated':
        record.escalations++;
        break;
      case 'resolved':
        record.resolvedCount++;
        record.lastResolvedAt = time;
        break;
      case 'abandoned': {
        record.abandonedAt = time;
        const visit = record.visits[record.visits.length - 1];
        if (visit !== undefined && visit.assignedAt === undefined) visit.abandonedAt = time;
        break;
      }
      case 'closed':
        record.closedAt = time;
        break;
      default:
        break;
    }
  }

  private agentRecord(agent: string, tier: string | undefined): AgentRecord {
    let record = this.agents.get(agent);
    if (record === undefined) {
      record = { agent, tier, onShiftTime: 0, busyTime: 0 };
      this.agents.set(agent, record);
    }
    if (record.tier === undefined) record.tier = tier;
    return record;
  }

  private agentEvent(event: TicketEvent): void {
    if (event.agent === undefined) return;
    const { measureFrom, measureTo } = this.window;
    switch (event.type) {
      case 'shift_started':
        this.agentRecord(event.agent, event.tier).onShiftSince = event.time;
        break;
      case 'shift_ended': {
        const record = this.agentRecord(event.agent, event.tier);
        if (record.onShiftSince !== undefined) {
          record.onShiftTime += overlap(record.onShiftSince, event.time, measureFrom, measureTo);
          record.onShiftSince = undefined;
        }
        break;
      }
      case 'work_started':
        this.agentRecord(event.agent, event.tier).busySince = event.time;
        break;
      case 'work_ended': {
        const record = this.agentRecord(event.agent, event.tier);
        if (record.busySince !== undefined) {
          record.busyTime += overlap(record.busySince, event.time, measureFrom, measureTo);
          record.busySince = undefined;
        }
        break;
      }
      default:
        break;
    }
  }

  /** Closes intervals still open at the end of observation. Idempotent. */
  finish(): this {
    if (this.finished) return this;
    this.finished = true;
    const { measureFrom, measureTo } = this.window;
    for (const agent of this.agents.values()) {
      if (agent.onShiftSince !== undefined) agent.onShiftTime += overlap(agent.onShiftSince, measureTo, measureFrom, measureTo);
      if (agent.busySince !== undefined) agent.busyTime += overlap(agent.busySince, measureTo, measureFrom, measureTo);
    }
    for (const record of this.tickets.values()) {
      if (record.workStartedAt !== undefined) {
        record.handleTime += Math.max(0, measureTo - record.workStartedAt);
        record.workIntervals++;
      }
    }
    return this;
  }

  /** Tickets created inside the measured window (after warm-up), in creation order. */
  measuredTickets(): TicketRecord[] {
    const { measureFrom, measureTo } = this.window;
    const measured: TicketRecord[] = [];
    for (const record of this.tickets.values()) {
      if (record.createdAt >= measureFrom && record.createdAt < measureTo) measured.push(record);
    }
    return measured;
  }
}
