/**
 * The `targets:` section of a scenario: the desk's goals on its KPIs, each with a target and
 * an optional warning level, desk-wide or per tier:
 *
 * ```yaml
 * targets:
 *   - { kpi: sla_resolution_compliance, good: ">= 0.95", warn: ">= 0.9" }
 *   - { kpi: tiers.tier2.queue_wait_mean, good: "<= 4h" }
 * ```
 *
 * Reports mark each such KPI green (meets the target), amber (too close to call, or misses it
 * but meets the warning level) or red (misses), judged on its 95 % interval.
 */
import { z } from 'zod';
import { findKpi } from '../metrics/catalog.js';
import { parseKpiKey } from '../metrics/kpi-key.js';
import { parseDuration } from '../engine/duration.js';

/** A bound as written: ">= 0.95", "<= 4h", ">= 90%". */
const BOUND = /^\s*(>=|<=)\s*(\S.*?)\s*$/;

/** Reads a bound's value: a number, a percentage or a duration (minutes); undefined if none. */
export function boundValue(text: string): number | undefined {
  const percent = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (percent !== null) return Number(percent[1]) / 100;
  if (text !== '' && Number.isFinite(Number(text))) return Number(text);
  try {
    return parseDuration(text);
  } catch {
    return undefined;
  }
}

/** A bound read: its operator and value in the KPI's unit. */
export function parseBound(text: string): { operator: '>=' | '<='; value: number } | undefined {
  const match = BOUND.exec(text);
  if (match === null) return undefined;
  const value = boundValue(match[2]!);
  return value === undefined ? undefined : { operator: match[1] as '>=' | '<=', value };
}

const bound = z
  .string()
  .refine(
    (text) => parseBound(text) !== undefined,
    'must be ">= value" or "<= value": a number, a percentage (90%) or a duration (4h)',
  );

/** One target (zod). */
export const scenarioTargetSchema = z
  .strictObject({
    kpi: z
      .string()
      .refine(
        (kpi) => parseKpiKey(kpi).segment === undefined && findKpi(kpi) !== undefined,
        'must be a KPI id (docs/kpis.md), or tiers.<tier>.<kpi> for a per-tier KPI',
      )
      .describe(
        'The KPI: a desk-wide id (sla_resolution_compliance) or tiers.<tier>.<kpi> (tiers.tier2.queue_wait_mean).',
      ),
    good: bound.describe('The target, ">= 0.95" or "<= 4h": met when the 95 % interval\'s worse end meets it.'),
    warn: bound
      .optional()
      .describe('A warning level on the same side: a KPI that misses the target but meets this is amber, not red.'),
  })
  .refine(
    (target) => target.warn === undefined || parseBound(target.warn)?.operator === parseBound(target.good)?.operator,
    {
      message: 'warn must bound the KPI on the same side as good (both >= or both <=)',
      path: ['warn'],
    },
  );

/** The `targets:` section (zod): absent by default, and then nothing is marked. */
// Optional, not defaulted to []: a scenario without targets resolves exactly as before.
export const scenarioTargetsSchema = z
  .array(scenarioTargetSchema)
  .optional()
  .describe('Targets on KPIs; reports mark each green, amber or red (docs/staffing.md).');

/** A scenario target as written. */
export type ScenarioTarget = z.output<typeof scenarioTargetSchema>;
