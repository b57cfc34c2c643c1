/**
 * A tiny framework study, run for real: a framework made of the truth KPIs tracks the truth
 * perfectly and cannot be gamed; one made of the KPIs survey selection flatters is more
 * gameable than the same KPIs diluted with truth KPIs, and than the truth; a framework whose
 * pressure drives escalation avoidance and generic replies damages the truth itself; a
 * definition the log gives nothing to act on leaves every ranking unchanged.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateStudy, type FrameworkStudyResult } from '../../src/frameworks/evaluate.js';
import { loadStudy } from '../../src/frameworks/study.js';
import { cli, root, temporaryDirectory } from '../support/cli.js';

const directory = temporaryDirectory('desksim-frameworks-');
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const frameworks: Record<string, string> = {
  'truth.yaml': `name: truth-only
source: the truth score itself
kpis:
  - { kpi: true_resolution_rate }
  - { kpi: true_satisfaction_mean }
  - { kpi: contacts_per_issue }
  - { kpi: true_resolution_time_mean }
`,
  'csat.yaml': `name: csat-only
source: a CSAT bonus
kpis:
  - { kpi: csat_mean }
  - { kpi: csat_satisfied_share }
`,
  'mixed.yaml': `name: csat-and-truth
source: half survey, half truth
kpis:
  - { kpi: csat_mean }
  - { kpi: csat_satisfied_share }
  - { kpi: true_resolution_rate }
  - { kpi: true_satisfaction_mean }
`,
  'outcome.yaml': `name: outcome
source: a test framework of first-contact resolution and speed
kpis:
  - { kpi: fcr_rate }
  - { kpi: first_response_time_mean }
`,
};

// Short horizons: two days of warm-up, ten measured, surveys two quiet days after a resolution.
const study = (name: string, extra = '') => `name: ${name}
scenario: ${join(root, 'scenarios', 'baseline.yaml')}
replications: 2
set: [horizon.days=12, horizon.warmup_days=2, metrics.reopen_window_days=2, knowledge.documentable=1]
frameworks: [truth.yaml, csat.yaml, mixed.yaml, outcome.yaml]
design:
  desks: 6
  seed: 3
  factors:
    tiers.tier2.shifts.0.agents: [2, 3, 4]
    knowledge.coverage: [0.2, 0.5]
    gaming.premature_close.intensity: [0, 0.3]
gameability: { pressure: 1, replications: 8 }
sensitivity:
  replications: 3
  changes:
    - { name: one more Tier 2 agent, set: [tiers.tier2.shifts.0.agents=5] }
definitions:
  - { name: auto-replies count, set: [metrics.auto_reply_counts_as_response=true] }
bootstrap: { resamples: 200, seed: 1 }
${extra}`;

let result: FrameworkStudyResult;
beforeAll(async () => {
  for (const [file, text] of Object.entries(frameworks)) writeFileSync(join(directory, file), text);
  writeFileSync(join(directory, 'study.yaml'), study('tiny'));
  result = await evaluateStudy(loadStudy(join(directory, 'study.yaml')), { workers: 1 });
}, 240_000);

const framework = (name: string) => result.frameworks.find((item) => item.name === name)!;

describe('a framework study', () => {
  it('finds the truth framework valid (rank correlation 1) and ungameable (gap 0)', () => {
    const truth = framework('truth-only');
    expect(truth.validity.rank_correlation.value).toBeCloseTo(1, 9);
    expect(truth.gameability.gap.mean).toBeCloseTo(0, 9);
    // Its score is the truth score, desk by desk.
    for (const desk of result.desks) expect(desk.scores['truth-only']).toBeCloseTo(desk.truth, 9);
  });

  it('finds survey-flattered KPIs gameable: the score rises, the truth does not', () => {
    const csat = framework('csat-only');
    expect(csat.gameability.pressurable).toBe(true);
    expect(csat.gameability.behaviours.map((behaviour) => behaviour.behaviour)).toEqual(['survey_selection']);
    // Survey selection alone raises CSAT and leaves every customer's satisfaction where it was.
    const selection = csat.gameability.behaviours[0]!;
    expect(selection.score_change.mean!).toBeGreaterThan(1);
    expect(selection.truth_change.mean).toBeCloseTo(0, 9);
    expect(csat.gameability.gap.ci95![0]).toBeGreaterThan(0);
    // The same KPIs diluted with truth KPIs (the same pressure: truth has no lever) are less gameable; the truth not at all.
    expect(csat.gameability.gap.mean!).toBeGreaterThan(framework('csat-and-truth').gameability.gap.mean!);
    expect(framework('csat-and-truth').gameability.gap.mean!).toBeGreaterThan(framework('truth-only').gameability.gap.mean!);
  });

  it('finds pressure on FCR and first response damaging the truth itself (Campbell)', () => {
    const outcome = framework('outcome');
    expect(outcome.gameability.score_change.mean!).toBeGreaterThan(0);
    expect(outcome.gameability.truth_change.ci95![1]).toBeLessThan(0);
  });

  it('leaves every ranking unchanged when a definition has nothing in the log to act on', () => {
    // The simulator never sends automatic replies: counting them changes no KPI.
    for (const item of result.frameworks) expect(item.definitions[0]!.rank_correlation.value).toBeCloseTo(1, 12);
  });

  it('records the design, and the same study gives the same result', async () => {
    expect(result.design).toEqual({ method: 'latin_hypercube', desks: 6, seed: 3, factors: ['tiers.tier2.shifts.0.agents', 'knowledge.coverage', 'gaming.premature_close.intensity'] });
    // Latin hypercube on levels: each level of a factor used equally often.
    const levels = result.desks.map((desk) => desk.parameters['tiers.tier2.shifts.0.agents']).sort();
    expect(levels).toEqual([2, 2, 3, 3, 4, 4]);
    const again = await evaluateStudy(loadStudy(join(directory, 'study.yaml')), { workers: 1 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  }, 240_000);
});

describe('desksim frameworks', () => {
  it('writes frameworks.json, frameworks.csv, desks.csv and report.html with the ranking in words', async () => {
    const out = join(directory, 'out');
    const outcome = await cli(['frameworks', join(directory, 'study.yaml'), '--out', out, '--workers', '2']);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^Tracks the truth best: truth-only \(rank correlation 1\.00/m);
    expect(outcome.stdout).toMatch(/^Most gameable: outcome/m);
    // Any worker count gives the same result.
    expect(JSON.parse(readFileSync(join(out, 'frameworks.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(result)));
    const csv = readFileSync(join(out, 'frameworks.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('framework,measure,detail,value,ci95_low,ci95_high');
    expect(csv).toContain('truth-only,validity,');
    for (const file of ['desks.csv', 'report.html', 'charts/score-vs-truth.svg', 'charts/gameability-vs-validity.svg', 'charts/sensitivity.svg']) expect(existsSync(join(out, file))).toBe(true);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('Most gameable: outcome');
  }, 240_000);

  it('refuses a bad study with located errors and writes nothing', async () => {
    writeFileSync(join(directory, 'bad.yaml'), study('bad').replace('knowledge.coverage: [0.2, 0.5]', 'knowledge.coverage: [0.2, 1.5]').replace('frameworks: [truth.yaml', 'frameworks: [missing.yaml, truth.yaml'));
    const out = join(directory, 'bad-out');
    const outcome = await cli(['frameworks', join(directory, 'bad.yaml'), '--out', out]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(`${join(directory, 'bad.yaml')}:5:14  frameworks.0\n  cannot find the framework file`);
    expect(existsSync(out)).toBe(false);
  });

  it('reports a design level the scenario refuses where the study wrote it', async () => {
    writeFileSync(join(directory, 'bad-level.yaml'), study('bad-level').replace('knowledge.coverage: [0.2, 0.5]', 'knowledge.coverage: [0.2, 1.5]'));
    const outcome = await cli(['frameworks', join(directory, 'bad-level.yaml'), '--out', join(directory, 'bad-level-out')]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toBe(`${join(directory, 'bad-level.yaml')}:11:31  knowledge.coverage\n  expected a number from 0 to 1, found 1.5\n`);
  });
});
