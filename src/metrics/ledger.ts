/**
 * The ledger folds an event stream into per-ticket and per-queue-visit columns: everything
 * the KPI definitions need, and nothing from the model. It is an `EventSink`, so the
 * simulator streams into it and the log itself is never kept.
 *
 * Storage is columnar — one growable typed array per field, strings coded through
 * dictionaries — rather than an object per ticket: a replication folds millions of events,
 * and a million live ticket objects cost more in garbage collection than the simulation
 * itself. Absent times are NaN; absent codes are -1.
 */
import type { EventSink, EventType, TicketEvent } from '../eventlog/types.js';
import { LedgerAgents } from './ledger-agents.js';
import {
  addByDay,
  type AnswerColumn,
  answersFor,
  type CodeColumn,
  type CountColumn,
  countShiftDays,
  NARROW_CODE_MAX,
  NARROW_COUNT_MAX,
  overlap,
  surveyValue,
  type SurveyValue,
  widenCodes,
  widenCounts,
} from './ledger-records.js';
export { AgentRecord, Dictionary } from './ledger-records.js';
export type { IssueTickets, SurveyValue, TicketSnapshot } from './ledger-records.js';

/**
 * A bit per event type the fold handles itself, to record a type as seen without a `Set`
 * lookup per event (which cost more than the rest of the fold of most events).
 */
enum Seen {
  Created = 1 << 0,
  Queued = 1 << 1,
  Assigned = 1 << 2,
  WorkStarted = 1 << 3,
  WorkEnded = 1 << 4,
  Replied = 1 << 5,
  Escalated = 1 << 6,
  Resolved = 1 << 7,
  Abandoned = 1 << 8,
  Closed = 1 << 9,
  Pending = 1 << 10,
  CustomerReplied = 1 << 11,
  Resumed = 1 << 12,
  KbConsulted = 1 << 13,
  Reopened = 1 << 14,
  TruthFixed = 1 << 15,
  SurveySent = 1 << 16,
  SurveyAnswered = 1 << 17,
  TruthSatisfaction = 1 << 18,
  TruthIssue = 1 << 19,
}

/** Folds events into ticket, visit and agent records. Call `finish()` once the log ends. */
export class Ledger extends LedgerAgents implements EventSink {
  emit(event: TicketEvent): void {
    this.emitFields(
      event.time,
      event.type,
      event.ticket,
      event.agent,
      event.tier,
      event.kind,
      event.value,
      event.channel,
      event.category,
      event.priority,
      event.customer,
    );
  }

  /** The same as `emit`, field by field: the simulator calls this and builds no event object. */
  emitFields(
    time: number,
    type: EventType,
    ticket: number | string | undefined,
    agent: string | undefined,
    tier: string | undefined,
    kind: string | undefined,
    value: unknown,
    channel: string | undefined,
    category: string | undefined,
    priority: string | undefined,
    customer: string | number | undefined,
  ): void {
    if (this.workStartedAt.length === 0) this.restoreFoldColumns();
    if (ticket === undefined) {
      this.seenTypes.add(type);
      const measured = time >= this.window.measureFrom && time < this.window.measureTo;
      if (type === 'self_service' || type === 'turned_away') {
        if (measured && type === 'turned_away') this.turnedAway++;
        else if (measured && kind === 'deflected') this.deflections++;
        return;
      }
      if (agent !== undefined) this.agentEvent(time, type, agent, tier, kind);
      return;
    }
    if (type === 'created') {
      if ((this.seenMask & Seen.Created) === 0) this.see(Seen.Created, type);
      this.create(time, ticket, channel, category, priority, customer);
      return;
    }
    let row = this.lastTicketIndex;
    if (ticket !== this.lastTicketId) {
      const found = this.lookup(ticket);
      if (found < 0) {
        this.seenTypes.add(type);
        this.orphanEvents++;
        return;
      }
      row = found;
      this.lastTicketId = ticket;
      this.lastTicketIndex = found;
    }
    this.ticketEvent(row, time, type, agent, tier, kind, value);
  }

