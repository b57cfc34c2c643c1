/**
 * Warnings: each code fires on a case that calls for it and stays silent on one that does
 * not. Hand-made summaries pin the thresholds; simulated desks (the starter desk, overloaded
 * and not; the baseline at a short and a full horizon) show them computed from real runs.
 */
import { describe, expect, it } from 'vitest';
import { starterScenario } from '../../src/cli/starter-scenario.js';
import { runScenario } from '../../src/experiment/run.js';
import type { KpiSummary } from '../../src/experiment/statistics.js';
import { computeWarnings, mergeWarnings, namedWarnings, uncovered, warningFacts, type WarningFacts, type WarningInput } from '../../src/experiment/warnings.js';
import { buildDesk } from '../../src/model/build.js';
import { loadScenarioFile, loadScenarioText } from '../../src/scenario/load.js';
import { root } from '../support/cli.js';

const summary = (mean: number | null, ci95: [number, number] | null = null, n = 5, unit = 'share'): KpiSummary => ({ mean, sd: null, ci95, n, unit });

/** A calm desk: nothing to warn about. */
function calm(): WarningInput {
  return {
    kpis: {
      utilization: summary(0.7, [0.68, 0.72]),
      backlog_mean: summary(40, [38, 42], 5, 'tickets'),
      backlog_end: summary(41, [37, 45], 5, 'tickets'),
      backlog_growth_per_day: summary(0.2, [-0.3, 0.7], 5, 'ratio'),
      first_response_unfinished_share: summary(0.01, [0.005, 0.015]),
      resolution_unfinished_share: summary(0.03, [0.02, 0.04]),
      csat_mean: summary(4.1, [4.0, 4.2], 5, 'score'),
    },
    tiers: { tier1: { utilization: summary(0.75, [0.73, 0.77]) } },
  };
}
const facts: WarningFacts = { replications: 5, measuredDays: 28, reopenWindowDays: 7, surveyDelayMinutes: 360, escalationTargets: [{ tier: 'tier2', unstaffedMinutes: 0 }] };
const codes = (input: WarningInput, overrides: Partial<WarningFacts> = {}) => computeWarnings(input, { ...facts, ...overrides }).map((warning) => warning.code);

describe('warnings on hand-made summaries', () => {
  it('says nothing about a calm desk', () => {
    expect(computeWarnings(calm(), facts)).toEqual([]);
  });

  it('unstable: a tier busy ≥ 98 %, or a backlog growing by more than half its mean over the window', () => {
    const busy = calm();
    busy.tiers.tier1!.utilization = summary(0.985, [0.98, 0.99]);
    expect(codes(busy)).toEqual(['unstable']);
    const growing = calm();
    // 2 tickets a day × 28 days = 56 > max(10, 20): growing; 0.5 a day (14) is not.
    growing.kpis.backlog_growth_per_day = summary(2, [1.5, 2.5], 5, 'ratio');
    expect(codes(growing)).toEqual(['unstable']);
    expect(computeWarnings(growing, facts)[0]!.message).toMatch(/backlog grew by 2\.0 tickets a day \(41 open at the end\)/);
    growing.kpis.backlog_growth_per_day = summary(0.5, [0.2, 0.8], 5, 'ratio');
    expect(codes(growing)).toEqual([]);
    // Not significant: an interval reaching below 0 is noise, however large the mean.
    growing.kpis.backlog_growth_per_day = summary(3, [-1, 7], 5, 'ratio');
    expect(codes(growing)).toEqual([]);
  });

  it('unfinished_work: more than 5 % without a first reply or still open', () => {
    const input = calm();
    input.kpis.resolution_unfinished_share = summary(0.06);
    expect(codes(input)).toEqual(['unfinished_work']);
    input.kpis.resolution_unfinished_share = summary(0.05);
    expect(codes(input)).toEqual([]);
  });

  it('short_window: the measured days not longer than the reopen window plus the survey delay', () => {
    expect(codes(calm(), { measuredDays: 7 })).toEqual(['short_window']);
    expect(codes(calm(), { measuredDays: 7.2 })).toEqual(['short_window']); // 7 days + 6 h = 7.25
    expect(codes(calm(), { measuredDays: 7.3 })).toEqual([]);
  });

  it('few_replications: fewer than 3 (and no wide-interval warning then)', () => {
    expect(codes(calm(), { replications: 2 })).toEqual(['few_replications']);
    expect(codes(calm(), { replications: 3 })).toEqual([]);
  });

  it('tier_unstaffed: an escalation target without an agent for an hour or more', () => {
    expect(codes(calm(), { escalationTargets: [{ tier: 'tier2', unstaffedMinutes: 60 }] })).toEqual(['tier_unstaffed']);
    expect(codes(calm(), { escalationTargets: [{ tier: 'tier2', unstaffedMinutes: 59 }] })).toEqual([]);
    expect(uncovered([[0, 100], [50, 200], [300, 400]], 0, 500)).toBe(100 + 100);
    expect(uncovered([], 10, 20)).toBe(10);
  });

  it('blank_kpis: a KPI without a value in any replication', () => {
    const input = calm();
    input.kpis.csat_mean = summary(null, null, 0, 'score');
    expect(codes(input)).toEqual(['blank_kpis']);
    expect(computeWarnings(input, facts)[0]!.message).toMatch(/1 KPI blank .*: csat_mean\./);
  });

  it('wide_intervals: a half-width over half the mean or a tenth of the range', () => {
    const input = calm();
    input.kpis.backlog_end = summary(41, [10, 72], 5, 'tickets');
    expect(codes(input)).toEqual(['wide_intervals']);
    input.kpis.backlog_end = summary(41, [30, 52], 5, 'tickets');
    expect(codes(input)).toEqual([]);
  });
});

