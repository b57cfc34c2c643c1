/** The run report: findings in words from the numbers, and a self-contained report.html. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KpiSummary } from '../../src/experiment/statistics.js';
import { runFindings } from '../../src/report/findings.js';
import { kpiLabel, tierLabel, betterDirection } from '../../src/report/labels.js';
import { dailyPoints } from '../../src/report/run-report.js';
import { cli, temporaryDirectory } from '../support/cli.js';

const kpi = (mean: number, unit = 'share'): KpiSummary => ({
  mean,
  sd: 0.01,
  ci95: [mean - 0.01, mean + 0.01],
  n: 5,
  unit,
});

describe('findings', () => {
  it('say what the numbers say, in words', () => {
    const findings = runFindings({
      kpis: {
        hidden_failure_share: kpi(0.12),
        first_response_time_p50: kpi(10.2, 'minutes'),
        first_response_time_p90: kpi(572.4, 'minutes'),
        csat_satisfied_share: kpi(0.82),
        true_satisfied_share: kpi(0.69),
        tickets_created: kpi(3328.1, 'tickets'),
      },
      tiers: { tier1: { utilization: kpi(0.884) }, tier2: { utilization: kpi(0.64) } },
      replications: 10,
      measuredDays: 28,
    });
    expect(findings).toEqual([
      'Tier 1 agents were busy 88 % of their shift time; Tier 2 agents 64 %.',
      '12 % of resolved tickets were not really fixed: hidden failures the dashboard counts as resolved.',
      'Half of the customers had a first reply within 10m; one in ten waited longer than 9h 32m.',
      'Surveys say 82 % of customers were satisfied; of all customers, respondents or not, 69 % were in the end.',
      'About 3,328 tickets were created in 28 measured days, averaged over 10 replications.',
    ]);
  });

  it('lead with the unfinished work of an overloaded desk, and say what the SLA left out', () => {
    // The starter desk at 40 tickets an hour: 56 % without a reply, the replied half fast.
    const findings = runFindings({
      kpis: {
        first_response_time_p50: kpi(28, 'minutes'),
        first_response_time_p90: kpi(86, 'minutes'),
        first_response_unfinished_share: kpi(0.56),
        resolution_time_mean: kpi(311, 'minutes'),
        resolution_unfinished_share: kpi(0.57),
        resolution_rate: kpi(0.15),
        true_resolution_rate: kpi(0.146),
        sla_first_response_compliance: kpi(0.22),
        sla_resolution_compliance: kpi(0.999),
      },
      tiers: {},
      replications: 3,
    });
    expect(findings).toEqual([
      'The dashboard shows 15 % of tickets resolved; 15 % of customer issues were really fixed.',
      '56 % of tickets had no first reply by the end of observation; of those that had one, half had it within 28m.',
      '57 % of tickets were still open at the end of observation; those resolved took 5h 11m on average, an understatement of the wait the rest will have.',
      '22 % of tickets met their first-response target and 100 % their resolution target (over tickets resolved or already past it: 57 % still open were left out).',
    ]);
    // At 5 % or less, the usual sentences.
    const calm = runFindings({
      kpis: {
        first_response_time_p50: kpi(28, 'minutes'),
        first_response_time_p90: kpi(86, 'minutes'),
        first_response_unfinished_share: kpi(0.05),
      },
      tiers: {},
      replications: 3,
    });
    expect(calm).toEqual(['Half of the customers had a first reply within 28m; one in ten waited longer than 1h 26m.']);
  });

  it('leave out what has no value', () => {
    expect(
      runFindings({
        kpis: { hidden_failure_share: { mean: null, sd: null, ci95: null, n: 0, unit: 'share' } },
        tiers: {},
        replications: 1,
      }),
    ).toEqual([]);
  });
});

describe('labels', () => {
  it('name KPIs and tiers in words', () => {
    expect(kpiLabel('first_response_time_p90')).toBe('First response time, 90th percentile');
    expect(kpiLabel('tiers.tier2.queue_wait_mean')).toBe('Tier 2: queue wait, mean');
    expect(kpiLabel('backlog_age_p90')).toBe('Backlog age, 90th percentile');
    expect(tierLabel('service_desk')).toBe('Service desk');
    expect(betterDirection('first_response_time_mean')).toBe('lower');
    expect(betterDirection('true_resolution_rate')).toBe('higher');
    expect(betterDirection('tickets_created')).toBeNull();
  });
});

describe('daily points', () => {
  it('date each row by its local day, whatever the offset', () => {
    const daily = {
      columns: ['day', 'start', 'backlog'],
      rows: [
        [1, '2026-01-04T23:00:00.000Z', 5],
        [2, '2026-01-06T05:00:00.000Z', null],
      ],
    };
    expect(dailyPoints(daily, [['backlog', 'Backlog']])).toEqual([
      { day: '2026-01-05', series: 'Backlog', value: 5 },
      { day: '2026-01-06', series: 'Backlog', value: null },
    ]);
  });
});

describe('report.html of a run', () => {
  it('is one self-contained page: findings, charts inline, KPI table, scenario; no external resource', async () => {
    const out = temporaryDirectory();
    const result = await cli([
      'run',
      'scenarios/baseline.yaml',
      '--out',
      out,
      '--quiet',
      '--set',
      'horizon.days=10',
      '--set',
      'horizon.warmup_days=2',
      '-r',
      '3',
    ]);
    expect(result.code).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<h2>Findings</h2>');
    expect(html).toMatch(/Tier 1 agents were busy \d+ % of their shift time/);
    expect(html.match(/<figure id="[a-z-]+" data-chart=/g)?.length).toBe(7);
    expect(html.match(/<div class="static"><svg /g)?.length).toBe(7);
    expect(html).toContain('<td class="id">first_response_time_mean</td>');
    expect(html).toContain('name: baseline');
    // Nothing is loaded from elsewhere: no src= or <link> to another file or host.
    const markup = html.replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
    expect(markup).not.toMatch(/<(script|img|iframe)[^>]+src=/i);
    expect(markup).not.toMatch(/<link[^>]+href=/i);
    expect(markup.match(/<script>/g)?.length).toBe(3); // Vega, vega-embed, the embedding code
    // Every SVG id is unique in the page.
    const ids = [...markup.matchAll(/<[^>]+\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
