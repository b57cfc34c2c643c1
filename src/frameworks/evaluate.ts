/**
 * Judging measurement frameworks on a simulated desk that knows the truth.
 *
 * ```
 * LoadedStudy ──plan: every run the measures need, each once (same seed: common random numbers)
 *   designed desks × each framework's definitions (and × each changed definition)
 *   base desk: under no pressure, under pressure on each framework's KPIs, under each behaviour
 *   that pressure induces alone, with each real change
 * ──runs (worker pool, progress)──▶ KPI values per replication
 * ──measure──▶ per framework: validity, gameability, sensitivity, definitions (FrameworkStudyResult)
 * ```
 *
 * Every score is put on the scale of the designed desks: a framework's score (and the truth
 * score) minus its mean over the desks, divided by its sd over the desks. So a change of 1
 * is as large as the spread between designed desks, for every framework and rule alike.
 */
import { runParts } from '../experiment/batch.js';
import { summarize } from '../experiment/statistics.js';
import { effectiveIntensities } from '../model/gaming/incentives.js';
import { GAMING_BEHAVIOURS, INCENTIVE_TABLE, type GamingBehaviour, type Incentive } from '../scenario/incentives.js';
import type { Scenario } from '../scenario/schema.js';
import { VERSION } from '../version.js';
import { deskOverrides, type DeskPoint } from './design.js';
import { definitionOverrides, frameworkRule, kpiScales, score, scoredKpis, type Definitions, type KpiScale, type ScoringRule } from './framework.js';
import { bootstrapPaired, spearman, type Estimate } from './statistics.js';
import type { LoadedStudy } from './study.js';

/** KPI values of one replication (desk-wide). */
type Values = Record<string, number | null>;

/** A mean with its 95 % Student-t interval over paired replications. */
export interface Change {
  mean: number | null;
  ci95: [number, number] | null;
}

/** Validity: how a framework's score ranks the desks against the truth. */
export interface Validity {
  /** Spearman's rank correlation across designed desks between score and truth, with a bootstrap interval over desks. */
  rank_correlation: Estimate;
}

/** One gaming behaviour the pressure induces, run alone at the intensity the pressure gives it. */
export interface InducedBehaviour {
  behaviour: GamingBehaviour;
  intensity: number;
  score_change: Change;
  truth_change: Change;
}

/** Gameability: management pressure on the framework's own KPIs. */
export interface Gameability {
  /** The incentives: pressure per KPI of the incentive table (the framework's others have no lever in the model). */
  incentives: Incentive[];
  /** The rise of the score under pressure (in desk sds, paired by replication). */
  score_change: Change;
  /** The move of the truth score under the same pressure. */
  truth_change: Change;
  /** score_change − truth_change, paired by replication: how far the dashboard runs ahead of the truth (Campbell's gap). */
  gap: Change;
  /** Whether any of the framework's KPIs is in the incentive table; if none, pressure has no lever in the model and every change is 0 by construction. */
  pressurable: boolean;
  behaviours: InducedBehaviour[];
}

/** A real change to the base desk and whether the framework sees it. */
export interface SensitivityChange {
  name: string;
  score_change: Change;
  truth_change: Change;
  /** The score's interval excludes 0. */
  detected: boolean;
  /** The score moved the way the truth did; null when the truth's own interval includes 0 (no direction to agree with). */
  right_direction: boolean | null;
}

/** Sensitivity: real changes detected at the study's replications, and the score's noise. */
export interface Sensitivity {
  replications: number;
  /** sd of the score between replications of the base desk, in desk sds. */
  noise_sd: number | null;
  changes: SensitivityChange[];
  /** The detected change (the way the truth moved) that moved the truth least, if any. */
  smallest_detected: string | null;
}

/** One changed measurement definition: how far the ranking of desks moves. */
export interface DefinitionShift {
  name: string;
  set: string[];
  /** Spearman's correlation between the desks' scores before and after (1: the ranking did not move). */
  rank_correlation: Estimate;
}

