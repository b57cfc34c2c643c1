/**
 * Progress bars for long commands (cli-progress), drawn on stderr only when it is a terminal
 * and neither --quiet nor --json was given: piped output and CI logs stay clean.
 */
import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

/** A progress display: `update(done)` as work completes, `stop()` when finished or failed. */
export interface Progress {
  update(done: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => {}, stop: () => {} };

/**
 * A bar labelled `label` counting to `total` units ("replications", "runs"); silent unless
 * the CLI talks to a terminal and the user did not ask for --quiet or --json.
 */
export function startProgress(
  io: CliIo,
  label: string,
  total: number,
  unit: string,
  options: { quiet?: boolean; json?: boolean } = {},
): Progress {
  if (!io.interactive || io.progressStream === undefined || options.quiet || options.json || total < 1) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} {bar} {value}/{total} ${unit} · {duration_formatted}`,
      stream: io.progressStream,
      // The cursor stays visible: a bar interrupted by an error must not leave it hidden.
      hideCursor: false,
      clearOnComplete: true,
      barsize: 24,
      etaBuffer: 4,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}
