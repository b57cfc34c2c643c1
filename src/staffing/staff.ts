/**
 * `desksim staff`: the analytic per-hour requirement, the simulation search from it, and the
 * result as `staffing.json`, `candidates.csv` and a staffed scenario.
 *
 * ```
 * Scenario + variables + targets
 *   ──analyzeHours──▶ Erlang requirement per hour × tier (with shrinkage)
 *   ──analyticStart──▶ a plan covering those hours
 *   ──searchStaffing (simulation, common random numbers)──▶ cheapest plan meeting the targets
 *   ──staffResult──▶ StaffResult (staffing.json) ──candidatesCsv──▶ candidates.csv
 * ```
 */
import { buildDesk } from '../model/build.js';
import type { RunSummary } from '../experiment/run.js';
import type { Scenario } from '../scenario/schema.js';
import { VERSION } from '../version.js';
import { analyticTargets, analyzeHours, weekGrid, type TierLoad, type WeekCell } from './analytic.js';
import type { QueueTargets } from './erlang.js';
import { fixedStaffCost, type StaffVariable } from './plan.js';
import { analyticStart, CandidateEvaluator, searchStaffing, type Candidate } from './search.js';
import { ReplicationPool } from '../experiment/pool.js';
import type { Target, TargetCheck } from '../experiment/targets.js';
import { targetText } from '../report/format.js';

/** What `desksim staff` was asked. */
export interface StaffRequest {
  scenario: Scenario;
  variables: StaffVariable[];
  targets: Target[];
  /** Share of rostered time agents are not on the queue (absence, breaks): the analytic gross-up. */
  shrinkage: number;
  replications: number;
  maxReplications: number;
  maxCandidates?: number;
  /** Only the analytic requirement: no simulation. */
  analyticOnly?: boolean;
  onCandidate?: (candidate: Candidate) => void;
  /** Worker threads for the candidates' replications (one pool for the whole search); default 1. */
  workers?: number;
}

/** A candidate as written to staffing.json: its plan, cost and verdicts (summaries only for the best). */
export type CandidateRecord = Omit<Candidate, 'summary'>;

/** The machine-readable result of `desksim staff` (`staffing.json`). */
export interface StaffResult {
  scenario: string;
  version: string;
  seed: number;
  /** Measured window, days (the objective's period). */
  measuredDays: number;
  targets: string[];
  variables: Array<Omit<StaffVariable, 'path'> & { path: string }>;
  /** Planned staff cost of agents no variable sets. */
  fixedCost: number;
  /** The objective's unit: staff cost at tier rates, or agent-hours when every rate is 0. */
  objective: 'staff cost' | 'agent-hours';
  analytic: {
    shrinkage: number;
    loads: TierLoad[];
    /** Each tier's targets the formulas answered. */
    targets: Record<string, QueueTargets>;
    /** Targets only the simulation can check. */
    simulationOnly: string[];
    /** Hour × weekday: agents needed (after shrinkage) and rostered by the scenario. */
    week: WeekCell[];
    /** The same with the chosen plan's roster (after a search that found one). */
    weekPlan?: WeekCell[];
    /** The plan the formulas suggest, per variable. */
    start: number[];
  };
  /** Absent with --analytic. */
  search?: {
    replications: number;
    maxReplications: number;
    stopped: string;
    best: (CandidateRecord & { summary: RunSummary }) | null;
    candidates: CandidateRecord[];
  };
  /**
   * With forecast error (`arrivals.busyness_cv`): the same search with a perfect forecast
   * (no busyness), and what the uncertainty costs.
   */
  forecastError?: {
    cv: number;
    /** The cheapest plan meeting the targets with a perfect forecast, if any. */
    perfectPlan: string | null;
    perfectCost: number | null;
    /** Cost of the plan under forecast error minus the perfect forecast's; null if either found none. */
    extraCost: number | null;
  };
  /** Where the formulas and the simulation disagree, and why, in words. */
  notes: string[];
}

