/**
 * Service level of the Erlang A (M/M/c+M) queue: the probability that an arrival is taken
 * by an agent within `threshold` minutes. Customers who abandon count as missed, whenever
 * they leave (the convention of desksim's `service_level` KPI).
 *
 * Derivation (FCFS, exponential patience θ, as in erlang-a.ts): an arrival that finds
 * n = c + j customers in the system (j ≥ 0 queued ahead) moves up one place at rate
 * cμ + kθ while k are ahead (a service completion or an abandonment ahead), is taken at rate
 * cμ when none is ahead, and abandons at its own rate θ throughout. Its fate is the
 * absorption of a pure-death chain with an extra exit; P(taken by t) is computed for the
 * arrival-stationary mixture over j by uniformization (Grassmann 1977, "Transient solutions
 * in Markovian queueing systems", Computers & OR 4(1)) with one vector over j, since every
 * start state lives in the same chain.
 */
import { erlangC, validateErlangCInput } from './erlang-c.js';
import type { ErlangAInput } from './erlang-a.js';

/** Relative size below which the stationary tail and the Poisson tail are dropped. */
const NEGLIGIBLE = 1e-14;

/** Bound on queue states × uniformization steps, so a call stays well under a second. */
const MAX_WORK = 200_000_000;

/**
 * The arrival-stationary (PASTA) distribution of the Erlang A chain, truncated where the
 * tail is negligible: probabilities of 0..c−1 in service (no wait) summed, and of j queued
 * ahead, j = 0, 1, ….
 */
function stationaryQueue(input: ErlangAInput): { immediate: number; queued: number[] } {
  const { servers, arrivalRate, serviceRate, abandonmentRate } = input;
  const death = (state: number) =>
    Math.min(state, servers) * serviceRate + Math.max(state - servers, 0) * abandonmentRate;
  // Log-weights from state 0, normalised by their maximum: no overflow for large c.
  const logWeights = [0];
  let state = 0;
  let top = 0;
  for (;;) {
    state++;
    const next = logWeights[state - 1]! + Math.log(arrivalRate / death(state));
    logWeights.push(next);
    top = Math.max(top, next);
    const ratio = arrivalRate / death(state + 1);
    if (state > servers && ratio < 1 && next - top < Math.log(NEGLIGIBLE * (1 - ratio))) break;
    if (state > 50_000_000)
      throw new RangeError('Erlang A chain too large: abandonmentRate is too small for this overload');
  }
  const weights = logWeights.map((value) => Math.exp(value - top));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let immediate = 0;
  for (let n = 0; n < servers && n < weights.length; n++) immediate += weights[n]! / total;
  const queued = weights.slice(servers).map((weight) => weight / total);
  return { immediate, queued };
}

/**
 * P(an arrival is taken by an agent within `threshold` minutes) in the Erlang A queue;
 * abandoned customers miss. With θ = 0 it is Erlang C's 1 − C·e^{−(cμ−λ)t}.
 *
 * @throws RangeError on bad inputs (as {@link erlangA}), a negative threshold, or a case too
 *   large to compute (queue states × uniformization steps above 2·10⁸).
 */
export function erlangAServiceLevel(input: ErlangAInput, threshold: number): number {
  if (Number.isNaN(threshold) || threshold < 0)
    throw new RangeError(`threshold must be non-negative, got ${threshold}`);
  const { servers, arrivalRate, serviceRate, abandonmentRate } = input;
  if (!Number.isFinite(abandonmentRate) || abandonmentRate < 0) {
    throw new RangeError(`abandonmentRate must be finite and non-negative, got ${abandonmentRate}`);
  }
  if (abandonmentRate === 0) return erlangC({ servers, arrivalRate, serviceRate }).serviceLevel(threshold);
  validateErlangCInput({ servers, arrivalRate: 0, serviceRate });
  if (!Number.isFinite(arrivalRate) || arrivalRate < 0)
    throw new RangeError(`arrivalRate must be finite and non-negative, got ${arrivalRate}`);
  if (arrivalRate === 0) return 1;

  const { immediate, queued } = stationaryQueue(input);
  if (threshold === 0 || queued.length === 0) return immediate;
  const capacity = servers * serviceRate;
  const places = queued.length;
  // Uniformization rate: the fastest total exit rate, from the last place (places − 1 ahead).
  const uniform = capacity + places * abandonmentRate;
  const mean = uniform * threshold;
  const steps = Math.ceil(mean + 10 * Math.sqrt(mean) + 20);
  if (steps * places > MAX_WORK) {
    throw new RangeError(
      `Erlang A service level too costly to compute (${places} queue states × ${steps} steps); use a shorter threshold`,
    );
  }
  // vector[k]: probability the tagged arrival still waits with k ahead, after each jump of the
  // uniformized chain. Taken mass after m jumps accumulates with the Poisson(mean) weights.
  let vector = Float64Array.from(queued);
  let next = new Float64Array(places);
  let takenAfterJumps = 0;
  let logPoisson = -mean;
  let cumulativePoisson = 0;
  let served = 0;
  for (let jump = 0; jump <= steps; jump++) {
    // Σ_m P(N(t) = m) · P(taken within m jumps), N(t) ~ Poisson(Λt) in log space (Λt may exceed 700).
    const weight = logPoisson < -700 ? 0 : Math.exp(logPoisson);
    cumulativePoisson += weight;
    served += weight * takenAfterJumps;
    // One jump: with k ahead the place moves at cμ + kθ (to k − 1, or taken from k = 0),
    // the tagged abandons at θ, and nothing happens with the rest of `uniform`.
    for (let k = 0; k < places; k++) {
      const stay = 1 - (capacity + (k + 1) * abandonmentRate) / uniform;
      const moveIn = k + 1 < places ? vector[k + 1]! * ((capacity + (k + 1) * abandonmentRate) / uniform) : 0;
      next[k] = vector[k]! * stay + moveIn;
    }
    takenAfterJumps += vector[0]! * (capacity / uniform);
    [vector, next] = [next, vector];
    logPoisson += Math.log(mean) - Math.log(jump + 1);
  }
  // Jumps beyond `steps` carry at most 1 − cumulativePoisson of mass; count them as the last.
  served += Math.max(0, 1 - cumulativePoisson) * takenAfterJumps;
  return Math.min(1, immediate + served);
}
