/**
 * Property-based tests of the whole input surface: generated scenarios and `--set` overrides
 * (harness.ts) through `desksim run --json` in-process. CI runs a few dozen cases with a
 * fixed seed; `npm run fuzz` runs 10,000 (DESKSIM_FUZZ_RUNS to change, DESKSIM_FUZZ_SEED to
 * replay) and prints how the cases ended.
 */
import * as fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../support/cli.js';
import { checkCase, fuzzCase, type Outcome } from './harness.js';

const long = process.env.DESKSIM_FUZZ === 'long';
const runs = Number(process.env.DESKSIM_FUZZ_RUNS ?? (long ? 10_000 : 40));
const seed =
  process.env.DESKSIM_FUZZ_SEED === undefined
    ? long
      ? Date.now() % 2 ** 31
      : 20_261_206
    : Number(process.env.DESKSIM_FUZZ_SEED);

describe('any scenario and any --set', () => {
  const directory = temporaryDirectory('desksim-fuzz-');
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  it(
    `exit 0 with finite in-range KPIs, or exit 2 with located issues; never a crash (${runs} cases, seed ${seed})`,
    async () => {
      const counts: Record<Outcome, number> = { ran: 0, validated: 0, rejected: 0 };
      let slowest = 0;
      let done = 0;
      const progress = process.env.DESKSIM_FUZZ_PROGRESS;
      const started = Date.now();
      await fc.assert(
        fc.asyncProperty(fuzzCase, async (testCase) => {
          const caseStarted = Date.now();
          counts[await checkCase(testCase, directory)] += 1;
          slowest = Math.max(slowest, Date.now() - caseStarted);
          done += 1;
          // The long run says how far it got (DESKSIM_FUZZ_PROGRESS: a file), so a hang is told from slowness.
          if (progress !== undefined && done % 250 === 0)
            fs.writeFileSync(
              progress,
              `${done} cases, ${(Date.now() - started) / 1000} s, ${JSON.stringify(counts)}, slowest ${slowest} ms\n`,
              { flag: 'a' },
            );
        }),
        { numRuns: runs, seed, endOnFailure: !long, verbose: 1 },
      );
      const seconds = (Date.now() - started) / 1000;
      const line = `fuzz: ${runs} cases (seed ${seed}) in ${seconds.toFixed(1)} s: ${counts.ran} ran (exit 0), ${counts.validated} valid but over the per-case work cap (validate, exit 0), ${counts.rejected} rejected (exit 2); slowest case ${slowest} ms`;
      if (long) console.log(line);
      // The mix must exercise both answers, or the generator has drifted.
      expect(counts.ran).toBeGreaterThan(0);
      expect(counts.rejected).toBeGreaterThan(0);
    },
    long ? 6 * 3600_000 : 120_000,
  );
});
