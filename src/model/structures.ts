/**
 * The help desk's runtime state: tickets, agents, and each tier's queue and idle agents.
 * Every operation on the hot path is O(1) amortised: no scan of a queue per event.
 */

/** Where a ticket stands. (Plain constants: an enum object lookup per use shows in profiles.) */
export const TicketState = { Queued: 0, InService: 1, Done: 2, Abandoned: 3 } as const;
export type TicketState = (typeof TicketState)[keyof typeof TicketState];

/**
 * A ticket inside the simulation. Its random work content is drawn once, at creation.
 * Ticket objects are recycled (see `DeskSimulation.release`), so fields are reset by `init`.
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
  /** A patience timer for this ticket is still in the event calendar. */
  awaitingAbandonment = false;
  /**
   * Per tier of its escalation chain, three draws: base handle time (speed 1) at index 3k,
   * the uniform deciding whether that tier solves it at 3k + 1 (both from the work
   * stream), and the uniform deciding whether that resolution really fixes the problem at
   * 3k + 2 (from the truth stream, so truth settings never shift the work draws).
   */
  readonly work: number[];

  constructor(chainLength: number) {
    this.work = new Array<number>(3 * chainLength).fill(0);
  }

  init(id: number, createdAt: number, channel: number, category: number, complexity: number, priority: number, bucket: number): void {
    this.id = id;
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
    this.awaitingAbandonment = false;
  }
}

/** An agent. Belongs to one tier; on duty during its shifts. */
export class Agent {
  ticket: Ticket | null = null;
  onDuty = false;
  /** The shift has ended while busy: leave after the current ticket. */
  leaving = false;
  /** Links of the tier's idle list (intrusive, so removal is O(1)). */
  previousIdle: Agent | null = null;
  nextIdle: Agent | null = null;
  idle = false;

  constructor(
    readonly name: string,
    readonly tier: number,
  ) {}
}

/** A planned change of duty for one agent. */
export class ShiftChange {
  constructor(
    readonly agent: Agent,
    readonly starts: boolean,
  ) {}
}

/** A growable FIFO ring buffer. */
export class RingBuffer<T> {
  private items: (T | undefined)[];
  private head = 0;
  private count = 0;

  constructor(capacity = 64) {
    this.items = new Array<T | undefined>(capacity);
  }

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) % this.items.length] = item;
    this.count++;
  }

  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) % this.items.length;
    this.count--;
    return item;
  }

  private grow(): void {
    const next = new Array<T | undefined>(this.items.length * 2);
    for (let index = 0; index < this.count; index++) next[index] = this.items[(this.head + index) % this.items.length];
    this.items = next;
    this.head = 0;
  }
}

/**
 * A tier's queue: one FIFO per bucket (priority rank under the `priority` discipline, a
 * single bucket under `fifo`), served lowest bucket first. Abandoned tickets stay in their
 * FIFO and are skipped when reached, which keeps abandonment O(1).
 */
export class TicketQueue {
  private readonly buckets: RingBuffer<Ticket>[];
  /** Tickets really waiting (abandoned ones excluded). */
  waiting = 0;

  constructor(
    bucketCount: number,
    private readonly tier: number,
  ) {
    this.buckets = Array.from({ length: bucketCount }, () => new RingBuffer<Ticket>());
  }

  push(ticket: Ticket): void {
    this.buckets[ticket.bucket]!.push(ticket);
    this.waiting++;
  }

  /** A queued ticket left without service (abandonment). */
  forget(): void {
    this.waiting--;
  }

  /** Next ticket to serve, or undefined. */
  take(): Ticket | undefined {
    if (this.waiting === 0) return undefined;
    for (const bucket of this.buckets) {
      while (bucket.length > 0) {
        const ticket = bucket.shift()!;
        if (ticket.state === TicketState.Queued && ticket.tier === this.tier) {
          this.waiting--;
          return ticket;
        }
      }
    }
    return undefined;
  }
}

/** Idle agents of a tier, longest idle first; O(1) insertion, removal and take. */
export class IdleList {
  private head: Agent | null = null;
  private tail: Agent | null = null;
  size = 0;

  add(agent: Agent): void {
    agent.idle = true;
    agent.previousIdle = this.tail;
    agent.nextIdle = null;
    if (this.tail === null) this.head = agent;
    else this.tail.nextIdle = agent;
    this.tail = agent;
    this.size++;
  }

  remove(agent: Agent): void {
    if (!agent.idle) return;
    if (agent.previousIdle === null) this.head = agent.nextIdle;
    else agent.previousIdle.nextIdle = agent.nextIdle;
    if (agent.nextIdle === null) this.tail = agent.previousIdle;
    else agent.nextIdle.previousIdle = agent.previousIdle;
    agent.previousIdle = null;
    agent.nextIdle = null;
    agent.idle = false;
    this.size--;
  }

  take(): Agent | undefined {
    const agent = this.head;
    if (agent === null) return undefined;
    this.remove(agent);
    return agent;
  }
}
