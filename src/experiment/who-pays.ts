/**
 * Who pays: a change that improves the desk's averages may do it at some customers' expense
 * (agents taking the easy tickets first leave the hard ones to age). Beside each compared
 * run's desk-wide KPIs, the waits, their 90th percentiles and the true satisfaction of each
 * ticket category, paired replication by replication as every other difference.
 *
 * Categories, not complexities: the event log names a ticket's category, and complexity is
 * the model's hidden draw (a real log does not carry it). The segments are those of
 * `segments.csv` (`metrics/segments.ts`), computed for these KPIs only.
 */
import { kpiRange } from '../metrics/catalog.js';
import type { SegmentFilter } from '../metrics/segments.js';
import {
  DIFFERENCE_COLUMNS,
  differenceCells,
  pairedDifference,
  type KpiDifference,
  type RunOutcomes,
} from './compare.js';

/** The KPIs of the "who pays" section, per segment. */
export const WHO_PAYS_KPIS = [
  'queue_wait_mean',
  'queue_wait_p90',
  'first_response_time_p90',
  'resolution_time_p90',
  'true_resolution_time_mean',
  'true_satisfaction_mean',
] as const;

/** The segments a replication computes for the section. */
export const WHO_PAYS_SEGMENTS: SegmentFilter = { dimensions: ['category'], kpis: WHO_PAYS_KPIS };

/** Per category (segment name), per KPI: the paired change from the reference. */
export type WhoPays = Record<string, Record<string, KpiDifference>>;

/**
 * The section for one run against the reference; undefined when the runs computed no
 * segments. Categories and KPIs in the reference's order (segments come sorted by name).
 */
export function whoPays(reference: RunOutcomes, other: RunOutcomes): WhoPays | undefined {
  const referenceValues = categoryValues(reference);
  const otherValues = categoryValues(other);
  if (referenceValues === undefined || otherValues === undefined) return undefined;
  const result: WhoPays = {};
  for (const [category, byKpi] of referenceValues) {
    const otherByKpi = otherValues.get(category);
    if (otherByKpi === undefined) continue;
    const row: Record<string, KpiDifference> = {};
    for (const kpi of WHO_PAYS_KPIS) {
      const base = byKpi.get(kpi);
      const value = otherByKpi.get(kpi);
      if (base === undefined || value === undefined) continue;
      const unit = kpi === 'true_satisfaction_mean' ? 'score' : 'minutes';
      row[kpi] = pairedDifference(base, value, reference.summary.kpis[kpi]?.unit ?? unit, kpiRange(kpi));
    }
    result[category] = row;
  }
  return result;
}

/** category → KPI → replication → value, or undefined without segments. */
function categoryValues(run: RunOutcomes): Map<string, Map<string, Map<number, number | null>>> | undefined {
  if (run.outcomes.some((outcome) => outcome.segments === undefined)) return undefined;
  const result = new Map<string, Map<string, Map<number, number | null>>>();
  for (const outcome of run.outcomes) {
    for (const segment of outcome.segments!) {
      if (segment.dimension !== 'category') continue;
      let byKpi = result.get(segment.segment);
      if (byKpi === undefined) result.set(segment.segment, (byKpi = new Map()));
      for (const kpi of WHO_PAYS_KPIS) {
        if (!(kpi in segment.values)) continue;
        let byReplication = byKpi.get(kpi);
        if (byReplication === undefined) byKpi.set(kpi, (byReplication = new Map()));
        byReplication.set(outcome.replication, segment.values[kpi] ?? null);
      }
    }
  }
  return result;
}

/**
 * Columns of `compare`'s `who-pays.csv`: the compared scenario, the reference, the category, the KPI, then its change.
 */
export const WHO_PAYS_COLUMNS = ['scenario', 'reference', 'category', 'kpi', ...DIFFERENCE_COLUMNS] as const;

/** Columns of `pressure`'s `who-pays.csv`: the same, by pressure level against the first level. */
export const PRESSURE_WHO_PAYS_COLUMNS = ['pressure', 'reference', 'category', 'kpi', ...DIFFERENCE_COLUMNS] as const;

/** `who-pays.csv` rows of one contrast (`scenario` is the compared run's label, or a pressure level). */
export function whoPaysRows(
  scenario: string | number,
  reference: string,
  section: WhoPays | undefined,
): Array<Array<string | number | boolean | null>> {
  if (section === undefined) return [];
  return Object.entries(section).flatMap(([category, row]) =>
    Object.entries(row).map(([kpi, difference]) => [
      scenario,
      reference,
      category,
      kpi,
      ...differenceCells(difference),
    ]),
  );
}
