/**
 * The incentive table (SPEC §6): pressure on a KPI turns into the gaming behaviours that
 * move it, each with a weight (how strongly that pressure drives it), alongside legitimate
 * effort. A scenario's `incentives: [{ kpi, pressure }]` may name only the KPIs listed here;
 * `desksim pressure --all-kpis` takes its rows from here.
 */

/** The nine gaming behaviours of SPEC §6. */
export const GAMING_BEHAVIOURS = [
  'premature_close',
  'generic_first_reply',
  'cherry_pick',
  'escalation_avoidance',
  'escalation_dumping',
  'sla_clock_pause',
  'rushing',
  'survey_selection',
  'ticket_splitting',
] as const;

export type GamingBehaviour = (typeof GAMING_BEHAVIOURS)[number];

/** What pressure on one KPI drives: behaviour → weight in 0..1 (intensity = pressure × weight). */
export interface IncentiveEntry {
  behaviours: Partial<Record<GamingBehaviour, number>>;
}

/** KPI id → what pressure on it drives. */
export const INCENTIVE_TABLE: Readonly<Record<string, IncentiveEntry>> = {
  first_response_time_mean: { behaviours: { generic_first_reply: 1, cherry_pick: 0.3 } },
  sla_first_response_compliance: { behaviours: { generic_first_reply: 1, sla_clock_pause: 0.3 } },
  sla_resolution_compliance: { behaviours: { sla_clock_pause: 1, premature_close: 0.5 } },
  resolution_time_mean: { behaviours: { premature_close: 1, ticket_splitting: 0.5, rushing: 0.5 } },
  backlog_mean: { behaviours: { premature_close: 0.7, cherry_pick: 0.3 } },
  tickets_per_agent_day: { behaviours: { cherry_pick: 1, rushing: 0.7, ticket_splitting: 0.7, premature_close: 0.5 } },
  handle_time_mean: { behaviours: { rushing: 1, escalation_dumping: 0.7, cherry_pick: 0.3 } },
  escalation_rate: { behaviours: { escalation_avoidance: 1 } },
  fcr_rate: { behaviours: { escalation_avoidance: 0.8, premature_close: 0.3 } },
  csat_mean: { behaviours: { survey_selection: 1 } },
  csat_satisfied_share: { behaviours: { survey_selection: 1 } },
};

/** The KPIs an incentive may target, in table order. */
export const INCENTIVE_KPIS: readonly string[] = Object.keys(INCENTIVE_TABLE);
