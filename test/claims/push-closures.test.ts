/**
 * Claim 2: pushing closures raises closures while true satisfaction falls.
 * Mechanism: pressure on tickets_per_agent_day drives cherry-picking, rushing, ticket
 * splitting and premature closes (src/model/gaming/); unfixed customers come back
 * (customers.return_when_not_fixed) and the satisfaction model prices extra contacts and
 * unfixed problems. Remove the gaming behaviours and true satisfaction does not fall.
 */
import { describe, expect, it } from 'vitest';
import { compareTwo } from './support.js';

describe('claim 2: closure push', () => {
  const change = compareTwo('baseline.yaml', 'claims/push-closures.yaml', ['horizon.days=21', 'replications=4']).kpis;

  it('raises closures per agent-day', () => {
    expect(change.tickets_per_agent_day!.significant).toBe(true);
    expect(change.tickets_per_agent_day!.relative!).toBeGreaterThan(0.2);
  });

  it('while true satisfaction and the true satisfied share fall', () => {
    for (const kpi of ['true_satisfaction_mean', 'true_satisfied_share'] as const) {
      expect(change[kpi]!.significant).toBe(true);
      expect(change[kpi]!.difference!).toBeLessThan(0);
    }
  });
});
