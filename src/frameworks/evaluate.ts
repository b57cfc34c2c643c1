/**
 * Judging measurement frameworks on a simulated desk that knows the truth.
 *
 * ```
 * LoadedStudy ──plan: every run the measures need, each once (same seed: common random numbers)
 *   designed desks × each framework's definitions (and × each changed definition)
 *   base desk: under no pressure, under pressure on each framework's KPIs, under each behaviour
 *   that pressure induces alone, with each real change
 * ──runs (worker pool, progress; or shards of an array job, merged)──▶ KPI values per replication
 * ──measure──▶ per framework: validity, gameability, sensitivity, definitions (FrameworkStudyResult)
 * ```
 *
 * The plan is laid out twice alike: by `studyRuns` (which builds each run's scenario) and by
 * `measureStudy` (which only needs each run's place), so a merge of shards measures from the
 * study's plain facts and values without the scenario files.
 *
 * Every score is put on the scale of the designed desks: a framework's score (and the truth
 * score) minus its mean over the desks, divided by its sd over the desks. So a change of 1
 * is as large as the spread between designed desks, for every framework and rule alike.
 */
import { runParts, type RunPart } from '../experiment/batch.js';
import { summarize } from '../experiment/statistics.js';
import { effectiveIntensities } from '../model/gaming/incentives.js';
import { GAMING_BEHAVIOURS, type GamingBehaviour, type Incentive, INCENTIVE_TABLE } from '../scenario/incentives.js';
import type { Scenario } from '../scenario/schema.js';
import { VERSION } from '../version.js';
import { deskOverrides } from './design.js';
import {
  definitionOverrides,
  type Definitions,
  frameworkRule,
  type KpiScale,
  kpiScales,
  score,
  scoredKpis,
  type ScoringRule,
} from './framework.js';
import type {
  Change,
  FrameworkResult,
  FrameworkStudyResult,
  SensitivityChange,
  StudyRunOptions,
  Values,
} from './results.js';
import { bootstrapPaired, spearman } from './statistics.js';
import type { LoadedStudy } from './study.js';
export type {
  Change,
  DefinitionShift,
  DeskResult,
  FrameworkResult,
  FrameworkStudyResult,
  Gameability,
  InducedBehaviour,
  Sensitivity,
  SensitivityChange,
  StudyRunOptions,
  Validity,
} from './results.js';

/**
 * The runs a study needs, each once, in the order they were first asked for: a key (its
 * overrides) → its place. Planning with `scenarioFor` builds each run's scenario; planning
 * without it (a merge of shards, which has the runs' values already) only numbers the keys.
 */
class RunPlan {
  private readonly places = new Map<string, number>();
  readonly scenarios: Scenario[] = [];
  private values: Values[][] = [];
  constructor(private readonly scenarioFor?: (overrides: readonly string[]) => Scenario) {}

  /** Adds a run and returns its key. */
  add(overrides: readonly string[]): string {
    const key = JSON.stringify(overrides);
    if (!this.places.has(key)) {
      this.places.set(key, this.places.size);
      if (this.scenarioFor !== undefined) this.scenarios.push(this.scenarioFor(overrides));
    }
    return key;
  }

  /** Gives every run its KPI values per replication, in the order of the plan. */
  fill(values: Values[][]): void {
    if (values.length !== this.places.size)
      throw new Error(`a study of ${this.places.size} runs was given the values of ${values.length}`);
    this.values = values;
  }

  of(key: string): Values[] {
    return this.values[this.places.get(key)!]!;
  }
}

const NO_PRESSURE = 'incentives=[]';

/** The incentives that pressure on a framework puts on its KPIs: the heaviest at `level`, the others in proportion. */
export function frameworkIncentives(rule: ScoringRule, level: number): Incentive[] {
  const heaviest = Math.max(...rule.kpis.map((kpi) => kpi.weight));
  return rule.kpis
    .filter((kpi) => kpi.kpi in INCENTIVE_TABLE)
    .map((kpi) => ({ kpi: kpi.kpi, pressure: Math.round((level * kpi.weight * 1e6) / heaviest) / 1e6 }));
}

/**
 * `metrics.<option>=<value>` overrides as definitions (the study's schema checked their form; the scenario's, their
 * values).
 */
function parseDefinitions(overrides: readonly string[]): Definitions {
  const definitions: Record<string, unknown> = {};
  for (const override of overrides) {
    const at = override.indexOf('=');
    const text = override.slice(at + 1);
    let value: unknown = text;
    try {
      value = JSON.parse(text);
    } catch {
      // A bare word (business) is YAML's string, as --set reads it.
    }
    definitions[override.slice('metrics.'.length, at)] = value;
  }
  return definitions as Definitions;
}

/** Means over replications of a run's per-replication scores. */
function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** A score put on the desks' scale: (score − mean over desks) / sd over desks. */
interface ScoreScale {
  rule: ScoringRule;
  kpis: Record<string, KpiScale>;
  center: number;
  spread: number;
}

