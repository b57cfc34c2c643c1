/**
 * Queueing-theory reference formulas used to validate the desksim simulator.
 * Time unit: minutes; rates are per minute. See each module for its sources
 * (Erlang 1917; Gross et al. 2008; Garnett, Mandelbaum & Reiman 2002;
 * Cobham 1954; Jackson 1957; Little 1961).
 */
export { erlangB, erlangC, validateErlangCInput } from './erlang-c.js';
export type { ErlangCInput, ErlangCResult } from './erlang-c.js';
export { erlangA } from './erlang-a.js';
export type { ErlangAInput, ErlangAResult } from './erlang-a.js';
export { priorityQueueWaits } from './priority.js';
export type { PriorityQueueInput, PriorityQueueResult } from './priority.js';
export { tandemEscalation } from './jackson.js';
export type {
  TandemEscalationInput,
  TandemEscalationResult,
  TandemTier,
  TandemTierResult,
} from './jackson.js';
export { littleArrivalRate, littleL, littleW } from './little.js';
