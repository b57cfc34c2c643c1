/**
 * A chart renderer that starts its thread only when a core is free of replications: a run
 * calls `start` when one of its pool's threads runs out of replications
 * (`BatchOptions.onSpareCore`), so that Vega loads and warms up beside the last replications
 * without slowing them down. If nobody calls `start`, the charts are drawn in this thread once
 * the replications are done: a thread started beside a replication running on one thread
 * would hold Vega's ~70 MB beside its ledger at the run's memory peak.
 */
import { inProcessRenderer, startChartRenderer, type ChartRenderer } from '../report/chart-renderer.js';

/** A chart renderer started on demand. */
export interface DeferredRenderer extends ChartRenderer {
  /** Starts the renderer's thread (it loads Vega and warms up) if nothing has started yet. */
  start(): void;
}

/** A renderer that `start` opens with `early`, or else the first `render` with `late`. */
export function deferredChartRenderer(
  early: () => ChartRenderer = startChartRenderer,
  late: () => ChartRenderer = inProcessRenderer,
): DeferredRenderer {
  let renderer: ChartRenderer | undefined;
  return {
    start: () => {
      renderer ??= early();
    },
    render: (charts) => {
      renderer ??= late();
      return renderer.render(charts);
    },
    close: async () => renderer?.close(),
  };
}
