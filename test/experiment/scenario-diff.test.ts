import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioDifferences } from '../../src/experiment/scenario-diff.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { cli, root, temporaryDirectory } from '../support/cli.js';

const load = (file: string, overrides: string[] = []) => loadScenarioFile(join(root, file), { overrides }).scenario;

describe('what differs between two resolved scenarios', () => {
  it('names each changed field with both values; tiers by id', () => {
    expect(scenarioDifferences(load('scenarios/baseline.yaml'), load('scenarios/understaffed-tier2.yaml'))).toEqual([
      'tiers.tier2.shifts.0.agents: 4 → 3',
    ]);
    const other = load('scenarios/baseline.yaml', [
      'arrivals.rate_per_hour=8',
      'arrivals.surges=[{start: 2d, duration: 4h, multiplier: 3}]',
      'name=other',
    ]);
    expect(scenarioDifferences(load('scenarios/baseline.yaml'), other)).toEqual([
      'arrivals.rate_per_hour: 6 → 8',
      'added arrivals.surges.0: {"start":"2d","duration":240,"multiplier":3}',
    ]);
    expect(scenarioDifferences(load('scenarios/textbook/mmc.yaml'), load('scenarios/textbook/mmc.yaml'))).toEqual([]);
  });

  it("opens compare with them, and with each scenario's targets", async () => {
    const directory = temporaryDirectory();
    const file = join(directory, 'mmc-11.yaml');
    writeFileSync(
      file,
      `extends: ${join(root, 'scenarios/textbook/mmc.yaml')}\nname: mmc-11\ntiers: [{ id: desk, agents: 11 }]\ntargets: [{ kpi: service_level, good: ">= 0.5" }]\n`,
    );
    const result = await cli([
      'compare',
      'scenarios/textbook/mmc.yaml',
      file,
      '--set',
      'horizon.days=3',
      '-r',
      '2',
      '--out',
      join(directory, 'out'),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'What mmc-11 changes from mmc: tiers.desk.agents: 10 → 11; added targets: [{"kpi":"service_level","good":">= 0.5"}]',
    );
    expect(result.stdout).toContain('Targets of mmc: none');
    expect(result.stdout).toMatch(/Targets of mmc-11: service_level [✔▲✘] /);
    const comparison = JSON.parse(readFileSync(join(directory, 'out', 'comparison.json'), 'utf8'));
    expect(comparison.differences).toEqual([
      {
        scenario: 'mmc-11',
        lines: ['tiers.desk.agents: 10 → 11', 'added targets: [{"kpi":"service_level","good":">= 0.5"}]'],
      },
    ]);
    expect(readFileSync(join(directory, 'out', 'report.html'), 'utf8')).toContain(
      'What mmc-11 changes from mmc: tiers.desk.agents: 10 → 11',
    );
  });
});
