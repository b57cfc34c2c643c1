import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/program.js';
import type { KpiSummary } from '../../src/experiment/statistics.js';
import jStat from 'jstat';

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Repository root (tests run from it). */
export const root = join(import.meta.dirname, '..', '..');

/** Runs the CLI in-process, capturing output. */
export async function cli(args: string[], cwd = root): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    interactive: false,
    cwd,
  });
  return { code, stdout, stderr };
}

/** A fresh temporary directory. */
export function temporaryDirectory(prefix = 'desksim-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Family-wise confidence level of the validation checks. The textbook file makes about 45
 * formula-versus-simulation comparisons; at 95 % each, two would miss by chance alone on
 * every run. Bonferroni: each check at 1 − 0.05/45 ≈ 99.9 % keeps the chance of any false
 * alarm in the whole file under 5 %, so a miss is evidence of a bug, not of bad luck.
 */
export const VALIDATION_LEVEL = 1 - 0.05 / 45;

/** Student-t confidence interval of a KPI over replications at the given level. */
export function interval(summary: KpiSummary, level = VALIDATION_LEVEL): [number, number] {
  if (summary.mean === null || summary.sd === null) throw new Error('KPI has no interval');
  const half = jStat.studentt.inv(1 - (1 - level) / 2, summary.n - 1) * (summary.sd / Math.sqrt(summary.n));
  return [summary.mean - half, summary.mean + half];
}

/** Asserts that `value` lies inside the KPI's confidence interval; the message shows both. */
export function expectInside(summary: KpiSummary | undefined, value: number, label: string): void {
  if (summary === undefined) throw new Error(`${label}: no such KPI`);
  const [low, high] = interval(summary);
  if (!(value >= low && value <= high)) {
    throw new Error(
      `${label}: theory ${value.toFixed(5)} outside simulated ${(VALIDATION_LEVEL * 100).toFixed(1)}% CI [${low.toFixed(5)}, ${high.toFixed(5)}] (mean ${summary.mean})`,
    );
  }
}
