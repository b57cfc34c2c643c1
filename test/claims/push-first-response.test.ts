/**
 * Claim 1: pushing first-response time improves it while resolution time worsens.
 * Mechanism: the incentive table turns pressure on first_response_time_mean into templated
 * first replies (gaming/generic-first-reply) and "responsiveness" (unanswered tickets first);
 * the templates cost agent time and the reordering pushes answered tickets back. Without that
 * mechanism (pressure changing nothing) first response would not fall and the test fails.
 */
import { describe, expect, it } from 'vitest';
import { compareTwo } from './support.js';

describe('claim 1: first-response push', () => {
  const change = compareTwo('baseline.yaml', 'claims/push-first-response.yaml', [
    'horizon.days=28',
    'replications=6',
  ]).kpis;

  it('improves first response, significantly', () => {
    expect(change.first_response_time_mean!.significant).toBe(true);
    expect(change.first_response_time_mean!.relative!).toBeLessThan(-0.3);
  });

  it('while resolution time worsens, significantly (mean and median)', () => {
    expect(change.resolution_time_mean!.significant).toBe(true);
    expect(change.resolution_time_mean!.difference!).toBeGreaterThan(0);
    expect(change.resolution_time_p50!.significant).toBe(true);
    expect(change.resolution_time_p50!.difference!).toBeGreaterThan(0);
  });
});
