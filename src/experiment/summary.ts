/**
 * The summary of a run: every KPI's mean, sd and 95 % CI over the replications
 * (`summary.json`). Apart from `run.ts` (threads, files), so the browser page imports it.
 */
import { KPI_CATALOG, TIER_KPI_CATALOG } from '../metrics/catalog.js';
import type { Scenario } from '../scenario/schema.js';
import { VERSION } from '../version.js';
import type { ReplicationOutcome } from './replication.js';
import { summarize, type KpiSummary } from './statistics.js';

/** The machine-readable summary of a run (`summary.json`). */
export interface RunSummary {
  scenario: string;
  seed: number;
  replications: number;
  version: string;
  kpis: Record<string, KpiSummary>;
  tiers: Record<string, Record<string, KpiSummary>>;
}

/** Summarises replication outcomes KPI by KPI. */
export function summarizeOutcomes(scenario: Scenario, outcomes: ReplicationOutcome[]): RunSummary {
  const kpis: Record<string, KpiSummary> = {};
  for (const kpi of KPI_CATALOG) {
    kpis[kpi.id] = summarize(outcomes.map((outcome) => outcome.kpis.values[kpi.id] ?? null), kpi.unit);
  }
  const tiers: Record<string, Record<string, KpiSummary>> = {};
  for (const tier of scenario.tiers) {
    const row: Record<string, KpiSummary> = {};
    for (const kpi of TIER_KPI_CATALOG) {
      row[kpi.id] = summarize(outcomes.map((outcome) => outcome.kpis.tiers[tier.id]?.[kpi.id] ?? null), kpi.unit);
    }
    tiers[tier.id] = row;
  }
  return { scenario: scenario.name, seed: scenario.seed, replications: outcomes.length, version: VERSION, kpis, tiers };
}
