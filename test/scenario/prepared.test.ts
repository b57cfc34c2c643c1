import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/document/errors.js';
import { loadScenarioFile, prepareScenarioFile } from '../../src/scenario/load.js';

const file = 'scenarios/baseline.yaml';

describe('prepareScenarioFile', () => {
  it('values given as data resolve to the scenario the same --set text gives', () => {
    const prepared = prepareScenarioFile(file);
    const text = loadScenarioFile(file, { overrides: ['horizon.days=14', 'tiers.tier1.shifts.0.agents=7', 'incentives=[{"kpi":"csat_mean","pressure":0.5}]'] }).scenario;
    const data = prepared.resolve([
      'horizon.days=14',
      { path: ['tiers', 'tier1', 'shifts', '0', 'agents'], value: 7, label: 'tiers.tier1.shifts.0.agents=7' },
      { path: ['incentives'], value: [{ kpi: 'csat_mean', pressure: 0.5 }], label: 'incentives=[{"kpi":"csat_mean","pressure":0.5}]' },
    ]).scenario;
    expect(data).toEqual(text);
  });

  it('each resolve starts from the file: one point\'s values do not leak into the next', () => {
    const prepared = prepareScenarioFile(file);
    prepared.resolve([{ path: ['horizon', 'days'], value: 9, label: 'horizon.days=9' }]);
    expect(prepared.resolve([]).scenario).toEqual(loadScenarioFile(file).scenario);
  });

  it('a bad value is reported under its label, exactly as the --set text would be', () => {
    const issuesOf = (load: () => unknown) => {
      try {
        load();
      } catch (error) {
        if (error instanceof ScenarioError) return error.issues;
      }
      throw new Error('expected a ScenarioError');
    };
    const data = issuesOf(() => prepareScenarioFile(file).resolve([{ path: ['tiers', 'tier1', 'agents'], value: -3, label: 'tiers.tier1.agents=-3' }]));
    expect(data).toEqual(issuesOf(() => loadScenarioFile(file, { overrides: ['tiers.tier1.agents=-3'] })));
    expect(data.some((issue) => issue.override === 'tiers.tier1.agents=-3' && issue.path === 'tiers.tier1.agents')).toBe(true);
  });

  it('a missing file fails at every resolve, with the loader\'s message', () => {
    const prepared = prepareScenarioFile('scenarios/no-such-file.yaml');
    expect(() => prepared.resolve([])).toThrow(ScenarioError);
    expect(() => prepared.resolve([])).toThrow(/no-such-file/);
  });
});
