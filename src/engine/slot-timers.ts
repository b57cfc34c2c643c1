/**
 * One timer per slot — a server, an agent, any entity with at most one pending event of a
 * kind — and the earliest pending one in O(1).
 *
 * A fixed set of slots lets the structure be a winner tree (a tournament) over the slots'
 * times instead of a heap of entries: changing a slot's timer replays the matches on the
 * way from its leaf to the root, comparing numbers in typed arrays and moving nothing. An
 * event calendar pays a sift down to pop such an event and a sift up to schedule the next
 * one, moving every entry it passes; here the pop marks the slot and the next `set` of the
 * same slot (a server starting its next job) replays its path once.
 *
 * Ties break by when the timers were set, earlier first, like a calendar's insertion order.
 */
export class SlotTimers {
  /** Due time of each slot's timer; Infinity when it has none. */
  private readonly times: Float64Array;
  /** When each timer was set (a counter), for ties. */
  private readonly orders: Float64Array;
  /** Winner tree: node k (1 = root) holds the slot with the earliest timer below it; leaf of slot s at `leaves + s`. */
  private readonly tree: Int32Array;
  private readonly leaves: number;
  private nextOrder = 0;
  /** A slot popped and not set since: its path is replayed at the next look at the earliest timer. */
  private stale = -1;

  /**
   * @param slots - the number of slots (0, 1, …, slots − 1), all without a timer.
   */
  constructor(readonly slots: number) {
    let leaves = 1;
    while (leaves < slots) leaves *= 2;
    this.leaves = leaves;
    this.times = new Float64Array(leaves).fill(Number.POSITIVE_INFINITY);
    this.orders = new Float64Array(leaves);
    this.tree = new Int32Array(2 * leaves);
    for (let slot = 0; slot < leaves; slot++) this.tree[leaves + slot] = slot;
    for (let node = leaves - 1; node >= 1; node--) this.tree[node] = this.tree[2 * node]!;
  }

  /** Due time of the earliest timer, or Infinity when no slot has one. */
  peekTime(): number {
    if (this.stale >= 0) this.settle();
    return this.times[this.tree[1]!]!;
  }

  /** Due time of a slot's timer (Infinity: none). */
  timeOf(slot: number): number {
    return this.times[slot]!;
  }

  /**
   * Sets a slot's timer (replacing any it had).
   *
   * @throws RangeError if `time` is NaN or infinite, or the slot does not exist.
   */
  set(slot: number, time: number): void {
    if (!(time > Number.NEGATIVE_INFINITY && time < Number.POSITIVE_INFINITY)) this.rejectTime(time);
    if (!(slot >= 0 && slot < this.slots)) this.rejectSlot(slot);
    this.times[slot] = time;
    this.orders[slot] = this.nextOrder++;
    if (this.stale === slot) this.stale = -1;
    else if (this.stale >= 0) this.settle();
    this.replay(slot);
  }

  /**
   * Removes the earliest timer and returns its slot (-1 when there is none). The tree is
   * brought up to date lazily, so setting the same slot again at once costs one replay.
   */
  pop(): number {
    if (this.stale >= 0) this.settle();
    const slot = this.tree[1]!;
    if (this.times[slot] === Number.POSITIVE_INFINITY) return -1;
    this.times[slot] = Number.POSITIVE_INFINITY;
    this.stale = slot;
    return slot;
  }

  private settle(): void {
    const slot = this.stale;
    this.stale = -1;
    this.replay(slot);
  }

  /**
   * Replays the matches from a slot's leaf to the root: at each level the winner so far meets
   * the winner of the sibling subtree (unchanged by this replay), one tree read and one time
   * read a level instead of reading both children. A tie on both time and order happens only
   * between slots at Infinity, where which one goes up changes nothing (none is ever popped).
   */
  private replay(slot: number): void {
    const times = this.times;
    const orders = this.orders;
    const tree = this.tree;
    let winner = slot;
    let winnerTime = times[slot]!;
    for (let node = this.leaves + slot; node > 1; node >>= 1) {
      const rival = tree[node ^ 1]!;
      const rivalTime = times[rival]!;
      // A later rival (about half the matches) is ruled out by the first test alone.
      if (rivalTime <= winnerTime && (rivalTime < winnerTime || orders[rival]! < orders[winner]!)) {
        winner = rival;
        winnerTime = rivalTime;
      }
      tree[node >> 1] = winner;
    }
  }

  private rejectTime(time: number): never {
    throw new RangeError(`a timer must be set to a finite time (found ${time})`);
  }

  private rejectSlot(slot: number): never {
    throw new RangeError(`no timer slot ${slot} (there are ${this.slots})`);
  }
}
