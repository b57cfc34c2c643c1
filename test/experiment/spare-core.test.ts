/** When a batch leaves a core free for other work (the chart renderer): `spareCoreWatch`. */
import { describe, expect, it } from 'vitest';
import { spareCoreWatch } from '../../src/experiment/batch.js';

/** The `done` counts (0 = before any replication ends) at which the watch fires. */
function firedAt(threads: number, total: number, cores: number): number[] {
  const fired: number[] = [];
  let done = 0;
  const check = spareCoreWatch(threads, total, cores, () => fired.push(done));
  for (; done <= total; done++) check(done);
  return fired;
}

describe('spareCoreWatch', () => {
  it('never fires for a batch on one thread: the core it leaves free stays free', () => {
    expect(firedAt(1, 4, 2)).toEqual([]);
    expect(firedAt(2, 1, 2)).toEqual([]); // one replication: one thread busy
    expect(firedAt(1, 3, 1)).toEqual([]);
    expect(firedAt(4, 10, 1)).toEqual([]); // one core
  });

  it('fires when a thread finds no replication left, once', () => {
    // Two threads, four replications: after the third ends, only the fourth is running.
    expect(firedAt(2, 4, 2)).toEqual([3]);
    expect(firedAt(4, 10, 2)).toEqual([9]);
    expect(firedAt(2, 2, 2)).toEqual([1]);
    expect(firedAt(2, 4, 4)).toEqual([3]); // two threads on four cores: when one idles
    expect(firedAt(3, 6, 2)).toEqual([5]); // more threads than cores: when a core idles
  });

  it('does nothing without a callback', () => {
    expect(() => spareCoreWatch(1, 1, 2, undefined)(0)).not.toThrow();
  });
});
