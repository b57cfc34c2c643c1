/**
 * Claim 4: pushing first response overstaffs Tier 1 and starves Tier 2 → a Tier 2 bottleneck.
 * Mechanism: policies.staffing_follows_pressure (src/model/mechanisms/staffing.ts) moves
 * seats behind the entry tier to Tier 1's queue under first-response pressure; escalations
 * still go to Tier 2. Without the policy both scenarios are the same desk and nothing moves.
 */
import { describe, expect, it } from 'vitest';
import { compareTwo } from './support.js';

describe('claim 4: first-response push with staffing that follows it', () => {
  const change = compareTwo('claims/push-first-response.yaml', 'claims/push-first-response-staffing.yaml', [
    'horizon.days=21',
    // 8, not 4: on the blending baseline Tier 2's queue wait swings more from month to month.
    'replications=8',
  ]).tiers;

  it('overstaffs Tier 1: its utilization falls (more hands than its queue needs)', () => {
    expect(change.tier1!.utilization!.significant).toBe(true);
    expect(change.tier1!.utilization!.difference!).toBeLessThan(-0.08);
  });

  it('starves Tier 2: its utilization and queue wait rise', () => {
    expect(change.tier2!.utilization!.significant).toBe(true);
    // Above 0.15 (0.2 before blending): Tier 2 now starts at 78 %, busy with Tier 1's email
    // when no escalation waits, so it has less room to rise (measured +0.18, to 96 %).
    expect(change.tier2!.utilization!.difference!).toBeGreaterThan(0.15);
    expect(change.tier2!.queue_wait_mean!.significant).toBe(true);
    expect(change.tier2!.queue_wait_mean!.difference!).toBeGreaterThan(0);
  });
});
