/** Progress bars: drawn on a terminal, never with --quiet or --json, never when not a TTY. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { root, temporaryDirectory } from '../support/cli.js';

/** Runs the CLI as if stderr were a terminal; returns what the progress stream received. */
async function withTerminal(args: string[], interactive = true): Promise<{ code: number; drawn: string }> {
  const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
  let drawn = '';
  terminal.on('data', (chunk: Buffer) => void (drawn += chunk.toString()));
  const code = await runCli(args, {
    stdout: () => {},
    stderr: () => {},
    interactive,
    progressStream: terminal,
    cwd: root,
  });
  return { code, drawn };
}

const quick = ['scenarios/textbook/mmc.yaml', '--set', 'horizon.days=3', '--set', 'horizon.warmup_days=1', '-r', '3'];

describe('progress bars', () => {
  it('are drawn on a terminal', async () => {
    const { code, drawn } = await withTerminal(['run', ...quick, '--out', temporaryDirectory()]);
    expect(code).toBe(0);
    expect(drawn).toContain('Simulating mmc');
    expect(drawn).toContain('3/3 replications');
  });

  for (const flag of ['--quiet', '--json']) {
    it(`are not drawn with ${flag}`, async () => {
      const { code, drawn } = await withTerminal(['run', ...quick, '--out', temporaryDirectory(), flag]);
      expect(code).toBe(0);
      expect(drawn).toBe('');
    });
  }

  it('are not drawn when stderr is not a terminal', async () => {
    const { drawn } = await withTerminal(['run', ...quick, '--out', temporaryDirectory()], false);
    expect(drawn).toBe('');
  });
});

describe('progress bars of experiments', () => {
  it('count every replication of every run', async () => {
    const { code, drawn } = await withTerminal([
      'compare',
      'scenarios/textbook/mmc.yaml',
      'scenarios/textbook/mmc.yaml',
      '--set',
      'horizon.days=3',
      '--set',
      'horizon.warmup_days=1',
      '-r',
      '2',
      '--no-report',
      '--out',
      temporaryDirectory(),
    ]);
    expect(code).toBe(0);
    expect(drawn).toContain('Comparing 2 scenarios');
    expect(drawn).toContain('4/4 replications');
  });
});
