/**
 * The property every input must satisfy, and the generator of inputs.
 *
 * A case is a scenario file (a shipped scenario, shrunk to a short horizon, with some of
 * its fields replaced by plausible or nasty values) and a few `--set` overrides. Driven
 * through the CLI in-process, `desksim run --json` must either exit 0 with finite KPIs
 * inside their ranges, or exit 2 with every problem located (a path, and a file line or
 * the override); never another exit code, never a stack trace.
 *
 * Each case's work is capped: a case whose scenario is valid but would simulate more than
 * {@link CASE_WORK} is only validated (exit 0 expected), so every case takes milliseconds.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { cli, root } from '../support/cli.js';
import { ScenarioError } from '../../src/document/errors.js';
import { kpiRange } from '../../src/metrics/catalog.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { estimateWork } from '../../src/scenario/size.js';

/** The largest case that is run, not only validated. */
export const CASE_WORK = { tickets: 2000, agentDays: 20_000, days: 3 } as const;

/** The shipped scenarios the cases start from (parents resolved: the generator writes one self-contained file). */
export const SHIPPED = [
  'scenarios/baseline.yaml',
  'scenarios/it-service-desk.yaml',
  'scenarios/textbook/mmc.yaml',
  'scenarios/textbook/mmc-abandonment.yaml',
  'scenarios/textbook/priority.yaml',
  'scenarios/textbook/tandem.yaml',
  'scenarios/gaming/explicit-gaming.yaml',
  'scenarios/outage-surge.yaml',
];

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** The resolved form of each shipped scenario (extends merged, defaults filled): every field present to mutate. */
function resolvedShipped(): Plain[] {
  return SHIPPED.map((file) => {
    const { scenario } = loadScenarioFile(path.join(root, file));
    return parse(stringify(scenario)) as Plain;
  });
}

/** Every path into a value, maps by key and lists by index. */
function pathsOf(
  value: Plain,
  prefix: (string | number)[] = [],
  into: (string | number)[][] = [],
): (string | number)[][] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      into.push([...prefix, index]);
      pathsOf(item, [...prefix, index], into);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      into.push([...prefix, key]);
      pathsOf(item, [...prefix, key], into);
    }
  }
  return into;
}

const nastyNumbers = [
  0,
  -0,
  -1,
  1,
  0.5,
  2,
  1e-300,
  5e-324,
  1e308,
  -1e308,
  1e7,
  1e9,
  2 ** 53,
  2 ** 53 + 2,
  1e15,
  24,
  1440,
  0.999999,
];
const nastyStrings = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '2026/01/05 09:00',
  '2026-02-30T00:00',
  '2026-01-05T09:00:00+25:00',
  '0050-01-01',
  '1e308w',
  '9'.repeat(400) + 'w',
  '..',
  '../',
  '-1h',
  '4h',
  '1h30m',
  '45s',
  '24:00',
  '00:00',
  '23:59',
  'UTC',
  'Mars/Base',
  'Europe/Rome',
  'tier1',
  'tier2',
  'lognormal',
  'exponential',
  'weibull',
  'profile',
  'business_hours',
  'priority',
  'mon',
  'x'.repeat(300),
  '😀',
  'a\u0000b',
  '=1+1',
  '$replace',
];
const nastyKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'id',
  'dist',
  'share',
  'agents',
  '$replace',
  'x',
  'tier1',
  '',
];

const leaf: fc.Arbitrary<Plain> = fc.oneof(
  fc.constantFrom(...nastyNumbers),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -5, max: 50 }),
  fc.constantFrom(...nastyStrings),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.constant(null),
);

const { nasty } = fc.letrec<{ nasty: Plain }>((tie) => ({
  nasty: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('nasty'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...nastyKeys), fc.string({ maxLength: 6 })), tie('nasty'), {
      maxKeys: 4,
    }) as fc.Arbitrary<Plain>,
  ),
}));

/** A value of the same kind as the one it replaces, usually valid: a number scaled, a boolean flipped, a string from the scenario. */
function plausible(current: Plain, choice: number, strings: string[]): Plain {
  if (typeof current === 'number') {
    const factors = [0, 0.5, 0.9, 1.1, 2, 10, -1, 0.01];
    const value = current * (factors[choice % factors.length] as number);
    return Number.isInteger(current) ? Math.round(value) : value;
  }
  if (typeof current === 'boolean') return !current;
  if (typeof current === 'string') return strings[choice % strings.length] ?? current;
  if (current !== null && typeof current === 'object' && !Array.isArray(current) && 'dist' in current)
    return distribution(choice);
  if (Array.isArray(current))
    return choice % 2 === 0 ? current.slice(0, Math.max(1, current.length - 1)) : [...current, ...current.slice(0, 1)];
  return current;
}

