/**
 * Shards: three shards run as separate processes of the built CLI, put together by
 * `desksim merge`, give the unsharded command's outputs byte for byte; shards that do not
 * make one whole job are refused with exit 2.
 */
import { execFile, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { OUTPUT_MARKER } from '../../src/report/output-directory.js';
import { root, temporaryDirectory } from '../support/cli.js';

const main = join(root, 'dist', 'cli', 'main.js');
const run = promisify(execFile);

/** Every file under a directory (the marker, which names the command line, left out), by relative path. */
function files(directory: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name !== OUTPUT_MARKER) found.set(relative(directory, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  }
  return found;
}

/** Runs the command whole and in three shards (three processes at once), merges them; returns both directories. */
async function wholeAndMerged(args: string[]): Promise<{ whole: string; merged: string; shards: string[] }> {
  const scratch = temporaryDirectory();
  const whole = join(scratch, 'whole');
  const shards = [1, 2, 3].map((index) => join(scratch, `shard-${index}`));
  await Promise.all([
    run(process.execPath, [main, ...args, '--quiet', '--out', whole], { cwd: root }),
    ...shards.map((out, index) => run(process.execPath, [main, ...args, '--quiet', '--shard', `${index + 1}/3`, '--out', out], { cwd: root })),
  ]);
  const merged = join(scratch, 'merged');
  await run(process.execPath, [main, 'merge', ...shards, '--quiet', '--out', merged], { cwd: root });
  return { whole, merged, shards };
}

function expectSameFiles(whole: string, merged: string, expected: string[]): void {
  const a = files(whole);
  const b = files(merged);
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
  for (const file of expected) expect(a.has(file), file).toBe(true);
  for (const [file, bytes] of a) expect(b.get(file)!.equals(bytes), file).toBe(true);
}

describe('--shard and desksim merge', () => {
  it('run: three shards merge into the unsharded outputs, event log and report included', async () => {
    const { whole, merged } = await wholeAndMerged(['run', 'scenarios/textbook/mmc.yaml', '--set', 'horizon.days=3', '-r', '5', '--events']);
    expectSameFiles(whole, merged, ['summary.json', 'kpis.csv', 'tickets.csv', 'segments.csv', 'daily.csv', 'events.ndjson', 'report.html']);
  });

  it('sweep: three shards merge into the unsharded sweep.json and sweep.csv', async () => {
    const { whole, merged } = await wholeAndMerged(['sweep', 'scenarios/experiments/tier1-staffing.yaml', '--set', 'horizon.days=9', '-r', '2', '--no-report']);
    expectSameFiles(whole, merged, ['sweep.json', 'sweep.csv']);
  });

  it('refuses a missing shard, a shard given twice, shards of another job and a directory that is no shard (exit 2)', async () => {
    const scratch = temporaryDirectory();
    const args = ['compare', 'scenarios/textbook/mmc.yaml', 'scenarios/textbook/mmc.yaml', '--set', 'horizon.days=3', '--no-report', '--quiet'];
    const shard = (index: number, extra: string[] = []) => run(process.execPath, [main, ...args, ...extra, '--shard', `${index}/2`, '--out', join(scratch, `s${index}${extra.join('')}`)], { cwd: root });
    await Promise.all([shard(1), shard(2), shard(2, ['-r', '3'])]);
    const merge = (...directories: string[]) => spawnSync(process.execPath, [main, 'merge', ...directories.map((name) => join(scratch, name)), '--out', join(scratch, 'out')], { cwd: root, encoding: 'utf8' });

    const incomplete = merge('s1');
    expect(incomplete.status).toBe(2);
    expect(incomplete.stderr).toContain('incomplete: 1 of 2 shards missing (2/2)');
    const twice = merge('s1', 's2', 's2');
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('shard 2/2 is given twice');
    const mismatched = merge('s1', 's2-r3');
    expect(mismatched.status).toBe(2);
    expect(mismatched.stderr).toContain('are not shards of one job');
    const notShard = spawnSync(process.execPath, [main, 'merge', root, '--out', join(scratch, 'out')], { cwd: root, encoding: 'utf8' });
    expect(notShard.status).toBe(2);
    expect(notShard.stderr).toContain('has no shard.json');
    const ontoShard = spawnSync(process.execPath, [main, 'merge', join(scratch, 's1'), join(scratch, 's2'), '--out', join(scratch, 's1')], { cwd: root, encoding: 'utf8' });
    expect(ontoShard.status).toBe(2);
    expect(ontoShard.stderr).toContain('would replace the shard');
    expect(readdirSync(join(scratch, 's1'))).toContain('shard.json');
  });
});
