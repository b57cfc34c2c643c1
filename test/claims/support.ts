/**
 * Small versions of the claim experiments (docs/claims.md): scenarios of scenarios/claims/
 * run on a shorter horizon with fewer replications, with the same seeds (common random
 * numbers), compared with the paired test of `desksim compare`.
 */
import { join } from 'node:path';
import { alignScenarios, differenceTable, type DifferenceTable } from '../../src/experiment/compare.js';
import { runScenario, type RunOptions, type RunResult } from '../../src/experiment/run.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { root } from '../support/cli.js';

/** A shipped scenario (path under scenarios/) with overrides, as `--set` would give them. */
export function scenario(file: string, overrides: readonly string[]): Scenario {
  return loadScenarioFile(join(root, 'scenarios', file), { overrides: [...overrides] }).scenario;
}

/** Runs the scenarios aligned on the first one's seed and replications, as `desksim compare` does. */
export function runAligned(
  files: readonly string[],
  overrides: readonly string[],
  options: RunOptions = {},
): RunResult[] {
  const { scenarios } = alignScenarios(files.map((file) => scenario(file, overrides)));
  return scenarios.map((each) => runScenario(each, options));
}

/** The paired differences of the second scenario from the first. */
export function compareTwo(reference: string, other: string, overrides: readonly string[]): DifferenceTable {
  const [a, b] = runAligned([reference, other], overrides);
  return differenceTable(a!, b!);
}
