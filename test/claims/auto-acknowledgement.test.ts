/**
 * Claim 10: auto-acknowledgements improve first response without real service.
 * Mechanism: policies.auto_acknowledgement (src/model/mechanisms/auto-acknowledgement.ts)
 * writes a system reply on every new ticket, which metrics.auto_reply_counts_as_response lets
 * the first-response KPIs count. Without the acknowledgement first response does not move.
 */
import { describe, expect, it } from 'vitest';
import { compareTwo } from './support.js';

describe('claim 10: automatic acknowledgements', () => {
  const change = compareTwo('baseline.yaml', 'claims/auto-acknowledgement.yaml', [
    'horizon.days=21',
    'replications=3',
  ]).kpis;

  it('improve first response on the dashboard', () => {
    expect(change.first_response_time_mean!.significant).toBe(true);
    expect(change.first_response_time_mean!.relative!).toBeLessThan(-0.5);
    expect(change.sla_first_response_compliance!.difference!).toBeGreaterThan(0);
  });

  it('without any real service: resolution, true resolution and true satisfaction do not move at all', () => {
    for (const kpi of [
      'resolution_time_mean',
      'true_resolution_rate',
      'true_resolution_time_mean',
      'true_satisfaction_mean',
      'handle_time_mean',
    ] as const) {
      expect(change[kpi]!.difference).toBe(0);
    }
  });
});
