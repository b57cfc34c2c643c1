/** Bad gaming and incentive input is refused before anything runs, located, with a suggestion. */
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../../src/document/errors.js';
import { loadScenarioText } from '../../../src/scenario/load.js';

function problems(text: string, overrides: string[] = []): string {
  try {
    loadScenarioText(text, 'desk.yaml', { overrides });
  } catch (error) {
    if (error instanceof ScenarioError) return error.message;
    throw error;
  }
  throw new Error('expected the scenario to be refused');
}

describe('gaming and incentives input', () => {
  it('refuses an unknown behaviour or parameter, suggesting the closest', () => {
    expect(
      problems('name: d\ngaming:\n  rushng: { intensity: 0.5 }\n  ticket_splitting: { shares: 0.5 }\n'),
    ).toMatchInlineSnapshot(`
      "desk.yaml:3:3  gaming.rushng
        unknown key "rushng" — did you mean "rushing"?
      desk.yaml:4:23  gaming.ticket_splitting.shares
        unknown key "shares" — did you mean "share"?"
    `);
  });

  it('refuses intensities and parameters out of range', () => {
    expect(
      problems(
        'name: d\ngaming:\n  rushing: { intensity: 1.5, cut: 0.95 }\n  escalation_avoidance: { retries: 1.5 }\n',
      ),
    ).toMatchInlineSnapshot(`
      "desk.yaml:3:25  gaming.rushing.intensity
        expected a number from 0 to 1, found 1.5
      desk.yaml:3:35  gaming.rushing.cut
        expected a number from 0 to 0.9, found 0.95
      desk.yaml:4:36  gaming.escalation_avoidance.retries
        expected an integer from 0 to 5, found 1.5"
    `);
  });

  it('refuses an incentive on a KPI outside the incentive table, suggesting the closest, and pressure above 1', () => {
    const message = problems(
      'name: d\nincentives:\n  - { kpi: first_response_tim, pressure: 0.5 }\n  - { kpi: happiness, pressure: 2 }\n',
    );
    expect(message).toContain(
      'desk.yaml:3:12  incentives.0.kpi\n  no incentive is defined for KPI "first_response_tim" — did you mean "first_response_time_mean"?',
    );
    expect(message).toContain(
      'desk.yaml:4:12  incentives.1.kpi\n  no incentive is defined for KPI "happiness" (incentives can target: first_response_time_mean, ',
    );
    expect(message).toContain('desk.yaml:4:33  incentives.1.pressure\n  expected a number from 0 to 1, found 2');
  });

  it('takes --set overrides of gaming fields, and validates them the same way', () => {
    expect(
      loadScenarioText('name: d\n', 'desk.yaml', { overrides: ['gaming.rushing.intensity=0.4'] }).scenario.gaming
        .rushing,
    ).toEqual({
      intensity: 0.4,
      cut: 0.4,
      accuracy_loss: 0.3,
    });
    expect(problems('name: d\n', ['gaming.rushing.intensity=2'])).toContain(
      '--set gaming.rushing.intensity=2  gaming.rushing.intensity',
    );
  });

  it('defaults every behaviour to intensity 0', () => {
    const { gaming } = loadScenarioText('name: d\n', 'desk.yaml').scenario;
    expect(Object.values(gaming).every((behaviour) => behaviour.intensity === 0)).toBe(true);
    expect(Object.keys(gaming)).toHaveLength(9);
  });
});
