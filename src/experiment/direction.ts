/**
 * Which way each KPI is "better", as the management that sets incentives reads a dashboard:
 * the direction pressure on a KPI pushes it. Kept here, beside the experiments that use it,
 * rather than in the KPI catalog: it is a judgement about incentives, not part of a KPI's
 * definition. KPIs with no agreed good direction (volumes, utilization) are left out.
 */

/** "lower" when a smaller value is better, "higher" when a larger one is. */
export type KpiDirection = 'lower' | 'higher';

/** KPI id (desk-wide or per tier, without `tiers.<id>.`) → its better direction. */
export const KPI_DIRECTIONS: Readonly<Record<string, KpiDirection>> = {
  first_response_time_mean: 'lower',
  first_response_time_p50: 'lower',
  first_response_time_p90: 'lower',
  first_response_substantive_share: 'higher',
  first_response_unfinished_share: 'lower',
  resolution_unfinished_share: 'lower',
  queue_wait_unfinished_share: 'lower',
  resolution_rate: 'higher',
  backlog_growth_per_day: 'lower',
  resolution_time_mean: 'lower',
  resolution_time_p50: 'lower',
  resolution_time_p90: 'lower',
  handle_time_mean: 'lower',
  queue_wait_mean: 'lower',
  waited_share: 'lower',
  service_level: 'higher',
  abandonment_rate: 'lower',
  fcr_rate: 'higher',
  escalation_rate: 'lower',
  reopen_rate: 'lower',
  repeat_contact_rate: 'lower',
  replies_per_ticket: 'lower',
  csat_mean: 'higher',
  csat_satisfied_share: 'higher',
  survey_response_rate: 'higher',
  nps: 'higher',
  ces_mean: 'lower',
  sla_first_response_compliance: 'higher',
  sla_resolution_compliance: 'higher',
  backlog_mean: 'lower',
  backlog_end: 'lower',
  backlog_age_p90: 'lower',
  tickets_per_agent_day: 'higher',
  cost_per_ticket: 'lower',
  cost_per_resolution: 'lower',
  total_cost: 'lower',
  deflection_rate: 'higher',
  agents_left: 'lower',
  true_resolution_rate: 'higher',
  true_resolution_time_mean: 'lower',
  true_satisfaction_mean: 'higher',
  true_satisfied_share: 'higher',
  contacts_per_issue: 'lower',
  hidden_failure_share: 'lower',
};

/** The better direction of a KPI (`tiers.<id>.<kpi>` reads as `<kpi>`), if it has one. */
export function kpiDirection(kpi: string): KpiDirection | undefined {
  const id = /^tiers\.[^.]+\.(.+)$/.exec(kpi)?.[1] ?? kpi;
  return KPI_DIRECTIONS[id];
}

/** Whether a change of this sign is an improvement (true), a deterioration (false), or neither is known. */
export function isImprovement(kpi: string, change: number): boolean | undefined {
  const direction = kpiDirection(kpi);
  if (direction === undefined || change === 0) return undefined;
  return direction === 'lower' ? change < 0 : change > 0;
}
