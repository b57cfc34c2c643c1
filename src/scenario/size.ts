/**
 * The size of a run, estimated before running it.
 *
 * A valid scenario can still ask for more than a machine has: `rate_per_hour: 1e6` over 28
 * days is 672 million tickets (memory grows about 3 KB per ticket of a replication). The
 * loader compares the estimate with {@link WORK_LIMITS} and refuses a larger run with a
 * located error that says the estimate and the limit, unless the user asked for it with
 * `--allow-large` (then only the schema's own bounds apply).
 */
import type { Scenario } from './schema.js';

const minutesPerDay = 1440;

/** What a run may cost without `--allow-large`. */
export const WORK_LIMITS = {
  /** Expected new tickets in one replication (memory: a replication's tickets are held at once). */
  ticketsPerReplication: 1_000_000,
  /** Expected new tickets over every replication (time: more than a minute a million, measured on the baseline). */
  ticketsTotal: 20_000_000,
  /** Agents on the desk, every tier and shift together. */
  agents: 10_000,
  /**
   * Agents × simulated days: each agent's on-duty intervals are tabulated for the horizon
   * (a shift or a business-hours window counts as at least one agent: its calendar is built too).
   */
  agentDays: 5_000_000,
} as const;

/** The estimated size of a run. */
export interface WorkEstimate {
  /** Expected new tickets of one replication: arrivals, surges and incidents (not reopens or returns). */
  ticketsPerReplication: number;
  /** The same over every replication. */
  ticketsTotal: number;
  /** Agents on the desk, every tier and shift together. */
  agents: number;
  /** Agents × simulated days (a shift or business-hours window without agents counts as one). */
  agentDays: number;
}

/** Hours a week the weekly windows are open (a window ending at or before its start runs past midnight). */
function weeklyOpenHours(windows: Scenario['clock']['business_hours']): number {
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  let open = 0;
  for (const window of windows) {
    const start = minutes(window.start);
    const end = minutes(window.end);
    const length = end > start ? end - start : end + minutesPerDay - start;
    open += (new Set(window.days).size * length) / 60;
  }
  return Math.min(open, 7 * 24);
}

/** The expected size of a run of the scenario (see {@link WorkEstimate}). */
export function estimateWork(scenario: Scenario): WorkEstimate {
  const hours = scenario.horizon.days * 24;
  const rate = scenario.arrivals.rate_per_hour;
  // rate_per_hour is the average rate, except under business_hours, where it is the rate while open.
  const openShare =
    scenario.arrivals.pattern === 'business_hours' ? weeklyOpenHours(scenario.clock.business_hours) / (7 * 24) : 1;
  let tickets = rate * hours * openShare;
  for (const surge of scenario.arrivals.surges) {
    const surgeHours = Math.min(surge.duration / 60, hours);
    tickets += rate * Math.max(surge.multiplier - 1, 0) * surgeHours;
  }
  let agents = 0;
  let calendars = scenario.clock.business_hours.length;
  for (const tier of scenario.tiers) {
    agents += tier.agents ?? (tier.shifts ?? []).reduce((sum, shift) => sum + shift.agents, 0);
    calendars += tier.agents ?? (tier.shifts ?? []).reduce((sum, shift) => sum + Math.max(shift.agents, 1), 0);
  }
  return {
    ticketsPerReplication: tickets,
    ticketsTotal: tickets * scenario.replications,
    agents,
    agentDays: calendars * scenario.horizon.days,
  };
}

/** One way a run exceeds the limits: the scenario field to point at and the sentence to say. */
export interface WorkProblem {
  /** The path of the field that drives the excess most directly. */
  path: (string | number)[];
  message: string;
}

function amount(value: number): string {
  if (value >= 1e9) return `${Number((value / 1e9).toPrecision(3))} billion`;
  if (value >= 1e6) return `${Number((value / 1e6).toPrecision(3))} million`;
  return Math.round(value).toLocaleString('en-US');
}

const advice = 'or pass --allow-large to run it anyway';

/** The limits the estimate exceeds, each as a problem to report; empty when the run fits. */
export function workProblems(scenario: Scenario, limits: typeof WORK_LIMITS = WORK_LIMITS): WorkProblem[] {
  const estimate = estimateWork(scenario);
  const problems: WorkProblem[] = [];
  if (estimate.ticketsPerReplication > limits.ticketsPerReplication) {
    problems.push({
      path: ['arrivals', 'rate_per_hour'],
      message:
        `this run would simulate about ${amount(estimate.ticketsPerReplication)} tickets per replication ` +
        `(rate × open hours of ${scenario.horizon.days} day${scenario.horizon.days === 1 ? '' : 's'}, plus surges), ` +
        `more than the limit of ${amount(limits.ticketsPerReplication)}: ` +
        `memory grows with every ticket of a replication. Lower arrivals.rate_per_hour or horizon.days, ${advice}`,
    });
  } else if (estimate.ticketsTotal > limits.ticketsTotal) {
    problems.push({
      path: ['replications'],
      message:
        `this run would simulate about ${amount(estimate.ticketsTotal)} tickets ` +
        `(${amount(estimate.ticketsPerReplication)} per replication × ${scenario.replications} replications), ` +
        `more than the limit of ${amount(limits.ticketsTotal)}: ` +
        `it would take a long time. Use fewer replications, ${advice}`,
    });
  }
  if (estimate.agents > limits.agents) {
    problems.push({
      path: ['tiers'],
      message:
        `the desk has ${amount(estimate.agents)} agents, ` +
        `more than the limit of ${amount(limits.agents)}; ${advice}`,
    });
  } else if (estimate.agentDays > limits.agentDays) {
    problems.push({
      path: ['horizon', 'days'],
      message:
        `${amount(estimate.agents)} agents (with their shifts and business hours) ` +
        `over ${scenario.horizon.days} days is ` +
        `${amount(estimate.agentDays)} agent-days, ` +
        `more than the limit of ${amount(limits.agentDays)}; shorten horizon.days, ${advice}`,
    });
  }
  return problems;
}
