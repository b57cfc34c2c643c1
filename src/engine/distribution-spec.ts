/**
 * A distribution as a scenario writes it (src/engine/distributions.ts): the spec, its names,
 * the sampler interface and the error for invalid parameters.
 */
import type { Rng } from './random.js';

/** A distribution as written in a scenario; durations are in minutes. */
export type DistributionSpec =
  | { dist: 'exponential'; mean: number }
  | { dist: 'lognormal'; mean: number; sd: number }
  | { dist: 'gamma'; mean: number; sd: number }
  | { dist: 'weibull'; shape: number; scale: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'deterministic'; value: number }
  | { dist: 'empirical'; values: number[] };

/** The name of a distribution in the catalogue. */
export type DistributionName = DistributionSpec['dist'];

/** Every distribution name, in catalogue order. */
export const distributionNames: readonly DistributionName[] = [
  'exponential',
  'lognormal',
  'gamma',
  'weibull',
  'uniform',
  'triangular',
  'deterministic',
  'empirical',
];

/** A ready-to-use random variate generator for one distribution. */
export interface Sampler {
  /** Draws one value using uniforms from `rng` (no other state is consulted or kept). */
  sample(rng: Rng): number;
  /** The exact mean of the distribution. */
  readonly mean: number;
  /** The exact variance of the distribution. */
  readonly variance: number;
  /** The specification the sampler was built from. */
  readonly spec: DistributionSpec;
}

/** Thrown by {@link createSampler} when a specification's parameters are invalid. */
export class DistributionError extends Error {
  /** One human-readable sentence per invalid parameter. */
  readonly problems: string[];

  /**
   * @param problems - the problems found (see {@link distributionProblems}).
   * @param dist - the distribution name, for the message.
   */
  constructor(problems: string[], dist: string) {
    super(`invalid ${dist} distribution: ${problems.join('; ')}`);
    this.name = 'DistributionError';
    this.problems = problems;
  }
}
