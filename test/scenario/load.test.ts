import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  loadScenarioFile,
  loadScenarioText,
  parseOverride,
  resolvedScenarioYaml,
  ScenarioError,
  scenarioJsonSchema,
  type LoadOptions,
} from '../../src/scenario/index.js';

const file = 'scenarios/bad.yaml';

/** The ScenarioError a load throws (fails the test when it loads). */
function failure(text: string, options?: LoadOptions): ScenarioError {
  try {
    loadScenarioText(text, file, options);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('expected the scenario to be rejected');
}

function rendered(text: string, options?: LoadOptions): string {
  return failure(text, options).message;
}

const directories: string[] = [];

/** A temp directory holding the given files; returns its path. */
function tempFiles(files: Record<string, string>): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'desksim-scenario-'));
  directories.push(directory);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(directory, name), text);
  return directory;
}

/** Load a file, return its error message with the temp directory shown as <dir>. */
function fileFailure(directory: string, name: string, options?: LoadOptions): string {
  try {
    loadScenarioFile(path.join(directory, name), options);
  } catch (error) {
    if (error instanceof ScenarioError) return error.message.split(directory).join('<dir>');
    throw error;
  }
  throw new Error('expected the scenario to be rejected');
}

afterEach(() => {
  for (const directory of directories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
});

const tenLines = `name: small desk
seed: 7
arrivals:
  rate_per_hour: 12
tiers:
  - id: tier1
    agents: 3
    escalates_to: tier2
  - id: tier2
    agents: 1
`;

describe('a valid scenario', () => {
  it('loads a ten-line scenario with every default filled in', () => {
    const { scenario, files } = loadScenarioText(tenLines, 'scenarios/small.yaml');
    expect(files).toEqual(['scenarios/small.yaml']);
    expect(scenario.name).toBe('small desk');
    expect(scenario.seed).toBe(7);
    expect(scenario.replications).toBe(10);
    expect(scenario.horizon).toEqual({ days: 28, warmup_days: 0 });
    expect(scenario.arrivals).toEqual({ rate_per_hour: 12, pattern: 'constant', surges: [] });
    expect(scenario.tiers.map((tier) => [tier.id, tier.agents, tier.escalates_to, tier.skill, tier.speed])).toEqual([
      ['tier1', 3, 'tier2', 1, 1],
      ['tier2', 1, null, 1, 1],
    ]);
    expect(scenario.complexity.standard?.handle_time).toEqual({ dist: 'lognormal', mean: 20, sd: 15 });
    expect(scenario.routing.discipline).toBe('fifo');
  });

  it('loads a bare name with the default desk', () => {
    const { scenario } = loadScenarioText('name: minimal\n', 'minimal.yaml');
    expect(scenario.tiers).toEqual([
      {
        id: 'tier1',
        agents: 5,
        skill: 1,
        accuracy: 1,
        speed: 1,
        cost_per_hour: 0,
        escalates_to: null,
        reply_on_escalation: true,
      },
    ]);
    expect(scenario.extends).toBeUndefined();
  });

  it('converts durations to minutes', () => {
    const { scenario } = loadScenarioText(
      'name: d\ncomplexity:\n  standard:\n    handle_time: { dist: lognormal, mean: 1h, sd: 90s }\nmetrics:\n  service_level_threshold: 2h\n',
      'd.yaml',
    );
    expect(scenario.complexity.standard?.handle_time).toEqual({ dist: 'lognormal', mean: 60, sd: 1.5 });
    expect(scenario.metrics.service_level_threshold).toBe(120);
  });
});

describe('bad scenarios: one message per problem', () => {
  it('reports a YAML syntax error with its position', () => {
    const error = failure('name: x\narrivals:\n  rate_per_hour: 10\n pattern: constant\n');
    expect(error.issues[0]?.code).toBe('yaml_syntax');
    expect(error.issues[0]).toMatchObject({ line: 4, column: 1 });
    expect(error.message).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:4:1  (root)
        YAML syntax error: All mapping items must start at the same column"
    `);
  });

  it('refuses duplicate keys', () => {
    expect(rendered('name: x\nseed: 1\nseed: 2\n')).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:3:1  seed
        duplicate key "seed" (already set on line 2)"
    `);
  });

  it('reports an unknown key at its line and column, with a suggestion', () => {
    const error = failure('name: x\narrivals:\n  pattern: constant\n  rate_per_hr: 30\n');
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ code: 'unknown_key', line: 4, column: 3, path: 'arrivals.rate_per_hr' });
    expect(error.message).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:4:3  arrivals.rate_per_hr
        unknown key "rate_per_hr" — did you mean "rate_per_hour"?"
    `);
  });

  it('lists the valid keys when no key is close', () => {
    expect(rendered('name: x\nhorizon:\n  weeks: 4\n')).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:3:3  horizon.weeks
        unknown key "weeks" — valid keys here: days, warmup_days"
    `);
  });

  it('suggests keys inside list items and distributions', () => {
    expect(
      rendered(
        'name: x\ntiers:\n  - id: tier1\n    agnets: 2\ncomplexity:\n  standard:\n    handle_time: { dist: exponential, mean: 5, sd: 2 }\n',
      ),
    ).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:3:5  tiers.tier1.agents
        give either agents (24/7) or shifts
      scenarios/bad.yaml:4:5  tiers.tier1.agnets
        unknown key "agnets" — did you mean "agents"?
      scenarios/bad.yaml:7:48  complexity.standard.handle_time.sd
        unknown key "sd" — valid keys here: dist, mean"
    `);
  });

  it('reports a wrong type', () => {
    const error = failure('name: x\narrivals:\n  rate_per_hour: lots\n');
    expect(error.issues[0]).toMatchObject({
      code: 'invalid_type',
      expected: 'a number from 0 to 1000000',
      found: '"lots"',
    });
    expect(error.message).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:3:18  arrivals.rate_per_hour
        expected a number from 0 to 1000000, found "lots""
    `);
  });

  it('reports a missing required field', () => {
    expect(rendered('seed: 3\n')).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:1:1  name
        required field "name" is missing (expected a string)"
    `);
  });

  it('reports a negative number with the allowed range', () => {
    const error = failure('name: x\ntiers:\n  - id: tier1\n    agents: -3\n');
    expect(error.issues[0]).toMatchObject({
      code: 'too_small',
      path: 'tiers.tier1.agents',
      line: 4,
      column: 13,
      expected: 'an integer from 0 to 100000',
      found: '-3',
    });
    expect(error.message).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:4:13  tiers.tier1.agents
        expected an integer from 0 to 100000, found -3"
    `);
  });

  it('reports a duration it cannot read', () => {
    expect(rendered('name: x\nmetrics:\n  service_level_threshold: 4 hours\n')).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:3:28  metrics.service_level_threshold
        expected a duration (minutes, or a string like "45s", "15m", "4h", "2d", "1w"), found "4 hours""
    `);
  });

  it('names the allowed dists for an unknown one', () => {
    const error = failure('name: x\ncomplexity:\n  standard:\n    handle_time: { dist: exponentail, mean: 20 }\n');
    expect(error.issues[0]).toMatchObject({ code: 'invalid_value', path: 'complexity.standard.handle_time.dist' });
    expect(error.message).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:4:26  complexity.standard.handle_time.dist
        unknown dist "exponentail" — did you mean "exponential"? (allowed: exponential, lognormal, gamma, weibull, uniform, triangular, deterministic, empirical)"
    `);
  });

  it('explains a distribution written as a bare number', () => {
    expect(rendered('name: x\ncomplexity:\n  standard:\n    handle_time: 20\n')).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:4:18  complexity.standard.handle_time
        expected a distribution such as { dist: exponential, mean: 20 }, found 20"
    `);
  });

  it('reports shares that do not sum to 1', () => {
    expect(rendered('name: x\nchannels:\n  email: { share: 0.5 }\n  chat: { share: 0.3 }\n')).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:2:1  channels
        shares must sum to 1 (found 0.8)"
    `);
  });

  it('reports an unknown escalation target', () => {
    expect(rendered('name: x\ntiers:\n  - id: tier1\n    agents: 2\n    escalates_to: tier3\n')).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:5:19  tiers.tier1.escalates_to
        unknown tier "tier3" (known: tier1)"
    `);
  });

  it('reports an escalation loop', () => {
    expect(
      rendered(
        'name: x\ntiers:\n  - id: tier1\n    agents: 2\n    escalates_to: tier2\n  - id: tier2\n    agents: 1\n    escalates_to: tier1\n',
      ),
    ).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:5:19  tiers.tier1.escalates_to
        escalation loops back to "tier1"
      scenarios/bad.yaml:8:19  tiers.tier2.escalates_to
        escalation loops back to "tier2""
    `);
  });

  it('reports a tier with neither agents nor shifts', () => {
    expect(rendered('name: x\ntiers:\n  - id: tier1\n    cost_per_hour: 30\n')).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:3:5  tiers.tier1.agents
        give either agents (24/7) or shifts"
    `);
  });

  it('reports an unknown complexity reference', () => {
    expect(
      rendered('name: x\ncategories:\n  password:\n    share: 1\n    complexity: trivial\n'),
    ).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:5:17  categories.password.complexity
        unknown complexity "trivial" (known: standard)"
    `);
  });

  it('reports an enum value it does not know', () => {
    expect(rendered('name: x\nrouting:\n  discipline: lifo\n')).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:3:15  routing.discipline
        expected one of fifo, priority; found "lifo" — did you mean "fifo"?"
    `);
  });

  it('collects every problem, not only the first', () => {
    const error = failure('name: x\nseed: -1\nreplications: 0\narrivals:\n  rate_per_hour: -2\n  patern: constant\n');
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'seed',
      'replications',
      'arrivals.rate_per_hour',
      'arrivals.patern',
    ]);
    expect(error.message).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:2:7  seed
        expected an integer >= 0, found -1
      scenarios/bad.yaml:3:15  replications
        expected an integer from 1 to 100000, found 0
      scenarios/bad.yaml:5:18  arrivals.rate_per_hour
        expected a number from 0 to 1000000, found -2
      scenarios/bad.yaml:6:3  arrivals.patern
        unknown key "patern" — did you mean "pattern"?"
    `);
  });

  it('reports an empty file', () => {
    expect(rendered('')).toMatchInlineSnapshot(`
      "scenarios/bad.yaml:1:1  (root)
        expected a scenario: a map of fields such as "name:" and "tiers:", found an empty value"
    `);
  });

  it('reports a missing file', () => {
    expect(() => loadScenarioFile('no/such/scenario.yaml')).toThrow(ScenarioError);
    try {
      loadScenarioFile('no/such/scenario.yaml');
    } catch (error) {
      expect((error as ScenarioError).message).toMatchInlineSnapshot(`
        "no/such/scenario.yaml  (root)
          cannot find the scenario file "no/such/scenario.yaml""
      `);
    }
  });
});

