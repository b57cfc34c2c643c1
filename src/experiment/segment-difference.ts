/**
 * Paired differences of any KPI within one segment (a category, a channel, a tier...) between
 * two runs of the same seeds: where a change acts when the desk-wide figure dilutes it (a
 * knowledge gap in two categories barely moves the desk's escalation rate, and clearly moves
 * theirs). The runs need segments (`runScenario(…, { detail })` with a filter naming the
 * dimension and KPIs); `who-pays.ts` is the same idea fixed to categories and its six KPIs.
 */
import { kpiRange } from '../metrics/catalog.js';
import type { SegmentDimension } from '../metrics/segments.js';
import { pairedDifference, type KpiDifference, type RunOutcomes } from './compare.js';

function segmentValues(
  run: RunOutcomes,
  dimension: SegmentDimension,
  segment: string,
  kpi: string,
): Map<number, number | null> {
  const values = new Map<number, number | null>();
  for (const outcome of run.outcomes) {
    if (outcome.segments === undefined) throw new Error('segmentDifference needs runs made with segments (detail)');
    const found = outcome.segments.find((each) => each.dimension === dimension && each.segment === segment);
    values.set(outcome.replication, found?.values[kpi] ?? null);
  }
  return values;
}

/** The paired change (other − reference) of `kpi` within one segment. */
export function segmentDifference(
  reference: RunOutcomes,
  other: RunOutcomes,
  dimension: SegmentDimension,
  segment: string,
  kpi: string,
): KpiDifference {
  const unit = reference.summary.kpis[kpi]?.unit ?? '';
  return pairedDifference(
    segmentValues(reference, dimension, segment, kpi),
    segmentValues(other, dimension, segment, kpi),
    unit,
    kpiRange(kpi),
  );
}
