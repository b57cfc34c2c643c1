/**
 * The scenario's cross-field checks (`superRefine` on the whole object): shares sum to 1,
 * every id names something the scenario defines, escalation ends somewhere, incentives name
 * KPIs of the incentive table, surges start at a time the clock reads.
 */
import { parseDuration } from '../engine/duration.js';
import { isIsoDateTime } from '../engine/local-time.js';
import { closestMatch } from '../document/suggest.js';
import { blendingProblems } from './blending.js';
import { GAMING_BEHAVIOURS, INCENTIVE_KPIS } from './incentives.js';
import {
  checkAutomation,
  checkChannelHours,
  checkDocumentable,
  checkReferences,
  checkShares,
  type Context,
} from './schema-check-helpers.js';
import { type MechanismDefinition, mechanismSettings, sectionPath } from '../mechanisms/definition.js';
import { MECHANISM_REGISTRY } from '../mechanisms/registry.js';
import type { ScenarioObject } from './schema-object.js';
import { isoDateTimeProblem } from './schema-values.js';

/** The plug-in mechanisms' own cross-field checks (`check` in their definitions), in registry order. */
function checkMechanisms(scenario: ScenarioObject, context: Context): void {
  const sections = scenario as unknown as Readonly<Record<string, unknown>>;
  for (const definition of MECHANISM_REGISTRY as readonly MechanismDefinition[]) {
    if (definition.check === undefined) continue;
    const at = sectionPath(definition).split('.');
    definition.check(mechanismSettings(definition, scenario), {
      scenario: sections,
      references: (ids, known, what, path) => checkReferences(ids, known, what, [...at, ...path], context),
    });
  }
}

