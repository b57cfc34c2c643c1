/**
 * The knowledge base: lookups at the entry tier, articles from escalations, decay, and
 * self-service deflection. Comparisons use the same seeds (common random numbers).
 */
import { describe, expect, it } from 'vitest';
import { ArraySink } from '../../src/eventlog/types.js';
import { runScenario } from '../../src/experiment/run.js';
import { buildDesk } from '../../src/model/build.js';
import { simulate } from '../../src/model/simulate.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { expectInside } from '../support/cli.js';

const baseline = (overrides: string[]) =>
  runScenario(loadScenarioFile('scenarios/baseline.yaml', { overrides: ['replications=5', 'horizon.days=28', ...overrides] }).scenario);

describe('knowledge base', () => {
  it('more coverage ⇒ higher true fix rate, fewer escalations, shorter handle time (baseline desk)', () => {
    // A uniform ceiling, so that 0.7 everywhere is a level the knowledge base can reach.
    const thin = baseline(['knowledge.documentable=0.9', 'knowledge.coverage=0.1']);
    const rich = baseline(['knowledge.documentable=0.9', 'knowledge.coverage=0.7']);
    thin.outcomes.forEach((outcome, index) => {
      const other = rich.outcomes[index]!.kpis.values;
      const values = outcome.kpis.values;
      expect(other.true_resolution_rate!, 'true resolution rate').toBeGreaterThan(values.true_resolution_rate!);
      expect(other.escalation_rate!, 'escalation rate').toBeLessThan(values.escalation_rate!);
      expect(other.handle_time_mean!, 'handle time').toBeLessThan(values.handle_time_mean!);
    });
  });

  it('self-service deflects the issues it can answer: share searching × coverage', () => {
    // No decay and no articles: coverage stays 0.5, so 0.4 × 0.5 = 20 % of issues are deflected,
    // less the tickets that need engineering (no article answers them: bug 0.15 × 0.4, integration
    // 0.12 × 0.1): 0.4 × 0.5 × (1 − 0.072) = 18.56 %.
    const { summary } = baseline([
      'knowledge.documentable=0.9',
      'knowledge.coverage=0.5',
      'knowledge.self_service=0.4',
      'knowledge.decay_per_week=0',
      'knowledge.article_probability=0',
    ]);
    expectInside(summary.kpis.deflection_rate, 0.1856, 'deflection rate');
  });

  it('escalations solved above write articles: the entry tier finds more answers over time, up to what is documentable', () => {
    const scenario = loadScenarioFile('scenarios/textbook/tandem.yaml', {
      overrides: ['replications=1', 'horizon.days=20', 'horizon.warmup_days=0', 'knowledge.coverage=0.05', 'knowledge.article_probability=1', 'knowledge.article_gain=0.002', 'knowledge.decay_per_week=0', 'knowledge.documentable=0.8'],
    }).scenario;
    const sink = new ArraySink();
    simulate(buildDesk(scenario), 1, sink);
    const lookups = sink.events.filter((event) => event.type === 'kb_consulted');
    const hitShare = (from: number, to: number) => {
      const window = lookups.filter((event) => event.time >= from && event.time < to);
      return window.filter((event) => event.kind === 'hit').length / window.length;
    };
    // 0.18 escalations solved a minute × 0.002 ≈ +0.52 coverage a day at first, each article adding
    // less as coverage nears the ceiling 0.8: 0.8 − (0.8 − c) shrinks by e^(−0.52 / 0.8) a day.
    expect(hitShare(0, 1440 / 4)).toBeLessThan(0.3);
    const late = hitShare(18 * 1440, 20 * 1440);
    expect(late).toBeGreaterThan(0.75);
    expect(late).toBeLessThan(0.85); // never above what is documentable (0.8), up to sampling noise
  });

  it('without any coverage there is no knowledge base: no lookups, no articles', () => {
    const scenario = loadScenarioFile('scenarios/textbook/tandem.yaml', { overrides: ['replications=1', 'horizon.days=3'] }).scenario;
    const sink = new ArraySink();
    simulate(buildDesk(scenario), 1, sink);
    expect(sink.events.some((event) => event.type === 'kb_consulted' || event.type === 'self_service')).toBe(false);
  });
});

describe('what is documentable', () => {
  it('refuses a coverage that starts above the ceiling, once, naming each category and its ceiling', () => {
    let message = '';
    try {
      loadScenarioFile('scenarios/baseline.yaml', { overrides: ['knowledge.coverage=0.5'] });
    } catch (error) {
      message = (error as Error).message;
    }
    // The baseline's ceilings: bug 0.3, integration 0.4; the others are at or above 0.5.
    expect(message).toContain('knowledge.coverage');
    expect(message).toContain('coverage starts above what is documentable (knowledge.documentable) in: bug 0.5 > 0.3, integration 0.5 > 0.4');
    expect(message.match(/coverage starts above/g)?.length).toBe(1);
    // A value outside 0..1 is its own error, not also a ceiling error.
    try {
      loadScenarioFile('scenarios/baseline.yaml', { overrides: ['knowledge.coverage=1.5'] });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('expected a number from 0 to 1, found 1.5');
    expect(message).not.toContain('documentable');
  });
});