describe('overrides', () => {
  it('addresses tiers by id and parses values as YAML', () => {
    const { scenario } = loadScenarioText(tenLines, file, {
      overrides: [
        'tiers.tier1.agents=8',
        'tiers.1.cost_per_hour=45.5',
        'arrivals.rate_per_hour=40',
        'complexity.standard.handle_time={dist: exponential, mean: 5}',
        'metrics.service_level_threshold=4h',
        'clock.timezone=Europe/Paris',
      ],
    });
    expect(scenario.tiers[0]?.agents).toBe(8);
    expect(scenario.tiers[1]?.cost_per_hour).toBe(45.5);
    expect(scenario.arrivals.rate_per_hour).toBe(40);
    expect(scenario.complexity.standard?.handle_time).toEqual({ dist: 'exponential', mean: 5 });
    expect(scenario.metrics.service_level_threshold).toBe(240);
    expect(scenario.clock.timezone).toBe('Europe/Paris');
  });

  it('reaches into the default tiers when the file has none', () => {
    const { scenario } = loadScenarioText('name: x\n', file, { overrides: ['tiers.tier1.agents=2'] });
    expect(scenario.tiers).toHaveLength(1);
    expect(scenario.tiers[0]).toMatchObject({ id: 'tier1', agents: 2 });
  });

  it('creates missing map keys', () => {
    const { scenario } = loadScenarioText('name: x\n', file, {
      overrides: ['horizon.days=7', 'categories.general.priorities.normal=1'],
    });
    expect(scenario.horizon.days).toBe(7);
    expect(scenario.categories.general?.priorities).toEqual({ normal: 1 });
  });

  it('parses one override', () => {
    expect(parseOverride('tiers.tier1.agents=8')).toEqual({ path: ['tiers', 'tier1', 'agents'], value: 8 });
    expect(parseOverride('gaming.on=true')).toEqual({ path: ['gaming', 'on'], value: true });
    expect(parseOverride('horizon.warmup=4h')).toEqual({ path: ['horizon', 'warmup'], value: '4h' });
    expect(parseOverride('a.b={dist: exponential, mean: 5}')).toEqual({
      path: ['a', 'b'],
      value: { dist: 'exponential', mean: 5 },
    });
    expect(parseOverride('clock.start=2026-02-01T08:00:00')).toEqual({
      path: ['clock', 'start'],
      value: '2026-02-01T08:00:00',
    });
    expect(() => parseOverride('tiers.tier1.agents')).toThrow(ScenarioError);
  });

  it('reports a malformed override and a path through a plain value', () => {
    expect(
      rendered(tenLines, { overrides: ['tiers.tier1.agents', 'seed.value=3', 'tiers..agents=1'] }),
    ).toMatchInlineSnapshot(`
      "--set tiers.tier1.agents  tiers.tier1.agents
        cannot read the override "tiers.tier1.agents": expected path=value, e.g. tiers.tier1.agents=8
      --set seed.value=3  seed.value
        cannot go inside seed: it holds 7, not a map or a list
      --set tiers..agents=1  tiers..agents
        the override "tiers..agents=1" has an empty path segment"
    `);
  });

  it('reports an unknown tier id and a list index out of range', () => {
    const error = failure(tenLines, { overrides: ['tiers.tier9.agents=4', 'tiers.5.agents=1'] });
    expect(error.issues[0]).toMatchObject({ code: 'bad_override', file: '--set', override: 'tiers.tier9.agents=4' });
    expect(error.message).toMatchInlineSnapshot(`
      "--set tiers.tier9.agents=4  tiers.tier9.agents
        unknown tier id "tier9" in tiers (known: tier1, tier2)
      --set tiers.5.agents=1  tiers.5.agents
        tiers has 2 items, so there is no item 5 (items count from 0)"
    `);
  });

  it('points errors in overridden values to the override', () => {
    const error = failure(tenLines, { overrides: ['tiers.tier1.agents=-3', 'arrivals.rate_per_hr=3'] });
    const agents = error.issues.find((issue) => issue.path === 'tiers.tier1.agents');
    expect(agents).toMatchObject({ code: 'too_small', file: '--set', override: 'tiers.tier1.agents=-3' });
    expect(agents?.line).toBeUndefined();
    expect(error.message).toMatchInlineSnapshot(`
      "--set arrivals.rate_per_hr=3  arrivals.rate_per_hr
        unknown key "rate_per_hr" — did you mean "rate_per_hour"?
      --set tiers.tier1.agents=-3  tiers.tier1.agents
        expected an integer from 0 to 100000, found -3"
    `);
  });
});

