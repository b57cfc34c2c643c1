/**
 * Every example printed by `--help` and in the README runs as written, in a scratch copy of
 * the repository's layout: `scenarios/` and `examples/` inside it, as in a clone.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { cli, root, temporaryDirectory } from '../support/cli.js';

/** Every command of the CLI, as the program registers them. */
const commands = buildProgram({ stdout: () => {}, stderr: () => {}, interactive: false, cwd: root }).commands.map(
  (command) => command.name(),
);

async function examples(): Promise<string[]> {
  const lines: string[] = [];
  for (const command of commands) {
    const help = await cli([command, '--help']);
    for (const line of help.stdout.split('\n')) {
      const match = /^\s*\$ desksim (.*)$/.exec(line);
      if (match) lines.push(match[1]!.replace(/\s*>.*$/, '')); // drop shell redirections
    }
  }
  return lines;
}

/** A scratch repository directory: scenarios/ and examples/ linked inside, nothing beside it. */
function scratchRepository(): string {
  const directory = temporaryDirectory();
  const repository = join(directory, 'repository');
  mkdirSync(repository);
  symlinkSync(join(root, 'scenarios'), join(repository, 'scenarios'));
  symlinkSync(join(root, 'examples'), join(repository, 'examples'));
  return repository;
}

/**
 * Runs an example — commands chained with `&&` run in turn in one scratch repository — and
 * checks each succeeds and says nothing on stderr but `metrics`' import report.
 */
async function expectRuns(example: string): Promise<string> {
  const repository = scratchRepository();
  for (const command of example.split(/\s+&&\s+(?:npx\s+)?desksim\s+/)) {
    const result = await cli(command.split(/\s+/), repository);
    if (command.startsWith('metrics ')) expect(result.stderr).toMatch(/^Imported /);
    else expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }
  return repository;
}

/** Every JSON result an example wrote under `outputs/` (summary, comparison, sweep, pressure), by path. */
function results(repository: string): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  const outputs = join(repository, 'outputs');
  if (!existsSync(outputs)) return found;
  for (const entry of readdirSync(outputs, { recursive: true, encoding: 'utf8' })) {
    if (/(^|\/)(summary|comparison|sweep|pressure)\.json$/.test(entry))
      found.set(entry, JSON.parse(readFileSync(join(outputs, entry), 'utf8')) as Record<string, unknown>);
  }
  return found;
}

/** The result named `file` that an example wrote, the shallowest (a comparison's, not its runs' own summaries). */
function result<T>(repository: string, file: string): T {
  const matches = [...results(repository)].filter(([path]) => path.split('/').pop() === file);
  const top = matches.sort((a, b) => a[0].split('/').length - b[0].split('/').length)[0];
  if (top === undefined) throw new Error(`no ${file} under outputs/`);
  return top[1] as T;
}

type Change = { difference: number | null; significant: boolean; ci95: [number, number] | null };
type Summary = { kpis: Record<string, { mean: number | null; ci95: [number, number] | null }> };

/**
 * What each README recipe's sentence claims, checked on the recipe's own output: each effect
 * is there and significant (its 95 % interval excludes no change, or lies where the sentence says).
 */
