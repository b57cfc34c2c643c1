/**
 * A tier's queue for a desk whose agents choose: besides the next ticket in line, it finds
 * the easiest waiting ticket (cherry-picking), the oldest ticket nobody has answered yet
 * (generic acknowledgements, responsiveness), and it puts a ticket back in the place it
 * held (acknowledged tickets, tickets paused on the customer). No operation scans the
 * queue: tickets sit in lanes, one per (priority bucket, answered state, complexity), each
 * a binary heap on the order of entry, so every operation costs O(lanes + log n).
 *
 * Under no choice at all it serves exactly like `TicketQueue`: lowest bucket first, first
 * come first served within a bucket. Desks without a choosing behaviour keep `TicketQueue`.
 */
import type { Ticket, TierQueue } from './structures.js';

/**
 * Answered state of a waiting ticket: has had a public reply; nobody has answered an email-like
 * one; a live one (reply on pickup).
 */
const ANSWERED = 0;
const UNANSWERED = 1;
const UNANSWERED_LIVE = 2;
const STATES = 3;

export class SelectiveQueue implements TierQueue {
  /** Lane index = (bucket × STATES + state) × complexities + complexity. */
  private readonly lanes: Ticket[][];
  private readonly waitingByBucket: Int32Array;
  private unansweredCount = 0;
  private unansweredLiveCount = 0;
  private nextSequence = 0;
  waiting = 0;

  /**
   * @param bucketCount priority buckets of the discipline (1 under fifo)
   * @param complexities number of complexity levels
   * @param easiestFirst complexity indices from the easiest (lowest mean handle time) to the hardest
   * @param live per channel index: the first reply goes out on pickup (chat, phone)
   */
  constructor(
    private readonly bucketCount: number,
    private readonly complexities: number,
    private readonly easiestFirst: readonly number[],
    private readonly live: readonly boolean[],
  ) {
    this.lanes = Array.from({ length: bucketCount * STATES * complexities }, () => []);
    this.waitingByBucket = new Int32Array(bucketCount);
  }

  /** A ticket joins the end of the line. */
  push(ticket: Ticket): void {
    ticket.queueSequence = this.nextSequence++;
    this.insert(ticket);
  }

  /** Gives a ticket its place in line now, without entering it (it joins later with `restore`). */
  reserve(ticket: Ticket): void {
    ticket.queueSequence = this.nextSequence++;
  }

  /** A ticket comes back to the place it held (its sequence from `push` or `reserve`). */
  restore(ticket: Ticket): void {
    this.insert(ticket);
  }

  forget(ticket: Ticket): void {
    if (ticket.queueLane >= 0) this.remove(ticket);
  }

  /** The next ticket in line: lowest bucket, then first come. */
  take(): Ticket | undefined {
    for (let bucket = 0; bucket < this.bucketCount; bucket++) {
      if (this.waitingByBucket[bucket] === 0) continue;
      return this.takeFirst(bucket * STATES * this.complexities, STATES * this.complexities, 1);
    }
    return undefined;
  }

  /** The easiest waiting ticket: lowest complexity by mean handle time, then lowest bucket, then first come. */
  takeEasiest(): Ticket | undefined {
    if (this.waiting === 0) return undefined;
    for (const complexity of this.easiestFirst) {
      for (let bucket = 0; bucket < this.bucketCount; bucket++) {
        if (this.waitingByBucket[bucket] === 0) continue;
        const ticket = this.takeFirst(bucket * STATES * this.complexities + complexity, STATES, this.complexities);
        if (ticket !== undefined) return ticket;
      }
    }
    return undefined;
  }

  /** Some waiting ticket has had no reply: an email-like one, or (with `live`) any. */
  hasUnanswered(live: boolean): boolean {
    return this.unansweredCount > 0 || (live && this.unansweredLiveCount > 0);
  }

  /** The next ticket in line among those without a reply (email-like ones, or with `live` any). */
  takeUnanswered(live: boolean): Ticket | undefined {
    if (!this.hasUnanswered(live)) return undefined;
    const states = live ? 2 : 1;
    for (let bucket = 0; bucket < this.bucketCount; bucket++) {
      if (this.waitingByBucket[bucket] === 0) continue;
      const ticket = this.takeFirst((bucket * STATES + UNANSWERED) * this.complexities, states * this.complexities, 1);
      if (ticket !== undefined) return ticket;
    }
    return undefined;
  }

  /** Removes and returns the earliest ticket over `count` lanes from `first`, `stride` apart. */
  private takeFirst(first: number, count: number, stride: number): Ticket | undefined {
    let best: Ticket | undefined;
    for (let index = 0, lane = first; index < count; index++, lane += stride) {
      const head = this.lanes[lane]![0];
      if (head !== undefined && (best === undefined || head.queueSequence < best.queueSequence)) best = head;
    }
    if (best !== undefined) this.remove(best);
    return best;
  }

  private stateOf(ticket: Ticket): number {
    if (ticket.replied) return ANSWERED;
    return this.live[ticket.channel] ? UNANSWERED_LIVE : UNANSWERED;
  }

  private insert(ticket: Ticket): void {
    const state = this.stateOf(ticket);
    const lane = (ticket.bucket * STATES + state) * this.complexities + ticket.complexity;
    const heap = this.lanes[lane]!;
    ticket.queueLane = lane;
    ticket.queueSlot = heap.length;
    heap.push(ticket);
    this.siftUp(heap, ticket.queueSlot);
    this.count(ticket, state, 1);
  }

  private remove(ticket: Ticket): void {
    const heap = this.lanes[ticket.queueLane]!;
    const slot = ticket.queueSlot;
    const last = heap.pop()!;
    if (last !== ticket) {
      heap[slot] = last;
      last.queueSlot = slot;
      this.siftDown(heap, slot);
      this.siftUp(heap, last.queueSlot);
    }
    const state = Math.floor(ticket.queueLane / this.complexities) % STATES;
    ticket.queueLane = -1;
    ticket.queueSlot = -1;
    this.count(ticket, state, -1);
  }

  private count(ticket: Ticket, state: number, change: number): void {
    this.waiting += change;
    this.waitingByBucket[ticket.bucket]! += change;
    if (state === UNANSWERED) this.unansweredCount += change;
    else if (state === UNANSWERED_LIVE) this.unansweredLiveCount += change;
  }

  private siftUp(heap: Ticket[], slot: number): void {
    const ticket = heap[slot]!;
    while (slot > 0) {
      const parentSlot = (slot - 1) >> 1;
      const parent = heap[parentSlot]!;
      if (parent.queueSequence <= ticket.queueSequence) break;
      heap[slot] = parent;
      parent.queueSlot = slot;
      slot = parentSlot;
    }
    heap[slot] = ticket;
    ticket.queueSlot = slot;
  }

  private siftDown(heap: Ticket[], slot: number): void {
    const ticket = heap[slot]!;
    const size = heap.length;
    for (;;) {
      let child = 2 * slot + 1;
      if (child >= size) break;
      if (child + 1 < size && heap[child + 1]!.queueSequence < heap[child]!.queueSequence) child++;
      const smaller = heap[child]!;
      if (smaller.queueSequence >= ticket.queueSequence) break;
      heap[slot] = smaller;
      smaller.queueSlot = slot;
      slot = child;
    }
    heap[slot] = ticket;
    ticket.queueSlot = slot;
  }
}
