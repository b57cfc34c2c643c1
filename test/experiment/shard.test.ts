import { describe, expect, it } from 'vitest';
import { parseShard, shardReplications, ShardError } from '../../src/experiment/shard.js';
import type { RunSpec } from '../../src/experiment/batch.js';
import type { Scenario } from '../../src/scenario/schema.js';

const spec = (replications: number): RunSpec => ({ scenario: { replications } as Scenario });

describe('parseShard', () => {
  it('reads i/n, 1-based', () => {
    expect(parseShard('2/3', {})).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ', {})).toEqual({ index: 1, count: 1 });
  });

  it('refuses an index outside 1..n and text that is not i/n', () => {
    for (const text of ['0/3', '4/3', '1/0', 'a/3', '2', '1/2/3', '1.5/3']) expect(() => parseShard(text, {}), text).toThrow(ShardError);
  });

  it('auto/n: a Kubernetes Indexed Job counts from 0; a Slurm array from SLURM_ARRAY_TASK_MIN', () => {
    expect(parseShard('auto/3', { JOB_COMPLETION_INDEX: '0' })).toEqual({ index: 1, count: 3 });
    expect(parseShard('auto/3', { JOB_COMPLETION_INDEX: '2', SLURM_ARRAY_TASK_ID: '9' })).toEqual({ index: 3, count: 3 });
    expect(parseShard('auto/3', { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_MIN: '0' })).toEqual({ index: 1, count: 3 });
    expect(parseShard('auto/3', { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '1' })).toEqual({ index: 3, count: 3 });
    expect(() => parseShard('auto/3', { JOB_COMPLETION_INDEX: '3' })).toThrow(/expected 0 to 2/);
    expect(() => parseShard('auto/3', { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '1' })).toThrow(/--array=0-2/);
    expect(() => parseShard('auto/3', {})).toThrow(/neither is set/);
  });
});

describe('shardReplications', () => {
  it('deals the (run, replication) units round-robin: every unit once, in every shard count', () => {
    const specs = [spec(3), spec(2), spec(4)];
    expect(shardReplications(specs, { index: 1, count: 2 })).toEqual([[1, 3], [2], [2, 4]]);
    expect(shardReplications(specs, { index: 2, count: 2 })).toEqual([[2], [1], [1, 3]]);
    for (const count of [1, 2, 3, 5, 9, 12]) {
      const dealt = Array.from({ length: count }, (_, index) => shardReplications(specs, { index: index + 1, count }));
      specs.forEach((one, run) => {
        const all = dealt.flatMap((parts) => parts[run]!).sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: one.scenario.replications }, (_, index) => index + 1));
      });
    }
  });
});
