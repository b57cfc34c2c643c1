/**
 * Experiments on worker threads: byte-identical results for any number of workers. Runs the
 * built CLI (`npm test` builds first): worker threads load the compiled worker script.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, temporaryDirectory } from '../support/cli.js';
import { buildIsStale } from '../support/fresh-build.js';

const main = join(root, 'dist', 'cli', 'main.js');

/** Runs a command with 1 and with 2 workers; returns both output directories. */
function withOneAndTwoWorkers(args: string[]): [string, string] {
  const [one, two] = [1, 2].map((workers) => {
    const out = temporaryDirectory();
    execFileSync(process.execPath, [main, ...args, '--workers', String(workers), '--out', out, '--quiet'], {
      cwd: root,
    });
    return out;
  });
  return [one!, two!];
}

describe('experiments with --workers', () => {
  it('needs the build', () => {
    expect(existsSync(main), 'dist/cli/main.js is missing: run `npm run build` (npm test does)').toBe(true);
    expect(buildIsStale(), 'dist/ is older than src/: these tests would run stale code').toBe(false);
  });

  it('compare: byte-identical comparison.json, comparison.csv and summaries with 1 and 2 worker threads', () => {
    const [one, two] = withOneAndTwoWorkers([
      'compare',
      'scenarios/baseline.yaml',
      'scenarios/understaffed-tier2.yaml',
      '--set',
      'horizon.days=14',
      '--replications',
      '4',
    ]);
    for (const file of ['comparison.json', 'comparison.csv', 'baseline/summary.json', 'understaffed-tier2/kpis.csv']) {
      expect(readFileSync(join(two, file)).equals(readFileSync(join(one, file))), file).toBe(true);
    }
  });

  it('pressure: byte-identical pressure.json with 1 and 2 worker threads', () => {
    const [one, two] = withOneAndTwoWorkers([
      'pressure',
      'scenarios/baseline.yaml',
      '--kpi',
      'first_response_time_mean',
      '--steps',
      '1',
      '--set',
      'horizon.days=10',
      '--replications',
      '3',
    ]);
    expect(readFileSync(join(two, 'pressure.json')).equals(readFileSync(join(one, 'pressure.json')))).toBe(true);
  });
});
