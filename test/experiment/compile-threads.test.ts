/** Where V8 compiles while replication threads fill the cores (`compileOnOwnThreads`). */
import { afterEach, describe, expect, it, vi } from 'vitest';

const setFlags = vi.hoisted(() => vi.fn());
vi.mock('node:v8', async (original) => ({
  ...(await original<typeof import('node:v8')>()),
  setFlagsFromString: setFlags,
}));

const { compileOnOwnThreads } = await import('../../src/experiment/compile-threads.js');

describe('compileOnOwnThreads', () => {
  afterEach(() => setFlags.mockClear());

  it('leaves V8 alone when the threads leave a core free', () => {
    compileOnOwnThreads(1, 2)();
    compileOnOwnThreads(3, 4)();
    expect(setFlags).not.toHaveBeenCalled();
  });

  it('turns background compilation off while pools fill the cores, on again when the last releases', () => {
    const first = compileOnOwnThreads(2, 2);
    const second = compileOnOwnThreads(4, 2);
    expect(setFlags.mock.calls).toEqual([['--no-concurrent-recompilation']]);
    first();
    first(); // twice is once
    expect(setFlags).toHaveBeenCalledTimes(1);
    second();
    expect(setFlags.mock.calls).toEqual([['--no-concurrent-recompilation'], ['--concurrent-recompilation']]);
  });

  for (const chosen of ['--concurrent_recompilation', '--predictable', '--single-threaded'])
    it(`leaves V8 alone when Node was started with ${chosen}`, () => {
      const saved = process.env.NODE_OPTIONS;
      process.env.NODE_OPTIONS = `--max-old-space-size=4096 ${chosen}`;
      try {
        compileOnOwnThreads(2, 2)();
      } finally {
        if (saved === undefined) delete process.env.NODE_OPTIONS;
        else process.env.NODE_OPTIONS = saved;
      }
      expect(setFlags).not.toHaveBeenCalled();
    });
});
