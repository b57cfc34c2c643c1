/**
 * Shards: three shards run as separate processes of the built CLI, put together by
 * `desksim merge`, give the unsharded command's outputs byte for byte (a run, a sweep, a
 * framework study); shards that do not make one whole job are refused with exit 2.
 */
import { execFile, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
    if (entry.isFile() && entry.name !== OUTPUT_MARKER)
      found.set(
        relative(directory, join(entry.parentPath, entry.name)),
        readFileSync(join(entry.parentPath, entry.name)),
      );
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
    ...shards.map((out, index) =>
      run(process.execPath, [main, ...args, '--quiet', '--shard', `${index + 1}/3`, '--out', out], { cwd: root }),
    ),
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
    const { whole, merged } = await wholeAndMerged([
      'run',
      'scenarios/textbook/mmc.yaml',
      '--set',
      'horizon.days=3',
      '-r',
      '5',
      '--events',
    ]);
    expectSameFiles(whole, merged, [
      'summary.json',
      'kpis.csv',
      'tickets.csv',
      'segments.csv',
      'daily.csv',
      'events.ndjson',
      'report.html',
    ]);
  });

  it('sweep: three shards merge into the unsharded sweep.json and sweep.csv', async () => {
    const { whole, merged } = await wholeAndMerged([
      'sweep',
      'scenarios/experiments/tier1-staffing.yaml',
      '--set',
      'horizon.days=9',
      '-r',
      '2',
      '--no-report',
    ]);
    expectSameFiles(whole, merged, ['sweep.json', 'sweep.csv']);
  });

  it('refuses a missing shard, a shard given twice, shards of another job and a directory that is no shard (exit 2)', async () => {
    const scratch = temporaryDirectory();
    const args = [
      'compare',
      'scenarios/textbook/mmc.yaml',
      'scenarios/textbook/mmc.yaml',
      '--set',
      'horizon.days=3',
      '--no-report',
      '--quiet',
    ];
    const shard = (index: number, extra: string[] = []) =>
      run(
        process.execPath,
        [main, ...args, ...extra, '--shard', `${index}/2`, '--out', join(scratch, `s${index}${extra.join('')}`)],
        { cwd: root },
      );
    await Promise.all([shard(1), shard(2), shard(2, ['-r', '3'])]);
    const merge = (...directories: string[]) =>
      spawnSync(
        process.execPath,
        [main, 'merge', ...directories.map((name) => join(scratch, name)), '--out', join(scratch, 'out')],
        { cwd: root, encoding: 'utf8' },
      );

    const incomplete = merge('s1');
    expect(incomplete.status).toBe(2);
    expect(incomplete.stderr).toContain('incomplete: 1 of 2 shards missing (2/2)');
    const twice = merge('s1', 's2', 's2');
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('shard 2/2 is given twice');
    const mismatched = merge('s1', 's2-r3');
    expect(mismatched.status).toBe(2);
    expect(mismatched.stderr).toContain('are not shards of one job');
    const notShard = spawnSync(process.execPath, [main, 'merge', root, '--out', join(scratch, 'out')], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(notShard.status).toBe(2);
    expect(notShard.stderr).toContain('has no shard.json');
    const ontoShard = spawnSync(
      process.execPath,
      [main, 'merge', join(scratch, 's1'), join(scratch, 's2'), '--out', join(scratch, 's1')],
      { cwd: root, encoding: 'utf8' },
    );
    expect(ontoShard.status).toBe(2);
    expect(ontoShard.stderr).toContain('would replace the shard');
    expect(readdirSync(join(scratch, 's1'))).toContain('shard.json');
  });

  it('frameworks: three shards of a tiny study merge into the unsharded frameworks.json, .csv, charts and report', async () => {
    const scratch = temporaryDirectory();
    const study = writeTinyStudy(scratch);
    const { whole, merged, shards } = await wholeAndMerged(['frameworks', study]);
    const made = files(whole);
    expect([...made.keys()].filter((file) => file.startsWith('charts/')).length).toBeGreaterThan(0);
    expectSameFiles(whole, merged, ['frameworks.json', 'frameworks.csv', 'desks.csv', 'report.html']);
    // Every shard did a part of the study's runs, none all of them.
    const parts = shards.map(
      (shard) =>
        (JSON.parse(readFileSync(join(shard, 'shard.json'), 'utf8')) as { runs: Array<{ replications: number[] }> })
          .runs,
    );
    const done = parts.map((runs) => runs.reduce((sum, run) => sum + run.replications.length, 0));
    expect(done.every((count) => count > 0)).toBe(true);
    expect(done.reduce((sum, count) => sum + count, 0)).toBe(parts[0]!.length * 2);

    const merge = (...directories: string[]) =>
      spawnSync(process.execPath, [main, 'merge', ...directories, '--out', join(scratch, 'refused')], {
        cwd: root,
        encoding: 'utf8',
      });
    const missing = merge(shards[0]!, shards[2]!);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('incomplete: 1 of 3 shards missing (2/3)');
    // A shard of the same study with other replications, and one of another command: other jobs.
    const other = join(scratch, 'other-2');
    await run(process.execPath, [main, 'frameworks', study, '-r', '3', '--quiet', '--shard', '2/3', '--out', other], {
      cwd: root,
    });
    const mixed = merge(shards[0]!, other, shards[2]!);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toContain('are not shards of one job: their scenarios or options differ');
    const compare = join(scratch, 'compare-2');
    await run(
      process.execPath,
      [main, 'compare', 'scenarios/textbook/mmc.yaml', 'scenarios/textbook/mmc.yaml', '--set', 'horizon.days=3'].concat(
        ['--quiet', '--shard', '2/3', '--out', compare],
      ),
      { cwd: root },
    );
    const commands = merge(shards[0]!, compare, shards[2]!);
    expect(commands.status).toBe(2);
    expect(commands.stderr).toContain('are not shards of one job: commands "compare" and "frameworks"');
    expect(readdirSync(scratch)).not.toContain('refused');
  });
});

/**
 * A study of seconds: two shipped frameworks on four designed desks of five short days, two
 * replications of every run, one real change and one changed definition. Returns its path.
 */
function writeTinyStudy(directory: string): string {
  const file = join(directory, 'study.yaml');
  const frameworks = join(root, 'scenarios', 'frameworks');
  writeFileSync(
    file,
    `name: tiny-sharded
scenario: ${join(root, 'scenarios', 'baseline.yaml')}
replications: 2
set: [horizon.days=5, horizon.warmup_days=1, metrics.reopen_window_days=2]
frameworks: [${join(frameworks, 'speed-dashboard.yaml')}, ${join(frameworks, 'sqm-customer-outcome.yaml')}]
design:
  method: grid
  factors:
    tiers.tier2.shifts.0.agents: [3, 4]
    gaming.premature_close.intensity: [0, 0.3]
gameability: { pressure: 1, replications: 2 }
sensitivity:
  changes:
    - { name: one more Tier 2 agent, set: [tiers.tier2.shifts.0.agents=5] }
definitions:
  - { name: FCR window 3 days, set: [metrics.fcr_window_days=3] }
bootstrap: { resamples: 100, seed: 1 }
`,
  );
  return file;
}
