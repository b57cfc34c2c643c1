/**
 * Each gaming behaviour flatters the KPI it is meant to move and costs something else —
 * another KPI or the truth — on the baseline desk, with the same seeds (paired differences,
 * Student-t 95 % intervals over 12 replications of 28 measured days). Nothing here adjusts an
 * output: the behaviours change what agents do, and the metric engine reads the log.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { KpiTable } from '../../../src/metrics/engine.js';
import { expectFall, expectRise, pairedChange, runBaseline, segmentTables, tables } from './helpers.js';

describe('gaming behaviours on the baseline desk (same seeds)', () => {
  let baseline: KpiTable[];
  beforeAll(() => {
    baseline = tables(runBaseline());
  });
  const gamed = (...overrides: string[]) => tables(runBaseline(overrides));

  it('premature close: a better resolution SLA on the dashboard; hidden failures, repeat tickets and longer queues behind it', () => {
    const closing = gamed('gaming.premature_close.intensity=0.6');
    expectRise(baseline, closing, 'sla_resolution_compliance');
    // The early closes shorten each ticket, but their customers come back as new tickets
    // (+13 %), and on the blending baseline (issue 15) the extra tickets queue in email, the
    // work that absorbs every free minute: the mean resolution time no longer falls (measured
    // −11 min [−70, +48]; −154 min on the earlier, less busy baseline) and queues lengthen.
    expect(pairedChange(baseline, closing, 'resolution_time_mean').low).toBeLessThan(0);
    expectRise(baseline, closing, 'queue_wait_mean');
    // The closed tickets cannot be reopened, but on the baseline with a live team and status
    // replies (issue 15) the fall of the reopen rate is too small to show in 12 replications
    // (−0.0016 [−0.0066, 0.0034]): what holds is that it does not rise.
    expect(pairedChange(baseline, closing, 'reopen_rate').low).toBeLessThan(0);
    expectRise(baseline, closing, 'hidden_failure_share');
    expectFall(baseline, closing, 'true_resolution_rate');
    // Customers come back as new tickets: the closed ones cannot be reopened.
    expectRise(baseline, closing, 'tickets_created');
  });

  it('generic first reply: faster first response; customers less satisfied, resolutions slower', () => {
    const acknowledging = gamed('gaming.generic_first_reply.intensity=0.6');
    expectFall(baseline, acknowledging, 'first_response_time_mean');
    expectFall(baseline, acknowledging, 'true_satisfaction_mean');
    // The acknowledgements take agents' time, and on the blending baseline that time comes out
    // of email: queues and resolutions lengthen. (The first-response SLA, 97 % met already,
    // and the p90 of resolution move too little to show in 12 replications on this desk.)
    expectRise(baseline, acknowledging, 'queue_wait_mean');
    expectRise(baseline, acknowledging, 'resolution_time_mean');
  });

  it('cherry-picking: shorter resolution times on average; the hard tickets wait longer and miss their response targets', () => {
    const picking = gamed('gaming.cherry_pick.intensity=1');
    // (The mean handle time falls too, −0.36 min [−0.82, +0.10], too little to show in 12
    // replications of the blending baseline, whose email queue varies from month to month.)
    expectFall(baseline, picking, 'resolution_time_mean');
    // Easiest first is shortest-job-first: good for averages. The cost sits with the hard
    // tickets — bug reports, medium or complex — which now wait behind the easy ones.
    const bugs = (overrides: string[]) => segmentTables(overrides, (created) => created.category === 'bug');
    const [before, after] = [bugs([]), bugs(['gaming.cherry_pick.intensity=1'])];
    expectRise(before, after, 'tiers.tier1.queue_wait_mean');
    expectFall(before, after, 'sla_first_response_compliance');
  });

  it('escalation avoidance: far fewer escalations; hidden failures, reopens and the truth pay for it', () => {
    const holding = gamed('gaming.escalation_avoidance.intensity=0.8');
    expectFall(baseline, holding, 'escalation_rate');
    expectRise(baseline, holding, 'hidden_failure_share');
    expectRise(baseline, holding, 'reopen_rate');
    expectFall(baseline, holding, 'true_resolution_rate');
    expectRise(baseline, holding, 'handle_time_mean');
  });

  it('escalation dumping: Tier 1 works less and handles faster; Tier 2 overloads and its queue grows', () => {
    const dumping = gamed('gaming.escalation_dumping.intensity=0.6');
    expectFall(baseline, dumping, 'tiers.tier1.utilization');
    expectFall(baseline, dumping, 'handle_time_mean');
    expectRise(baseline, dumping, 'escalation_rate');
    expectRise(baseline, dumping, 'tiers.tier2.utilization');
    expectRise(baseline, dumping, 'tiers.tier2.queue_wait_mean');
  });

  it('SLA clock pause: higher resolution SLA compliance; customers answer needless questions', () => {
    const pausing = gamed('gaming.sla_clock_pause.intensity=1');
    expectRise(baseline, pausing, 'sla_resolution_compliance');
    expectRise(baseline, pausing, 'ces_mean');
    // Time as the customer lives it does not shorten: no significant fall of the true
    // resolution time (created → really fixed).
    expect(pairedChange(baseline, pausing, 'true_resolution_time_mean').high).toBeGreaterThan(0);
  });

  it('rushing: shorter handle time; more hidden failures and reopens', () => {
    const rushing = gamed('gaming.rushing.intensity=0.6');
    expectFall(baseline, rushing, 'handle_time_mean');
    expectRise(baseline, rushing, 'hidden_failure_share');
    expectRise(baseline, rushing, 'reopen_rate');
    expectFall(baseline, rushing, 'true_resolution_rate');
  });

  it('survey selection: higher CSAT and NPS; the customers are exactly as satisfied as before, so the dashboard drifts from the truth', () => {
    const selecting = gamed('gaming.survey_selection.intensity=0.8');
    expectRise(baseline, selecting, 'csat_mean');
    expectRise(baseline, selecting, 'nps');
    // Only the measurement changed: the truth is identical, replication by replication.
    expect(selecting.map((table) => table.values.true_satisfaction_mean)).toEqual(
      baseline.map((table) => table.values.true_satisfaction_mean),
    );
    const gap = (all: KpiTable[]) =>
      all.map((table) => ({
        values: { gap: table.values.csat_mean! - table.values.true_satisfaction_mean! },
        tiers: {},
      }));
    expectRise(gap(baseline), gap(selecting), 'gap');
  });

  it('ticket splitting: more tickets, each resolved faster; customers need more contacts and are less satisfied', () => {
    const splitting = gamed('gaming.ticket_splitting.intensity=0.5');
    expectRise(baseline, splitting, 'tickets_created');
    expectFall(baseline, splitting, 'resolution_time_mean');
    expectFall(baseline, splitting, 'true_satisfaction_mean');
    expectRise(baseline, splitting, 'ces_mean');
    expectRise(baseline, splitting, 'hidden_failure_share');
    // The truth sees the pieces as one issue: more contacts per issue.
    expectRise(baseline, splitting, 'contacts_per_issue');
  });
});
