/**
 * Parallel replications: byte-identical outputs for any number of worker threads. Runs the
 * built CLI (`npm test` builds first): worker threads load the compiled worker script. The
 * CLI run in this process from `src/` (no compiled worker script: every replication in this
 * thread, the charts too) must write the same bytes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_MARKER } from '../../src/report/output-directory.js';
import { cli, root, temporaryDirectory } from '../support/cli.js';
import { buildIsStale } from '../support/fresh-build.js';

const main = join(root, 'dist', 'cli', 'main.js');

/**
 * Every file under an output directory, by relative path, but the ownership marker (it
 * records the command line, whose --out and --workers differ).
 */
function outputFiles(directory: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === OUTPUT_MARKER) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(directory.length + 1), readFileSync(path));
  }
  return files;
}

/** Expects two output directories to hold the same files, byte for byte. */
function expectSameOutputs(actual: string, expected: string, label: string): void {
  const [got, wanted] = [outputFiles(actual), outputFiles(expected)];
  expect([...got.keys()].sort(), `${label}: the files`).toEqual([...wanted.keys()].sort());
  // The report and its charts are among them (not only the CSV and JSON files).
  expect(wanted.has('report.html') && [...wanted.keys()].some((file) => file.endsWith('.svg'))).toBe(true);
  for (const [file, bytes] of wanted) expect(got.get(file)!.equals(bytes), `${label}: ${file}`).toBe(true);
}

describe('--workers', () => {
  it('needs the build', () => {
    expect(existsSync(main), 'dist/cli/main.js is missing: run `npm run build` (npm test does)').toBe(true);
    expect(buildIsStale(), 'dist/ is older than src/: these tests would run stale code').toBe(false);
  });

  // With 2 replications on 2 workers, replication 1 (which also writes events.ndjson and
  // renders tickets.csv) usually finishes last: the case where ending workers too early
  // once truncated the event log.
  for (const replications of [2, 5]) {
    it(`gives byte-identical outputs with 1 and 2 worker threads (${replications} replications)`, async () => {
      const args = (workers: number, out: string) => [
        'run',
        'scenarios/baseline.yaml',
        '--workers',
        String(workers),
        '--out',
        out,
        '--quiet',
        '--events',
        '--set',
        'horizon.days=14',
        '--replications',
        String(replications),
      ];
      const [one, two] = [1, 2].map((workers) => {
        const out = temporaryDirectory();
        execFileSync(process.execPath, [main, ...args(workers, out)], { cwd: root });
        return out;
      });
      expectSameOutputs(two!, one!, '2 workers against 1');
      if (replications === 2) {
        const inProcess = temporaryDirectory();
        const outcome = await cli(args(2, inProcess));
        expect(outcome.code, outcome.stderr).toBe(0);
        expectSameOutputs(inProcess, one!, 'in this process (src/) against the build with 1 worker');
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
