/**
 * The incentive table (docs/gaming.md, Incentives): pressure on a KPI turns into the gaming
 * behaviours that move it, each with a weight (how strongly that pressure drives it, declared
 * in the behaviour's own file, `src/gaming/`), alongside legitimate effort (declared here). A
 * scenario's `incentives: [{ kpi, pressure }]` may name only the KPIs of the table (the schema
 * checks it, which is why the table is assembled in the scenario layer); `desksim pressure
 * --all-kpis` takes its rows from here. How the model combines the pressures into
 * intensities is in `model/gaming/incentives.ts`.
 */

import { BEHAVIOUR_REGISTRY, type GamingBehaviour } from '../gaming/registry.js';
import type { KpiId } from '../metrics/catalog.js';

/** The gaming behaviours (docs/gaming.md), in registry order. */
export const GAMING_BEHAVIOURS: readonly GamingBehaviour[] = BEHAVIOUR_REGISTRY.map((definition) => definition.id);

export type { GamingBehaviour };

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

/**
 * The incentive table's rows and the legitimate effort pressure on each KPI buys. Which
 * behaviours each KPI's pressure drives is declared by the behaviours (`pressures`, in
 * `src/gaming/`); a KPI a behaviour names that is not here becomes a row after these.
 */
const EFFORT_BY_KPI = {
  first_response_time_mean: { responsiveness: 1 },
  sla_first_response_compliance: { responsiveness: 1 },
  sla_resolution_compliance: { speed: 0.5 },
  resolution_time_mean: { speed: 0.5 },
  backlog_mean: { speed: 0.5 },
  tickets_per_agent_day: { speed: 1 },
  handle_time_mean: { speed: 1 },
  escalation_rate: { knowledge: 1 },
  fcr_rate: { knowledge: 0.7, care: 0.5 },
  // No behaviour lowers reopens: pressure here buys only care.
  reopen_rate: { care: 1 },
  csat_mean: { care: 0.7, responsiveness: 0.3 },
  csat_satisfied_share: { care: 0.7, responsiveness: 0.3 },
  // The effort KPIs (Dixon, Freeman & Toman 2010). CES comes from the same surveys as CSAT,
  // so the same selection flatters it. Fewer replies per ticket: close before the
  // back-and-forth is over, or answer in one quick pass; honestly, get it right first time.
  ces_mean: { care: 0.7, responsiveness: 0.3 },
  replies_per_ticket: { knowledge: 0.7, care: 0.3 },
  // A repeat contact is the customer's doing: no behaviour hides one.
  repeat_contact_rate: { care: 1, knowledge: 0.5 },
} satisfies Partial<Record<KpiId, IncentiveEntry['effort']>>;

/** A KPI an incentive may target (a key of the incentive table): a catalog `KpiId`. */
export type IncentiveKpi = KpiId;

function assembleTable(): Readonly<Partial<Record<IncentiveKpi, IncentiveEntry>>> {
  const kpis = new Set<IncentiveKpi>(Object.keys(EFFORT_BY_KPI) as IncentiveKpi[]);
  for (const definition of BEHAVIOUR_REGISTRY) {
    for (const kpi of Object.keys(definition.pressures) as IncentiveKpi[]) kpis.add(kpi);
  }
  const table: Partial<Record<IncentiveKpi, IncentiveEntry>> = {};
  for (const kpi of kpis) {
    const behaviours: IncentiveEntry['behaviours'] = {};
    for (const definition of BEHAVIOUR_REGISTRY) {
      const weight: number | undefined = (definition.pressures as Partial<Record<IncentiveKpi, number>>)[kpi];
      if (weight !== undefined) behaviours[definition.id] = weight;
    }
    const effort = (EFFORT_BY_KPI as Partial<Record<IncentiveKpi, IncentiveEntry['effort']>>)[kpi] ?? {};
    table[kpi] = { behaviours, effort };
  }
  return table;
}

/** KPI id → what pressure on it drives: the effort rows above, with the behaviours' `pressures`. */
export const INCENTIVE_TABLE = assembleTable();

/** The KPIs an incentive may target, in table order. */
export const INCENTIVE_KPIS: readonly string[] = Object.keys(INCENTIVE_TABLE);

/** What pressure on a KPI drives; undefined for a KPI no incentive targets. */
export function incentiveEntry(kpi: string): IncentiveEntry | undefined {
  return Object.hasOwn(INCENTIVE_TABLE, kpi) ? INCENTIVE_TABLE[kpi as IncentiveKpi] : undefined;
}

/** One incentive of a scenario. */
export interface Incentive {
  kpi: string;
  pressure: number;
}
