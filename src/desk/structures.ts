/**
 * The help desk's runtime state: agents, each tier's queue and idle agents, the close queue;
 * the ticket itself is in ticket.ts (re-exported here). Every operation on the hot path is
 * O(1) amortised: no scan of a queue per event.
 */

import type { Rng } from '../engine/index.js';
import { type Ticket, TicketState } from './ticket.js';

export { NO_WORK, Ticket, TicketState, WORK_STRIDE } from './ticket.js';

/**
 * A seat of a tier and the person in it. The seat keeps its shifts; the person has a name,
 * a proficiency, a hire date and a rolling utilization, and is replaced after leaving.
 * On duty exactly while scheduled, employed and present (see `Workforce.syncDuty`).
 */
export class Agent {
  /** The seat's index among all seats (its timer in `DeskState.workDone`). */
  slot = -1;
  ticket: Ticket | null = null;
  onDuty = false;
  /** Went off duty while busy: leave after the current ticket, with this `kind`. */
  leaving = false;
  leaveKind: string | undefined = undefined;
  /** Inside one of the seat's shifts. */
  scheduled = false;
  /** Absent (shrinkage); paid when scheduled, so `paidAbsence` records it. */
  absent = false;
  paidAbsence = false;
  /** A person holds the seat (false between a departure and the replacement's first day). */
  employed = true;
  /** People who have held the seat. */
  hires = 1;
  /** The person's name (the seat's name for its first holder). */
  name: string;
  /** Speed multiplier of this person. */
  proficiency = 1;
  /** Minute the person's ramp starts: the first day, or the end of training (−Infinity: fully ramped). */
  hiredAt = Number.NEGATIVE_INFINITY;
  /** A new hire in training until this minute: paid on shift, off the queue (`mechanisms/training.ts`). */
  trainingUntil = Number.NEGATIVE_INFINITY;
  /** Minute the empty seat's replacement is due (NaN: none due); tells a hire from a training's end. */
  hireDue = Number.NaN;
  /** Exponentially weighted busy share of on-duty time, as of `observedAt`. */
  utilization = 0;
  observedAt = 0;
  /** Working an overtime stint past the end of a shift (`mechanisms/overtime.ts`). */
  overtime = false;
  /** Overtime minutes granted in week `overtimeWeek` (7-day blocks from minute 0). */
  overtimeUsed = 0;
  overtimeWeek = -1;
  /** Links of the tier's idle list (intrusive, so removal is O(1)). */
  previousIdle: Agent | null = null;
  nextIdle: Agent | null = null;
  idle = false;

  /**
   * The seat's own random streams (absence, leaving, hiring delay, the holder's
   * proficiency): adding or removing a seat shifts no other seat's draws.
   */
  absenceRandom: Rng = Math.random;
  attritionRandom: Rng = Math.random;
  hiringRandom: Rng = Math.random;
  proficiencyRandom: Rng = Math.random;

  constructor(
    readonly seat: string,
    readonly tier: number,
  ) {
    this.name = seat;
  }
}

/** A planned change of duty for one agent. */
export class ShiftChange {
  constructor(
    readonly agent: Agent,
    readonly starts: boolean,
    /** The end of an overtime stint (`mechanisms/overtime.ts`), not of a planned shift. */
    readonly overtime = false,
  ) {}
}

/** A growable FIFO ring buffer; capacity is a power of two so indices wrap with a mask. */
export class RingBuffer<T> {
  private items: (T | undefined)[];
  private mask: number;
  private head = 0;
  private count = 0;

  constructor(capacity = 64) {
    const size = 1 << Math.ceil(Math.log2(Math.max(2, capacity)));
    this.items = new Array<T | undefined>(size).fill(undefined);
    this.mask = size - 1;
  }

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) & this.mask] = item;
    this.count++;
  }

  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.count--;
    return item;
  }

  private grow(): void {
    const next = new Array<T | undefined>(this.items.length * 2).fill(undefined);
    for (let index = 0; index < this.count; index++) next[index] = this.items[(this.head + index) & this.mask];
    this.items = next;
    this.mask = next.length - 1;
    this.head = 0;
  }
}

