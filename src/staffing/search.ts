/**
 * The cheapest staffing that meets the targets, by simulation.
 *
 * ```
 * analytic start (Erlang per hour, shifts covering the hours)
 *   ──▶ climb: add one agent where it helps most until every target is met
 *   ──▶ descend: the cheapest neighbour (one agent fewer, or one moved) that still meets
 *       them, until none does
 * ```
 *
 * Every candidate is simulated with the scenario's seed, so replication r of every candidate
 * sees the same arrivals and handle-time draws (common random numbers: differences between
 * candidates are the staffing's, not chance's). A target counts as met only when its 95 %
 * interval's worse end meets it; a candidate too close to call gets more replications (the
 * same ones again plus new ones) up to a cap, and at the cap counts as not meeting it. No
 * candidate is simulated twice (a cache by plan).
 */
import { summarizeOutcomes, type ReplicationOutcome, type RunSummary } from '../experiment/run.js';
import { runParts } from '../experiment/batch.js';
import type { ReplicationPool } from '../experiment/pool.js';
import { windowIntervals } from '../engine/local-time.js';
import { buildDesk, type DeskModel } from '../model/build.js';
import type { Scenario } from '../scenario/schema.js';
import type { AnalyticHour, TierAnalysis } from './analytic.js';
import { planAgentHours, planCost, planText, type Plan, type StaffVariable } from './plan.js';
import { judgeAll, type Target, type TargetCheck } from '../experiment/targets.js';

/** One simulated candidate plan. */
export interface Candidate {
  /** 1-based, in the order they were simulated. */
  order: number;
  plan: number[];
  /** The plan in words: "tier1.early=5 tier1.late=4". */
  text: string;
  /** Planned staff cost of the measured window (see plan.ts). */
  cost: number;
  agentHours: number;
  /** Why it was simulated: the analytic start, a step up, a step down, a brute-force point. */
  reason: 'analytic start' | 'climb' | 'descend' | 'sweep';
  replications: number;
  checks: TargetCheck[];
  /** Every target met (its interval's worse end meets it). */
  feasible: boolean;
  summary: RunSummary;
}

/** What the search needs to know. */
export interface SearchOptions {
  scenario: Scenario;
  variables: readonly StaffVariable[];
  /** Planned cost of the staff no variable sets. */
  fixedCost: number;
  targets: readonly Target[];
  /** Replications a candidate starts with (≥ 2, for an interval). */
  replications: number;
  /** Replications a too-close candidate may grow to. */
  maxReplications: number;
  /** Where the search starts (clamped to the bounds); default: the scenario's own values. */
  start?: Plan;
  /** Most candidates simulated before the search stops with what it has. */
  maxCandidates?: number;
  /** Called after each candidate is simulated. */
  onCandidate?: (candidate: Candidate) => void;
  /** The worker pool the candidates run on; without one, this thread. */
  pool?: ReplicationPool;
}

/** The search's answer. */
export interface SearchOutcome {
  /** The cheapest plan found that meets every target, if any. */
  best: Candidate | null;
  candidates: Candidate[];
  /** Why the search stopped, in words. */
  stopped: string;
}

/** Simulates plans with common random numbers, each at most once. */
export class CandidateEvaluator {
  readonly candidates: Candidate[] = [];
  private readonly cache = new Map<string, Candidate>();

  constructor(private readonly options: SearchOptions) {
    if (!(options.replications >= 2))
      throw new RangeError('a candidate needs at least 2 replications for a confidence interval');
    if (options.maxReplications < options.replications)
      throw new RangeError('the replication cap must be at least the starting replications');
  }

  /** The scenario staffed by a plan (a copy; the variables' agent counts set). */
  scenarioOf(plan: Plan): Scenario {
    const scenario = structuredClone(this.options.scenario);
    this.options.variables.forEach((variable, index) => {
      const tier = scenario.tiers.find((candidate) => candidate.id === variable.tier)!;
      if (variable.shift === undefined) tier.agents = plan[index]!;
      else tier.shifts![variable.shift]!.agents = plan[index]!;
    });
    return scenario;
  }

  /** The candidate of a plan if it was simulated. */
  known(plan: Plan): Candidate | undefined {
    return this.cache.get(plan.join(','));
  }

  /** Simulates a plan (or returns it from the cache), adding replications while too close to call. */
  async evaluate(plan: Plan, reason: Candidate['reason']): Promise<Candidate> {
    return (await this.evaluateAll([plan], reason))[0]!;
  }

