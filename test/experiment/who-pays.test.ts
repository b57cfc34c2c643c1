/**
 * Who pays for cherry-picking. On a desk of quick and hard tickets at about 87 % load, agents
 * who take the easiest waiting ticket first (cherry_pick 0.8) lower the desk-wide waits, p90
 * included — the dashboard improves — while the hard tickets wait longer and their customers,
 * who chase the aging tickets, are less satisfied. The "who pays" section shows it.
 */
import { describe, expect, it } from 'vitest';
import { differenceTable } from '../../src/experiment/compare.js';
import { runScenario } from '../../src/experiment/run.js';
import {
  WHO_PAYS_KPIS,
  WHO_PAYS_SEGMENTS,
  whoPays,
  whoPaysRows,
  WHO_PAYS_COLUMNS,
} from '../../src/experiment/who-pays.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { payingCategories } from '../../src/report/who-pays-section.js';

const DESK = `
name: quick-and-hard
seed: 7
replications: 8
horizon: { days: 21, warmup_days: 3 }
arrivals: { rate_per_hour: 8.1 }
channels: { email: { share: 1, response: on_completion } }
complexity:
  simple:  { handle_time: { dist: lognormal, mean: 8m, sd: 5m } }
  complex: { handle_time: { dist: lognormal, mean: 45m, sd: 30m } }
categories:
  quick: { share: 0.7, complexity: simple }
  hard:  { share: 0.3, complexity: complex }
customers:
  chase: { after: 4h }
  satisfaction: { expected_first_response: 4h, expected_resolution: 8h }
tiers:
  - { id: desk, agents: 3 }
`;

describe('who pays for cherry-picking', () => {
  const load = (overrides: string[]) => loadScenarioText(DESK, 'quick-and-hard.yaml', { overrides }).scenario;
  const fair = runScenario(load([]), { detail: WHO_PAYS_SEGMENTS });
  const picking = runScenario(load(['gaming.cherry_pick.intensity=0.8']), { detail: WHO_PAYS_SEGMENTS });
  const desk = differenceTable(fair, picking).kpis;
  const section = whoPays(fair, picking)!;

  it('the dashboard improves: desk-wide queue wait, p90 included, falls', () => {
    expect(desk.queue_wait_p90!.significant).toBe(true);
    expect(desk.queue_wait_p90!.difference!).toBeLessThan(0);
    expect(desk.queue_wait_mean!.difference!).toBeLessThan(0);
  });

  it('the hard tickets pay: their p90 wait rises and their true satisfaction falls, significantly', () => {
    expect(section.hard!.queue_wait_p90!.significant).toBe(true);
    expect(section.hard!.queue_wait_p90!.difference!).toBeGreaterThan(0);
    expect(section.hard!.true_satisfaction_mean!.significant).toBe(true);
    expect(section.hard!.true_satisfaction_mean!.difference!).toBeLessThan(0);
    expect(section.quick!.queue_wait_p90!.difference!).toBeLessThan(0);
    expect(payingCategories(section)).toEqual(['hard']);
  });

  it('lists every category and KPI in who-pays.csv rows', () => {
    const rows = whoPaysRows('picking', 'fair', section);
    expect(rows).toHaveLength(2 * WHO_PAYS_KPIS.length);
    expect(rows[0]!.slice(0, 4)).toEqual(['picking', 'fair', 'hard', 'queue_wait_mean']);
    expect(rows[0]).toHaveLength(WHO_PAYS_COLUMNS.length);
  });

  it('is absent when the runs computed no segments', () => {
    expect(whoPays(runScenario(load(['replications=1'])), runScenario(load(['replications=1'])))).toBeUndefined();
  });
});
