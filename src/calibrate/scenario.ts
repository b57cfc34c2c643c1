/**
 * The calibrated scenario as YAML: every value the log gave, with its estimate and 95 %
 * interval in a comment beside it, and every assumption (what the log cannot tell, the
 * default used) at the top.
 */
import type { DistributionSpec } from '../engine/distributions.js';
import type { Calibration, Share, TierEstimate } from './estimate.js';
import type { DurationFit } from './fit.js';

/** Days simulated before the log's first day, so the desk is not empty when measuring starts. */
export const WARMUP_DAYS = 7;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A number to four significant digits (no exponent for the sizes a desk has). */
export function figure(value: number): number {
  return Number(value.toPrecision(4));
}

const percent = (value: number) => `${figure(value * 100)} %`;
const interval = ([low, high]: [number, number], format: (value: number) => string | number = figure) =>
  `[${format(low)}, ${format(high)}]`;

/** A duration in minutes as words: minutes, hours or days. */
export function minutesText(minutes: number): string {
  if (minutes < 120) return `${figure(minutes)} min`;
  if (minutes < 2 * 1440) return `${figure(minutes / 60)} h`;
  return `${figure(minutes / 1440)} d`;
}

/** A distribution as a YAML flow mapping. */
export function distributionYaml(spec: DistributionSpec): string {
  switch (spec.dist) {
    case 'exponential':
      return `{ dist: exponential, mean: ${figure(spec.mean)} }`;
    case 'lognormal':
    case 'gamma':
      return `{ dist: ${spec.dist}, mean: ${figure(spec.mean)}, sd: ${figure(spec.sd)} }`;
    case 'weibull':
      return `{ dist: weibull, shape: ${figure(spec.shape)}, scale: ${figure(spec.scale)} }`;
    case 'empirical':
      return `{ dist: empirical, values: [${spec.values.map(figure).join(', ')}] }`;
    default:
      return JSON.stringify(spec);
  }
}

/** The comment lines of a fit: sample, mean with its interval, every candidate's AIC, the KS gap. */
export function fitComment(fit: DurationFit, indent: string): string {
  const candidates = fit.candidates
    .map((candidate) => `${candidate.spec.dist} ${figure(candidate.aic)} (KS ${figure(candidate.ks)})`)
    .join(', ');
  const lines = [
    `n = ${fit.n}, mean ${minutesText(fit.mean)} ${interval(fit.meanCi, minutesText)}, sd ${minutesText(fit.sd)}`,
    `AIC, best first: ${candidates}`,
    fit.fits
      ? `chosen: ${fit.chosen.dist} (lowest AIC; KS distance ${figure(fit.candidates[0]!.ks)} is a fit)`
      : `no candidate fits (best KS distance ${figure(fit.candidates[0]?.ks ?? 1)}): the sample's quantiles as an ` +
        `empirical distribution`,
  ];
  if (fit.raisedToResolution > 0) lines.push(`${fit.raisedToResolution} zero durations raised to the log's one second`);
  return lines.map((line) => `${indent}# ${line}`).join('\n');
}

function shareLine(share: Share): string {
  return (
    `${share.count} tickets, ${percent(share.share)} ` +
    `${interval(share.ci, percent)}${share.label !== share.id ? `; "${share.label}" in the log` : ''}`
  );
}

/** Staffing of one hour of the week, rounded; at least one somewhere so the tier can work. */
function staffing(tier: TierEstimate): number[] {
  const means = tier.agentsOnShift ?? tier.ticketsInProcessing ?? tier.agentsActive;
  const counts = means.map((mean) => Math.round(mean));
  if (counts.every((count) => count === 0)) return means.map((mean) => (mean > 0 ? 1 : 0));
  return counts;
}

/**
 * Weekly shifts from 168 hourly staffing counts. Each agent is one contiguous block of a
 * day: the hours where the count is at least 1 are the first agents' blocks, at least 2 the
 * next ones', and so on; blocks with the same hours are one shift of several agents, and
 * identical shifts of several days are joined. So capacity follows the counts hour by hour
 * while the desk has as few agents as that allows (the model gives each shift its own).
 */
