/**
 * A replication's reply crosses from a worker thread packed: the buffers of the first
 * replication's resolved tickets and arrivals moved. Unpacked, it is the reply itself.
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
  it('moves the buffers of the resolved tickets and arrivals, and unpacks into the same reply', () => {
    const reply = runReplicationTask({ run: 1, scenario, replication: 1, tickets: true, detail: true });
    const resolved = reply.tickets!.resolved;
    expect(resolved.minutes.length).toBeGreaterThan(100);
    // The baseline desk has several priorities.
    expect(new Set(resolved.priority).size).toBeGreaterThan(1);
    const { packed, buffers } = packReply(reply);
    // Five buffers move: the arrivals' three columns and the resolved tickets' two, each once.
    expect(buffers).toHaveLength(5);
    expect(new Set(buffers).size).toBe(5);
    expect(buffers).toContain(resolved.minutes.buffer);
    expect(unpackReply(structuredClone(packed))).toEqual(reply);
  });

  it('leaves a reply without a ticket table as it is', () => {
    const reply = runReplicationTask({ run: 1, scenario, replication: 2, detail: true });
    const { packed, buffers } = packReply(reply);
    expect(buffers).toEqual([]);
    expect(unpackReply(packed)).toBe(reply);
  });
});
