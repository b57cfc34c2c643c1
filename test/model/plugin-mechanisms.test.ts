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
import { defineMechanism, type MechanismDefinition } from '../../src/mechanisms/definition.js';
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
    const sections = scenario as unknown as Record<string, unknown>;
    for (const definition of MECHANISM_REGISTRY as readonly MechanismDefinition[])
      expect(sections[definition.id], definition.id).toBeDefined();
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
