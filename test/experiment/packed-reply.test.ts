/**
 * A replication's reply crosses from a worker thread packed: the first replication's resolved
 * tickets as columns, their buffers and the arrivals' moved. Unpacked, it is the reply itself.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { packReply, runReplicationTask, unpackReply } from '../../src/experiment/replication-worker.js';
import { root } from '../support/cli.js';
import { join } from 'node:path';

const { scenario } = loadScenarioFile(join(root, 'scenarios', 'baseline.yaml'), {
  overrides: ['horizon.days=14', 'replications=2'],
});

describe('packReply', () => {
  it('packs the resolved tickets into columns and unpacks them into the same reply', () => {
    const reply = runReplicationTask({ run: 1, scenario, replication: 1, tickets: true, detail: true });
    const resolved = reply.tickets!.resolved;
    expect(resolved.length).toBeGreaterThan(100);
    const { packed, buffers } = packReply(reply);
    expect(packed.reply.tickets!.resolved).toEqual([]);
    expect(packed.resolved!.minutes.length).toBe(resolved.length);
    // The baseline desk has several priorities, each named once.
    expect(new Set(packed.resolved!.priorities).size).toBe(packed.resolved!.priorities.length);
    expect(packed.resolved!.priorities.length).toBeGreaterThan(1);
    // Five buffers move: the arrivals' three columns and the two packed ones, each once.
    expect(buffers).toHaveLength(5);
    expect(new Set(buffers).size).toBe(5);
    expect(unpackReply(structuredClone(packed))).toEqual(reply);
  });

  it('leaves a reply without a ticket table as it is', () => {
    const reply = runReplicationTask({ run: 1, scenario, replication: 2, detail: true });
    const { packed, buffers } = packReply(reply);
    expect(buffers).toEqual([]);
    expect(unpackReply(packed)).toBe(reply);
  });
});
