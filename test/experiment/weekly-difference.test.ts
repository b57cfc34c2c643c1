/** Week-by-week paired differences of a daily series (claim 5, docs/claims.md), by hand. */
import { describe, expect, it } from 'vitest';
import type { ReplicationOutcome } from '../../src/experiment/replication.js';
import { weeklyDifferences } from '../../src/experiment/weekly-difference.js';

/** An outcome with only a daily series of `backlog` values, one a day. */
function outcome(replication: number, backlog: number[]): ReplicationOutcome {
  return {
    replication,
    daily: { columns: ['day', 'backlog'], rows: backlog.map((value, day) => [day + 1, value]) },
  } as unknown as ReplicationOutcome;
}

describe('weeklyDifferences', () => {
  it('averages each week and pairs the replications', () => {
    // Week 1: reference 10 a day in both replications, other 7 and 9 ⇒ differences −3 and −1, mean −2.
    // Week 2 (3 days): reference 10, other 12 and 12 ⇒ +2 in both, interval [2, 2].
    const reference = [outcome(1, Array(10).fill(10)), outcome(2, Array(10).fill(10))];
    const other = [outcome(1, [...Array(7).fill(7), 12, 12, 12]), outcome(2, [...Array(7).fill(9), 12, 12, 12])];
    const weeks = weeklyDifferences(reference, other, 'backlog', 'tickets');
    expect(weeks.map((week) => week.week)).toEqual([1, 2]);
    expect(weeks[0]!.difference).toBeCloseTo(-2, 9);
    expect(weeks[0]!.n).toBe(2);
    expect(weeks[1]!.difference).toBeCloseTo(2, 9);
    expect(weeks[1]!.ci95).toEqual([2, 2]);
    expect(weeks[1]!.unit).toBe('tickets');
  });

  it('names a missing column and a run without daily series', () => {
    const reference = [outcome(1, [1])];
    expect(() => weeklyDifferences(reference, reference, 'resolved')).toThrow(/no daily column "resolved"/);
    expect(() => weeklyDifferences([{ replication: 1 } as ReplicationOutcome], reference, 'backlog')).toThrow(
      /needs runs made with detail/,
    );
  });
});