export function shiftsOf(
  counts: readonly number[],
): Array<{ days: string[]; start: string; end: string; agents: number }> {
  const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
  const byDay: Array<Map<string, number>> = [];
  for (let day = 0; day < 7; day++) {
    const blocks = new Map<string, number>();
    const hours = counts.slice(day * 24, day * 24 + 24);
    for (let level = 1; level <= Math.max(0, ...hours); level++) {
      let hour = 0;
      while (hour < 24) {
        if (hours[hour]! < level) {
          hour++;
          continue;
        }
        let until = hour + 1;
        while (until < 24 && hours[until]! >= level) until++;
        const key = `${clock(hour)}-${clock(until)}`;
        blocks.set(key, (blocks.get(key) ?? 0) + 1);
        hour = until;
      }
    }
    byDay.push(blocks);
  }
  const shifts = new Map<string, { days: string[]; start: string; end: string; agents: number }>();
  byDay.forEach((blocks, day) => {
    for (const [key, agents] of [...blocks].sort((a, b) => a[0].localeCompare(b[0]))) {
      const [start, end] = key.split('-') as [string, string];
      const shift = shifts.get(`${key}-${agents}`) ?? { days: [], start, end, agents };
      shift.days.push(WEEKDAYS[day]!);
      shifts.set(`${key}-${agents}`, shift);
    }
  });
  return [...shifts.values()];
}

/** Where the log came from, for the header. */
export interface CalibrationSource {
  name: string;
  log: string;
  mapping: string | null;
}

