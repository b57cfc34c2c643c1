/**
 * The chart render worker (see `chart-renderer.ts`): loads Vega and warms it up at once, by
 * rendering a small chart of each kind, then renders what it is sent.
 */
import { parentPort } from 'node:worker_threads';
import type { FromRenderWorker, ToRenderWorker } from './chart-renderer.js';
import type { RenderedChart } from './charts/chart.js';
import { dailyLineChart } from './charts/daily-lines.js';
import { kpiDashboardChart } from './charts/kpi-dashboard.js';
import { renderChart } from './charts/render.js';

const port = parentPort!;

/** Small charts that take the same code paths as a run's, so the real ones run warm. */
async function warmUp(): Promise<void> {
  const estimates = [
    { id: 'utilization', unit: 'share', mean: 0.6, ci95: [0.55, 0.65] as [number, number] },
    { id: 'resolution_time_mean', unit: 'minutes', mean: 600, ci95: [560, 640] as [number, number] },
    { id: 'true_resolution_time_mean', unit: 'minutes', mean: 620, ci95: [580, 660] as [number, number], truth: true },
  ];
  const days = ['2026-01-05', '2026-01-06', '2026-01-07'].map((day, index) => ({
    day,
    series: 'Tickets',
    value: 10 + index,
  }));
  for (let round = 0; round < 2; round++) {
    await renderChart(kpiDashboardChart(estimates));
    await renderChart(dailyLineChart(days, { name: 'warm-up', title: 'Warm-up', unit: 'tickets', measure: 'Tickets' }));
  }
}

const ready = warmUp().catch(() => {});

port.on('message', async (message: ToRenderWorker) => {
  await ready;
  try {
    const charts: RenderedChart[] = [];
    for (const chart of message.charts) charts.push(await renderChart(chart));
    port.postMessage({ type: 'rendered', charts } satisfies FromRenderWorker);
  } catch (error) {
    port.postMessage({
      type: 'failed',
      message: (error as Error).message,
      stack: (error as Error).stack,
    } satisfies FromRenderWorker);
  }
});