describe('extends', () => {
  const parent = `name: parent desk
seed: 5
arrivals:
  rate_per_hour: 20
  pattern: business_hours
channels:
  email: { share: 0.6 }
  chat: { share: 0.4, response: on_pickup }
tiers:
  - id: tier1
    agents: 4
    escalates_to: tier2
  - id: tier2
    agents: 2
`;

  it('deep-merges maps, replaces a list whole with $replace, and lets the child win', () => {
    const directory = tempFiles({
      'parent.yaml': parent,
      'child.yaml': `extends: parent.yaml
name: child desk
arrivals:
  rate_per_hour: 30
channels:
  chat: { share: 0.4, response: on_completion }
tiers:
  $replace:
    - id: solo
      agents: 9
`,
    });
    const { scenario, files } = loadScenarioFile(path.join(directory, 'child.yaml'));
    expect(files).toEqual([path.join(directory, 'child.yaml'), path.join(directory, 'parent.yaml')]);
    expect(scenario.name).toBe('child desk');
    expect(scenario.seed).toBe(5);
    expect(scenario.arrivals).toMatchObject({ rate_per_hour: 30, pattern: 'business_hours' });
    expect(scenario.channels.email?.share).toBe(0.6);
    expect(scenario.channels.chat?.response).toBe('on_completion');
    expect(scenario.tiers.map((tier) => tier.id)).toEqual(['solo']);
    expect(scenario.extends).toBeUndefined();
  });

  it('follows a chain of parents in other folders', () => {
    const directory = tempFiles({
      'grand.yaml': 'name: grand\nreplications: 3\n',
      'parent.yaml': 'extends: ../grand.yaml\nseed: 9\n',
    });
    fs.mkdirSync(path.join(directory, 'sub'));
    fs.renameSync(path.join(directory, 'parent.yaml'), path.join(directory, 'sub', 'parent.yaml'));
    fs.writeFileSync(path.join(directory, 'sub', 'child.yaml'), 'extends: parent.yaml\nname: child\n');
    const { scenario, files } = loadScenarioFile(path.join(directory, 'sub', 'child.yaml'));
    expect(files.map((name) => path.relative(directory, name))).toEqual([
      path.join('sub', 'child.yaml'),
      path.join('sub', 'parent.yaml'),
      'grand.yaml',
    ]);
    expect([scenario.name, scenario.seed, scenario.replications]).toEqual(['child', 9, 3]);
  });

  it('applies overrides after the merge', () => {
    const directory = tempFiles({ 'parent.yaml': parent, 'child.yaml': 'extends: parent.yaml\nname: child\n' });
    const { scenario } = loadScenarioFile(path.join(directory, 'child.yaml'), { overrides: ['tiers.tier2.agents=6'] });
    expect(scenario.tiers.map((tier) => tier.agents)).toEqual([4, 6]);
  });

  it('reports an error written in the parent in the parent file', () => {
    const directory = tempFiles({
      'parent.yaml': parent.replace('agents: 2', 'agents: -2'),
      'child.yaml': 'extends: parent.yaml\nname: child\narrivals:\n  rate_per_hour: 25\n',
    });
    expect(fileFailure(directory, 'child.yaml')).toMatchInlineSnapshot(`
      "<dir>/parent.yaml:14:13  tiers.tier2.agents
        expected an integer from 0 to 100000, found -2"
    `);
  });

  it('reports a bad value the child wrote over a parent field in the child file', () => {
    const directory = tempFiles({
      'parent.yaml': parent,
      'child.yaml': 'extends: parent.yaml\nname: child\narrivals:\n  rate_per_hour: -25\n',
    });
    expect(fileFailure(directory, 'child.yaml')).toMatchInlineSnapshot(`
      "<dir>/child.yaml:4:18  arrivals.rate_per_hour
        expected a number from 0 to 1000000, found -25"
    `);
  });

  it('lets the child fix a bad parent field', () => {
    const directory = tempFiles({
      'parent.yaml': parent.replace('rate_per_hour: 20', 'rate_per_hour: -20'),
      'child.yaml': 'extends: parent.yaml\nname: child\narrivals:\n  rate_per_hour: 25\n',
    });
    expect(loadScenarioFile(path.join(directory, 'child.yaml')).scenario.arrivals.rate_per_hour).toBe(25);
  });

  it('reports a YAML error in the parent', () => {
    const directory = tempFiles({
      'parent.yaml': 'name: p\nseed: [1\n',
      'child.yaml': 'extends: parent.yaml\nname: child\n',
    });
    expect(fileFailure(directory, 'child.yaml')).toMatchInlineSnapshot(`
      "<dir>/parent.yaml:3:1  (root)
        YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]"
    `);
  });

  it('detects a cycle', () => {
    const directory = tempFiles({ 'a.yaml': 'name: a\nextends: b.yaml\n', 'b.yaml': 'extends: a.yaml\nseed: 2\n' });
    const message = fileFailure(directory, 'a.yaml');
    expect(message).toMatchInlineSnapshot(`
      "<dir>/b.yaml:1:10  extends
        extends goes round in a circle: <dir>/a.yaml → <dir>/b.yaml → <dir>/a.yaml"
    `);
  });

  it('detects a file that extends itself', () => {
    const directory = tempFiles({ 'self.yaml': 'name: a\nextends: ./self.yaml\n' });
    expect(fileFailure(directory, 'self.yaml')).toMatchInlineSnapshot(`
      "<dir>/self.yaml:2:10  extends
        extends goes round in a circle: <dir>/self.yaml → <dir>/self.yaml"
    `);
  });

  it('reports a missing parent at the extends line', () => {
    const directory = tempFiles({ 'child.yaml': 'name: child\nextends: nowhere.yaml\n' });
    expect(fileFailure(directory, 'child.yaml')).toMatchInlineSnapshot(`
      "<dir>/child.yaml:2:10  extends
        cannot find the parent scenario "<dir>/nowhere.yaml" named by extends"
    `);
  });
});

