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
import type { EventSink, EventType, LogWindow, TicketEvent } from '../eventlog/types.js';

/**
 * A bit per event type the fold handles itself, to record a type as seen without a `Set`
 * lookup per event (which cost more than the rest of the fold of most events).
 */
const enum Seen {
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

/** Interns strings as small integers. */
export class Dictionary {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [];
  // Consecutive events usually carry the same tier or agent: skip the hash lookup then.
  private lastValue: string | undefined = undefined;
  private lastCode = -1;

  code(value: string | undefined): number {
    if (value === undefined) return -1;
    if (value === this.lastValue) return this.lastCode;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    this.lastValue = value;
    this.lastCode = code;
    return code;
  }

  /** The string of a code, or undefined for -1. */
  value(code: number): string | undefined {
    return code < 0 ? undefined : this.values[code];
  }
}

/** Paid and busy time of one agent inside the measured window. */
export class AgentRecord {
  onShiftTime = 0;
  busyTime = 0;
  /** Paid absence inside the agent's shifts (shrinkage): paid, but not available. */
  absentTime = 0;
  /** On-shift time worked as overtime (a stint opened by `shift_started`, kind `overtime`): paid at a premium. */
  overtimeTime = 0;
  overtimeSince: number | undefined = undefined;
  onShiftSince: number | undefined = undefined;
  busySince: number | undefined = undefined;
  absentSince: number | undefined = undefined;
  /** Days (whole days since the log origin) with on-shift time inside the measured window. */
  shiftDays = 0;
  /** The last day counted in `shiftDays` (a day is counted once, however many shifts touch it). */
  lastShiftDay = -1;
  /** On-shift and busy minutes per day since the log origin, inside the measured window (daily series). */
  readonly onShiftByDay: number[] = [];
  readonly busyByDay: number[] = [];
  constructor(
    readonly agent: string,
    public tier: string | undefined,
  ) {}
}

/** A plain snapshot of one ticket (tables, tests); the KPIs read the columns directly. */
export interface TicketSnapshot {
  ticket: number | string;
  createdAt: number;
  channel?: string;
  category?: string;
  priority?: string;
  customer?: string | number;
  firstReplyAt?: number;
  firstReplyKind?: string;
  /** Public agent replies, automatic ones excluded. */
  replies: number;
  autoReplies: number;
  lastResolvedAt?: number;
  resolvedCount: number;
  abandonedAt?: number;
  closedAt?: number;
  truthFixedAt?: number;
  /** Survey answers, if answered; and what the customer would have answered (simulated logs). */
  survey?: SurveyValue;
  truthSatisfaction?: SurveyValue;
  reopens: number;
  escalations: number;
  handleTime: number;
  workIntervals: number;
  lastAgent?: string;
  /** Total queue wait over all visits; undefined while a wait is still open at the end. */
  queueWait?: number;
  visits: Array<{ tier: string; queuedAt: number; assignedAt?: number; abandonedAt?: number }>;
}

/** Tickets grouped by the customer's issue (simulated logs: `truth_issue`); see `Ledger.issueTickets`. */
export interface IssueTickets {
  /** Row of a repeat ticket → row of its issue's first ticket. A row absent here starts an issue of its own. */
  firstOf: ReadonlyMap<number, number>;
  /** Row of an issue's first ticket → every row of the issue, the first one first; only issues of two tickets or more. */
  members: ReadonlyMap<number, readonly number[]>;
}

/** Answers to a satisfaction survey. */
export interface SurveyValue {
  csat: number;
  ces: number;
  nps: number;
}

/** Reads a survey value: an object, or its JSON text (CSV logs); fields not numbers are NaN. */
function surveyValue(value: unknown): SurveyValue {
  let record = value;
  if (typeof record === 'string') {
    try {
      record = JSON.parse(record) as unknown;
    } catch {
      record = undefined;
    }
  }
  const field = (name: string) => {
    const found = record !== null && typeof record === 'object' ? (record as Record<string, unknown>)[name] : undefined;
    return typeof found === 'number' ? found : typeof found === 'string' && found.trim() !== '' ? Number(found) : Number.NaN;
  };
  return { csat: field('csat'), ces: field('ces'), nps: field('nps') };
}

function grow<T extends Float64Array | Int32Array>(array: T, capacity: number, fill: number): T {
  const next = new (array.constructor as { new (length: number): T })(capacity);
  next.set(array);
  next.fill(fill, array.length);
  return next;
}

/** Counts the days that the on-shift interval [start, end), clipped to [from, to), touches. */
function countShiftDays(record: AgentRecord, start: number, end: number, from: number, to: number): void {
  const clippedStart = Math.max(start, from);
  const clippedEnd = Math.min(end, to);
  if (clippedEnd <= clippedStart) return;
  const firstDay = Math.max(Math.floor(clippedStart / MINUTES_PER_DAY), record.lastShiftDay + 1);
  const lastDay = Math.ceil(clippedEnd / MINUTES_PER_DAY) - 1;
  if (lastDay >= firstDay) {
    record.shiftDays += lastDay - firstDay + 1;
    record.lastShiftDay = lastDay;
  }
}

const MINUTES_PER_DAY = 24 * 60;

/** Adds the minutes of [start, end), clipped to [from, to), to the days they fall on. */
function addByDay(days: number[], start: number, end: number, from: number, to: number): void {
  let at = Math.max(start, from);
  const until = Math.min(end, to);
  while (at < until) {
    const day = Math.floor(at / MINUTES_PER_DAY);
    const dayEnd = Math.min((day + 1) * MINUTES_PER_DAY, until);
    while (days.length <= day) days.push(0);
    days[day]! += dayEnd - at;
    at = dayEnd;
  }
}

/** Clipped length of [start, end) inside [from, to). */
function overlap(start: number, end: number, from: number, to: number): number {
  return Math.max(0, Math.min(end, to) - Math.max(start, from));
}

const optional = (value: number) => (Number.isNaN(value) ? undefined : value);

/** Folds events into ticket, visit and agent records. Call `finish()` once the log ends. */
export class Ledger implements EventSink {
  channels = new Dictionary();
  categories = new Dictionary();
  priorities = new Dictionary();
  tiers = new Dictionary();
  agentNames = new Dictionary();
  replyKinds = new Dictionary();

  /** Number of tickets (rows of the ticket columns). */
  ticketCount = 0;
  /** The id of the ticket in `row`, as the log gave it. */
  ticketId(row: number): number | string {
    return this.ids === undefined ? row + 1 : this.ids[row]!;
  }

  /** Ticket id → row, for ids that are not small non-negative integers. */
  private readonly index = new Map<number | string, number>();
  /** Small non-negative integer id → row + 1 (0 = unknown): simulated logs number tickets 1, 2, 3… */
  private denseIndex = new Int32Array(1024);
  /**
   * Ticket ids by row; undefined while every id so far is its row + 1 (as a simulator numbers
   * tickets), which is then not stored: read ids with `ticketId`.
   */
  private ids: Array<number | string> | undefined = undefined;
  /**
   * What a column no event has written yet reads: all NaN, or all 0. Columns of rare events
   * (abandonments, surveys, reopens, waits on the customer…) share these until their first
   * write gives them their own array (`own`): a desk without surveys keeps no survey columns,
   * which halved the bytes a replication retains per ticket. Never written themselves.
   */
  private absentTimes = new Float64Array(1024).fill(Number.NaN);
  private absentCounts = new Int32Array(1024);
  createdAt = new Float64Array(1024).fill(Number.NaN);
  channel = new Int32Array(1024).fill(-1);
  category = new Int32Array(1024).fill(-1);
  priority = new Int32Array(1024).fill(-1);
  /**
   * Customer of each ticket, as given. Not dictionary-coded: most customers raise one
   * ticket, and interning a million distinct strings cost a quarter of the fold; a KPI
   * that groups by customer builds its own map.
   */
  readonly customer: Array<string | number | undefined> = [];
  firstReplyAt = new Float64Array(1024).fill(Number.NaN);
  firstReplyKind = new Int32Array(1024).fill(-1);
  /** Public agent replies other than automatic ones; automatic replies are counted apart. */
  replies = new Int32Array(1024);
  autoReplies = this.absentCounts;
  /** First automatic reply (counts as a first response only if the metric options say so). */
  firstAutoReplyAt = this.absentTimes;
  lastResolvedAt = new Float64Array(1024).fill(Number.NaN);
  resolvedCount = new Int32Array(1024);
  abandonedAt = this.absentTimes;
  closedAt = this.absentTimes;
  /** When the ticket first stopped being open: its first resolution, abandonment or close. */
  doneAt = new Float64Array(1024).fill(Number.NaN);
  /**
   * Reopened tickets only: [reopened, done again, reopened, done again, …] after `doneAt`
   * (an odd length means open at the end). Backlog samples read it.
   */
  readonly reopenings = new Map<number, number[]>();
  /**
   * Repeat contacts only (`truth_issue`, simulated logs): the ticket id of the issue's first
   * ticket. A ticket absent here is the first contact of its own issue.
   */
  readonly issueOf = new Map<number, number | string>();
  /** The issues with more than one ticket, built from `issueOf` on first use (`issueTickets`); cleared when it changes. */
  private issueCache: IssueTickets | undefined = undefined;
  /** Time from the last resolution to the first `reopened` (NaN: never reopened). */
  reopenGap = this.absentTimes;
  reopens = this.absentCounts;
  /** Knowledge-base lookups per ticket. */
  lookups = this.absentCounts;
  /** Start of the ticket's current wait on the customer (NaN: not waiting). */
  pendingSince = this.absentTimes;
  /** Waits on the customer, as [start, end, start, end, …] per ticket row (only tickets that had one). */
  readonly pauses = new Map<number, number[]>();
  /** First `truth_fixed` (simulated logs only): when the problem was really fixed. */
  truthFixedAt = new Float64Array(1024).fill(Number.NaN);
  /** Surveys sent; the last answer (NaN: none) — CSAT 1–5, CES 1–7, NPS 0–10. */
  surveysSent = this.absentCounts;
  csat = this.absentTimes;
  ces = this.absentTimes;
  nps = this.absentTimes;
  /** What the customer would answer (`truth_satisfaction`, simulated logs only). */
  trueCsat = this.absentTimes;
  trueCes = this.absentTimes;
  trueNps = this.absentTimes;
  escalations = this.absentCounts;
  handleTime = new Float64Array(1024);
  workStartedAt = new Float64Array(1024).fill(Number.NaN);
  workIntervals = new Int32Array(1024);
  lastAgent = new Int32Array(1024).fill(-1);
  firstVisit = new Int32Array(1024).fill(-1);
  lastVisit = new Int32Array(1024).fill(-1);

  /** Number of queue visits (rows of the visit columns). */
  visitCount = 0;
  visitTicket = new Int32Array(1024).fill(-1);
  visitTier = new Int32Array(1024).fill(-1);
  visitQueuedAt = new Float64Array(1024).fill(Number.NaN);
  /** When an agent took it; NaN if it left by abandoning or is still waiting. */
  visitAssignedAt = new Float64Array(1024).fill(Number.NaN);
  visitAbandonedAt = new Float64Array(1024).fill(Number.NaN);
  /** Next visit of the same ticket, or -1. */
  visitNext = new Int32Array(1024).fill(-1);

  readonly agents = new Map<string, AgentRecord>();
  /** Event types seen at least once (a KPI needing an unseen type is not computable). */
  readonly seenTypes = new Set<EventType>();
  /**
   * Event types the log's source records, seen or not: a simulator records every type, so a
   * replication without a single abandonment has an abandonment rate of 0; an export whose
   * mapping has no escalation activity does not, so its escalation rate is unknown (null).
   */
  readonly recordedTypes = new Set<EventType>();
  /** Events naming a ticket that has no `created` event before them. */
  orphanEvents = 0;
  /** Issues the knowledge base answered before any ticket (`self_service` deflected), in the measured window. */
  deflections = 0;
  /** Departures and hires (`agent_left`, `agent_hired`) in the measured window. */
  agentsLeft = 0;
  agentsHired = 0;
  private finished = false;
  // A ticket's events come in runs (assigned, work_started, replied…): remember the last.
  private lastTicketId: number | string | undefined = undefined;
  private lastTicketIndex = -1;
  private lastAgentRecord: AgentRecord | undefined = undefined;
  /** `Seen` bits of the types already in `seenTypes`. */
  private seenMask = 0;

  /**
   * @param window - where the log sits in time and which part is measured.
   * @param expectedTickets - a capacity hint (e.g. arrival rate × horizon), saving regrowth.
   */
  constructor(
    window: LogWindow,
    expectedTickets = 0,
  ) {
    this.currentWindow = window;
    this.reserve(expectedTickets);
  }

  private currentWindow: LogWindow;

  /** Where the log sits in time and which part is measured. */
  get window(): LogWindow {
    return this.currentWindow;
  }

  private reserve(tickets: number): void {
    if (tickets > this.createdAt.length) this.growTickets(tickets);
    if (tickets > this.visitTicket.length) this.growVisits(tickets);
    if (tickets + 1 > this.denseIndex.length) this.denseIndex = grow(this.denseIndex, tickets + 1, 0);
  }

  /**
   * Empties the ledger for another log, keeping its storage. Replications reuse one ledger
   * per thread: fresh arrays each time cost more in page faults than the fold itself.
   */
  reset(window: LogWindow, expectedTickets = 0): this {
    const tickets = this.ticketCount;
    const visits = this.visitCount;
    if (this.workStartedAt.length === 0) this.restoreFoldColumns();
    for (const column of [
      this.createdAt,
      this.firstReplyAt,
      this.lastResolvedAt,
      this.abandonedAt,
      this.closedAt,
      this.doneAt,
      this.firstAutoReplyAt,
      this.truthFixedAt,
      this.reopenGap,
      this.workStartedAt,
      this.pendingSince,
      this.csat,
      this.ces,
      this.nps,
      this.trueCsat,
      this.trueCes,
      this.trueNps,
    ]) {
      if (column !== this.absentTimes) column.fill(Number.NaN, 0, tickets);
    }
    for (const column of [this.channel, this.category, this.priority, this.firstReplyKind, this.lastAgent, this.firstVisit, this.lastVisit]) {
      column.fill(-1, 0, tickets);
    }
    for (const column of [this.replies, this.autoReplies, this.resolvedCount, this.escalations, this.workIntervals, this.reopens, this.lookups, this.surveysSent]) {
      if (column !== this.absentCounts) column.fill(0, 0, tickets);
    }
    this.handleTime.fill(0, 0, tickets);
    for (const column of [this.visitQueuedAt, this.visitAssignedAt, this.visitAbandonedAt]) column.fill(Number.NaN, 0, visits);
    for (const column of [this.visitTicket, this.visitTier, this.visitNext]) column.fill(-1, 0, visits);
    this.denseIndex.fill(0);
    this.index.clear();
    this.channels = new Dictionary();
    this.categories = new Dictionary();
    this.priorities = new Dictionary();
    this.customer.length = 0;
    this.tiers = new Dictionary();
    this.agentNames = new Dictionary();
    this.replyKinds = new Dictionary();
    this.ids = undefined;
    this.ticketCount = 0;
    this.visitCount = 0;
    this.agents.clear();
    this.seenTypes.clear();
    this.recordedTypes.clear();
    this.orphanEvents = 0;
    this.deflections = 0;
    this.agentsLeft = 0;
    this.agentsHired = 0;
    this.pauses.clear();
    this.reopenings.clear();
    this.issueOf.clear();
    this.issueCache = undefined;
    this.finished = false;
    this.lastTicketId = undefined;
    this.lastTicketIndex = -1;
    this.lastAgentRecord = undefined;
    this.seenMask = 0;
    this.currentWindow = window;
    this.reserve(expectedTickets);
    return this;
  }

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
      if (type === 'self_service') {
        if (kind === 'deflected' && time >= this.window.measureFrom && time < this.window.measureTo) this.deflections++;
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
  private see(bit: Seen, type: EventType): void {
    this.seenMask |= bit;
    this.seenTypes.add(type);
  }

  /** The row of a ticket id, or -1 if the log has no `created` event for it. */
  rowOf(id: number | string): number {
    return this.lookup(id);
  }

  /**
   * The customer's issues that took more than one ticket (repeat contacts, split tickets):
   * each repeat's `truth_issue` names the issue's first ticket (a chain of them is followed
   * to its start). A repeat naming a ticket the log does not have is its own issue. Built
   * once per log, from the repeats only: most tickets are an issue of their own.
   */
  issueTickets(): IssueTickets {
    if (this.issueCache !== undefined) return this.issueCache;
    const firstOf = new Map<number, number>();
    const members = new Map<number, number[]>();
    // In log order: a repeat's `truth_issue` follows its `created`, so members come in creation order.
    for (const [ticket, id] of this.issueOf) {
      let first = this.lookup(id);
      for (let hops = 0; first >= 0 && hops < 64; hops++) {
        const earlier = this.issueOf.get(first);
        if (earlier === undefined) break;
        first = this.lookup(earlier);
      }
      if (first < 0 || first === ticket) continue;
      firstOf.set(ticket, first);
      let tickets = members.get(first);
      if (tickets === undefined) members.set(first, (tickets = [first]));
      tickets.push(ticket);
    }
    this.issueCache = { firstOf, members };
    return this.issueCache;
  }

  private lookup(id: number | string): number {
    if (typeof id === 'number' && id >= 0 && id < this.denseIndex.length && Number.isInteger(id)) {
      const row = this.denseIndex[id]! - 1;
      if (row >= 0) return row;
    }
    return this.index.get(id) ?? -1;
  }

  private remember(id: number | string, row: number): void {
    if (typeof id === 'number' && Number.isInteger(id) && id >= 0 && id < 1 << 26) {
      if (id >= this.denseIndex.length) this.denseIndex = grow(this.denseIndex, Math.max(id + 1, this.denseIndex.length * 2), 0);
      this.denseIndex[id] = row + 1;
    } else {
      this.index.set(id, row);
    }
  }

  private create(
    time: number,
    id: number | string,
    channel: string | undefined,
    category: string | undefined,
    priority: string | undefined,
    customer: string | number | undefined,
  ): void {
    if (this.ticketCount === this.createdAt.length) this.growTickets();
    const ticket = this.ticketCount++;
    if (this.ids === undefined && id !== ticket + 1) this.ids = Array.from({ length: ticket }, (_, row) => row + 1);
    if (this.ids !== undefined) this.ids.push(id);
    this.remember(id, ticket);
    this.lastTicketId = id;
    this.lastTicketIndex = ticket;
    this.createdAt[ticket] = time;
    this.channel[ticket] = this.channels.code(channel);
    this.category[ticket] = this.categories.code(category);
    this.priority[ticket] = this.priorities.code(priority);
    this.customer.push(customer);
  }

  private growTickets(capacity = this.createdAt.length * 2): void {
    if (this.workStartedAt.length === 0) this.restoreFoldColumns();
    const absentTimes = grow(this.absentTimes, capacity, Number.NaN);
    const absentCounts = grow(this.absentCounts, capacity, 0);
    this.createdAt = grow(this.createdAt, capacity, Number.NaN);
    this.channel = grow(this.channel, capacity, -1);
    this.category = grow(this.category, capacity, -1);
    this.priority = grow(this.priority, capacity, -1);
    this.firstReplyAt = grow(this.firstReplyAt, capacity, Number.NaN);
    this.firstReplyKind = grow(this.firstReplyKind, capacity, -1);
    this.replies = grow(this.replies, capacity, 0);
    this.autoReplies = this.autoReplies === this.absentCounts ? absentCounts : grow(this.autoReplies, capacity, 0);
    this.firstAutoReplyAt = this.firstAutoReplyAt === this.absentTimes ? absentTimes : grow(this.firstAutoReplyAt, capacity, Number.NaN);
    this.doneAt = grow(this.doneAt, capacity, Number.NaN);
    this.lastResolvedAt = grow(this.lastResolvedAt, capacity, Number.NaN);
    this.resolvedCount = grow(this.resolvedCount, capacity, 0);
    this.abandonedAt = this.abandonedAt === this.absentTimes ? absentTimes : grow(this.abandonedAt, capacity, Number.NaN);
    this.closedAt = this.closedAt === this.absentTimes ? absentTimes : grow(this.closedAt, capacity, Number.NaN);
    this.truthFixedAt = grow(this.truthFixedAt, capacity, Number.NaN);
    this.surveysSent = this.surveysSent === this.absentCounts ? absentCounts : grow(this.surveysSent, capacity, 0);
    this.csat = this.csat === this.absentTimes ? absentTimes : grow(this.csat, capacity, Number.NaN);
    this.ces = this.ces === this.absentTimes ? absentTimes : grow(this.ces, capacity, Number.NaN);
    this.nps = this.nps === this.absentTimes ? absentTimes : grow(this.nps, capacity, Number.NaN);
    this.trueCsat = this.trueCsat === this.absentTimes ? absentTimes : grow(this.trueCsat, capacity, Number.NaN);
    this.trueCes = this.trueCes === this.absentTimes ? absentTimes : grow(this.trueCes, capacity, Number.NaN);
    this.trueNps = this.trueNps === this.absentTimes ? absentTimes : grow(this.trueNps, capacity, Number.NaN);
    this.reopenGap = this.reopenGap === this.absentTimes ? absentTimes : grow(this.reopenGap, capacity, Number.NaN);
    this.reopens = this.reopens === this.absentCounts ? absentCounts : grow(this.reopens, capacity, 0);
    this.lookups = this.lookups === this.absentCounts ? absentCounts : grow(this.lookups, capacity, 0);
    this.pendingSince = this.pendingSince === this.absentTimes ? absentTimes : grow(this.pendingSince, capacity, Number.NaN);
    this.escalations = this.escalations === this.absentCounts ? absentCounts : grow(this.escalations, capacity, 0);
    this.handleTime = grow(this.handleTime, capacity, 0);
    this.workStartedAt = grow(this.workStartedAt, capacity, Number.NaN);
    this.workIntervals = grow(this.workIntervals, capacity, 0);
    this.lastAgent = grow(this.lastAgent, capacity, -1);
    this.firstVisit = grow(this.firstVisit, capacity, -1);
    this.lastVisit = grow(this.lastVisit, capacity, -1);
    this.absentTimes = absentTimes;
    this.absentCounts = absentCounts;
  }

  /** A column of its own to write into: a copy of the shared absent column on its first write. */
  private ownTimes(column: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
    return column === this.absentTimes ? this.absentTimes.slice() : column;
  }

  private ownCounts(column: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
    return column === this.absentCounts ? this.absentCounts.slice() : column;
  }

  /** Gives back the columns `finish` released, for a log that goes on (or a reused ledger). */
  private restoreFoldColumns(): void {
    const capacity = this.createdAt.length;
    this.workStartedAt = new Float64Array(capacity).fill(Number.NaN);
    this.lastVisit = new Int32Array(capacity).fill(-1);
    // Rebuilt from the visit chains: the only state of these columns still needed.
    for (let visit = 0; visit < this.visitCount; visit++) this.lastVisit[this.visitTicket[visit]!] = visit;
  }

  private growVisits(capacity = this.visitTicket.length * 2): void {
    this.visitTicket = grow(this.visitTicket, capacity, -1);
    this.visitTier = grow(this.visitTier, capacity, -1);
    this.visitQueuedAt = grow(this.visitQueuedAt, capacity, Number.NaN);
    this.visitAssignedAt = grow(this.visitAssignedAt, capacity, Number.NaN);
    this.visitAbandonedAt = grow(this.visitAbandonedAt, capacity, Number.NaN);
    this.visitNext = grow(this.visitNext, capacity, -1);
  }

  private ticketEvent(
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
        this.visitTier[visit] = this.tiers.code(tier ?? '');
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
        this.lastAgent[ticket] = this.agentNames.code(agent);
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
          this.workIntervals[ticket]!++;
          this.workStartedAt[ticket] = Number.NaN;
        }
        if (agent !== undefined) this.agentEvent(time, type, agent, tier);
        break;
      }
      case 'replied':
        seen = Seen.Replied;
        if (kind === 'auto') {
          this.autoReplies = this.ownCounts(this.autoReplies);
          this.autoReplies[ticket]!++;
          if (Number.isNaN(this.firstAutoReplyAt[ticket]!)) (this.firstAutoReplyAt = this.ownTimes(this.firstAutoReplyAt))[ticket] = time;
          break;
        }
        this.replies[ticket]!++;
        if (Number.isNaN(this.firstReplyAt[ticket]!)) {
          this.firstReplyAt[ticket] = time;
          this.firstReplyKind[ticket] = this.replyKinds.code(kind ?? 'substantive');
        }
        break;
      case 'escalated':
        seen = Seen.Escalated;
        this.escalations = this.ownCounts(this.escalations);
        this.escalations[ticket]!++;
        break;
      case 'resolved':
        seen = Seen.Resolved;
        this.resolvedCount[ticket]!++;
        this.lastResolvedAt[ticket] = time;
        this.markDone(ticket, time);
        break;
      case 'abandoned': {
        seen = Seen.Abandoned;
        this.abandonedAt = this.ownTimes(this.abandonedAt);
        this.abandonedAt[ticket] = time;
        this.markDone(ticket, time);
        const visit = this.lastVisit[ticket]!;
        if (visit >= 0 && Number.isNaN(this.visitAssignedAt[visit]!)) this.visitAbandonedAt[visit] = time;
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
        if (kind !== 'engineering' && Number.isNaN(this.pendingSince[ticket]!)) (this.pendingSince = this.ownTimes(this.pendingSince))[ticket] = time;
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
        this.lookups = this.ownCounts(this.lookups);
        this.lookups[ticket]!++;
        break;
      case 'reopened': {
        seen = Seen.Reopened;
        this.reopens = this.ownCounts(this.reopens);
        this.reopens[ticket]!++;
        if (!Number.isNaN(this.doneAt[ticket]!)) {
          const reopenings = this.reopenings.get(ticket);
          if (reopenings === undefined) this.reopenings.set(ticket, [time]);
          else if (reopenings.length % 2 === 0) reopenings.push(time);
        }
        if (Number.isNaN(this.reopenGap[ticket]!)) (this.reopenGap = this.ownTimes(this.reopenGap))[ticket] = time - this.lastResolvedAt[ticket]!;
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
        this.surveysSent = this.ownCounts(this.surveysSent);
        this.surveysSent[ticket]!++;
        break;
      case 'survey_answered':
        seen = Seen.SurveyAnswered;
        this.csat = this.ownTimes(this.csat);
        this.ces = this.ownTimes(this.ces);
        this.nps = this.ownTimes(this.nps);
        this.storeAnswers(value, ticket, this.csat, this.ces, this.nps);
        break;
      case 'truth_satisfaction':
        seen = Seen.TruthSatisfaction;
        this.trueCsat = this.ownTimes(this.trueCsat);
        this.trueCes = this.ownTimes(this.trueCes);
        this.trueNps = this.ownTimes(this.trueNps);
        this.storeAnswers(value, ticket, this.trueCsat, this.trueCes, this.trueNps);
        break;
      default:
        // Not a ticket's own record (a shift or absence event naming a ticket, say): the
        // agent-level fold may still take it.
        this.seenTypes.add(type);
        if (agent !== undefined) this.agentEvent(time, type, agent, tier);
        break;
    }
    if ((this.seenMask & seen) !== seen) this.see(seen, type);
  }

  /** Stores a survey value's answers in row `ticket` of three columns. */
  private storeAnswers(value: unknown, ticket: number, csat: Float64Array, ces: Float64Array, nps: Float64Array): void {
    const record = value as Partial<Record<keyof SurveyValue, unknown>> | null;
    if (record !== null && typeof record === 'object' && typeof record.csat === 'number' && typeof record.ces === 'number' && typeof record.nps === 'number') {
      // The simulator's plain numbers: read them directly, without an intermediate object.
      csat[ticket] = record.csat;
      ces[ticket] = record.ces;
      nps[ticket] = record.nps;
      return;
    }
    const answer = surveyValue(value);
    csat[ticket] = answer.csat;
    ces[ticket] = answer.ces;
    nps[ticket] = answer.nps;
  }

  /** The ticket stops being open (resolved, abandoned or closed); after a reopen, again. */
  private markDone(ticket: number, time: number): void {
    if (Number.isNaN(this.doneAt[ticket]!)) {
      this.doneAt[ticket] = time;
      return;
    }
    const reopenings = this.reopeningsOf(ticket);
    if (reopenings !== undefined && reopenings.length % 2 === 1) reopenings.push(time);
  }

  /**
   * A reopened ticket's open periods after its first: reopen and done times in turn (the
   * last done missing while open). Undefined for a ticket never reopened — most of them,
   * answered from the `reopens` column without a map lookup.
   */
  reopeningsOf(ticket: number): number[] | undefined {
    return this.reopens[ticket] === 0 ? undefined : this.reopenings.get(ticket);
  }

  /** Is the ticket open at `time` (created, and not resolved, abandoned or closed since)? */
  isOpenAt(ticket: number, time: number): boolean {
    if (!(this.createdAt[ticket]! <= time)) return false;
    const done = this.doneAt[ticket]!;
    if (Number.isNaN(done) || time < done) return true;
    const reopenings = this.reopeningsOf(ticket);
    if (reopenings === undefined) return false;
    for (let index = 0; index < reopenings.length; index += 2) {
      const end = reopenings[index + 1] ?? Number.POSITIVE_INFINITY;
      if (time >= reopenings[index]! && time < end) return true;
    }
    return false;
  }

  private agentRecord(agent: string, tier: string | undefined): AgentRecord {
    let record = this.lastAgentRecord;
    if (record !== undefined && record.agent === agent) return record;
    record = this.agents.get(agent);
    if (record === undefined) {
      record = new AgentRecord(agent, tier);
      this.agents.set(agent, record);
    }
    if (record.tier === undefined) record.tier = tier;
    this.lastAgentRecord = record;
    return record;
  }

  private agentEvent(time: number, type: EventType, agent: string, tier: string | undefined, kind?: string): void {
    const { measureFrom, measureTo } = this.window;
    switch (type) {
      case 'shift_started': {
        const record = this.agentRecord(agent, tier);
        record.onShiftSince = time;
        record.overtimeSince = kind === 'overtime' ? time : undefined;
        break;
      }
      case 'shift_ended': {
        const record = this.agentRecord(agent, tier);
        if (record.overtimeSince !== undefined) {
          record.overtimeTime += overlap(record.overtimeSince, time, measureFrom, measureTo);
          record.overtimeSince = undefined;
        }
        if (record.onShiftSince !== undefined) {
          record.onShiftTime += overlap(record.onShiftSince, time, measureFrom, measureTo);
          countShiftDays(record, record.onShiftSince, time, measureFrom, measureTo);
          addByDay(record.onShiftByDay, record.onShiftSince, time, measureFrom, measureTo);
          record.onShiftSince = undefined;
        }
        break;
      }
      case 'work_started':
        this.agentRecord(agent, tier).busySince = time;
        break;
      case 'absence_started':
        this.agentRecord(agent, tier).absentSince = time;
        break;
      case 'absence_ended': {
        const record = this.agentRecord(agent, tier);
        if (record.absentSince !== undefined) {
          record.absentTime += overlap(record.absentSince, time, measureFrom, measureTo);
          record.absentSince = undefined;
        }
        break;
      }
      case 'agent_left':
        this.agentRecord(agent, tier);
        if (time >= measureFrom && time < measureTo) this.agentsLeft++;
        break;
      case 'agent_hired':
        this.agentRecord(agent, tier);
        if (time >= measureFrom && time < measureTo) this.agentsHired++;
        break;
      case 'work_ended': {
        const record = this.agentRecord(agent, tier);
        if (record.busySince !== undefined) {
          record.busyTime += overlap(record.busySince, time, measureFrom, measureTo);
          addByDay(record.busyByDay, record.busySince, time, measureFrom, measureTo);
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
      if (agent.overtimeSince !== undefined) agent.overtimeTime += overlap(agent.overtimeSince, measureTo, measureFrom, measureTo);
      if (agent.onShiftSince !== undefined) {
        agent.onShiftTime += overlap(agent.onShiftSince, measureTo, measureFrom, measureTo);
        countShiftDays(agent, agent.onShiftSince, measureTo, measureFrom, measureTo);
        addByDay(agent.onShiftByDay, agent.onShiftSince, measureTo, measureFrom, measureTo);
      }
      if (agent.busySince !== undefined) {
        agent.busyTime += overlap(agent.busySince, measureTo, measureFrom, measureTo);
        addByDay(agent.busyByDay, agent.busySince, measureTo, measureFrom, measureTo);
      }
      if (agent.absentSince !== undefined) agent.absentTime += overlap(agent.absentSince, measureTo, measureFrom, measureTo);
    }
    for (let ticket = 0; ticket < this.ticketCount; ticket++) {
      const started = this.workStartedAt[ticket]!;
      if (!Number.isNaN(started)) {
        this.handleTime[ticket]! += Math.max(0, measureTo - started);
        this.workIntervals[ticket]!++;
      }
    }
    // Needed only while events come in: released, so a finished log keeps 12 bytes a ticket less.
    this.workStartedAt = new Float64Array(0);
    this.lastVisit = new Int32Array(0);
    return this;
  }

  /** Indices of tickets created inside the measured window (after warm-up), in creation order. */
  measuredIndices(): Int32Array {
    const { measureFrom, measureTo } = this.window;
    const indices = new Int32Array(this.ticketCount);
    let count = 0;
    for (let ticket = 0; ticket < this.ticketCount; ticket++) {
      const created = this.createdAt[ticket]!;
      if (created >= measureFrom && created < measureTo) indices[count++] = ticket;
    }
    return indices.subarray(0, count);
  }

  /** Wait of a visit that has ended (taken or abandoned); NaN while still waiting. */
  visitWait(visit: number): number {
    const assigned = this.visitAssignedAt[visit]!;
    const left = Number.isNaN(assigned) ? this.visitAbandonedAt[visit]! : assigned;
    return left - this.visitQueuedAt[visit]!;
  }

  /** Did the visit wait at all (a wait still open at the end counts)? */
  visitWaited(visit: number): boolean {
    const assigned = this.visitAssignedAt[visit]!;
    return Number.isNaN(assigned) || assigned > this.visitQueuedAt[visit]!;
  }

  /** Total queue wait of a ticket over all its visits; NaN if a wait is still open at the end. */
  ticketQueueWait(ticket: number): number {
    let total = 0;
    for (let visit = this.firstVisit[ticket]!; visit >= 0; visit = this.visitNext[visit]!) total += this.visitWait(visit);
    return total;
  }

  /** Did the ticket wait in any queue? */
  ticketWaited(ticket: number): boolean {
    for (let visit = this.firstVisit[ticket]!; visit >= 0; visit = this.visitNext[visit]!) if (this.visitWaited(visit)) return true;
    return false;
  }

  /** A plain copy of one ticket's record. */
  snapshot(ticket: number): TicketSnapshot {
    const visits: TicketSnapshot['visits'] = [];
    for (let visit = this.firstVisit[ticket]!; visit >= 0; visit = this.visitNext[visit]!) {
      visits.push({
        tier: this.tiers.value(this.visitTier[visit]!) ?? '',
        queuedAt: this.visitQueuedAt[visit]!,
        assignedAt: optional(this.visitAssignedAt[visit]!),
        abandonedAt: optional(this.visitAbandonedAt[visit]!),
      });
    }
    return {
      ticket: this.ticketId(ticket),
      createdAt: this.createdAt[ticket]!,
      channel: this.channels.value(this.channel[ticket]!),
      category: this.categories.value(this.category[ticket]!),
      priority: this.priorities.value(this.priority[ticket]!),
      customer: this.customer[ticket],
      firstReplyAt: optional(this.firstReplyAt[ticket]!),
      firstReplyKind: this.replyKinds.value(this.firstReplyKind[ticket]!),
      replies: this.replies[ticket]!,
      autoReplies: this.autoReplies[ticket]!,
      lastResolvedAt: optional(this.lastResolvedAt[ticket]!),
      resolvedCount: this.resolvedCount[ticket]!,
      abandonedAt: optional(this.abandonedAt[ticket]!),
      closedAt: optional(this.closedAt[ticket]!),
      truthFixedAt: optional(this.truthFixedAt[ticket]!),
      survey: Number.isNaN(this.csat[ticket]!) && Number.isNaN(this.nps[ticket]!) ? undefined : { csat: this.csat[ticket]!, ces: this.ces[ticket]!, nps: this.nps[ticket]! },
      truthSatisfaction: Number.isNaN(this.trueCsat[ticket]!) ? undefined : { csat: this.trueCsat[ticket]!, ces: this.trueCes[ticket]!, nps: this.trueNps[ticket]! },
      reopens: this.reopens[ticket]!,
      escalations: this.escalations[ticket]!,
      handleTime: this.handleTime[ticket]!,
      workIntervals: this.workIntervals[ticket]!,
      lastAgent: this.agentNames.value(this.lastAgent[ticket]!),
      queueWait: visits.length === 0 ? undefined : optional(this.ticketQueueWait(ticket)),
      visits,
    };
  }

  /** Snapshots of the measured tickets, in creation order. */
  measuredTickets(): TicketSnapshot[] {
    this.finish();
    return Array.from(this.measuredIndices(), (ticket) => this.snapshot(ticket));
  }
}
