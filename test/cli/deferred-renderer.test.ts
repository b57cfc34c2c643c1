/** A chart renderer started on demand (`deferredChartRenderer`). */
import { describe, expect, it } from 'vitest';
import { deferredChartRenderer } from '../../src/cli/deferred-renderer.js';
import type { ChartRenderer } from '../../src/report/chart-renderer.js';

/** A fake renderer factory that counts what it is asked. */
function counting() {
  const counts = { opened: 0, rendered: 0, closed: 0 };
  const open = (): ChartRenderer => {
    counts.opened++;
    return {
      render: async (charts) => {
        counts.rendered += charts.length;
        return [];
      },
      close: async () => {
        counts.closed++;
      },
    };
  };
  return { counts, open };
}

describe('deferredChartRenderer', () => {
  it('starts the renderer once, at start()', async () => {
    const { counts, open } = counting();
    const renderer = deferredChartRenderer(open);
    expect(counts.opened).toBe(0);
    renderer.start();
    renderer.start();
    await renderer.render([]);
    expect(counts.opened).toBe(1);
    await renderer.close();
    expect(counts.closed).toBe(1);
  });

  it('draws in the late renderer when nobody called start()', async () => {
    const early = counting();
    const late = counting();
    const renderer = deferredChartRenderer(early.open, late.open);
    await renderer.render([]);
    await renderer.render([]);
    expect(early.counts.opened).toBe(0);
    expect(late.counts.opened).toBe(1);
  });

  it('keeps the early renderer once started', async () => {
    const early = counting();
    const late = counting();
    const renderer = deferredChartRenderer(early.open, late.open);
    renderer.start();
    await renderer.render([]);
    expect(early.counts.opened).toBe(1);
    expect(late.counts.opened).toBe(0);
  });

  it('never starts a renderer only to close it', async () => {
    const { counts, open } = counting();
    await deferredChartRenderer(open).close();
    expect(counts).toEqual({ opened: 0, rendered: 0, closed: 0 });
  });
});
