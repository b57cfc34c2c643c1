import { describe, expect, it } from 'vitest';
import { erlangC } from '../../src/theory/erlang-c.js';
import { littleArrivalRate, littleL, littleW } from '../../src/theory/little.js';

describe("Little's law", () => {
  it('L = λW and its inverses', () => {
    // λ = 0.5/min, W = 8 min ⇒ L = 4; W = L/λ = 8; λ = L/W = 0.5.
    expect(littleL(0.5, 8)).toBe(4);
    expect(littleW(0.5, 4)).toBe(8);
    expect(littleArrivalRate(4, 8)).toBe(0.5);
  });

  it('is consistent with the M/M/c measures', () => {
    const result = erlangC({ servers: 2, arrivalRate: 1.5, serviceRate: 1 });
    expect(littleL(1.5, result.meanWait)).toBeCloseTo(result.meanQueueLength, 13);
    expect(littleL(1.5, result.meanResponse)).toBeCloseTo(result.meanInSystem, 13);
  });

  it('rejects bad inputs', () => {
    expect(() => littleL(-1, 2)).toThrow(RangeError);
    expect(() => littleL(1, Number.NaN)).toThrow(RangeError);
    expect(() => littleW(0, 2)).toThrow(RangeError);
    expect(() => littleArrivalRate(2, 0)).toThrow(RangeError);
  });
});
