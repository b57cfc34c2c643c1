/**
 * Claim 9: averages hide extremes — an intervention that improves the mean while worsening
 * p90, desk-wide. Mechanism: the queue's order (routing.discipline priority, the quick kind
 * first) on a queue at about 94 % whose longer tickets are half of all and only a little
 * longer: the mean gains from the quick half, the 90th percentile falls among the longer
 * half, which waits behind every quick ticket (Kleinrock's non-preemptive priority queue).
 * Without the reordering both runs are the same desk: nothing moves and the test fails.
 */
import { describe, expect, it } from 'vitest';
import { differenceTable } from '../../src/experiment/compare.js';
import { runAligned } from './support.js';

describe('claim 9: quick tickets first on a queue at 94 %', () => {
  const [fifo, quickFirst] = runAligned(
    ['claims/two-size-queue.yaml', 'claims/two-size-queue-quick-first.yaml'],
    ['replications=6'],
  );
  const change = differenceTable(fifo!, quickFirst!).kpis;

  it('improves the desk-wide mean resolution time and queue wait', () => {
    for (const kpi of ['resolution_time_mean', 'queue_wait_mean'] as const) {
      expect(change[kpi]!.significant).toBe(true);
      expect(change[kpi]!.difference!).toBeLessThan(0);
    }
  });

  it('while the desk-wide p90 resolution time worsens, significantly', () => {
    expect(change.resolution_time_p90!.significant).toBe(true);
    expect(change.resolution_time_p90!.difference!).toBeGreaterThan(0);
  });
});
