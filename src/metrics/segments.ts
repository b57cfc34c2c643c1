/**
 * Segmentation: any KPI of the catalog by channel, category, priority, tier or agent. A
 * segment is the same metric engine run on a subset of the tickets (and, for tier and
 * agent, of the agents): the KPI definitions do not change.
 *
 * - channel, category, priority: the tickets with that attribute. Ticket KPIs only: agent
 *   time is not attributed to channels, so utilization and cost are left out.
 * - tier: the tickets that entered the tier's queue at least once, and the tier's agents.
 * - agent: the tickets the agent took last (usually the one who resolved it), and the agent.
 * Desk KPIs (costs, deflections, turnover) are not segmented.
 */
import { KPI_CATALOG, type KpiDefinition, LogColumns, type MetricOptions } from './catalog.js';
import { buildContext, computable } from './engine.js';
import type { AgentRecord, Ledger } from './ledger.js';

export const SEGMENT_DIMENSIONS = ['channel', 'category', 'priority', 'tier', 'agent'] as const;
export type SegmentDimension = (typeof SEGMENT_DIMENSIONS)[number];

/** One segment's KPI values (only the KPIs that apply to its dimension). */
export interface Segment {
  dimension: SegmentDimension;
  segment: string;
  values: Record<string, number | null>;
}

/** KPIs reported for a dimension: ticket KPIs always, agent KPIs where agents are part of the segment. */
export function segmentKpis(dimension: SegmentDimension): KpiDefinition[] {
  const withAgents = dimension === 'tier' || dimension === 'agent';
  return KPI_CATALOG.filter((kpi) => (kpi.scope ?? 'ticket') === 'ticket' || (withAgents && kpi.scope === 'agent'));
}

/**
 * Ticket rows grouped by code (−1 = unknown, left out), each group in creation order, as
 * typed arrays: codes are counted in a first pass and rows placed in a second, so grouping
 * 800,000 tickets makes no list per group and no array per ticket. `codesOf` hands each of a
 * ticket's codes to `add` (a ticket may visit several tiers: each code once).
 */
function groupRows(
  count: number,
  codesOf: (ticket: number, add: (code: number) => void) => void,
): Map<number, Int32Array> {
  const sizes: number[] = [];
  let pass = 0;
  let groups: Int32Array[] = [];
  const filled: number[] = [];
  let current = 0;
  let lastCode = -1;
  const add = (code: number) => {
    if (code < 0 || code === lastCode) return;
    lastCode = code;
    if (pass === 0) {
      while (sizes.length <= code) sizes.push(0);
      sizes[code]!++;
    } else {
      groups[code]![filled[code]!++] = current;
    }
  };
  for (pass = 0; pass < 2; pass++) {
    if (pass === 1) {
      groups = sizes.map((size) => new Int32Array(size));
      filled.push(...sizes.map(() => 0));
    }
    for (current = 0; current < count; current++) {
      lastCode = -1;
      codesOf(current, add);
    }
  }
  const result = new Map<number, Int32Array>();
  groups.forEach((rows, code) => {
    if (rows.length > 0) result.set(code, rows);
  });
  return result;
}

/** Which segments to compute: some dimensions only, some KPIs only (by id). */
export interface SegmentFilter {
  dimensions?: readonly SegmentDimension[];
  kpis?: readonly string[];
}

/**
 * Every segment of every dimension (or of those `only` names), in dimension order, then segment name order.
 * Every segment reads the same per-ticket columns of the log (`columns`, shared with the desk-wide KPIs if given).
 */
export function computeSegments(
  ledger: Ledger,
  options: MetricOptions,
  only: SegmentFilter = {},
  columns: LogColumns = new LogColumns(ledger, options),
): Segment[] {
  ledger.finish();
  const { measureFrom, measureTo } = ledger.window;
  // The rows created in the measured window, in the same order.
  const measuredOf = (rows: Int32Array) => {
    const measured = new Int32Array(rows.length);
    let count = 0;
    for (let index = 0; index < rows.length; index++) {
      const created = ledger.createdAt[rows[index]!]!;
      if (created >= measureFrom && created < measureTo) measured[count++] = rows[index]!;
    }
    return measured.subarray(0, count);
  };
  const agents = [...ledger.agents.values()];
  // A ticket's tiers, each once: visits alternate little, so a repeat of the last tier is
  // skipped by `groupRows` and an earlier one is looked for along the chain.
  const visitedTiers = (ticket: number, add: (code: number) => void) => {
    for (let visit = ledger.firstVisit[ticket]!; visit >= 0; visit = ledger.visitNext[visit]!) {
      const tier = ledger.visitTier[visit]!;
      let repeated = false;
      for (
        let earlier = ledger.firstVisit[ticket]!;
        earlier !== visit && !repeated;
        earlier = ledger.visitNext[earlier]!
      )
        repeated = ledger.visitTier[earlier] === tier;
      if (!repeated) add(tier);
    }
  };
  const dimensions: Array<{
    dimension: SegmentDimension;
    names: { value(code: number): string | undefined };
    codesOf: (ticket: number, add: (code: number) => void) => void;
    agentsOf: (name: string) => AgentRecord[];
  }> = [
    {
      dimension: 'channel',
      names: ledger.channels,
      codesOf: (ticket, add) => add(ledger.channel[ticket]!),
      agentsOf: () => [],
    },
    {
      dimension: 'category',
      names: ledger.categories,
      codesOf: (ticket, add) => add(ledger.category[ticket]!),
      agentsOf: () => [],
    },
    {
      dimension: 'priority',
      names: ledger.priorities,
      codesOf: (ticket, add) => add(ledger.priority[ticket]!),
      agentsOf: () => [],
    },
    {
      dimension: 'tier',
      names: ledger.tiers,
      codesOf: visitedTiers,
      agentsOf: (tier) => agents.filter((agent) => agent.tier === tier),
    },
    {
      dimension: 'agent',
      names: ledger.agentNames,
      codesOf: (ticket, add) => add(ledger.lastAgent[ticket]!),
      agentsOf: (name) => agents.filter((agent) => agent.agent === name),
    },
  ];
  const segments: Segment[] = [];
  for (const { dimension, names, codesOf, agentsOf } of dimensions) {
    if (only.dimensions !== undefined && !only.dimensions.includes(dimension)) continue;
    const kpis = segmentKpis(dimension).filter(
      (kpi) => computable(ledger, kpi.needs) && (only.kpis === undefined || only.kpis.includes(kpi.id)),
    );
    const groups = [...groupRows(ledger.ticketCount, codesOf)]
      .map(([code, rows]) => ({ name: names.value(code) ?? '', rows }))
      .filter((group) => group.name !== '')
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { name, rows } of groups) {
      const allTickets = rows;
      const tickets = measuredOf(allTickets);
      if (tickets.length === 0) continue;
      const context = buildContext(ledger, options, { tickets, allTickets, agents: agentsOf(name) }, columns);
      const values: Record<string, number | null> = {};
      for (const kpi of kpis) values[kpi.id] = kpi.compute(context);
      segments.push({ dimension, segment: name, values });
    }
  }
  return segments;
}
