/**
 * Every example printed by `--help` and in the README runs as written, in a scratch copy of
 * the repository's layout: `scenarios/` and `examples/` inside it, as in a clone.
 */
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { cli, root, temporaryDirectory } from '../support/cli.js';

/** Every command of the CLI, as the program registers them. */
const commands = buildProgram({ stdout: () => {}, stderr: () => {}, interactive: false, cwd: root }).commands.map((command) => command.name());

async function examples(): Promise<string[]> {
  const lines: string[] = [];
  for (const command of commands) {
    const help = await cli([command, '--help']);
    for (const line of help.stdout.split('\n')) {
      const match = /^\s*\$ desksim (.*)$/.exec(line);
      if (match) lines.push(match[1]!.replace(/\s*>.*$/, '')); // drop shell redirections
    }
  }
  return lines;
}

/** A scratch repository directory: scenarios/ and examples/ linked inside, nothing beside it. */
function scratchRepository(): string {
  const directory = temporaryDirectory();
  const repository = join(directory, 'repository');
  mkdirSync(repository);
  symlinkSync(join(root, 'scenarios'), join(repository, 'scenarios'));
  symlinkSync(join(root, 'examples'), join(repository, 'examples'));
  return repository;
}

/**
 * Runs an example — commands chained with `&&` run in turn in one scratch repository — and
 * checks each succeeds and says nothing on stderr but `metrics`' import report.
 */
async function expectRuns(example: string): Promise<void> {
  const repository = scratchRepository();
  for (const command of example.split(/\s+&&\s+(?:npx\s+)?desksim\s+/)) {
    const result = await cli(command.split(/\s+/), repository);
    if (command.startsWith('metrics ')) expect(result.stderr).toMatch(/^Imported /);
    else expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }
}

describe('--help examples', async () => {
  const all = await examples();
  it('are given by every command', async () => {
    expect(commands).toEqual(expect.arrayContaining(['init', 'run', 'compare', 'sweep', 'pressure', 'validate', 'metrics', 'schema']));
    for (const command of commands) expect((await cli([command, '--help'])).stdout, command).toMatch(/\nExamples:\n[\s\S]*\$ desksim /);
  });
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