/** What the simulation needs of a tier's queue: `TicketQueue`, or a gaming desk's `SelectiveQueue`. */
export interface TierQueue {
  /** Tickets really waiting. */
  readonly waiting: number;
  push(ticket: Ticket): void;
  /** A queued ticket left without service (abandonment). */
  forget(ticket: Ticket): void;
  /** Next ticket to serve under the discipline, or undefined. */
  take(): Ticket | undefined;
}

/**
 * A tier's queue: one FIFO per bucket (priority rank under the `priority` discipline, a
 * single bucket under `fifo`), served lowest bucket first. Abandoned tickets stay in their
 * FIFO and are skipped when reached, which keeps abandonment O(1).
 */
export class TicketQueue implements TierQueue {
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
    const buckets = this.buckets;
    // An index loop: V8 does not always inline the array iterator of a for-of here.
    for (let index = 0; index < buckets.length; index++) {
      const bucket = buckets[index]!;
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

/**
 * Resolved tickets waiting to close, in due order. Every resolution closes after the same
 * window, so due times arrive in order and a FIFO suffices; the event loop merges its head
 * with the calendar's, so closing costs no calendar entries. Only a ticket that may still
 * be reopened (its customer will come back) keeps its object here; the others are kept as
 * an id, and their objects are recycled at once instead of going cold for days.
 *
 * One ring: four numbers an entry (due time, ticket id, satisfied probability, effort) in
 * a Float64Array beside the kept objects, so a push or a shift updates one head and one
 * count (it was three rings, each with its own).
 */
export class CloseQueue {
  private values = new Float64Array(4 * 64);
  private tickets: (Ticket | null)[] = new Array<Ticket | null>(64).fill(null);
  /** Capacity − 1 (capacity is a power of two). */
  private mask = 63;
  private head = 0;
  private count = 0;
  /** Satisfied probability and effort of the entry last shifted (see `satisfaction.ts`). */
  probability = 0;
  effort = 0;
  /** The object of the entry last shifted, if it was kept (a reopenable ticket). */
  ticket: Ticket | null = null;

  get length(): number {
    return this.count;
  }

  /**
   * Queues a close; `reopenable` is the ticket if it may be reopened before, else null;
   * `probability` and `effort` describe the customer's experience (see `satisfaction.ts`).
   */
  push(id: number, due: number, reopenable: Ticket | null, probability: number, effort: number): void {
    if (this.count > this.mask) this.grow();
    const slot = (this.head + this.count) & this.mask;
    const values = this.values;
    values[4 * slot] = due;
    values[4 * slot + 1] = id;
    values[4 * slot + 2] = probability;
    values[4 * slot + 3] = effort;
    this.tickets[slot] = reopenable;
    this.count++;
  }

  /** Due time of the head (Infinity when empty). */
  headDue(): number {
    return this.count === 0 ? Number.POSITIVE_INFINITY : this.values[4 * this.head]!;
  }

  /**
   * Removes the head. Returns the id to close, or -1 when the entry is stale (the ticket
   * was reopened, or resolved again, since); `ticket` is then the kept object, if any.
   */
  shift(): number {
    const head = this.head;
    const values = this.values;
    const due = values[4 * head]!;
    const id = values[4 * head + 1]!;
    this.probability = values[4 * head + 2]!;
    this.effort = values[4 * head + 3]!;
    const ticket = this.tickets[head]!;
    this.tickets[head] = null;
    this.ticket = ticket;
    this.head = (head + 1) & this.mask;
    this.count--;
    if (ticket !== null && !(ticket.id === id && ticket.state === TicketState.Resolved && ticket.closeDue === due))
      return -1;
    return id;
  }

  private grow(): void {
    const capacity = this.mask + 1;
    const values = new Float64Array(8 * capacity);
    const tickets = new Array<Ticket | null>(2 * capacity).fill(null);
    for (let index = 0; index < this.count; index++) {
      const slot = (this.head + index) & this.mask;
      for (let field = 0; field < 4; field++) values[4 * index + field] = this.values[4 * slot + field]!;
      tickets[index] = this.tickets[slot]!;
    }
    this.values = values;
    this.tickets = tickets;
    this.mask = 2 * capacity - 1;
    this.head = 0;
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
