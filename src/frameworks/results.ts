/**
 * What a framework study finds (src/frameworks/evaluate.ts): per framework its validity,
 * gameability, sensitivity and definition shifts, per desk its truth and scores.
 */
import type { GamingBehaviour, Incentive } from '../scenario/incentives.js';
import type { DeskPoint } from './design.js';
import type { Definitions, ScoringRule } from './framework.js';
import type { Estimate } from './statistics.js';

/** KPI values of one replication (desk-wide). */
export type Values = Record<string, number | null>;

/** A mean with its 95 % Student-t interval over paired replications. */
export interface Change {
  mean: number | null;
  ci95: [number, number] | null;
}

/** Validity: how a framework's score ranks the desks against the truth. */
export interface Validity {
  /**
   * Spearman's rank correlation across designed desks between score and truth, with a bootstrap interval over desks.
   */
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
  /**
   * score_change − truth_change, paired by replication: how far the dashboard runs ahead of the truth (Campbell's gap).
   */
  gap: Change;
  /**
   * Whether any of the framework's KPIs is in the incentive table; if none, pressure has no lever in the model and
   * every change is 0 by construction.
   */
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
  /**
   * The score moved the way the truth did; null when the truth's own interval includes 0 (no direction to agree with).
   */
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
