/**
 * Warnings: what a reader of a run's numbers must know before trusting them, computed from
 * the KPI summaries and the desk's plan, never painted. Each has a stable `code` and a
 * message in words; `summary.json` carries them, the terminal prints them, and the report
 * shows them at the top. docs/metrics.md lists every code and its threshold.
 *
 *   summary (KPIs over replications) ─┐
 *   facts (window, reopen window,     ├─▶ computeWarnings ─▶ [{ code, message }]
 *          survey delay, staffing)   ─┘
 */
import { formatDuration } from '../engine/duration.js';
import { KPI_CATALOG, kpiRange, TIER_KPI_CATALOG, TRUTH_KPI_IDS } from '../metrics/catalog.js';
import { AUTOMATION_KPI_IDS } from '../metrics/automation.js';
import type { DeskModel } from '../model/build.js';
import { isWide, WIDE_OF_RANGE, WIDE_RELATIVE, type KpiSummary } from './statistics.js';
import { formatKpiKey } from '../metrics/kpi-key.js';

/** Every kind of warning, in the order they are reported. */
export const WARNING_CODES = [
  'unstable',
  'unfinished_work',
  'short_window',
  'few_replications',
  'tier_unstaffed',
  'blank_kpis',
  'wide_intervals',
  'automation_tier_absent',
] as const;

/** A kind of warning. */
export type WarningCode = (typeof WARNING_CODES)[number];

/** One warning: a stable code and a sentence or two for people. */
export interface RunWarning {
  code: WarningCode;
  message: string;
}

/** Utilization at or above this (desk-wide or any tier) means the desk cannot keep up. */
export const UNSTABLE_UTILIZATION = 0.98;
/** More than this share of tickets unfinished at the end makes the time KPIs biased. */
export const UNFINISHED_SHARE = 0.05;
/** Fewer replications than this give no usable confidence interval. */
export const MIN_REPLICATIONS = 3;
/**
 * A backlog that grows over the measured window (its growth rate × the measured days) by
 * more than this share of its mean and by at least `GROWING_BACKLOG_TICKETS`, the growth
 * rate's interval above 0, is a queue growing without bound. A stable desk's backlog
 * wanders around its mean; an unstable one's climbs by more than its own size.
 */
export const GROWING_BACKLOG_SHARE = 0.5;
export const GROWING_BACKLOG_TICKETS = 10;

/** What the warnings need to know of the desk beyond its KPIs. */
export interface WarningFacts {
  replications: number;
  /** Days measured (horizon less warm-up). */
  measuredDays: number;
  /** Days after a resolution before the ticket closes (and is surveyed) unless reopened. */
  reopenWindowDays: number;
  /** Mean minutes from a survey to its answer. */
  surveyDelayMinutes: number;
  /** Tiers that receive escalations, with the minutes of the measured window when none of their agents is on duty. */
  escalationTargets: ReadonlyArray<{ tier: string; unstaffedMinutes: number }>;
  /** One real log rather than simulated replications: the words say so. */
  log?: boolean;
  /** The desk has an automation tier (an AI agent): else its KPIs are not blank, they do not apply. */
  automation?: boolean;
}

/** Summaries a warning reads: desk-wide and per tier (a run's `summary.json`). */
export interface WarningInput {
  kpis: Record<string, KpiSummary | undefined>;
  tiers: Record<string, Record<string, KpiSummary | undefined>>;
}

const MINUTES_PER_DAY = 24 * 60;

/** The facts of a built desk model. */
export function warningFacts(model: DeskModel): WarningFacts {
  const targets = new Set(model.tiers.flatMap((tier) => (tier.escalatesTo >= 0 ? [tier.escalatesTo] : [])));
  return {
    replications: model.scenario.replications,
    measuredDays: (model.horizon - model.measureFrom) / MINUTES_PER_DAY,
    reopenWindowDays: model.reopenWindow / MINUTES_PER_DAY,
    surveyDelayMinutes: model.customers.survey.delay.mean,
    automation: model.scenario.automation.length > 0,
    escalationTargets: [...targets].map((index) => {
      const tier = model.tiers[index]!;
      const onDuty = tier.agents.flatMap((agent) => agent.onDuty);
      return { tier: tier.id, unstaffedMinutes: uncovered(onDuty, model.measureFrom, model.horizon) };
    }),
  };
}

/** Minutes of [from, to) covered by none of the intervals. */
export function uncovered(intervals: ReadonlyArray<readonly [number, number]>, from: number, to: number): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let gap = 0;
  let reached = from;
  for (const [start, end] of sorted) {
    if (end <= reached) continue;
    if (start > reached) gap += Math.min(start, to) - reached;
    reached = Math.max(reached, end);
    if (reached >= to) break;
  }
  return gap + Math.max(0, to - reached);
}

