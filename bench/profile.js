// npm run bench:profile (after npm run build) — a deterministic cost profile of the simulation
// on the bench's M/M/10, per customer: machine instructions, conditional branches and branch
// mispredictions, in total and by JavaScript function.
//
// Why: timing on the shared development VMs drifts by ±30 % within a process, so a change worth
// 3 % takes dozens of alternating runs to see (and is often not seen at all). Counting is exact:
// under valgrind's callgrind with V8's --predictable (single-threaded, synchronous compiles), the
// same build gives the same counts to within ~1 %. The simulation runs twice, for 50 and for 100
// days after the same warm-up, and the difference is divided by the difference in customers: what
// is left is the steady-state cost of one customer, without start-up, compiles or the warm-up.
// V8's --perf-basic-prof map names the JIT code. Callgrind attributes by call, not by address, so
// code entered by a jump (the event loop's on-stack-replacement code) is charged to the function
// it was entered from (`JS:^loop` below is the optimised loop).
//
// "model cycles" = instructions / 3 + 15 × mispredictions: a rough cost on a modern x86 core
// (about three instructions a cycle, about fifteen cycles lost per misprediction); it ranked the
// variants tried on 2026-11-23 as timed medians did. Needs valgrind (apt-get install valgrind);
// about two minutes on the 2-core VM.
//
//   node bench/profile.js [--top N] [--metrics] [-- node flags...]
//
// --metrics: a replication as `desksim run` does one (the ledger folds every event, then the KPIs).
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

async function driver(days, metrics) {
  const { buildDesk, loadScenarioFile, runReplication, simulate } = await import('../dist/index.js');
  const load = (horizon) =>
    buildDesk(
      loadScenarioFile(join(root, 'scenarios/textbook/mmc.yaml'), {
        overrides: [
          'tiers.desk.agents=10',
          'arrivals.rate_per_hour=54',
          'complexity.standard.handle_time.mean=10',
          `horizon.days=${horizon}`,
          'horizon.warmup_days=0',
          'replications=1',
        ],
        // A million customers in one replication: past the run's default work limit, on purpose.
        allowLarge: true,
      }).scenario,
    );
  const counter = { emit() {}, emitFields() {} };
  // With --metrics, a replication as `desksim run` does one: the ledger folds every event and the KPIs are computed.
  const replicate = metrics
    ? (model, replication) => runReplication(model, replication).outcome.simulation
    : (model, replication) => simulate(model, replication, counter);
  // Warm-up: several calls long enough to close tickets (the reopen window is a week), so every
  // path of the loop has type feedback before the measured run.
  const warm = load(10);
  for (let replication = 100; replication < 108; replication++) replicate(warm, replication);
  console.log(replicate(load(days), 2).ticketsCreated);
}

function requireTool(tool) {
  if (spawnSync(tool, ['--version'], { stdio: 'ignore' }).error !== undefined) {
    console.error(`bench:profile needs ${tool} (apt-get install valgrind)`);
    process.exit(2);
  }
}