  /** Records a type the fold handles as seen: callers test its bit first, so this runs once per type. */
  protected see(bit: Seen, type: EventType): void {
    this.seenMask |= bit;
    this.seenTypes.add(type);
  }

  protected create(
    time: number,
    id: number | string,
    channel: string | undefined,
    category: string | undefined,
    priority: string | undefined,
    customer: string | number | undefined,
  ): void {
    if (this.ticketCount === this.createdAt.length) this.growTickets();
    const ticket = this.ticketCount++;
    if (this.ids === undefined && id !== ticket + 1) {
      // The first id that is not its row + 1: from now on ids are stored and indexed.
      this.ids = Array.from({ length: ticket }, (_, row) => row + 1);
      for (let row = 0; row < ticket; row++) this.remember(row + 1, row);
    }
    if (this.ids !== undefined) {
      this.ids.push(id);
      this.remember(id, ticket);
    }
    this.lastTicketId = id;
    this.lastTicketIndex = ticket;
    this.createdAt[ticket] = time;
    this.channel = codeInto(this.channel, ticket, this.channels.code(channel));
    this.category = codeInto(this.category, ticket, this.categories.code(category));
    this.priority = codeInto(this.priority, ticket, this.priorities.code(priority));
    this.customer.push(customer);
  }

  protected ticketEvent(
    ticket: number,
    time: number,
    type: EventType,
    agent: string | undefined,
    tier: string | undefined,
    kind: string | undefined,
    value: unknown,
  ): void {
    let seen = 0;
    switch (type) {
      case 'queued': {
        seen = Seen.Queued;
        if (this.visitCount === this.visitTicket.length) this.growVisits();
        const visit = this.visitCount++;
        this.visitTicket[visit] = ticket;
        this.visitTier = codeInto(this.visitTier, visit, this.tiers.code(tier ?? ''));
        this.visitQueuedAt[visit] = time;
        const previous = this.lastVisit[ticket]!;
        if (previous < 0) this.firstVisit[ticket] = visit;
        else this.visitNext[previous] = visit;
        this.lastVisit[ticket] = visit;
        break;
      }
      case 'assigned': {
        seen = Seen.Assigned;
        const visit = this.lastVisit[ticket]!;
        if (visit >= 0 && Number.isNaN(this.visitAssignedAt[visit]!) && Number.isNaN(this.visitAbandonedAt[visit]!)) {
          this.visitAssignedAt[visit] = time;
        }
        this.lastAgent = codeInto(this.lastAgent, ticket, this.agentNames.code(agent));
        break;
      }
      case 'work_started':
        seen = Seen.WorkStarted;
        this.workStartedAt[ticket] = time;
        if (agent !== undefined) this.agentEvent(time, type, agent, tier);
        break;
      case 'work_ended': {
        seen = Seen.WorkEnded;
        const started = this.workStartedAt[ticket]!;
        if (!Number.isNaN(started)) {
          this.handleTime[ticket]! += time - started;
          this.workIntervals = countInto(this.workIntervals, ticket);
          this.workStartedAt[ticket] = Number.NaN;
        }
        if (agent !== undefined) this.agentEvent(time, type, agent, tier);
        break;
      }
      case 'replied':
        seen = Seen.Replied;
        if (kind === 'auto') {
          this.autoReplies = countInto(this.ownCounts(this.autoReplies), ticket);
          if (Number.isNaN(this.firstAutoReplyAt[ticket]!))
            (this.firstAutoReplyAt = this.ownTimes(this.firstAutoReplyAt))[ticket] = time;
          break;
        }
        this.replies = countInto(this.replies, ticket);
        if (Number.isNaN(this.firstReplyAt[ticket]!)) {
          this.firstReplyAt[ticket] = time;
          this.firstReplyKind = codeInto(this.firstReplyKind, ticket, this.replyKinds.code(kind ?? 'substantive'));
        }
        break;
      case 'escalated':
        seen = Seen.Escalated;
        this.escalations = countInto(this.ownCounts(this.escalations), ticket);
        break;
      case 'resolved':
        seen = Seen.Resolved;
        this.resolvedCount = countInto(this.resolvedCount, ticket);
        this.lastResolvedAt[ticket] = time;
        this.markDone(ticket, time);
        break;
      case 'abandoned': {
        seen = Seen.Abandoned;
        this.abandonedAt = this.ownTimes(this.abandonedAt);
        this.abandonedAt[ticket] = time;
        this.markDone(ticket, time);
        const visit = this.lastVisit[ticket]!;
        if (visit >= 0 && Number.isNaN(this.visitAssignedAt[visit]!)) this.ownVisitAbandons()[visit] = time;
        break;
      }
      case 'closed':
        seen = Seen.Closed;
        this.closedAt = this.ownTimes(this.closedAt);
        this.closedAt[ticket] = time;
        this.markDone(ticket, time);
        break;
      // Waiting on the customer pauses SLA clocks; waiting on engineering does not.
      case 'pending':
        seen = Seen.Pending;
        if (kind !== 'engineering' && Number.isNaN(this.pendingSince[ticket]!))
          (this.pendingSince = this.ownTimes(this.pendingSince))[ticket] = time;
        break;
      case 'customer_replied':
      case 'resumed': {
        seen = type === 'resumed' ? Seen.Resumed : Seen.CustomerReplied;
        const since = this.pendingSince[ticket]!;
        if (!Number.isNaN(since) && kind !== 'engineering') {
          let pauses = this.pauses.get(ticket);
          if (pauses === undefined) this.pauses.set(ticket, (pauses = []));
          pauses.push(since, time);
          this.pendingSince[ticket] = Number.NaN;
        }
        break;
      }
      case 'kb_consulted':
        seen = Seen.KbConsulted;
        this.lookups = countInto(this.ownCounts(this.lookups), ticket);
        break;
      case 'reopened': {
        seen = Seen.Reopened;
        this.reopens = countInto(this.ownCounts(this.reopens), ticket);
        if (!Number.isNaN(this.doneAt[ticket]!)) {
          const reopenings = this.reopenings.get(ticket);
          if (reopenings === undefined) this.reopenings.set(ticket, [time]);
          else if (reopenings.length % 2 === 0) reopenings.push(time);
        }
        if (Number.isNaN(this.reopenGap[ticket]!))
          (this.reopenGap = this.ownTimes(this.reopenGap))[ticket] = time - this.lastResolvedAt[ticket]!;
        break;
      }
      case 'truth_issue':
        seen = Seen.TruthIssue;
        if (value !== undefined && value !== null && value !== '') {
          this.issueOf.set(ticket, value as number | string);
          this.issueCache = undefined;
        }
        break;
      case 'truth_fixed':
        seen = Seen.TruthFixed;
        if (Number.isNaN(this.truthFixedAt[ticket]!)) this.truthFixedAt[ticket] = time;
        break;
      case 'survey_sent':
        seen = Seen.SurveySent;
        this.surveysSent = countInto(this.ownCounts(this.surveysSent), ticket);
        break;
      case 'survey_answered': {
        seen = Seen.SurveyAnswered;
        const answers = answersOf(value);
        this.csat = answerInto(this.ownAnswers(this.csat), ticket, answers.csat);
        this.ces = answerInto(this.ownAnswers(this.ces), ticket, answers.ces);
        this.nps = answerInto(this.ownAnswers(this.nps), ticket, answers.nps);
        break;
      }
      case 'truth_satisfaction': {
        seen = Seen.TruthSatisfaction;
        const answers = answersOf(value);
        this.trueCsat = answerInto(this.ownAnswers(this.trueCsat), ticket, answers.csat);
        this.trueCes = answerInto(this.ownAnswers(this.trueCes), ticket, answers.ces);
        this.trueNps = answerInto(this.ownAnswers(this.trueNps), ticket, answers.nps);
        break;
      }
      default:
        // Not a ticket's own record (a shift or absence event naming a ticket, say): the
        // agent-level fold may still take it.
        this.seenTypes.add(type);
        if (agent !== undefined) this.agentEvent(time, type, agent, tier);
        break;
    }
    if ((this.seenMask & seen) !== seen) this.see(seen, type);
  }