const value = (summary: KpiSummary | undefined) => summary?.mean ?? null;
const percent = (share: number) => `${Math.round(share * 100)} %`;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The desk's sentences of instability: overloaded tiers and a growing backlog. */
function instability(input: WarningInput, measuredDays: number): string[] {
  const reasons: string[] = [];
  const overloaded = Object.entries(input.tiers).flatMap(([tier, kpis]) => {
    const utilization = value(kpis.utilization);
    return utilization !== null && utilization >= UNSTABLE_UTILIZATION ? [`${tier} ${percent(utilization)}`] : [];
  });
  const desk = value(input.kpis.utilization);
  if (overloaded.length > 0) reasons.push(`agents were busy nearly all their shift time (${overloaded.join(', ')})`);
  else if (desk !== null && desk >= UNSTABLE_UTILIZATION) {
    reasons.push(`agents were busy ${percent(desk)} of their shift time`);
  }
  const growth = input.kpis.backlog_growth_per_day;
  const backlog = value(input.kpis.backlog_mean);
  const end = value(input.kpis.backlog_end);
  if (growth?.mean != null && backlog !== null && end !== null) {
    const significant = growth.ci95 === null ? growth.mean > 0 : growth.ci95[0] > 0;
    const grown = growth.mean * measuredDays;
    // A queue growing without bound also ends above its own mean: a slope over a long, uneven
    // history (a real log whose volume rose, then fell) does not by itself make a desk unstable.
    if (significant && grown > Math.max(GROWING_BACKLOG_TICKETS, GROWING_BACKLOG_SHARE * backlog) && end > backlog) {
      reasons.push(`the backlog grew by ${growth.mean.toFixed(1)} tickets a day (${Math.round(end)} open at the end)`);
    }
  }
  return reasons;
}

/** Ids of the KPIs (desk-wide, then `tiers.<id>.<kpi>`, catalog order) whose summary meets `test`. */
function kpisWhere(input: WarningInput, test: (summary: KpiSummary, id: string) => boolean): string[] {
  const desk = KPI_CATALOG.flatMap((kpi) => {
    const summary = input.kpis[kpi.id];
    return summary !== undefined && test(summary, kpi.id) ? [kpi.id] : [];
  });
  const tiers = Object.entries(input.tiers).flatMap(([tier, kpis]) =>
    TIER_KPI_CATALOG.flatMap((kpi) => {
      const id = formatKpiKey({ tier, kpi: kpi.id });
      const summary = kpis[kpi.id];
      return summary !== undefined && test(summary, id) ? [id] : [];
    }),
  );
  return [...desk, ...tiers];
}

/** Every warning of a run, in a fixed order: the worst first. */
export function computeWarnings(input: WarningInput, facts: WarningFacts): RunWarning[] {
  const warnings: RunWarning[] = [];
  const reasons = instability(input, facts.measuredDays);
  if (reasons.length > 0) {
    warnings.push({
      code: 'unstable',
      message:
        `The desk is unstable: ${reasons.join(', and ')}. More work arrives than the agents can do, ` +
        'so the queue grows without bound: waits, backlog and every time KPI depend on how long the ' +
        'desk was observed, not on the desk.',
    });
  }

  const noReply = value(input.kpis.first_response_unfinished_share);
  const open = value(input.kpis.resolution_unfinished_share);
  if ((noReply !== null && noReply > UNFINISHED_SHARE) || (open !== null && open > UNFINISHED_SHARE)) {
    warnings.push({
      code: 'unfinished_work',
      message:
        `${percent(noReply ?? 0)} of tickets had no first reply and ${percent(open ?? 0)} were still open ` +
        `at the end of observation (more than ${percent(UNFINISHED_SHARE)}). Response, resolution and ` +
        'queue times are over finished tickets only and understate what customers waited; the ' +
        'unfinished shares stand beside them.',
    });
  }

  const surveyDays = facts.surveyDelayMinutes / MINUTES_PER_DAY;
  if (facts.measuredDays <= facts.reopenWindowDays + surveyDays) {
    warnings.push({
      code: 'short_window',
      message:
        `The measured window (${plural(Math.round(facts.measuredDays * 10) / 10, 'day')}) ` +
        'is not longer than the reopen window ' +
        `(${plural(facts.reopenWindowDays, 'day')}) plus the survey delay ` +
        `(${formatDuration(Math.round(facts.surveyDelayMinutes))}): tickets close, and are surveyed, only ` +
        'once the reopen window has passed, so CSAT, NPS, CES, the survey response rate, reopens, ' +
        'first-contact resolution and the truth KPIs are blank or cover only the first tickets. ' +
        'Run a longer horizon.',
    });
  }

  if (facts.replications < MIN_REPLICATIONS) {
    warnings.push({
      code: 'few_replications',
      message:
        `${plural(facts.replications, 'replication')}: no usable confidence interval ` +
        `(at least ${MIN_REPLICATIONS} are needed; ` +
        'with 2 the 95 % interval is ±12.7 standard errors). Differences between runs cannot be told from noise.',
    });
  }

  for (const target of facts.escalationTargets) {
    if (target.unstaffedMinutes < 60) continue;
    const hoursPerWeek = (target.unstaffedMinutes / 60) * (7 / Math.max(facts.measuredDays, 1 / 24));
    warnings.push({
      code: 'tier_unstaffed',
      message:
        `${target.tier} receives escalations but has no agent on duty for about ` +
        `${Math.round(hoursPerWeek)} hours a week: ` +
        'tickets escalated then wait until its next shift, and that wait is in its queue times.',
    });
  }

  const blank = kpisWhere(
    input,
    (summary, id) => summary.n === 0 && (facts.automation === true || !AUTOMATION_KPI_IDS.includes(id)),
  );
  if (blank.length > 0) {
    warnings.push({
      code: 'blank_kpis',
      message: facts.log === true ? blankInLog(blank) : blankInRun(blank),
    });
  }

  if (facts.replications >= MIN_REPLICATIONS) {
    const wide = kpisWhere(input, (summary, id) => isWide(summary, kpiRange(id)));
    if (wide.length > 0) {
      warnings.push({
        code: 'wide_intervals',
        message:
          `${plural(wide.length, 'KPI')} with a 95 % interval too wide to mean much (half-width over ` +
          `${percent(WIDE_RELATIVE)} of the mean, or over ${percent(WIDE_OF_RANGE)} of the possible range): ` +
          `${wide.join(', ')}. More replications or a longer horizon narrow them.`,
      });
    }
  }
  return warnings;
}

