/**
 * Every shipped scenario loads and runs (on a shortened horizon). `scenarios/mappings/` holds
 * mappings of real logs, not scenarios: test/importer/mapping.test.ts loads those.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/experiment/run.js';
import { loadScenarioFile } from '../src/scenario/load.js';
import { root } from './support/cli.js';

function yamlFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'mappings' ? [] : yamlFiles(path);
    return entry.name.endsWith('.yaml') ? [path] : [];
  });
}

describe('shipped scenarios', () => {
  const files = yamlFiles(join(root, 'scenarios'));
  it('exist', () => expect(files.length).toBeGreaterThanOrEqual(5));
  for (const file of files) {
    it(`${relative(root, file)} loads and runs`, () => {
      const { scenario } = loadScenarioFile(file, { overrides: ['horizon.days=3', 'horizon.warmup_days=1', 'replications=2'] });
      const result = runScenario(scenario);
      expect(result.summary.kpis.tickets_created!.mean).toBeGreaterThan(0);
      expect(result.summary.kpis.resolution_time_mean!.mean).toBeGreaterThan(0);
    });
  }
});
