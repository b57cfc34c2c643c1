/**
 * Gaming is done by people (`gaming.<behaviour>.gamers`): only the chosen seats game, the
 * same people in every replication and for every behaviour, and the log records as truth
 * which agent gamed which ticket.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArraySink, type TicketEvent } from '../../../src/eventlog/types.js';
import { buildDesk } from '../../../src/model/build.js';
import { simulate } from '../../../src/model/simulate.js';
import { loadScenarioFile } from '../../../src/scenario/load.js';
import { ScenarioError } from '../../../src/document/errors.js';

const baseline = resolve('scenarios/baseline.yaml');

function events(overrides: string[], replication = 0): TicketEvent[] {
  const { scenario } = loadScenarioFile(baseline, {
    overrides: ['horizon.days=14', 'horizon.warmup_days=0', ...overrides],
  });
  const sink = new ArraySink();
  simulate(buildDesk(scenario), replication, sink);
  return sink.events;
}

/** Agent → tickets gamed by `behaviour`, from the truth events. */
function gamers(log: readonly TicketEvent[], behaviour: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of log)
    if (event.type === 'truth_gamed' && event.kind === behaviour)
      counts.set(event.agent!, (counts.get(event.agent!) ?? 0) + 1);
  return counts;
}

describe('who games', () => {
  const share = [
    'gaming.rushing.intensity=0.8',
    'gaming.rushing.gamers.share=0.4',
    'gaming.rushing.gamers.tiers=[tier1]',
  ];

  it('without gamers every agent games at the intensity; with a share, round(share × seats) of each named tier', () => {
    const everyone = gamers(events(['gaming.rushing.intensity=0.8']), 'rushing');
    // Tier 1 has 5 seats, Tier 2 has 4 and the live team 8; all of them rush (the weekend crews
    // too, over two weekends).
    expect(everyone.size).toBe(17);
    const chosen = gamers(events(share), 'rushing');
    // round(0.4 × 5) = 2 Tier 1 agents, no Tier 2 or live agent.
    expect([...chosen.keys()].length).toBe(2);
    for (const agent of chosen.keys()) expect(agent).toMatch(/^tier1-/);
  });

  it('the same people in every replication, and for another behaviour with the same share', () => {
    const first = [...gamers(events(share, 0), 'rushing').keys()].sort();
    const second = [...gamers(events(share, 3), 'rushing').keys()].sort();
    expect(second).toEqual(first);
    const closing = [
      'gaming.premature_close.intensity=0.8',
      'gaming.premature_close.gamers.share=0.4',
      'gaming.premature_close.gamers.tiers=[tier1]',
    ];
    expect([...gamers(events(closing), 'premature_close').keys()].sort()).toEqual(first);
  });

  it('incentives act through the people: under pressure on handle time only the chosen seats rush', () => {
    const pressed = gamers(
      events([
        'incentives=[{kpi: handle_time_mean, pressure: 0.8}]',
        'gaming.rushing.gamers.share=0.4',
        'gaming.rushing.gamers.tiers=[tier1]',
      ]),
      'rushing',
    );
    expect(pressed.size).toBe(2);
  });

  it('the truth is recorded once a gamed ticket, where the behaviour acted (a rushed session: a truth_gamed before its work ends)', () => {
    const log = events(share);
    const rushed = log.filter((event) => event.type === 'truth_gamed');
    expect(rushed.length).toBeGreaterThan(100);
    const first = rushed[0]!;
    const workStarted = log.find(
      (event) =>
        event.type === 'work_started' &&
        event.ticket === first.ticket &&
        event.agent === first.agent &&
        event.time === first.time,
    );
    expect(workStarted).toBeDefined();
  });

  it('an unknown tier among the gamers is a located error', () => {
    expect(() =>
      loadScenarioFile(baseline, {
        overrides: ['gaming.rushing.gamers.share=0.5', 'gaming.rushing.gamers.tiers=[tier3]'],
      }),
    ).toThrowError(ScenarioError);
    try {
      loadScenarioFile(baseline, {
        overrides: ['gaming.rushing.gamers.share=0.5', 'gaming.rushing.gamers.tiers=[tier3]'],
      });
    } catch (error) {
      expect((error as ScenarioError).issues.map((issue) => [issue.path, issue.message])).toEqual([
        ['gaming.rushing.gamers.tiers.0', 'unknown tier "tier3" (known: tier1, tier2, live)'],
      ]);
    }
  });
});
