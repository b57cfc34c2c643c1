/**
 * The charts draw intervals inside the possible: a run's intervals are clipped to each KPI's
 * range, and the KPI dashboard's axes hold them (shares 0–100 %, NPS −100..100, times from 0).
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/experiment/statistics.js';
import { kpiRange } from '../../src/metrics/catalog.js';
import { kpiDashboardChart } from '../../src/report/charts/kpi-dashboard.js';
import { runEstimates } from '../../src/report/run-report.js';

describe('chart axes follow the KPI ranges', () => {
  it('draws no interval below 0 % or above 100 %, below −100 NPS or below 0 minutes', () => {
    const kpis = {
      sla_resolution_compliance: summarize([1, 0.98, 1, 0.99, 0.995], 'share', kpiRange('sla_resolution_compliance')),
      nps: summarize([-100, -40, -90, -45], 'score', kpiRange('nps')),
      first_response_time_mean: summarize([1, 30, 2, 0.5], 'minutes', kpiRange('first_response_time_mean')),
    };
    const spec = kpiDashboardChart(
      runEstimates({ scenario: 'x', seed: 1, replications: 5, version: '0', kpis, tiers: {} }),
    ).spec as unknown as {
      vconcat: Array<{
        data: { values: Array<{ low: number; high: number }> };
        layer: Array<{ encoding: { x: { title: string; scale: { domain?: number[]; zero?: boolean } } } }>;
      }>;
    };
    const panels = spec.vconcat.map((panel) => ({
      title: panel.layer[0]!.encoding.x.title,
      scale: panel.layer[0]!.encoding.x.scale,
      values: panel.data.values,
    }));
    const share = panels.find((panel) => panel.title.startsWith('Shares'))!;
    expect(share.scale.domain).toEqual([0, 1]); // drawn as 0–100 %
    expect(Math.max(...share.values.map((value) => value.high))).toBe(1);
    const nps = panels.find((panel) => panel.title.startsWith('Net promoter'))!;
    expect(nps.scale.domain).toEqual([-100, 100]);
    expect(Math.min(...nps.values.map((value) => value.low))).toBeGreaterThanOrEqual(-100);
    const times = panels.find((panel) => panel.title.startsWith('Waits'))!;
    expect(times.scale.zero).toBe(true);
    expect(Math.min(...times.values.map((value) => value.low))).toBe(0);
  });
});