/** Everything a study measured of one framework. */
export interface FrameworkResult {
  name: string;
  file: string;
  source: string;
  rule: ScoringRule['rule'];
  kpis: ScoringRule['kpis'];
  metrics: Definitions;
  validity: Validity;
  gameability: Gameability;
  sensitivity: Sensitivity;
  definitions: DefinitionShift[];
}

/** One designed desk: its factor values, truth score and every framework's score (desk sds). */
export interface DeskResult {
  desk: number;
  parameters: DeskPoint;
  truth: number;
  scores: Record<string, number>;
}

/** The machine-readable result of `desksim frameworks` (`frameworks.json`). */
export interface FrameworkStudyResult {
  study: string;
  description?: string;
  version: string;
  scenario: string;
  seed: number;
  replications: number;
  design: { method: string; desks: number; seed: number | null; factors: string[] };
  truth: ScoringRule['kpis'];
  bootstrap: { resamples: number; seed: number };
  frameworks: FrameworkResult[];
  desks: DeskResult[];
}

/** Options of a study's runs. */
export interface StudyRunOptions {
  workers?: number;
  /** Replications done, replications in all (every run of the study). */
  onProgress?: (done: number, total: number) => void;
}

/** The runs a study needs, each once: a key (its overrides) → the scenario. */
class RunPlan {
  readonly scenarios = new Map<string, Scenario>();
  readonly values = new Map<string, Values[]>();
  constructor(private readonly study: LoadedStudy) {}

  /** Adds a run and returns its key. */
  add(overrides: readonly string[]): string {
    const key = JSON.stringify(overrides);
    if (!this.scenarios.has(key)) this.scenarios.set(key, this.study.scenarioFor(overrides));
    return key;
  }

  async run(options: StudyRunOptions): Promise<void> {
    // Every run's replications queued at once on one pool: no thread start-up per run.
    const keys = [...this.scenarios.keys()];
    const parts = await runParts(
      keys.map((key) => ({ scenario: this.scenarios.get(key)! })),
      { workers: options.workers, onProgress: options.onProgress },
    );
    // Only the KPI values are kept: a study holds hundreds of runs.
    keys.forEach((key, index) => this.values.set(key, parts[index]!.outcomes.map((outcome) => outcome.kpis.values)));
  }

  of(key: string): Values[] {
    return this.values.get(key)!;
  }
}

const NO_PRESSURE = 'incentives=[]';

/** The incentives that pressure on a framework puts on its KPIs: the heaviest at `level`, the others in proportion. */
export function frameworkIncentives(rule: ScoringRule, level: number): Incentive[] {
  const heaviest = Math.max(...rule.kpis.map((kpi) => kpi.weight));
  return rule.kpis.filter((kpi) => kpi.kpi in INCENTIVE_TABLE).map((kpi) => ({ kpi: kpi.kpi, pressure: Math.round((level * kpi.weight * 1e6) / heaviest) / 1e6 }));
}

/** `metrics.<option>=<value>` overrides as definitions (the study's schema checked their form; the scenario's, their values). */
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
      const present = replications.map((values) => values[kpi]).filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
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
  return replications.map((values) => (scale.spread === 0 ? 0 : (score(scale.rule, values, scale.kpis) - scale.center) / scale.spread));
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

