/**
 * Sweeps: grid expansion, the shipped experiment files (each loads, every grid point a valid
 * scenario), located errors for bad experiment files, and the shape of sweep.json / sweep.csv.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run.js';
import { expandGrid, loadExperiment, parameterOverride } from '../../src/experiment/experiment-file.js';
import { sweepCsv, sweepResult } from '../../src/experiment/sweep.js';
import { ScenarioError } from '../../src/document/errors.js';
import { root, temporaryDirectory } from '../support/cli.js';

describe('expandGrid', () => {
  it('is the cartesian product, the first parameter varying slowest', () => {
    expect(expandGrid({ a: [1, 2], b: ['x', 'y', 'z'] })).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 1, b: 'z' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
      { a: 2, b: 'z' },
    ]);
    expect(expandGrid({ only: [3] })).toEqual([{ only: 3 }]);
  });

  it('writes each value as an override that reads back as written', () => {
    expect(parameterOverride('tiers.tier1.agents', 6)).toBe('tiers.tier1.agents=6');
    expect(parameterOverride('sla.targets.high.first_response', '4h')).toBe('sla.targets.high.first_response="4h"');
    expect(parameterOverride('complexity.simple.handle_time', { dist: 'exponential', mean: 8 })).toBe(
      'complexity.simple.handle_time={"dist":"exponential","mean":8}',
    );
  });
});

const experimentsFolder = join(root, 'scenarios', 'experiments');

describe('shipped experiment files', () => {
  const files = readdirSync(experimentsFolder).filter((name) => name.endsWith('.yaml'));
  it('exist', () => expect(files.length).toBeGreaterThanOrEqual(1));
  for (const name of files) {
    it(`${name} loads, and every grid point is a valid scenario`, () => {
      const loaded = loadExperiment(join(experimentsFolder, name));
      const sizes = Object.values(loaded.experiment.grid).map((values) => values.length);
      expect(loaded.points).toHaveLength(sizes.reduce((product, size) => product * size, 1));
      expect(new Set(loaded.points.map((point) => point.scenario.seed)).size).toBe(1);
    });
  }

  it('tier1-staffing sets the shifts it names at each point', () => {
    const loaded = loadExperiment(join(experimentsFolder, 'tier1-staffing.yaml'), { overrides: ['replications=2'] });
    expect(loaded.points).toHaveLength(9);
    const last = loaded.points[8]!;
    expect(last.parameters).toEqual({ 'tiers.tier1.shifts.0.agents': 3, 'tiers.tier1.shifts.1.agents': 3 });
    expect(last.scenario.tiers[0]!.shifts!.map((shift) => shift.agents)).toEqual([3, 3, 1]);
    expect(last.scenario.horizon.days).toBe(28);
    expect(last.scenario.replications).toBe(2); // the command line's over the file's 5
  });
});

/** Loads an experiment written to a scratch file; returns the rendered errors. */
function errorsOf(text: string): string {
  const file = join(temporaryDirectory(), 'experiment.yaml');
  writeFileSync(file, text);
  try {
    loadExperiment(file);
  } catch (error) {
    if (error instanceof ScenarioError)
      return error.message.replaceAll(file, 'experiment.yaml').replaceAll(root, '<root>');
    throw error;
  }
  throw new Error('the experiment loaded');
}

const baseline = join(root, 'scenarios', 'baseline.yaml');

