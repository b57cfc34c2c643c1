/**
 * Week-by-week paired differences of a daily series (`daily.csv`'s columns) between two runs
 * of the same seeds: when does a change act, and when does it come back? A column's weekly
 * value in a replication is its mean over the week's days (days without a value left out);
 * week 1 is the first 7 days of the measured window. Each week's difference is the paired
 * t-test of `compare` (docs/experiments.md, The paired test), over the replications.
 */
import { pairedDifference, type KpiDifference } from './compare.js';
import type { ReplicationOutcome } from './replication.js';

/** One week's paired difference of a daily column. */
export interface WeeklyDifference extends KpiDifference {
  /** 1 = the measured window's first 7 days. */
  week: number;
}

function weeklyMeans(outcome: ReplicationOutcome, column: string): number[] {
  const daily = outcome.daily;
  if (daily === undefined) throw new Error('weeklyDifferences needs runs made with detail (daily series)');
  const index = daily.columns.indexOf(column);
  if (index < 0) throw new Error(`no daily column "${column}" (columns: ${daily.columns.join(', ')})`);
  const weeks: number[][] = [];
  daily.rows.forEach((row, day) => {
    const value = row[index];
    if (typeof value === 'number') (weeks[Math.floor(day / 7)] ??= []).push(value);
  });
  return weeks.map((values) => values.reduce((sum, value) => sum + value, 0) / values.length);
}

/**
 * The paired difference (other − reference) of a daily column's weekly means, week by week.
 * Both runs need the same replications and their daily series (`runScenario(…, { detail: true })`).
 */
export function weeklyDifferences(
  reference: readonly ReplicationOutcome[],
  other: readonly ReplicationOutcome[],
  column: string,
  unit = '',
): WeeklyDifference[] {
  const byReplication = (outcomes: readonly ReplicationOutcome[]) =>
    new Map(outcomes.map((outcome) => [outcome.replication, weeklyMeans(outcome, column)]));
  const before = byReplication(reference);
  const after = byReplication(other);
  const weekCount = Math.min(...[...before.values(), ...after.values()].map((weeks) => weeks.length));
  return Array.from({ length: weekCount }, (_, week) => {
    const values = (weeks: Map<number, number[]>) =>
      new Map([...weeks].map(([replication, means]) => [replication, means[week]!]));
    return { week: week + 1, ...pairedDifference(values(before), values(after), unit) };
  });
}
