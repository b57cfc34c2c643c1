/**
 * Round trip: simulate a desk whose parameters are known, calibrate from its event log, and
 * find each parameter inside the interval the calibration gives it — then the calibrated
 * scenario is a valid scenario that says so in its comments.
 */
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, ArraySink } from '../../src/eventlog/types.js';
import { buildDesk } from '../../src/model/build.js';
import { simulate } from '../../src/model/simulate.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { estimate } from '../../src/calibrate/estimate.js';
import { calibratedScenarioYaml } from '../../src/calibrate/scenario.js';

const KNOWN = `
name: known-desk
seed: 3
replications: 1
horizon: { days: 42, warmup_days: 0 }
clock: { start: "2026-01-05T00:00:00", timezone: UTC }
arrivals:
  rate_per_hour: 4
  pattern: profile
  hourly_profile: [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1]
channels:
  email: { share: 0.7 }
  chat: { share: 0.3, response: on_pickup }
categories:
  billing: { share: 0.6, complexity: quick }
  technical: { share: 0.4, complexity: long }
complexity:
  quick: { handle_time: { dist: lognormal, mean: 20, sd: 10 } }
  long: { handle_time: { dist: gamma, mean: 45, sd: 30 } }
priorities:
  high: { share: 0.2 }
  normal: { share: 0.8 }
tiers:
  - { id: tier1, agents: 5, skill: 0.8, escalates_to: tier2 }
  - { id: tier2, agents: 3 }
`;

const known = loadScenarioText(KNOWN, 'known.yaml').scenario;
const model = buildDesk(known);
const sink = new ArraySink();
simulate(model, 1, sink);
const calibration = estimate({
  events: sink.events,
  originEpochMs: model.originEpochMs,
  recordedTypes: new Set(EVENT_TYPES),
});

const inside = (value: number, [low, high]: [number, number], what: string) => {
  expect(value, `${what}: ${value} in [${low}, ${high}]`).toBeGreaterThanOrEqual(low);
  expect(value, `${what}: ${value} in [${low}, ${high}]`).toBeLessThanOrEqual(high);
};

describe('calibrate: a known desk round trip', () => {
  it('recovers the arrival rate and the profile', () => {
    inside(4, calibration.arrivals.rateCi, 'rate per hour');
    // The profile's daytime hours are twice the night's.
    const day = calibration.arrivals.hourly.slice(8, 17).reduce((sum, weight) => sum + weight, 0) / 9;
    const night =
      [...calibration.arrivals.hourly.slice(0, 8), ...calibration.arrivals.hourly.slice(17)].reduce(
        (sum, weight) => sum + weight,
        0,
      ) / 15;
    expect(day / night).toBeGreaterThan(1.7);
    expect(day / night).toBeLessThan(2.3);
    expect(calibration.arrivals.trend.flagged).toBe(false);
  });

  it('recovers the channel, category and priority mix', () => {
    inside(0.7, calibration.channels!.find((share) => share.id === 'email')!.ci, 'email share');
    inside(0.6, calibration.categories!.find((share) => share.id === 'billing')!.ci, 'billing share');
    inside(0.2, calibration.priorities!.find((share) => share.id === 'high')!.ci, 'high share');
  });

  it("recovers each category's handle time and its family", () => {
    expect(calibration.workKind).toBe('handle');
    const billing = calibration.work.get('billing')!;
    const technical = calibration.work.get('technical')!;
    inside(20, billing.meanCi, 'billing handle time mean');
    inside(45, technical.meanCi, 'technical handle time mean');
    expect(billing.chosen.dist).toBe('lognormal');
    expect(technical.chosen.dist).toBe('gamma');
  });

  it('recovers the tiers, the entry tier and the escalation probability', () => {
    expect(calibration.entryTier).toBe('tier1');
    const tier1 = calibration.tiers.find((tier) => tier.id === 'tier1')!;
    expect(tier1.escalations.map((escalation) => escalation.to)).toEqual(['tier2']);
    inside(0.2, tier1.escalations[0]!.ci, 'escalation probability');
    // Agents active in an hour can only undercount the agents on duty (an idle hour leaves no trace).
    expect(Math.max(...tier1.agentsActive)).toBeLessThanOrEqual(5);
    expect(Math.max(...tier1.agentsActive)).toBeGreaterThan(3);
  });

  it('writes a valid scenario with the estimates and the assumptions in its comments', () => {
    const yaml = calibratedScenarioYaml(calibration, { name: 'known-calibrated', log: 'events.ndjson', mapping: null });
    const scenario = loadScenarioText(yaml, 'calibrated.yaml').scenario;
    expect(scenario.tiers.map((tier) => tier.id)).toEqual(['tier1', 'tier2']);
    expect(scenario.tiers[0]!.escalates_to).toBe('tier2');
    inside(scenario.tiers[0]!.skill as number, [0.75, 0.85], 'skill');
    expect(Object.keys(scenario.complexity).sort()).toEqual(['billing', 'pooled', 'technical']);
    expect(yaml).toMatch(/# Assumptions \(what the log cannot tell, and the default used\):\n/);
    expect(yaml).toMatch(/satisfaction: the log has no survey answers|truth: a real log/);
    expect(yaml).toMatch(/AIC, best first: lognormal/);
  });
});
