/**
 * The Erlang calculator: a manager's questions about one queue in a steady state, answered by
 * the formulas of `src/theory/` in a manager's units (arrivals per hour, handle time and
 * waits in minutes).
 *
 * - Given agents: P(wait), mean wait, service level at a threshold, occupancy, and with a
 *   mean patience (Erlang A) P(abandon).
 * - Given targets: the fewest agents that meet them all.
 *
 * Without patience the queue is Erlang C (M/M/c: nobody leaves); with it, Erlang A (M/M/c+M:
 * exponential patience). Both assume Poisson arrivals, exponential handle times, identical
 * agents and a steady state; docs/staffing.md says what that leaves out.
 */
import { erlangA } from '../theory/erlang-a.js';
import { erlangAServiceLevel } from '../theory/erlang-a-service-level.js';
import { erlangC } from '../theory/erlang-c.js';

/** One queue as a manager describes it. */
export interface QueueLoad {
  /** Arrivals per hour (≥ 0). */
  arrivalsPerHour: number;
  /** Mean handle time, minutes (> 0). */
  handleMinutes: number;
  /** Mean patience of a waiting customer, minutes; absent: nobody abandons (Erlang C). */
  patienceMinutes?: number;
  /** The service level counts customers taken within this many minutes. */
  thresholdMinutes: number;
}

/** The steady-state measures of a queue with a given number of agents. */
export interface QueueMeasures {
  agents: number;
  /** Offered load a = λ × handle time, in Erlangs (agents' worth of work). */
  offeredLoad: number;
  /** The model: Erlang C (no abandonment) or Erlang A (exponential patience). */
  model: 'erlang-c' | 'erlang-a';
  /** False when the queue grows without bound (Erlang C with agents ≤ offered load). */
  stable: boolean;
  /** Share of agents' time busy. */
  occupancy: number;
  /** Share of arrivals who wait at all. */
  probabilityWait: number;
  /** Mean wait in queue over all arrivals (abandoned ones until they leave), minutes. */
  meanWait: number;
  /** Share of arrivals taken within the threshold (abandoned ones miss). */
  serviceLevel: number;
  /** Share of arrivals who abandon (0 under Erlang C). */
  probabilityAbandon: number;
}

/** A target a staffing must meet; every given bound must hold. */
export interface QueueTargets {
  /** Least share taken within the threshold (e.g. 0.8 for "80 % within 20 s"). */
  serviceLevel?: number;
  /** Most share who may wait at all. */
  maxProbabilityWait?: number;
  /** Most share who may abandon (needs a patience). */
  maxProbabilityAbandon?: number;
  /** Longest mean wait, minutes. */
  maxMeanWait?: number;
}

/** Throws RangeError for inputs no formula accepts, saying which and why. */
function checkLoad(load: QueueLoad): void {
  if (!Number.isFinite(load.arrivalsPerHour) || load.arrivalsPerHour < 0)
    throw new RangeError(`the arrival rate must be a non-negative number per hour, got ${load.arrivalsPerHour}`);
  if (!Number.isFinite(load.handleMinutes) || load.handleMinutes <= 0)
    throw new RangeError(`the handle time must be positive, got ${load.handleMinutes} minutes`);
  if (load.patienceMinutes !== undefined && !(load.patienceMinutes > 0 && Number.isFinite(load.patienceMinutes))) {
    throw new RangeError(`the mean patience must be positive, got ${load.patienceMinutes} minutes`);
  }
  if (!(load.thresholdMinutes >= 0) || !Number.isFinite(load.thresholdMinutes))
    throw new RangeError(
      `the service-level threshold must be a non-negative duration, got ${load.thresholdMinutes} minutes`,
    );
}

