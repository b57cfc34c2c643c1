/**
 * The scenario sections of management: costs, and the policies — automatic acknowledgement,
 * backlog-triggered overtime, staffing that follows KPI pressure.
 */
import { z } from 'zod';
import { durationSchema } from '../document/values.js';
import { withMechanismSections } from '../mechanisms/registry.js';
import { LIMITS, money, positiveDuration, probability } from './schema-values.js';

/** `costs`: what the desk pays besides agent hours. */
export const costsSchema = z.strictObject({
  hiring: money.default(0).describe('Cost of hiring and training one replacement agent, counted when an agent leaves.'),
  per_ticket: money.default(0).describe('Overhead per ticket created (tooling, licences, telephony).'),
  fixed_monthly: money
    .default(0)
    .describe('Fixed cost per month (platform, management), prorated over the measured period.'),
  overtime_premium: z
    .number()
    .min(0)
    .max(LIMITS.factor)
    .default(0.5)
    .describe('Extra pay of an overtime hour, as a share of the tier’s hourly cost (0.5 = time and a half).'),
});

// Management policies (docs/model.md, Load and staffing policies, Automatic acknowledgement):
// what the desk does when the queues grow or a KPI is pushed, and how its software answers
// new tickets. Off by default.
// The automatic acknowledgement is a plug-in mechanism (src/mechanisms/auto-acknowledgement.ts): its section,
// `policies.auto_acknowledgement`, comes first among these fields, from the registry.
const policyFields = {
  overtime: z
    .strictObject({
      max_per_week: durationSchema
        .default(0)
        .describe('Overtime one agent may work per week (7-day blocks from the start of the run); 0 = no overtime.'),
      backlog_per_agent: z
        .number()
        .positive()
        .max(LIMITS.factor)
        .default(3)
        .describe(
          'At the end of a shift an agent stays on when its tier has at least this many waiting tickets per agent on ' +
            'duty.',
        ),
      stint: positiveDuration
        .default(60)
        .describe('Overtime is worked in stints of this length; after each, the agent decides again.'),
    })
    .prefault({})
    .describe(
      'Backlog-triggered overtime: paid at the overtime premium (costs.overtime_premium), counted as busy time by ' +
        'fatigue.',
    ),
  staffing_follows_pressure: probability
    .default(0)
    .describe(
      'Share of each other tier’s seats that management moves to the entry tier under full pressure on a ' +
        'first-response KPI ' +
        '(incentives on first_response_time_mean or sla_first_response_compliance); scaled by that pressure. 0 = ' +
        'staffing never moves.',
    ),
};

/** `policies`: what management does under load or pressure (docs/model.md). */
export const policiesSchema = z.strictObject(withMechanismSections('policies', policyFields));
