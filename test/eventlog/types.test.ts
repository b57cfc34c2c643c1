/**
 * The two ways into a sink — an event object (`emit`) or its fields (`emitFields`) — carry
 * the same log: the simulator uses `emitFields` when a sink has it, and an adapter that
 * fills one event object otherwise.
 */
import { describe, expect, it } from 'vitest';
import { ArraySink, copyEvent, fieldSink, TeeSink, type EmitFields, type EventSink, type TicketEvent } from '../../src/eventlog/types.js';
import { computeKpis } from '../../src/metrics/engine.js';
import { Ledger } from '../../src/metrics/ledger.js';
import { buildDesk } from '../../src/model/build.js';
import { simulate } from '../../src/model/simulate.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { metricOptions } from '../../src/experiment/replication.js';

/** Collects events from `emitFields` only (its `emit` must not be called). */
class FieldCollector implements EventSink {
  readonly events: TicketEvent[] = [];
  emit(): void {
    throw new Error('emit called on a sink that takes fields');
  }
  emitFields: EmitFields = (time, type, ticket, agent, tier, kind, value, channel, category, priority, customer) => {
    this.events.push(copyEvent({ time, type, ticket, agent, tier, kind, value, channel, category, priority, customer }));
  };
}

const model = buildDesk(loadScenarioFile('scenarios/baseline.yaml', { overrides: ['horizon.days=6', 'horizon.warmup_days=1', 'replications=1'] }).scenario);

describe('emit and emitFields', () => {
  it('give the same event log, directly and through a tee', () => {
    const objects = new ArraySink();
    simulate(model, 1, objects);
    const fields = new FieldCollector();
    simulate(model, 1, fields);
    const teeObjects = new ArraySink();
    const teeFields = new FieldCollector();
    simulate(model, 1, new TeeSink([teeObjects, teeFields]));
    expect(objects.events.length).toBeGreaterThan(1000);
    expect(fields.events).toEqual(objects.events);
    expect(teeObjects.events).toEqual(objects.events);
    expect(teeFields.events).toEqual(objects.events);
  });

  it('fold into the same ledger', () => {
    const window = { originEpochMs: model.originEpochMs, measureFrom: model.measureFrom, measureTo: model.horizon };
    const direct = new Ledger(window);
    simulate(model, 2, direct); // the ledger has emitFields
    const replayed = new Ledger(window);
    const log = new ArraySink();
    simulate(model, 2, log);
    for (const event of log.events) replayed.emit(event);
    const options = metricOptions(model);
    expect(computeKpis(direct, options)).toEqual(computeKpis(replayed, options));
  });

  it('keeps copies: the simulator reuses its value objects, an ArraySink does not see them change', () => {
    const log = new ArraySink();
    simulate(model, 1, log);
    const truths = log.events.filter((event) => event.type === 'truth_satisfaction').map((event) => event.value);
    expect(new Set(truths).size).toBe(truths.length);
    // Had the sink kept the simulator's reused object, every value would read the same (one).
    expect(new Set(truths.map((value) => JSON.stringify(value))).size).toBeGreaterThan(3);
  });

  it('fieldSink uses a sink’s own emitFields, and adapts one without', () => {
    const collector = new FieldCollector();
    expect(fieldSink(collector)).toBe(collector);
    const array = new ArraySink();
    fieldSink(array).emitFields(3, 'queued', 7, undefined, 'tier1', undefined, undefined, undefined, undefined, undefined, undefined);
    expect(array.events).toEqual([{ time: 3, type: 'queued', ticket: 7, tier: 'tier1' }]);
  });
});
