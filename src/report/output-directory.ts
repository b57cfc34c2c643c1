/**
 * Output directories are written atomically: everything goes into a temporary sibling
 * directory, which replaces the target by rename only once every file is complete. A run
 * that fails leaves the previous output untouched and no partial directory behind.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export class StagedDirectory {
  readonly target: string;
  readonly path: string;
  private done = false;

  constructor(target: string) {
    this.target = resolve(target);
    const parent = dirname(this.target);
    mkdirSync(parent, { recursive: true });
    this.path = mkdtempSync(join(parent, `.${basename(this.target)}.partial-`));
  }

  /** Absolute path of a file inside the staged directory (creating sub-directories). */
  file(relativePath: string): string {
    const path = join(this.path, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    return path;
  }

  write(relativePath: string, content: string): void {
    writeFileSync(this.file(relativePath), content);
  }

  /** Replaces the target with the staged directory. */
  commit(): string {
    if (this.done) throw new Error('staged directory already finished');
    this.done = true;
    let previous: string | undefined;
    if (existsSync(this.target)) {
      previous = `${this.path}.previous`;
      renameSync(this.target, previous);
    }
    renameSync(this.path, this.target);
    if (previous !== undefined) rmSync(previous, { recursive: true, force: true });
    return this.target;
  }

  /** Removes the staged directory; the target is left as it was. */
  discard(): void {
    if (this.done) return;
    this.done = true;
    rmSync(this.path, { recursive: true, force: true });
  }
}

/** Runs `write` against a staged directory and commits it, or discards it if `write` throws. */
export async function writeAtomically(target: string, write: (staged: StagedDirectory) => void | Promise<void>): Promise<string> {
  const staged = new StagedDirectory(target);
  try {
    await write(staged);
  } catch (error) {
    staged.discard();
    throw error;
  }
  return staged.commit();
}
