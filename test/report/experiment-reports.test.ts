/** Reports of compare, sweep and pressure from hand-made results shaped like their JSON files. */
import { describe, expect, it } from 'vitest';
import {
  compareCharts,
  compareFindings,
  compareReportHtml,
  pressureCharts,
  pressureFindings,
  pressureMatrixCharts,
  pressureReportHtml,
  sweepCharts,
  sweepFindings,
  sweepReportHtml,
  type Difference,
  type PressureInput,
} from '../../src/report/experiment-reports.js';
import { renderChart } from '../../src/report/charts/render.js';

function change(reference: number, mean: number, unit: string, halfWidth = Math.abs(mean - reference) / 3): Difference {
  const difference = mean - reference;
  return {
    unit,
    n: 5,
    reference_mean: reference,
    mean,
    difference,
    ci95: [difference - halfWidth, difference + halfWidth],
    relative: difference / Math.abs(reference),
    relative_ci95: [(difference - halfWidth) / Math.abs(reference), (difference + halfWidth) / Math.abs(reference)],
    significant: halfWidth < Math.abs(difference),
  };
}

const summary = (mean: number, unit: string) => ({
  mean,
  sd: 1,
  ci95: [mean * 0.95, mean * 1.05] as [number, number],
  n: 5,
  unit,
});

describe('compare report', () => {
  const comparison = {
    version: '0.1.0',
    seed: 2026,
    replications: 5,
    scenarios: [
      { label: 'baseline', name: 'baseline', file: 'scenarios/baseline.yaml' },
      { label: 'understaffed-tier2', name: 'understaffed-tier2', file: 'scenarios/understaffed-tier2.yaml' },
    ],
    reference: 'baseline',
    contrasts: [
      {
        scenario: 'understaffed-tier2',
        kpis: {
          resolution_time_mean: change(590, 780, 'minutes'),
          first_response_time_mean: change(200, 204, 'minutes', 10),
          sla_resolution_compliance: change(0.99, 0.9, 'share'),
        },
        tiers: { tier2: { utilization: change(0.5, 0.66, 'share') } },
      },
    ],
    notes: ['Every scenario ran with seed 2026.'],
  };

  it('finds the significant changes, worse first, biggest first, in words', () => {
    expect(compareFindings(comparison)).toEqual([
      'Against baseline, understaffed-tier2 is significantly worse on 2 KPIs and better on 0 KPIs (95 % CI, 5 paired replications, desk-wide and per tier).',
      'Worse: resolution time, mean rose 32 % (3h 10m); SLA resolution compliance fell 9.0 points.',
      'Changed, neither better nor worse in itself: tier 2: agent utilization rose 16 points.',
    ]);
  });

  it('does not read a cheaper desk as a win while a tier waits longer, and says when a KPI has no data', () => {
    const blank: Difference = {
      unit: 'score',
      n: 0,
      reference_mean: null,
      mean: null,
      difference: null,
      ci95: null,
      relative: null,
      relative_ci95: null,
      significant: false,
    };
    const cheaper = {
      ...comparison,
      contrasts: [
        {
          scenario: 'fewer-specialists',
          kpis: { cost_per_ticket: change(20, 18.14, 'currency'), csat_mean: blank },
          tiers: { tier2: { queue_wait_mean: change(120, 300, 'minutes') } },
        },
      ],
    };
    expect(compareFindings(cheaper)).toEqual([
      'Against baseline, fewer-specialists is significantly worse on 1 KPI and better on 1 KPI (95 % CI, 5 paired replications, desk-wide and per tier).',
      'Worse: tier 2: queue wait, mean rose 150 % (3h).',
      'Better: cost per ticket fell 9.3 %.',
      'No data in one run or both (not "no change"): CSAT, mean (1–5).',
    ]);
  });

  it('draws a forest plot and a page with the difference table', async () => {
    const charts = await Promise.all(compareCharts(comparison).map(renderChart));
    expect(charts.map((chart) => chart.name)).toEqual(['compare-forest']);
    expect(charts[0]!.warnings).toEqual([]);
    expect(charts[0]!.svg).toContain('Tier 2: agent utilization');
    const html = compareReportHtml(comparison, charts);
    expect(html).toContain('understaffed-tier2 against baseline');
    expect(html).toContain('<td class="id">tiers.tier2.utilization</td>');
    expect(html).not.toContain('Read this first');
    // The runs' warnings, when there are some, come before the findings.
    const warned = compareReportHtml(
      {
        ...comparison,
        warnings: [{ code: 'unstable', message: 'The desk is unstable.', runs: ['understaffed-tier2'] }],
      },
      charts,
    );
    expect(warned.indexOf('understaffed-tier2: The desk is unstable.')).toBeGreaterThan(0);
    expect(warned.indexOf('understaffed-tier2: The desk is unstable.')).toBeLessThan(
      warned.indexOf('<h2>Findings</h2>'),
    );
  });

  it('marks each scenario against its targets in coloured cells, one column per scenario', () => {
    const met = {
      kpi: 'sla_resolution_compliance',
      good: '>= 0.95',
      verdict: 'meets',
      status: 'green' as const,
      mean: 0.99,
      unit: 'share',
      ci95: [0.985, 0.995] as [number, number],
    };
    const missed = {
      ...met,
      verdict: 'misses',
      status: 'red' as const,
      mean: 0.9,
      ci95: [0.88, 0.92] as [number, number],
    };
    const close = {
      ...met,
      kpi: 'first_response_time_mean',
      good: '<= 210',
      verdict: 'too close to call',
      status: 'amber' as const,
      mean: 204,
      unit: 'minutes',
      ci95: [195, 213] as [number, number],
    };
    const html = compareReportHtml(
      {
        ...comparison,
        targets: [
          { scenario: 'baseline', statuses: [met] },
          { scenario: 'understaffed-tier2', statuses: [missed, close] },
        ],
      },
      [],
    );
    const table = html.slice(html.indexOf('<h2>Targets</h2>'), html.indexOf('<section id="contrast-'));
    expect(table).toContain('<th>baseline</th><th>understaffed-tier2</th>');
    const resolutionRow = table.slice(table.indexOf('<td class="id">sla_resolution_compliance</td>'));
    expect(resolutionRow.indexOf('#1e8449')).toBeLessThan(resolutionRow.indexOf('#c0392b'));
    expect(resolutionRow).toContain('● misses');
    // The baseline has no first-response target: its cell is blank, the other's amber.
    const responseRow = table.slice(table.indexOf('<td class="id">first_response_time_mean</td>'));
    expect(responseRow).toMatch(
      /^<td class="id">first_response_time_mean<\/td><td>—<\/td><td><span style="color:#d68910/,
    );
    expect(compareReportHtml(comparison, [])).not.toContain('<h2>Targets</h2>');
  });
});

