/**
 * The desks a study judges frameworks on: variations of one scenario over factors (`--set`
 * paths), as a full grid or a Latin hypercube. Each desk is a list of overrides; the seed of
 * the hypercube is recorded in the result, so the same study draws the same desks.
 *
 * Latin hypercube (McKay, Beckman & Conover 1979): with n desks, each factor's range is cut
 * into n strata and every stratum is used once, the strata of different factors paired by
 * independent random permutations. A factor given as a list of levels spreads its levels
 * evenly over the desks (each level n / levels times, ±1), in random order.
 */
import { createStream, type Rng } from '../engine/random.js';
import { expandGrid, parameterOverride, type ParameterValue } from '../experiment/experiment-file.js';

/** A factor: levels to use as they are, or a range to stratify. */
export type Factor = ParameterValue[] | { min: number; max: number; integer?: boolean };

/** One designed desk: its factor values. */
export type DeskPoint = Record<string, ParameterValue>;

function permutation(length: number, random: Rng): number[] {
  const order = Array.from({ length }, (_, index) => index);
  for (let index = length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  return order;
}

/** `desks` points of a Latin hypercube over the factors, from the stream (seed, 0, "design/latin-hypercube"). */
export function latinHypercube(factors: Readonly<Record<string, Factor>>, desks: number, seed: number): DeskPoint[] {
  const random = createStream(seed, 0, 'design/latin-hypercube');
  const points: DeskPoint[] = Array.from({ length: desks }, () => ({}));
  for (const [path, factor] of Object.entries(factors)) {
    const strata = permutation(desks, random);
    strata.forEach((stratum, desk) => {
      if (Array.isArray(factor)) {
        points[desk]![path] = factor[Math.floor((stratum * factor.length) / desks)]!;
      } else {
        const value = factor.min + ((stratum + random()) / desks) * (factor.max - factor.min);
        points[desk]![path] = factor.integer ? Math.round(value) : Math.round(value * 1e6) / 1e6;
      }
    });
  }
  return points;
}

/** Every combination of the factors' levels (ranges are refused by the study's schema for a grid). */
export function gridDesign(factors: Readonly<Record<string, ParameterValue[]>>): DeskPoint[] {
  return expandGrid(factors);
}

/** A desk's overrides, in the factors' order. */
export function deskOverrides(point: DeskPoint): string[] {
  return Object.entries(point).map(([path, value]) => parameterOverride(path, value));
}
