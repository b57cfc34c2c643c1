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
  const problems: string[] = [];
  const add = (problem: string | undefined): void => {
    if (problem !== undefined) problems.push(problem);
  };
  if (typeof spec !== 'object' || spec === null) {
    return [`a distribution must be an object with a "dist" field (found ${describe(spec)})`];
  }
  const fields = spec as unknown as Record<string, unknown>;
  switch (spec.dist) {
    case 'exponential':
      add(positive('mean', fields.mean));
      break;
    case 'lognormal':
    case 'gamma':
      add(positive('mean', fields.mean));
      add(
        fields.sd === 0
          ? 'sd must be > 0 (found 0); use dist: deterministic for a constant value'
          : positive('sd', fields.sd),
      );
      break;
    case 'weibull':
      add(positive('shape', fields.shape));
      add(positive('scale', fields.scale));
      break;
    case 'uniform': {
      const minimum = nonNegative('min', fields.min);
      const maximum = nonNegative('max', fields.max);
      add(minimum);
      add(maximum);
      if (minimum === undefined && maximum === undefined && !(spec.max > spec.min)) {
        problems.push(`max must be > min (found min ${spec.min}, max ${spec.max})`);
      }
      break;
    }
    case 'triangular': {
      const minimum = nonNegative('min', fields.min);
      const mode = nonNegative('mode', fields.mode);
      const maximum = nonNegative('max', fields.max);
      add(minimum);
      add(mode);
      add(maximum);
      if (minimum === undefined && mode === undefined && maximum === undefined) {
        if (!(spec.max > spec.min)) {
          problems.push(`max must be > min (found min ${spec.min}, max ${spec.max})`);
        } else if (spec.mode < spec.min || spec.mode > spec.max) {
          problems.push(`mode must lie between min and max (found min ${spec.min}, mode ${spec.mode}, max ${spec.max})`);
        }
      }
      break;
    }
    case 'deterministic':
      add(nonNegative('value', fields.value));
      break;
    case 'empirical': {
      const values = fields.values;
      if (!Array.isArray(values) || values.length === 0) {
        problems.push(`values must be a non-empty list of numbers (found ${describe(values)})`);
        break;
      }
      let reported = 0;
      values.forEach((value: unknown, index: number) => {
        const problem = nonNegative(`values[${index}]`, value);
        if (problem !== undefined && reported++ < 5) problems.push(problem);
      });
      if (reported > 5) problems.push(`… and ${reported - 5} more invalid values`);
      break;
    }
    default:
      problems.push(
        `unknown distribution ${describe((spec as { dist?: unknown }).dist)} (expected one of ${distributionNames.join(', ')})`,
      );
  }
  if (problems.length === 0) add(derivedProblem(spec));
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
  const moment = !Number.isFinite(sampler.mean) ? 'mean' : !Number.isFinite(sampler.variance) ? 'variance' : 'internal parameters';
  return `the parameters are too extreme: the distribution's ${moment} would not be a finite number; use values nearer the scale of the data`;
}

// ---------------------------------------------------------------------------
// Special functions

const lanczosCoefficients = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** The gamma function Γ(x) for x > 0 (Lanczos, g = 7, n = 9; ≈ 1e-15 relative error). */
export function gammaFunction(x: number): number {
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gammaFunction(1 - x));
  const z = x - 1;
  let sum = lanczosCoefficients[0] as number;
  for (let index = 1; index < 9; index++) sum += (lanczosCoefficients[index] as number) / (z + index);
  const t = z + 7.5;
  return Math.sqrt(2 * Math.PI) * Math.pow(t, z + 0.5) * Math.exp(-t) * sum;
}

/**
 * The standard normal quantile Φ⁻¹(p) for p in (0, 1): Wichura's algorithm
 * AS 241 (PPND16), accurate to about 1e-16. Returns ∓Infinity at 0 and 1.
 */
export function inverseNormalCdf(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) *
          r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) *
        r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  if (r <= 0) return q < 0 ? -Infinity : Infinity;
  r = Math.sqrt(-Math.log(r));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) *
        r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) *
        r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) *
        r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) *
        r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}

/** The smallest uniform used for a normal draw when the generator returns exactly 0. */
const smallestUniform = 2 ** -53;

/**
 * Draws a standard normal variate from exactly one uniform of `rng`
 * (inverse-CDF method; a uniform of exactly 0 is replaced by 2⁻⁵³, giving
 * about −8.2). Stateless, so interleaving with other samplers is harmless.
 */
export function standardNormal(rng: Rng): number {
  const uniform = rng();
  return inverseNormalCdf(uniform > 0 ? uniform : smallestUniform);
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
