/**
 * The future-event list of a discrete-event simulation.
 *
 * A binary min-heap stored in parallel typed arrays (times, priorities,
 * insertion sequence numbers) plus one array of payloads. Entries are ordered
 * by `(time, priority, sequence)`: earlier time first, then lower priority
 * number, then earlier insertion. Because the sequence number is an insertion
 * counter, ties break identically on every run, which keeps simulations
 * reproducible.
 *
 * Storage grows by doubling and is reused after `clear()`, so scheduling and
 * popping allocate nothing in the steady state.
 */

const initialCapacity = 64;

/**
 * A min-heap of future events ordered by `(time, priority, insertion order)`.
 *
 * @typeParam T - the payload carried by each event.
 */
export class EventCalendar<T> {
  private times: Float64Array;
  private priorities: Int32Array;
  private sequences: Float64Array;
  private payloads: (T | undefined)[];
  private count = 0;
  private nextSequence = 0;
  private currentTime = 0;
  private currentPriority = 0;

  /**
   * Creates an empty calendar whose clock starts at 0.
   *
   * @param capacity - initial number of slots (storage doubles when exceeded).
   */
  constructor(capacity: number = initialCapacity) {
    const size = Math.max(1, Math.floor(capacity));
    this.times = new Float64Array(size);
    this.priorities = new Int32Array(size);
    this.sequences = new Float64Array(size);
    this.payloads = [];
    for (let index = 0; index < size; index++) this.payloads.push(undefined); // packed, not holey
  }

  /** The simulation clock: the time of the most recently popped event (0 initially). */
  get now(): number {
    return this.currentTime;
  }

  /** Priority of the entry most recently popped (callers may use it as the entry's kind). */
  get priority(): number {
    return this.currentPriority;
  }

  /** The number of pending events. */
  get size(): number {
    return this.count;
  }

  /** The time of the next event, or `Infinity` when the calendar is empty. */
  peekTime(): number {
    return this.count === 0 ? Infinity : (this.times[0] as number);
  }

  /** The priority of the next event, or `Infinity` when the calendar is empty. */
  peekPriority(): number {
    return this.count === 0 ? Infinity : (this.priorities[0] as number);
  }

  /** The payload of the next event without removing it, or `undefined` when empty. */
  peek(): T | undefined {
    return this.count === 0 ? undefined : this.payloads[0];
  }

  /**
   * Schedules `payload` to happen at `time`.
   *
   * @param time - absolute simulation time; must be finite and ≥ `now`.
   * @param priority - tie-breaker among events at the same time; lower runs
   *   first. Must be a 32-bit signed integer.
   * @param payload - the value returned by `pop()` for this event.
   * @throws RangeError if `time` is NaN, infinite or earlier than `now`, or if
   *   `priority` is not a 32-bit integer.
   */
  schedule(time: number, priority: number, payload: T): void {
    // `!(time >= now)` is also true for NaN.
    if (!(time >= this.currentTime) || time === Infinity) {
      throw new RangeError(
        `cannot schedule an event at time ${time}: it must be a finite number ≥ the current time ${this.currentTime}`,
      );
    }
    if ((priority | 0) !== priority) {
      throw new RangeError(`event priority must be a 32-bit integer (found ${priority})`);
    }
    if (this.count === this.times.length) this.grow();
    const sequence = this.nextSequence++;
    const times = this.times;
    const priorities = this.priorities;
    const sequences = this.sequences;
    const payloads = this.payloads;
    // Sift up: move parents down into the hole until the new entry fits.
    let hole = this.count++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const parentTime = times[parent] as number;
      if (
        parentTime < time ||
        (parentTime === time &&
          ((priorities[parent] as number) < priority ||
            ((priorities[parent] as number) === priority && (sequences[parent] as number) < sequence)))
      ) {
        break;
      }
      times[hole] = parentTime;
      priorities[hole] = priorities[parent] as number;
      sequences[hole] = sequences[parent] as number;
      payloads[hole] = payloads[parent];
      hole = parent;
    }
    times[hole] = time;
    priorities[hole] = priority;
    sequences[hole] = sequence;
    payloads[hole] = payload;
  }

  /**
   * Removes and returns the next event's payload, advancing `now` to its time.
   *
   * @returns the payload, or `undefined` if the calendar is empty (the clock
   *   is then left unchanged).
   */
  pop(): T | undefined {
    const count = this.count;
    if (count === 0) return undefined;
    const times = this.times;
    const priorities = this.priorities;
    const sequences = this.sequences;
    const payloads = this.payloads;
    const result = payloads[0];
    this.currentTime = times[0] as number;
    this.currentPriority = priorities[0] as number;
    const last = count - 1;
    this.count = last;
    if (last > 0) {
      // Sift the former last entry down from the root.
      const time = times[last] as number;
      const priority = priorities[last] as number;
      const sequence = sequences[last] as number;
      const payload = payloads[last];
      let hole = 0;
      for (;;) {
        let child = 2 * hole + 1;
        if (child >= last) break;
        const right = child + 1;
        if (right < last) {
          const leftTime = times[child] as number;
          const rightTime = times[right] as number;
          if (
            rightTime < leftTime ||
            (rightTime === leftTime &&
              ((priorities[right] as number) < (priorities[child] as number) ||
                ((priorities[right] as number) === (priorities[child] as number) &&
                  (sequences[right] as number) < (sequences[child] as number))))
          ) {
            child = right;
          }
        }
        const childTime = times[child] as number;
        if (
          time < childTime ||
          (time === childTime &&
            (priority < (priorities[child] as number) ||
              (priority === (priorities[child] as number) && sequence < (sequences[child] as number))))
        ) {
          break;
        }
        times[hole] = childTime;
        priorities[hole] = priorities[child] as number;
        sequences[hole] = sequences[child] as number;
        payloads[hole] = payloads[child];
        hole = child;
      }
      times[hole] = time;
      priorities[hole] = priority;
      sequences[hole] = sequence;
      payloads[hole] = payload;
    }
    payloads[last] = undefined; // release the reference for the garbage collector
    return result;
  }

  /**
   * Removes every pending event and resets the clock and the insertion
   * counter to 0, keeping the allocated storage for reuse.
   */
  clear(): void {
    this.payloads.fill(undefined, 0, this.count);
    this.count = 0;
    this.nextSequence = 0;
    this.currentTime = 0;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.times);
    this.times = times;
    const priorities = new Int32Array(capacity);
    priorities.set(this.priorities);
    this.priorities = priorities;
    const sequences = new Float64Array(capacity);
    sequences.set(this.sequences);
    this.sequences = sequences;
    const payloads = this.payloads;
    for (let index = payloads.length; index < capacity; index++) payloads.push(undefined);
  }
}
