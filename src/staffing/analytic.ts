/**
 * The analytic staffing of a scenario: for every hour of the measured window, each tier's
 * offered load (arrival rate × mean handle time) and the agents Erlang C — or Erlang A when
 * customers abandon — says it needs for the targets that have a queueing meaning, grossed up
 * for shrinkage; beside it, the agents the scenario rosters.
 *
 * What the formulas see: Poisson arrivals at the hour's rate, a steady state within the
 * hour, exponential handle times with the tier's mean, one queue per tier, identical agents.
 * What they do not: escalations' timing, returns and reopenings, customers' replies, shift
 * edges, fatigue and new hires, gaming — the simulation checks those (docs/staffing.md).
 */
import { createSampler } from '../engine/distributions.js';
import { parseKpiKey } from '../metrics/kpi-key.js';
import type { DeskModel } from '../model/build.js';
import type { Distribution } from '../scenario/schema.js';
import { minimalAgents, type QueueLoad, type QueueTargets } from './erlang.js';
import type { Target } from '../experiment/targets.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** A tier's load as the formulas see it. */
export interface TierLoad {
  tier: string;
  /** Share of the desk's arrivals that reach this tier (escalations along the chain). */
  reachShare: number;
  /** Mean handle time at this tier, minutes (complexity mix reaching it ÷ its speed). */
  handleMinutes: number;
  /** Mean patience, minutes, of customers who abandon at the entry tier; absent: Erlang C. */
  patienceMinutes?: number;
}

/** The queueing targets of one tier, and the targets no formula can answer. */
export interface AnalyticTargets {
  byTier: Map<string, QueueTargets>;
  /** Targets left to the simulation (SLA compliance, resolution times, costs…). */
  simulationOnly: Target[];
}

/** One hour of the measured window for one tier. */
export interface AnalyticHour {
  tier: string;
  /** Simulation minute at which the hour starts. */
  start: number;
  /** Local weekday 0 = Monday … 6 = Sunday, and hour of day 0..23. */
  weekday: number;
  hour: number;
  arrivalsPerHour: number;
  offeredLoad: number;
  /** Agents the formulas need on the queue (before shrinkage); 0 with no arrivals. */
  required: number;
  /** `required` grossed up for shrinkage: ⌈required / (1 − shrinkage)⌉ rostered agents. */
  rosteredNeeded: number;
  /** Agents the scenario rosters in this hour (on shift at its middle). */
  rostered: number;
}

/** A tier's per-hour analysis. */
export interface TierAnalysis {
  load: TierLoad;
  targets: QueueTargets;
  hours: AnalyticHour[];
}

/** The mean of a scenario distribution, minutes. */
function meanOf(distribution: Distribution): number {
  return createSampler(distribution).mean;
}

/** Each tier's load along the escalation chain: the entry tier gets every ticket. */
export function tierLoads(model: DeskModel): TierLoad[] {
  const scenario = model.scenario;
  const complexityIds = model.complexities.map((complexity) => complexity.id);
  // Share of arrivals of each complexity (categories' shares × their complexity mixes).
  let mix = new Float64Array(complexityIds.length);
  for (const category of Object.values(scenario.categories)) {
    const within = typeof category.complexity === 'string' ? { [category.complexity]: 1 } : category.complexity;
    for (const [id, share] of Object.entries(within)) mix[complexityIds.indexOf(id)]! += category.share * share;
  }
  // Erlang A has one abandonment rate: the share-weighted rate of the channels (0 for those who never leave).
  const abandonmentRate = Object.values(scenario.channels).reduce(
    (sum, channel) => sum + (channel.patience === null ? 0 : channel.share / meanOf(channel.patience)),
    0,
  );
  const loads: TierLoad[] = [];
  model.chain.forEach((tierIndex, position) => {
    const tier = model.tiers[tierIndex]!;
    const reach = mix.reduce((sum, share) => sum + share, 0);
    const work = mix.reduce(
      (sum, share, complexity) => sum + share * model.complexities[complexity]!.handleTime.mean,
      0,
    );
    const load: TierLoad = {
      tier: tier.id,
      reachShare: reach,
      handleMinutes: reach > 0 ? work / reach / tier.speed : model.complexities[0]!.handleTime.mean / tier.speed,
    };
    if (position === 0 && abandonmentRate > 0) load.patienceMinutes = 1 / abandonmentRate;
    loads.push(load);
    const last = tier.escalatesTo < 0;
    mix = mix.map((share, complexity) => (last ? 0 : share * (1 - tier.skill[complexity]!)));
  });
  return loads;
}

/**
 * Splits targets into each tier's queueing targets and the rest. Desk-wide queue KPIs are
 * read at the entry tier (where every ticket queues first); per-tier ones at their tier.
 */
