/**
 * The distribution catalogue: samplers for non-negative random quantities
 * (durations, sizes, counts) with exact analytic moments.
 *
 * Every sampler is stateless apart from its parameters: `sample(rng)` draws
 * only from the `rng` it is given and keeps no cached values, so results never
 * depend on how calls to different samplers are interleaved. Normal variates
 * come from the inverse normal CDF (Wichura's AS 241, ≈ 1e-16 relative error),
 * which uses exactly one uniform per normal.
 */
import { DistributionError, distributionNames, type DistributionSpec, type Sampler } from './distribution-spec.js';
import type { Rng } from './random.js';
import { gammaFunction, standardNormal } from './special-functions.js';
export { DistributionError, distributionNames } from './distribution-spec.js';
export type { DistributionName, DistributionSpec, Sampler } from './distribution-spec.js';
export { gammaFunction, inverseNormalCdf, standardNormal } from './special-functions.js';

// ---------------------------------------------------------------------------
// Validation

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

type Check = (name: string, value: unknown) => string | undefined;

function finiteNumber(name: string, value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return `${name} must be a finite number (found ${describe(value)})`;
  }
  return undefined;
}

const positive: Check = (name, value) =>
  finiteNumber(name, value) ?? ((value as number) > 0 ? undefined : `${name} must be > 0 (found ${describe(value)})`);

const nonNegative: Check = (name, value) =>
  finiteNumber(name, value) ?? ((value as number) >= 0 ? undefined : `${name} must be ≥ 0 (found ${describe(value)})`);

/** One thing wrong with a distribution specification, and the field it is about (none for the whole map). */
export interface DistributionProblem {
  /** The parameter the sentence is about (`mean`, `max`...), so a caller can tell it from that field's own check. */
  field?: string;
  message: string;
}

/**
 * Lists what is wrong with a distribution specification, one sentence per
 * problem, e.g. `["sd must be > 0 (found -1)"]`. Returns an empty array when
 * the specification is valid. Accepts untrusted input (for example parsed
 * YAML) and never throws.
 *
 * All catalogue distributions describe non-negative quantities, so location
 * parameters (uniform and triangular bounds, deterministic and empirical
 * values) must be ≥ 0.
 */
export function distributionProblems(spec: DistributionSpec): string[] {
  return distributionFieldProblems(spec).map((problem) => problem.message);
}

/** {@link distributionProblems}, each sentence with the parameter it is about. */
export function distributionFieldProblems(spec: DistributionSpec): DistributionProblem[] {
  const problems: DistributionProblem[] = [];
  const add = (field: string | undefined, problem: string | undefined): void => {
    if (problem === undefined) return;
    problems.push(field === undefined ? { message: problem } : { field, message: problem });
  };
  if (typeof spec !== 'object' || spec === null) {
    return [{ message: `a distribution must be an object with a "dist" field (found ${describe(spec)})` }];
  }
  const fields = spec as unknown as Record<string, unknown>;
  switch (spec.dist) {
    case 'exponential':
      add('mean', positive('mean', fields.mean));
      break;
    case 'lognormal':
    case 'gamma':
      add('mean', positive('mean', fields.mean));
      add(
        'sd',
        fields.sd === 0
          ? 'sd must be > 0 (found 0); use dist: deterministic for a constant value'
          : positive('sd', fields.sd),
      );
      break;
    case 'weibull':
      add('shape', positive('shape', fields.shape));
      add('scale', positive('scale', fields.scale));
      break;
    case 'uniform': {
      const minimum = nonNegative('min', fields.min);
      const maximum = nonNegative('max', fields.max);
      add('min', minimum);
      add('max', maximum);
      if (minimum === undefined && maximum === undefined && !(spec.max > spec.min)) {
        add('max', `max must be > min (found min ${spec.min}, max ${spec.max})`);
      }
      break;
    }
    case 'triangular': {
      const minimum = nonNegative('min', fields.min);
      const mode = nonNegative('mode', fields.mode);
      const maximum = nonNegative('max', fields.max);
      add('min', minimum);
      add('mode', mode);
      add('max', maximum);
      if (minimum === undefined && mode === undefined && maximum === undefined) {
        if (!(spec.max > spec.min)) {
          add('max', `max must be > min (found min ${spec.min}, max ${spec.max})`);
        } else if (spec.mode < spec.min || spec.mode > spec.max) {
          add('mode', `mode must lie between min and max (found min ${spec.min}, mode ${spec.mode}, max ${spec.max})`);
        }
      }
      break;
    }
    case 'deterministic':
      add('value', nonNegative('value', fields.value));
      break;
    case 'empirical': {
      const values = fields.values;
      if (!Array.isArray(values) || values.length === 0) {
        add('values', `values must be a non-empty list of numbers (found ${describe(values)})`);
        break;
      }
      let reported = 0;
      values.forEach((value: unknown, index: number) => {
        const problem = nonNegative(`values[${index}]`, value);
        if (problem !== undefined && reported++ < 5) add(undefined, problem);
      });
      if (reported > 5) add(undefined, `… and ${reported - 5} more invalid values`);
      break;
    }
    default:
      add(
        undefined,
        `unknown distribution ${describe((spec as { dist?: unknown }).dist)} (expected one of ` +
          `${distributionNames.join(', ')})`,
      );
  }
  if (problems.length === 0) add(undefined, derivedProblem(spec));
  return problems;
}

