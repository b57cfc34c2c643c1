/**
 * Where charts are rendered. Loading Vega and warming it up costs about a second of CPU —
 * as much as rendering a run's charts. `startChartRenderer` starts a worker thread (from the
 * build) where Vega loads and warms up on another core while the caller works, and renders
 * the charts there when the numbers are ready (`detect`). Without the build's worker script
 * (tests run `src/`) or threads, charts render in this thread. `desksim run` starts the worker
 * only when a pool thread runs out of replications, else renders in its own thread after the
 * replications (`inProcessRenderer`; `cli/deferred-renderer.ts`): a worker started first put
 * its ~70 MB beside a long run's ledger, the run's peak.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Chart, RenderedChart } from './charts/chart.js';

/** Renders charts; `close()` releases the worker (safe to call more than once). */
export interface ChartRenderer {
  render(charts: readonly Chart[]): Promise<RenderedChart[]>;
  close(): Promise<void>;
}

/** A message to the render worker: charts to render. */
export type ToRenderWorker = { type: 'render'; charts: Chart[] };
/** The render worker's answer: the rendered charts, or why it failed. */
export type FromRenderWorker =
  | { type: 'rendered'; charts: RenderedChart[] }
  | { type: 'failed'; message: string; stack?: string };

/** Renders in this thread, loading Vega on first use; charts one after the other (Vega's id counters are global). */
export function inProcessRenderer(): ChartRenderer {
  return {
    async render(charts) {
      const { renderChart } = await import('./charts/render.js');
      const rendered: RenderedChart[] = [];
      for (const chart of charts) rendered.push(await renderChart(chart));
      return rendered;
    },
    close: async () => {},
  };
}

function workerScript(): URL | undefined {
  const url = new URL('./render-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/** A renderer on a worker thread when the build has one, else in this thread. */
export function startChartRenderer(): ChartRenderer {
  const script = workerScript();
  if (script === undefined) return inProcessRenderer();
  const worker = new Worker(script);
  // An idle renderer must not keep the process alive (e.g. when the run fails first).
  worker.unref();
  let closed = false;
  return {
    render(charts) {
      return new Promise<RenderedChart[]>((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        worker.once('error', onError);
        worker.once('message', (message: FromRenderWorker) => {
          worker.off('error', onError);
          if (message.type === 'rendered') resolve(message.charts);
          else reject(Object.assign(new Error(message.message), { stack: message.stack }));
        });
        worker.postMessage({ type: 'render', charts: [...charts] } satisfies ToRenderWorker);
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      await worker.terminate();
    },
  };
}
