/**
 * The `blend` section of a tier (src/scenario/blending.ts): located errors for a source tier
 * that does not exist or is the tier itself, and a reserve that would keep the whole team idle.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioText, ScenarioError, scenarioJsonSchema } from '../../src/scenario/index.js';

const file = 'scenarios/bad.yaml';

function rendered(text: string): string {
  try {
    loadScenarioText(text, file);
  } catch (error) {
    if (error instanceof ScenarioError) return error.message;
    throw error;
  }
  throw new Error('expected the scenario to be rejected');
}

const desk = (blend: string) =>
  `name: x\ntiers:\n  - { id: email, agents: 2 }\n  - id: live\n    shifts:\n` +
  `      - { days: [mon], start: "08:00", end: "16:00", agents: 2 }\n` +
  `      - { days: [mon], start: "10:00", end: "18:00", agents: 1 }\n    blend: ${blend}\n`;

describe('blend', () => {
  it('loads a live team blending onto the email tier', () => {
    const scenario = loadScenarioText(desk('{ from: email, reserve: 2 }'), file).scenario;
    expect(scenario.tiers[1]!.blend).toEqual({ from: 'email', reserve: 2 });
  });

  it('reports an unknown source tier', () => {
    expect(rendered(desk('{ from: emial, reserve: 1 }'))).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:8:20  tiers.live.blend.from
        unknown tier "emial" (known: email, live)"
    `);
  });

  it('reports a tier blending from its own queue', () => {
    expect(rendered(desk('{ from: live, reserve: 1 }'))).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:8:20  tiers.live.blend.from
        a tier cannot blend from its own queue"
    `);
  });

  it('reports a reserve of the whole team (its shifts together), and a negative one', () => {
    expect(rendered(desk('{ from: email, reserve: 3 }'))).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:8:36  tiers.live.blend.reserve
        reserve must be smaller than the tier's 3 agents, found 3 (with every agent in reserve nobody would ever blend)"
    `);
    expect(rendered(desk('{ from: email, reserve: -1 }'))).toContain('tiers.live.blend.reserve');
  });

  it('is in the JSON Schema', () => {
    const schema = JSON.stringify(scenarioJsonSchema());
    expect(schema).toContain('reserve');
    expect(schema).toContain('Bhulai & Koole 2003');
  });
});
