/**
 * Little's law, L = λ·W, for any stable system in steady state.
 *
 * Source: J. D. C. Little (1961), "A proof for the queuing formula: L = λW",
 * Operations Research 9(3) 383–387.
 *
 * Time unit: minutes; rates are per minute.
 */

/** Throws RangeError unless `value` is finite and non-negative. */
function requireNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be finite and non-negative, got ${value}`);
  }
}

/**
 * Mean number in a system, L = λ·W (Little 1961).
 *
 * @param arrivalRate long-run arrival (= throughput) rate λ, per minute
 * @param meanTime mean time a customer spends in the system W, minutes
 */
export function littleL(arrivalRate: number, meanTime: number): number {
  requireNonNegative('arrivalRate', arrivalRate);
  requireNonNegative('meanTime', meanTime);
  return arrivalRate * meanTime;
}

/**
 * Mean time in a system, W = L/λ (Little 1961).
 *
 * @param arrivalRate long-run arrival (= throughput) rate λ, per minute (> 0)
 * @param meanNumber mean number of customers in the system L
 */
export function littleW(arrivalRate: number, meanNumber: number): number {
  requireNonNegative('arrivalRate', arrivalRate);
  requireNonNegative('meanNumber', meanNumber);
  if (arrivalRate === 0) throw new RangeError('arrivalRate must be positive to compute W = L/λ');
  return meanNumber / arrivalRate;
}

/**
 * Long-run arrival rate, λ = L/W (Little 1961).
 *
 * @param meanNumber mean number of customers in the system L
 * @param meanTime mean time in the system W, minutes (> 0)
 */
export function littleArrivalRate(meanNumber: number, meanTime: number): number {
  requireNonNegative('meanNumber', meanNumber);
  requireNonNegative('meanTime', meanTime);
  if (meanTime === 0) throw new RangeError('meanTime must be positive to compute λ = L/W');
  return meanNumber / meanTime;
}
