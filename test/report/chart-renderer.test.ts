/**
 * The render worker (from the build: `npm test` builds first) draws exactly what rendering in
 * this thread draws, and reports a bad chart as an error instead of hanging.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ChartRenderer } from '../../src/report/chart-renderer.js';
import { inProcessRenderer } from '../../src/report/chart-renderer.js';
import type { Chart } from '../../src/report/charts/chart.js';
import { root } from '../support/cli.js';
import { fixtureCharts } from './chart-fixtures.js';

const built = join(root, 'dist', 'report', 'chart-renderer.js');

describe.skipIf(!existsSync(built))('render worker (build)', () => {
  it('renders byte-identically to this thread, and reports failures', async () => {
    const { startChartRenderer } = (await import(pathToFileURL(built).href)) as {
      startChartRenderer: () => ChartRenderer;
    };
    const renderer = startChartRenderer();
    try {
      const charts = fixtureCharts().slice(0, 3);
      const fromWorker = await renderer.render(charts);
      const here = await inProcessRenderer().render(charts);
      expect(fromWorker.map((chart) => chart.svg)).toEqual(here.map((chart) => chart.svg));
      const broken = {
        name: 'broken',
        title: 'Broken',
        spec: { mark: 'bar', encoding: { x: { field: 'a', type: 'nonsense' } } },
      } as unknown as Chart;
      await expect(renderer.render([broken])).rejects.toThrow();
      // Still usable after a failure.
      expect((await renderer.render(charts.slice(0, 1)))[0]!.svg).toBe(here[0]!.svg);
    } finally {
      await renderer.close();
    }
  });
});
