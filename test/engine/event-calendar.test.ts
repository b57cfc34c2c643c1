import { describe, expect, it } from 'vitest';
import { EventCalendar } from '../../src/engine/event-calendar.js';
import { createStream } from '../../src/engine/random.js';

interface Entry {
  time: number;
  priority: number;
  sequence: number;
}

describe('EventCalendar', () => {
  it('starts empty', () => {
    const calendar = new EventCalendar<string>();
    expect(calendar.size).toBe(0);
    expect(calendar.now).toBe(0);
    expect(calendar.peekTime()).toBe(Infinity);
    expect(calendar.pop()).toBeUndefined();
    expect(calendar.now).toBe(0);
  });

  it('matches a sorted reference under random interleaved schedule/pop', () => {
    const rng = createStream(1, 0, 'calendar-test');
    const calendar = new EventCalendar<Entry>(2); // small, to exercise growth
    const reference: Entry[] = [];
    let sequence = 0;
    let mismatches = 0;
    const compare = (a: Entry, b: Entry) => a.time - b.time || a.priority - b.priority || a.sequence - b.sequence;
    for (let step = 0; step < 20_000; step++) {
      if (rng() < 0.55 || reference.length === 0) {
        // Coarse times and few priorities so ties are frequent.
        const time = calendar.now + Math.floor(rng() * 20);
        const priority = Math.floor(rng() * 3) - 1;
        const entry = { time, priority, sequence: sequence++ };
        calendar.schedule(time, priority, entry);
        // Insert after every entry that sorts before it (the reference stays sorted).
        let low = 0;
        let high = reference.length;
        while (low < high) {
          const middle = (low + high) >> 1;
          if (compare(reference[middle] as Entry, entry) < 0) low = middle + 1;
          else high = middle;
        }
        reference.splice(low, 0, entry);
      } else {
        const expected = reference.shift();
        const peeked = calendar.peekTime();
        const popped = calendar.pop();
        if (peeked !== expected?.time || popped !== expected || calendar.now !== expected?.time) mismatches++;
      }
      if (calendar.size !== reference.length) mismatches++;
    }
    expect(mismatches).toBe(0);
    for (const expected of reference) expect(calendar.pop()).toBe(expected);
    expect(calendar.size).toBe(0);
  });

  it('breaks ties by priority, then insertion order', () => {
    const calendar = new EventCalendar<string>();
    calendar.schedule(5, 2, 'c1');
    calendar.schedule(5, 1, 'b1');
    calendar.schedule(5, 2, 'c2');
    calendar.schedule(3, 9, 'a');
    calendar.schedule(5, 1, 'b2');
    calendar.schedule(5, -4, 'first-at-5');
    calendar.schedule(5, 2, 'c3');
    const order: (string | undefined)[] = [];
    while (calendar.size > 0) order.push(calendar.pop());
    expect(order).toEqual(['a', 'first-at-5', 'b1', 'b2', 'c1', 'c2', 'c3']);
  });

  it('advances now on pop and refuses to schedule into the past', () => {
    const calendar = new EventCalendar<number>();
    calendar.schedule(10, 0, 1);
    calendar.schedule(4, 0, 2);
    expect(calendar.pop()).toBe(2);
    expect(calendar.now).toBe(4);
    expect(() => calendar.schedule(3.999, 0, 3)).toThrow(RangeError);
    expect(() => calendar.schedule(Number.NaN, 0, 3)).toThrow(RangeError);
    expect(() => calendar.schedule(Infinity, 0, 3)).toThrow(RangeError);
    expect(() => calendar.schedule(5, 0.5, 3)).toThrow(RangeError);
    expect(() => calendar.schedule(5, 2 ** 20 + 1, 3)).toThrow(RangeError);
    expect(() => calendar.schedule(5, -(2 ** 20) - 1, 3)).toThrow(RangeError);
    calendar.schedule(4, 0, 4); // scheduling at now is allowed
    expect(calendar.pop()).toBe(4);
    expect(calendar.pop()).toBe(1);
    expect(calendar.now).toBe(10);
  });

  it('clear() empties the calendar and resets the clock', () => {
    const calendar = new EventCalendar<number>();
    for (let index = 0; index < 100; index++) calendar.schedule(index, 0, index);
    calendar.pop();
    calendar.clear();
    expect(calendar.size).toBe(0);
    expect(calendar.now).toBe(0);
    expect(calendar.peekTime()).toBe(Infinity);
    calendar.schedule(1, 0, 7);
    expect(calendar.peek()).toBe(7);
    expect(calendar.pop()).toBe(7);
  });
});

describe('insertion counter', () => {
  it('restarts at 2³² without changing the order of pending ties', () => {
    const calendar = new EventCalendar<string>();
    calendar.schedule(1, 2, 'b1');
    calendar.schedule(1, -3, 'a1');
    calendar.schedule(1, 2, 'b2');
    (calendar as unknown as { nextSequence: number }).nextSequence = 2 ** 32 - 1;
    calendar.schedule(1, 2, 'b3'); // the last sequence before the restart
    calendar.schedule(1, -3, 'a2'); // renumbered: pending entries get 0…3, this one 4
    calendar.schedule(1, 2, 'b4');
    expect((calendar as unknown as { nextSequence: number }).nextSequence).toBe(6);
    const order: (string | undefined)[] = [];
    const priorities: number[] = [];
    while (calendar.size > 0) {
      order.push(calendar.pop());
      priorities.push(calendar.priority);
    }
    expect(order).toEqual(['a1', 'a2', 'b1', 'b2', 'b3', 'b4']);
    expect(priorities).toEqual([-3, -3, 2, 2, 2, 2]);
  });
});

describe('popped priority', () => {
  it('reports the priority of the entry just popped', () => {
    const calendar = new EventCalendar<string>();
    calendar.schedule(2, 3, 'late');
    calendar.schedule(1, 7, 'early');
    expect(calendar.pop()).toBe('early');
    expect(calendar.priority).toBe(7);
    expect(calendar.pop()).toBe('late');
    expect(calendar.priority).toBe(3);
  });
});
