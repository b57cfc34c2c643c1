/**
 * Desk-wide KPIs of the workforce (attrition, overtime, hiring) and of automation tiers (in report order).
 */
import { contained, conversationShare } from './automation.js';
import type { KpiDefinition } from './catalog-definition.js';
import { meanOf } from './log-columns.js';

/** These KPIs, in report order; src/metrics/catalog.ts assembles the families into KPI_CATALOG. */
export const WORKFORCE_AND_AUTOMATION_KPIS = [
  {
    id: 'agents_left',
    label: 'Agents who left',
    better: 'lower',
    unit: 'agents',
    definition: 'Agents who left (agent_left) in the measured period.',
    needs: ['shift_started'],
    scope: 'desk',
    compute: (context) => context.ledger.agentsLeft,
  },
  {
    id: 'overtime_share',
    label: 'Overtime share of paid hours',
    better: 'lower',
    unit: 'share',
    definition:
      'On-shift time worked as overtime (from shift_started, kind overtime, to the shift_ended after it) / on-shift ' +
      'time, in the measured period.',
    needs: ['shift_started'],
    scope: 'desk',
    compute: (context) => {
      let onShift = 0;
      let overtime = 0;
      for (const agent of context.agents) {
        onShift += agent.onShiftTime;
        overtime += agent.overtimeTime;
      }
      return onShift === 0 ? null : overtime / onShift;
    },
  },
  {
    id: 'agents_hired',
    label: 'Agents hired',
    better: null,
    unit: 'agents',
    definition: 'Replacement agents who started (agent_hired) in the measured period.',
    needs: ['shift_started'],
    scope: 'desk',
    compute: (context) => context.ledger.agentsHired,
  },
  {
    id: 'automation_coverage',
    label: 'Automation coverage',
    better: null,
    unit: 'share',
    definition:
      'Tickets an automation tier (AI agent, bot: metric option automationTiers) took / tickets created; null ' +
      'without one.',
    needs: ['created', 'queued'],
    compute: (context) => conversationShare(context, () => true, null),
  },
  {
    id: 'automation_containment_rate',
    label: 'Automation containment rate',
    better: 'higher',
    unit: 'share',
    definition:
      'Tickets an automation tier resolved itself, before any handoff / tickets it took. What a dashboard counts as ' +
      'solved by the AI.',
    needs: ['created', 'queued', 'resolved'],
    truth: { kpi: 'automation_true_fix_rate', measure: 'Tickets the AI really solved' },
    compute: (context) => conversationShare(context, contained, () => true),
  },
  {
    id: 'handoffs_per_ticket',
    label: 'Handoffs per ticket',
    better: 'lower',
    unit: 'ratio',
    definition: 'Escalated events (escalations, bot-to-human handoffs, hand-backs) / tickets created.',
    needs: ['created', 'escalated'],
    compute: (context) => meanOf(context, context.ledger.escalations),
  },
] as const satisfies readonly KpiDefinition[];