/** Runs the analysis and, unless analytic only, the search. */
export async function runStaff(request: StaffRequest): Promise<StaffResult> {
  const { scenario, variables, targets } = request;
  const model = buildDesk(scenario);
  const split = analyticTargets(targets, model);
  const analysis = analyzeHours(model, split, request.shrinkage);
  const start = analyticStart(scenario, variables, analysis);
  const fixedCost = fixedStaffCost(scenario, variables);
  const result: StaffResult = {
    scenario: scenario.name,
    version: VERSION,
    seed: scenario.seed,
    measuredDays: scenario.horizon.days - scenario.horizon.warmup_days,
    targets: targets.map(targetText),
    variables: variables.map((variable) => ({ ...variable })),
    fixedCost,
    objective: scenario.tiers.every((tier) => tier.cost_per_hour === 0) ? 'agent-hours' : 'staff cost',
    analytic: {
      shrinkage: request.shrinkage,
      loads: analysis.map((tier) => tier.load),
      targets: Object.fromEntries(split.byTier),
      simulationOnly: split.simulationOnly.map(targetText),
      week: weekGrid(analysis),
      start,
    },
    notes: [],
  };
  if (!request.analyticOnly) {
    const pool = ReplicationPool.open(request.workers ?? 1);
    try {
      await searchOnPool(request, result, { scenario, variables, fixedCost, targets, start, pool }, split);
    } finally {
      await pool.close();
    }
  }
  result.notes = disagreements(result, scenario);
  return result;
}

/** The simulation search (and, with forecast error, the same search with a perfect forecast), into `result`. */
async function searchOnPool(
  request: StaffRequest,
  result: StaffResult,
  found: {
    scenario: Scenario;
    variables: StaffRequest['variables'];
    fixedCost: number;
    targets: StaffRequest['targets'];
    start: number[];
    pool: ReplicationPool;
  },
  split: ReturnType<typeof analyticTargets>,
): Promise<void> {
  const { scenario, variables, fixedCost, targets, start, pool } = found;
  {
    const search = {
      scenario,
      variables,
      fixedCost,
      targets,
      replications: request.replications,
      maxReplications: request.maxReplications,
      start,
      maxCandidates: request.maxCandidates,
      pool,
    };
    const outcome = await searchStaffing({ ...search, onCandidate: request.onCandidate });
    const record = ({ summary: _summary, ...rest }: Candidate): CandidateRecord => rest;
    const cv = scenario.arrivals.busyness_cv ?? 0;
    if (cv > 0) {
      // The same search without the day-to-day error (its stream is separate, so every other draw is the same).
      const perfect = structuredClone(scenario);
      delete perfect.arrivals.busyness_cv;
      const without = await searchStaffing({ ...search, scenario: perfect });
      result.forecastError = {
        cv,
        perfectPlan: without.best?.text ?? null,
        perfectCost: without.best?.cost ?? null,
        extraCost: without.best === null || outcome.best === null ? null : outcome.best.cost - without.best.cost,
      };
    }
    result.search = {
      replications: request.replications,
      maxReplications: request.maxReplications,
      stopped: outcome.stopped,
      best: outcome.best === null ? null : { ...record(outcome.best), summary: outcome.best.summary },
      candidates: outcome.candidates.map(record),
    };
    if (outcome.best !== null) {
      // The chosen plan's roster hour by hour, beside the same requirement.
      const staffed = new CandidateEvaluator({
        scenario,
        variables,
        fixedCost,
        targets,
        replications: request.replications,
        maxReplications: request.maxReplications,
      }).scenarioOf(outcome.best.plan);
      result.analytic.weekPlan = weekGrid(analyzeHours(buildDesk(staffed), split, request.shrinkage));
    }
  }
}

