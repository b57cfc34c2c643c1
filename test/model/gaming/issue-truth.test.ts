/**
 * The truth KPIs follow the customer's issue, so gaming cannot flatter them: premature
 * closes make each ticket look resolved sooner, but the customer's problem is fixed later,
 * on a repeat ticket (or never, if the customer gives up). Paired runs of the baseline desk
 * (same seeds, 8 replications of 28 measured days), with and without `premature_close`.
 *
 * Measured when this test was written: the dashboard's resolution time fell 154 min
 * [122, 187]; the true resolution time changed −17 min [−43, +8] (on the per-ticket
 * truth of before, −220 min [−245, −194]); the issues not really fixed rose, customers who
 * gave up leaving the mean over fixed issues (see docs/kpis.md). On the blending baseline
 * (issue 15), whose email queue absorbs the repeat tickets, the dashboard's resolution time
 * no longer falls (−11 min [−70, +48]) while its SLA compliance still rises, and the issue's
 * true resolution time rises by 187 min [121, 253].
 */
import { describe, it } from 'vitest';
import { expectFall, expectRise, runBaseline, tables } from './helpers.js';

describe('truth per issue under premature close (same seeds)', () => {
  it('the true resolution time of issues does not improve when agents close tickets prematurely', () => {
    const baseline = tables(runBaseline());
    const closing = tables(runBaseline(['gaming.premature_close.intensity=0.6']));
    // The dashboard improves…
    expectRise(baseline, closing, 'sla_resolution_compliance');
    // …the customer's issue does not: it is fixed later, significantly.
    expectRise(baseline, closing, 'true_resolution_time_mean');
    // What it costs the customers: fewer issues fixed, more contacts and agent work per issue.
    expectRise(baseline, closing, 'true_resolution_unfinished_share');
    expectFall(baseline, closing, 'true_resolution_rate');
    expectRise(baseline, closing, 'contacts_per_issue');
    expectRise(baseline, closing, 'agent_minutes_per_issue');
    expectFall(baseline, closing, 'true_satisfaction_mean');
  });
});