  /**
   * Simulates several plans at once, every replication of every one queued together on the
   * pool; they join the candidate list in the order given, so the list (and its numbering)
   * is the same for any number of workers.
   */
  async evaluateAll(plans: readonly Plan[], reason: Candidate['reason']): Promise<Candidate[]> {
    const fresh = plans.filter((plan, index) => this.known(plan) === undefined && plans.findIndex((other) => other.join(',') === plan.join(',')) === index);
    const simulated = await Promise.all(fresh.map((plan) => this.simulate(plan)));
    fresh.forEach((plan, index) => this.record(plan, reason, simulated[index]!));
    return plans.map((plan) => this.known(plan)!);
  }

  /** A plan's runs: its starting replications, doubled while a target is too close to call, up to the cap. */
  private async simulate(plan: Plan): Promise<{ replications: number; checks: TargetCheck[]; summary: RunSummary }> {
    const scenario = this.scenarioOf(plan);
    const outcomes: ReplicationOutcome[] = [];
    let replications = this.options.replications;
    for (;;) {
      const more = Array.from({ length: replications - outcomes.length }, (_, index) => outcomes.length + index + 1);
      const [part] = await runParts([{ scenario, replications: more }], { pool: this.options.pool, workers: 1 });
      outcomes.push(...part!.outcomes);
      const summary = summarizeOutcomes(scenario, outcomes);
      const checks = judgeAll(this.options.targets, summary);
      const undecided = checks.some((check) => check.verdict === 'too close to call');
      if (!undecided || replications >= this.options.maxReplications) return { replications, checks, summary };
      replications = Math.min(this.options.maxReplications, replications * 2);
    }
  }

  private record(plan: Plan, reason: Candidate['reason'], simulated: { replications: number; checks: TargetCheck[]; summary: RunSummary }): void {
    const { variables, fixedCost } = this.options;
    const candidate: Candidate = {
      order: this.candidates.length + 1,
      plan: [...plan],
      text: planText(variables, plan),
      cost: planCost(variables, plan, fixedCost),
      agentHours: planAgentHours(variables, plan),
      reason,
      replications: simulated.replications,
      checks: simulated.checks,
      feasible: simulated.checks.every((check) => check.verdict === 'met'),
      summary: simulated.summary,
    };
    this.cache.set(plan.join(','), candidate);
    this.candidates.push(candidate);
    this.options.onCandidate?.(candidate);
  }
}

/** How far a candidate is from meeting its targets: the sum of relative shortfalls of the means. */
export function shortfall(candidate: Candidate): number {
  return candidate.checks.reduce((sum, check) => {
    if (check.verdict === 'met') return sum;
    if (check.mean === null) return sum + 1;
    const gap = check.target.operator === '>=' ? check.target.value - check.mean : check.mean - check.target.value;
    return sum + Math.max(0, gap) / Math.max(Math.abs(check.target.value), 1e-9) + 1e-6;
  }, 0);
}

function clamp(variables: readonly StaffVariable[], plan: Plan): number[] {
  return variables.map((variable, index) =>
    Math.min(variable.max, Math.max(variable.min, Math.round(plan[index] ?? variable.current))),
  );
}

/** Plans one agent away (fewer, or moved from one variable to another), cheaper than `plan`, cheapest first. */
function cheaperNeighbours(variables: readonly StaffVariable[], plan: Plan, fixed: number): number[][] {
  const cost = planCost(variables, plan, fixed);
  const found: number[][] = [];
  variables.forEach((from, i) => {
    if (plan[i]! <= from.min) return;
    const fewer = [...plan];
    fewer[i]!--;
    found.push(fewer);
    variables.forEach((to, j) => {
      if (j === i || plan[j]! >= to.max) return;
      const moved = [...fewer];
      moved[j]!++;
      found.push(moved);
    });
  });
  return found
    .filter((candidate) => planCost(variables, candidate, fixed) < cost - 1e-9)
    .sort(
      (a, b) =>
        planCost(variables, a, fixed) - planCost(variables, b, fixed) ||
        a.join(',').localeCompare(b.join(','), 'en', { numeric: true }),
    );
}

/**
 * The cheapest staffing found that meets every target (see the module comment for the method).
 * Pass an evaluator to share its cache (a brute-force check over the same plans, say).
 */