/** Runs every run a study needs and measures every framework. */
export async function evaluateStudy(loaded: LoadedStudy, options: StudyRunOptions = {}): Promise<FrameworkStudyResult> {
  const { study } = loaded;
  const plan = new RunPlan(loaded);
  const deskSets = (extra: readonly string[]) => loaded.desks.map((desk) => plan.add([...deskOverrides(desk.parameters), ...extra]));
  const truthDesks = deskSets([]);
  const gameReplications = `replications=${study.gameability.replications ?? study.replications}`;
  const sensitivityReplications = study.sensitivity.replications ?? study.replications;

  const plans = loaded.frameworks.map(({ framework }) => {
    const rule = frameworkRule(framework);
    const own = definitionOverrides(framework.metrics);
    const incentives = frameworkIncentives(rule, study.gameability.pressure);
    const explicit = Object.fromEntries(GAMING_BEHAVIOURS.map((behaviour) => [behaviour, loaded.base.gaming[behaviour].intensity])) as Record<GamingBehaviour, number>;
    const induced = effectiveIntensities(explicit, incentives);
    const behaviours = GAMING_BEHAVIOURS.filter((behaviour) => induced[behaviour] > explicit[behaviour]);
    const sensitivity = [`replications=${sensitivityReplications}`, NO_PRESSURE, ...own];
    return {
      rule,
      incentives,
      desks: deskSets(own),
      reference: plan.add([gameReplications, NO_PRESSURE, ...own]),
      pressured: incentives.length === 0 ? undefined : plan.add([gameReplications, `incentives=${JSON.stringify(incentives)}`, ...own]),
      behaviours: behaviours.map((behaviour) => ({
        behaviour,
        intensity: induced[behaviour],
        key: plan.add([gameReplications, NO_PRESSURE, `gaming.${behaviour}.intensity=${induced[behaviour]}`, ...own]),
      })),
      sensitivityReference: plan.add(sensitivity),
      changes: study.sensitivity.changes.map((item) => ({ name: item.name, key: plan.add([...sensitivity, ...item.set]) })),
      // The changed definition over the framework's own: equal definitions make one run, whichever wrote them.
      definitions: study.definitions.map((definition) => ({ ...definition, desks: deskSets(definitionOverrides({ ...framework.metrics, ...parseDefinitions(definition.set) })) })),
    };
  });
  await plan.run(options);

  const truthRule: ScoringRule = { rule: 'weighted_sum', tolerance: 1, kpis: scoredKpis(study.truth) };
  const truthScale = scaleFor(truthRule, truthDesks.map((key) => plan.of(key)));
  const truth = truthDesks.map((key) => mean(scaled(truthScale, plan.of(key))));
  const bootstrap = { resamples: study.bootstrap.resamples, seed: study.bootstrap.seed };
  const deskScores: Array<Record<string, number>> = loaded.desks.map(() => ({}));

  const frameworks = loaded.frameworks.map(({ framework, file }, index): FrameworkResult => {
    const item = plans[index]!;
    const scale = scaleFor(item.rule, item.desks.map((key) => plan.of(key)));
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
      const sameSign = excludesZero(truthMove) ? scoreMove.mean !== null && scoreMove.mean !== 0 && Math.sign(scoreMove.mean) === Math.sign(truthMove.mean!) : null;
      return { name, score_change: scoreMove, truth_change: truthMove, detected: excludesZero(scoreMove), right_direction: sameSign };
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
      validity: { rank_correlation: bootstrapPaired(scores, truth, spearman, { ...bootstrap, purpose: `validity/${framework.name}` }) },
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
      sensitivity: { replications: sensitivityReplications, noise_sd: noise, changes, smallest_detected: smallest?.name ?? null },
      definitions: item.definitions.map((definition) => {
        const changed = scaleFor(item.rule, definition.desks.map((key) => plan.of(key)));
        const after = definition.desks.map((key) => mean(scaled(changed, plan.of(key))));
        return { name: definition.name, set: definition.set, rank_correlation: bootstrapPaired(scores, after, spearman, { ...bootstrap, purpose: `definitions/${framework.name}/${definition.name}` }) };
      }),
    };
  });

  const result: FrameworkStudyResult = {
    study: study.name,
    version: VERSION,
    scenario: loaded.base.name,
    seed: loaded.base.seed,
    replications: study.replications,
    design: {
      method: study.design.method,
      desks: loaded.desks.length,
      seed: study.design.method === 'latin_hypercube' ? study.design.seed : null,
      factors: Object.keys(study.design.factors),
    },
    truth: truthRule.kpis,
    bootstrap,
    frameworks,
    desks: loaded.desks.map((desk, index) => ({ desk: desk.desk, parameters: desk.parameters, truth: truth[index]!, scores: deskScores[index]! })),
  };
  if (study.description !== undefined) result.description = study.description;
  return result;
}
