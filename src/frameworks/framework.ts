/**
 * A measurement framework as data: a named set of KPIs, each with a direction and a weight
 * or a target, a rule that turns their values into one score, and the measurement
 * definitions (`metrics:` options) the framework measures with.
 *
 * ```
 * framework.yaml ──loadFramework (zod, located errors)──▶ Framework
 * KPI values of a desk ──standardise (the study's desks set the scale)──▶ z per KPI ──rule──▶ score
 * ```
 *
 * Scores live on the scale of the desks a study designs: a KPI's value becomes
 * z = ±(value − mean over desks) / sd over desks, signed so that up is better. Rules:
 * - `weighted_sum`: Σ weight·z / Σ weight — a balanced dashboard.
 * - `targets_met`: Σ weight·[value meets its target] / Σ weight — share of targets met, 0..1.
 * - `lexicographic`: the first KPI decides; the next only among desks whose z on the first
 *   falls in the same band of width `tolerance` (in sds), and so on. As a number:
 *   Σ band_k · 7^−k with band_k = round(z_k / tolerance) clamped to −3..3, which orders
 *   desks exactly as the rule does.
 */
import { z } from 'zod';
import { KPI_CATALOG, kpiDirection, type KpiDirection } from '../metrics/catalog.js';
import { describeFound, message, type DocumentKind } from '../document/errors.js';
import { loadYamlDocument } from '../scenario/load.js';
import { closestMatch } from '../document/suggest.js';

const KPI_IDS: readonly string[] = KPI_CATALOG.map((kpi) => kpi.id);

/** One KPI of a framework (or of a study's truth score). */
export const frameworkKpiSchema = z.strictObject({
  kpi: z.string().min(1).describe('A desk-wide KPI id of docs/kpis.md, e.g. fcr_rate.'),
  direction: z
    .enum(['higher', 'lower'])
    .optional()
    .describe('Which way is better; defaults to the KPI’s usual direction (required for KPIs without one).'),
  weight: z
    .number()
    .positive()
    .default(1)
    .describe('Its weight in the score, and in the pressure management puts on it.'),
  target: z
    .number()
    .optional()
    .describe('The value to reach (rule targets_met): at least it when higher is better, at most it when lower is.'),
});

/** The `metrics:` options a framework measures with; those it leaves out stay as the desk has them. */
export const definitionsSchema = z.strictObject({
  fcr_window_days: z
    .number()
    .positive()
    .optional()
    .describe(
      'fcr_rate and repeat_contact_rate: days within which a new ticket on the same issue is a repeat contact.',
    ),
  clock: z.enum(['calendar', 'business']).optional().describe('Clock of first response and resolution times.'),
  auto_reply_counts_as_response: z
    .boolean()
    .optional()
    .describe('Whether an automatic reply counts as the first response.'),
  count_pending_time: z
    .boolean()
    .optional()
    .describe('Whether time waiting on the customer counts in resolution times.'),
});

/** Measurement definitions as a framework or a study writes them. */
export type Definitions = z.output<typeof definitionsSchema>;

/** Rules that turn KPI values into one score. */
export const SCORING_RULES = ['weighted_sum', 'targets_met', 'lexicographic'] as const;

/** Checks what one field cannot: KPIs exist and have a direction, targets where the rule needs them. */
function checkKpis(
  kpis: ReadonlyArray<z.output<typeof frameworkKpiSchema>>,
  context: z.RefinementCtx,
  needTargets: boolean,
  at: (string | number)[] = ['kpis'],
): void {
  const seen = new Set<string>();
  kpis.forEach((entry, index) => {
    if (!KPI_IDS.includes(entry.kpi)) {
      context.addIssue({
        code: 'custom',
        path: [...at, index, 'kpi'],
        message: message.unknownKpi(describeFound(entry.kpi), closestMatch(entry.kpi, KPI_IDS)),
      });
      return;
    }
    if (seen.has(entry.kpi))
      context.addIssue({ code: 'custom', path: [...at, index, 'kpi'], message: `${entry.kpi} is listed twice` });
    seen.add(entry.kpi);
    if (entry.direction === undefined && kpiDirection(entry.kpi) === undefined) {
      context.addIssue({
        code: 'custom',
        path: [...at, index],
        message: `${entry.kpi} has no usual direction: say whether higher or lower is better (direction: higher)`,
      });
    }
    if (needTargets && entry.target === undefined) {
      context.addIssue({
        code: 'custom',
        path: [...at, index],
        message: `rule targets_met needs a target for ${entry.kpi} (target: <value>)`,
      });
    }
  });
}

/** KPIs of a score, checked (for a study's truth score, which has no rule). */
export const scoredKpisSchema = z
  .array(frameworkKpiSchema)
  .min(1)
  .superRefine((kpis, context) => checkKpis(kpis, context, false, []));

