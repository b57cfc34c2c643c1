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
import { KPI_CATALOG, type KpiDefinition, type MetricOptions } from './catalog.js';
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

/** Ticket rows grouped by a code (−1 = unknown, left out), keeping creation order. */
function groupRows(count: number, codeOf: (ticket: number) => number | number[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  const add = (code: number, ticket: number) => {
    if (code < 0) return;
    let rows = groups.get(code);
    if (rows === undefined) groups.set(code, (rows = []));
    if (rows[rows.length - 1] !== ticket) rows.push(ticket);
  };
  for (let ticket = 0; ticket < count; ticket++) {
    const codes = codeOf(ticket);
    if (typeof codes === 'number') add(codes, ticket);
    else for (let index = 0; index < codes.length; index++) add(codes[index]!, ticket);
  }
  return groups;
}

/** Which segments to compute: some dimensions only, some KPIs only (by id). */
export interface SegmentFilter {
  dimensions?: readonly SegmentDimension[];
  kpis?: readonly string[];
}

/** Every segment of every dimension (or of those `only` names), in dimension order, then segment name order. */
export function computeSegments(ledger: Ledger, options: MetricOptions, only: SegmentFilter = {}): Segment[] {
  ledger.finish();
  const { measureFrom, measureTo } = ledger.window;
  const isMeasured = (ticket: number) => ledger.createdAt[ticket]! >= measureFrom && ledger.createdAt[ticket]! < measureTo;
  const agents = [...ledger.agents.values()];
  const visitedTiers = (ticket: number) => {
    const tiers: number[] = [];
    for (let visit = ledger.firstVisit[ticket]!; visit >= 0; visit = ledger.visitNext[visit]!) {
      const tier = ledger.visitTier[visit]!;
      if (!tiers.includes(tier)) tiers.push(tier);
    }
    return tiers;
  };
  const dimensions: Array<{
    dimension: SegmentDimension;
    names: { value(code: number): string | undefined };
    codeOf: (ticket: number) => number | number[];
    agentsOf: (name: string) => AgentRecord[];
  }> = [
    { dimension: 'channel', names: ledger.channels, codeOf: (ticket) => ledger.channel[ticket]!, agentsOf: () => [] },
    { dimension: 'category', names: ledger.categories, codeOf: (ticket) => ledger.category[ticket]!, agentsOf: () => [] },
    { dimension: 'priority', names: ledger.priorities, codeOf: (ticket) => ledger.priority[ticket]!, agentsOf: () => [] },
    { dimension: 'tier', names: ledger.tiers, codeOf: visitedTiers, agentsOf: (tier) => agents.filter((agent) => agent.tier === tier) },
    { dimension: 'agent', names: ledger.agentNames, codeOf: (ticket) => ledger.lastAgent[ticket]!, agentsOf: (name) => agents.filter((agent) => agent.agent === name) },
  ];
  const segments: Segment[] = [];
  for (const { dimension, names, codeOf, agentsOf } of dimensions) {
    if (only.dimensions !== undefined && !only.dimensions.includes(dimension)) continue;
    const kpis = segmentKpis(dimension).filter((kpi) => computable(ledger, kpi.needs) && (only.kpis === undefined || only.kpis.includes(kpi.id)));
    const groups = [...groupRows(ledger.ticketCount, codeOf)]
      .map(([code, rows]) => ({ name: names.value(code) ?? '', rows }))
      .filter((group) => group.name !== '')
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { name, rows } of groups) {
      const allTickets = Int32Array.from(rows);
      const tickets = allTickets.filter(isMeasured);
      if (tickets.length === 0) continue;
      const context = buildContext(ledger, options, { tickets, allTickets, agents: agentsOf(name) });
      const values: Record<string, number | null> = {};
      for (const kpi of kpis) values[kpi.id] = kpi.compute(context);
      segments.push({ dimension, segment: name, values });
    }
  }
  return segments;
}