describe('sweep report', () => {
  const sweep = {
    experiment: 'tier1-staffing',
    scenario: 'baseline',
    version: '0.1.0',
    seed: 2026,
    replications: 5,
    parameters: ['tiers.tier1.shifts.0.agents', 'tiers.tier2.shifts.0.agents'],
    kpis: ['first_response_time_mean', 'utilization'],
    points: [4, 5, 6].flatMap((tier1, index) =>
      [2, 3].map((tier2, inner) => ({
        point: index * 2 + inner + 1,
        parameters: { 'tiers.tier1.shifts.0.agents': tier1, 'tiers.tier2.shifts.0.agents': tier2 },
        kpis: {
          first_response_time_mean: summary(900 / tier1, 'minutes'),
          utilization: summary(3 / (tier1 + tier2), 'share'),
        },
        tiers: {},
      })),
    ),
  };

  it('draws one line per value of the other parameter', async () => {
    const [chart] = await Promise.all(sweepCharts(sweep).map(renderChart));
    expect(chart!.warnings).toEqual([]);
    expect(chart!.svg).toContain('tiers.tier2.shifts.0.agents = 3');
    expect(sweepFindings(sweep).slice(0, 2)).toEqual([
      '6 grid points of tiers.tier1.shifts.0.agents × tiers.tier2.shifts.0.agents, from (4, 2) to (6, 3); the charts put tiers.tier1.shifts.0.agents across.',
      'First response time, mean: 3h 45m at the first point, 2h 30m at the last (95 % intervals apart, better).',
    ]);
    // Overlapping intervals are no clear difference; a KPI without data says so.
    const close = { ...sweep, kpis: ['utilization', 'csat_mean'] };
    close.points = sweep.points.map((point) => ({
      ...point,
      kpis: { ...point.kpis, utilization: summary(0.5, 'share') },
    }));
    expect(sweepFindings(close).slice(1)).toEqual([
      'Agent utilization: 50.0% at the first point, 50.0% at the last — their 95 % intervals overlap: no clear difference.',
      'CSAT, mean (1–5): no data at the first or the last point.',
    ]);
    expect(sweepReportHtml(sweep, [chart!])).toContain('<h2>Every grid point</h2>');
  });
});

describe('pressure report', () => {
  const pressure: PressureInput = {
    scenario: 'baseline',
    version: '0.1.0',
    seed: 2026,
    replications: 5,
    kpi: 'first_response_time_mean',
    levels: [0, 0.5, 1],
    steps: [0, 0.5, 1].map((level) => ({
      pressure: level,
      change: {
        kpis: {
          first_response_time_mean: change(200, 200 * (1 - 0.62 * level), 'minutes', level === 0 ? 0 : 5),
          true_resolution_rate: change(0.82, 0.82 - 0.09 * level, 'share', level === 0 ? 0 : 0.01),
          hidden_failure_share: change(0.02, 0.02 + 0.1 * level, 'share', level === 0 ? 0 : 0.01),
          tickets_created: change(3300, 3300 + 200 * level, 'tickets', level === 0 ? 0 : 20),
        },
        tiers: {},
      },
    })),
  };

  it('says the dashboard improved while the truth got worse', () => {
    expect(pressureFindings(pressure)[0]).toBe(
      'At pressure 1, first response time, mean fell 62 % (2h 4m) while true resolution rate (issues) fell 9.0 points and hidden failures per ticket (resolved, not fixed) rose 10 points.',
    );
  });

  it('draws the heat map and the dashboard-against-truth lines', async () => {
    const charts = await Promise.all(pressureCharts(pressure).map(renderChart));
    expect(charts.map((chart) => chart.name)).toEqual(['pressure-heatmap', 'dashboard-vs-truth']);
    for (const chart of charts) expect(chart.warnings).toEqual([]);
    expect(charts[0]!.svg).toContain('−62%');
    expect(charts[0]!.svg).toContain('◀ targeted');
    expect(pressureReportHtml(pressure, charts)).toContain('Pressure 1 against none');
    const matrix = await Promise.all(
      pressureMatrixCharts({
        scenario: 'baseline',
        version: '0.1.0',
        seed: 1,
        replications: 5,
        level: 0.7,
        rows: [{ kpi: 'first_response_time_mean', change: pressure.steps[2]!.change }],
      }).map(renderChart),
    );
    expect(matrix[0]!.warnings).toEqual([]);
  });
});
