/**
 * The incentive table (docs/gaming.md, Incentives): pressure on a KPI turns into the gaming behaviours that
 * move it, each with a weight (how strongly that pressure drives it), alongside legitimate
 * effort. A scenario's `incentives: [{ kpi, pressure }]` may name only the KPIs listed here
 * (the schema checks it, which is why the table lives in the scenario layer);
 * `desksim pressure --all-kpis` takes its rows from here. How the model combines the
 * pressures into intensities is in `model/gaming/incentives.ts`.
 */

/** The nine gaming behaviours (docs/gaming.md). */
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

/**
 * Legitimate effort: what agents under pressure also do that is not gaming (see
 * `effort.ts`). `speed`: work up to 10 % faster, accuracy unchanged. `responsiveness`: take
 * tickets nobody has answered yet before the others. `care`: spend up to 20 % longer and
 * close up to half of the gap to a certain fix. `knowledge`: look the knowledge base up
 * more often (consult → consult + level × (1 − consult)).
 */
export const LEGITIMATE_EFFORTS = ['speed', 'responsiveness', 'care', 'knowledge'] as const;

export type LegitimateEffort = (typeof LEGITIMATE_EFFORTS)[number];

/** What pressure on one KPI drives: behaviour → weight and effort → weight, in 0..1. */
export interface IncentiveEntry {
  behaviours: Partial<Record<GamingBehaviour, number>>;
  effort: Partial<Record<LegitimateEffort, number>>;
}

const TABLE = {
  first_response_time_mean: { behaviours: { generic_first_reply: 1, cherry_pick: 0.3 }, effort: { responsiveness: 1 } },
  sla_first_response_compliance: {
    behaviours: { generic_first_reply: 1, sla_clock_pause: 0.3 },
    effort: { responsiveness: 1 },
  },
  sla_resolution_compliance: { behaviours: { sla_clock_pause: 1, premature_close: 0.5 }, effort: { speed: 0.5 } },
  resolution_time_mean: {
    behaviours: { premature_close: 1, ticket_splitting: 0.5, rushing: 0.5 },
    effort: { speed: 0.5 },
  },
  backlog_mean: { behaviours: { premature_close: 0.7, cherry_pick: 0.3 }, effort: { speed: 0.5 } },
  tickets_per_agent_day: {
    behaviours: { cherry_pick: 1, rushing: 0.7, ticket_splitting: 0.7, premature_close: 0.5 },
    effort: { speed: 1 },
  },
  handle_time_mean: { behaviours: { rushing: 1, escalation_dumping: 0.7, cherry_pick: 0.3 }, effort: { speed: 1 } },
  escalation_rate: { behaviours: { escalation_avoidance: 1 }, effort: { knowledge: 1 } },
  fcr_rate: { behaviours: { escalation_avoidance: 0.8 }, effort: { knowledge: 0.7, care: 0.5 } },
  // None of the nine behaviours lowers reopens: pressure here buys only care.
  reopen_rate: { behaviours: {}, effort: { care: 1 } },
  csat_mean: { behaviours: { survey_selection: 1 }, effort: { care: 0.7, responsiveness: 0.3 } },
  csat_satisfied_share: { behaviours: { survey_selection: 1 }, effort: { care: 0.7, responsiveness: 0.3 } },
  // The effort KPIs (Dixon, Freeman & Toman 2010). CES comes from the same surveys as CSAT,
  // so the same selection flatters it. Fewer replies per ticket: close before the
  // back-and-forth is over, or answer in one quick pass; honestly, get it right first time.
  ces_mean: { behaviours: { survey_selection: 1 }, effort: { care: 0.7, responsiveness: 0.3 } },
  replies_per_ticket: { behaviours: { premature_close: 0.7, rushing: 0.5 }, effort: { knowledge: 0.7, care: 0.3 } },
  // A repeat contact is the customer's doing: none of the nine behaviours hides one.
  repeat_contact_rate: { behaviours: {}, effort: { care: 1, knowledge: 0.5 } },
} satisfies Record<string, IncentiveEntry>;

/**
 * A KPI an incentive may target: a key of the table. Each is a catalog `KpiId`, checked where
 * both are in reach (`experiment/pressure.ts`).
 */
export type IncentiveKpi = keyof typeof TABLE;

/** KPI id → what pressure on it drives. */
export const INCENTIVE_TABLE: Readonly<Record<IncentiveKpi, IncentiveEntry>> = TABLE;

/** The KPIs an incentive may target, in table order. */
export const INCENTIVE_KPIS: readonly string[] = Object.keys(INCENTIVE_TABLE);

/** What pressure on a KPI drives; undefined for a KPI no incentive targets. */
export function incentiveEntry(kpi: string): IncentiveEntry | undefined {
  return Object.hasOwn(TABLE, kpi) ? TABLE[kpi as IncentiveKpi] : undefined;
}

/** One incentive of a scenario. */
export interface Incentive {
  kpi: string;
  pressure: number;
}