/** Runs the driver under callgrind; returns the customers and the cost by function name. */
async function measure(days, metrics, nodeFlags, scratch) {
  const out = join(scratch, `callgrind.${days}`);
  // V8's own log (which --perf-basic-prof turns on) goes to the scratch directory, not the working one.
  const v8Log = [`--logfile=${join(scratch, `v8.${days}.log`)}`, '--no-logfile-per-isolate'];
  const run = await promisify(execFile)(
    'valgrind',
    [
      '--tool=callgrind',
      '--branch-sim=yes',
      `--callgrind-out-file=${out}`,
      process.execPath,
      '--predictable',
      '--perf-basic-prof',
      ...v8Log,
      ...nodeFlags,
      fileURLToPath(import.meta.url),
      '--driver',
      String(days),
      ...(metrics ? ['--metrics'] : []),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const customers = Number(run.stdout.trim().split('\n').pop());
  const pid = /^pid: (\d+)/m.exec(readFileSync(out, 'utf8'))[1];
  const mapFile = `/tmp/perf-${pid}.map`;
  const latest = new Map();
  for (const line of readFileSync(mapFile, 'utf8').split('\n')) {
    const [start, size, ...name] = line.split(' ');
    if (name.length > 0) latest.set(parseInt(start, 16), { size: parseInt(size, 16), name: name.join(' ') }); // a reused address: the later code wins
  }
  rmSync(mapFile, { force: true });
  const starts = [...latest.keys()].sort((a, b) => a - b);
  const nameAt = (address) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= address) low = middle;
      else high = middle - 1;
    }
    const entry = latest.get(starts[low]);
    return starts[low] <= address && address < starts[low] + entry.size ? entry.name : 'JIT code (unnamed)';
  };
  const annotated = execFileSync('callgrind_annotate', ['--threshold=100', out], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const costs = new Map();
  for (const line of annotated.split('\n')) {
    const match = /^((?:\s*(?:[\d,]+ \(\s*[\d.]+%\)|\.))+)\s+(.*)$/.exec(line);
    if (match === null) continue;
    const values = [...match[1].matchAll(/([\d,]+) \(\s*[\d.]+%\)|(?<!\S)\.(?!\S)/g)].map((m) =>
      m[1] === undefined ? 0 : Number(m[1].replaceAll(',', '')),
    );
    const jit = /\?\?\?:0x([0-9a-f]+)/.exec(match[2]);
    let name = jit === null ? match[2].replace(/^.*\?\?\?:/, '') : nameAt(parseInt(jit[1], 16));
    name = name.replace(/ file:\/\/\/\S*?\/dist\//, ' ').slice(0, 100);
    const cost = costs.get(name) ?? [0, 0, 0];
    // Columns: Ir Bc Bcm Bi Bim (instructions, conditional branches and their mispredictions, indirect ones).
    costs.set(name, [cost[0] + values[0], cost[1] + (values[1] ?? 0), cost[2] + (values[2] ?? 0)]);
  }
  return { customers, costs };
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--driver') return driver(Number(args[1]), args[2] === '--metrics');
  const dashes = args.indexOf('--');
  const nodeFlags = dashes >= 0 ? args.slice(dashes + 1) : [];
  const metrics = args.slice(0, dashes >= 0 ? dashes : undefined).includes('--metrics');
  const topIndex = args.indexOf('--top');
  const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 15;
  requireTool('valgrind');
  requireTool('callgrind_annotate');
  const scratch = mkdtempSync(join(tmpdir(), 'desksim-profile-'));
  try {
    // The two runs in parallel (one core each): their counts do not depend on timing.
    const [short, long] = await Promise.all([
      measure(50, metrics, nodeFlags, scratch),
      measure(100, metrics, nodeFlags, scratch),
    ]);
    const customers = long.customers - short.customers;
    const perCustomer = new Map();
    for (const [name, cost] of long.costs) {
      const before = short.costs.get(name) ?? [0, 0, 0];
      perCustomer.set(
        name,
        cost.map((value, index) => (value - before[index]) / customers),
      );
    }
    const total = perCustomer.get('PROGRAM TOTALS');
    perCustomer.delete('PROGRAM TOTALS');
    const cycles = ([instructions, , mispredicts]) => instructions / 3 + 15 * mispredicts;
    console.log(
      `M/M/10 at ρ = 0.9, ${metrics ? 'simulation + metric engine' : 'simulation only'}, per customer (steady state, ${customers.toLocaleString('en-US')} customers)${nodeFlags.length > 0 ? `, node ${nodeFlags.join(' ')}` : ''}\n`,
    );
    console.log(
      `instructions ${total[0].toFixed(0)}   conditional branches ${total[1].toFixed(0)}   mispredicted ${total[2].toFixed(1)}   model cycles ${cycles(total).toFixed(0)}\n`,
    );
    console.log(`${'instr'.padStart(8)} ${'branches'.padStart(9)} ${'mispred'.padStart(8)}  function`);
    const rows = [...perCustomer].sort((a, b) => b[1][0] - a[1][0]).slice(0, top);
    for (const [name, [instructions, branches, mispredicts]] of rows) {
      console.log(
        `${instructions.toFixed(1).padStart(8)} ${branches.toFixed(1).padStart(9)} ${mispredicts.toFixed(1).padStart(8)}  ${name}`,
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
