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
import type { CodeColumn } from './ledger-records.js';

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

/** `groupRows` for one code per ticket read from a column: no callback per ticket. */
function groupColumn(count: number, codes: CodeColumn | Int32Array): Map<number, Int32Array> {
  const sizes: number[] = [];
  for (let ticket = 0; ticket < count; ticket++) {
    const code = codes[ticket]!;
    if (code < 0) continue;
    while (sizes.length <= code) sizes.push(0);
    sizes[code]!++;
  }
  const groups = sizes.map((size) => new Int32Array(size));
  const filled = new Int32Array(sizes.length);
  for (let ticket = 0; ticket < count; ticket++) {
    const code = codes[ticket]!;
    if (code >= 0) groups[code]![filled[code]!++] = ticket;
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
    /** One code per ticket (a column), or each of a ticket's codes handed to `add`. */
    codes: CodeColumn | Int32Array | ((ticket: number, add: (code: number) => void) => void);
    agentsOf: (name: string) => AgentRecord[];
  }> = [
    {
      dimension: 'channel',
      names: ledger.channels,
      codes: ledger.channel,
      agentsOf: () => [],
    },
    {
      dimension: 'category',
      names: ledger.categories,
      codes: ledger.category,
      agentsOf: () => [],
    },
    {
      dimension: 'priority',
      names: ledger.priorities,
      codes: ledger.priority,
      agentsOf: () => [],
    },
    {
      dimension: 'tier',
      names: ledger.tiers,
      codes: visitedTiers,
      agentsOf: (tier) => agents.filter((agent) => agent.tier === tier),
    },
    {
      dimension: 'agent',
      names: ledger.agentNames,
      codes: ledger.lastAgent,
      agentsOf: (name) => agents.filter((agent) => agent.agent === name),
    },
  ];
  const segments: Segment[] = [];
  // A segment holding every ticket of the log (the only channel, priority or tier…) has the ticket KPIs of the
  // desk-wide context and of any other such segment: computed once. Its agent KPIs depend on its agents, and are
  // computed each time.
  for (const { dimension, names, codes, agentsOf } of dimensions) {
    if (only.dimensions !== undefined && !only.dimensions.includes(dimension)) continue;
    const kpis = segmentKpis(dimension).filter(
      (kpi) => computable(ledger, kpi.needs) && (only.kpis === undefined || only.kpis.includes(kpi.id)),
    );
    const grouped =
      typeof codes === 'function' ? groupRows(ledger.ticketCount, codes) : groupColumn(ledger.ticketCount, codes);
    const groups = [...grouped]
      .map(([code, rows]) => ({ name: names.value(code) ?? '', rows }))
      .filter((group) => group.name !== '')
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { name, rows } of groups) {
      const allTickets = rows;
      const tickets = measuredOf(allTickets);
      if (tickets.length === 0) continue;
      const context = buildContext(ledger, options, { tickets, allTickets, agents: agentsOf(name) }, columns);
      const values: Record<string, number | null> = {};
      const everyTicket = rows.length === ledger.ticketCount;
      const everyTicketValues = context.columns.everyTicketValues;
      for (const kpi of kpis) {
        const shared = everyTicket && (kpi.scope ?? 'ticket') === 'ticket';
        if (shared && everyTicketValues.has(kpi.id)) {
          values[kpi.id] = everyTicketValues.get(kpi.id) ?? null;
          continue;
        }
        const value = kpi.compute(context);
        values[kpi.id] = value;
        if (shared) everyTicketValues.set(kpi.id, value);
      }
      segments.push({ dimension, segment: name, values });
    }
  }
  return segments;
}
