/**
 * Claim 9: averages hide extremes — an intervention that improves the mean while worsening
 * p90. Mechanism: gaming/cherry-pick (shortest job first from the ticket's visible size) on a
 * busy desk: the quick tickets jump the queue, the long ones (bugs) wait behind them. Without
 * the reordering both runs are the same desk: nothing moves and the test fails.
 */
import { describe, expect, it } from 'vitest';
import { differenceTable } from '../../src/experiment/compare.js';
import { WHO_PAYS_SEGMENTS, whoPays } from '../../src/experiment/who-pays.js';
import { runAligned } from './support.js';

describe('claim 9: quick tickets first on a busy desk', () => {
  const [busy, quickFirst] = runAligned(
    ['claims/busy-desk.yaml', 'claims/quick-tickets-first.yaml'],
    ['replications=8'],
    { detail: WHO_PAYS_SEGMENTS },
  );

  it('improves the desk-wide means', () => {
    const change = differenceTable(busy!, quickFirst!).kpis;
    for (const kpi of ['queue_wait_mean', 'resolution_time_mean'] as const) {
      expect(change[kpi]!.significant).toBe(true);
      expect(change[kpi]!.difference!).toBeLessThan(0);
    }
  });

  it('while the bugs\u2019 p90 resolution time worsens, significantly', () => {
    const bug = whoPays(busy!, quickFirst!)!.bug!;
    expect(bug.resolution_time_p90!.significant).toBe(true);
    expect(bug.resolution_time_p90!.difference!).toBeGreaterThan(0);
  });
});
