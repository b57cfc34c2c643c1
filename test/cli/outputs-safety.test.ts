/**
 * desksim deletes or replaces only what it wrote itself (issue 14 §1): every reproduction of
 * the issue, each as a test. Scenarios are one-day, one-replication desks, reports off, so a
 * run takes a fraction of a second.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { markerText, OUTPUT_MARKER, recoverInterrupted, writeAtomically } from '../../src/report/output-directory.js';
import { slug } from '../../src/report/slug.js';
import { cli, root, temporaryDirectory } from '../support/cli.js';

/** How many simulations `run` started: a refused or unwritable output must start none. */
const simulations = vi.hoisted(() => ({ started: 0 }));
vi.mock('../../src/experiment/run.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/experiment/run.js')>();
  return {
    ...original,
    runScenarioParallel: (...args: Parameters<typeof original.runScenarioParallel>) => {
      simulations.started += 1;
      return original.runScenarioParallel(...args);
    },
  };
});

const main = join(root, 'dist', 'cli', 'main.js');
/** A process id no process has (Linux's largest is 4194304): the owner of a stale leftover. */
const GONE_PID = 99_999_999;

/** A scratch working directory holding the user's own file and a one-day scenario called `name`. */
function desk(name: string): string {
  const directory = temporaryDirectory();
  writeFileSync(join(directory, 'keep.txt'), 'mine');
  const scenario = `name: ${JSON.stringify(name)}\nhorizon: { days: 1, warmup_days: 0 }\nreplications: 1\n`;
  writeFileSync(join(directory, 'd.yaml'), scenario);
  return directory;
}

function run(cwd: string, ...more: string[]) {
  return cli(['run', 'd.yaml', '--no-report', '--quiet', ...more], cwd);
}

function marked(directory: string): boolean {
  return lstatSync(join(directory, OUTPUT_MARKER), { throwIfNoEntry: false })?.isFile() ?? false;
}

beforeEach(() => {
  simulations.started = 0;
});

describe('slug', () => {
  it('keeps letters, digits, -, _ and ., never a leading dot, never . or .., at most 100 characters', () => {
    expect(slug('My Desk!', 'x')).toBe('My-Desk');
    expect(slug('Équipe support N°2', 'x')).toBe('Equipe-support-N-2');
    expect(slug('.hidden', 'x')).toBe('hidden');
    expect(slug('tier1_v2.0', 'x')).toBe('tier1_v2.0');
    for (const name of ['..', '../', '/..', ' .. ', '.', '', '../../etc', '///', '-.-']) {
      expect(slug(name, 'scenario'), name).not.toMatch(/^\.|\/|^$/);
    }
    expect(slug('..', 'scenario')).toBe('scenario');
    expect(slug('../../etc', 'scenario')).toBe('etc');
    expect(slug('a'.repeat(300), 'x')).toHaveLength(100);
  });
});