  /** The ticket stops being open (resolved, abandoned or closed); after a reopen, again. */
  protected markDone(ticket: number, time: number): void {
    if (Number.isNaN(this.doneAt[ticket]!)) {
      this.doneAt[ticket] = time;
      return;
    }
    const reopenings = this.reopeningsOf(ticket);
    if (reopenings !== undefined && reopenings.length % 2 === 1) reopenings.push(time);
  }

  /** Closes intervals still open at the end of observation. Idempotent. */
  finish(): this {
    if (this.finished) return this;
    this.finished = true;
    const { measureFrom, measureTo } = this.window;
    for (const agent of this.agents.values()) {
      if (agent.overtimeSince !== undefined)
        agent.overtimeTime += overlap(agent.overtimeSince, measureTo, measureFrom, measureTo);
      if (agent.onShiftSince !== undefined) {
        agent.onShiftTime += overlap(agent.onShiftSince, measureTo, measureFrom, measureTo);
        countShiftDays(agent, agent.onShiftSince, measureTo, measureFrom, measureTo);
        addByDay(agent.onShiftByDay, agent.onShiftSince, measureTo, measureFrom, measureTo);
      }
      if (agent.busySince !== undefined) {
        agent.busyTime += overlap(agent.busySince, measureTo, measureFrom, measureTo);
        addByDay(agent.busyByDay, agent.busySince, measureTo, measureFrom, measureTo);
      }
      if (agent.absentSince !== undefined)
        agent.absentTime += overlap(agent.absentSince, measureTo, measureFrom, measureTo);
    }
    for (let ticket = 0; ticket < this.ticketCount; ticket++) {
      const started = this.workStartedAt[ticket]!;
      if (!Number.isNaN(started)) {
        this.handleTime[ticket]! += Math.max(0, measureTo - started);
        this.workIntervals = countInto(this.workIntervals, ticket);
      }
    }
    // Needed only while events come in: released, so a finished log keeps 12 bytes a ticket less.
    this.workStartedAt = new Float64Array(0);
    this.lastVisit = new Int32Array(0);
    return this;
  }
}