describe('the resolved scenario', () => {
  it('round-trips through YAML', () => {
    const text = `name: rich desk
description: "every section: with punctuation # and a hash"
seed: 11
horizon: { days: 14, warmup_days: 2 }
clock:
  start: "2026-03-02T08:00:00"
  business_hours:
    - { days: [mon, tue, wed, thu, fri], start: "08:00", end: "18:00" }
arrivals:
  rate_per_hour: 15
  pattern: profile
  hourly_profile: [0, 0, 0, 0, 0, 0, 1, 2, 3, 3, 3, 3, 2, 2, 3, 3, 2, 1, 1, 0, 0, 0, 0, 0]
  surges:
    - { start: 3d10h, duration: 4h, multiplier: 3, category: outage }
channels:
  email: { share: 0.7 }
  phone: { share: 0.3, patience: { dist: exponential, mean: 5m }, response: on_pickup }
categories:
  outage: { share: 0.2, complexity: hard, priorities: { high: 1 } }
  howto: { share: 0.8, complexity: { easy: 0.75, hard: 0.25 } }
complexity:
  easy: { handle_time: { dist: triangular, min: 2m, mode: 5m, max: 20m } }
  hard: { handle_time: { dist: empirical, values: [30, 45, 1h, 90m] } }
priorities:
  high: { share: 0.25, rank: 0 }
  normal: { share: 0.75 }
tiers:
  - id: tier1
    shifts:
      - { name: day, days: [mon, tue, wed, thu, fri], start: "08:00", end: "16:00", agents: 4 }
      - { days: [mon, tue, wed, thu, fri], start: "16:00", end: "24:00", agents: 2 }
    skill: { easy: 0.9, hard: 0.3 }
    cost_per_hour: 32
    escalates_to: tier2
  - { id: tier2, agents: 2, speed: 1.5, cost_per_hour: 55 }
routing: { discipline: priority, entry_tier: tier1 }
metrics: { service_level_threshold: 1h }
`;
    const { scenario } = loadScenarioText(text, 'rich.yaml');
    const yaml = resolvedScenarioYaml(scenario);
    expect(yaml.split('\n')[0]).toBe('# resolved by desksim — defaults and overrides applied; durations in minutes');
    expect(yaml).not.toContain('&');
    expect(yaml).toContain('service_level_threshold: 60');
    const again = loadScenarioText(yaml, 'resolved.yaml').scenario;
    expect(again).toEqual(scenario);
    expect(resolvedScenarioYaml(again)).toBe(yaml);
  });

  it('round-trips the defaults and overrides', () => {
    const { scenario } = loadScenarioText('name: tiny\n', 'tiny.yaml', { overrides: ['tiers.tier1.agents=3'] });
    const again = loadScenarioText(resolvedScenarioYaml(scenario), 'resolved.yaml').scenario;
    expect(again).toEqual(scenario);
    expect(again.tiers[0]?.agents).toBe(3);
  });
});

describe('JSON Schema', () => {
  it('describes the scenario format', () => {
    const schema = scenarioJsonSchema();
    expect(schema.type).toBe('object');
    const properties = schema.properties as Record<string, unknown>;
    expect(properties).toHaveProperty('tiers');
    expect(properties).toHaveProperty('arrivals');
    expect(schema.required).toEqual(['name']);
    expect(() => JSON.stringify(schema)).not.toThrow();
  });
});
