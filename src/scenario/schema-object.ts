/**
 * The top-level scenario object: every section under its key, with its default. A new
 * section is a `schema-*.ts` file (or an entry in one) plus one line here; its cross-field
 * checks go to `schema-cross-checks.ts`. A plug-in mechanism's section is in its own file
 * (`src/mechanisms/`) and comes after these, from the registry.
 */
import { z } from 'zod';
import { mechanismSections } from '../mechanisms/registry.js';
import {
  arrivalsSchema,
  categorySchema,
  channelSchema,
  clockSchema,
  complexitySchema,
  horizonSchema,
  prioritySchema,
} from './schema-demand.js';
import { gamingSchema, incentiveSchema } from './schema-gaming.js';
import { agentsSchema, customersSchema } from './schema-people.js';
import { costsSchema, policiesSchema } from './schema-policies.js';
import { engineeringSchema, knowledgeSchema, metricsSchema, slaSchema } from './schema-service.js';
import { automationTierSchema, handoffsSchema, routingSchema, tierSchema } from './schema-tiers.js';
import { identifier } from './schema-values.js';
import { scenarioTargetsSchema } from './targets.js';

const defaultTiers = [{ id: 'tier1', agents: 5 }];

/** Every section of a scenario under its key, with its default; `schema.ts` adds the cross-field checks. */
export const scenarioObjectSchema = z.strictObject({
  name: z.string().min(1).describe('Scenario name; also the default output directory name.'),
  description: z.string().optional(),
  extends: z.string().optional().describe('Path of a parent scenario, relative to this file; this file overrides it.'),
  seed: z.number().int().min(0).default(1).describe('Seed of every random stream.'),
  replications: z.number().int().min(1).max(100000).default(10).describe('Independent replications.'),
  horizon: horizonSchema.prefault({}),
  clock: clockSchema.prefault({}),
  arrivals: arrivalsSchema.prefault({}),
  channels: z
    .record(identifier, channelSchema)
    .default({ email: { share: 1, patience: null, response: 'on_completion', outside_hours: 'callback', rank: 0 } }),
  categories: z.record(identifier, categorySchema).prefault({ general: { share: 1, complexity: 'standard' } }),
  complexity: z
    .record(identifier, complexitySchema)
    .prefault({ standard: { handle_time: { dist: 'lognormal', mean: 20, sd: 15 } } }),
  priorities: z.record(identifier, prioritySchema).prefault({ normal: { share: 1 } }),
  tiers: z.array(tierSchema).min(1).prefault(defaultTiers),
  routing: routingSchema.prefault({}),
  customers: customersSchema.prefault({}),
  agents: agentsSchema
    .prefault({})
    .describe('Agents as people: proficiency, new-hire ramp, fatigue, attrition, absence.'),
  costs: costsSchema.prefault({}),
  policies: policiesSchema
    .prefault({})
    .describe(
      'What management does under load or pressure (overtime, moving staff) and the automatic acknowledgement of new ' +
        'tickets (docs/model.md).',
    ),
  engineering: engineeringSchema.prefault({}),
  knowledge: knowledgeSchema.prefault({}),
  sla: slaSchema.prefault({}),
  gaming: gamingSchema
    .prefault({})
    .describe('Metric-gaming behaviours of agents and their intensities (docs/gaming.md).'),
  incentives: z
    .array(incentiveSchema)
    .default([])
    .describe(
      'Management pressure on KPIs; agents answer it with legitimate effort and with the gaming behaviours that move ' +
        'the KPI.',
    ),
  metrics: metricsSchema.prefault({}),
  automation: z
    .array(automationTierSchema)
    .default([])
    .describe(
      'Tiers of kind automation: AI agents or bots that take new tickets before the human tiers (docs/model.md).',
    ),
  handoffs: handoffsSchema.prefault({}).describe('What a handoff between tiers costs: context lost, ping-pong.'),
  targets: scenarioTargetsSchema,
  // The plug-in mechanisms' sections (src/mechanisms/), each declared in its own file.
  ...mechanismSections(),
});

/** The scenario object before the cross-field checks. */
export type ScenarioObject = z.output<typeof scenarioObjectSchema>;
