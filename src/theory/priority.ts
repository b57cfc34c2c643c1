/**
 * Non-preemptive priority M/M/c queue with a common service rate.
 *
 * Time unit: minutes; rates are per minute.
 *
 * Sources:
 * - A. Cobham (1954), "Priority assignment in waiting line problems",
 *   Journal of the Operations Research Society of America 2(1) 70–76.
 * - D. Gross, J. F. Shortle, J. M. Thompson & C. M. Harris, "Fundamentals of
 *   Queueing Theory", 4th ed., Wiley 2008, §3.4.1 (non-preemptive priorities,
 *   multiple servers): W_k = [C(c, a)/(cμ)] / ((1 − σ_{k−1})(1 − σ_k)).
 * - L. Kleinrock (1965), "A conservation law for a wide class of queueing
 *   disciplines", Naval Research Logistics Quarterly 12(2) 181–192: with equal
 *   service rates, the λ-weighted mean wait equals the FCFS mean wait.
 */
import { erlangC } from './erlang-c.js';

/** Parameters of a non-preemptive priority M/M/c queue. */
export interface PriorityQueueInput {
  /** Number of identical servers c (positive integer). */
  servers: number;
  /** Exponential service rate μ per server, common to all classes, per minute. */
  serviceRate: number;
  /** Poisson arrival rate λ_k of each class per minute; index 0 = highest priority. */
  arrivalRates: number[];
}

/** Mean queueing delays of a non-preemptive priority M/M/c queue. */
export interface PriorityQueueResult {
  /** Mean wait in queue W_k of each class, minutes (same order as `arrivalRates`). */
  meanWaits: number[];
  /** Arrival-rate-weighted mean wait Σ λ_k W_k / λ, minutes (= FCFS Erlang C Wq). */
  overallMeanWait: number;
}

/**
 * Cobham's formula for the non-preemptive priority M/M/c queue with a common
 * service rate μ and K classes (class 0 = highest):
 *
 *   W_k = [C(c, a)/(cμ)] / ((1 − σ_{k−1})(1 − σ_k)),  σ_k = Σ_{i≤k} λ_i/(cμ), σ_{−1} = 0,
 *
 * where C(c, a) is the Erlang C probability of waiting at the total load
 * a = Σλ_i/μ (Cobham 1954; Gross et al. 2008, §3.4.1). C(c, a)/(cμ) is the
 * mean remaining time until the next server frees up, seen by an arrival.
 *
 * @throws RangeError on bad inputs (no classes, a negative or non-finite
 * rate) or when the total load is unstable (Σλ_i ≥ cμ).
 */
export function priorityQueueWaits(input: PriorityQueueInput): PriorityQueueResult {
  const { servers, serviceRate, arrivalRates } = input;
  if (arrivalRates.length === 0) {
    throw new RangeError('arrivalRates must contain at least one class');
  }
  for (const rate of arrivalRates) {
    if (!Number.isFinite(rate) || rate < 0) {
      throw new RangeError(`each arrival rate must be finite and non-negative, got ${rate}`);
    }
  }
  const totalArrivalRate = arrivalRates.reduce((sum, rate) => sum + rate, 0);
  const fcfs = erlangC({ servers, arrivalRate: totalArrivalRate, serviceRate });
  const capacity = servers * serviceRate;
  const residual = fcfs.probabilityWait / capacity;

  const meanWaits: number[] = [];
  let cumulativeRate = 0;
  let weightedSum = 0;
  for (const rate of arrivalRates) {
    const higherLoad = cumulativeRate / capacity;
    cumulativeRate += rate;
    const throughLoad = cumulativeRate / capacity;
    const wait = residual / ((1 - higherLoad) * (1 - throughLoad));
    meanWaits.push(wait);
    weightedSum += rate * wait;
  }
  return {
    meanWaits,
    overallMeanWait: totalArrivalRate > 0 ? weightedSum / totalArrivalRate : 0,
  };
}
