/**
 * Targets on KPIs (`sla_first_response_compliance >= 0.9`, `tiers.tier2.queue_wait_mean <= 4h`)
 * and the verdict a KPI's 95 % interval gives on one: met when the interval's worse end meets
 * it, missed when its better end misses it, too close to call in between.
 */
import { parseDuration } from '../engine/duration.js';
import { findKpi } from '../metrics/catalog.js';
import type { KpiSummary } from './statistics.js';
import { pointSummary } from './sweep.js';
import { parseBound, type ScenarioTarget } from '../scenario/targets.js';
import type { RunSummary } from './run.js';

/** A bound on a KPI: `kpi >= value` or `kpi <= value`, in the KPI's unit (minutes, shares 0..1). */
export interface Target {
  /** A KPI column: desk-wide id or `tiers.<tier>.<id>`. */
  kpi: string;
  operator: '>=' | '<=';
  value: number;
  /** The KPI's unit (minutes, share…), for showing the value. */
  unit: string;
}

/** What a KPI's interval says about a target. */
export type Verdict = 'met' | 'missed' | 'too close to call';

/** A target with the estimate it was judged on. */
export interface TargetCheck {
  target: Target;
  /** The KPI's unit (minutes, share…). */
  unit: string;
  mean: number | null;
  ci95: [number, number] | null;
  verdict: Verdict;
}

/** Thrown for a target the user wrote that cannot be read; the message says what was expected. */
export class TargetError extends Error {}

/**
 * Reads `kpi>=value` / `kpi<=value`. The value is a number in the KPI's unit; a duration
 * ("4h", "90s") for minute KPIs and a percentage ("90%") for shares are accepted as written.
 * `known` lists the KPI columns of the scenario, to reject a misspelt KPI early.
 */
export function parseTarget(text: string, known: readonly string[]): Target {
  const match = /^\s*([A-Za-z0-9_.-]+)\s*(>=|<=|≥|≤)\s*(.+?)\s*$/.exec(text);
  if (match === null)
    throw new TargetError(
      `a target is written kpi>=value or kpi<=value, e.g. "sla_first_response_compliance>=0.9", found "${text}"`,
    );
  const [, kpi, rawOperator, rawValue] = match as unknown as [string, string, string, string];
  if (!known.includes(kpi))
    throw new TargetError(`unknown KPI "${kpi}" in target "${text}" (see docs/kpis.md; per tier: tiers.<tier>.<kpi>)`);
  const operator = rawOperator === '≥' ? '>=' : rawOperator === '≤' ? '<=' : (rawOperator as '>=' | '<=');
  return { kpi, operator, value: targetValue(rawValue, text), unit: kpiUnit(kpi) };
}

/** The unit of a KPI column, from the catalog. */
export function kpiUnit(kpi: string): string {
  return findKpi(kpi)?.unit ?? '';
}

/** A target's value: a number, a percentage, or a duration in minutes. */
export function targetValue(text: string, context: string): number {
  const percent = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (percent !== null) return Number(percent[1]) / 100;
  const value = Number(text);
  if (text !== '' && Number.isFinite(value)) return value;
  try {
    return parseDuration(text);
  } catch {
    throw new TargetError(
      `the value of target "${context}" must be a number, a percentage (90%) or a duration (4h), found "${text}"`,
    );
  }
}

/** Whether a value meets a target. */
export function satisfies(target: Target, value: number): boolean {
  return target.operator === '>=' ? value >= target.value : value <= target.value;
}

/**
 * The verdict of a KPI's 95 % interval on a target. Without an interval (fewer than two
 * replications with a value) nothing can be called; a KPI with no value at all misses.
 */
export function judge(target: Target, summary: KpiSummary | undefined): TargetCheck {
  const mean = summary?.mean ?? null;
  const ci95 = summary?.ci95 ?? null;
  const unit = summary?.unit ?? '';
  if (mean === null) return { target, unit, mean, ci95, verdict: 'missed' };
  if (ci95 === null) return { target, unit, mean, ci95, verdict: 'too close to call' };
  const [low, high] = ci95;
  const worse = target.operator === '>=' ? low : high;
  const better = target.operator === '>=' ? high : low;
  const verdict: Verdict = satisfies(target, worse)
    ? 'met'
    : satisfies(target, better)
      ? 'too close to call'
      : 'missed';
  return { target, unit, mean, ci95, verdict };
}

/** Every target judged on a run's summary. */
export function judgeAll(targets: readonly Target[], summary: Pick<RunSummary, 'kpis' | 'tiers'>): TargetCheck[] {
  return targets.map((target) => judge(target, pointSummary(summary, target.kpi)));
}

/** A KPI's standing against a scenario target: the colour and the word a report shows. */
export interface TargetStatus {
  kpi: string;
  good: string;
  warn?: string;
  unit: string;
  mean: number | null;
  ci95: [number, number] | null;
  /** green: meets the target; amber: too close to call, or misses it but meets the warning level; red: misses. */
  status: 'green' | 'amber' | 'red';
  /** "meets", "too close to call", "misses (within warning)", "misses". */
  verdict: string;
}

/** The scenario's targets as search targets (their `good` bounds). */
export function scenarioTargets(targets: readonly ScenarioTarget[] | undefined): Target[] {
  return (targets ?? []).map((target) => {
    const bound = parseBound(target.good)!;
    return { kpi: target.kpi, operator: bound.operator, value: bound.value, unit: kpiUnit(target.kpi) };
  });
}

/** Every scenario target judged on a run's summary; empty without targets. */
export function targetStatuses(
  targets: readonly ScenarioTarget[] | undefined,
  summary: Pick<RunSummary, 'kpis' | 'tiers'>,
): TargetStatus[] {
  return (targets ?? []).map((written) => {
    const [good] = scenarioTargets([written]);
    const found = pointSummary(summary, written.kpi);
    const check = judge(good!, found);
    let status: TargetStatus['status'] =
      check.verdict === 'met' ? 'green' : check.verdict === 'too close to call' ? 'amber' : 'red';
    let verdict = check.verdict === 'met' ? 'meets' : check.verdict === 'missed' ? 'misses' : 'too close to call';
    if (check.verdict === 'missed' && written.warn !== undefined) {
      const warn = parseBound(written.warn)!;
      if (judge({ ...good!, value: warn.value }, found).verdict === 'met') {
        status = 'amber';
        verdict = 'misses (within warning)';
      }
    }
    const result: TargetStatus = {
      kpi: written.kpi,
      good: written.good,
      unit: check.unit,
      mean: check.mean,
      ci95: check.ci95,
      status,
      verdict,
    };
    if (written.warn !== undefined) result.warn = written.warn;
    return result;
  });
}

/** A status as one terminal line's mark: "✔ meets", "▲ too close to call", "✘ misses". */
export function statusMark(status: TargetStatus): string {
  return (
    `${status.status === 'green' ? '✔' : status.status === 'amber' ? '▲' : '✘'} ${status.verdict} (target ` +
    `${status.good.trim()})`
  );
}

/** summary.json with the scenario's targets judged (`targets`), or the summary unchanged without targets. */
export function summaryWithTargets<T extends Pick<RunSummary, 'kpis' | 'tiers'>>(
  summary: T,
  targets: readonly ScenarioTarget[] | undefined,
): T | (T & { targets: TargetStatus[] }) {
  return targets === undefined || targets.length === 0
    ? summary
    : { ...summary, targets: targetStatuses(targets, summary) };
}
