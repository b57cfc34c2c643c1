/** The page's controls come from the scenario, the JSON Schema and the incentive table; links round-trip. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GAMING_BEHAVIOURS, INCENTIVE_KPIS } from '../../src/scenario/incentives.js';
import { loadScenarioFile, loadScenarioText } from '../../src/scenario/load.js';
import { resolvedScenarioYaml } from '../../src/scenario/load.js';
import { scenarioJsonSchema } from '../../src/scenario/schema.js';
import { buildControls, controlForIssue, overridesFor, schemaAt } from '../../page/controls.js';
import { decodeSettings, encodeSettings } from '../../page/share.js';
import { root } from '../support/cli.js';

const baseline = loadScenarioFile(join(root, 'scenarios/baseline.yaml')).scenario;
const controls = buildControls(baseline, scenarioJsonSchema());
const byPath = (path: string) => controls.find((control) => control.path === path);

describe('page controls', () => {
  it('has one per shift, SLA target, gaming behaviour and incentive KPI, with the schema bounds', () => {
    expect(controls.filter((control) => control.group === 'Staffing').map((control) => control.path)).toEqual([
      'tiers.tier1.shifts.0.agents',
      'tiers.tier1.shifts.1.agents',
      'tiers.tier1.shifts.2.agents',
      'tiers.tier2.shifts.0.agents',
      'tiers.live.shifts.0.agents',
      'tiers.live.shifts.1.agents',
      'tiers.live.shifts.2.agents',
      'tiers.live.shifts.3.agents',
    ]);
    expect(byPath('tiers.tier2.shifts.0.agents')).toMatchObject({
      value: 4,
      minimum: 0,
      integer: true,
      step: 1,
      help: 'Agents on this shift.',
    });
    expect(byPath('arrivals.rate_per_hour')).toMatchObject({ value: 6, minimum: 0, integer: false });
    expect(byPath('knowledge.coverage.how_to')).toMatchObject({ value: 0.72, minimum: 0, maximum: 1 });
    expect(byPath('sla.targets.urgent.first_response')).toMatchObject({ value: 60, duration: true });
    expect(controls.filter((control) => control.group === 'Gaming behaviours').map((control) => control.path)).toEqual(
      GAMING_BEHAVIOURS.map((behaviour) => `gaming.${behaviour}.intensity`),
    );
    expect(byPath('gaming.rushing.intensity')).toMatchObject({ minimum: 0, maximum: 1, value: 0 });
    expect(controls.filter((control) => control.group === 'Incentive pressure').map((control) => control.path)).toEqual(
      INCENTIVE_KPIS.map((kpi) => `incentives.${kpi}`),
    );
    expect(byPath('replications')).toMatchObject({ value: 10, minimum: 1, integer: true });
    expect(byPath('seed')).toMatchObject({ value: 2026, integer: true });
  });

  it('finds a field under unions and lists', () => {
    const schema = scenarioJsonSchema();
    expect(schemaAt(schema, ['knowledge', 'coverage'])).toMatchObject({ type: 'number', maximum: 1 });
    expect(schemaAt(schema, ['tiers', 'tier1', 'agents'])).toMatchObject({ type: 'integer', minimum: 0 });
    expect(schemaAt(schema, ['no_such_field'])).toBeUndefined();
  });

  it("turns changed values into --set overrides that load like the command line's", () => {
    const values = new Map([
      ['tiers.tier2.shifts.0.agents', 5],
      ['incentives.tickets_per_agent_day', 0.5],
      ['arrivals.rate_per_hour', 6],
    ]);
    const overrides = overridesFor(controls, values);
    expect(overrides).toEqual([
      'tiers.tier2.shifts.0.agents=5',
      'incentives=[{"kpi":"tickets_per_agent_day","pressure":0.5}]',
    ]);
    const viaPage = loadScenarioText(resolvedScenarioYaml(baseline), 'baseline.yaml', { overrides }).scenario;
    const viaFile = loadScenarioFile(join(root, 'scenarios/baseline.yaml'), { overrides }).scenario;
    expect(viaPage).toEqual(viaFile);
    expect(overridesFor(controls, new Map())).toEqual([]);
  });

  it('places an issue beside its control', () => {
    const values = new Map([['incentives.csat_mean', 2]]);
    expect(controlForIssue(controls, values, 'tiers.tier2.shifts.0.agents')?.path).toBe('tiers.tier2.shifts.0.agents');
    expect(controlForIssue(controls, values, 'incentives.0.pressure')?.path).toBe('incentives.csat_mean');
    expect(controlForIssue(controls, values, 'horizon.days')).toBeUndefined();
  });

  it('encodes settings in the address and reads them back', () => {
    const settings = {
      scenario: 'gaming/csat-bonus',
      values: new Map([
        ['tiers.tier2.shifts.0.agents', 1],
        ['incentives.csat_mean', 0.75],
      ]),
      trainer: true,
      sweepKpi: 'csat_mean',
    };
    const hash = encodeSettings(settings);
    expect(hash).toBe(
      'scenario=gaming%2Fcsat-bonus&set=tiers.tier2.shifts.0.agents%3D1&set=incentives.csat_mean%3D0.75&sweep=csat_mean&trainer=1',
    );
    expect(decodeSettings(`#${hash}`)).toEqual(settings);
    expect(decodeSettings('#set=seed%3Dabc&set=%3D4&set=replications%3D').values.size).toBe(0);
  });
});
