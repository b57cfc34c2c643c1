/**
 * The ledger's storage (src/metrics/ledger.ts): one growable typed array per ticket and per
 * queue-visit field, the fold's state, and how the columns grow, reset and share their
 * absent arrays. The fold itself lives in `Ledger`; the reads in `LedgerQueries`.
 */
import type { EventType, LogWindow } from '../eventlog/types.js';
import { type AgentRecord, Dictionary, grow, type IssueTickets } from './ledger-records.js';

/** The columns of a ledger and their storage; see `Ledger`, which folds events into them. */
export abstract class LedgerColumns {
  channels = new Dictionary();
  categories = new Dictionary();
  priorities = new Dictionary();
  tiers = new Dictionary();
  agentNames = new Dictionary();
  replyKinds = new Dictionary();

  /** Number of tickets (rows of the ticket columns). */
  ticketCount = 0;

  /** Ticket id → row, for ids that are not small non-negative integers. */
  protected readonly index = new Map<number | string, number>();
  /** Small non-negative integer id → row + 1 (0 = unknown): simulated logs number tickets 1, 2, 3… */
  protected denseIndex = new Int32Array(1024);
  /**
   * Ticket ids by row; undefined while every id so far is its row + 1 (as a simulator numbers
   * tickets), which is then not stored: read ids with `ticketId`.
   */
  protected ids: Array<number | string> | undefined = undefined;
  /**
   * What a column no event has written yet reads: all NaN, or all 0. Columns of rare events
   * (abandonments, surveys, reopens, waits on the customer…) share these until their first
   * write gives them their own array (`own`): a desk without surveys keeps no survey columns,
   * which halved the bytes a replication retains per ticket. Never written themselves.
   */
  protected absentTimes = new Float64Array(1024).fill(Number.NaN);
  protected absentCounts = new Int32Array(1024);
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
  /**
   * The issues with more than one ticket, built from `issueOf` on first use (`issueTickets`); cleared when it changes.
   */
  protected issueCache: IssueTickets | undefined = undefined;
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
  /** Contacts a closed channel turned away without a ticket (`turned_away`), in the measured window. */
  turnedAway = 0;
  /** Departures and hires (`agent_left`, `agent_hired`) in the measured window. */
  agentsLeft = 0;
  agentsHired = 0;
  protected finished = false;
  // A ticket's events come in runs (assigned, work_started, replied…): remember the last.
  protected lastTicketId: number | string | undefined = undefined;
  protected lastTicketIndex = -1;
  protected lastAgentRecord: AgentRecord | undefined = undefined;
  /** `Seen` bits of the types already in `seenTypes`. */
  protected seenMask = 0;

  /**
   * @param window - where the log sits in time and which part is measured.
   * @param expectedTickets - a capacity hint (e.g. arrival rate × horizon), saving regrowth.
   */
  constructor(window: LogWindow, expectedTickets = 0) {
    this.currentWindow = window;
    this.reserve(expectedTickets);
  }

  protected currentWindow: LogWindow;

  /** Where the log sits in time and which part is measured. */
  get window(): LogWindow {
    return this.currentWindow;
  }

  protected reserve(tickets: number): void {
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
    for (const column of [
      this.channel,
      this.category,
      this.priority,
      this.firstReplyKind,
      this.lastAgent,
      this.firstVisit,
      this.lastVisit,
    ]) {
      column.fill(-1, 0, tickets);
    }
    for (const column of [
      this.replies,
      this.autoReplies,
      this.resolvedCount,
      this.escalations,
      this.workIntervals,
      this.reopens,
      this.lookups,
      this.surveysSent,
    ]) {
      if (column !== this.absentCounts) column.fill(0, 0, tickets);
    }
    this.handleTime.fill(0, 0, tickets);
    for (const column of [this.visitQueuedAt, this.visitAssignedAt, this.visitAbandonedAt])
      column.fill(Number.NaN, 0, visits);
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
    this.turnedAway = 0;
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

  protected growTickets(capacity = this.createdAt.length * 2): void {
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
    this.firstAutoReplyAt =
      this.firstAutoReplyAt === this.absentTimes ? absentTimes : grow(this.firstAutoReplyAt, capacity, Number.NaN);
    this.doneAt = grow(this.doneAt, capacity, Number.NaN);
    this.lastResolvedAt = grow(this.lastResolvedAt, capacity, Number.NaN);
    this.resolvedCount = grow(this.resolvedCount, capacity, 0);
    this.abandonedAt =
      this.abandonedAt === this.absentTimes ? absentTimes : grow(this.abandonedAt, capacity, Number.NaN);
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
    this.pendingSince =
      this.pendingSince === this.absentTimes ? absentTimes : grow(this.pendingSince, capacity, Number.NaN);
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
  protected ownTimes(column: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
    return column === this.absentTimes ? this.absentTimes.slice() : column;
  }

  protected ownCounts(column: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
    return column === this.absentCounts ? this.absentCounts.slice() : column;
  }

  /** Gives back the columns `finish` released, for a log that goes on (or a reused ledger). */
  protected restoreFoldColumns(): void {
    const capacity = this.createdAt.length;
    this.workStartedAt = new Float64Array(capacity).fill(Number.NaN);
    this.lastVisit = new Int32Array(capacity).fill(-1);
    // Rebuilt from the visit chains: the only state of these columns still needed.
    for (let visit = 0; visit < this.visitCount; visit++) this.lastVisit[this.visitTicket[visit]!] = visit;
  }

  protected growVisits(capacity = this.visitTicket.length * 2): void {
    this.visitTicket = grow(this.visitTicket, capacity, -1);
    this.visitTier = grow(this.visitTier, capacity, -1);
    this.visitQueuedAt = grow(this.visitQueuedAt, capacity, Number.NaN);
    this.visitAssignedAt = grow(this.visitAssignedAt, capacity, Number.NaN);
    this.visitAbandonedAt = grow(this.visitAbandonedAt, capacity, Number.NaN);
    this.visitNext = grow(this.visitNext, capacity, -1);
  }
}
