/**
 * `desksim detect`: planted gamers are found, an honest desk raises no more false alarms
 * than the stated rate, the detector never reads the truth, and the command writes its files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgentObservations, detect, detectEvents, detectScenario } from '../../src/detect/index.js';
import type { TicketEvent } from '../../src/eventlog/types.js';
import { ArraySink } from '../../src/eventlog/types.js';
import { buildDesk } from '../../src/model/build.js';
import { simulate } from '../../src/model/simulate.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { cli, temporaryDirectory } from '../support/cli.js';
import { inProcessRenderer } from '../../src/report/chart-renderer.js';
import { scoresChart } from '../../src/detect/report.js';

const baseline = resolve('scenarios/baseline.yaml');
const twoRushers = resolve('scenarios/gaming/two-rushers.yaml');

describe('detect on simulated desks, scored against the truth', () => {
  it('finds both rushers (2 of 13 Tier 1 agents at 0.8) with at most one false alarm in most replications', () => {
    const { scenario } = loadScenarioFile(twoRushers, { overrides: ['replications=4'] });
    const result = detectScenario(scenario);
    for (const detection of result.replications) expect(detection.evaluation!.gamers.rushing).toHaveLength(2);
    expect(result.foundWithAtMostOneFalseAlarm).toBeGreaterThanOrEqual(3);
    expect(result.byBehaviour.rushing.recall).toBeGreaterThanOrEqual(0.75);
    // Pooled over the four months, both stand out far beyond the threshold.
    const pooled = result.pooled.scores
      .filter((score) => score.behaviour === 'rushing' && score.flagged)
      .map((score) => score.agent)
      .sort();
    expect(pooled).toEqual(result.replications[0]!.evaluation!.gamers.rushing);
  });

  it('an honest desk raises no more false alarms than stated (about 0.4 a log, at most two)', () => {
    const { scenario } = loadScenarioFile(baseline, { overrides: ['replications=6'] });
    const result = detectScenario(scenario);
    const alarms = result.replications.map((detection) => detection.evaluation!.falseAlarms);
    expect(Math.max(...alarms)).toBeLessThanOrEqual(2);
    // 6 logs at about 0.4 each (2.4 expected): more than five would be far beyond the stated rate.
    expect(alarms.reduce((total, count) => total + count, 0)).toBeLessThanOrEqual(5);
  });

  it.each([
    ['premature_close'],
    ['escalation_avoidance'],
    ['escalation_dumping'],
    ['survey_selection'],
    ['ticket_splitting'],
  ])('finds two %s gamers at 0.8 in one month', (behaviour) => {
    const { scenario } = loadScenarioFile(baseline, {
      overrides: [
        'replications=1',
        `gaming.${behaviour}.intensity=0.8`,
        // The two rushers' seats (scenarios/gaming/two-rushers.yaml): one on Tier 1's email team, one on its live team.
        `gaming.${behaviour}.gamers.share=0.15`,
        `gaming.${behaviour}.gamers.tiers=[tier1, live]`,
      ],
    });
    const evaluation = detectScenario(scenario).replications[0]!.evaluation!;
    expect(evaluation.gamers[behaviour]).toHaveLength(2);
    expect(evaluation.flagged[behaviour]).toEqual(evaluation.gamers[behaviour]);
  });
});

describe('the detector reads observed events only', () => {
  function log(): TicketEvent[] {
    const { scenario } = loadScenarioFile(twoRushers, { overrides: ['horizon.days=21'] });
    const sink = new ArraySink();
    simulate(buildDesk(scenario), 0, sink);
    return sink.events;
  }

  it('draws its heat map without a Vega warning', async () => {
    const detection = detectEvents(log());
    const [rendered] = await inProcessRenderer().render([
      scoresChart({ source: 'log', version: 'test', threshold: 3, detection, statedFalseAlarms: '' }),
    ]);
    expect(rendered!.warnings).toEqual([]);
    expect(rendered!.svg).toContain('<svg');
  });

  it('gives the same scores with the truth events removed', () => {
    const events = log();
    const withTruth = detectEvents(events);
    const without = detectEvents(events.filter((event) => !event.type.startsWith('truth_')));
    expect(without.scores).toEqual(withTruth.scores);
    expect(withTruth.evaluation).not.toBeNull();
    expect(without.evaluation).toBeNull();
  });
});

describe('observations on a hand-built log', () => {
  /** Ticket t by customer c: created, queued, worked [start, start + minutes], resolved; optionally closed at once. */
  function ticket(id: number, agent: string, start: number, minutes: number, closeAtOnce: boolean): TicketEvent[] {
    const end = start + minutes;
    const events: TicketEvent[] = [
      {
        ticket: id,
        time: start,
        type: 'created',
        channel: 'email',
        category: 'billing',
        priority: 'normal',
        customer: id,
      },
      { ticket: id, time: start, type: 'queued', tier: 'tier1' },
      { ticket: id, time: start, type: 'assigned', agent, tier: 'tier1' },
      { ticket: id, time: start, type: 'work_started', agent, tier: 'tier1' },
      { ticket: id, time: end, type: 'work_ended', agent, tier: 'tier1' },
      { ticket: id, time: end, type: 'resolved', agent, tier: 'tier1' },
    ];
    if (closeAtOnce) events.push({ ticket: id, time: end, type: 'closed', tier: 'tier1', kind: 'agent' });
    return events;
  }

  it('counts closes at the moment of resolution per agent, against peers on the same mix', () => {
    const observations = new AgentObservations();
    observations.startLog();
    const events: TicketEvent[] = [];
    let id = 0;
    // Five agents, 40 tickets each, one after the other; agent a closes every fourth ticket at once.
    for (let round = 0; round < 40; round++) {
      for (const agent of ['a', 'b', 'c', 'd', 'e']) {
        id++;
        events.push(...ticket(id, agent, id * 10, 5, agent === 'a' && round % 4 === 0));
      }
    }
    for (const event of events) observations.emit(event);
    const detection = detect(observations, false);
    const a = detection.agents.find((agent) => agent.agent === 'a')!;
    // 10 of 40 resolutions closed at once: 25 %; peers: 0 of 160, so the expected share is the
    // prior's (0 + 5 × 0.5/161) / (160 + 5) ≈ 0.0001, and the variance floor (1 % a ticket) sets the scale.
    expect(a.features.closed_at_once!.n).toBe(40);
    expect(a.features.closed_at_once!.observed).toBe(0.25);
    expect(a.features.closed_at_once!.expected).toBeCloseTo(((0.5 / 161) * 5) / 165, 6);
    const flag = detection.scores.find((score) => score.agent === 'a' && score.behaviour === 'premature_close')!;
    expect(flag.flagged).toBe(true);
    // z by hand: se = √(40 × 0.01) / 40 = 0.01581 (the floor). Each peer's expected share counts a's
    // 10 closes: tier share (10 + 0.5) / 161 = 0.0652, cell share (10 + 5 × 0.0652) / 165 = 0.0626,
    // so each peer's effect is −0.0626, their median too, their spread 0:
    // z = (0.25 + 0.0626) / 0.01581 = 19.8.
    expect(flag.evidence).toBe(
      'ticket closed by the agent at the moment of resolution (cannot be reopened): 25.0 % (95 % 11.6 %–38.4 %) ' +
        'vs 0.0 % for peers on the same mix, 40 resolutions, z +19.8',
    );
    expect(detection.scores.filter((score) => score.flagged).map((score) => score.agent)).toEqual(['a']);
  });
});

