/**
 * The facts each KPI definition carries — label, better direction, truth counterpart, daily
 * column, range — and the one key format (`tiers.<tier>.<kpi>`, `segments.…`) with its parser.
 * Everything that used to be a side table keyed by id strings is read from these.
 */
import { describe, expect, it } from 'vitest';
import {
  DAILY_KPIS,
  findKpi,
  isImprovement,
  KPI_CATALOG,
  kpiDirection,
  kpiRange,
  TIER_KPI_CATALOG,
  TRUTH_KPI_CATALOG,
  TRUTH_KPI_IDS,
  TRUTH_PAIRS,
  type KpiId,
  type TierKpiId,
} from '../../src/metrics/catalog.js';
import { formatKpiKey, parseKpiKey, type KpiKey } from '../../src/metrics/kpi-key.js';
import { INCENTIVE_KPIS } from '../../src/scenario/incentives.js';
import { kpiLabel, TRUTH_COUNTERPARTS } from '../../src/report/labels.js';

describe('KPI facts in the catalog', () => {
  const all = [...KPI_CATALOG, ...TIER_KPI_CATALOG];

  it('ids are unique within each catalog, and every KPI has a label of its own', () => {
    expect(new Set(KPI_CATALOG.map((kpi) => kpi.id)).size).toBe(KPI_CATALOG.length);
    expect(new Set(TIER_KPI_CATALOG.map((kpi) => kpi.id)).size).toBe(TIER_KPI_CATALOG.length);
    for (const kpi of all) expect(kpi.label.trim(), kpi.id).not.toBe('');
    expect(new Set(KPI_CATALOG.map((kpi) => kpi.label)).size).toBe(KPI_CATALOG.length);
  });

  it('a KPI both desk-wide and per tier has the same label, unit and direction at both', () => {
    for (const tier of TIER_KPI_CATALOG) {
      const desk = KPI_CATALOG.find((kpi) => kpi.id === tier.id);
      if (desk === undefined) continue;
      expect([tier.label, tier.unit, tier.better], tier.id).toEqual([desk.label, desk.unit, desk.better]);
    }
  });

  it('truth counterparts name truth KPIs, and only observed KPIs have one', () => {
    expect(TRUTH_PAIRS.length).toBeGreaterThanOrEqual(4);
    for (const { observed, truth } of TRUTH_PAIRS) {
      expect(TRUTH_KPI_IDS.has(observed), observed).toBe(false);
      expect(TRUTH_KPI_IDS.has(truth.kpi), truth.kpi).toBe(true);
      // A pair is read side by side: both ways must mean better in the same direction.
      expect(kpiDirection(truth.kpi), observed).toBe(kpiDirection(observed));
    }
    const observed = TRUTH_COUNTERPARTS.map((pair) => pair.observed);
    expect(observed).toEqual([
      'resolution_rate',
      'resolution_time_mean',
      'csat_mean',
      'csat_satisfied_share',
      'automation_containment_rate',
    ]);
    expect(TRUTH_KPI_CATALOG.every((kpi) => KPI_CATALOG.includes(kpi))).toBe(true);
  });

  it('the unfinished share a time points to exists in its own catalog', () => {
    for (const kpi of KPI_CATALOG) {
      if (kpi.unfinished !== undefined) expect(findKpi(kpi.unfinished), kpi.id).toBeDefined();
    }
    for (const kpi of TIER_KPI_CATALOG) {
      if (kpi.unfinished !== undefined) expect(findKpi(`tiers.t.${kpi.unfinished}`), kpi.id).toBeDefined();
    }
  });

  it('daily columns are numbered 1..n without gaps, and DAILY_KPIS follows them', () => {
    const numbers = KPI_CATALOG.flatMap((kpi) => (kpi.daily === undefined ? [] : [kpi.daily])).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    expect(DAILY_KPIS.slice(0, 3)).toEqual(['tickets_created', 'first_response_time_mean', 'resolution_time_mean']);
    expect(DAILY_KPIS).toHaveLength(12);
  });

  it('every KPI pressure can target has a better direction (pressure pushes it that way)', () => {
    for (const kpi of INCENTIVE_KPIS) expect(kpiDirection(kpi), kpi).toBeDefined();
  });

  it('directions, ranges and labels are read by key, per tier included', () => {
    expect(kpiDirection('tiers.tier2.queue_wait_mean')).toBe('lower');
    expect(kpiDirection('tiers.tier2.utilization')).toBeUndefined();
    expect(kpiDirection('no_such_kpi')).toBeUndefined();
    expect(isImprovement('service_level', 0.1)).toBe(true);
    expect(isImprovement('tiers.tier1.queue_wait_mean', 5)).toBe(false);
    expect(isImprovement('tickets_created', 5)).toBeUndefined();
    expect(kpiRange('tiers.t1.service_level')).toEqual([0, 1]);
    expect(kpiRange('nps')).toEqual([-100, 100]);
    expect(kpiRange('no_such_kpi')).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
    expect(kpiLabel('tiers.tier1.utilization')).toBe('Tier 1: agent utilization');
    expect(kpiLabel('first_response_time_p90')).toBe('First response time, 90th percentile');
  });
});

describe('KPI keys', () => {
  const keys: Array<[KpiKey, string]> = [
    [{ kpi: 'first_response_time_mean' }, 'first_response_time_mean'],
    [{ tier: 'tier2', kpi: 'queue_wait_mean' }, 'tiers.tier2.queue_wait_mean'],
    [{ segment: { dimension: 'category', name: 'how.to' }, kpi: 'csat_mean' }, 'segments.category.how.to.csat_mean'],
  ];

  for (const [key, text] of keys) {
    it(`${text} is written and read back`, () => {
      expect(formatKpiKey(key)).toBe(text);
      expect(parseKpiKey(text)).toEqual(key);
    });
  }

  it('ids are typed: a key names a catalog KPI or does not compile', () => {
    const desk: KpiId = 'resolution_rate';
    const tier: TierKpiId = 'tickets_queued';
    // @ts-expect-error — no KPI has this id (`resolved_share`, once, in a finding).
    const unknown: KpiId = 'resolved_share';
    // @ts-expect-error — tickets_queued is per tier only.
    const deskOnly: KpiId = 'tickets_queued';
    expect([desk, tier, unknown, deskOnly].every((id) => typeof id === 'string')).toBe(true);
    expect(findKpi(formatKpiKey({ tier: 'tier1', kpi: tier }))?.id).toBe('tickets_queued');
    expect(findKpi('tickets_queued')).toBeUndefined();
  });
});
