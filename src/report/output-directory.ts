/**
 * Output directories: desksim writes only where it may, and replaces a result atomically.
 *
 * - Ownership. Every output directory holds a marker file, `.desksim-output` (the desksim
 *   version and the command line that wrote it). An existing directory is replaced only when
 *   it holds that marker or is empty; any other needs `force`, and even `force` never replaces
 *   the current directory, a parent of it, `/` or the home directory. A file is never replaced.
 * - Atomic replace. Files are written into a staging sibling, `.NAME.partial-<pid>-<random>`.
 *   Once every file is complete the old result is renamed aside to
 *   `.NAME.previous-<pid>-<random>`, the staged one renamed to NAME, and the old one removed.
 *   A failure before that leaves the old result as it was and no staging directory behind.
 * - Recovery. A process killed between the two renames leaves no NAME, only its
 *   `.NAME.previous-*`: the next write into the same place renames it back before anything
 *   else. Staging and previous directories of processes that are gone are removed then too.
 *
 * Directories are made with `mkdir`, so they follow the umask (`mkdtemp` would make them 0700).
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import { VERSION } from '../version.js';

/** The file that marks a directory as desksim's output. */
export const OUTPUT_MARKER = '.desksim-output';

/** How an output directory is written. */
export interface OutputOptions {
  /** Replace an existing directory that has no marker (never a protected one, never a file). */
  force?: boolean;
  /** The command line that writes the directory, without `desksim`; recorded in the marker. */
  commandLine?: readonly string[];
  /** The command's working directory, protected with its parents (default: the process's). */
  cwd?: string;
}

/** desksim will not write to the path: exit 2, the message says why and what to do. */
export class OutputRefusedError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** A word as a shell would need it typed: bare when plain, else single-quoted. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_/.,:=+@%-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The marker's content: no time stamp, so that the same command writes the same bytes. */
export function markerText(commandLine: readonly string[] = []): string {
  const command = ['desksim', ...commandLine].map(shellWord).join(' ');
  return JSON.stringify({ written_by: 'desksim', version: VERSION, command }, null, 2) + '\n';
}

