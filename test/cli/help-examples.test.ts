/**
 * Every example printed by `--help` and in the README runs as written, in a scratch copy of
 * the repository's layout: `scenarios/` inside it and `shared/` beside it, as in a clone.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, root, temporaryDirectory } from '../support/cli.js';

async function examples(): Promise<string[]> {
  const lines: string[] = [];
  for (const command of ['run', 'compare', 'sweep', 'pressure', 'validate', 'metrics', 'schema']) {
    const help = await cli([command, '--help']);
    for (const line of help.stdout.split('\n')) {
      const match = /^\s*\$ desksim (.*)$/.exec(line);
      if (match) lines.push(match[1]!.replace(/\s*>.*$/, '')); // drop shell redirections
    }
  }
  return lines;
}

/** A scratch repository directory: scenarios/ linked inside, the real shared/ linked beside. */
function scratchRepository(): string {
  const directory = temporaryDirectory();
  const repository = join(directory, 'repository');
  mkdirSync(repository);
  symlinkSync(join(root, 'scenarios'), join(repository, 'scenarios'));
  const shared = join(root, '..', 'shared');
  if (existsSync(shared)) {
    symlinkSync(shared, join(directory, 'shared'));
  } else {
    // A clone without shared/ beside it: the test copy of the real log stands in.
    mkdirSync(join(directory, 'shared', 'data'), { recursive: true });
    symlinkSync(join(root, 'test', 'fixtures', 'real-logs'), join(directory, 'shared', 'data', 'real-logs'));
  }
  return repository;
}

/** Runs an example: it succeeds, and says nothing on stderr but `metrics`' import report. */
async function expectRuns(example: string): Promise<void> {
  const result = await cli(example.split(/\s+/), scratchRepository());
  if (example.startsWith('metrics ')) expect(result.stderr).toMatch(/^Imported /);
  else expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
}

describe('--help examples', async () => {
  const all = await examples();
  it('exist for every command', () => expect(all.length).toBeGreaterThanOrEqual(8));
  for (const example of all) {
    it(`desksim ${example}`, () => expectRuns(example));
  }
});

describe('README examples', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const lines = [...readme.matchAll(/^npx desksim (.*)$/gm)].map((match) => match[1]!.replace(/\s*>.*$/, ''));
  it('exist', () => expect(lines.length).toBeGreaterThanOrEqual(5));
  for (const example of lines) {
    it(`npx desksim ${example}`, () => expectRuns(example));
  }
});