describe('desksim detect', () => {
  it('writes detect.json, detect.csv, peers.csv, the chart and report.html from a run directory', async () => {
    const directory = temporaryDirectory();
    const run = await cli([
      'run',
      'scenarios/gaming/two-rushers.yaml',
      '--events',
      '--replications',
      '1',
      '--set',
      'horizon.days=21',
      '--out',
      join(directory, 'run'),
      '--quiet',
    ]);
    expect(run.code).toBe(0);
    const result = await cli(['detect', join(directory, 'run'), '--out', join(directory, 'detect')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const file of [
      'detect.json',
      'detect.csv',
      'peers.csv',
      'report.html',
      'charts/detect-scores.svg',
      'charts/detect-scores.vl.json',
    ]) {
      expect(existsSync(join(directory, 'detect', file))).toBe(true);
    }
    const json = JSON.parse(readFileSync(join(directory, 'detect', 'detect.json'), 'utf8')) as {
      evaluation: { gamers: { rushing: string[] } };
    };
    expect(json.evaluation.gamers.rushing).toHaveLength(2);
    expect(readFileSync(join(directory, 'detect', 'peers.csv'), 'utf8').split('\n')[0]).toBe(
      'agent,tier,feature,n,observed,expected_from_peers,low95,high95,z',
    );
  });

  it('refuses a bad threshold and a directory without events, exit 2, nothing written', async () => {
    const directory = temporaryDirectory();
    const threshold = await cli([
      'detect',
      'scenarios/baseline.yaml',
      '--threshold',
      '-1',
      '--out',
      join(directory, 'out'),
    ]);
    expect(threshold.code).toBe(2);
    expect(threshold.stderr).toMatch(/--threshold must be a positive number/);
    const empty = await cli(['detect', directory, '--out', join(directory, 'out')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/without events\.ndjson/);
    expect(existsSync(join(directory, 'out'))).toBe(false);
  });
});