/** A run's blank KPIs, in words. */
function blankInRun(blank: readonly string[]): string {
  return (
    `${plural(blank.length, 'KPI')} blank in every replication because the events they are computed from ` +
    `never happened in the measured window (unknown, not zero): ${blank.join(', ')}.`
  );
}

/** A log's blank KPIs; the truth KPIs apart: no export records the truth, only a simulation knows it. */
function blankInLog(blank: readonly string[]): string {
  const truth = blank.filter((id) => TRUTH_KPI_IDS.has(id));
  const observed = blank.filter((id) => !TRUTH_KPI_IDS.has(id));
  const sentences: string[] = [];
  if (observed.length > 0)
    sentences.push(
      `${plural(observed.length, 'KPI')} blank because the log holds none of the events they are computed from, or ` +
        `its source cannot record them (unknown, not zero): ${observed.join(', ')}.`,
    );
  if (truth.length > 0)
    sentences.push(
      `${plural(truth.length, 'truth KPI')} cannot be measured from this log: they need the truth (was the ` +
        'problem really fixed, how satisfied was the customer, which tickets are one issue), which a help ' +
        `desk's export does not record and only a simulated log carries: ${truth.join(', ')}.`,
    );
  return sentences.join(' ');
}

/** Warnings for the terminal: a heading and one indented paragraph each; empty for none. */
export function formatWarnings(warnings: readonly RunWarning[], heading = 'Warnings'): string {
  if (warnings.length === 0) return '';
  return `${heading}:\n${warnings.map((warning) => `  ! [${warning.code}] ${warning.message}\n`).join('')}`;
}

/** A warning of an experiment: the same warning of several runs said once, naming the runs. */
export interface ExperimentWarning extends RunWarning {
  /** The runs it concerns: scenario labels, grid points or pressure levels. */
  runs: string[];
}

/** The warnings of an experiment's runs, each distinct warning once, in the order first met. */
export function mergeWarnings(
  runs: ReadonlyArray<{ run: string; warnings: readonly RunWarning[] }>,
): ExperimentWarning[] {
  const merged = new Map<string, ExperimentWarning>();
  for (const { run, warnings } of runs) {
    for (const warning of warnings) {
      const key = `${warning.code}\u0000${warning.message}`;
      const found = merged.get(key);
      if (found === undefined) merged.set(key, { ...warning, runs: [run] });
      else if (!found.runs.includes(run)) found.runs.push(run);
    }
  }
  return [...merged.values()];
}

/** Experiment warnings as run warnings whose message names the runs, for reports and the terminal. */
export function namedWarnings(warnings: readonly ExperimentWarning[]): RunWarning[] {
  return warnings.map((warning) => ({ code: warning.code, message: `${warning.runs.join(', ')}: ${warning.message}` }));
}
