/**
 * Desk-wide KPIs of capacity and cost: utilization and throughput, SLA compliance, backlog, self-service
 * and cost (in report order).
 */
import { backlogSamples, backlogSampleTimes, openAges, slopePerDay, utilization } from './catalog-backlog.js';
import { type KpiDefinition, totalCost } from './catalog-definition.js';
import { slaCompliance } from './catalog-sla.js';
import { countOf, knowledgeBaseFlags, resolvedFlags, shareOf } from './log-columns.js';
import { mean, selectQuantile } from './statistics.js';

/** These KPIs, in report order; src/metrics/catalog.ts assembles the families into KPI_CATALOG. */
export const CAPACITY_AND_COST_KPIS = [
  {
    id: 'utilization',
    label: 'Agent utilization',
    better: null,
    unit: 'share',
    definition: 'Agent busy time / agent on-shift time, all agents, inside the measured window.',
    needs: ['shift_started', 'work_started'],
    scope: 'agent',
    compute: (context) => utilization(context.agents),
  },
  {
    id: 'tickets_per_agent_day',
    label: 'Tickets per agent day',
    better: 'higher',
    unit: 'ratio',
    definition:
      'Resolved tickets / agent shift days (an agent’s day counts if the agent was on shift at any time that day, in ' +
      'the measured window).',
    needs: ['resolved', 'shift_started'],
    scope: 'agent',
    compute: (context) => {
      let shiftDays = 0;
      for (const agent of context.agents) shiftDays += agent.shiftDays;
      const resolved = countOf(context, resolvedFlags(context));
      return shiftDays === 0 ? null : resolved / shiftDays;
    },
  },
  {
    id: 'sla_first_response_compliance',
    label: 'SLA first-response compliance',
    better: 'higher',
    daily: 7,
    unit: 'share',
    definition:
      'Tickets whose first public reply came within their priority’s first-response target, on the SLA clock; a ' +
      'ticket still without one at the end misses, one abandoned before its target is left out.',
    needs: ['created'],
    compute: (context) => slaCompliance(context, 'firstResponse'),
  },
  {
    id: 'sla_resolution_compliance',
    label: 'SLA resolution compliance',
    better: 'higher',
    daily: 8,
    unit: 'share',
    definition:
      'Tickets resolved within their priority’s resolution target, on the SLA clock, less waits on the customer if ' +
      'the policy pauses.',
    needs: ['created'],
    compute: (context) => slaCompliance(context, 'resolution'),
  },
  {
    id: 'backlog_mean',
    label: 'Backlog, mean',
    better: 'lower',
    unit: 'tickets',
    definition:
      'Open tickets (created, not resolved, abandoned or closed; reopened ones again) sampled at each midnight of ' +
      'the measured window, averaged; warm-up tickets still open count.',
    needs: ['created'],
    compute: (context) => mean(backlogSamples(context)),
  },
  {
    id: 'backlog_end',
    label: 'Backlog, at end',
    better: 'lower',
    unit: 'tickets',
    definition: 'Open tickets at the end of observation.',
    needs: ['created'],
    compute: (context) => openAges(context).length,
  },
  {
    id: 'backlog_growth_per_day',
    label: 'Backlog growth per day',
    better: 'lower',
    unit: 'ratio',
    definition:
      'Least-squares slope of the midnight backlog samples (as backlog_mean) over the measured window, tickets per ' +
      'day; clearly above 0 on a desk that cannot keep up (null with fewer than two samples).',
    needs: ['created'],
    range: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
    compute: (context) => slopePerDay(backlogSampleTimes(context.window), backlogSamples(context)),
  },
  {
    id: 'backlog_age_p90',
    label: 'Backlog age, 90th percentile',
    better: 'lower',
    unit: 'minutes',
    definition: '90th percentile of the age (time since creation) of the tickets open at the end of observation.',
    needs: ['created'],
    compute: (context) => selectQuantile(openAges(context), 0.9),
  },
  {
    id: 'deflection_rate',
    label: 'Self-service deflection',
    better: 'higher',
    unit: 'share',
    definition:
      'Issues the knowledge base answered without a ticket (self_service deflected) / (those + tickets created).',
    needs: ['self_service'],
    scope: 'desk',
    compute: (context) => {
      const total = context.ledger.deflections + context.tickets.length;
      return total === 0 ? null : context.ledger.deflections / total;
    },
  },
  {
    id: 'turned_away_rate',
    label: 'Contacts turned away outside opening hours',
    better: 'lower',
    unit: 'share',
    definition:
      'Contacts a closed channel turned away without a ticket (turned_away, outside_hours: turn_away) / ' +
      '(those + tickets created).',
    needs: ['turned_away'],
    scope: 'desk',
    compute: (context) => {
      const total = context.ledger.turnedAway + context.tickets.length;
      return total === 0 ? null : context.ledger.turnedAway / total;
    },
  },
  {
    id: 'kb_usage_rate',
    label: 'Knowledge-base usage',
    better: null,
    unit: 'share',
    definition: 'Handled tickets with at least one knowledge-base lookup / handled tickets.',
    needs: ['kb_consulted'],
    compute: (context) => shareOf(context, knowledgeBaseFlags(context)),
  },
  {
    id: 'cost_per_ticket',
    label: 'Cost per ticket',
    better: 'lower',
    unit: 'currency',
    definition:
      'Total cost (paid agent time, absence included, at tier rates, overtime with its premium + replacement cost of ' +
      'agents who left + overhead per ticket + prorated fixed monthly cost) / tickets created.',
    needs: ['created', 'shift_started'],
    scope: 'desk',
    compute: (context) => {
      const cost = totalCost(context);
      return cost === null || context.tickets.length === 0 ? null : cost / context.tickets.length;
    },
  },
  {
    id: 'total_cost',
    label: 'Total cost',
    better: 'lower',
    unit: 'currency',
    definition:
      'Total cost of the measured window: paid agent time (absence included, at tier rates, overtime with its ' +
      'premium) + replacement cost of agents who left + overhead per ticket + prorated fixed monthly cost.',
    needs: ['created', 'shift_started'],
    scope: 'desk',
    compute: (context) => totalCost(context),
  },
  {
    id: 'cost_per_resolution',
    label: 'Cost per resolution',
    better: 'lower',
    unit: 'currency',
    definition: 'Total cost / tickets resolved (at least once).',
    needs: ['resolved', 'shift_started'],
    scope: 'desk',
    compute: (context) => {
      const cost = totalCost(context);
      const resolved = countOf(context, resolvedFlags(context));
      return cost === null || resolved === 0 ? null : cost / resolved;
    },
  },
] as const satisfies readonly KpiDefinition[];
