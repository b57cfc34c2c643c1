/**
 * The module as a user installs it: `npm pack`, installed from the tarball into an empty
 * project (offline, from the npm cache `npm ci` filled), then docs/api.md's example runs there
 * and a TypeScript file that imports the API type-checks against the shipped declarations.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, temporaryDirectory } from '../support/cli.js';

const project = temporaryDirectory('desksim-packed-');
afterAll(() => rmSync(project, { recursive: true, force: true }));

/**
 * A lock file for the project: desksim from the tarball, its dependencies exactly as the
 * repository's lock pins them (resolved URL and integrity), so `npm ci --offline` takes every
 * one from the cache without asking the registry for metadata.
 */
function projectLock(tarball: string): { manifest: object; lock: object } {
  const repositoryLock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<
      string,
      { dev?: boolean; version?: string; dependencies?: object; bin?: object; engines?: object; license?: string }
    >;
  };
  const own = repositoryLock.packages['']!;
  const dependencies = Object.fromEntries(
    Object.entries(repositoryLock.packages).filter(
      ([path, entry]) => path.startsWith('node_modules/') && entry.dev !== true,
    ),
  );
  const desksim = {
    version: own.version,
    resolved: `file:${tarball}`,
    license: own.license,
    dependencies: own.dependencies,
    bin: own.bin,
    engines: own.engines,
  };
  const manifest = {
    name: 'desksim-user',
    private: true,
    type: 'module',
    dependencies: { desksim: `file:${tarball}` },
  };
  return {
    manifest,
    lock: {
      name: 'desksim-user',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'desksim-user', dependencies: manifest.dependencies },
        ...dependencies,
        'node_modules/desksim': desksim,
      },
    },
  };
}

describe('the packed module', () => {
  it('installs from its tarball, runs the documented example and type-checks', () => {
    // Pack what the build made (npm test builds first); packing must not rebuild dist/ under the other tests' feet.
    if (!existsSync(join(root, 'dist', 'index.d.ts')))
      execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'pipe' });
    execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', project], {
      cwd: root,
      stdio: 'pipe',
    });
    const tarball = readdirSync(project).find((file) => file.endsWith('.tgz'))!;
    const { manifest, lock } = projectLock(tarball);
    writeFileSync(join(project, 'package.json'), JSON.stringify(manifest, null, 2));
    writeFileSync(join(project, 'package-lock.json'), JSON.stringify(lock, null, 2));
    execFileSync('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: project,
      stdio: 'pipe',
    });

    copyFileSync(join(root, 'examples', 'api-example.mjs'), join(project, 'api-example.mjs'));
    const output = execFileSync(process.execPath, ['api-example.mjs'], { cwd: project, encoding: 'utf8' });
    expect(output).toMatch(/^true resolution rate 0\.\d+ \[0\.\d+, 0\.\d+\]$/m);
    expect(output).toMatch(/^one Tier 2 agent fewer: mean resolution time [+-]\d+ min/m);
    expect(output.match(/^tier 2 agents \d: queue wait \d+ min$/gm)).toHaveLength(3);
    expect(output).toMatch(/^replication 1: \d+ tickets, CSAT \d\.\d\d against a true \d\.\d\d$/m);

    // Only the package's entry point is public: its declarations carry the API's types.
    writeFileSync(
      join(project, 'check.ts'),
      [
        "import { loadScenario, run, simulate, computeKpis, compare, sweep, type RunResult, type Scenario } from 'desksim';",
        "const scenario: Scenario = loadScenario('x.yaml', { set: ['horizon.days=7'] });",
        'const result: Promise<RunResult> = run(scenario);',
        'void [result, simulate, computeKpis, compare, sweep];',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['check.ts'],
      }),
    );
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], {
      cwd: project,
      stdio: 'pipe',
    });
  }, 240_000);
});