const parameters = [1e-300, 5e-324, 1e-9, 0.01, 0.3, 1, 2, 8, 45, 1440, 1e6, 5e7, 1e150, '4h', '2d'];

/** A distribution of any kind with parameters from ordinary to extreme, picked by `choice`'s digits. */
function distribution(choice: number): Plain {
  const pick = (shift: number) =>
    parameters[Math.floor(choice / parameters.length ** shift) % parameters.length] as Plain;
  switch (choice % 8) {
    case 0:
      return { dist: 'exponential', mean: pick(1) };
    case 1:
      return { dist: 'lognormal', mean: pick(1), sd: pick(2) };
    case 2:
      return { dist: 'gamma', mean: pick(1), sd: pick(2) };
    case 3:
      return { dist: 'weibull', shape: pick(1), scale: pick(2) };
    case 4:
      return { dist: 'uniform', min: pick(1), max: pick(2) };
    case 5:
      return { dist: 'triangular', min: 0, mode: pick(1), max: pick(2) };
    case 6:
      return { dist: 'deterministic', value: pick(1) };
    default:
      return { dist: 'empirical', values: [pick(1), pick(2), pick(3)] };
  }
}

function setAt(target: Plain, at: (string | number)[], value: Plain): void {
  let node = target as Record<string | number, Plain>;
  for (const segment of at.slice(0, -1)) {
    const next = node[segment];
    if (next === null || typeof next !== 'object') return;
    node = next as Record<string | number, Plain>;
  }
  const last = at[at.length - 1] as string | number;
  Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
}

function stringsOf(value: Plain, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((item) => stringsOf(item, into));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((item) => stringsOf(item, into));
  return into;
}

/** One generated case. */
export interface FuzzCase {
  /** The scenario as data, written to a file as YAML. */
  scenario: Plain;
  /** `--set` overrides. */
  overrides: string[];
}

const bases = resolvedShipped();

/** The generator of cases. */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc
  .record({
    base: fc.integer({ min: 0, max: bases.length - 1 }),
    days: fc.constantFrom(0.25, 0.5, 1, 2, 3),
    replications: fc.integer({ min: 1, max: 3 }),
    mutations: fc.array(fc.record({ where: fc.nat(), kind: fc.nat({ max: 9 }), choice: fc.nat(), value: nasty }), {
      maxLength: 3,
    }),
    overrides: fc.array(
      fc.record({
        where: fc.nat(),
        kind: fc.nat({ max: 5 }),
        choice: fc.nat(),
        key: fc.constantFrom(...nastyKeys),
        value: nasty,
        raw: fc.string({ maxLength: 10 }),
      }),
      { maxLength: 2 },
    ),
  })
  .map(({ base, days, replications, mutations, overrides }) => {
    const valueAt = (at: (string | number)[]): Plain => {
      let current: Plain = scenario;
      for (const segment of at) current = (current as Record<string | number, Plain>)?.[segment] ?? null;
      return current;
    };
    const scenario = structuredClone(bases[base] as Plain) as Record<string, Plain>;
    scenario.horizon = { days, warmup_days: 0 };
    scenario.replications = replications;
    const paths = pathsOf(scenario);
    const strings = [...new Set(stringsOf(scenario))];
    // Distributions are few among the paths; one mutation in five goes straight to one.
    const distributions = paths.filter((at) => {
      const value = valueAt(at);
      return value !== null && typeof value === 'object' && !Array.isArray(value) && 'dist' in value;
    });
    for (const mutation of mutations) {
      const targets = mutation.kind < 2 && distributions.length > 0 ? distributions : paths;
      const at = targets[mutation.where % targets.length] as (string | number)[];
      // Seven in ten mutations keep the kind of value (many cases still run), three in ten are nasty.
      setAt(scenario, at, mutation.kind < 7 ? plausible(valueAt(at), mutation.choice, strings) : mutation.value);
    }
    const texts = overrides.map((override) => {
      const at = (paths[override.where % paths.length] as (string | number)[]).map(String);
      const target =
        override.kind === 0
          ? [...at.slice(0, -1), override.key]
          : override.kind === 1
            ? [override.key, ...at.slice(1)]
            : at;
      const written =
        override.kind >= 4
          ? plausible(
              valueAt(at.map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment))),
              override.choice,
              strings,
            )
          : override.value;
      const value =
        override.kind === 3 ? override.raw : stringify(written, { collectionStyle: 'flow', lineWidth: 0 }).trim();
      return `${target.join('.')}=${value}`;
    });
    return { scenario, overrides: texts };
  });