/** The scenario YAML. */
export function calibratedScenarioYaml(calibration: Calibration, source: CalibrationSource): string {
  const c = calibration;
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  const startDay = new Date(
    Math.floor((c.originEpochMs + c.start * 60000) / 86400000) * 86400000 - WARMUP_DAYS * 86400000,
  );
  const measuredDays = Math.ceil(
    (c.originEpochMs + c.end * 60000 - (startDay.getTime() + WARMUP_DAYS * 86400000)) / 86400000,
  );
  push(
    `# Calibrated by \`desksim calibrate\` from ` +
      `${source.log}${source.mapping === null ? '' : ` (mapping ${source.mapping})`}:`,
    `# ${c.tickets} tickets, ${isoDay(c.originEpochMs, c.start)} to ${isoDay(c.originEpochMs, c.end)} (${c.days} ` +
      `days).`,
    '# Every estimate has its 95 % interval in a comment; durations are minutes. Check it with',
    '# `desksim calibrate <log> --mapping <mapping> --check`.',
    '#',
    '# Assumptions (what the log cannot tell, and the default used):',
    ...c.assumptions.map((assumption) => `#   - ${assumption.what}: ${assumption.used}.`),
    `#   - clock: hours of the day and weekdays in UTC, as the log's timestamps; ${WARMUP_DAYS} warm-up days before ` +
      `the log's first day.`,
    `#   - a tier's staffing is constant within each hour of the week (shifts below), over the whole log.`,
    `name: ${source.name}`,
    `description: "Calibrated from ${source.log}: ${c.tickets} tickets over ${c.days} days"`,
    'seed: 1',
    'replications: 10',
    `horizon: { days: ${measuredDays + WARMUP_DAYS}, warmup_days: ${WARMUP_DAYS} }`,
    'clock:',
    `  start: "${startDay.toISOString().slice(0, 19)}"`,
    '  timezone: UTC',
    '',
  );

  const a = c.arrivals;
  push(
    'arrivals:',
    `  # ${c.tickets} tickets over ${figure((c.end - c.start) / 60)} hours: ${figure(a.ratePerHour)} an hour ` +
      `${interval(a.rateCi)} (Poisson),`,
    "  # averaged over a whole week of the profile below (the window's hours weighted by it).",
    `  # Trend over ${a.trend.weeks} whole weeks: ${figure(a.trend.perWeek * 100)} % a week ` +
      `${interval(a.trend.ci, (value) => `${figure(value * 100)} %`)} — ` +
      (a.trend.flagged
        ? 'FLAGGED: the volume changes over the log; the rate below is its average, not fitted to the trend.'
        : 'not significant or small: a constant level.'),
  );
  if (a.surges.length > 0) {
    push(
      `  # Surges FLAGGED (days far above the profile, Poisson tail < 0.001), not fitted: ${a.surges.length} day(s):`,
    );
    for (const surge of a.surges.slice(0, 12))
      push(`  #   ${surge.day}: ${surge.count} tickets, ${figure(surge.expected)} expected`);
    if (a.surges.length > 12) push(`  #   … and ${a.surges.length - 12} more`);
  } else {
    push('  # Surges: no day far above the profile.');
  }
  push(
    `  rate_per_hour: ${figure(a.ratePerHour)}`,
    '  pattern: profile',
    `  # Tickets by hour of the day (UTC), per hour the log holds: ${a.hourlyCounts.join(', ')}`,
    `  hourly_profile: [${a.hourly.map((weight) => figure(weight)).join(', ')}]`,
    `  # Tickets by weekday, Monday first: ${a.weeklyCounts.join(', ')}`,
    `  weekly_profile: [${a.weekly.map((weight) => figure(weight)).join(', ')}]`,
    '',
  );

  push('channels:');
  if (c.channels === null) {
    push('  unrecorded: { share: 1, response: on_completion }');
  } else {
    const shares = roundedShares(c.channels);
    for (const share of c.channels) {
      const abandonment = c.abandonment?.get(share.id);
      const patience =
        abandonment?.patienceMean == null
          ? ''
          : `, patience: { dist: exponential, mean: ${figure(abandonment.patienceMean)} }`;
      push(
        `  # ${shareLine(share)}${
          abandonment === undefined
            ? ''
            : `; abandoned ${percent(abandonment.rate)} ${interval(abandonment.ci, percent)} of queue entries`
        }`,
      );
      push(`  ${share.id}: { share: ${shares.get(share.id)}, response: on_completion${patience} }`);
    }
  }
  push('');

  const pooled = c.work.get('*')!;
  const complexityOf = (category: string) => (c.work.has(category) ? category : 'pooled');
  const needsEngineering = c.engineering === null ? '' : `, needs_engineering: ${figure(c.engineering.share)}`;
  push('categories:');
  if (c.categories === null) {
    push(`  general: { share: 1, complexity: pooled${needsEngineering} }`);
  } else {
    const shares = roundedShares(c.categories);
    for (const share of c.categories) {
      push(`  # ${shareLine(share)}`);
      push(
        `  ${share.id}: { share: ${shares.get(share.id)}, complexity: ${complexityOf(share.id)}${needsEngineering} }`,
      );
    }
  }
  push('');
  push('complexity:');
  push(
    `  # ${c.workKind === 'handle' ? 'Handle' : 'Processing'} time per category, fitted by maximum likelihood; ` +
      `categories with fewer than 30 spans use the pooled fit.`,
  );
  for (const [id, fit] of c.work) {
    if (id === '*') continue;
    push(fitComment(fit, '  '), `  ${id}: { handle_time: ${distributionYaml(fit.chosen)} }`);
  }
  push(fitComment(pooled, '  '), `  pooled: { handle_time: ${distributionYaml(pooled.chosen)} }`);
  for (const [id, fit] of c.workByPriority)
    push(
      `  # priority ${id}: n = ${fit.n}, mean ${minutesText(fit.mean)} ${interval(fit.meanCi, minutesText)} ` +
        `(reported: the model's work times depend on the category, not the priority)`,
    );
  push('');

  push('priorities:');
  if (c.priorities === null) {
    push('  normal: { share: 1 }');
  } else {
    const shares = roundedShares(c.priorities);
    for (const share of c.priorities)
      push(`  # ${shareLine(share)}`, `  ${share.id}: { share: ${shares.get(share.id)} }`);
  }
  push('');

  const reopen = c.reopen;
  // The reopen window holds 95 % of the log's reopen delays; accuracy counts the not-fixed who come back within it.
  const delays = reopen?.delays ?? [];
  const windowDays =
    delays.length === 0
      ? 7
      : Math.min(60, Math.max(1, Math.ceil(delays[Math.floor(0.95 * (delays.length - 1))]! / 1440)));
  const comesBack =
    delays.length === 0 ? 1 : delays.filter((delay) => delay <= windowDays * 1440).length / delays.length;
  const accuracy = reopen === null ? 1 : Math.max(0, Math.min(1, 1 - reopen.rate / Math.max(comesBack, 1e-9)));
  const entry = c.tiers.find((tier) => tier.id === c.entryTier) ?? c.tiers[0]!;
  push('routing:', '  discipline: fifo', `  entry_tier: ${entry.id}`, '');
  push('tiers:');
  for (const tier of [entry, ...c.tiers.filter((other) => other !== entry)]) {
    const escalated = tier.escalations.reduce((sum, escalation) => sum + escalation.probability, 0);
    const target = tier.escalations.find((escalation) =>
      c.tiers.some((other) => other.id === escalation.to && other !== tier),
    );
    push(`  # ${tier.visits} queue entries${tier.label !== tier.id ? `; "${tier.label}" in the log` : ''}.`);
    for (const escalation of tier.escalations) {
      push(
        `  # escalated to ${escalation.to}: ${escalation.count}, ${percent(escalation.probability)} ` +
          `${interval(escalation.ci, percent)} of entries`,
      );
    }
    if (tier.escalations.length > 1)
      push(
        '  # a tier escalates to one tier in the model: the most frequent target is kept, the others count as ' +
          'escalations to it.',
      );
    const speed =
      tier.work !== undefined && entry.work !== undefined && tier !== entry
        ? figure(entry.work.mean / tier.work.mean)
        : 1;
    if (tier.work !== undefined)
      push(
        `  # work here: n = ${tier.work.n}, mean ${minutesText(tier.work.mean)} ` +
          `${interval(tier.work.meanCi, minutesText)}; speed = entry tier's mean over this one's`,
      );
    const counts = staffing(tier);
    push(
      tier.agentsOnShift !== undefined
        ? `  # staffing: agents on shift in each hour of the week (the log's shift records), mean over the log, ` +
            `rounded (peak ${figure(Math.max(...tier.agentsOnShift))}).`
        : tier.ticketsInProcessing === undefined
          ? `  # staffing: distinct agents active in each hour of the week, mean over the log, rounded (peak ` +
            `${figure(Math.max(...tier.agentsActive))}).`
          : `  # staffing: tickets in processing in each hour of the week, mean over the log, rounded (peak ` +
            `${figure(Math.max(...tier.ticketsInProcessing))}); ` +
            `distinct agents active: peak ${figure(Math.max(...tier.agentsActive))}.`,
    );
    push(`  - id: ${tier.id}`);
    push(`    skill: ${figure(1 - Math.min(1, escalated))}`);
    if (reopen !== null) {
      push(
        `    # reopened: ${reopen.reopenedTickets} of ${reopen.resolvedTickets} resolved tickets, ` +
          `${percent(reopen.rate)} ${interval(reopen.ci, percent)}; ` +
          `${percent(comesBack)} of reopens come within the ${windowDays}-day window: accuracy = 1 − rate / that.`,
      );
      push(`    accuracy: ${figure(accuracy)}`);
    }
    if (speed !== 1) push(`    speed: ${speed}`);
    push(`    escalates_to: ${target === undefined ? 'null' : target.to}`);
    push('    shifts:');
    const shifts = shiftsOf(counts);
    for (const shift of shifts)
      push(
        `      - { days: [${shift.days.join(', ')}], start: "${shift.start}", end: "${shift.end}", agents: ` +
          `${shift.agents} }`,
      );
    if (shifts.length === 0) push('      - { days: [mon], start: "00:00", end: "01:00", agents: 0 }');
  }
  push('');

  push('customers:');
  push(`  population: ${c.customers ?? 0}`);
  if (c.customerWait !== null) {
    push(
      `  # waits on the customer: after ${percent(c.customerWait.share)} ${interval(c.customerWait.ci, percent)} of ` +
        `${c.customerWait.sessions} sessions`,
    );
    push(`  info_request: ${figure(c.customerWait.share)}`);
    if (c.customerWait.delay !== undefined)
      push(fitComment(c.customerWait.delay, '  '), `  reply_delay: ${distributionYaml(c.customerWait.delay.chosen)}`);
    push(
      '  silence: 0                       # assumed: every wait on the customer ends (the log shows how, not whether)',
    );
  }
  push(
    '  return_when_not_fixed: 1          # assumed: every customer whose problem was not fixed comes back (the log ' +
      'shows who did)',
  );
  if (reopen?.delay !== undefined)
    push(fitComment(reopen.delay, '  '), `  return_delay: ${distributionYaml(reopen.delay.chosen)}`);
  push('');
  if (c.engineering?.delay !== undefined) {
    push('engineering:');
    push(`  # waits on engineering: ${percent(c.engineering.share)} ${interval(c.engineering.ci, percent)} of tickets`);
    push(fitComment(c.engineering.delay, '  '), `  delay: ${distributionYaml(c.engineering.delay.chosen)}`, '');
  }
  push(
    'metrics:',
    `  reopen_window_days: ${windowDays}         # the 95th percentile of the log's reopen delays, in days`,
    '',
  );
  return lines.join('\n');
}

function isoDay(originEpochMs: number, minutes: number): string {
  return new Date(originEpochMs + minutes * 60000).toISOString().slice(0, 10);
}

/** Shares rounded to four decimals that still sum to exactly 1 (the largest takes the rounding). */
function roundedShares(shares: readonly Share[]): Map<string, number> {
  const rounded = new Map(shares.map((share) => [share.id, Math.round(share.share * 10000) / 10000]));
  const total = [...rounded.values()].reduce((sum, value) => sum + value, 0);
  const largest = shares[0]!.id;
  rounded.set(largest, Math.round((rounded.get(largest)! + 1 - total) * 10000) / 10000);
  return rounded;
}
