/**
 * Words for KPIs in charts and reports. A KPI's label, its better direction and its truth
 * counterpart are facts of its catalog definition (`metrics/catalog.ts`); this file adds the
 * words for tiers and puts a tier's name before a per-tier KPI's label.
 */
import { findKpi, kpiDirection, TIER_KPI_CATALOG, TRUTH_PAIRS } from '../metrics/catalog.js';
import { parseKpiKey } from '../metrics/kpi-key.js';

/** A tier id in words: `tier1` → "Tier 1", `service_desk` → "Service desk". */
export function tierLabel(tier: string): string {
  const numbered = /^tier[_-]?(\d+)$/i.exec(tier);
  if (numbered) return `Tier ${numbered[1]}`;
  const words = tier.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The label of the KPI a key names, without its tier: "Queue wait, mean" for
 * `tiers.tier2.queue_wait_mean`, and for a bare per-tier id (`tickets_queued`) too. An id
 * naming no KPI stays as written.
 */
export function kpiName(key: string): string {
  const { kpi } = parseKpiKey(key);
  return (findKpi(key) ?? TIER_KPI_CATALOG.find((entry) => entry.id === kpi))?.label ?? kpi;
}

/**
 * A KPI key in words: its definition's label ("First response time, 90th percentile"); a
 * per-tier key reads "Tier 1: queue wait, mean".
 */
export function kpiLabel(key: string): string {
  const { tier } = parseKpiKey(key);
  const label = kpiName(key);
  return tier === undefined ? label : `${tierLabel(tier)}: ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

/** Which way a KPI should move for the customers and the desk; null for volumes and loads (the catalog's `better`). */
export function betterDirection(key: string): 'higher' | 'lower' | null {
  return kpiDirection(key) ?? null;
}

/** A dashboard KPI and the truth KPI (simulation only) it claims to measure. */
export interface TruthPair {
  /** What both measure, in words. */
  measure: string;
  observed: string;
  truth: string;
}

/** Observed KPIs and the truth behind them, read side by side in the report (from the catalog's `truth`). */
export const TRUTH_COUNTERPARTS: readonly TruthPair[] = TRUTH_PAIRS.map(({ observed, truth }) => ({
  measure: truth.measure,
  observed,
  truth: truth.kpi,
}));
