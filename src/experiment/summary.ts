/**
 * The summary of a run: every KPI's mean, sd and 95 % CI over the replications
 * (`summary.json`). Apart from `run.ts` (threads, files), so the browser page imports it.
 */
import { KPI_CATALOG, TIER_KPI_CATALOG, unitRange } from '../metrics/catalog.js';
import { buildDesk, type DeskModel } from '../model/build.js';
import type { Scenario } from '../scenario/schema.js';
import { VERSION } from '../version.js';
import type { ReplicationOutcome } from './replication.js';
import { summarize, type KpiSummary } from './statistics.js';
import { computeWarnings, warningFacts, type RunWarning } from './warnings.js';

/** The machine-readable summary of a run (`summary.json`). */
export interface RunSummary {
  scenario: string;
  seed: number;
  replications: number;
  version: string;
  /** What a reader must know before trusting these numbers (docs/metrics.md, Warnings). */
  warnings: RunWarning[];
  kpis: Record<string, KpiSummary>;
  tiers: Record<string, Record<string, KpiSummary>>;
}

/** Summarises replication outcomes KPI by KPI, with the warnings the figures call for. */
export function summarizeOutcomes(
  scenario: Scenario,
  outcomes: ReplicationOutcome[],
  model: DeskModel = buildDesk(scenario),
): RunSummary {
  const kpis: Record<string, KpiSummary> = {};
  for (const kpi of KPI_CATALOG) {
    kpis[kpi.id] = summarize(
      outcomes.map((outcome) => outcome.kpis.values[kpi.id] ?? null),
      kpi.unit,
      kpi.range ?? unitRange(kpi.unit),
    );
  }
  const tiers: Record<string, Record<string, KpiSummary>> = {};
  for (const tier of scenario.tiers) {
    const row: Record<string, KpiSummary> = {};
    for (const kpi of TIER_KPI_CATALOG) {
      row[kpi.id] = summarize(
        outcomes.map((outcome) => outcome.kpis.tiers[tier.id]?.[kpi.id] ?? null),
        kpi.unit,
        kpi.range ?? unitRange(kpi.unit),
      );
    }
    tiers[tier.id] = row;
  }
  const warnings = computeWarnings({ kpis, tiers }, { ...warningFacts(model), replications: outcomes.length });
  return {
    scenario: scenario.name,
    seed: scenario.seed,
    replications: outcomes.length,
    version: VERSION,
    warnings,
    kpis,
    tiers,
  };
}
