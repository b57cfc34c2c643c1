/** Every example printed by `--help` runs as written (in a scratch directory). */
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, root, temporaryDirectory } from '../support/cli.js';

async function examples(): Promise<string[]> {
  const lines: string[] = [];
  for (const command of ['run', 'validate', 'schema']) {
    const help = await cli([command, '--help']);
    for (const line of help.stdout.split('\n')) {
      const match = /^\s*\$ desksim (.*)$/.exec(line);
      if (match) lines.push(match[1]!.replace(/\s*>.*$/, '')); // drop shell redirections
    }
  }
  return lines;
}

describe('--help examples', async () => {
  const all = await examples();
  it('exist for every command', () => expect(all.length).toBeGreaterThanOrEqual(6));
  for (const example of all) {
    it(`desksim ${example}`, async () => {
      const directory = temporaryDirectory();
      symlinkSync(join(root, 'scenarios'), join(directory, 'scenarios'));
      const result = await cli(example.split(/\s+/), directory);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    });
  }
});

describe('README examples', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const lines = [...readme.matchAll(/^npx desksim (.*)$/gm)].map((match) => match[1]!.replace(/\s*>.*$/, ''));
  it('exist', () => expect(lines.length).toBeGreaterThanOrEqual(5));
  for (const example of lines) {
    it(`npx desksim ${example}`, async () => {
      const directory = temporaryDirectory();
      symlinkSync(join(root, 'scenarios'), join(directory, 'scenarios'));
      const result = await cli(example.split(/\s+/), directory);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    });
  }
});
