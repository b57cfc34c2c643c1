/**
 * Headline findings in words, computed from the numbers: the few sentences a manager reads
 * before any chart. Each sentence is written only when the KPIs it needs have a value.
 */
import { formatDuration } from '../engine/duration.js';
import type { KpiSummary } from '../experiment/statistics.js';
import { UNFINISHED_SHARE } from '../experiment/warnings.js';
import { tierLabel } from './labels.js';

/** The figures findings are computed from: KPI summaries by id, and per tier. */
export interface FindingsInput {
  kpis: Record<string, KpiSummary | undefined>;
  tiers: Record<string, Record<string, KpiSummary | undefined>>;
  replications: number;
  /** Measured days (horizon less warm-up). */
  measuredDays?: number;
  /** Set when the figures are one event log's (`desksim metrics`), not means over replications. */
  log?: string;
}

/** A share as a whole percentage: 0.884 → "88 %". */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** A duration rounded to whole minutes, humanely: 572.4 → "9h 32m". */
export function duration(minutes: number): string {
  return formatDuration(minutes >= 10 ? Math.round(minutes) : Math.round(minutes * 10) / 10);
}

function value(summary: KpiSummary | undefined): number | null {
  return summary?.mean ?? null;
}

/** "a, b and c". */
function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The headline findings of a run, most telling first. */
export function runFindings(input: FindingsInput): string[] {
  const { kpis, tiers } = input;
  const findings: string[] = [];

  const busy = Object.entries(tiers).flatMap(([tier, values]) => {
    const utilization = value(values.utilization);
    return utilization === null ? [] : [{ tier, utilization }];
  });
  if (busy.length > 0) {
    const [first, ...rest] = busy;
    findings.push(
      `${tierLabel(first!.tier)} agents were busy ${percent(first!.utilization)} of their shift time` +
        (rest.length === 0
          ? '.'
          : `; ${list(rest.map((entry) => `${tierLabel(entry.tier)} agents ${percent(entry.utilization)}`))}.`),
    );
  }

  const hidden = value(kpis.hidden_failure_share);
  if (hidden !== null)
    findings.push(
      `${percent(hidden)} of resolved tickets were not really fixed: hidden failures the dashboard counts as resolved.`,
    );

  const trueRate = value(kpis.true_resolution_rate);
  const resolvedRate = value(kpis.resolution_rate);
  if (trueRate !== null && resolvedRate !== null) {
    findings.push(
      `The dashboard shows ${percent(resolvedRate)} of tickets resolved; ${percent(trueRate)} of customer issues ` +
        `were really fixed.`,
    );
  }

  // Times are over finished tickets: where many are unfinished, the sentence leads with that.
  const responseMedian = value(kpis.first_response_time_p50);
  const responseP90 = value(kpis.first_response_time_p90);
  const noReply = value(kpis.first_response_unfinished_share);
  if (noReply !== null && noReply > UNFINISHED_SHARE) {
    findings.push(
      `${percent(noReply)} of tickets had no first reply by the end of observation` +
        (responseMedian === null ? '.' : `; of those that had one, half had it within ${duration(responseMedian)}.`),
    );
  } else if (responseMedian !== null && responseP90 !== null) {
    findings.push(
      `Half of the customers had a first reply within ${duration(responseMedian)}; one in ten waited longer than ` +
        `${duration(responseP90)}.`,
    );
  }

  const resolution = value(kpis.resolution_time_mean);
  const resolutionMedian = value(kpis.resolution_time_p50);
  const trueResolution = value(kpis.true_resolution_time_mean);
  const open = value(kpis.resolution_unfinished_share);
  if (open !== null && open > UNFINISHED_SHARE) {
    findings.push(
      `${percent(open)} of tickets were still open at the end of observation` +
        (resolution === null
          ? '.'
          : `; those resolved took ${duration(resolution)} on average, an understatement of the wait the rest will ` +
            `have.`),
    );
  } else if (resolution !== null) {
    findings.push(
      `Resolved tickets took ${duration(resolution)} on average` +
        (resolutionMedian === null ? '' : ` (median ${duration(resolutionMedian)})`) +
        (trueResolution === null
          ? '.'
          : `; from a customer's first contact until the issue was really fixed, ${duration(trueResolution)}.`),
    );
  }

  const satisfied = value(kpis.csat_satisfied_share);
  const trulySatisfied = value(kpis.true_satisfied_share);
  if (satisfied !== null && trulySatisfied !== null) {
    findings.push(
      `Surveys say ${percent(satisfied)} of customers were satisfied; of all customers, respondents or not, ` +
        `${percent(trulySatisfied)} were in the end.`,
    );
  }

  const slaResponse = value(kpis.sla_first_response_compliance);
  const slaResolution = value(kpis.sla_resolution_compliance);
  if (slaResponse !== null && slaResolution !== null) {
    // Open tickets not yet past their resolution target are left out of that SLA: say how many.
    const leftOut =
      open !== null && open > UNFINISHED_SHARE
        ? ` (over tickets resolved or already past it: ${percent(open)} still open were left out)`
        : '';
    findings.push(
      `${percent(slaResponse)} of tickets met their first-response target and ${percent(slaResolution)} their ` +
        `resolution target${leftOut}.`,
    );
  }

  const abandoned = value(kpis.abandonment_rate);
  if (abandoned !== null && abandoned >= 0.01)
    findings.push(`${percent(abandoned)} of tickets were abandoned by customers who gave up waiting.`);

  const created = value(kpis.tickets_created);
  if (created !== null) {
    const days = input.measuredDays === undefined ? '' : ` in ${input.measuredDays} measured days`;
    findings.push(
      input.log !== undefined
        ? `${Math.round(created).toLocaleString('en-US')} tickets were created${days} in the log ${input.log}.`
        : `About ${Math.round(created).toLocaleString('en-US')} tickets were created${days}, averaged over ` +
            `${input.replications} replication${input.replications === 1 ? '' : 's'}.`,
    );
  }
  return findings;
}