/** The framework file format (zod). */
export const frameworkSchema = z
  .strictObject({
    name: z.string().min(1).describe('The framework’s name, as reports show it.'),
    description: z.string().optional(),
    source: z.string().min(1).describe('Where the framework comes from: the standard, book or practice it follows.'),
    rule: z
      .enum(SCORING_RULES)
      .default('weighted_sum')
      .describe('weighted_sum, targets_met (share of targets met) or lexicographic (first KPI first).'),
    tolerance: z
      .number()
      .positive()
      .default(0.5)
      .describe('lexicographic: desks within this many sds on a KPI tie on it, and the next KPI decides.'),
    kpis: z
      .array(frameworkKpiSchema)
      .min(1)
      .describe('The KPIs, in order (the order matters to the lexicographic rule).'),
    metrics: definitionsSchema
      .default({})
      .describe('Measurement definitions of the framework (metrics: options of a scenario).'),
  })
  .superRefine((framework, context) => checkKpis(framework.kpis, context, framework.rule === 'targets_met'));

/** A framework file as written, defaults applied. */
export type Framework = z.output<typeof frameworkSchema>;

/** A KPI of a score with its direction resolved. */
export interface ScoredKpi {
  kpi: string;
  direction: KpiDirection;
  weight: number;
  target?: number;
}

/** The framework file as a kind of document, for messages. */
export const FRAMEWORK_KIND: DocumentKind = { noun: 'framework', article: 'a', exampleKeys: ['name', 'kpis'] };

/** Reads and validates a framework file. Throws a `ScenarioError` listing every problem with its place. */
export function loadFramework(file: string): Framework {
  return loadYamlDocument(file, frameworkSchema, FRAMEWORK_KIND).value;
}

/** The KPIs of a framework or truth score with every direction resolved. */
export function scoredKpis(kpis: ReadonlyArray<z.output<typeof frameworkKpiSchema>>): ScoredKpi[] {
  return kpis.map(({ kpi, direction, weight, target }) => ({
    kpi,
    direction: direction ?? kpiDirection(kpi)!,
    weight,
    ...(target === undefined ? {} : { target }),
  }));
}

/** Where a KPI's values sit across a study's desks: the scale of z. */
export interface KpiScale {
  mean: number;
  sd: number;
}

/** The mean and sd of each KPI's values across desks (nulls left out; sd 0 when they do not vary). */
export function kpiScales(
  kpis: readonly ScoredKpi[],
  desks: ReadonlyArray<Record<string, number | null>>,
): Record<string, KpiScale> {
  const scales: Record<string, KpiScale> = {};
  for (const { kpi } of kpis) {
    const values = desks
      .map((desk) => desk[kpi])
      .filter((value): value is number => value !== null && value !== undefined && Number.isFinite(value));
    const mean = values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance =
      values.length < 2 ? 0 : values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
    scales[kpi] = { mean, sd: Math.sqrt(variance) };
  }
  return scales;
}

/**
 * A KPI value on the desks' scale, signed so that up is better; a KPI without a value, or that does not vary, scores 0.
 */
export function standardise(kpi: ScoredKpi, value: number | null | undefined, scale: KpiScale): number {
  if (value === null || value === undefined || !Number.isFinite(value) || scale.sd === 0) return 0;
  const z = (value - scale.mean) / scale.sd;
  return kpi.direction === 'higher' ? z : -z;
}

/**
 * Lexicographic bands: round(z / tolerance) is clamped to ±BAND_LIMIT, so a base of 2·BAND_LIMIT + 1 keeps KPIs apart.
 */
const BAND_LIMIT = 3;

/** A score: how a rule reads KPI values on the desks' scale. */
export interface ScoringRule {
  rule: (typeof SCORING_RULES)[number];
  tolerance: number;
  kpis: readonly ScoredKpi[];
}

/** The score of one set of KPI values (one replication of one desk). */
export function score(
  rule: ScoringRule,
  values: Record<string, number | null>,
  scales: Record<string, KpiScale>,
): number {
  const totalWeight = rule.kpis.reduce((sum, kpi) => sum + kpi.weight, 0);
  switch (rule.rule) {
    case 'weighted_sum':
      return (
        rule.kpis.reduce((sum, kpi) => sum + kpi.weight * standardise(kpi, values[kpi.kpi], scales[kpi.kpi]!), 0) /
        totalWeight
      );
    case 'targets_met':
      return (
        rule.kpis.reduce((sum, kpi) => sum + (meetsTarget(kpi, values[kpi.kpi]) ? kpi.weight : 0), 0) / totalWeight
      );
    case 'lexicographic': {
      const base = 2 * BAND_LIMIT + 1;
      return rule.kpis.reduce((sum, kpi, index) => {
        const band = Math.max(
          -BAND_LIMIT,
          Math.min(BAND_LIMIT, Math.round(standardise(kpi, values[kpi.kpi], scales[kpi.kpi]!) / rule.tolerance)),
        );
        return sum + band * base ** -index;
      }, 0);
    }
  }
}

function meetsTarget(kpi: ScoredKpi, value: number | null | undefined): boolean {
  if (kpi.target === undefined || value === null || value === undefined || !Number.isFinite(value)) return false;
  return kpi.direction === 'higher' ? value >= kpi.target : value <= kpi.target;
}

/** A framework's scoring rule. */
export function frameworkRule(framework: Framework): ScoringRule {
  return { rule: framework.rule, tolerance: framework.tolerance, kpis: scoredKpis(framework.kpis) };
}

/**
 * The `--set` overrides that measure a desk with these definitions (sorted, so equal definitions give equal overrides).
 */
export function definitionOverrides(definitions: Definitions): string[] {
  return Object.entries(definitions)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `metrics.${key}=${JSON.stringify(value)}`);
}