/**
 * Parameters that are each finite can still make a distribution the engine cannot draw
 * from (Weibull shape 1e-300: Γ(1 + 1e300) overflows; gamma mean 1e300: shape = mean²/sd²
 * is Infinity). Builds the sampler exactly as {@link createSampler} does and checks that
 * every number it derived — its mean, its variance, its internal parameters — is finite.
 */
function derivedProblem(spec: DistributionSpec): string | undefined {
  const sampler = buildSampler(spec);
  const derived = Object.entries(sampler).filter((entry): entry is [string, number] => typeof entry[1] === 'number');
  if (derived.every(([, value]) => Number.isFinite(value))) return undefined;
  const moment = !Number.isFinite(sampler.mean)
    ? 'mean'
    : !Number.isFinite(sampler.variance)
      ? 'variance'
      : 'internal parameters';
  return (
    `the parameters are too extreme: the distribution's ${moment} would not be a finite number; ` +
    `use values nearer the scale of the data`
  );
}

// ---------------------------------------------------------------------------
// Samplers

class ExponentialSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  constructor(readonly spec: DistributionSpec & { dist: 'exponential' }) {
    this.mean = spec.mean;
    this.variance = spec.mean * spec.mean;
  }
  sample(rng: Rng): number {
    return -this.mean * Math.log(1 - rng());
  }
}

class LognormalSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  /** μ of the underlying normal. */
  private readonly location: number;
  /** σ of the underlying normal. */
  private readonly logScale: number;
  constructor(readonly spec: DistributionSpec & { dist: 'lognormal' }) {
    const { mean, sd } = spec;
    // σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2; log1p keeps precision when sd ≪ mean.
    const logVariance = Math.log1p((sd * sd) / (mean * mean));
    this.location = Math.log(mean) - logVariance / 2;
    this.logScale = Math.sqrt(logVariance);
    this.mean = mean;
    this.variance = sd * sd;
  }
  sample(rng: Rng): number {
    return Math.exp(this.location + this.logScale * standardNormal(rng));
  }
}

/**
 * Gamma(shape, scale) by Marsaglia & Tsang (2000). For shape < 1 the
 * "boost" is used: draw Gamma(shape + 1) and multiply by U^(1/shape).
 * Each attempt uses one uniform for the normal and one for acceptance.
 */
class GammaSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  private readonly scale: number;
  private readonly inverseShape: number;
  private readonly boosted: boolean;
  /** Marsaglia–Tsang d = shape − 1/3 (of the boosted shape when shape < 1). */
  private readonly shapeOffset: number;
  /** Marsaglia–Tsang c = 1/√(9d). */
  private readonly normalScale: number;
  constructor(readonly spec: DistributionSpec & { dist: 'gamma' }) {
    const { mean, sd } = spec;
    const shape = (mean * mean) / (sd * sd);
    this.scale = (sd * sd) / mean;
    this.boosted = shape < 1;
    this.inverseShape = 1 / shape;
    this.shapeOffset = (this.boosted ? shape + 1 : shape) - 1 / 3;
    this.normalScale = 1 / Math.sqrt(9 * this.shapeOffset);
    this.mean = mean;
    this.variance = sd * sd;
  }
  sample(rng: Rng): number {
    const d = this.shapeOffset;
    const c = this.normalScale;
    let value: number;
    for (;;) {
      const x = standardNormal(rng);
      let v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = rng();
      const xSquared = x * x;
      if (u < 1 - 0.0331 * xSquared * xSquared || Math.log(u) < 0.5 * xSquared + d * (1 - v + Math.log(v))) {
        value = d * v;
        break;
      }
    }
    if (this.boosted) value *= Math.pow(1 - rng(), this.inverseShape);
    return value * this.scale;
  }
}

class WeibullSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  private readonly inverseShape: number;
  private readonly scale: number;
  constructor(readonly spec: DistributionSpec & { dist: 'weibull' }) {
    const { shape, scale } = spec;
    this.inverseShape = 1 / shape;
    this.scale = scale;
    const first = gammaFunction(1 + 1 / shape);
    const second = gammaFunction(1 + 2 / shape);
    this.mean = scale * first;
    this.variance = scale * scale * (second - first * first);
  }
  sample(rng: Rng): number {
    return this.scale * Math.pow(-Math.log(1 - rng()), this.inverseShape);
  }
}

class UniformSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  private readonly minimum: number;
  private readonly width: number;
  constructor(readonly spec: DistributionSpec & { dist: 'uniform' }) {
    this.minimum = spec.min;
    this.width = spec.max - spec.min;
    this.mean = (spec.min + spec.max) / 2;
    this.variance = (this.width * this.width) / 12;
  }
  sample(rng: Rng): number {
    return this.minimum + this.width * rng();
  }
}

class TriangularSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  private readonly minimum: number;
  private readonly maximum: number;
  private readonly modeProbability: number;
  private readonly lowerFactor: number;
  private readonly upperFactor: number;
  constructor(readonly spec: DistributionSpec & { dist: 'triangular' }) {
    const { min: a, mode: c, max: b } = spec;
    this.minimum = a;
    this.maximum = b;
    this.modeProbability = (c - a) / (b - a);
    this.lowerFactor = (b - a) * (c - a);
    this.upperFactor = (b - a) * (b - c);
    this.mean = (a + b + c) / 3;
    this.variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
  }
  sample(rng: Rng): number {
    const u = rng();
    return u < this.modeProbability
      ? this.minimum + Math.sqrt(u * this.lowerFactor)
      : this.maximum - Math.sqrt((1 - u) * this.upperFactor);
  }
}

class DeterministicSampler implements Sampler {
  readonly mean: number;
  readonly variance = 0;
  constructor(readonly spec: DistributionSpec & { dist: 'deterministic' }) {
    this.mean = spec.value;
  }
  /** Returns the constant without consuming a uniform. */
  sample(_rng: Rng): number {
    return this.mean;
  }
}

class EmpiricalSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  private readonly values: Float64Array;
  private readonly last: number;
  constructor(readonly spec: DistributionSpec & { dist: 'empirical' }) {
    this.values = Float64Array.from(spec.values);
    this.last = this.values.length - 1;
    let sum = 0;
    for (const value of this.values) sum += value;
    const mean = sum / this.values.length;
    let squares = 0;
    for (const value of this.values) squares += (value - mean) * (value - mean);
    this.mean = mean;
    this.variance = squares / this.values.length;
  }
  sample(rng: Rng): number {
    const index = Math.floor(rng() * this.values.length);
    return this.values[index < this.last ? index : this.last] as number;
  }
}

/**
 * Builds a sampler for a distribution specification.
 *
 * Mean/sd parameterisations are converted exactly: lognormal σ² =
 * ln(1 + sd²/mean²), μ = ln(mean) − σ²/2; gamma shape = mean²/sd²,
 * scale = sd²/mean. Weibull and triangular use the inverse CDF (one uniform
 * per draw), exponential uses −mean·ln(1 − U), empirical picks one of the
 * values uniformly (its mean and variance are the population moments of the
 * values), deterministic consumes no uniforms.
 *
 * @throws DistributionError if {@link distributionProblems} reports anything.
 */
export function createSampler(spec: DistributionSpec): Sampler {
  const problems = distributionProblems(spec);
  if (problems.length > 0) {
    const name = typeof spec === 'object' && spec !== null ? String((spec as { dist?: unknown }).dist) : 'unknown';
    throw new DistributionError(problems, name);
  }
  return buildSampler(spec);
}

/** The sampler of a specification whose parameters were checked (no check here). */
function buildSampler(spec: DistributionSpec): Sampler {
  // Keep a private copy so later edits to the caller's object cannot desynchronise the sampler.
  spec = spec.dist === 'empirical' ? { dist: 'empirical', values: [...spec.values] } : { ...spec };
  switch (spec.dist) {
    case 'exponential':
      return new ExponentialSampler(spec);
    case 'lognormal':
      return new LognormalSampler(spec);
    case 'gamma':
      return new GammaSampler(spec);
    case 'weibull':
      return new WeibullSampler(spec);
    case 'uniform':
      return new UniformSampler(spec);
    case 'triangular':
      return new TriangularSampler(spec);
    case 'deterministic':
      return new DeterministicSampler(spec);
    case 'empirical':
      return new EmpiricalSampler(spec);
  }
}
