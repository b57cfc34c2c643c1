import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KpiSummary } from '../../src/experiment/statistics.js';
import { paretoFront, paretoKpis, type SweepPoint } from '../../src/experiment/sweep.js';
import { renderChart } from '../../src/report/charts/render.js';
import { paretoFindings, sweepCharts, type SweepInput } from '../../src/report/experiment-reports.js';
import { cli, temporaryDirectory } from '../support/cli.js';

const value = (mean: number | null, unit = 'currency'): KpiSummary => ({ mean, sd: null, ci95: null, n: 3, unit });

/** Points with a cost (lower is better) and an SLA compliance (higher is better). */
function points(rows: Array<[cost: number | null, sla: number, satisfaction?: number]>): SweepPoint[] {
  return rows.map(([cost, sla, satisfaction], index) => ({
    point: index + 1,
    parameters: { agents: index + 4 },
    kpis: {
      cost_per_ticket: value(cost),
      sla_first_response_compliance: value(sla, 'share'),
      true_satisfaction_mean: value(satisfaction ?? 0, 'score'),
    },
    tiers: {},
  }));
}

describe('Pareto fronts', () => {
  const known = ['cost_per_ticket', 'sla_first_response_compliance', 'true_satisfaction_mean', 'utilization'];

  it('keep the points no other beats on both KPIs, by their directions', () => {
    const kpis = paretoKpis('cost_per_ticket, sla_first_response_compliance', known);
    // 1: cheap, poor; 2: dearer, better; 3: dearer than 2 and worse (dominated by 2);
    // 4: same cost as 2, same SLA (not dominated: neither is better on one); 5: dearest, best.
    const front = paretoFront(
      {
        points: points([
          [10, 0.7],
          [12, 0.8],
          [13, 0.75],
          [12, 0.8],
          [15, 0.95],
          [null, 0.99],
        ]),
      },
      kpis,
    );
    expect(front.optimal).toEqual([1, 2, 4, 5]);
    expect(front.dominated).toEqual([{ point: 3, by: 2, clearly: false }]);
    expect(front.unknown).toEqual([6]);
  });

  it('take a third KPI: a point worse on two may survive on the third', () => {
    const kpis = paretoKpis('cost_per_ticket,sla_first_response_compliance,true_satisfaction_mean', known);
    const front = paretoFront(
      {
        points: points([
          [10, 0.8, 0.5],
          [11, 0.7, 0.9],
          [12, 0.7, 0.4],
        ]),
      },
      kpis,
    );
    expect(front.optimal).toEqual([1, 2]);
    expect(front.dominated).toEqual([{ point: 3, by: 1, clearly: false }]);
  });

  it('say whether a point is dominated beyond the intervals or only by the means', () => {
    const kpis = paretoKpis('cost_per_ticket,sla_first_response_compliance', known);
    const summary = (mean: number, halfWidth: number, unit: string): KpiSummary => ({ mean, sd: null, ci95: [mean - halfWidth, mean + halfWidth], n: 3, unit });
    const point = (number: number, cost: [number, number], sla: [number, number]): SweepPoint => ({
      point: number,
      parameters: { agents: number },
      kpis: { cost_per_ticket: summary(cost[0], cost[1], 'currency'), sla_first_response_compliance: summary(sla[0], sla[1], 'share') },
      tiers: {},
    });
    const front = paretoFront(
      {
        points: [
          point(1, [10, 0.5], [0.9, 0.01]),
          // Dearer by 0.2 and worse by 0.005: both within the intervals of point 1.
          point(2, [10.2, 0.5], [0.895, 0.01]),
          // Dearer by 3, beyond both intervals (10.5 < 12.5): clearly dominated.
          point(3, [13, 0.5], [0.89, 0.01]),
          // Cheaper than 1 but worse beyond the intervals on SLA: on the front.
          point(4, [9, 0.5], [0.7, 0.01]),
        ],
      },
      kpis,
    );
    expect(front.optimal).toEqual([1, 4]);
    expect(front.dominated).toEqual([
      { point: 2, by: 1, clearly: false },
      { point: 3, by: 1, clearly: true },
    ]);
    const sweep = { pareto: front } as unknown as SweepInput;
    const words = paretoFindings(sweep).join(' ');
    expect(words).toContain('Dominated, so discarded: 3 (by 1)');
    expect(words).toContain('Dominated by the means only, within the 95 % intervals: 2 (by 1)');
  });

  it('refuse KPIs without a direction, unknown ones, and the wrong count', () => {
    expect(() => paretoKpis('cost_per_ticket,utilization', known)).toThrow('utilization has no better direction');
    expect(() => paretoKpis('cost_per_ticket,sla_first_respons_compliance', known)).toThrow(
      'did you mean "sla_first_response_compliance"',
    );
    expect(() => paretoKpis('cost_per_ticket', known)).toThrow('two or three different KPIs');
  });

  it('sweep --pareto marks the front, lists the dominated points and draws the front', async () => {
    const out = join(temporaryDirectory(), 'pareto');
    const result = await cli([
      'sweep',
      'scenarios/experiments/tier1-staffing.yaml',
      '--set',
      'horizon.days=10',
      '-r',
      '2',
      '--pareto',
      'cost_per_ticket,first_response_time_mean',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    const sweep = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')) as SweepInput;
    const front = sweep.pareto!;
    expect(front.optimal.length + front.dominated.length + front.unknown.length).toBe(9);
    // 6 of the 9 points on this front at 10 days and 2 replications (the README's recipe, at
    // 21 days and 3, is checked by the README test).
    expect(front.optimal).toHaveLength(6);
    for (const line of front.optimal) expect(result.stdout).toMatch(new RegExp(`^  ${line} .* front$`, 'm'));
    for (const { point, by, clearly } of front.dominated)
      expect(result.stdout).toMatch(new RegExp(`^  ${point} .* dominated by ${by}${clearly ? '' : ' \\(within noise\\)'}$`, 'm'));
    // Two replications leave intervals too wide to discard anything beyond the noise.
    expect(front.dominated.every((entry) => !entry.clearly)).toBe(true);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('Pareto front on');
    const chart = sweepCharts(sweep).find((candidate) => candidate.name === 'pareto-front')!;
    expect((await renderChart(chart)).warnings).toEqual([]);
    expect(
      await cli(['sweep', 'scenarios/experiments/tier1-staffing.yaml', '--pareto', 'cost_per_ticket,utilization']),
    ).toMatchObject({ code: 2, stderr: expect.stringContaining('no better direction') });
  });
});