/** Every check that spans fields or sections, in the order its issues are reported. */
export function crossCheck(scenario: ScenarioObject, context: Context): void {
  const complexityIds = Object.keys(scenario.complexity);
  const priorityIds = Object.keys(scenario.priorities);
  const categoryIds = Object.keys(scenario.categories);
  const tierIds = scenario.tiers.map((tier) => tier.id);

  checkShares(scenario.channels, ['channels'], context);
  checkShares(scenario.categories, ['categories'], context);
  checkShares(scenario.priorities, ['priorities'], context);
  if (complexityIds.length === 0)
    context.addIssue({ code: 'custom', message: 'must list at least one level', path: ['complexity'] });

  for (const [id, category] of Object.entries(scenario.categories)) {
    if (typeof category.complexity === 'string') {
      checkReferences([category.complexity], complexityIds, 'complexity', ['categories', id, 'complexity'], context);
    } else {
      checkShares(category.complexity, ['categories', id, 'complexity'], context);
      checkReferences(
        Object.keys(category.complexity),
        complexityIds,
        'complexity',
        ['categories', id, 'complexity'],
        context,
      );
    }
    if (category.priorities) {
      checkShares(category.priorities, ['categories', id, 'priorities'], context);
      checkReferences(
        Object.keys(category.priorities),
        priorityIds,
        'priority',
        ['categories', id, 'priorities'],
        context,
      );
    }
  }

  checkReferences(Object.keys(scenario.sla.targets), priorityIds, 'priority', ['sla', 'targets'], context);
  checkMechanisms(scenario, context);
  // A per-tier target names a tier of this desk: one that names no tier would mark nothing, silently.
  (scenario.targets ?? []).forEach((target, index) => {
    const tier = /^tiers\.([^.]+)\./.exec(target.kpi);
    if (tier !== null) checkReferences([tier[1]!], tierIds, 'tier', ['targets', index, 'kpi'], context);
  });
  if (typeof scenario.knowledge.coverage !== 'number') {
    checkReferences(
      Object.keys(scenario.knowledge.coverage),
      categoryIds,
      'category',
      ['knowledge', 'coverage'],
      context,
    );
  }
  const channelIds = Object.keys(scenario.channels);
  const { expected_first_response: expectedFirstResponse, expected_resolution: expectedResolution } =
    scenario.customers.satisfaction;
  if (typeof expectedFirstResponse !== 'number') {
    checkReferences(
      Object.keys(expectedFirstResponse),
      channelIds,
      'channel',
      ['customers', 'satisfaction', 'expected_first_response'],
      context,
    );
  }
  if (typeof expectedResolution !== 'number') {
    checkReferences(
      Object.keys(expectedResolution),
      priorityIds,
      'priority',
      ['customers', 'satisfaction', 'expected_resolution'],
      context,
    );
  }
  if (typeof scenario.customers.info_request !== 'number') {
    checkReferences(
      Object.keys(scenario.customers.info_request),
      complexityIds,
      'complexity',
      ['customers', 'info_request'],
      context,
    );
  }

  const seen = new Set<string>();
  scenario.tiers.forEach((tier, index) => {
    if (seen.has(tier.id))
      context.addIssue({ code: 'custom', message: `duplicate tier id "${tier.id}"`, path: ['tiers', index, 'id'] });
    seen.add(tier.id);
    for (const field of ['skill', 'accuracy'] as const) {
      const byComplexity = tier[field];
      if (typeof byComplexity === 'number') continue;
      checkReferences(Object.keys(byComplexity), complexityIds, 'complexity', ['tiers', index, field], context);
      const missing = complexityIds.filter((id) => !(id in byComplexity));
      if (missing.length > 0) {
        context.addIssue({
          code: 'custom',
          message: `${field} is missing complexity ${missing.map((id) => `"${id}"`).join(', ')}`,
          path: ['tiers', index, field],
        });
      }
    }
    if (tier.escalates_to !== null) {
      if (tier.escalates_to === tier.id) {
        context.addIssue({
          code: 'custom',
          message: 'a tier cannot escalate to itself',
          path: ['tiers', index, 'escalates_to'],
        });
      } else {
        checkReferences([tier.escalates_to], tierIds, 'tier', ['tiers', index, 'escalates_to'], context);
      }
    }
  });

  // Escalation must end somewhere: follow each chain and refuse loops.
  const target = new Map(scenario.tiers.map((tier) => [tier.id, tier.escalates_to]));
  scenario.tiers.forEach((tier, index) => {
    const visited = new Set([tier.id]);
    let next = target.get(tier.id) ?? null;
    while (next !== null && target.has(next)) {
      if (visited.has(next)) {
        context.addIssue({
          code: 'custom',
          message: `escalation loops back to "${next}"`,
          path: ['tiers', index, 'escalates_to'],
        });
        return;
      }
      visited.add(next);
      next = target.get(next) ?? null;
    }
  });

  scenario.incentives.forEach((incentive, index) => {
    if (INCENTIVE_KPIS.includes(incentive.kpi)) return;
    const suggestion = closestMatch(incentive.kpi, INCENTIVE_KPIS);
    context.addIssue({
      code: 'custom',
      message:
        `no incentive is defined for KPI "${incentive.kpi}"` +
        `${suggestion ? ` — did you mean "${suggestion}"?` : ''} ` +
        `(incentives can target: ${INCENTIVE_KPIS.join(', ')})`,
      path: ['incentives', index, 'kpi'],
    });
  });

  checkChannelHours(scenario, context);
  for (const problem of blendingProblems(scenario.tiers)) context.addIssue({ code: 'custom', ...problem });
  for (const [id, channel] of Object.entries(scenario.channels)) {
    if (channel.entry_tier !== undefined)
      checkReferences([channel.entry_tier], tierIds, 'tier', ['channels', id, 'entry_tier'], context);
  }
  checkDocumentable(scenario, categoryIds, context);
  for (const behaviour of GAMING_BEHAVIOURS) {
    scenario.gaming[behaviour].gamers?.tiers?.forEach((tier, index) => {
      checkReferences([tier], tierIds, 'tier', ['gaming', behaviour, 'gamers', 'tiers', index], context);
    });
  }

  if (scenario.routing.entry_tier !== undefined) {
    checkReferences([scenario.routing.entry_tier], tierIds, 'tier', ['routing', 'entry_tier'], context);
  }
  checkAutomation(scenario, context);
  if (
    scenario.arrivals.pattern === 'profile' &&
    !scenario.arrivals.hourly_profile &&
    !scenario.arrivals.weekly_profile
  ) {
    context.addIssue({
      code: 'custom',
      message: 'pattern "profile" needs hourly_profile or weekly_profile',
      path: ['arrivals', 'pattern'],
    });
  }
  scenario.arrivals.surges.forEach((surge, index) => {
    if (surge.category !== undefined) {
      checkReferences([surge.category], categoryIds, 'category', ['arrivals', 'surges', index, 'category'], context);
    }
    if (typeof surge.start === 'string' && isIsoDateTime(surge.start)) {
      const problem = isoDateTimeProblem(surge.start);
      if (problem !== undefined)
        context.addIssue({ code: 'custom', message: problem, path: ['arrivals', 'surges', index, 'start'] });
    } else if (typeof surge.start === 'string') {
      try {
        parseDuration(surge.start);
      } catch {
        context.addIssue({
          code: 'custom',
          message: `start must be an ISO date-time or a duration after the clock start, found "${surge.start}"`,
          path: ['arrivals', 'surges', index, 'start'],
        });
      }
    }
  });
}
