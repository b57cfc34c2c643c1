#!/usr/bin/env node
/**
 * A digest of every shipped scenario's outputs, events included (`npm run digest > before.txt`,
 * change the code, `npm run digest | diff before.txt -`): the check that a refactor left every
 * output byte-identical. Each scenario runs through the built CLI with two replications (its
 * own horizon and seed), and every file it writes is hashed (the `.desksim-output` marker,
 * which names the command line, is left out).
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'dist', 'cli', 'main.js');
/** Scenario folders; experiment files, mappings and frameworks are not scenarios. */
const NOT_SCENARIOS = new Set(['experiments', 'mappings', 'frameworks', 'claims']);

function scenarios(directory) {
  const files = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory() && !NOT_SCENARIOS.has(entry.name)) files.push(...scenarios(path));
    else if (entry.isFile() && entry.name.endsWith('.yaml')) files.push(path);
  }
  return files.sort();
}

function files(directory) {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name !== '.desksim-output')
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const replications = process.argv[2] ?? '2';
for (const scenario of scenarios(join(root, 'scenarios'))) {
  const out = mkdtempSync(join(tmpdir(), 'desksim-digest-'));
  const args = [
    main,
    'run',
    scenario,
    '--out',
    join(out, 'run'),
    '--quiet',
    '--events',
    '--replications',
    replications,
  ];
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const name = relative(root, scenario);
  if (result.status !== 0) {
    console.log(`${name}  exit ${result.status}: ${result.stderr.trim().split('\n')[0]}`);
  } else {
    for (const file of files(join(out, 'run'))) {
      const digest = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
      console.log(`${name}  ${relative(join(out, 'run'), file)}  ${digest}`);
    }
  }
  rmSync(out, { recursive: true, force: true });
}
