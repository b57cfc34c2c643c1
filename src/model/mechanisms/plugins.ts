/**
 * The plug-in mechanisms of one replication (`src/mechanisms/`): those the scenario uses,
 * created from the registry, each with its own calendar kind, and the core's generic
 * decision points dispatched to them. A desk that uses none gets no `PluginMechanisms` at all
 * (`createPluginMechanisms` returns null): no hook is called, no stream is created.
 */
import { createStream } from '../../engine/index.js';
import type { MechanismDesk, MechanismHooks } from '../../desk/mechanism.js';
import type { Agent, Ticket } from '../../desk/structures.js';
import { type MechanismDefinition, mechanismSettings } from '../../mechanisms/definition.js';
import { MECHANISM_REGISTRY } from '../../mechanisms/registry.js';
import type { DeskModel } from '../desk-model.js';
import { FIRST_PLUGIN_KIND } from './desk.js';

/** What the core lends the plug-ins: its `MechanismDesk` and its calendar, with the plug-ins' kinds. */
export interface PluginHost extends MechanismDesk {
  schedule(time: number, kind: number, entry: object): void;
}

/** A calendar kind's handler: the entry and the time it is due. */
export type CalendarHandler = (entry: object, now: number) => void;

/** The plug-in mechanisms in use, asked at the core's decision points in registry order. */
export class PluginMechanisms {
  /** The plug-ins' calendar handlers, by kind − `FIRST_PLUGIN_KIND`. */
  readonly handlers: CalendarHandler[] = [];
  private readonly openers: MechanismHooks[] = [];
  private readonly planners: MechanismHooks[] = [];
  private readonly resolvers: MechanismHooks[] = [];
  private readonly escalators: MechanismHooks[] = [];

  constructor(model: DeskModel, host: PluginHost, replication: number) {
    const seed = model.scenario.seed;
    for (const definition of model.plugins) {
      const kind = FIRST_PLUGIN_KIND + this.handlers.length;
      const hooks = definition.create({
        desk: host,
        model,
        settings: mechanismSettings(definition, model.scenario),
        horizon: model.horizon,
        stream: (purpose) => createStream(seed, replication, purpose),
        schedule: (at, entry) => host.schedule(at, kind, entry),
      });
      this.handlers.push(hooks.due === undefined ? unexpectedEntry(definition.id) : hooks.due.bind(hooks));
      if (hooks.opened) this.openers.push(hooks);
      if (hooks.assigned) this.planners.push(hooks);
      if (hooks.resolved) this.resolvers.push(hooks);
      if (hooks.escalated) this.escalators.push(hooks);
    }
  }

  opened(ticket: Ticket, now: number): void {
    for (const hooks of this.openers) hooks.opened!(ticket, now);
  }

  assigned(agent: Agent, ticket: Ticket, workTime: number, now: number): number {
    for (const hooks of this.planners) workTime = hooks.assigned!(agent, ticket, workTime, now);
    return workTime;
  }

  resolved(ticket: Ticket, agent: Agent, now: number): void {
    for (const hooks of this.resolvers) hooks.resolved!(ticket, agent, now);
  }

  escalated(ticket: Ticket, agent: Agent, from: number, to: number, now: number): void {
    for (const hooks of this.escalators) hooks.escalated!(ticket, agent, from, to, now);
  }
}

function unexpectedEntry(id: string): CalendarHandler {
  return () => {
    throw new Error(`mechanism ${id} has a calendar entry but no \`due\` hook`);
  };
}

/** The plug-in mechanisms the scenario uses (`DeskModel.plugins`), or null when it uses none. */
export function createPluginMechanisms(
  model: DeskModel,
  host: PluginHost,
  replication: number,
): PluginMechanisms | null {
  return model.plugins.length === 0 ? null : new PluginMechanisms(model, host, replication);
}

/** The registry's mechanisms a scenario uses (its section says so), in registry order. */
export function activePlugins(scenario: object): readonly MechanismDefinition[] {
  return (MECHANISM_REGISTRY as readonly MechanismDefinition[]).filter((definition) =>
    definition.active(mechanismSettings(definition, scenario)),
  );
}