function lstatOrUndefined(path: string) {
  return lstatSync(path, { throwIfNoEntry: false });
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** The process's working directory, or '' when it was removed under it. */
function processDirectory(): string {
  try {
    return process.cwd();
  } catch {
    return '';
  }
}

/** Why `target` may never be replaced (the root, the home or working directory or a parent of them), if it may not. */
function protectedReason(target: string, cwd: string): string | undefined {
  const real = realOrResolved(target);
  if (real === parse(real).root) return 'the root directory';
  const places: Array<[string, string]> = [
    [cwd, 'the current directory'],
    [processDirectory(), 'the current directory'],
    [homedir(), 'your home directory'],
  ];
  for (const [place, label] of places) {
    if (place === '') continue;
    const inside = relative(real, realOrResolved(place));
    if (inside === '') return label;
    const outside = inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
    if (!outside) return `a parent of ${label}`;
  }
  return undefined;
}

function isEmptyDirectory(path: string): boolean {
  return readdirSync(path).length === 0;
}

/** Refuses a target desksim may not replace; returns quietly when it may (or when it does not exist). */
function checkTarget(target: string, options: OutputOptions): void {
  const reason = protectedReason(target, options.cwd ?? process.cwd());
  if (reason !== undefined) {
    throw new OutputRefusedError(
      target,
      `${target} is ${reason}: desksim never writes its output there, even with --force. Choose another --out.`,
    );
  }
  const stat = lstatOrUndefined(target);
  if (stat === undefined) return;
  if (!stat.isDirectory() && !stat.isSymbolicLink()) {
    throw new OutputRefusedError(
      target,
      `${target} is a file, not a directory: desksim writes its outputs into a directory and never replaces a file. ` +
        'Choose another --out.',
    );
  }
  if (options.force) return;
  const marked = stat.isDirectory() && lstatOrUndefined(join(target, OUTPUT_MARKER))?.isFile();
  if (marked || (stat.isDirectory() && isEmptyDirectory(target))) return;
  throw new OutputRefusedError(
    target,
    `${target} already exists and was not written by desksim (it has no ${OUTPUT_MARKER} file): not replaced.\n` +
      'Write elsewhere with --out, or add --force to replace it and everything in it.',
  );
}

/** A staging or previous directory of desksim's beside `target`. */
interface Leftover {
  path: string;
  kind: 'partial' | 'previous';
  pid: number;
  changedMs: number;
}

/** Names of desksim's own staging and previous directories for `target`, and their parts. */
function leftoverPattern(target: string): RegExp {
  const name = basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${name}\\.(partial|previous)-(\\d+)-[0-9a-f]{8}$`);
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** desksim's staging and previous directories beside `target` whose process is gone. */
function staleLeftovers(target: string): Leftover[] {
  const parent = dirname(target);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const pattern = leftoverPattern(target);
  const found: Leftover[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (match === null) continue;
    const pid = Number(match[2]);
    if (isRunning(pid)) continue;
    const stat = lstatOrUndefined(join(parent, name));
    if (!stat?.isDirectory()) continue;
    found.push({ path: join(parent, name), kind: match[1] as Leftover['kind'], pid, changedMs: stat.ctimeMs });
  }
  return found;
}

/**
 * Repairs what a killed desksim left beside `target`: when `target` is missing but a previous
 * result was renamed aside, it is renamed back (the newest, if several); every other stale
 * staging or previous directory is removed. Returns the path restored, if any.
 */
export function recoverInterrupted(target: string): string | undefined {
  const leftovers = staleLeftovers(target);
  let restored: Leftover | undefined;
  if (lstatOrUndefined(target) === undefined) {
    const previous = leftovers.filter((leftover) => leftover.kind === 'previous');
    restored = previous.sort((a, b) => b.changedMs - a.changedMs)[0];
    if (restored !== undefined) renameSync(restored.path, target);
  }
  for (const leftover of leftovers) if (leftover !== restored) rmSync(leftover.path, { recursive: true, force: true });
  return restored?.path;
}

/** `error` with a path inside the staging directory shown as the same path in the target, which the user asked for. */
function asTargetError(error: unknown, staging: string, target: string): unknown {
  const systemError = error as NodeJS.ErrnoException;
  const path = systemError?.path;
  if (typeof path === 'string' && (path === staging || path.startsWith(staging + sep))) {
    systemError.path = target + path.slice(staging.length);
  }
  return error;
}

/**
 * Removes the directories a failed write created, from `from` up to `highest`: each only if
 * empty (`rmdir`), so nothing anyone put there meanwhile is lost.
 */
function removeEmptyParents(from: string, highest: string | undefined): void {
  if (highest === undefined) return;
  for (let directory = from; directory.startsWith(highest); directory = dirname(directory)) {
    try {
      rmdirSync(directory);
    } catch {
      return;
    }
    if (directory === highest) return;
  }
}

/** A fresh staging directory beside `target`, made with the umask's mode. */
function makeStaging(target: string): { path: string; suffix: string } {
  for (;;) {
    const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
    const path = join(dirname(target), `.${basename(target)}.partial-${suffix}`);
    try {
      mkdirSync(path);
      return { path, suffix };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw asTargetError(error, path, target);
    }
  }
}

/**
 * An output directory being written. Creating one checks that desksim may write `target`,
 * repairs an interrupted earlier write, and makes the staging directory (so an unwritable
 * place fails at once, before any simulating).
 */
export class StagedDirectory {
  readonly target: string;
  readonly path: string;
  private readonly suffix: string;
  private readonly options: OutputOptions;
  /** The highest directory this write created above the target, if it created any. */
  private readonly createdParent: string | undefined;
  private state: 'open' | 'committed' | 'discarded' = 'open';

  constructor(target: string, options: OutputOptions = {}) {
    this.target = resolve(target);
    this.options = options;
    // Checked before the repair, so nothing is touched beside a place desksim may not write;
    // and after it, as the repair may have put an old result back.
    checkTarget(this.target, options);
    recoverInterrupted(this.target);
    checkTarget(this.target, options);
    this.createdParent = mkdirSync(dirname(this.target), { recursive: true });
    try {
      ({ path: this.path, suffix: this.suffix } = makeStaging(this.target));
    } catch (error) {
      removeEmptyParents(dirname(this.target), this.createdParent);
      throw error;
    }
    try {
      writeFileSync(join(this.path, OUTPUT_MARKER), markerText(options.commandLine));
    } catch (error) {
      this.discard();
      throw asTargetError(error, this.path, this.target);
    }
  }

  /** Absolute path of a file inside the staged directory (creating sub-directories). */
  file(relativePath: string): string {
    const path = resolve(this.path, relativePath);
    if (!path.startsWith(this.path + sep)) throw new Error(`${relativePath} is outside the output directory`);
    mkdirSync(dirname(path), { recursive: true });
    return path;
  }

  write(relativePath: string, content: string): void {
    writeFileSync(this.file(relativePath), content);
  }

  /**
   * Replaces the target with the staged directory. The target is checked again, as it may
   * have changed during a long run; if the second rename fails the old result is put back.
   */
  commit(): string {
    if (this.state !== 'open') throw new Error('staged directory already finished');
    checkTarget(this.target, this.options);
    let previous: string | undefined;
    if (lstatOrUndefined(this.target) !== undefined) {
      previous = join(dirname(this.target), `.${basename(this.target)}.previous-${this.suffix}`);
      renameSync(this.target, previous);
    }
    try {
      renameSync(this.path, this.target);
    } catch (error) {
      if (previous !== undefined) renameSync(previous, this.target);
      throw error;
    }
    this.state = 'committed';
    if (previous !== undefined) {
      try {
        rmSync(previous, { recursive: true, force: true });
      } catch {
        // The new result is in place; the next write into the same place removes what is left.
      }
    }
    return this.target;
  }

  /** Removes the staged directory, and the parents this write created for it; the target is left as it was. */
  discard(): void {
    if (this.state !== 'open') return;
    this.state = 'discarded';
    rmSync(this.path, { recursive: true, force: true });
    removeEmptyParents(dirname(this.target), this.createdParent);
  }
}

/**
 * Checks, before any long computation, that desksim may and can write `target`: the same
 * checks and repairs as a write, and a staging directory made and removed again.
 */
export function prepareOutputDirectory(target: string, options: OutputOptions = {}): void {
  new StagedDirectory(target, options).discard();
}

/** Runs `write` against a staged directory and commits it, or discards it if anything throws. */
export async function writeAtomically(
  target: string,
  write: (staged: StagedDirectory) => void | Promise<void>,
  options: OutputOptions = {},
): Promise<string> {
  const staged = new StagedDirectory(target, options);
  try {
    await write(staged);
    return staged.commit();
  } catch (error) {
    staged.discard();
    throw asTargetError(error, staged.path, staged.target);
  }
}