export function analyticTargets(targets: readonly Target[], model: DeskModel): AnalyticTargets {
  const entry = model.tiers[model.chain[0]!]!.id;
  const byTier = new Map<string, QueueTargets>();
  const simulationOnly: Target[] = [];
  for (const target of targets) {
    const key = parseKpiKey(target.kpi);
    const tier = key.tier ?? entry;
    const kpi = key.kpi;
    const own = byTier.get(tier) ?? {};
    const lower = target.operator === '<=';
    if (kpi === 'service_level' && !lower) own.serviceLevel = Math.max(own.serviceLevel ?? 0, target.value);
    else if (kpi === 'waited_share' && lower)
      own.maxProbabilityWait = Math.min(own.maxProbabilityWait ?? 1, target.value);
    else if (kpi === 'queue_wait_mean' && lower) own.maxMeanWait = Math.min(own.maxMeanWait ?? Infinity, target.value);
    else if (kpi === 'abandonment_rate' && lower && tier === entry)
      own.maxProbabilityAbandon = Math.min(own.maxProbabilityAbandon ?? 1, target.value);
    else {
      simulationOnly.push(target);
      continue;
    }
    byTier.set(tier, own);
  }
  return { byTier, simulationOnly };
}

/** Agents on duty at minute `t` in a tier. */
function onDutyAt(model: DeskModel, tierIndex: number, t: number): number {
  let count = 0;
  for (const agent of model.tiers[tierIndex]!.agents) {
    if (agent.onDuty.some(([start, end]) => t >= start && t < end)) count++;
  }
  return count;
}

/**
 * Every hour of the measured window, every tier on the escalation chain: load, agents
 * needed (for the tier's queueing targets; none ⇒ just enough for a stable queue) and agents
 * rostered. Hours with the same rate reuse one answer, so a long horizon costs little.
 */
export function analyzeHours(model: DeskModel, targets: AnalyticTargets, shrinkage: number): TierAnalysis[] {
  if (!(shrinkage >= 0 && shrinkage < 1)) throw new RangeError(`shrinkage must be a share in [0, 1), got ${shrinkage}`);
  const threshold = model.scenario.metrics.service_level_threshold;
  return tierLoads(model).map((load) => {
    const tierIndex = model.tiers.findIndex((tier) => tier.id === load.tier);
    const queueTargets = targets.byTier.get(load.tier) ?? {};
    const memo = new Map<number, number>();
    const hours: AnalyticHour[] = [];
    for (let start = model.measureFrom; start + 60 <= model.horizon; start += 60) {
      const middle = start + 30;
      let rate = 0;
      for (let minute = 0; minute < 60; minute += 5) rate += model.arrivalRate.rateAt(start + minute + 2.5) / 12;
      const arrivalsPerHour = rate * 60 * load.reachShare;
      const offeredLoad = (arrivalsPerHour / 60) * load.handleMinutes;
      const key = Math.round(arrivalsPerHour * 1e9);
      let required = memo.get(key);
      if (required === undefined) {
        const queue: QueueLoad = { arrivalsPerHour, handleMinutes: load.handleMinutes, thresholdMinutes: threshold };
        if (load.patienceMinutes !== undefined) queue.patienceMinutes = load.patienceMinutes;
        required =
          arrivalsPerHour === 0
            ? 0
            : Object.keys(queueTargets).length === 0
              ? Math.floor(offeredLoad) + 1
              : minimalAgents(queue, queueTargets).agents;
        memo.set(key, required);
      }
      hours.push({
        tier: load.tier,
        start,
        weekday: model.time.dayOfWeek(middle),
        hour: Math.floor(model.time.minuteOfDay(middle) / 60),
        arrivalsPerHour,
        offeredLoad,
        required,
        rosteredNeeded: Math.ceil(required / (1 - shrinkage) - 1e-9),
        rostered: onDutyAt(model, tierIndex, middle),
      });
    }
    return { load, targets: queueTargets, hours };
  });
}

/** One cell of the hour × weekday grid over the weeks of the measured window. */
export interface WeekCell {
  tier: string;
  weekday: string;
  hour: number;
  /** Mean over the weeks. */
  arrivalsPerHour: number;
  /** The most any week needs (surges included). */
  rosteredNeeded: number;
  /** The fewest any week rosters. */
  rostered: number;
  /** rostered − needed: negative where the roster is short. */
  gap: number;
}

/** The hours folded onto one week: for each weekday × hour, the worst week's need and roster. */
export function weekGrid(analysis: readonly TierAnalysis[]): WeekCell[] {
  return analysis.flatMap(({ load, hours }) => {
    const cells: WeekCell[] = [];
    for (let weekday = 0; weekday < 7; weekday++) {
      for (let hour = 0; hour < 24; hour++) {
        const same = hours.filter((entry) => entry.weekday === weekday && entry.hour === hour);
        if (same.length === 0) continue;
        const mean = (pick: (entry: AnalyticHour) => number) =>
          same.reduce((sum, entry) => sum + pick(entry), 0) / same.length;
        const rosteredNeeded = Math.max(...same.map((entry) => entry.rosteredNeeded));
        const rostered = Math.min(...same.map((entry) => entry.rostered));
        cells.push({
          tier: load.tier,
          weekday: WEEKDAYS[weekday]!,
          hour,
          arrivalsPerHour: mean((entry) => entry.arrivalsPerHour),
          rosteredNeeded,
          rostered,
          gap: rostered - rosteredNeeded,
        });
      }
    }
    return cells;
  });
}
