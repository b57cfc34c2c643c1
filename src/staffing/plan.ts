/**
 * Staffing plans: the decision variables of `desksim staff` (agents of a tier, or of one
 * shift of a tier, each with bounds), a plan's value for each, and what a plan costs.
 *
 * The objective is the planned staff cost of the measured window: every agent's scheduled
 * hours (paid whether busy, idle or absent) at the tier's `cost_per_hour`. With every rate at
 * 0 it is agent-hours (each hour counts 1). It is a property of the plan, known before simulating; what agents
 * cost after attrition and hiring is the run's `cost_per_ticket`, not the objective.
 */
import { LocalTimeTable, windowIntervals } from '../engine/local-time.js';
import type { Scenario } from '../scenario/schema.js';

const MINUTES_PER_DAY = 24 * 60;

/** One decision variable: a whole number of agents at a `--set` path, within bounds. */
export interface StaffVariable {
  /** How people name it: `tier1` (24/7 agents), `tier1.early` (a shift). */
  name: string;
  /** The scenario path it sets: `tiers.tier1.agents` or `tiers.tier1.shifts.0.agents`. */
  path: string;
  tier: string;
  /** The shift's index within its tier, when the variable is a shift. */
  shift?: number;
  min: number;
  max: number;
  /** The scenario's own value. */
  current: number;
  /** Scheduled hours of one agent in the measured window. */
  hoursPerAgent: number;
  /** Cost of one agent over the measured window: hours × the tier's cost per hour (× 1 when no tier has a rate). */
  costPerAgent: number;
}

/** Agents per variable, in the variables' order. */
export type Plan = readonly number[];

/** Thrown for a `--vary` the scenario cannot take; the message says what was expected. */
export class VaryError extends Error {}

/** Scheduled minutes of one agent of each shift (or 24/7) in the measured window. */
function scheduledMinutes(scenario: Scenario, tierIndex: number, shift: number | undefined): number {
  const from = scenario.horizon.warmup_days * MINUTES_PER_DAY;
  const to = scenario.horizon.days * MINUTES_PER_DAY;
  const tier = scenario.tiers[tierIndex]!;
  if (shift === undefined) return to - from;
  const time = new LocalTimeTable(scenario.clock.start, scenario.clock.timezone, to);
  return windowIntervals(time, [tier.shifts![shift]!], from, to).reduce((sum, [start, end]) => sum + (end - start), 0);
}

/** What an agent-hour counts for in the objective: the tier's rate, or 1 when no tier has a rate (agent-hours). */
export function hourlyRate(scenario: Scenario, rate: number): number {
  return scenario.tiers.every((tier) => tier.cost_per_hour === 0) ? 1 : rate;
}

/** The variable of a tier's 24/7 agents or of one of its shifts, with the given bounds. */
function variable(
  scenario: Scenario,
  tierIndex: number,
  shift: number | undefined,
  min: number,
  max: number,
): StaffVariable {
  const tier = scenario.tiers[tierIndex]!;
  const shiftName = shift === undefined ? undefined : (tier.shifts![shift]!.name ?? String(shift));
  const hoursPerAgent = scheduledMinutes(scenario, tierIndex, shift) / 60;
  return {
    name: shiftName === undefined ? tier.id : `${tier.id}.${shiftName}`,
    path: shift === undefined ? `tiers.${tier.id}.agents` : `tiers.${tier.id}.shifts.${shift}.agents`,
    tier: tier.id,
    ...(shift === undefined ? {} : { shift }),
    min,
    max,
    current: shift === undefined ? tier.agents! : tier.shifts![shift]!.agents,
    hoursPerAgent,
    costPerAgent: hoursPerAgent * hourlyRate(scenario, tier.cost_per_hour),
  };
}

/**
 * Reads `--vary tier1=4..12`, `tier1.early=3..6`, `tier1.0=3..6` (a shift by name or index)
 * or `tiers.tier1.shifts.0.agents=3..6`. A tier with several shifts must name the shift.
 */
