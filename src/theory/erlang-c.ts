/**
 * Erlang C (M/M/c) reference formulas.
 *
 * Time unit: minutes; rates are per minute.
 *
 * Sources:
 * - A. K. Erlang (1917), "Solution of some problems in the theory of
 *   probabilities of significance in automatic telephone exchanges".
 * - D. Gross, J. F. Shortle, J. M. Thompson & C. M. Harris, "Fundamentals of
 *   Queueing Theory", 4th ed., Wiley 2008, §2.3 (M/M/c): P(wait), Wq, Lq, W, L.
 * - N. Gans, G. Koole & A. Mandelbaum (2003), "Telephone call centers: tutorial,
 *   review, and research prospects", MSOM 5(2) 79–141, §4.1: the Erlang B
 *   recursion B(0)=1, B(k)=a·B(k−1)/(k+a·B(k−1)), the relation
 *   C = B/(1 − ρ(1 − B)), and the service level 1 − C·e^{−(cμ−λ)t}.
 */

/** Parameters of an M/M/c queue. */
export interface ErlangCInput {
  /** Number of identical servers c (positive integer). */
  servers: number;
  /** Poisson arrival rate λ, customers per minute (≥ 0). */
  arrivalRate: number;
  /** Exponential service rate μ per server, customers per minute (> 0). */
  serviceRate: number;
}

/** Steady-state performance of an M/M/c queue (Gross et al. 2008, §2.3). */
export interface ErlangCResult {
  /** Offered load a = λ/μ in Erlangs. */
  offeredLoad: number;
  /** Server utilization ρ = λ/(cμ). */
  utilization: number;
  /** Erlang C probability that an arrival waits, C(c, a) = P(N ≥ c) (PASTA). */
  probabilityWait: number;
  /** Mean wait in queue over all customers, Wq = C/(cμ − λ), minutes. */
  meanWait: number;
  /** Mean wait of the customers who do wait, E[Wq | Wq > 0] = 1/(cμ − λ), minutes. */
  meanWaitGivenWait: number;
  /** Mean number waiting in queue, Lq = λ·Wq (Little's law). */
  meanQueueLength: number;
  /** Mean number in the system, L = Lq + a. */
  meanInSystem: number;
  /** Mean time in system (response / sojourn time), W = Wq + 1/μ, minutes. */
  meanResponse: number;
  /**
   * Service level: probability that the wait is at most `threshold` minutes,
   * P(Wq ≤ t) = 1 − C·e^{−(cμ−λ)t} (Gans, Koole & Mandelbaum 2003, eq. (4.3)).
   * Throws RangeError for a negative or NaN threshold.
   */
  serviceLevel(threshold: number): number;
}

/**
 * Erlang B blocking probability B(c, a) of the M/M/c/c loss system by the
 * numerically stable recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1))
 * (Gans, Koole & Mandelbaum 2003, §4.1; Jagerman 1974, "Some properties of
 * the Erlang loss function", Bell System Technical Journal 53(3)).
 *
 * @param servers number of servers c (non-negative integer)
 * @param offeredLoad offered load a = λ/μ in Erlangs (≥ 0, finite)
 */
export function erlangB(servers: number, offeredLoad: number): number {
  if (!Number.isInteger(servers) || servers < 0) {
    throw new RangeError(`servers must be a non-negative integer, got ${servers}`);
  }
  if (!Number.isFinite(offeredLoad) || offeredLoad < 0) {
    throw new RangeError(`offeredLoad must be finite and non-negative, got ${offeredLoad}`);
  }
  let blocking = 1;
  for (let k = 1; k <= servers; k++) {
    const scaled = offeredLoad * blocking;
    blocking = scaled / (k + scaled);
  }
  return blocking;
}

/** Throws RangeError unless `value` is a finite number satisfying the bound. */
function requireFinite(name: string, value: number, positive: boolean): void {
  if (!Number.isFinite(value) || (positive ? value <= 0 : value < 0)) {
    const bound = positive ? 'positive' : 'non-negative';
    throw new RangeError(`${name} must be a finite ${bound} number, got ${value}`);
  }
}

/**
 * Validates M/M/c parameters; throws RangeError for non-integer or
 * non-positive `servers`, negative or non-finite `arrivalRate`, non-positive
 * or non-finite `serviceRate`, and for an unstable queue (λ ≥ cμ).
 */
export function validateErlangCInput(input: ErlangCInput): void {
  const { servers, arrivalRate, serviceRate } = input;
  if (!Number.isSafeInteger(servers) || servers < 1) {
    throw new RangeError(`servers must be a positive integer, got ${servers}`);
  }
  requireFinite('arrivalRate', arrivalRate, false);
  requireFinite('serviceRate', serviceRate, true);
  if (arrivalRate >= servers * serviceRate) {
    throw new RangeError(
      `unstable M/M/c queue: arrivalRate ${arrivalRate} >= servers × serviceRate ${servers * serviceRate}`,
    );
  }
}

/**
 * Steady-state M/M/c (Erlang C) performance measures.
 *
 * P(wait) is computed from the Erlang B recursion and the identity
 * C(c, a) = B(c, a) / (1 − ρ(1 − B(c, a))) (Gans, Koole & Mandelbaum 2003,
 * §4.1), which avoids the overflow of the textbook factorial sums; the other
 * measures follow Gross et al. (2008), §2.3: Wq = C/(cμ − λ),
 * Lq = λ·Wq, W = Wq + 1/μ, L = λ·W.
 *
 * @throws RangeError on bad inputs or when λ ≥ cμ (no steady state).
 */
export function erlangC(input: ErlangCInput): ErlangCResult {
  validateErlangCInput(input);
  const { servers, arrivalRate, serviceRate } = input;
  const offeredLoad = arrivalRate / serviceRate;
  const utilization = offeredLoad / servers;
  const blocking = erlangB(servers, offeredLoad);
  const probabilityWait = blocking / (1 - utilization * (1 - blocking));
  const drainRate = servers * serviceRate - arrivalRate;
  const meanWait = probabilityWait / drainRate;
  const meanQueueLength = arrivalRate * meanWait;
  const meanResponse = meanWait + 1 / serviceRate;
  return {
    offeredLoad,
    utilization,
    probabilityWait,
    meanWait,
    meanWaitGivenWait: 1 / drainRate,
    meanQueueLength,
    meanInSystem: meanQueueLength + offeredLoad,
    meanResponse,
    serviceLevel(threshold: number): number {
      if (Number.isNaN(threshold) || threshold < 0) {
        throw new RangeError(`threshold must be non-negative, got ${threshold}`);
      }
      return 1 - probabilityWait * Math.exp(-drainRate * threshold);
    },
  };
}
