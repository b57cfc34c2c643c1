/**
 * A log given as a pipe (`desksim metrics /dev/stdin < export.csv`, or a shell's `<(…)`): it has
 * no size to estimate from and cannot be read twice, so the size check leaves it alone and the
 * text reader streams it. Its KPIs are the file's.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, temporaryDirectory } from '../support/cli.js';

const main = join(root, 'dist', 'cli', 'main.js');
const log = join(root, 'test', 'fixtures', 'real-logs', 'helpdesk.csv');

const args = (path: string, out: string) => [
  'metrics',
  path,
  '--mapping',
  'scenarios/mappings/helpdesk.yaml',
  '--quiet',
  '--no-report',
  '--out',
  out,
];

describe.runIf(spawnSync('bash', ['-c', 'true']).status === 0)('a log read from a pipe', () => {
  it('gives the same KPIs as the file, with the size check on', () => {
    const directory = temporaryDirectory();
    const fromFile = spawnSync(process.execPath, [main, ...args(log, join(directory, 'file'))], { cwd: root });
    expect(fromFile.status, String(fromFile.stderr)).toBe(0);
    // bash's process substitution hands desksim a pipe (/dev/fd/N).
    const quoted = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
    const command = [process.execPath, main, ...args('<(cat LOG)', join(directory, 'pipe'))]
      .map((word) => (word === '<(cat LOG)' ? `<(cat ${quoted(log)})` : quoted(word)))
      .join(' ');
    const fromPipe = spawnSync('bash', ['-c', command], { cwd: root, encoding: 'utf8' });
    expect(fromPipe.status, fromPipe.stderr).toBe(0);
    expect(readFileSync(join(directory, 'pipe', 'kpis.csv'), 'utf8')).toBe(
      readFileSync(join(directory, 'file', 'kpis.csv'), 'utf8'),
    );
  });
});
