/**
 * Bounded work on any input, and validate saying exactly what run accepts (issue 14, §2):
 * each reproduction of the issue, as a test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioError, type ScenarioIssue } from '../../src/document/errors.js';
import { describeInheritance } from '../../src/scenario/inherit.js';
import { loadScenarioFile, loadScenarioText } from '../../src/scenario/load.js';
import { estimateWork, WORK_LIMITS } from '../../src/scenario/size.js';
import { cli, root, temporaryDirectory } from '../support/cli.js';

const directory = temporaryDirectory('desksim-trust-');
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(directory, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

function issuesOf(load: () => unknown): ScenarioIssue[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ScenarioError) return error.issues;
    throw error;
  }
  throw new Error('expected the scenario to be refused');
}

const small = 'name: small\nhorizon: { days: 1 }\nreplications: 1\n';

describe('YAML aliases', () => {
  it('refuses a ten-line billion-laughs file at the alias that overflows, without expanding it', () => {
    const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const lines = [`a: &a [${Array(9).fill('"lol"').join(',')}]`];
    for (let index = 1; index < levels.length; index++) {
      lines.push(
        `${levels[index]}: &${levels[index]} [${Array(9)
          .fill(`*${levels[index - 1]}`)
          .join(',')}]`,
      );
    }
    lines.push('name: bomb');
    const file = write('bomb.yaml', lines.join('\n') + '\n');
    const issues = issuesOf(() => loadScenarioFile(file));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'too_large', file, path: '(root)' });
    expect(issues[0]?.line).toBeGreaterThan(1);
    expect(issues[0]?.message).toMatch(/more than 200000 values/);
  });

  it('refuses an alias inside its own anchor and nesting deeper than 100 levels', () => {
    expect(issuesOf(() => loadScenarioText(`${'['.repeat(150)}${']'.repeat(150)}\n`, 'deep.yaml'))[0]?.code).toBe(
      'too_large',
    );
  });

  it('still expands ordinary aliases', () => {
    const text =
      `${small}complexity:\n  standard: { handle_time: &time { dist: exponential, mean: 10 } }\n  other: { handle_time: *time }\n` +
      'categories:\n  general: { share: 1, complexity: { standard: 0.5, other: 0.5 } }\n';
    const { scenario } = loadScenarioText(text, path.join(directory, 'aliases.yaml'));
    expect(scenario.complexity.other?.handle_time).toEqual({ dist: 'exponential', mean: 10 });
  });
});

describe('files and extends', () => {
  const child = (target: string) => write('child.yaml', `name: child\nextends: ${JSON.stringify(target)}\n`);

  it.each([
    ['/dev/zero', /is a device, pipe or socket, not a scenario file/],
    [directory, /is a directory, not a scenario file/],
  ])('refuses extends: %s at the extends line', (target, wanted) => {
    const issues = issuesOf(() => loadScenarioFile(child(target)));
    expect(issues).toEqual([expect.objectContaining({ code: 'not_a_file', path: 'extends', line: 2, column: 10 })]);
    expect(issues[0]?.message).toMatch(wanted);
  });

  it('refuses a scenario file larger than 1 MiB before reading it', () => {
    const big = write('big.yaml', `name: big\n# ${'x'.repeat(1024 * 1024)}\n`);
    expect(issuesOf(() => loadScenarioFile(big))[0]).toMatchObject({ code: 'too_large', path: '(root)' });
  });

  it.each([
    ['a password file', 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n', 'a text'],
    ['a list', '- a\n- b\n', 'a list'],
    ['a string', 'just a sentence\n', 'a text'],
    ['an empty file', '', 'nothing'],
  ])('refuses a parent that is %s, without quoting it', (_what, text, holds) => {
    write('parent.yaml', text);
    const issues = issuesOf(() => loadScenarioFile(child('parent.yaml')));
    expect(issues).toEqual([expect.objectContaining({ code: 'not_a_scenario', path: 'extends', line: 2 })]);
    expect(issues[0]?.message).toContain(`it holds ${holds}`);
    expect(issues[0]?.message).not.toMatch(/root:x|daemon|sentence/);
  });

  it('refuses a parent whose keys are not scenario fields, naming where but not what', () => {
    write('parent.yaml', 'password: hunter2\napi_token: s3cr3t\n');
    const issues = issuesOf(() => loadScenarioFile(child('parent.yaml')));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatchInlineSnapshot(
      `"the parent "${path.join(directory, 'parent.yaml')}" named by extends is not a desksim scenario: 2 of its top-level keys are not scenario fields (the first at line 1, column 1)"`,
    );
    expect(JSON.stringify(issues)).not.toMatch(/hunter2|s3cr3t|password|api_token/);
  });

  it('tells a mistyped field in a real parent scenario where it is', () => {
    write('parent.yaml', 'name: parent\nhorizn: { days: 3 }\n');
    expect(issuesOf(() => loadScenarioFile(child('parent.yaml')))).toEqual([
      expect.objectContaining({
        code: 'unknown_key',
        file: path.join(directory, 'parent.yaml'),
        line: 2,
        message: 'unknown top-level key — did you mean "horizon"?',
      }),
    ]);
  });

  it('refuses an extends chain deeper than 16 files', () => {
    write('chain/level0.yaml', small);
    for (let level = 1; level <= 17; level++) write(`chain/level${level}.yaml`, `extends: level${level - 1}.yaml\n`);
    expect(issuesOf(() => loadScenarioFile(path.join(directory, 'chain/level17.yaml')))).toEqual([
      expect.objectContaining({ code: 'extends_too_deep', path: 'extends' }),
    ]);
    expect(loadScenarioFile(path.join(directory, 'chain/level15.yaml')).files).toHaveLength(16);
  });
});

describe('validate says exactly what run accepts', () => {
  const cases: Array<[string, string, string]> = [
    ['clock.start="2026/01/05 09:00"', 'clock.start', 'expected an ISO 8601 date-time'],
    ['arrivals.rate_per_hour=1e308', 'arrivals.rate_per_hour', 'from 0 to 1000000'],
    ['horizon.days=1e308', 'horizon.days', '<= 3660'],
    [
      'arrivals.surges=[{start: 1d, duration: 1h, multiplier: 1e308}]',
      'arrivals.surges.0.multiplier',
      'from 0 to 1000',
    ],
    [
      'complexity.standard.handle_time={dist: weibull, shape: 1e-300, scale: 10}',
      'complexity.standard.handle_time',
      "the distribution's mean would not be a finite number",
    ],
    [
      'complexity.standard.handle_time={dist: gamma, mean: 1e300, sd: 1}',
      'complexity.standard.handle_time.mean',
      'at most 100 years',
    ],
    [
      'complexity.standard.handle_time={dist: lognormal, mean: 10, sd: 1e300}',
      'complexity.standard.handle_time.sd',
      'at most 100 years',
    ],
    [
      'complexity.standard.handle_time={dist: lognormal, mean: 1e-200, sd: 1}',
      'complexity.standard.handle_time',
      'too extreme',
    ],
    [
      'arrivals={pattern: profile, hourly_profile: [0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}',
      'arrivals.hourly_profile',
      'at least one weight > 0',
    ],
    ['priorities={toString: {share: 1}}', 'priorities.toString', 'reserved name'],
    ['priorities={constructor: {share: 1}}', 'priorities.constructor', 'reserved name'],
    ['priorities={valueOf: {share: 1}}', 'priorities.valueOf', 'reserved name'],
    [
      'arrivals.surges=[{start: "2026-13-01T00:00", duration: 1h, multiplier: 2}]',
      'arrivals.surges.0.start',
      'out of range',
    ],
    ['tiers.tier1.agents=1000000000', 'tiers.tier1.agents', 'from 0 to 100000'],
  ];

  it.each(cases)('--set %s: validate and run both refuse it, located, exit 2', async (override, where, text) => {
    const file = write('agree.yaml', small);
    const issues = issuesOf(() => loadScenarioFile(file, { overrides: [override] }));
    expect(issues).toEqual([
      expect.objectContaining({ file: '--set', override, path: where, message: expect.stringContaining(text) }),
    ]);
    const run = await cli([
      'run',
      file,
      '--set',
      override,
      '--no-report',
      '--json',
      '--out',
      path.join(directory, 'out'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(run.stdout)).toEqual({ valid: false, issues });
  });
});

describe('the size of a run', () => {
  it('estimates tickets from the rate, the open hours, the horizon, surges and replications', () => {
    const { scenario } = loadScenarioText(
      `name: size\nhorizon: { days: 1 }\narrivals: { rate_per_hour: 10, pattern: business_hours, surges: [{ start: 1h, duration: 2h, multiplier: 3 }] }\n` +
        'tiers: [{ id: a, agents: 3 }, { id: b, shifts: [{ agents: 2, days: [mon], start: "09:00", end: "17:00" }] }]\n',
      'size.yaml',
      { overrides: ['replications=4'] },
    );
    // Business hours Mon-Fri 9-17 are open 40 of 168 hours: 10 × 24 × 40/168 + 10 × (3 − 1) × 2 surge hours.
    const perReplication = (10 * 24 * 40) / 168 + 10 * 2 * 2;
    // Agent-days: 5 agents and the business-hours window, each a calendar over 1 day.
    expect(estimateWork(scenario)).toEqual({
      ticketsPerReplication: perReplication,
      ticketsTotal: 4 * perReplication,
      agents: 5,
      agentDays: 6,
    });
  });

  it('refuses a run over the limit with the estimate and the limit, at the rate; --allow-large runs it', async () => {
    const file = write('large.yaml', `${small}arrivals:\n  rate_per_hour: 1e6\n`);
    const issues = issuesOf(() => loadScenarioFile(file));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'too_large', path: 'arrivals.rate_per_hour', line: 5, column: 18 }),
    ]);
    expect(issues[0]?.message).toMatch(
      /about 24 million tickets per replication .* more than the limit of 1 million.*--allow-large/,
    );
    expect(loadScenarioFile(file, { allowLarge: true }).scenario.arrivals.rate_per_hour).toBe(1e6);
    const validate = await cli(['validate', file, '--json']);
    expect([validate.code, JSON.parse(validate.stdout).issues]).toEqual([2, issues]);
    expect((await cli(['validate', file, '--allow-large', '--quiet'])).code).toBe(0);
  });

  it('limits replications × tickets, agents, and agent-days', () => {
    const tooMany = (text: string, overrides: string[] = []) =>
      issuesOf(() => loadScenarioText(text, path.join(directory, 'limits.yaml'), { overrides }));
    expect(tooMany(small, ['arrivals.rate_per_hour=20000', 'replications=1000'])[0]).toMatchObject({
      path: 'replications',
    });
    expect(tooMany(small, ['tiers=[{id: a, agents: 60000}]'])[0]?.message).toMatch(
      /60,000 agents, more than the limit of 10,000/,
    );
    expect(tooMany(small, ['tiers=[{id: a, agents: 5000}]', 'horizon.days=2000'])[0]).toMatchObject({
      path: 'horizon.days',
    });
    const manyShifts = Array.from(
      { length: 1400 },
      () => '{ agents: 0, days: [mon], start: "09:00", end: "10:00" }',
    ).join(', ');
    expect(tooMany(`${small}tiers: [{ id: a, shifts: [${manyShifts}] }]\n`, ['horizon.days=3660'])[0]?.message).toMatch(
      /agent-days/,
    );
    expect(WORK_LIMITS.ticketsPerReplication).toBe(1_000_000);
  });

  it('documents --allow-large in the help of every command that runs scenarios', async () => {
    for (const command of ['run', 'validate', 'compare', 'sweep', 'pressure']) {
      expect((await cli([command, '--help'])).stdout).toContain('--allow-large');
    }
  });
});

describe('prototype pollution', () => {
  it.each([
    '__proto__.x=1',
    'constructor.x=1',
    'tiers.tier1.__proto__.x=1',
    'horizon.constructor.prototype.x=1',
    'constructor.prototype.polluted=1',
  ])('--set %s is an unknown-key error and leaves Object.prototype alone', async (override) => {
    const file = write('proto.yaml', small);
    const issues = issuesOf(() => loadScenarioFile(file, { overrides: [override] }));
    expect(issues[0]).toMatchObject({ code: 'unknown_key', file: '--set', override });
    const result = await cli(['validate', file, '--set', override]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/TypeError|\n\s+at /);
    expect(Object.prototype).not.toHaveProperty('x');
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('a __proto__ key inside a YAML map is an unknown key at its line', () => {
    const issues = issuesOf(() =>
      loadScenarioText('name: proto\nhorizon:\n  days: 1\n  __proto__: { polluted: 1 }\n', 'proto.yaml'),
    );
    expect(issues).toEqual([expect.objectContaining({ code: 'unknown_key', path: 'horizon.__proto__', line: 4 })]);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('extends merges lists of items with ids by id', () => {
  const baseline = path.join(root, 'scenarios', 'baseline.yaml');
  const extend = (body: string) =>
    write('inherit/child.yaml', `name: child\nextends: ${JSON.stringify(baseline)}\n${body}`);

  it('a child that lists only tier2 changes Tier 2 and keeps Tier 1, and says so', () => {
    const file = extend('tiers:\n  - id: tier2\n    cost_per_hour: 60\n');
    const { scenario, inheritance } = loadScenarioFile(file);
    const parent = loadScenarioFile(baseline).scenario;
    expect(scenario.tiers.map((tier) => tier.id)).toEqual(['tier1', 'tier2', 'live']);
    expect(scenario.tiers[0]).toEqual(parent.tiers[0]);
    expect(scenario.tiers[1]).toEqual({ ...parent.tiers[1], cost_per_hour: 60 });
    expect(describeInheritance(inheritance, (name) => path.basename(name))).toEqual([
      "tiers (from baseline.yaml): tier1, live inherited; tier2 merged with the child's changes",
    ]);
  });

  it("adds a new id after the parent's, and replaces a whole list or item with $replace", () => {
    const added = loadScenarioFile(extend('tiers:\n  - { id: tier3, agents: 1 }\n'));
    expect(added.scenario.tiers.map((tier) => tier.id)).toEqual(['tier1', 'tier2', 'live', 'tier3']);
    expect(added.inheritance[0]).toMatchObject({
      path: 'tiers',
      inherited: ['tier1', 'tier2', 'live'],
      added: ['tier3'],
    });

    // The baseline's live channels name their team: a child replacing every tier names the new one.
    const channels = 'channels: { chat: { entry_tier: solo }, phone: { entry_tier: solo } }\n';
    const whole = loadScenarioFile(
      extend(`tiers:\n  $replace:\n    - { id: solo, agents: 4 }\nrouting: { entry_tier: solo }\n${channels}`),
    );
    expect(whole.scenario.tiers.map((tier) => [tier.id, tier.agents])).toEqual([['solo', 4]]);
    expect(whole.inheritance).toContainEqual(expect.objectContaining({ path: 'tiers', replaced: true }));

    // Tier 2 has shifts in the parent; replacing the item lets the child give agents instead.
    const item = loadScenarioFile(extend('tiers:\n  - $replace: { id: tier2, agents: 2 }\n'));
    expect(item.scenario.tiers[1]).toMatchObject({ id: 'tier2', agents: 2, cost_per_hour: 0 });
    expect(item.scenario.tiers[1]?.shifts).toBeUndefined();
    expect(item.inheritance[0]).toMatchObject({ inherited: ['tier1', 'live'], replacedItems: ['tier2'] });
  });

  it("a tier given agents drops the inherited shifts (they are alternatives), and a child's distribution replaces the parent's whole", () => {
    const parent = loadScenarioFile(baseline).scenario;
    const staffed = loadScenarioFile(extend('tiers:\n  - { id: tier2, agents: 2 }\n'));
    expect(staffed.scenario.tiers[1]).toMatchObject({
      id: 'tier2',
      agents: 2,
      cost_per_hour: parent.tiers[1]!.cost_per_hour,
    });
    expect(staffed.scenario.tiers[1]?.shifts).toBeUndefined();
    expect(staffed.scenario.tiers[0]).toEqual(parent.tiers[0]);
    expect(staffed.inheritance).toContainEqual(expect.objectContaining({ path: 'tiers.tier2.shifts', replaced: true }));

    // The baseline's simple work is lognormal with an sd: an exponential must not inherit it.
    const exponential = loadScenarioFile(
      extend('complexity:\n  simple: { handle_time: { dist: exponential, mean: 8m } }\n'),
    );
    expect(exponential.scenario.complexity.simple!.handle_time).toEqual({ dist: 'exponential', mean: 8 });
    expect(exponential.inheritance).toContainEqual(
      expect.objectContaining({ path: 'complexity.simple.handle_time', replaced: true }),
    );
  });

  it('replaces a map of ids whole with $replace, and refuses $replace beside other keys', () => {
    const { scenario } = loadScenarioFile(
      extend(
        'priorities:\n  $replace: { normal: { share: 1 } }\nsla: { targets: { $replace: {} } }\n' +
          'categories:\n  $replace: { general: { share: 1, complexity: medium } }\n' +
          'customers: { satisfaction: { expected_resolution: 1d } }\nknowledge: { coverage: 0.1 }\n',
      ),
    );
    expect(Object.keys(scenario.priorities)).toEqual(['normal']);
    expect(
      issuesOf(() =>
        loadScenarioFile(extend('priorities:\n  $replace: { normal: { share: 1 } }\n  high: { share: 0 }\n')),
      ),
    ).toEqual([expect.objectContaining({ code: 'bad_replace', path: '$replace', line: 4 })]);
  });

  it('validate prints what was inherited (text and --json)', async () => {
    const file = extend('tiers:\n  - id: tier2\n    cost_per_hour: 60\n');
    const text = await cli(['validate', file], directory);
    expect(text.stdout).toMatch(
      /# tiers \(from .*baseline\.yaml\): tier1, live inherited; tier2 merged with the child's changes\n/,
    );
    const json = JSON.parse((await cli(['validate', file, '--json'])).stdout) as { inheritance: unknown[] };
    expect(json.inheritance).toEqual([
      {
        path: 'tiers',
        parent: baseline,
        child: file,
        inherited: ['tier1', 'live'],
        merged: ['tier2'],
        added: [],
        replacedItems: [],
        replaced: false,
      },
    ]);
  });
});

describe('--json always answers', () => {
  it.each([['run'], ['compare'], ['pressure']])(
    '%s --json on invalid input prints {valid: false, issues} on stdout, exit 2',
    async (command) => {
      const file = write('invalid.yaml', 'name: bad\nreplications: 0\n');
      const args =
        command === 'compare'
          ? ['compare', file, file]
          : command === 'pressure'
            ? ['pressure', file, '--kpi', 'csat_mean']
            : ['run', file];
      const result = await cli([...args, '--json', '--out', path.join(directory, 'json-out')]);
      expect(result.code).toBe(2);
      const answer = JSON.parse(result.stdout) as { valid: boolean; issues: ScenarioIssue[] };
      expect(answer).toEqual({
        valid: false,
        issues: [expect.objectContaining({ path: 'replications', line: 2, column: 15 })],
      });
    },
  );
});