describe('warnings of simulated desks', () => {
  it('call the starter desk at 40 tickets an hour unstable, with most of its work unfinished; not at its own rate', () => {
    const overrides = ['horizon.days=14', 'replications=3'];
    const starter = starterScenario('my-desk');
    const overloaded = runScenario(loadScenarioText(starter, 'my-desk.yaml', { overrides: [...overrides, 'arrivals.rate_per_hour=40'] }).scenario);
    const warnings = overloaded.summary.warnings.map((warning) => warning.code);
    expect(warnings).toContain('unstable');
    expect(warnings).toContain('unfinished_work');
    expect(overloaded.summary.kpis.first_response_unfinished_share!.mean).toBeGreaterThan(0.3);
    const normal = runScenario(loadScenarioText(starter, 'my-desk.yaml', { overrides: [...overrides, 'horizon.warmup_days=1'] }).scenario);
    expect(normal.summary.warnings.map((warning) => warning.code)).not.toContain('unstable');
    expect(normal.summary.warnings.map((warning) => warning.code)).not.toContain('unfinished_work');
  });

  it('find too few replications and blank survey KPIs on a 14-day baseline of 2 replications; neither at 28 days and 3', () => {
    const run = (overrides: string[]) =>
      runScenario(loadScenarioFile(`${root}/scenarios/baseline.yaml`, { overrides }).scenario).summary.warnings.map((warning) => warning.code);
    const short = run(['horizon.days=14', 'replications=2']);
    expect(short).toEqual(expect.arrayContaining(['short_window', 'few_replications', 'blank_kpis']));
    expect(short).not.toContain('wide_intervals'); // with two replications every interval is wide: few_replications says it
    const enough = run(['horizon.days=28', 'replications=3']);
    for (const code of ['short_window', 'few_replications', 'blank_kpis', 'unstable', 'unfinished_work']) expect(enough, code).not.toContain(code);
  });

  it('knows the baseline’s Tier 2 works weekdays only, and a 14-day baseline measures 7 days', () => {
    const short = warningFacts(buildDesk(loadScenarioFile(`${root}/scenarios/baseline.yaml`, { overrides: ['horizon.days=14'] }).scenario));
    expect(short.measuredDays).toBe(7);
    expect(short.reopenWindowDays).toBe(7);
    expect(computeWarnings(calm(), short).map((warning) => warning.code)).toEqual(['short_window', 'tier_unstaffed']);
    const full = warningFacts(buildDesk(loadScenarioFile(`${root}/scenarios/baseline.yaml`).scenario));
    expect(full.measuredDays).toBe(28);
    expect(full.escalationTargets.map((target) => target.tier)).toEqual(['tier2']);
    // 9:00–18:00 on weekdays: 123 of 168 hours a week without anyone.
    expect(full.escalationTargets[0]!.unstaffedMinutes / 60 / 4).toBeCloseTo(123, 0);
    const allHours = warningFacts(buildDesk(loadScenarioFile(`${root}/scenarios/baseline.yaml`, { overrides: ['tiers.tier2.shifts.0.days=[mon,tue,wed,thu,fri,sat,sun]', 'tiers.tier2.shifts.0.start=00:00', 'tiers.tier2.shifts.0.end=24:00'] }).scenario));
    expect(computeWarnings(calm(), allHours).map((warning) => warning.code)).toEqual([]);
  });
});

describe('warnings of an experiment', () => {
  it('says each distinct warning once, naming the runs it concerns', () => {
    const short = { code: 'short_window' as const, message: 'short' };
    const unstable = { code: 'unstable' as const, message: 'unstable' };
    const merged = mergeWarnings([
      { run: 'baseline', warnings: [short] },
      { run: 'understaffed', warnings: [short, unstable] },
    ]);
    expect(merged).toEqual([
      { code: 'short_window', message: 'short', runs: ['baseline', 'understaffed'] },
      { code: 'unstable', message: 'unstable', runs: ['understaffed'] },
    ]);
    expect(namedWarnings(merged)[0]!.message).toBe('baseline, understaffed: short');
  });
});
