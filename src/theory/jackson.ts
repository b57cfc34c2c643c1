/**
 * Open Jackson network for a help-desk escalation tandem (tier 1 → tier 2 → …).
 *
 * Time unit: minutes; rates are per minute.
 *
 * Sources:
 * - J. R. Jackson (1957), "Networks of waiting lines", Operations Research
 *   5(4) 518–521: in an open network of M/M/c nodes with Markov routing, the
 *   stationary distribution is the product of independent M/M/c marginals at
 *   the traffic-equation arrival rates.
 * - D. Gross, J. F. Shortle, J. M. Thompson & C. M. Harris, "Fundamentals of
 *   Queueing Theory", 4th ed., Wiley 2008, §4.2 (series queues) and §4.3
 *   (open Jackson networks), including mean sojourn = Σ_i v_i·W_i with visit
 *   ratios v_i = λ_i/λ.
 */
import { erlangC, type ErlangCResult } from './erlang-c.js';

/** Staffing of one tier of the escalation tandem. */
export interface TandemTier {
  /** Number of agents c_i in this tier (positive integer). */
  servers: number;
  /** Exponential service rate μ_i per agent, tickets per minute. */
  serviceRate: number;
}

/** Parameters of the escalation tandem. */
export interface TandemEscalationInput {
  /** External Poisson arrival rate λ of tickets into tier 0, per minute. */
  arrivalRate: number;
  /** Tiers in escalation order; tier 0 receives every ticket. */
  tiers: TandemTier[];
  /**
   * p_i: probability that a ticket finishing tier i escalates to tier i + 1
   * (otherwise it leaves resolved); length tiers.length − 1, each in [0, 1].
   */
  escalationProbabilities: number[];
}

/** Per-tier M/M/c measures plus the tier's arrival rate λ_i = λ·Π_{j<i} p_j. */
export type TandemTierResult = ErlangCResult & { arrivalRate: number };

/** Steady-state measures of the escalation tandem. */
export interface TandemEscalationResult {
  /** Erlang C measures of each tier at its Jackson arrival rate. */
  tiers: TandemTierResult[];
  /** Mean total queueing time per external ticket, Σ_i v_i·Wq_i, minutes. */
  meanWaitPerTicket: number;
  /** Mean total time in the network per external ticket, Σ_i v_i·W_i, minutes. */
  meanSojourn: number;
}

/**
 * Open Jackson network (Jackson 1957; Gross et al. 2008, §4.3) for a
 * help-desk tandem with escalation: tickets arrive at tier 0 at rate λ, and a
 * ticket completing tier i moves to tier i + 1 with probability p_i or leaves.
 * The traffic equations give λ_i = λ·Π_{j<i} p_j (visit ratio v_i = λ_i/λ);
 * each tier is an independent M/M/c_i queue at rate λ_i, so
 * mean wait per ticket = Σ_i v_i·Wq_i and mean sojourn = Σ_i v_i·(Wq_i + 1/μ_i).
 *
 * @throws RangeError on bad inputs (no tiers, wrong number of escalation
 * probabilities, a probability outside [0, 1]) or when any tier is unstable.
 */
export function tandemEscalation(input: TandemEscalationInput): TandemEscalationResult {
  const { arrivalRate, tiers, escalationProbabilities } = input;
  if (tiers.length === 0) {
    throw new RangeError('tiers must contain at least one tier');
  }
  if (escalationProbabilities.length !== tiers.length - 1) {
    throw new RangeError(
      `escalationProbabilities must have length tiers.length - 1 = ${tiers.length - 1}, got ` +
        `${escalationProbabilities.length}`,
    );
  }
  for (const probability of escalationProbabilities) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new RangeError(`escalation probabilities must lie in [0, 1], got ${probability}`);
    }
  }
  if (!Number.isFinite(arrivalRate) || arrivalRate <= 0) {
    throw new RangeError(`arrivalRate must be finite and positive, got ${arrivalRate}`);
  }

  const results: TandemTierResult[] = [];
  let visitRatio = 1;
  let meanWaitPerTicket = 0;
  let meanSojourn = 0;
  tiers.forEach((tier, index) => {
    if (index > 0) visitRatio *= escalationProbabilities[index - 1] ?? 0;
    const tierArrivalRate = arrivalRate * visitRatio;
    const measures = erlangC({
      servers: tier.servers,
      arrivalRate: tierArrivalRate,
      serviceRate: tier.serviceRate,
    });
    results.push({ ...measures, arrivalRate: tierArrivalRate });
    meanWaitPerTicket += visitRatio * measures.meanWait;
    meanSojourn += visitRatio * measures.meanResponse;
  });
  return { tiers: results, meanWaitPerTicket, meanSojourn };
}
