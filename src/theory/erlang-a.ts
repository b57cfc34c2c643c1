/**
 * Erlang A (M/M/c+M) reference model: M/M/c with exponentially distributed
 * customer patience (abandonment rate θ per waiting customer).
 *
 * Time unit: minutes; rates are per minute.
 *
 * Sources:
 * - C. Palm (1943/1946), who introduced the model (Erlang A, "A" for abandonment).
 * - O. Garnett, A. Mandelbaum & M. Reiman (2002), "Designing a call center
 *   with impatient customers", Manufacturing & Service Operations Management
 *   4(3) 208–227, §2: the birth–death chain with birth rate λ and death rate
 *   min(n, c)μ + max(n − c, 0)θ, P(wait) = P(N ≥ c) by PASTA, and
 *   P(abandon) = θ·E[Lq]/λ.
 * - A. Mandelbaum & S. Zeltyn (2007), "Service engineering in action: the
 *   Palm/Erlang-A queue, with applications to call centers", in Advances in
 *   Services Innovations, Springer, 17–45: waiting-time measures of served
 *   customers.
 */
import { erlangC, validateErlangCInput } from './erlang-c.js';

/** Parameters of an M/M/c+M (Erlang A) queue. */
export interface ErlangAInput {
  /** Number of identical servers c (positive integer). */
  servers: number;
  /** Poisson arrival rate λ, customers per minute (≥ 0). */
  arrivalRate: number;
  /** Exponential service rate μ per server, customers per minute (> 0). */
  serviceRate: number;
  /**
   * Abandonment rate θ = 1 / (mean patience) of each waiting customer, per
   * minute (≥ 0). θ = 0 is the Erlang C model and then requires λ < cμ.
   */
  abandonmentRate: number;
}

/** Steady-state performance of an M/M/c+M queue (Garnett et al. 2002, §2). */
export interface ErlangAResult {
  /** Probability that an arrival has to wait, P(N ≥ c) (PASTA). */
  probabilityWait: number;
  /** Probability that an arrival abandons, θ·E[Lq]/λ. */
  probabilityAbandon: number;
  /**
   * Mean time in queue over all arrivals (until served or abandoned),
   * E[Lq]/λ by Little's law, minutes.
   */
  meanWait: number;
  /** Mean number of customers waiting in queue, E[Lq]. */
  meanQueueLength: number;
  /** Mean fraction of busy servers, E[min(N, c)]/c. */
  utilization: number;
  /**
   * Mean time in queue of the customers who are eventually served (including
   * those served at once with zero wait), minutes.
   *
   * Derivation (FCFS, exponential patience; cf. Mandelbaum & Zeltyn 2007): an
   * arrival that finds j = n − c ≥ 0 customers queued ahead moves up one place
   * at rate cμ + kθ when k are ahead and abandons at rate θ, so
   * P(served | j) = Π_{k=0..j} (cμ + kθ)/(cμ + (k+1)θ) = cμ/(cμ + (j+1)θ), and,
   * because holding times of competing exponentials are independent of which
   * event ends them, E[W·1{served} | j] = P(served | j) · Σ_{k=1..j+1} 1/(cμ + kθ).
   * Averaged over the arrival-stationary distribution and divided by
   * P(served) = μ·E[min(N, c)]/λ.
   */
  meanWaitServed: number;
}

/** Relative size below which a tail of state probabilities is dropped. */
const NEGLIGIBLE = 1e-16;

/** Bound on the number of chain states (and harmonic-sum terms) visited. */
const MAX_STATES = 50_000_000;

/**
 * Exact steady-state measures of the Erlang A (M/M/c+M) queue, computed from
 * the birth–death chain of Garnett, Mandelbaum & Reiman (2002), §2: birth rate
 * λ and death rate d(n) = min(n, c)μ + max(n − c, 0)θ in state n.
 *
 * The stationary probabilities π_n ∝ Π_{k=1..n} λ/d(k) are unimodal because
 * d(n) is non-decreasing; they are generated outward from the mode with the
 * mode's weight set to 1, so every weight is ≤ 1 and nothing overflows (c = 50
 * or heavy overload is fine). Each side is truncated once a geometric bound on
 * the rest of that tail (the ratio of successive weights keeps shrinking
 * away from the mode) falls below 1e-16 of the mass accumulated so far.
 *
 * With θ > 0 a steady state exists for every λ; with θ = 0 this delegates to
 * {@link erlangC} (which requires λ < cμ).
 *
 * @throws RangeError on bad inputs, when θ = 0 and λ ≥ cμ, or when the
 * chain would need more than 5·10⁷ states (θ extremely small relative to the
 * overload λ − cμ).
 */
