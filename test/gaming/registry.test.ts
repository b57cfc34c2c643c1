/**
 * The behaviour registry is the single source of the gaming behaviours: the scenario's
 * `gaming` keys, `GAMING_BEHAVIOURS`, the incentive table's behaviour weights, the defaults'
 * sources and the model's order of precedence are all read from it, so adding a behaviour is
 * its file and one registry line.
 */
import { describe, expect, it } from 'vitest';
import { BEHAVIOUR_REGISTRY, behavioursByPrecedence } from '../../src/gaming/registry.js';
import { DEFAULT_SOURCES } from '../../src/scenario/default-sources.js';
import { GAMING_BEHAVIOURS, INCENTIVE_TABLE } from '../../src/scenario/incentives.js';
import { scenarioObjectSchema } from '../../src/scenario/schema-object.js';
import { scenarioJsonSchema } from '../../src/scenario/schema.js';

const ids = BEHAVIOUR_REGISTRY.map((definition) => definition.id);

/** The order in which the shipped behaviours act (outputs depend on it). */
const SHIPPED_BY_PRECEDENCE = [
  'generic_first_reply',
  'cherry_pick',
  'escalation_dumping',
  'ticket_splitting',
  'rushing',
  'premature_close',
  'escalation_avoidance',
  'sla_clock_pause',
  'survey_selection',
];

describe('the behaviour registry', () => {
  it('gives the scenario its gaming keys and GAMING_BEHAVIOURS, in registry order', () => {
    const gaming = scenarioObjectSchema.shape.gaming.unwrap();
    expect(Object.keys(gaming.shape)).toEqual(ids);
    expect(GAMING_BEHAVIOURS).toEqual(ids);
    const json = scenarioJsonSchema() as { properties: { gaming: { properties: Record<string, unknown> } } };
    expect(Object.keys(json.properties.gaming.properties)).toEqual(ids);
  });

  it("holds each behaviour's own section: parsing {} gives its defaults", () => {
    for (const definition of BEHAVIOUR_REGISTRY) {
      const settings = definition.section.parse(undefined) as { intensity: number };
      expect(settings.intensity, definition.id).toBe(0);
    }
  });

  it("assembles the incentive table's behaviour weights from the behaviours' pressures, and only from them", () => {
    const fromTable = Object.entries(INCENTIVE_TABLE).flatMap(([kpi, entry]) =>
      Object.entries(entry!.behaviours).map(([behaviour, weight]) => `${kpi} ${behaviour} ${weight}`),
    );
    const fromDefinitions = BEHAVIOUR_REGISTRY.flatMap((definition) =>
      Object.entries(definition.pressures).map(([kpi, weight]) => `${kpi} ${definition.id} ${weight}`),
    );
    expect([...fromTable].sort()).toEqual([...fromDefinitions].sort());
    for (const definition of BEHAVIOUR_REGISTRY) {
      for (const weight of Object.values(definition.pressures)) expect(weight).toBeGreaterThan(0);
      for (const weight of Object.values(definition.pressures)) expect(weight).toBeLessThanOrEqual(1);
    }
  });

  it("gives every behaviour's defaulted fields their sources", () => {
    const gamingSources = Object.keys(DEFAULT_SOURCES).filter((path) => path.startsWith('gaming.'));
    const declared = BEHAVIOUR_REGISTRY.flatMap((definition) => [
      `gaming.${definition.id}.intensity`,
      ...Object.keys(definition.defaults).map((field) => `gaming.${definition.id}.${field}`),
    ]);
    expect([...gamingSources].sort()).toEqual([...declared].sort());
  });

  it('orders the behaviours at a decision point by distinct precedences', () => {
    const precedences = BEHAVIOUR_REGISTRY.map((definition) => definition.precedence);
    expect(new Set(precedences).size).toBe(precedences.length);
    // The shipped behaviours keep their order (a new one may stand anywhere among them).
    const shipped = new Set<string>(SHIPPED_BY_PRECEDENCE);
    const order = behavioursByPrecedence().map((definition) => definition.id as string);
    expect(order.filter((id) => shipped.has(id))).toEqual(SHIPPED_BY_PRECEDENCE);
  });
});
