import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/document/errors.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { closestMatch } from '../../src/document/suggest.js';

function problems(text: string): string {
  try {
    loadScenarioText(text, 'desk.yaml');
  } catch (error) {
    if (error instanceof ScenarioError) return error.message;
    throw error;
  }
  throw new Error('expected the scenario to be refused');
}

describe('clock and calendar checks', () => {
  it('refuses an unknown time zone, suggesting the closest', () => {
    expect(problems('name: d\nclock:\n  timezone: Europe/Amsterdm\n')).toMatchInlineSnapshot(`
      "desk.yaml:3:13  clock.timezone
        unknown time zone "Europe/Amsterdm" — did you mean "Europe/Amsterdam"?"
    `);
  });

  it('refuses a shift that starts at 24:00', () => {
    const message = problems(
      'name: d\ntiers:\n  - id: t\n    shifts:\n      - { agents: 2, days: [mon], start: "24:00", end: "08:00" }\n',
    );
    expect(message).toContain('tiers.t.shifts.0.start');
    expect(message).toContain('cannot start at 24:00');
  });

  it('accepts known zones', () => {
    expect(() => loadScenarioText('name: d\nclock: { timezone: Asia/Kolkata }\n', 'desk.yaml')).not.toThrow();
  });
});

describe('closestMatch', () => {
  it('finds near misses and ignores unrelated words', () => {
    expect(closestMatch('rate_per_hr', ['rate_per_hour', 'pattern'])).toBe('rate_per_hour');
    expect(closestMatch('zzz', ['rate_per_hour', 'pattern'])).toBeUndefined();
  });
});

describe('customers and agents checks', () => {
  it('refuses satisfaction expectations for unknown channels or priorities, once each', () => {
    const text =
      'name: d\ntiers: [{ id: a, agents: 1, escalates_to: b }, { id: b, agents: 1 }]\n' +
      'customers:\n  satisfaction:\n    expected_first_response: { chat: 2m }\n    expected_resolution: { urgent: 4h }\n';
    expect(problems(text)).toMatchInlineSnapshot(`
      "desk.yaml:5:5  customers.satisfaction.expected_first_response
        unknown channel "chat" (known: email)
      desk.yaml:6:5  customers.satisfaction.expected_resolution
        unknown priority "urgent" (known: normal)"
    `);
  });

  it('refuses out-of-range agent parameters with their paths', () => {
    const message = problems('name: d\nagents:\n  absence: { share: 1.5 }\n  new_hire: { speed: 0 }\n');
    expect(message).toContain('agents.absence.share');
    expect(message).toContain('agents.new_hire.speed');
  });
});