export function erlangA(input: ErlangAInput): ErlangAResult {
  const { servers, arrivalRate, serviceRate, abandonmentRate } = input;
  if (!Number.isFinite(abandonmentRate) || abandonmentRate < 0) {
    throw new RangeError(`abandonmentRate must be finite and non-negative, got ${abandonmentRate}`);
  }
  if (abandonmentRate === 0) {
    const result = erlangC({ servers, arrivalRate, serviceRate });
    return {
      probabilityWait: result.probabilityWait,
      probabilityAbandon: 0,
      meanWait: result.meanWait,
      meanQueueLength: result.meanQueueLength,
      utilization: result.utilization,
      meanWaitServed: result.meanWait,
    };
  }
  // Same checks as M/M/c except stability, which θ > 0 guarantees.
  validateErlangCInput({ servers, arrivalRate: 0, serviceRate });
  if (!Number.isFinite(arrivalRate) || arrivalRate < 0) {
    throw new RangeError(`arrivalRate must be finite and non-negative, got ${arrivalRate}`);
  }
  if (arrivalRate === 0) {
    return {
      probabilityWait: 0,
      probabilityAbandon: 0,
      meanWait: 0,
      meanQueueLength: 0,
      utilization: 0,
      meanWaitServed: 0,
    };
  }

  const capacity = servers * serviceRate;
  const deathRate = (state: number): number =>
    Math.min(state, servers) * serviceRate + Math.max(state - servers, 0) * abandonmentRate;

  // Mode: the largest n with d(n) ≤ λ (d(0) = 0), where λ/d(n) stops being ≥ 1.
  let mode =
    arrivalRate < capacity
      ? Math.floor(arrivalRate / serviceRate)
      : servers + Math.floor((arrivalRate - capacity) / abandonmentRate);
  if (mode > MAX_STATES) {
    throw new RangeError(
      `Erlang A chain too large (mode ≈ ${mode} states): abandonmentRate is too small for this overload`,
    );
  }
  while (mode > 0 && deathRate(mode) > arrivalRate) mode--;
  while (deathRate(mode + 1) <= arrivalRate) mode++;

  // 1/(cμ + kθ): the rate at which a queued customer with k − 1 ahead leaves its place.
  const placeExitTime = (placesAhead: number): number => 1 / (capacity + (placesAhead + 1) * abandonmentRate);

  // H(j) = Σ_{k=1..j+1} 1/(cμ + kθ): expected time to service of a served
  // customer who arrived with j ahead. Start at the mode; update while walking.
  let harmonicAtMode = 0;
  for (let ahead = 0; ahead <= mode - servers; ahead++) {
    harmonicAtMode += placeExitTime(ahead);
  }

  let total = 0;
  let waitingMass = 0;
  let queueSum = 0;
  let busySum = 0;
  let servedWaitSum = 0;
  const accumulate = (state: number, weight: number, harmonic: number): void => {
    total += weight;
    busySum += Math.min(state, servers) * weight;
    if (state >= servers) {
      const ahead = state - servers;
      waitingMass += weight;
      queueSum += ahead * weight;
      servedWaitSum += weight * capacity * placeExitTime(ahead) * harmonic;
    }
  };

  let visited = 0;
  const countState = (): void => {
    if (++visited > MAX_STATES) {
      throw new RangeError('Erlang A chain exceeded the state limit; abandonmentRate is too small');
    }
  };

  // Downward from the mode: π_{n−1} = π_n · d(n)/λ.
  {
    let state = mode;
    let weight = 1;
    let harmonic = harmonicAtMode;
    accumulate(state, weight, harmonic);
    while (state > 0 && weight > 0) {
      const ratio = deathRate(state) / arrivalRate;
      if (ratio < 1 && (weight * ratio) / (1 - ratio) < NEGLIGIBLE * total) break;
      if (state > servers) harmonic -= placeExitTime(state - servers);
      weight *= ratio;
      state--;
      countState();
      accumulate(state, weight, harmonic);
    }
  }
  // Upward from the mode: π_{n+1} = π_n · λ/d(n+1).
  {
    let state = mode;
    let weight = 1;
    let harmonic = harmonicAtMode;
    for (;;) {
      const ratio = arrivalRate / deathRate(state + 1);
      if (weight === 0) break;
      if (state >= servers && ratio < 1) {
        const massTail = (weight * ratio) / (1 - ratio);
        const queueTail = weight * (((state - servers) * ratio) / (1 - ratio) + ratio / (1 - ratio) ** 2);
        if (massTail < NEGLIGIBLE * total && queueTail <= NEGLIGIBLE * queueSum) break;
      }
      weight *= ratio;
      state++;
      if (state >= servers) harmonic += placeExitTime(state - servers);
      countState();
      accumulate(state, weight, harmonic);
    }
  }

  const meanQueueLength = queueSum / total;
  const meanBusy = busySum / total;
  const probabilityServed = (serviceRate * meanBusy) / arrivalRate;
  return {
    probabilityWait: Math.min(waitingMass / total, 1),
    probabilityAbandon: (abandonmentRate * meanQueueLength) / arrivalRate,
    meanWait: meanQueueLength / arrivalRate,
    meanQueueLength,
    utilization: Math.min(meanBusy / servers, 1),
    meanWaitServed: servedWaitSum / total / probabilityServed,
  };
}
