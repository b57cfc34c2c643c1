/**
 * Incentives: pressure on a KPI turns on the behaviours of its row of the incentive table,
 * combined with explicit intensities by 1 − Π(1 − x), alongside legitimate effort; and a
 * gaming section at intensity 0 or an incentive at pressure 0 changes nothing at all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ArraySink } from '../../../src/eventlog/types.js';
import { runScenario } from '../../../src/experiment/run.js';
import type { KpiTable } from '../../../src/metrics/engine.js';
import { buildDesk } from '../../../src/model/build.js';
import { effectiveIntensities, effortLevels } from '../../../src/model/gaming/incentives.js';
import {
  GAMING_BEHAVIOURS,
  INCENTIVE_KPIS,
  incentiveEntry,
  LEGITIMATE_EFFORTS,
  type GamingBehaviour,
} from '../../../src/scenario/incentives.js';
import { simulate } from '../../../src/model/simulate.js';
import { loadScenarioFile } from '../../../src/scenario/load.js';
import { baselineScenario, expectFall, expectRise, runBaseline, tables } from './helpers.js';

const none = Object.fromEntries(GAMING_BEHAVIOURS.map((behaviour) => [behaviour, 0])) as Record<
  GamingBehaviour,
  number
>;

describe('the combination rule', () => {
  it('keeps an explicit intensity as written when there is no incentive', () => {
    expect(effectiveIntensities({ ...none, rushing: 0.3 }, []).rushing).toBe(0.3);
  });

  it('gives pressure × weight for a single incentive', () => {
    const intensity = effectiveIntensities(none, [{ kpi: 'handle_time_mean', pressure: 0.8 }]);
    expect(intensity.rushing).toBe(0.8);
    expect(intensity.escalation_dumping).toBeCloseTo(0.56, 12);
    expect(intensity.premature_close).toBe(0);
  });

  it('combines independent pushes as 1 − Π(1 − x), never above 1', () => {
    const intensity = effectiveIntensities({ ...none, rushing: 0.5 }, [
      { kpi: 'handle_time_mean', pressure: 0.5 },
      { kpi: 'resolution_time_mean', pressure: 0.4 },
    ]);
    expect(intensity.rushing).toBeCloseTo(1 - 0.5 * 0.5 * (1 - 0.4 * 0.5), 12);
    expect(effectiveIntensities({ ...none, rushing: 1 }, [{ kpi: 'handle_time_mean', pressure: 1 }]).rushing).toBe(1);
    expect(
      effortLevels([
        { kpi: 'csat_mean', pressure: 1 },
        { kpi: 'reopen_rate', pressure: 1 },
      ]).care,
    ).toBe(1);
  });

  it('every row of the table names known behaviours and efforts, with weights in 0..1', () => {
    expect(INCENTIVE_KPIS.length).toBeGreaterThanOrEqual(10);
    for (const kpi of INCENTIVE_KPIS) {
      const { behaviours, effort } = incentiveEntry(kpi)!;
      for (const [behaviour, weight] of Object.entries(behaviours)) {
        expect(GAMING_BEHAVIOURS, kpi).toContain(behaviour);
        expect(weight).toBeGreaterThan(0);
        expect(weight).toBeLessThanOrEqual(1);
      }
      for (const [kind, weight] of Object.entries(effort)) {
        expect(LEGITIMATE_EFFORTS, kpi).toContain(kind);
        expect(weight).toBeGreaterThan(0);
        expect(weight).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('switched off means off', () => {
  const short = ['replications=2', 'horizon.days=14', 'horizon.warmup_days=3'];
  const run = (file: string, overrides: string[]) =>
    runScenario(loadScenarioFile(file, { overrides: [...short, ...overrides] }).scenario);
  const eventLog = (file: string, overrides: string[]) => {
    const sink = new ArraySink();
    simulate(buildDesk(loadScenarioFile(file, { overrides: [...short, ...overrides] }).scenario), 1, sink);
    return sink.events;
  };
  const everyBehaviourAtZero = GAMING_BEHAVIOURS.map((behaviour) => `gaming.${behaviour}.intensity=0`);
  const everyIncentiveAtZero = `incentives=[${INCENTIVE_KPIS.map((kpi) => `{kpi: ${kpi}, pressure: 0}`).join(', ')}]`;

  for (const file of ['scenarios/baseline.yaml', 'scenarios/textbook/tandem.yaml']) {
    it(`${file}: intensity 0 and pressure 0 give the same log and KPIs as no gaming at all`, () => {
      const plain = run(file, []);
      const zero = run(file, [...everyBehaviourAtZero, everyIncentiveAtZero]);
      expect(buildDesk(loadScenarioFile(file, { overrides: [everyIncentiveAtZero] }).scenario).gaming.active).toBe(
        false,
      );
      expect(JSON.stringify(zero.outcomes)).toBe(JSON.stringify(plain.outcomes));
      expect(zero.tickets.csv).toBe(plain.tickets.csv);
      expect(eventLog(file, [...everyBehaviourAtZero, everyIncentiveAtZero])).toEqual(eventLog(file, []));
    });
  }
});

describe('incentive pressure on the baseline desk (same seeds)', () => {
  let baseline: KpiTable[];
  beforeAll(() => {
    baseline = tables(runBaseline());
  });

  it('pressure on first response turns on generic replies, cherry-picking and responsiveness: faster first response, less satisfied customers', () => {
    const incentive = 'incentives=[{kpi: first_response_time_mean, pressure: 0.7}]';
    const gaming = buildDesk(baselineScenario([incentive])).gaming;
    expect(gaming.intensity.generic_first_reply).toBeCloseTo(0.7, 12);
    expect(gaming.intensity.cherry_pick).toBeCloseTo(0.21, 12);
    expect(gaming.intensity.rushing).toBe(0);
    expect(gaming.effort.responsiveness).toBeCloseTo(0.7, 12);
    const pressed = tables(runBaseline([incentive]));
    expectFall(baseline, pressed, 'first_response_time_mean');
    // Less satisfied customers (the generic replies' work, +0.5 min of handle time [−0.3, +1.3],
    // no longer shows in 12 replications of the blending baseline, whose email queue swings more).
    expectFall(baseline, pressed, 'true_satisfaction_mean');
    const sink = new ArraySink();
    simulate(buildDesk(baselineScenario([incentive, 'horizon.days=14'])), 1, sink);
    expect(sink.events.filter((event) => event.type === 'replied' && event.kind === 'generic').length).toBeGreaterThan(
      100,
    );
  });

  it('pressure on handle time turns on rushing and dumping: shorter handle time, more hidden failures, Tier 2 loaded', () => {
    const pressed = tables(runBaseline(['incentives=[{kpi: handle_time_mean, pressure: 0.8}]']));
    expectFall(baseline, pressed, 'handle_time_mean');
    expectRise(baseline, pressed, 'hidden_failure_share');
    expectRise(baseline, pressed, 'escalation_rate');
    expectRise(baseline, pressed, 'tiers.tier2.utilization');
  });

  it('pressure on reopens buys only legitimate effort (care): fewer reopens and hidden failures, longer handle time, no gaming', () => {
    const incentive = 'incentives=[{kpi: reopen_rate, pressure: 1}]';
    const gaming = buildDesk(baselineScenario([incentive])).gaming;
    expect(GAMING_BEHAVIOURS.every((behaviour) => gaming.intensity[behaviour] === 0)).toBe(true);
    expect(gaming.effort.care).toBe(1);
    const careful = tables(runBaseline([incentive]));
    expectFall(baseline, careful, 'reopen_rate');
    expectFall(baseline, careful, 'hidden_failure_share');
    expectRise(baseline, careful, 'handle_time_mean');
  });

  it('explicit gaming and incentives add up: an explicit intensity plus pressure games more than either', () => {
    const explicit = buildDesk(baselineScenario(['gaming.rushing.intensity=0.4'])).gaming.intensity.rushing;
    const both = buildDesk(
      baselineScenario(['gaming.rushing.intensity=0.4', 'incentives=[{kpi: handle_time_mean, pressure: 0.5}]']),
    ).gaming.intensity.rushing;
    expect(explicit).toBe(0.4);
    expect(both).toBeCloseTo(1 - 0.6 * 0.5, 12);
  });
});
