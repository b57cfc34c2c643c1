// node bench/bare-mmc.js (after npm run build) — the floor under desksim's benchmark: an
// M/M/10 at ρ = 0.9 written directly with the engine's parts (winner-tree timers for the
// agents, Tyche-i streams, a ring of waiting arrival times), two events a customer into a
// counting sink, and no help-desk model at all (no tickets, tiers, truth or satisfaction).
// README § Benchmark compares it with the full simulation's rate.
import { SlotTimers, createStream } from '../dist/engine/index.js';

const customers = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const servers = 10;
const arrivalRate = 0.9;
const meanService = 10;
const ringMask = (1 << 20) - 1;

function run() {
  const arrivals = createStream(1, 1, 'arrivals');
  const work = createStream(1, 1, 'work');
  const busyUntil = new SlotTimers(servers);
  const waiting = new Float64Array(ringMask + 1);
  let head = 0;
  let queued = 0;
  const idle = [];
  for (let server = servers - 1; server >= 0; server--) idle.push(server);
  const sink = {
    events: 0,
    emitFields() {
      this.events++;
    },
  };
  let nextArrival = -Math.log(1 - arrivals()) / arrivalRate;
  let served = 0;
  let waitSum = 0;
  while (served < customers) {
    const done = busyUntil.peekTime();
    if (done <= nextArrival) {
      const server = busyUntil.pop();
      served++;
      sink.emitFields(done, 'work_ended', server);
      if (queued > 0) {
        waitSum += done - waiting[head];
        head = (head + 1) & ringMask;
        queued--;
        busyUntil.set(server, done - meanService * Math.log(1 - work()));
      } else {
        idle.push(server);
      }
    } else {
      const now = nextArrival;
      nextArrival = now - Math.log(1 - arrivals()) / arrivalRate;
      sink.emitFields(now, 'created', served);
      if (idle.length > 0) busyUntil.set(idle.pop(), now - meanService * Math.log(1 - work()));
      else waiting[(head + queued++) & ringMask] = now;
    }
  }
  return waitSum / customers;
}

let bestRate = 0;
let wait = 0;
for (let attempt = 0; attempt < 5; attempt++) {
  const started = process.cpuUsage();
  wait = run();
  const used = process.cpuUsage(started);
  bestRate = Math.max(bestRate, customers / ((used.user + used.system) / 1e6));
}
console.log(
  `bare M/M/10 loop: ${Math.round(bestRate).toLocaleString('en-US')} customers/CPU s (best of 5), mean wait ${wait.toFixed(3)} min (Erlang C: 6.687)`,
);
