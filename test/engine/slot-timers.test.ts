import { describe, expect, it } from 'vitest';
import { SlotTimers } from '../../src/engine/slot-timers.js';
import { createStream } from '../../src/engine/random.js';

describe('SlotTimers', () => {
  it('starts with no timer', () => {
    const timers = new SlotTimers(5);
    expect(timers.peekTime()).toBe(Infinity);
    expect(timers.pop()).toBe(-1);
    expect(new SlotTimers(0).peekTime()).toBe(Infinity);
  });

  it('matches a reference under random set / pop, ties going to the earlier set', () => {
    const rng = createStream(1, 0, 'slot-timers-test');
    for (const slots of [1, 2, 3, 10, 37]) {
      const timers = new SlotTimers(slots);
      // Reference: each slot's (time, order); the earliest by time, then order.
      const time = new Array<number>(slots).fill(Infinity);
      const order = new Array<number>(slots).fill(0);
      let counter = 0;
      let now = 0;
      let mismatches = 0;
      for (let step = 0; step < 20_000; step++) {
        if (rng() < 0.5) {
          const slot = Math.floor(rng() * slots);
          const at = now + Math.floor(rng() * 5); // coarse times: frequent ties
          timers.set(slot, at);
          time[slot] = at;
          order[slot] = counter++;
        } else {
          let best = -1;
          for (let slot = 0; slot < slots; slot++) {
            if (time[slot] === Infinity) continue;
            if (best < 0 || time[slot]! < time[best]! || (time[slot] === time[best] && order[slot]! < order[best]!))
              best = slot;
          }
          if (timers.peekTime() !== (best < 0 ? Infinity : time[best])) mismatches++;
          const popped = timers.pop();
          if (popped !== best) mismatches++;
          if (best >= 0) {
            now = time[best]!;
            time[best] = Infinity;
            // Usually the slot's entity starts again at once (the pop is settled by the set).
            if (rng() < 0.7) {
              const at = now + Math.floor(rng() * 5);
              timers.set(best, at);
              time[best] = at;
              order[best] = counter++;
            }
          }
        }
      }
      expect(mismatches).toBe(0);
    }
  });

  it('refuses non-finite times and unknown slots', () => {
    const timers = new SlotTimers(3);
    expect(() => timers.set(0, Number.NaN)).toThrow(RangeError);
    expect(() => timers.set(0, Infinity)).toThrow(RangeError);
    expect(() => timers.set(3, 1)).toThrow(RangeError);
    expect(() => timers.set(-1, 1)).toThrow(RangeError);
    timers.set(2, 4);
    expect(timers.timeOf(2)).toBe(4);
    expect(timers.pop()).toBe(2);
    expect(timers.timeOf(2)).toBe(Infinity);
  });
});