function scaleFor(rule: ScoringRule, desks: ReadonlyArray<readonly Values[]>): ScoreScale {
  const deskMeans = desks.map((replications) => {
    const means: Values = {};
    for (const { kpi } of rule.kpis) {
      const present = replications
        .map((values) => values[kpi])
        .filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
      means[kpi] = present.length === 0 ? null : mean(present);
    }
    return means;
  });
  const kpis = kpiScales(rule.kpis, deskMeans);
  const raw = desks.map((replications) => mean(replications.map((values) => score(rule, values, kpis))));
  const center = mean(raw);
  const spread = Math.sqrt(raw.reduce((sum, value) => sum + (value - center) ** 2, 0) / Math.max(1, raw.length - 1));
  return { rule, kpis, center, spread };
}

/** Each replication's score on the desks' scale. */
function scaled(scale: ScoreScale, replications: readonly Values[]): number[] {
  return replications.map((values) =>
    scale.spread === 0 ? 0 : (score(scale.rule, values, scale.kpis) - scale.center) / scale.spread,
  );
}

/** Each replication's change of the score from `reference` to `other` (paired: the same replication numbers). */
function pairedChanges(scale: ScoreScale, reference: readonly Values[], other: readonly Values[]): number[] {
  const before = scaled(scale, reference);
  return scaled(scale, other).map((value, index) => value - before[index]!);
}

/** A mean with its Student-t interval. */
function estimate(values: readonly number[]): Change {
  const summary = summarize(values, 'sd');
  return { mean: summary.mean, ci95: summary.ci95 };
}

/** The paired change from `reference` to `other`. */
function change(scale: ScoreScale, reference: readonly Values[], other: readonly Values[]): Change {
  return estimate(pairedChanges(scale, reference, other));
}

function excludesZero(change: Change): boolean {
  return change.ci95 !== null && (change.ci95[0] > 0 || change.ci95[1] < 0);
}

/** What measuring a study needs besides its runs' values: plain data, kept in shards for `desksim merge`. */
export type StudyFacts = Pick<LoadedStudy, 'study' | 'frameworks' | 'desks' | 'base'>;

/** Adds every run the measures need to `plan`; returns where each measure finds its runs. */
function layOut(facts: StudyFacts, plan: RunPlan) {
  const { study } = facts;
  const deskSets = (extra: readonly string[]) =>
    facts.desks.map((desk) => plan.add([...deskOverrides(desk.parameters), ...extra]));
  const truthDesks = deskSets([]);
  const gameReplications = `replications=${study.gameability.replications ?? study.replications}`;
  const sensitivityReplications = study.sensitivity.replications ?? study.replications;

  const plans = facts.frameworks.map(({ framework }) => {
    const rule = frameworkRule(framework);
    const own = definitionOverrides(framework.metrics);
    const incentives = frameworkIncentives(rule, study.gameability.pressure);
    const explicit = Object.fromEntries(
      GAMING_BEHAVIOURS.map((behaviour) => [behaviour, facts.base.gaming[behaviour].intensity]),
    ) as Record<GamingBehaviour, number>;
    const induced = effectiveIntensities(explicit, incentives);
    const behaviours = GAMING_BEHAVIOURS.filter((behaviour) => induced[behaviour] > explicit[behaviour]);
    const sensitivity = [`replications=${sensitivityReplications}`, NO_PRESSURE, ...own];
    return {
      rule,
      incentives,
      desks: deskSets(own),
      reference: plan.add([gameReplications, NO_PRESSURE, ...own]),
      pressured:
        incentives.length === 0
          ? undefined
          : plan.add([gameReplications, `incentives=${JSON.stringify(incentives)}`, ...own]),
      behaviours: behaviours.map((behaviour) => ({
        behaviour,
        intensity: induced[behaviour],
        key: plan.add([gameReplications, NO_PRESSURE, `gaming.${behaviour}.intensity=${induced[behaviour]}`, ...own]),
      })),
      sensitivityReference: plan.add(sensitivity),
      changes: study.sensitivity.changes.map((item) => ({
        name: item.name,
        key: plan.add([...sensitivity, ...item.set]),
      })),
      // The changed definition over the framework's own: equal definitions make one run, whichever wrote them.
      definitions: study.definitions.map((definition) => ({
        ...definition,
        desks: deskSets(definitionOverrides({ ...framework.metrics, ...parseDefinitions(definition.set) })),
      })),
    };
  });
  return { truthDesks, plans, sensitivityReplications };
}

/** The scenario of every run a study needs, each once, in the order `measureStudy` takes their values. */
export function studyRuns(loaded: LoadedStudy): Scenario[] {
  const plan = new RunPlan(loaded.scenarioFor);
  layOut(loaded, plan);
  return plan.scenarios;
}

/** What a study keeps of a run: each replication's KPI values (a study holds hundreds of runs). */
export function runValues(part: RunPart): Values[] {
  return part.outcomes.map((outcome) => outcome.kpis.values);
}

