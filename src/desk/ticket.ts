/**
 * A ticket inside the simulation, its states and the layout of its work content. Split from
 * structures.ts (the desk's queues and agent pool), which re-exports all of it.
 */

/** Where a ticket stands. (Plain constants: an enum object lookup per use shows in profiles.) */
export const TicketState = {
  Queued: 0,
  InService: 1,
  Resolved: 2,
  Done: 3,
  Abandoned: 4,
  AwaitingEngineering: 5,
  AwaitingCustomer: 6,
} as const;
export type TicketState = (typeof TicketState)[keyof typeof TicketState];

/** Draws per tier position in `Ticket.work`. */
export const WORK_STRIDE = 4;

/** The `work` of a ticket that holds none (resolved, closed or abandoned). */
export const NO_WORK: number[] = [];

/**
 * A ticket inside the simulation. Its random work content is drawn once, at creation.
 * Ticket objects are recycled (see `DeskState.release`), so fields are reset by `init`.
 */
export class Ticket {
  id = 0;
  createdAt = 0;
  channel = 0;
  category = 0;
  complexity = 0;
  priority = 0;
  /** Queue bucket under the tier's discipline. */
  bucket = 0;
  state: TicketState = TicketState.Queued;
  /** Index of the tier it is at (queued or in service). */
  tier = -1;
  /** Position in its escalation chain (0 = entry tier). */
  chainPosition = 0;
  /** A public reply has been sent. */
  replied = false;
  /** Customer id (the `customer` of its events). */
  customer = 0;
  /** Id of the first ticket about this ticket's issue: its own id, unless it is a repeat contact. */
  issue = 0;
  /** Times this ticket was reopened. */
  reopens = 0;
  /** Needs an engineering fix before it can be resolved (cleared once delivered). */
  needsEngineering = false;
  /** An agent has taken it at least once: the customer has stopped counting patience. */
  taken = false;
  /** Raised outside its channel's opening hours as a callback request: the customer waits without patience. */
  callback = false;
  /** It went through engineering: the defect is fixed, so no article about it will answer a future ticket. */
  engineered = false;
  /** The agent at the current tier has already asked the customer for information. */
  asked = false;
  /** Draws deciding whether an entry-tier agent consults the knowledge base, and whether it has the answer. */
  consultDraw = 1;
  hitDraw = 1;
  /** The current session found the answer in the knowledge base. */
  knowledgeHit = false;
  /** When the current resolution closes the ticket unless it is reopened (NaN if none). */
  closeDue = Number.NaN;
  /** Calendar entries still pointing at this ticket (patience and return timers). */
  pendingTimers = 0;
  /** The customer's experience so far (see `satisfaction.ts`): contacts about this issue, */
  contacts = 1;
  /** escalations, information requests, generic replies, */
  handoffs = 0;
  exchanges = 0;
  genericReplies = 0;
  /** when the first reply came (NaN: none yet), when the customer last got in touch, */
  firstReplyAt = Number.NaN;
  contactAt = 0;
  /** and whether they searched the knowledge base in vain before opening the ticket. */
  searchedFirst = false;
  /** Chases by the customer while the ticket waited in queues (`mechanisms/aging.ts`), and when the next is due. */
  chases = 0;
  chaseDue = Number.NaN;
  /** Times the customer had to repeat themselves after a handoff lost the context (mechanisms/handoffs.ts). */
  repeats = 0;
  /** Extra minutes (at speed 1) the next session spends hearing the customer out again; 0 once taken. */
  retell = 0;
  /** The tier index that escalated it to the tier it is at, while that tier may still hand it back; else -1. */
  escalatedFrom = -1;
  /** Gaming marks on the current work session (`Session` in gaming.ts); 0 = an ordinary session. */
  session = 0;
  /**
   * Place in a selective queue (selective-queue.ts): order key, lane (−1 when not in one) and
   * slot in the lane's heap.
   */
  queueSequence = 0;
  queueLane = -1;
  queueSlot = -1;
  /**
   * Per tier of its escalation chain, four draws (stride `WORK_STRIDE`): base handle time
   * (speed 1) at 4k and the uniform deciding whether that tier solves it at 4k + 1 (work
   * stream); whether that resolution really fixes the problem at 4k + 2 (truth stream);
   * whether the agent needs information from the customer at 4k + 3 (info stream). Own
   * streams, so no setting shifts another's draws.
   */
  work: number[] = NO_WORK;

  // Named reads and writes of the current tier's draws in `work`: domain code never spells an offset.

  /** Base handle time (speed 1) of a session at the current tier. */
  handleDraw(): number {
    return this.work[WORK_STRIDE * this.chainPosition]!;
  }

  setHandleDraw(minutes: number): void {
    this.work[WORK_STRIDE * this.chainPosition] = minutes;
  }

  /** The uniform that decides whether the current tier solves it (below the skill: solved). */
  solveDraw(): number {
    return this.work[WORK_STRIDE * this.chainPosition + 1]!;
  }

  setSolveDraw(draw: number): void {
    this.work[WORK_STRIDE * this.chainPosition + 1] = draw;
  }

  /** The uniform that decides whether the current tier's resolution really fixes the problem. */
  fixDraw(): number {
    return this.work[WORK_STRIDE * this.chainPosition + 2]!;
  }

  /** The uniform that decides whether the current tier's agent needs information from the customer. */
  infoDraw(): number {
    return this.work[WORK_STRIDE * this.chainPosition + 3]!;
  }

  setInfoDraw(draw: number): void {
    this.work[WORK_STRIDE * this.chainPosition + 3] = draw;
  }

  init(
    id: number,
    createdAt: number,
    channel: number,
    category: number,
    complexity: number,
    priority: number,
    bucket: number,
    customer: number,
  ): void {
    this.id = id;
    this.issue = id;
    this.customer = customer;
    this.createdAt = createdAt;
    this.channel = channel;
    this.category = category;
    this.complexity = complexity;
    this.priority = priority;
    this.bucket = bucket;
    this.state = TicketState.Queued;
    this.tier = -1;
    this.chainPosition = 0;
    this.replied = false;
    this.reopens = 0;
    this.needsEngineering = false;
    this.taken = false;
    this.callback = false;
    this.engineered = false;
    this.asked = false;
    this.knowledgeHit = false;
    this.closeDue = Number.NaN;
    this.pendingTimers = 0;
    this.contacts = 1;
    this.handoffs = 0;
    this.exchanges = 0;
    this.genericReplies = 0;
    this.firstReplyAt = Number.NaN;
    this.contactAt = createdAt;
    this.searchedFirst = false;
    this.chases = 0;
    this.chaseDue = Number.NaN;
    this.repeats = 0;
    this.retell = 0;
    this.escalatedFrom = -1;
    this.session = 0;
    this.queueLane = -1;
  }
}
