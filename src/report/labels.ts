/**
 * Words for KPIs in charts and reports: readable names, which direction is better, and which
 * truth KPI each observed KPI should be read against. Ids are the contract (SPEC §5); a KPI
 * added to the catalog without an entry here still gets a readable name from its id.
 */
import { kpiDirection } from '../experiment/direction.js';

/** Names that the id alone would not spell well. */
const NAMES: Record<string, string> = {
  tickets_created: 'Tickets created',
  tickets_queued: 'Tickets queued',
  handle_time_mean: 'Handle time, mean',
  queue_wait_mean: 'Queue wait, mean',
  waited_share: 'Tickets that waited',
  service_level: 'Service level',
  abandonment_rate: 'Abandonment rate',
  escalation_rate: 'Escalation rate',
  reopen_rate: 'Reopen rate',
  utilization: 'Agent utilization',
  sla_first_response_compliance: 'SLA first-response compliance',
  sla_resolution_compliance: 'SLA resolution compliance',
  deflection_rate: 'Self-service deflection',
  kb_usage_rate: 'Knowledge-base usage',
  cost_per_ticket: 'Cost per ticket',
  cost_per_resolution: 'Cost per resolution',
  total_cost: 'Total cost',
  survey_response_rate: 'Survey response rate',
  csat_mean: 'CSAT, mean (1–5)',
  csat_satisfied_share: 'CSAT satisfied (4–5)',
  nps: 'Net promoter score',
  ces_mean: 'Customer effort, mean (1–7)',
  agents_left: 'Agents who left',
  agents_hired: 'Agents hired',
  fcr_rate: 'First-contact resolution',
  true_resolution_rate: 'True resolution rate',
  true_resolution_time_mean: 'True resolution time, mean',
  true_satisfaction_mean: 'True satisfaction, mean (1–5)',
  true_satisfied_share: 'Truly satisfied (4–5)',
  hidden_failure_share: 'Hidden failures (resolved, not fixed)',
  resolution_rate: 'Resolution rate',
  first_response_unfinished_share: 'No first reply at the end',
  resolution_unfinished_share: 'Open at the end',
  queue_wait_unfinished_share: 'Still waiting in a queue at the end',
  backlog_growth_per_day: 'Backlog growth per day',
};

const ACRONYMS: Record<string, string> = { sla: 'SLA', csat: 'CSAT', nps: 'NPS', ces: 'CES', kb: 'knowledge-base', fcr: 'FCR' };
const STATISTICS: Record<string, string> = { mean: 'mean', p50: 'median', p90: '90th percentile', end: 'at end' };

/** A tier id in words: `tier1` → "Tier 1", `service_desk` → "Service desk". */
export function tierLabel(tier: string): string {
  const numbered = /^tier[_-]?(\d+)$/i.exec(tier);
  if (numbered) return `Tier ${numbered[1]}`;
  const words = tier.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A KPI id in words: "first_response_time_p90" → "First response time, 90th percentile";
 * per-tier ids read "Tier 1: queue wait, mean".
 */
export function kpiLabel(id: string): string {
  const tierMatch = /^tiers\.([^.]+)\.(.+)$/.exec(id);
  if (tierMatch) {
    const inner = kpiLabel(tierMatch[2]!);
    return `${tierLabel(tierMatch[1]!)}: ${inner.charAt(0).toLowerCase()}${inner.slice(1)}`;
  }
  const named = NAMES[id];
  if (named !== undefined) return named;
  const words = id.split('_');
  const last = words[words.length - 1]!;
  const statistic = words.length > 1 ? STATISTICS[last] : undefined;
  const body = (statistic === undefined ? words : words.slice(0, -1)).map((word) => ACRONYMS[word] ?? word).join(' ');
  const sentence = body.charAt(0).toUpperCase() + body.slice(1);
  return statistic === undefined ? sentence : `${sentence}, ${statistic}`;
}

/**
 * Which way a KPI should move for the customers and the desk: `higher`, `lower`, or null for
 * volumes and loads that are neither good nor bad in themselves (tickets created,
 * utilization). One table decides, the experiments' (`experiment/direction.ts`).
 */
export function betterDirection(id: string): 'higher' | 'lower' | null {
  return kpiDirection(id) ?? null;
}

/** A dashboard KPI and the truth KPI (simulation only) it claims to measure. */
export interface TruthCounterpart {
  /** What both measure, in words. */
  measure: string;
  /** Observed KPI ids, first present one wins (the catalog may name it either way). */
  observed: readonly string[];
  truth: string;
}

/** Observed KPIs and the truth behind them, read side by side in the report. */
export const TRUTH_COUNTERPARTS: readonly TruthCounterpart[] = [
  { measure: 'Resolution rate', observed: ['resolution_rate'], truth: 'true_resolution_rate' },
  { measure: 'Resolution time, mean', observed: ['resolution_time_mean'], truth: 'true_resolution_time_mean' },
  { measure: 'Satisfied customers (CSAT 4–5)', observed: ['csat_satisfied_share'], truth: 'true_satisfied_share' },
  { measure: 'Satisfaction, mean (1–5)', observed: ['csat_mean'], truth: 'true_satisfaction_mean' },
];