/** Writes a code into a row (widening the column first if the code needs it); returns the column. */
function codeInto(column: CodeColumn, row: number, code: number): CodeColumn {
  const into = code > NARROW_CODE_MAX ? widenCodes(column) : column;
  into[row] = code;
  return into;
}

/** Adds one to a row's count (widening the column first if the count needs it); returns the column. */
function countInto(column: CountColumn, row: number): CountColumn {
  const into = column[row]! >= NARROW_COUNT_MAX ? widenCounts(column) : column;
  into[row]!++;
  return into;
}

/** Writes an answer into a row (in double precision if single would round it); returns the column. */
function answerInto(column: AnswerColumn, row: number, answer: number): AnswerColumn {
  const into = answersFor(column, answer);
  into[row] = answer;
  return into;
}

/**
 * A survey value's answers: the simulator's plain numbers as they are (no intermediate
 * object), anything else read by `surveyValue`.
 */
function answersOf(value: unknown): SurveyValue {
  const record = value as Partial<Record<keyof SurveyValue, unknown>> | null;
  if (
    record !== null &&
    typeof record === 'object' &&
    typeof record.csat === 'number' &&
    typeof record.ces === 'number' &&
    typeof record.nps === 'number'
  )
    return record as SurveyValue;
  return surveyValue(value);
}