/** The steady-state measures of `load` served by `agents` agents. */
export function queueMeasures(load: QueueLoad, agents: number): QueueMeasures {
  checkLoad(load);
  if (!Number.isSafeInteger(agents) || agents < 1)
    throw new RangeError(`agents must be a positive whole number, got ${agents}`);
  const arrivalRate = load.arrivalsPerHour / 60;
  const serviceRate = 1 / load.handleMinutes;
  const offeredLoad = arrivalRate / serviceRate;
  if (load.patienceMinutes === undefined) {
    if (offeredLoad >= agents) {
      return {
        agents,
        offeredLoad,
        model: 'erlang-c',
        stable: false,
        occupancy: 1,
        probabilityWait: 1,
        meanWait: Infinity,
        serviceLevel: 0,
        probabilityAbandon: 0,
      };
    }
    const result = erlangC({ servers: agents, arrivalRate, serviceRate });
    return {
      agents,
      offeredLoad,
      model: 'erlang-c',
      stable: true,
      occupancy: result.utilization,
      probabilityWait: result.probabilityWait,
      meanWait: result.meanWait,
      serviceLevel: result.serviceLevel(load.thresholdMinutes),
      probabilityAbandon: 0,
    };
  }
  const input = { servers: agents, arrivalRate, serviceRate, abandonmentRate: 1 / load.patienceMinutes };
  const result = erlangA(input);
  return {
    agents,
    offeredLoad,
    model: 'erlang-a',
    stable: true,
    occupancy: result.utilization,
    probabilityWait: result.probabilityWait,
    meanWait: result.meanWait,
    serviceLevel: erlangAServiceLevel(input, load.thresholdMinutes),
    probabilityAbandon: result.probabilityAbandon,
  };
}

/** Whether the measures meet every target given. */
export function meetsTargets(measures: QueueMeasures, targets: QueueTargets): boolean {
  if (!measures.stable) return false;
  if (targets.serviceLevel !== undefined && measures.serviceLevel < targets.serviceLevel) return false;
  if (targets.maxProbabilityWait !== undefined && measures.probabilityWait > targets.maxProbabilityWait) return false;
  if (targets.maxProbabilityAbandon !== undefined && measures.probabilityAbandon > targets.maxProbabilityAbandon)
    return false;
  if (targets.maxMeanWait !== undefined && measures.meanWait > targets.maxMeanWait) return false;
  return true;
}

/** Whether any target is given. */
export function hasTargets(targets: QueueTargets): boolean {
  return Object.values(targets).some((value) => value !== undefined);
}

/**
 * The fewest agents (at least `atLeast`, default 1) whose measures meet every target. Each
 * measure improves with every agent added, so the first count that meets them is the least.
 *
 * @throws RangeError when no target is given, a target is out of 0..1, or no count up to the
 *   offered load plus 20 standard deviations and 50 agents meets them (an unreachable target,
 *   e.g. a service level of 1 at threshold 0).
 */
export function minimalAgents(load: QueueLoad, targets: QueueTargets, atLeast = 1): QueueMeasures {
  checkLoad(load);
  if (!hasTargets(targets))
    throw new RangeError('give at least one target: a service level, a most P(wait), P(abandon) or mean wait');
  for (const [name, value] of [
    ['service level', targets.serviceLevel],
    ['P(wait)', targets.maxProbabilityWait],
    ['P(abandon)', targets.maxProbabilityAbandon],
  ] as const) {
    if (value !== undefined && !(value >= 0 && value <= 1))
      throw new RangeError(`the ${name} target must be a share between 0 and 1, got ${value}`);
  }
  if (targets.maxMeanWait !== undefined && !(targets.maxMeanWait >= 0))
    throw new RangeError(`the mean-wait target must be a non-negative duration, got ${targets.maxMeanWait}`);
  if (load.arrivalsPerHour === 0) return queueMeasures(load, Math.max(1, atLeast));
  const offeredLoad = (load.arrivalsPerHour / 60) * load.handleMinutes;
  const start = Math.max(1, atLeast, load.patienceMinutes === undefined ? Math.floor(offeredLoad) + 1 : 1);
  const limit = Math.ceil(offeredLoad + 20 * Math.sqrt(offeredLoad) + 50);
  for (let agents = start; agents <= Math.max(limit, start); agents++) {
    const measures = queueMeasures(load, agents);
    if (meetsTargets(measures, targets)) return measures;
  }
  throw new RangeError(
    `no staffing up to ${limit} agents meets the targets (offered load ${offeredLoad.toFixed(2)} Erlangs): is a ` +
      `target unreachable?`,
  );
}