const CLAIMS: ReadonlyArray<{ command: RegExp; claim: string; check: (repository: string) => void }> = [
  {
    command: /^compare scenarios\/baseline\.yaml scenarios\/understaffed-tier2\.yaml /,
    claim: 'one Tier 2 specialist fewer: cost per ticket falls about 8 %, Tier 2 queue waits about double',
    check: (repository) => {
      const contrast = result<{
        contrasts: Array<{
          kpis: Record<string, Change & { relative: number }>;
          tiers: Record<string, Record<string, Change & { relative: number }>>;
        }>;
      }>(repository, 'comparison.json').contrasts[0]!;
      expect(contrast.kpis.cost_per_ticket).toMatchObject({ significant: true });
      expect(contrast.kpis.cost_per_ticket!.relative).toBeLessThan(-0.05);
      expect(contrast.tiers.tier2!.queue_wait_mean).toMatchObject({ significant: true });
      expect(contrast.tiers.tier2!.queue_wait_mean!.relative).toBeGreaterThan(0.7);
    },
  },
  {
    command: /^pressure scenarios\/baseline\.yaml --kpi tickets_per_agent_day /,
    claim: 'at full pressure tickets per agent-day rise by about half; true resolution and true satisfaction fall',
    check: (repository) => {
      const steps = result<{
        steps: Array<{ pressure: number; change: { kpis: Record<string, Change & { relative: number }> } }>;
      }>(repository, 'pressure.json').steps;
      const full = steps.find((step) => step.pressure === 1)!.change.kpis;
      expect(full.tickets_per_agent_day).toMatchObject({ significant: true });
      expect(full.tickets_per_agent_day!.relative).toBeGreaterThan(0.3);
      for (const truth of ['true_resolution_rate', 'true_satisfaction_mean']) {
        expect(full[truth], truth).toMatchObject({ significant: true });
        expect(full[truth]!.difference!, truth).toBeLessThan(0);
      }
    },
  },
  {
    command: /^run scenarios\/gaming\/closure-count-bonus\.yaml /,
    claim: 'a third of resolved tickets not really fixed, 95 % CI within 28–40 %',
    check: (repository) => {
      const hidden = result<Summary>(repository, 'summary.json').kpis.hidden_failure_share!;
      expect(hidden.ci95![0]).toBeGreaterThan(0.28);
      expect(hidden.ci95![1]).toBeLessThan(0.4);
    },
  },
  {
    command: /^pressure scenarios\/baseline\.yaml --kpi first_response_time_mean /,
    claim: 'under full pressure, first response time falls by about 40 %',
    check: (repository) => {
      const steps = result<{
        steps: Array<{ pressure: number; change: { kpis: Record<string, Change & { relative: number }> } }>;
      }>(repository, 'pressure.json').steps;
      const response = steps.find((step) => step.pressure === 1)!.change.kpis.first_response_time_mean!;
      expect(response).toMatchObject({ significant: true });
      expect(response.relative).toBeLessThan(-0.25);
    },
  },
  {
    command: /^sweep scenarios\/experiments\/tier1-staffing\.yaml .*--pareto /,
    claim: '8 of the 9 Tier 1 staffings on the front, the other beaten only by the means',
    check: (repository) => {
      const front = result<{ pareto: { optimal: number[]; dominated: Array<{ clearly: boolean }> } }>(
        repository,
        'sweep.json',
      ).pareto;
      expect(front.optimal).toHaveLength(8);
      expect(front.dominated).toHaveLength(1);
      expect(front.dominated.every((entry) => !entry.clearly)).toBe(true);
    },
  },
];

/** Warnings that say a run measured too little for its numbers to mean anything. */
const MEASURES_NOTHING = ['short_window', 'few_replications'];

describe('--help examples', async () => {
  const all = await examples();
  it('are given by every command', async () => {
    expect(commands).toEqual(
      expect.arrayContaining(['init', 'run', 'compare', 'sweep', 'pressure', 'validate', 'metrics', 'schema']),
    );
    for (const command of commands)
      expect((await cli([command, '--help'])).stdout, command).toMatch(/\nExamples:\n[\s\S]*\$ desksim /);
  });
  it('exist for every command', () => expect(all.length).toBeGreaterThanOrEqual(8));
  for (const example of all) {
    it(`desksim ${example}`, () => expectRuns(example));
  }
});

describe('README examples', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const lines = [...readme.matchAll(/^npx desksim (.*)$/gm)].map((match) => match[1]!.replace(/\s*>.*$/, ''));
  it('exist', () => expect(lines.length).toBeGreaterThanOrEqual(5));
  it('include every recipe whose claim is checked', () => {
    for (const { command, claim } of CLAIMS)
      expect(
        lines.some((line) => command.test(line)),
        claim,
      ).toBe(true);
  });
  for (const example of new Set(lines)) {
    it(`npx desksim ${example}`, async () => {
      const repository = await expectRuns(example);
      // Every run measures long enough, with enough replications, for its numbers to mean something.
      for (const [path, written] of results(repository)) {
        const warnings = (written.warnings ?? []) as Array<{ code: string }>;
        expect(
          warnings.filter((warning) => MEASURES_NOTHING.includes(warning.code)),
          path,
        ).toEqual([]);
      }
      for (const { command, check } of CLAIMS) if (command.test(example)) check(repository);
    });
  }
});