/** What a case ended as. */
export type Outcome = 'ran' | 'validated' | 'rejected';

const stackTrace = /\n\s+at .+[:(]\d+/;

function fail(why: string, text: string): never {
  throw new Error(`${why}\n${text.slice(0, 2000)}`);
}

/** Checks a run's summary: every KPI mean finite, and it and its interval inside the KPI's range (the catalog's). */
function checkSummary(stdout: string): void {
  type Figure = { mean: number | null; unit: string; ci95: [number, number] | null };
  const summary = JSON.parse(stdout) as { kpis: Record<string, Figure>; tiers: Record<string, Record<string, Figure>> };
  const all: Array<[string, Figure]> = [
    ...Object.entries(summary.kpis),
    ...Object.entries(summary.tiers).flatMap(([tier, kpis]) =>
      Object.entries(kpis).map(([id, kpi]): [string, Figure] => [`tiers.${tier}.${id}`, kpi]),
    ),
  ];
  for (const [key, kpi] of all) {
    if (kpi.mean === null) continue;
    if (!Number.isFinite(kpi.mean)) fail(`KPI ${key} is not finite`, stdout);
    const [low, high] = kpiRange(key);
    const inside = (value: number) => value >= low - 1e-9 && value <= high + 1e-9;
    if (!inside(kpi.mean)) fail(`KPI ${key} = ${kpi.mean} is outside [${low}, ${high}]`, stdout);
    if (kpi.ci95 !== null && !(inside(kpi.ci95[0]) && inside(kpi.ci95[1]))) {
      fail(`KPI ${key}'s interval [${kpi.ci95.join(', ')}] is outside [${low}, ${high}]`, stdout);
    }
  }
}

/** Checks exit-2 output: the issues object on stdout, every issue with a path and a place; a message on stderr. */
function checkRejection(stdout: string, stderr: string): void {
  if (stderr.trim() === '') fail('exit 2 without a message', stdout);
  const answer = JSON.parse(stdout) as {
    valid: boolean;
    issues: Array<{ path?: string; file?: string; line?: number; override?: string; message?: string }>;
  };
  if (answer.valid !== false || answer.issues.length === 0) fail('exit 2 without issues on stdout', stdout);
  for (const issue of answer.issues) {
    if (!issue.path || !issue.message) fail('an issue without a path or a message', JSON.stringify(issue));
    const placed =
      issue.line !== undefined || issue.override !== undefined || (issue.file !== undefined && issue.file !== '');
    if (!placed) fail('an issue without a place', JSON.stringify(issue));
  }
}

/** Runs one case through the CLI and checks the property; returns what the case ended as. */
export async function checkCase(testCase: FuzzCase, directory: string): Promise<Outcome> {
  const file = path.join(directory, 'case.yaml');
  fs.writeFileSync(file, stringify(testCase.scenario, { lineWidth: 0 }));
  const sets = testCase.overrides.flatMap((override) => ['--set', override]);
  let runIt = true;
  let valid = false;
  try {
    const { scenario } = loadScenarioFile(file, { overrides: testCase.overrides });
    const estimate = estimateWork(scenario);
    valid = true;
    runIt =
      estimate.ticketsTotal <= CASE_WORK.tickets &&
      estimate.agentDays <= CASE_WORK.agentDays &&
      scenario.horizon.days <= CASE_WORK.days;
  } catch (error) {
    if (!(error instanceof ScenarioError))
      fail('the loader threw something else than a ScenarioError', (error as Error).stack ?? String(error));
  }
  const args = runIt
    ? ['run', file, '--json', '--no-report', '--workers', '1', '--out', path.join(directory, 'out'), ...sets]
    : ['validate', file, '--json', ...sets];
  const result = await cli(args, directory);
  const text = `desksim ${args.join(' ')}\n--- exit ${result.code}\n--- stderr\n${result.stderr}\n--- stdout\n${result.stdout.slice(0, 500)}\n--- case.yaml\n${fs.readFileSync(file, 'utf8')}`;
  if (stackTrace.test(result.stderr) || result.stderr.startsWith('desksim: ')) fail('a stack trace', text);
  if (result.code === 0) {
    if (runIt) checkSummary(result.stdout);
    return runIt ? 'ran' : 'validated';
  }
  if (result.code !== 2) fail(`exit code ${result.code}`, text);
  if (valid) fail('the scenario loads, yet the command refused it', text);
  checkRejection(result.stdout, result.stderr);
  return 'rejected';
}