/** Where the formulas' plan and the simulation's differ, and what the formulas leave out. */
function disagreements(result: StaffResult, scenario: Scenario): string[] {
  const notes: string[] = [];
  const best = result.search?.best;
  if (best !== undefined && best !== null) {
    result.variables.forEach((variable, index) => {
      const analytic = result.analytic.start[index]!;
      const simulated = best.plan[index]!;
      if (analytic !== simulated) {
        notes.push(
          `${variable.name}: the formulas suggest ${analytic} agent(s), the simulation needs ${simulated} — ` +
            `${simulated > analytic ? 'more' : 'fewer'} than Erlang says.`,
        );
      } else {
        notes.push(`${variable.name}: the formulas and the simulation agree on ${simulated} agent(s).`);
      }
    });
  }
  if (result.analytic.simulationOnly.length > 0)
    notes.push(
      `No formula answers ${result.analytic.simulationOnly.join(', ')}: the analytic start ignores ` +
        `${result.analytic.simulationOnly.length === 1 ? 'this target' : 'these targets'}; ` +
        'only the simulation checks ' +
        `${result.analytic.simulationOnly.length === 1 ? 'it' : 'them'}.`,
    );
  const why: string[] = [];
  if (scenario.tiers.some((tier) => tier.escalates_to !== null))
    why.push('escalated tickets queue again at the next tier, after a first session');
  const fallible = scenario.tiers.some((tier) =>
    typeof tier.accuracy === 'number' ? tier.accuracy < 1 : Object.values(tier.accuracy).some((value) => value < 1),
  );
  if (scenario.customers.return_when_not_fixed > 0 && fallible)
    why.push('customers whose problem was not fixed come back');
  if (Object.values(scenario.complexity).some((level) => level.handle_time.dist !== 'exponential'))
    why.push('handle times are not exponential');
  if (
    Object.values(scenario.channels).some(
      (channel) => channel.patience !== null && channel.patience.dist !== 'exponential',
    )
  )
    why.push('patience is not exponential (Erlang A assumes it is)');
  if (scenario.tiers.some((tier) => tier.shifts !== undefined))
    why.push(
      'a queue left at a shift’s end or overnight carries into the next hours, where Erlang assumes each hour is in ' +
        'a steady state',
    );
  if (scenario.agents.absence.share > 0)
    why.push(
      `absence comes in episodes (the formulas only gross up by ${(result.analytic.shrinkage * 100).toFixed(0)} % ` +
        `shrinkage)`,
    );
  if (scenario.agents.fatigue.slowdown > 0) why.push('fatigued agents slow down');
  if (scenario.agents.attrition.per_year > 0)
    why.push('agents leave and their replacements start slower, after a hiring delay');
  if ((scenario.arrivals.busyness_cv ?? 0) > 0)
    why.push(`days run busier or quieter than the forecast (cv ${scenario.arrivals.busyness_cv})`);
  const blending = scenario.tiers.filter((tier) => tier.blend !== undefined);
  if (blending.length > 0)
    why.push(
      `${blending.map((tier) => `${tier.id} takes ${tier.blend!.from}'s tickets when idle`).join(', ')} ` +
        '(blending: the formulas staff each tier for its own queue alone, so they ask for more agents than a ' +
        'blended desk needs)',
    );
  if (scenario.routing.discipline === 'priority')
    why.push('priority routing reorders the queue (the mean wait is the same, its spread is not)');
  if (why.length > 0) notes.push(`What the formulas do not see and the simulation does: ${why.join('; ')}.`);
  const planShort = result.analytic.weekPlan?.filter((cell) => cell.gap < 0) ?? [];
  if (result.analytic.weekPlan !== undefined && planShort.length > 0) {
    notes.push(
      `The chosen plan rosters fewer agents than the formulas ask for in ${planShort.length} hour × weekday cell(s): ` +
        'there the simulation finds the targets met over the whole window all the same (queues carry over, or the ' +
        'targets are desk-wide averages).',
    );
  }
  const short = result.analytic.week.filter((cell) => cell.gap < 0);
  if (short.length > 0) {
    const tiers = [...new Set(short.map((cell) => cell.tier))];
    notes.push(
      `The scenario's own roster is short of the formulas' requirement in ${short.length} hour × weekday cell(s) ` +
        `(${tiers.join(', ')}); see the heat map.`,
    );
  }
  return notes;
}

/** `candidates.csv`: one row per simulated candidate, its plan, cost, replications and each target's verdict. */
export function candidatesCsv(result: StaffResult): {
  header: string[];
  rows: Array<Array<string | number | boolean | null>>;
} {
  const targets = result.targets;
  const header = [
    'order',
    'reason',
    ...result.variables.map((variable) => variable.name),
    'cost',
    'agent_hours',
    'replications',
    'feasible',
    ...targets.flatMap((_, index) => [
      `target${index + 1}_mean`,
      `target${index + 1}_ci95_low`,
      `target${index + 1}_ci95_high`,
      `target${index + 1}_verdict`,
    ]),
  ];
  const rows = (result.search?.candidates ?? []).map((candidate) => [
    candidate.order,
    candidate.reason,
    ...candidate.plan,
    Number(candidate.cost.toFixed(2)),
    Number(candidate.agentHours.toFixed(2)),
    candidate.replications,
    candidate.feasible,
    ...candidate.checks.flatMap((check: TargetCheck) => [
      check.mean,
      check.ci95?.[0] ?? null,
      check.ci95?.[1] ?? null,
      check.verdict,
    ]),
  ]);
  return { header, rows };
}
