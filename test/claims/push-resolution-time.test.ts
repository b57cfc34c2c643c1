/**
 * Claim 3: pushing resolution time → premature closes → reopens and repeat tickets.
 * Mechanism: gaming/premature-close (driven by pressure on resolution_time_mean) resolves
 * tickets whose problem is not fixed; customers.return_when_not_fixed brings the customer back
 * — a reopen inside the window, a repeat ticket after it (ticket splitting, driven by the
 * same pressure, adds repeat tickets of its own). With return_when_not_fixed at 0 the hidden
 * failures stay but reopens do not rise: the last test pins that.
 */
import { describe, expect, it } from 'vitest';
import { compareTwo } from './support.js';

const SMALL = ['horizon.days=21', 'replications=4'];

describe('claim 3: resolution-time push', () => {
  const change = compareTwo('baseline.yaml', 'claims/push-resolution-time.yaml', SMALL).kpis;

  it('lowers the dashboard resolution time through premature closes (hidden failures up)', () => {
    expect(change.resolution_time_mean!.significant).toBe(true);
    expect(change.resolution_time_mean!.difference!).toBeLessThan(0);
    expect(change.hidden_failure_share!.significant).toBe(true);
    expect(change.hidden_failure_share!.difference!).toBeGreaterThan(0.1);
  });

  it('and brings the customers back: reopens, repeat tickets, contacts per issue up', () => {
    for (const kpi of ['reopen_rate', 'repeat_contact_rate', 'contacts_per_issue'] as const) {
      expect(change[kpi]!.significant).toBe(true);
      expect(change[kpi]!.difference!).toBeGreaterThan(0);
    }
  });

  it('customers who never come back make no reopens (the return mechanism carries them)', () => {
    // Repeat tickets come from the returns and from ticket splitting, which the same pressure
    // drives: reopens come from the returns alone.
    const silent = compareTwo('baseline.yaml', 'claims/push-resolution-time.yaml', [
      ...SMALL,
      'replications=2',
      'customers.return_when_not_fixed=0',
    ]).kpis;
    expect(silent.hidden_failure_share!.difference!).toBeGreaterThan(0.1);
    expect(Math.abs(silent.reopen_rate!.difference!)).toBeLessThan(0.002);
  });
});
