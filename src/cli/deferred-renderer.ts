/**
 * A chart renderer whose thread starts when asked (`start`) or at the first `render`: a run
 * starts it once a core is free of replications (`BatchOptions.onSpareCore`), so that Vega
 * loads and warms up beside the replications without slowing them down.
 */
import { startChartRenderer, type ChartRenderer } from '../report/chart-renderer.js';

/** A chart renderer started on demand. */
export interface DeferredRenderer extends ChartRenderer {
  /** Starts the renderer (its thread loads Vega and warms up) if it has not started yet. */
  start(): void;
}

/** A renderer that `start` (or the first `render`) starts with `open`. */
export function deferredChartRenderer(open: () => ChartRenderer = startChartRenderer): DeferredRenderer {
  let renderer: ChartRenderer | undefined;
  const started = () => {
    renderer ??= open();
    return renderer;
  };
  return {
    start: () => void started(),
    render: (charts) => started().render(charts),
    close: async () => renderer?.close(),
  };
}