export async function searchStaffing(options: SearchOptions, evaluator = new CandidateEvaluator(options)): Promise<SearchOutcome> {
  const { variables, fixedCost } = options;
  const limit = options.maxCandidates ?? 200;
  const full = () => evaluator.candidates.length >= limit;
  let current = await evaluator.evaluate(
    clamp(variables, options.start ?? variables.map((variable) => variable.current)),
    'analytic start',
  );

  // Climb: add the agent that meets the targets (cheapest first), else the one that closes most of the gap.
  while (!current.feasible) {
    if (full())
      return {
        best: null,
        candidates: evaluator.candidates,
        stopped: `stopped after ${limit} candidates without meeting the targets`,
      };
    const ups = variables.flatMap((variable, index) => {
      if (current.plan[index]! >= variable.max) return [];
      const plan = [...current.plan];
      plan[index]!++;
      return [plan];
    });
    if (ups.length === 0)
      return {
        best: null,
        candidates: evaluator.candidates,
        stopped: 'no plan within the bounds meets the targets: every variable is at its upper bound',
      };
    // The steps up are independent: simulated together on the pool.
    const evaluated = await evaluator.evaluateAll(ups, 'climb');
    const feasible = evaluated.filter((candidate) => candidate.feasible).sort((a, b) => a.cost - b.cost);
    current =
      feasible[0] ??
      evaluated.reduce((best, candidate) =>
        shortfall(candidate) < shortfall(best) ||
        (shortfall(candidate) === shortfall(best) && candidate.cost < best.cost)
          ? candidate
          : best,
      );
  }

  // Descend: move to the cheapest feasible neighbour until none is cheaper.
  for (;;) {
    let moved = false;
    for (const plan of cheaperNeighbours(variables, current.plan, fixedCost)) {
      if (full())
        return {
          best: current,
          candidates: evaluator.candidates,
          stopped: `stopped after ${limit} candidates; a cheaper plan may exist`,
        };
      const candidate = await evaluator.evaluate(plan, 'descend');
      if (candidate.feasible) {
        current = candidate;
        moved = true;
        break;
      }
    }
    if (!moved) break;
  }
  return {
    best: current,
    candidates: evaluator.candidates,
    stopped: 'no neighbour one agent away (fewer, or moved) is cheaper and meets the targets',
  };
}

/**
 * The analytic start: for each tier, the fewest agents per variable whose shifts cover every
 * hour's Erlang requirement (after shrinkage), greedily — the hour short of most agents gets
 * one more agent on the shift that covers most short hours per unit cost. Hours no variable
 * covers (the desk closed at night, say) are left to the simulation.
 */
export function analyticStart(
  scenario: Scenario,
  variables: readonly StaffVariable[],
  analysis: readonly TierAnalysis[],
): number[] {
  const plan = variables.map((variable) => variable.min);
  const model = buildDesk(scenario);
  for (const { load, hours } of analysis) {
    const own = variables
      .map((variable, index) => ({ variable, index }))
      .filter(({ variable }) => variable.tier === load.tier);
    if (own.length === 0) continue;
    const covers = own.map(({ variable }) => hours.map((entry) => coversHour(model, variable, entry)));
    // Agents of shifts no variable sets stay as rostered.
    const fixed = hours.map(
      (entry, hourIndex) =>
        entry.rostered -
        own.reduce((sum, { variable }, position) => sum + (covers[position]![hourIndex]! ? variable.current : 0), 0),
    );
    const deficit = () =>
      hours.map(
        (entry, hourIndex) =>
          entry.rosteredNeeded -
          fixed[hourIndex]! -
          own.reduce((sum, { index }, position) => sum + (covers[position]![hourIndex]! ? plan[index]! : 0), 0),
      );
    const hopeless = new Set<number>();
    for (let step = 0; step < 100_000; step++) {
      const short = deficit();
      let worst = -1;
      short.forEach((value, hourIndex) => {
        if (value > 0 && !hopeless.has(hourIndex) && (worst < 0 || value > short[worst]!)) worst = hourIndex;
      });
      if (worst < 0) break;
      const choices = own
        .map((entry, position) => ({ ...entry, position }))
        .filter(({ variable, index, position }) => covers[position]![worst]! && plan[index]! < variable.max);
      if (choices.length === 0) {
        hopeless.add(worst);
        continue;
      }
      const value = ({ variable, position }: (typeof choices)[number]) =>
        short.filter((gap, hourIndex) => gap > 0 && covers[position]![hourIndex]!).length /
        Math.max(variable.costPerAgent, variable.hoursPerAgent * 1e-6);
      const pick = choices.reduce((best, choice) => (value(choice) > value(best) ? choice : best));
      plan[pick.index]!++;
    }
  }
  return plan;
}

/** Whether an agent of a variable is on duty in the middle of an analysed hour. */
function coversHour(model: DeskModel, variable: StaffVariable, entry: AnalyticHour): boolean {
  if (variable.shift === undefined) return true;
  const shift = model.scenario.tiers.find((candidate) => candidate.id === variable.tier)!.shifts![variable.shift]!;
  const middle = entry.start + 30;
  return windowIntervals(model.time, [shift], middle, middle + 1).length > 0;
}
