/**
 * The loader tells kinds of issue apart by their structure (zod's code, a declared message,
 * `params`), never by their wording: a cross-check's sentence about a duration field stays
 * that sentence, and a distribution's own check that repeats a field's check is dropped.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, ScenarioError } from '../../src/scenario/index.js';

function failure(overrides: string[]): string {
  try {
    loadScenarioFile('scenarios/ai-agent.yaml', { overrides });
  } catch (error) {
    if (error instanceof ScenarioError) return error.message;
    throw error;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('issues told apart by structure', () => {
  it('keeps a cross-check about a readable duration (it is not "expected a duration")', () => {
    const text = failure(['automation.ai_agent.conversation=10s']);
    expect(text).toContain('automation.ai_agent.conversation');
    expect(text).toContain('conversation must not be shorter than response');
    expect(text).not.toContain('expected a duration');
  });

  it('says what a duration looks like when the parser cannot read it', () => {
    const text = failure(['automation.ai_agent.conversation=4 parsecs']);
    expect(text).toContain('expected a duration (minutes, or a string like "45s"');
  });

  it('drops a distribution check that repeats its field, keeps one about another field', () => {
    const zero = failure(['complexity.simple.handle_time.mean=0m']);
    expect(zero).toContain('must be a positive duration');
    expect(zero).not.toContain('mean must be > 0');
    const inverted = failure(['complexity.simple.handle_time={dist: uniform, min: 9m, max: 3m}']);
    expect(inverted).toContain('max must be > min (found min 9, max 3)');
  });

  it("uses a pattern check's declared message", () => {
    expect(failure(['clock.business_hours.0.start=8h00'])).toContain('must be a local time "HH:MM"');
  });
});
