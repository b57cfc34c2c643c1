/**
 * Vitest global setup: the worker-thread and CLI-process tests run the compiled `dist/`, so a
 * `dist/` older than `src/` would test yesterday's code without a word. `npm test` builds
 * first; a direct `npx vitest run` after an edit gets the build here, and says so.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

function newestModification(directory: string, suffix: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(suffix)) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Whether `dist/` is missing or older than the newest source file (the build rewrites every output). */
export function buildIsStale(): boolean {
  const main = join(root, 'dist', 'cli', 'main.js');
  if (!existsSync(main)) return true;
  const built = statSync(main).mtimeMs;
  // The page's bundle (page/, built by vite into dist/page-bundle) is part of the build too.
  return built < newestModification(join(root, 'src'), '.ts') || built < newestModification(join(root, 'page'), '');
}

export default function setup(): void {
  if (!buildIsStale()) return;
  process.stderr.write('dist/ is missing or older than src/: building it before the tests (npm run build)\n');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
}