describe('a scenario name never escapes outputs/', () => {
  for (const name of ['..', '../', '/..', ' .. ', '.']) {
    it(`name: ${JSON.stringify(name)} writes outputs/scenario and touches nothing else`, async () => {
      const directory = desk(name);
      mkdirSync(join(directory, 'outputs', 'earlier'), { recursive: true });
      writeFileSync(join(directory, 'outputs', 'earlier', 'notes.txt'), 'mine');
      const result = await run(directory);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(readdirSync(directory).sort()).toEqual(['d.yaml', 'keep.txt', 'outputs']);
      expect(readdirSync(join(directory, 'outputs')).sort()).toEqual(['earlier', 'scenario']);
      expect(readFileSync(join(directory, 'outputs', 'earlier', 'notes.txt'), 'utf8')).toBe('mine');
      expect(marked(join(directory, 'outputs', 'scenario'))).toBe(true);
    });
  }

  it('metrics on a log named ..ndjson writes outputs/log', async () => {
    const directory = desk('d');
    expect((await run(directory, '--events', '--out', 'simulated')).code).toBe(0);
    writeFileSync(join(directory, '..ndjson'), readFileSync(join(directory, 'simulated', 'events.ndjson')));
    const result = await cli(['metrics', '..ndjson', '--quiet'], directory);
    expect(result.code).toBe(0);
    expect(readdirSync(join(directory, 'outputs'))).toEqual(['log']);
    expect(marked(join(directory, 'outputs', 'log'))).toBe(true);
    expect(readFileSync(join(directory, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('init never writes such a name, and quotes a name YAML would read as a number', async () => {
    const directory = temporaryDirectory();
    const dots = await cli(['init', '..yaml', '--json'], directory);
    expect(dots.code).toBe(0);
    expect(JSON.parse(dots.stdout).name).toBe('my-desk');
    const year = await cli(['init', '2026.yaml', '--json'], directory);
    expect(JSON.parse(year.stdout).name).toBe('2026');
    expect(readFileSync(join(directory, '2026.yaml'), 'utf8')).toContain('\nname: "2026"\n');
    expect((await cli(['validate', '2026.yaml', '--json'], directory)).code).toBe(0);
    mkdirSync(join(directory, 'folder.yaml'));
    const folder = await cli(['init', 'folder.yaml', '--force'], directory);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('folder.yaml exists and is not a file');
  });
});

describe('--out', () => {
  it('refuses the current directory (exit 2), with or without --force', async () => {
    const directory = desk('d');
    for (const extra of [[], ['--force']]) {
      const result = await run(directory, '--out', '.', ...extra);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${directory} is the current directory`);
    }
    expect(readdirSync(directory).sort()).toEqual(['d.yaml', 'keep.txt']);
    expect(simulations.started).toBe(0);
  });

  it('refuses an empty --out (exit 2)', async () => {
    const directory = desk('d');
    const result = await run(directory, '--out', '');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--out needs a directory name');
    expect(readdirSync(directory).sort()).toEqual(['d.yaml', 'keep.txt']);
  });

  it("refuses a directory holding the user's files unless --force, naming the path and --force", async () => {
    const directory = desk('d');
    mkdirSync(join(directory, 'results'));
    writeFileSync(join(directory, 'results', 'thesis.tex'), 'years of work');
    const refused = await run(directory, '--out', 'results');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${join(directory, 'results')} already exists and was not written by desksim`);
    expect(refused.stderr).toContain('--force');
    expect(readdirSync(join(directory, 'results'))).toEqual(['thesis.tex']);
    expect(readdirSync(directory).sort()).toEqual(['d.yaml', 'keep.txt', 'results']);
    expect(simulations.started).toBe(0);

    const forced = await run(directory, '--out', 'results', '--force');
    expect(forced.code).toBe(0);
    expect(readdirSync(join(directory, 'results'))).toContain(OUTPUT_MARKER);
    expect(readdirSync(join(directory, 'results'))).not.toContain('thesis.tex');
  });

  it('never replaces a file, even with --force', async () => {
    const directory = desk('d');
    for (const extra of [[], ['--force']]) {
      const result = await run(directory, '--out', 'keep.txt', ...extra);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${join(directory, 'keep.txt')} is a file, not a directory`);
    }
    expect(readFileSync(join(directory, 'keep.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(directory).sort()).toEqual(['d.yaml', 'keep.txt']);
  });

  it('replaces a directory that holds the marker: nothing of the old result is left', async () => {
    const directory = desk('d');
    expect((await run(directory, '--out', 'out')).code).toBe(0);
    writeFileSync(join(directory, 'out', 'stale.csv'), 'from the first run');
    const second = await run(directory, '--out', 'out', '--seed', '2');
    expect(second.code).toBe(0);
    expect(readdirSync(join(directory, 'out'))).not.toContain('stale.csv');
    expect(JSON.parse(readFileSync(join(directory, 'out', 'summary.json'), 'utf8')).seed).toBe(2);
    expect(readdirSync(directory).sort()).toEqual(['d.yaml', 'keep.txt', 'out']);
  });

  it('records the version and the command line in the marker, without a time', async () => {
    const directory = desk('d');
    expect((await run(directory, '--out', 'out')).code).toBe(0);
    const marker = readFileSync(join(directory, 'out', OUTPUT_MARKER), 'utf8');
    expect(JSON.parse(marker)).toEqual({
      written_by: 'desksim',
      version: expect.any(String),
      command: 'desksim run d.yaml --no-report --quiet --out out',
    });
    expect(markerText(['run', 'my desk.yaml'])).toContain(`"command": "desksim run 'my desk.yaml'"`);
  });
});

describe('compare, sweep and pressure share the writer', () => {
  it('compare refuses a directory it did not write, and gives names with the same slug their own folders', async () => {
    const directory = desk('a b');
    writeFileSync(join(directory, 'e.yaml'), readFileSync(join(directory, 'd.yaml'), 'utf8').replace('"a b"', '"a-b"'));
    mkdirSync(join(directory, 'results'));
    writeFileSync(join(directory, 'results', 'notes.txt'), 'mine');
    const refused = await cli(['compare', 'd.yaml', 'e.yaml', '--no-report', '--quiet', '--out', 'results'], directory);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(readdirSync(join(directory, 'results'))).toEqual(['notes.txt']);
    const written = await cli(['compare', 'd.yaml', 'e.yaml', '--no-report', '--quiet'], directory);
    expect(written.code).toBe(0);
    const out = join(directory, 'outputs', 'compare-a-b-vs-a-b');
    expect(readdirSync(out).sort()).toEqual([
      OUTPUT_MARKER,
      'a-b',
      'a-b-2',
      'comparison.csv',
      'comparison.json',
      'who-pays.csv',
    ]);
  });
});

describe('--force never replaces', () => {
  let home: string | undefined;
  beforeEach(() => {
    home = process.env.HOME;
  });
  afterEach(() => {
    process.env.HOME = home;
  });

  it("the current directory's parent, the root directory or the home directory", async () => {
    const directory = desk('d');
    const inner = join(directory, 'inner');
    mkdirSync(inner);
    writeFileSync(join(inner, 'd.yaml'), readFileSync(join(directory, 'd.yaml')));
    const parent = await run(inner, '--out', '..', '--force');
    expect(parent.code).toBe(2);
    expect(parent.stderr).toContain('is a parent of the current directory');
    const rootDirectory = await run(inner, '--out', '/', '--force');
    expect(rootDirectory.code).toBe(2);
    expect(rootDirectory.stderr).toContain('/ is the root directory');
    // A stand-in home (os.homedir() reads $HOME), so that a bug could never touch the real one.
    const fakeHome = temporaryDirectory();
    writeFileSync(join(fakeHome, '.profile'), 'mine');
    process.env.HOME = fakeHome;
    const homeResult = await run(inner, '--out', fakeHome, '--force');
    expect(homeResult.code).toBe(2);
    expect(homeResult.stderr).toContain(`${fakeHome} is your home directory`);
    expect(readdirSync(fakeHome)).toEqual(['.profile']);
    expect(readdirSync(directory).sort()).toEqual(['d.yaml', 'inner', 'keep.txt']);
    expect(simulations.started).toBe(0);
  });
});

describe('interrupted writes', () => {
  it('a stale .NAME.partial-* of a process that is gone is removed by the next run; others are kept', async () => {
    const directory = desk('d');
    const stale = join(directory, `.out.partial-${GONE_PID}-0a1b2c3d`);
    const running = join(directory, `.out.partial-${process.pid}-0a1b2c3d`);
    const userOwn = join(directory, '.out.partial-mine');
    for (const path of [stale, running, userOwn]) {
      mkdirSync(path);
      writeFileSync(join(path, 'summary.json'), '{}');
    }
    expect((await run(directory, '--out', 'out')).code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(running)).toBe(true);
    expect(existsSync(userOwn)).toBe(true);
    const left = readdirSync(directory).filter((name) => name.startsWith('.out.'));
    expect(left.sort()).toEqual(['.out.partial-mine', `.out.partial-${process.pid}-0a1b2c3d`].sort());
  });

  /** The state a kill between the two renames leaves: no out/, the old result aside, the new one complete. */
  function killedBetweenRenames(): { directory: string; target: string } {
    const directory = temporaryDirectory();
    const previous = join(directory, `.out.previous-${GONE_PID}-0a1b2c3d`);
    const partial = join(directory, `.out.partial-${GONE_PID}-0a1b2c3d`);
    for (const [path, content] of [
      [previous, 'old'],
      [partial, 'new'],
    ] as const) {
      mkdirSync(path);
      writeFileSync(join(path, OUTPUT_MARKER), markerText(['run', 'd.yaml']));
      writeFileSync(join(path, 'summary.json'), content);
    }
    return { directory, target: join(directory, 'out') };
  }

  it('a kill between the two renames: the old result is renamed back, the staged one removed', () => {
    const { directory, target } = killedBetweenRenames();
    expect(recoverInterrupted(target)).toContain('.out.previous-');
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('old');
    expect(readdirSync(directory)).toEqual(['out']);
  });

  it('a kill after the second rename: the new result stays, the old one is removed', () => {
    const { directory, target } = killedBetweenRenames();
    mkdirSync(target);
    writeFileSync(join(target, 'summary.json'), 'newest');
    expect(recoverInterrupted(target)).toBeUndefined();
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('newest');
    expect(readdirSync(directory)).toEqual(['out']);
  });

  it('the next run recovers, then replaces the recovered result', async () => {
    const { directory, target } = killedBetweenRenames();
    writeFileSync(join(directory, 'd.yaml'), readFileSync(join(desk('d'), 'd.yaml')));
    expect((await run(directory, '--out', 'out')).code).toBe(0);
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toContain('"scenario": "d"');
    expect(readdirSync(directory).sort()).toEqual(['d.yaml', 'out']);
  });

  it('a failed file operation names the file in the output directory, not in the staging one', async () => {
    const directory = temporaryDirectory();
    const target = join(directory, 'out');
    const failing = writeAtomically(target, (staged) => {
      mkdirSync(staged.file('summary.json'));
      staged.write('summary.json', 'x');
    });
    await expect(failing).rejects.toMatchObject({ code: 'EISDIR', path: join(target, 'summary.json') });
    expect(readdirSync(directory)).toEqual([]);
  });

  it('a failed first write leaves no directory it made: neither the output nor its new parents', async () => {
    const directory = temporaryDirectory();
    mkdirSync(join(directory, 'kept'));
    for (const target of [join(directory, 'new', 'deeper', 'out'), join(directory, 'kept', 'new', 'out')]) {
      await expect(
        writeAtomically(target, () => {
          throw new Error('no space left');
        }),
      ).rejects.toThrow('no space left');
    }
    expect(readdirSync(directory)).toEqual(['kept']);
    expect(readdirSync(join(directory, 'kept'))).toEqual([]);
  });

  it('a failed write leaves the old result and no staging directory', async () => {
    const directory = temporaryDirectory();
    const target = join(directory, 'out');
    await writeAtomically(target, (staged) => staged.write('summary.json', 'old'));
    await expect(
      writeAtomically(target, (staged) => {
        staged.write('summary.json', 'half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('old');
    expect(readdirSync(directory)).toEqual(['out']);
  });

  it("a user's file put in place during a run is not replaced at the end", async () => {
    const directory = temporaryDirectory();
    const target = join(directory, 'out');
    await expect(
      writeAtomically(target, (staged) => {
        staged.write('summary.json', 'new');
        writeFileSync(target, 'the user wrote this meanwhile');
      }),
    ).rejects.toThrow('is a file, not a directory');
    expect(readFileSync(target, 'utf8')).toBe('the user wrote this meanwhile');
    expect(readdirSync(directory)).toEqual(['out']);
  });
});

describe('I/O failures', () => {
  it('a path under a regular file: exit 1, one line naming it, before any simulating, nothing left', async () => {
    const directory = desk('d');
    const result = await run(directory, '--out', 'keep.txt/out');
    expect(result.code).toBe(1);
    const path = join(directory, 'keep.txt', 'out');
    expect(result.stderr).toBe(
      `desksim: cannot reach ${path}: a part of the path is a file, not a directory (ENOTDIR)\n`,
    );
    expect(simulations.started).toBe(0);
    expect(readdirSync(directory).sort()).toEqual(['d.yaml', 'keep.txt']);
  });

  it('a name too long: exit 1, one line', async () => {
    const directory = desk('d');
    const result = await run(directory, '--out', 'x'.repeat(300));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^desksim: cannot [a-z ]+ \/.*x{300}: the name is too long \(ENAMETOOLONG\)\n$/);
    expect(readdirSync(directory).sort()).toEqual(['d.yaml', 'keep.txt']);
  });

  it('metrics checks its output before computing any KPI', async () => {
    const directory = desk('d');
    expect((await run(directory, '--events', '--out', 'simulated')).code).toBe(0);
    const result = await cli(['metrics', 'simulated/events.ndjson', '--out', 'keep.txt/out'], directory);
    expect(result.code).toBe(1);
    // The import report is printed before the KPIs are computed: the output was checked first.
    expect(result.stderr).toMatch(/^desksim: cannot reach .*keep\.txt\/out: .*\(ENOTDIR\)\n$/);
  });

  // Root may write anywhere: there, the path under a file above stands in.
  const asRoot = process.getuid?.() === 0;
  it.skipIf(asRoot)('an unwritable directory: exit 1, one line, before any simulating (EACCES)', async () => {
    const directory = desk('d');
    const locked = join(directory, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    try {
      const result = await run(directory, '--out', 'locked/out');
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `desksim: cannot create the directory ${join(locked, 'out')}: permission denied (EACCES)\n`,
      );
      expect(simulations.started).toBe(0);
      expect(readdirSync(locked)).toEqual([]);
    } finally {
      chmodSync(locked, 0o700);
    }
  });
});

describe('the built CLI', () => {
  it('follows the umask: 0750 directories and 0640 files under umask 027, 0755 and 0644 under 022', () => {
    for (const [mask, directoryMode, fileMode] of [
      ['027', 0o750, 0o640],
      ['022', 0o755, 0o644],
    ] as const) {
      const directory = desk('d');
      const command = `umask ${mask} && exec "${process.execPath}" "${main}" run d.yaml --no-report --quiet --out out`;
      const shell = spawnSync('sh', ['-c', command], { cwd: directory, encoding: 'utf8' });
      expect(shell.stderr).toBe('');
      expect(statSync(join(directory, 'out')).mode & 0o777, mask).toBe(directoryMode);
      expect(statSync(join(directory, 'out', 'summary.json')).mode & 0o777, mask).toBe(fileMode);
    }
  });

  it('exits quietly when its reader closes early (desksim schema | true): no EPIPE crash', () => {
    const command = `"${process.execPath}" "${main}" schema | true; exit \${PIPESTATUS[0]}`;
    const shell = spawnSync('bash', ['-c', command], { encoding: 'utf8' });
    expect(shell.stderr).toBe('');
    expect(shell.status).toBe(0);
  });
});