describe('bad experiment files', () => {
  it('are refused by their schema, located, with a suggestion', () => {
    expect(errorsOf(`name: x\nscenario: ${baseline}\nreplicatons: 3\ngrid: {}\n`)).toMatchInlineSnapshot(`
      "experiment.yaml:3:1  replicatons
        unknown key "replicatons" — did you mean "replications"?
      experiment.yaml:4:1  grid
        must name at least one parameter (a --set path) with its values"
    `);
    expect(errorsOf('- a list\n')).toMatchInlineSnapshot(`
      "experiment.yaml:1:1  (root)
        expected an experiment: a map of fields such as "scenario:" and "grid:", found a list of 1 item"
    `);
  });

  it('report a grid value or a set entry the scenario refuses where the experiment wrote it', () => {
    const text = [
      'name: x',
      `scenario: ${baseline}`,
      'set: ["horizon.days=21"]',
      'grid:',
      '  tiers.tier1.shifts.0.agents: [4, -1, many]',
      '  arrivals.rate_per_hour: [5, { dist: x }]',
      '  tiers.tier9.agents: [3]',
      'kpis: [first_respons_time_mean, tiers.tier1.utilization]',
      '',
    ].join('\n');
    expect(errorsOf(text)).toMatchInlineSnapshot(`
      "experiment.yaml:5:36  tiers.tier1.shifts.0.agents
        expected an integer from 0 to 100000, found -1
      experiment.yaml:5:40  tiers.tier1.shifts.0.agents
        expected an integer from 0 to 100000, found "many"
      experiment.yaml:6:31  arrivals.rate_per_hour
        expected a number from 0 to 1000000, found a map
      experiment.yaml:7:3  tiers.tier9.agents
        unknown tier id "tier9" in tiers (known: tier1, tier2, live)"
    `);
  });

  it('report an unknown headline KPI with a suggestion', () => {
    expect(
      errorsOf(
        `name: x\nscenario: ${baseline}\ngrid:\n  seed: [1, 2]\nkpis: [first_respons_time_mean, tiers.tier3.utilization]\n`,
      ),
    ).toMatchInlineSnapshot(`
      "experiment.yaml:5:8  kpis.0
        unknown KPI "first_respons_time_mean" — did you mean "first_response_time_mean"?
      experiment.yaml:5:33  kpis.1
        unknown KPI "tiers.tier3.utilization" — did you mean "tiers.tier1.utilization"?"
    `);
  });

  it('report a missing scenario file at the scenario field', () => {
    expect(errorsOf('name: x\nscenario: nowhere.yaml\ngrid: { seed: [1] }\n')).toMatch(
      /^experiment\.yaml:2:11 {2}scenario\n {2}cannot find the scenario file ".*nowhere\.yaml"$/,
    );
  });
});

describe('sweepResult and sweep.csv', () => {
  it('hold every KPI at every point, the parameter values as columns', () => {
    const file = join(temporaryDirectory(), 'experiment.yaml');
    writeFileSync(
      file,
      `name: tiny\nscenario: ${join(root, 'scenarios', 'textbook', 'mmc.yaml')}\nreplications: 2\nset: [horizon.days=2, horizon.warmup_days=0]\ngrid:\n  tiers.desk.agents: [11, 12]\n  arrivals.rate_per_hour: [50, 55]\n`,
    );
    const loaded = loadExperiment(file);
    const result = sweepResult(
      loaded,
      loaded.points.map((point) => runScenario(point.scenario).summary),
    );
    expect(result).toMatchObject({
      experiment: 'tiny',
      scenario: 'mmc',
      seed: loaded.points[0]!.scenario.seed,
      replications: 2,
      parameters: ['tiers.desk.agents', 'arrivals.rate_per_hour'],
    });
    expect(result.points.map((point) => point.parameters)).toEqual([
      { 'tiers.desk.agents': 11, 'arrivals.rate_per_hour': 50 },
      { 'tiers.desk.agents': 11, 'arrivals.rate_per_hour': 55 },
      { 'tiers.desk.agents': 12, 'arrivals.rate_per_hour': 50 },
      { 'tiers.desk.agents': 12, 'arrivals.rate_per_hour': 55 },
    ]);
    // More agents, same arrivals (same seed): shorter waits.
    expect(result.points[2]!.kpis.queue_wait_mean!.mean).toBeLessThan(result.points[0]!.kpis.queue_wait_mean!.mean!);
    const csv = sweepCsv(result);
    expect(csv.header).toEqual([
      'point',
      'tiers.desk.agents',
      'arrivals.rate_per_hour',
      'kpi',
      'unit',
      'mean',
      'sd',
      'ci95_low',
      'ci95_high',
      'n',
    ]);
    const perPoint =
      Object.keys(result.points[0]!.kpis).length +
      Object.values(result.points[0]!.tiers).reduce((sum, row) => sum + Object.keys(row).length, 0);
    expect(csv.rows).toHaveLength(4 * perPoint);
    expect(csv.rows.find((row) => row[0] === 3 && row[3] === 'tiers.desk.utilization')?.slice(0, 5)).toEqual([
      3,
      12,
      50,
      'tiers.desk.utilization',
      'share',
    ]);
  });
});
