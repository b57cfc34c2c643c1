/**
 * Plug-in mechanisms (src/mechanisms/): a definition handed to the built desk is created per
 * replication, asked at the core's generic decision points and given calendar entries of its
 * own kind; the calendar's dispatch table gives every kind the core or a built-in mechanism
 * schedules exactly one handler. The registry's own checks are in test/gaming/registry.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { MechanismContext, MechanismHooks } from '../../src/desk/mechanism.js';
import type { Agent, Ticket } from '../../src/desk/structures.js';
import type { TicketEvent } from '../../src/eventlog/types.js';
import {
  defineMechanism,
  type MechanismDefinition,
  mechanismSettings,
  sectionPath,
} from '../../src/mechanisms/definition.js';
import { MECHANISM_REGISTRY } from '../../src/mechanisms/registry.js';
import { buildDesk } from '../../src/model/build.js';
import {
  dispatchTable,
  FIRST_PLUGIN_KIND,
  Kind,
  mechanismCalendar,
  type Mechanisms,
} from '../../src/model/mechanisms/index.js';
import { simulate } from '../../src/model/simulate.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { scenarioJsonSchema } from '../../src/scenario/schema.js';

/** A test mechanism: counts what it is asked, and writes a `replied` (kind `auto`) a while after each escalation. */
const section = z.strictObject({ delay: z.number().default(30) }).prefault({});
const seen = { opened: 0, assigned: 0, resolved: 0, escalated: 0, due: 0 };

class Recorder implements MechanismHooks {
  constructor(private readonly context: MechanismContext<z.output<typeof section>>) {}
  opened(): void {
    seen.opened++;
  }
  assigned(_agent: Agent, _ticket: Ticket, workTime: number): number {
    seen.assigned++;
    return workTime;
  }
  resolved(): void {
    seen.resolved++;
  }
  escalated(ticket: Ticket, _agent: Agent, from: number, to: number, now: number): void {
    seen.escalated++;
    expect(to).not.toBe(from);
    ticket.pendingTimers++;
    this.context.schedule(now + this.context.settings.delay, ticket);
  }
  due(entry: object, now: number): void {
    seen.due++;
    const ticket = entry as Ticket;
    ticket.pendingTimers--;
    this.context.desk.emit(now, 'replied', ticket.id, undefined, undefined, 'auto');
    this.context.desk.release(ticket);
  }
}

const recorder = defineMechanism({
  id: 'recorder',
  section,
  defaults: {},
  active: () => true,
  create: (context) => new Recorder(context),
});

const SCENARIO = [
  'name: plug-in',
  'replications: 1',
  'horizon: { days: 3, warmup_days: 0 }',
  'tiers:',
  '  - { id: tier1, agents: 3, escalates_to: tier2, skill: { standard: 0.6 } }',
  '  - { id: tier2, agents: 2 }',
].join('\n');

function events(withRecorder: boolean): TicketEvent[] {
  const model = buildDesk(loadScenarioText(SCENARIO, 'plug-in.yaml').scenario);
  if (withRecorder) {
    model.plugins = [recorder];
    (model.scenario as unknown as Record<string, unknown>).recorder = section.parse(undefined);
  }
  const log: TicketEvent[] = [];
  simulate(model, 0, { emit: (event) => log.push({ ...event }) });
  return log;
}

describe('plug-in mechanisms', () => {
  it('are asked at the decision points and get their calendar entries, and change nothing else', () => {
    const without = events(false);
    const withRecorder = events(true);
    const escalations = without.filter((event) => event.type === 'escalated').length;
    expect(escalations).toBeGreaterThan(0);
    expect(seen.opened).toBe(without.filter((event) => event.type === 'created').length);
    expect(seen.assigned).toBe(without.filter((event) => event.type === 'assigned').length);
    expect(seen.resolved).toBe(without.filter((event) => event.type === 'resolved').length);
    expect(seen.escalated).toBe(escalations);
    const calls = withRecorder.filter((event) => event.type === 'replied' && event.kind === 'auto');
    expect(calls.length).toBe(seen.due);
    expect(seen.due).toBeGreaterThan(0);
    // Its entries are extra events, each 30 minutes after an escalation; every other event is as before.
    const rest = withRecorder.filter((event) => !(event.type === 'replied' && event.kind === 'auto'));
    expect(rest).toEqual(without);
  });

  it("are off unless a scenario's section asks for them (shipped scenarios keep their outputs)", () => {
    const scenario = loadScenarioText(SCENARIO, 'plug-in.yaml').scenario;
    expect(buildDesk(scenario).plugins).toEqual([]);
    for (const definition of MECHANISM_REGISTRY as readonly MechanismDefinition[])
      expect(mechanismSettings(definition, scenario), definition.id).toBeDefined();
  });
});

describe('the shipped plug-in registry', () => {
  const policyKeys = (schema: { properties: Record<string, { properties?: Record<string, unknown> }> }) =>
    Object.keys(schema.properties.policies!.properties!);

  it('drives policies.auto_acknowledgement: once, first among the policies, where users have always written it', () => {
    const ids = (MECHANISM_REGISTRY as readonly MechanismDefinition[]).map(sectionPath);
    expect(ids).toContain('policies.auto_acknowledgement');
    const keys = policyKeys(scenarioJsonSchema() as Parameters<typeof policyKeys>[0]);
    expect(keys.filter((key) => key === 'auto_acknowledgement')).toHaveLength(1);
    expect(keys).toEqual(['auto_acknowledgement', 'overtime', 'staffing_follows_pressure']);
    const topLevel = Object.keys((scenarioJsonSchema() as { properties: object }).properties);
    expect(topLevel).not.toContain('auto_acknowledgement');
  });

  it('creates the acknowledgement only on a desk that enables it, with a calendar kind after every built-in one', () => {
    const on = loadScenarioText(
      `${SCENARIO}\npolicies: { auto_acknowledgement: { enabled: true, delay: 5m } }`,
      'on.yaml',
    );
    expect(buildDesk(on.scenario).plugins.map((definition) => definition.id)).toEqual(['auto_acknowledgement']);
    const log: TicketEvent[] = [];
    simulate(buildDesk(on.scenario), 0, { emit: (event) => log.push({ ...event }) });
    const created = new Map(log.filter((event) => event.type === 'created').map((event) => [event.ticket, event.time]));
    const acknowledged = log.filter((event) => event.type === 'replied' && event.kind === 'auto');
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const event of acknowledged) expect(event.time).toBeCloseTo(created.get(event.ticket)! + 5, 9);
  });
});

describe("the calendar's dispatch table", () => {
  it('gives every kind the core or a built-in mechanism schedules exactly one handler', () => {
    const builtIn = mechanismCalendar({} as Mechanisms).map(([kind]) => kind);
    const handled = [Kind.Abandonment, ...builtIn];
    expect(new Set(handled).size).toBe(handled.length);
    // Work done, closes and arrivals are merged beside the calendar, never put on it.
    const offCalendar = new Set<number>([Kind.WorkDone, Kind.Close, Kind.Arrival]);
    const kinds = Object.values(Kind).filter((kind) => !offCalendar.has(kind));
    expect([...handled].sort((a, b) => a - b)).toEqual(kinds.sort((a, b) => a - b));
    expect(Math.max(...Object.values(Kind))).toBeLessThan(FIRST_PLUGIN_KIND);
    const table = dispatchTable([[Kind.Abandonment, () => {}]], null);
    expect(table).toHaveLength(FIRST_PLUGIN_KIND);
    expect(() => table[Kind.Close]!({}, 0)).toThrow(/no handler for calendar entries of kind 5/);
  });
});
