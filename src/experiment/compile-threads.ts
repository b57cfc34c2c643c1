/**
 * Where V8 compiles while replication threads keep every core busy. By default V8 hands a hot
 * function to its own background threads to optimise, so that the running thread goes on
 * meanwhile: a gain when a core is idle to do it. With a replication thread on every core
 * there is none, and each thread's isolate compiles the same code again (the simulation, the
 * metric engine): measured on 2 cores, four 15-day M/M/10 replications on two threads took
 * 5.0–5.5 s of CPU with background compilation and 4.4–4.5 s with each thread compiling its
 * own code (V8's background threads 1.1–1.3 s → 0.2 s; each replication thread +0.1 s), and
 * 3.2–3.4 s of wall clock against 2.9–3.1 s, the outputs byte-identical. So while a pool's
 * threads fill the cores, the isolates created meanwhile (its threads) compile on their own
 * thread; with fewer threads than cores, or when whoever started Node chose the mode, nothing changes.
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

const FLAG = 'concurrent-recompilation';
/** V8 flags that decide (or imply) where V8 compiles: given at start, they are the user's choice to keep. */
const CHOSEN = [FLAG, 'single-threaded', 'predictable', 'jitless'];
let holders = 0;

/** Node was started with one of `CHOSEN` (on the command line or in NODE_OPTIONS). */
function chosenAtStart(): boolean {
  const options = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return options.some((option) => CHOSEN.some((flag) => option.replaceAll('_', '-').includes(flag)));
}

/**
 * Makes isolates created from now on compile on their own thread when `threads` replication
 * threads fill the machine's cores; returns the release (safe to call twice), which restores
 * background compilation once every holder has released.
 */
export function compileOnOwnThreads(threads: number, cores = availableParallelism()): () => void {
  if (threads < cores || chosenAtStart()) return () => {};
  if (holders++ === 0) setFlagsFromString(`--no-${FLAG}`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0) setFlagsFromString(`--${FLAG}`);
  };
}
