/**
 * Parallel replications: byte-identical outputs for any number of worker threads. Runs the
 * built CLI (`npm test` builds first): worker threads load the compiled worker script.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, temporaryDirectory } from '../support/cli.js';
import { buildIsStale } from '../support/fresh-build.js';

const main = join(root, 'dist', 'cli', 'main.js');

describe('--workers', () => {
  it('needs the build', () => {
    expect(existsSync(main), 'dist/cli/main.js is missing: run `npm run build` (npm test does)').toBe(true);
    expect(buildIsStale(), 'dist/ is older than src/: these tests would run stale code').toBe(false);
  });

  // With 2 replications on 2 workers, replication 1 (which also writes events.ndjson and
  // renders tickets.csv) usually finishes last: the case where ending workers too early
  // once truncated the event log.
  for (const replications of [2, 5]) {
    it(`gives byte-identical outputs with 1 and 2 worker threads (${replications} replications)`, () => {
      const outputs = [1, 2].map((workers) => {
        const out = temporaryDirectory();
        const args = [
          'run',
          'scenarios/baseline.yaml',
          '--workers',
          String(workers),
          '--out',
          out,
          '--quiet',
          '--events',
        ];
        execFileSync(
          process.execPath,
          [main, ...args, '--set', 'horizon.days=14', '--replications', String(replications)],
          { cwd: root },
        );
        return out;
      });
      for (const file of ['summary.json', 'kpis.csv', 'tickets.csv', 'segments.csv', 'daily.csv', 'events.ndjson']) {
        expect(readFileSync(join(outputs[1]!, file)).equals(readFileSync(join(outputs[0]!, file))), file).toBe(true);
      }
    });
  }

  it('refuses a bad worker count with exit code 2', () => {
    const result = spawnSync(
      process.execPath,
      [main, 'run', 'scenarios/baseline.yaml', '--workers', '0', '--out', temporaryDirectory()],
      { cwd: root, encoding: 'utf8' },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--workers expects a whole number');
  });
});
