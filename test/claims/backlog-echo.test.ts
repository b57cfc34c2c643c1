/**
 * Claim 5: a backlog cut by closure pressure returns as volume later.
 * Mechanism: pressure on backlog_mean drives premature closes (gaming/premature-close);
 * customers whose problem was closed unfixed come back (customers.return_when_not_fixed,
 * after return_delay) as reopens and new tickets. With return_when_not_fixed at 0 the volume
 * does not rise: the last test pins that.
 */
import { describe, expect, it } from 'vitest';
import { weeklyDifferences } from '../../src/experiment/weekly-difference.js';
import { runAligned } from './support.js';

const SMALL = ['horizon.days=21', 'horizon.warmup_days=0', 'replications=4'];

function weekly(overrides: readonly string[]) {
  const [reference, pushed] = runAligned(['baseline.yaml', 'claims/push-backlog.yaml'], overrides, { detail: true });
  return {
    backlog: weeklyDifferences(reference!.outcomes, pushed!.outcomes, 'backlog', 'tickets'),
    created: weeklyDifferences(reference!.outcomes, pushed!.outcomes, 'tickets_created', 'tickets'),
  };
}

describe('claim 5: backlog push, week by week', () => {
  const { backlog, created } = weekly(SMALL);

  it('cuts the backlog in the first week', () => {
    expect(backlog[0]!.significant).toBe(true);
    expect(backlog[0]!.difference!).toBeLessThan(0);
  });

  it('and the customers come back: more tickets created every week, more in week 3 than in week 1', () => {
    for (const week of created) {
      expect(week.significant).toBe(true);
      expect(week.difference!).toBeGreaterThan(0);
    }
    expect(created[2]!.difference!).toBeGreaterThan(created[0]!.difference!);
  });

  it('customers who never come back bring no volume back (the return mechanism carries it)', () => {
    const silent = weekly([...SMALL, 'replications=2', 'customers.return_when_not_fixed=0']);
    for (const week of silent.created) expect(Math.abs(week.difference!)).toBeLessThan(3);
  });
});
