// CPU seconds per thread of a command, and when each thread was busy: samples
// /proc/<pid>/task/*/stat every 10 ms (Linux). Timing on a shared VM is noisy; CPU per thread
// is not, and shows where a run's time goes (the main thread, each worker, the chart
// renderer, V8's background compiler and garbage-collector threads).
//
//   node bench/threads.js node dist/cli/main.js run scenarios/textbook/mmc.yaml -r 4 --workers 2 --quiet
//
// Threads are listed in the order they appeared: the main thread, V8's platform threads
// (background compilation and GC), then worker threads as they started. Timeline: one
// character per 0.25 s, '#' busy more than 75 % of it, '+' 40 %, '.' 10 %.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const [command, ...args] = process.argv.slice(2);
if (command === undefined) {
  console.error('usage: node bench/threads.js <command> [arguments...]');
  process.exit(2);
}
const TICKS = 100; // clock ticks a second (USER_HZ)
const BUCKET = 0.25;
const child = spawn(command, args, { stdio: 'inherit' });
const started = process.hrtime.bigint();
const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
/** @type {Map<string, { cpu: number, timeline: Map<number, number> }>} */
const threads = new Map();
let exited = false;
child.on('exit', () => {
  exited = true;
});

function sample() {
  const now = seconds();
  let tids = [];
  try {
    tids = readdirSync(`/proc/${child.pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    let stat;
    try {
      stat = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name: state is the first, utime the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = (Number(fields[11]) + Number(fields[12])) / TICKS;
    let thread = threads.get(tid);
    if (thread === undefined) {
      thread = { cpu: 0, timeline: new Map() };
      threads.set(tid, thread);
    }
    const bucket = Math.floor(now / BUCKET);
    if (cpu > thread.cpu) thread.timeline.set(bucket, (thread.timeline.get(bucket) ?? 0) + cpu - thread.cpu);
    thread.cpu = cpu;
  }
}

const timer = setInterval(() => {
  sample();
  if (!exited) return;
  clearInterval(timer);
  let total = 0;
  console.error(`wall ${seconds().toFixed(2)} s; CPU seconds per thread (threads under 0.05 s not shown):`);
  for (const [tid, thread] of threads) {
    total += thread.cpu;
    if (thread.cpu < 0.05) continue;
    const last = Math.max(...thread.timeline.keys());
    let line = '';
    for (let bucket = 0; bucket <= last; bucket++) {
      const busy = (thread.timeline.get(bucket) ?? 0) / BUCKET;
      line += busy > 0.75 ? '#' : busy > 0.4 ? '+' : busy > 0.1 ? '.' : ' ';
    }
    console.error(`${tid.padStart(8)} ${thread.cpu.toFixed(2).padStart(6)}  ${line}`);
  }
  console.error(`total CPU ${total.toFixed(2)} s (up to 10 ms of each thread's end unseen)`);
  process.exitCode = child.exitCode ?? 1;
}, 10);
