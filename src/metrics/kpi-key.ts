/**
 * Where a KPI value sits, as one key: desk-wide (`first_response_time_mean`), one tier's
 * (`tiers.<tier>.<kpi>`, as summary.json, kpis.csv and targets name it) or one segment's
 * (`segments.<dimension>.<segment>.<kpi>`). Keys are written by `formatKpiKey` and read by
 * `parseKpiKey` only, so the text form lives here and nowhere else.
 */
import type { KpiId, TierKpiId } from './catalog.js';
import type { SegmentDimension } from './segments.js';

/** A KPI value's place: desk-wide, a tier's, or a segment's. Ids typed by the catalog unless read from text. */
export type KpiKey<Desk extends string = KpiId, Tier extends string = TierKpiId> =
  | { kpi: Desk; tier?: undefined; segment?: undefined }
  | { kpi: Tier; tier: string; segment?: undefined }
  | { kpi: Desk; tier?: undefined; segment: { dimension: SegmentDimension; name: string } };

const TIER_KEY = /^tiers\.([^.]+)\.(.+)$/;
const SEGMENT_KEY = /^segments\.(channel|category|priority|tier|agent)\.(.+)\.([^.]+)$/;

/** A key as text: `kpi`, `tiers.<tier>.<kpi>` or `segments.<dimension>.<segment>.<kpi>`. */
export function formatKpiKey(key: KpiKey<string, string>): string {
  if (key.tier !== undefined) return `tiers.${key.tier}.${key.kpi}`;
  if (key.segment !== undefined) return `segments.${key.segment.dimension}.${key.segment.name}.${key.kpi}`;
  return key.kpi;
}

/** A key read from text; its KPI id is as written (`findKpi` in the catalog says whether one exists). */
export function parseKpiKey(text: string): KpiKey<string, string> {
  const tier = TIER_KEY.exec(text);
  if (tier !== null) return { tier: tier[1]!, kpi: tier[2]! };
  const segment = SEGMENT_KEY.exec(text);
  if (segment !== null) {
    return { segment: { dimension: segment[1] as SegmentDimension, name: segment[2]! }, kpi: segment[3]! };
  }
  return { kpi: text };
}