export function parseVary(text: string, scenario: Scenario): StaffVariable {
  const match = /^\s*([A-Za-z0-9_.-]+)\s*=\s*(\d+)\s*\.\.\s*(\d+)\s*$/.exec(text);
  if (match === null)
    throw new VaryError(
      `--vary is written <tier>[.<shift>]=<from>..<to>, e.g. tier1=4..12 or tier1.early=3..6, found "${text}"`,
    );
  const [, rawName, rawMin, rawMax] = match as unknown as [string, string, string, string];
  const min = Number(rawMin);
  const max = Number(rawMax);
  if (max < min) throw new VaryError(`--vary ${text}: the range must run from the smaller to the larger count`);
  const long = /^tiers\.([^.]+)\.(?:agents|shifts\.(\d+)\.agents)$/.exec(rawName);
  const [tierId, shiftKey] =
    long !== null ? [long[1]!, long[2]] : (rawName.split(/\.(.*)/s) as [string, string | undefined]);
  const tierIndex = scenario.tiers.findIndex((tier) => tier.id === tierId);
  if (tierIndex < 0)
    throw new VaryError(
      `--vary ${text}: no tier "${tierId}" (tiers: ${scenario.tiers.map((tier) => tier.id).join(', ')})`,
    );
  const tier = scenario.tiers[tierIndex]!;
  if (tier.shifts === undefined) {
    if (shiftKey !== undefined && shiftKey !== '')
      throw new VaryError(`--vary ${text}: tier ${tierId} has 24/7 agents, no shifts; write ${tierId}=${min}..${max}`);
    if (min < 1) throw new VaryError(`--vary ${text}: a tier needs at least 1 agent`);
    return variable(scenario, tierIndex, undefined, min, max);
  }
  const names = tier.shifts.map((shift, index) => shift.name ?? String(index));
  let shift: number;
  if (shiftKey === undefined || shiftKey === '') {
    if (tier.shifts.length > 1)
      throw new VaryError(
        `--vary ${text}: tier ${tierId} has ${tier.shifts.length} shifts; name one: ` +
          `${names.map((name) => `${tierId}.${name}`).join(', ')}`,
      );
    shift = 0;
  } else {
    shift = /^\d+$/.test(shiftKey) ? Number(shiftKey) : names.indexOf(shiftKey);
    if (!(shift >= 0 && shift < tier.shifts.length))
      throw new VaryError(`--vary ${text}: tier ${tierId} has no shift "${shiftKey}" (shifts: ${names.join(', ')})`);
  }
  return variable(scenario, tierIndex, shift, min, max);
}

/**
 * The variables when none are given: every tier's agents, or each of its shifts, from one
 * fewer than half the scenario's value to twice it plus two.
 */
export function defaultVariables(scenario: Scenario): StaffVariable[] {
  return scenario.tiers.flatMap((tier, tierIndex) => {
    const bounds = (current: number, least: number) =>
      [Math.max(least, Math.floor(current / 2) - 1), current * 2 + 2] as const;
    if (tier.shifts === undefined) return [variable(scenario, tierIndex, undefined, ...bounds(tier.agents!, 1))];
    return tier.shifts.map((shift, index) => variable(scenario, tierIndex, index, ...bounds(shift.agents, 0)));
  });
}

/** Planned staff cost of the agents no variable sets (they are the same in every plan). */
export function fixedStaffCost(scenario: Scenario, variables: readonly StaffVariable[]): number {
  let cost = 0;
  scenario.tiers.forEach((tier, tierIndex) => {
    const shifts = tier.shifts === undefined ? [undefined] : tier.shifts.map((_, index) => index);
    for (const shift of shifts) {
      if (variables.some((candidate) => candidate.tier === tier.id && candidate.shift === shift)) continue;
      const agents = shift === undefined ? tier.agents! : tier.shifts![shift]!.agents;
      cost += agents * (scheduledMinutes(scenario, tierIndex, shift) / 60) * hourlyRate(scenario, tier.cost_per_hour);
    }
  });
  return cost;
}

/** A plan's planned staff cost: its variables' agents at their cost, plus the fixed part. */
export function planCost(variables: readonly StaffVariable[], plan: Plan, fixed: number): number {
  return variables.reduce((sum, variable, index) => sum + plan[index]! * variable.costPerAgent, fixed);
}

/** A plan's agent-hours in the measured window (the variables' agents only). */
export function planAgentHours(variables: readonly StaffVariable[], plan: Plan): number {
  return variables.reduce((sum, variable, index) => sum + plan[index]! * variable.hoursPerAgent, 0);
}

/** The `--set` overrides that make a scenario staff a plan. */
export function planOverrides(variables: readonly StaffVariable[], plan: Plan): string[] {
  return variables.map((variable, index) => `${variable.path}=${plan[index]}`);
}

/** A plan in words: "tier1.early=5 tier1.late=4". */
export function planText(variables: readonly StaffVariable[], plan: Plan): string {
  return variables.map((variable, index) => `${variable.name}=${plan[index]}`).join(' ');
}