/** Runs every run a study needs (every replication at once on one worker pool) and measures every framework. */
export async function evaluateStudy(loaded: LoadedStudy, options: StudyRunOptions = {}): Promise<FrameworkStudyResult> {
  const parts = await runParts(
    studyRuns(loaded).map((scenario) => ({ scenario })),
    { workers: options.workers, onProgress: options.onProgress },
  );
  return measureStudy(loaded, parts.map(runValues));
}

/** Measures every framework of a study from the KPI values of its runs, in `studyRuns`' order. */
export function measureStudy(facts: StudyFacts, values: Values[][]): FrameworkStudyResult {
  const { study } = facts;
  const plan = new RunPlan();
  const { truthDesks, plans, sensitivityReplications } = layOut(facts, plan);
  plan.fill(values);

  const truthRule: ScoringRule = { rule: 'weighted_sum', tolerance: 1, kpis: scoredKpis(study.truth) };
  const truthScale = scaleFor(
    truthRule,
    truthDesks.map((key) => plan.of(key)),
  );
  const truth = truthDesks.map((key) => mean(scaled(truthScale, plan.of(key))));
  const bootstrap = { resamples: study.bootstrap.resamples, seed: study.bootstrap.seed };
  const deskScores: Array<Record<string, number>> = facts.desks.map(() => ({}));

  const frameworks = facts.frameworks.map(({ framework, file }, index): FrameworkResult => {
    const item = plans[index]!;
    const scale = scaleFor(
      item.rule,
      item.desks.map((key) => plan.of(key)),
    );
    const scores = item.desks.map((key) => mean(scaled(scale, plan.of(key))));
    scores.forEach((value, desk) => (deskScores[desk]![framework.name] = value));

    const reference = plan.of(item.reference);
    const pressured = item.pressured === undefined ? reference : plan.of(item.pressured);
    const scoreChanges = pairedChanges(scale, reference, pressured);
    const truthChanges = pairedChanges(truthScale, reference, pressured);

    const sensitivityReference = plan.of(item.sensitivityReference);
    const noise = summarize(scaled(scale, sensitivityReference), 'sd').sd;
    const changes = item.changes.map(({ name, key }): SensitivityChange => {
      const scoreMove = change(scale, sensitivityReference, plan.of(key));
      const truthMove = change(truthScale, sensitivityReference, plan.of(key));
      const sameSign = excludesZero(truthMove)
        ? scoreMove.mean !== null && scoreMove.mean !== 0 && Math.sign(scoreMove.mean) === Math.sign(truthMove.mean!)
        : null;
      return {
        name,
        score_change: scoreMove,
        truth_change: truthMove,
        detected: excludesZero(scoreMove),
        right_direction: sameSign,
      };
    });
    const smallest = changes
      .filter((item) => item.detected && item.right_direction === true)
      .sort((a, b) => Math.abs(a.truth_change.mean ?? 0) - Math.abs(b.truth_change.mean ?? 0))[0];

    return {
      name: framework.name,
      file,
      source: framework.source,
      rule: item.rule.rule,
      kpis: item.rule.kpis,
      metrics: framework.metrics,
      validity: {
        rank_correlation: bootstrapPaired(scores, truth, spearman, {
          ...bootstrap,
          purpose: `validity/${framework.name}`,
        }),
      },
      gameability: {
        incentives: item.incentives,
        score_change: estimate(scoreChanges),
        truth_change: estimate(truthChanges),
        gap: estimate(scoreChanges.map((value, replication) => value - truthChanges[replication]!)),
        pressurable: item.incentives.length > 0,
        behaviours: item.behaviours.map(({ behaviour, intensity, key }) => ({
          behaviour,
          intensity,
          score_change: change(scale, reference, plan.of(key)),
          truth_change: change(truthScale, reference, plan.of(key)),
        })),
      },
      sensitivity: {
        replications: sensitivityReplications,
        noise_sd: noise,
        changes,
        smallest_detected: smallest?.name ?? null,
      },
      definitions: item.definitions.map((definition) => {
        const changed = scaleFor(
          item.rule,
          definition.desks.map((key) => plan.of(key)),
        );
        const after = definition.desks.map((key) => mean(scaled(changed, plan.of(key))));
        return {
          name: definition.name,
          set: definition.set,
          rank_correlation: bootstrapPaired(scores, after, spearman, {
            ...bootstrap,
            purpose: `definitions/${framework.name}/${definition.name}`,
          }),
        };
      }),
    };
  });

  const result: FrameworkStudyResult = {
    study: study.name,
    version: VERSION,
    scenario: facts.base.name,
    seed: facts.base.seed,
    replications: study.replications,
    design: {
      method: study.design.method,
      desks: facts.desks.length,
      seed: study.design.method === 'latin_hypercube' ? study.design.seed : null,
      factors: Object.keys(study.design.factors),
    },
    truth: truthRule.kpis,
    bootstrap,
    frameworks,
    desks: facts.desks.map((desk, index) => ({
      desk: desk.desk,
      parameters: desk.parameters,
      truth: truth[index]!,
      scores: deskScores[index]!,
    })),
  };
  if (study.description !== undefined) result.description = study.description;
  return result;
}
