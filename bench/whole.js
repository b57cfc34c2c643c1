// npm run bench, second part — what a user waits for, beside SimPy (issue #17's five figures;
// the fourth, the simulation alone, is bench/mmc.js):
//
//   1. a whole `desksim run` of an M/M/10 at ρ = 0.9 (540 customers an hour, 60 days:
//      777,600 customers) — start-up, simulation, KPIs, segments, daily series, tickets.csv,
//      report — against SimPy simulating the same customers;            target ≥ 6× SimPy
//   2. that run's peak resident memory;                                  target ≤ 400 MB
//      and the memory a replication retains per ticket without --events; target ≤ 150 bytes
//   3. `desksim metrics` on a 156 MB export (the Helpdesk log repeated under new case ids);
//                                                              target ≥ 40 MB/s, ≤ 1 GB
//   5. replications of a long run on two worker threads against one;     target ≥ 1.7×
//
// Whole commands run as child processes of the built CLI, timed by their own CPU time and
// wall clock (bench/usage.js). BENCH_SCALE=0.1 runs everything at a tenth of the size.
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildDesk, loadScenarioFile, runReplication } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const main = join(root, 'dist', 'cli', 'main.js');
const scale = Number(process.env.BENCH_SCALE ?? 1);
const scratch = mkdtempSync(join(tmpdir(), 'desksim-bench-'));
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Runs the built CLI as a user would; returns wall seconds, CPU seconds (all threads) and peak RSS. */
function desksim(args) {
  const usageFile = join(scratch, 'usage.json');
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(join(here, 'usage.js')).href, main, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DESKSIM_BENCH_USAGE: usageFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`desksim ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { wallSeconds, ...JSON.parse(readFileSync(usageFile, 'utf8')) };
}

function simpyAvailable() {
  try {
    execFileSync(python, ['-c', 'import simpy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const number = (value, digits = 0) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (met) => (met ? 'meets' : 'MISSES');
const rows = [];

// 1 and 2: the whole run.
const days = Math.max(1, Math.round(60 * scale));
const customers = 540 * 24 * days;
const runOut = join(scratch, 'run');
const whole = desksim([
  'run',
  'scenarios/textbook/mmc.yaml',
  '-r',
  '1',
  '--quiet',
  '--out',
  runOut,
  '--set',
  'arrivals.rate_per_hour=540',
  '--set',
  'complexity.standard.handle_time.mean=1',
  '--set',
  `horizon.days=${days}`,
  '--set',
  'horizon.warmup_days=0',
]);
const created = JSON.parse(readFileSync(join(runOut, 'summary.json'), 'utf8')).kpis?.tickets_created?.mean ?? customers;
const wholeRate = created / whole.cpuSeconds;
console.log(
  `1. whole run, M/M/10 ρ = 0.9, ${number(created)} customers: ${number(whole.wallSeconds, 1)} s wall, ${number(whole.cpuSeconds, 1)} s CPU → ${number(wholeRate)} customers/s`,
);
let simpyRate;
if (simpyAvailable()) {
  const output = execFileSync(
    python,
    [
      join(here, 'simpy_mmc.py'),
      '--servers',
      '10',
      '--arrival-rate',
      '9',
      '--service-rate',
      '1',
      '--customers',
      String(customers),
      '--seed',
      '1',
    ],
    { encoding: 'utf8' },
  );
  simpyRate = JSON.parse(output.trim().split('\n').pop()).customers_per_cpu_second;
  console.log(`   SimPy, the same customers: ${number(simpyRate)} customers/s`);
  rows.push([
    '1 whole run / SimPy',
    `${number(wholeRate / simpyRate, 1)}×`,
    '≥ 6×',
    verdict(wholeRate / simpyRate >= 6),
  ]);
} else {
  console.log('   SimPy not installed (apt-get install python3-simpy3): no ratio');
  rows.push(['1 whole run', `${number(wholeRate)}/s`, '≥ 6× SimPy', 'no SimPy']);
}
console.log(`2. peak resident memory of that run: ${number(whole.maxRssMb)} MB`);
rows.push(['2 peak RSS, whole run', `${number(whole.maxRssMb)} MB`, '≤ 400 MB', verdict(whole.maxRssMb <= 400)]);

// 2, second half: what a replication keeps per ticket (its ledger), from the slope between two horizons.
// V8 frees a collected ArrayBuffer's memory after the collection, on another thread: read right after gc(),
// arrayBuffers still counts some garbage (the same slope read 55 to 322 bytes a ticket). A few collections with
// a pause between them let it settle (134-138 bytes, run after run).
async function settle() {
  for (let round = 0; round < 3; round++) {
    globalThis.gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
async function retainedBytes(horizonDays) {
  const { scenario } = loadScenarioFile(join(root, 'scenarios/textbook/mmc.yaml'), {
    overrides: [
      'arrivals.rate_per_hour=540',
      'complexity.standard.handle_time.mean=1',
      `horizon.days=${horizonDays}`,
      'horizon.warmup_days=0',
      'replications=1',
    ],
  });
  const model = buildDesk(scenario);
  await settle();
  const before = process.memoryUsage();
  const kept = runReplication(model, 1);
  await settle();
  const after = process.memoryUsage();
  const bytes = after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers;
  return { bytes, tickets: kept.outcome.simulation.ticketsCreated, kept };
}
if (typeof globalThis.gc === 'function') {
  const short = await retainedBytes(Math.max(1, Math.round(10 * scale)));
  const long = await retainedBytes(Math.max(2, Math.round(30 * scale)));
  const perTicket = (long.bytes - short.bytes) / (long.tickets - short.tickets);
  console.log(
    `   retained per ticket without --events (a replication's ledger, slope ${number(short.tickets)} → ${number(long.tickets)} tickets): ${number(perTicket)} bytes`,
  );
  rows.push(['2 retained per ticket', `${number(perTicket)} B`, '≤ 150 B', verdict(perTicket <= 150)]);
} else {
  console.log('   (run with node --expose-gc to measure the memory retained per ticket)');
}

// 3: the importer on a large export: the Helpdesk log repeated under new case ids.
const log = join(root, 'test', 'fixtures', 'real-logs', 'helpdesk.csv');
const bigLog = join(scratch, 'helpdesk-big.csv');
const wantedBytes = 156e6 * scale;
{
  const lines = readFileSync(log, 'utf8').trimEnd().split(/\r?\n/);
  const [header, ...body] = lines;
  const caseColumn = header.split(',').indexOf('case:concept:name');
  const out = createWriteStream(bigLog);
  out.write(`${header}\n`);
  let written = header.length + 1;
  for (let copy = 0; written < wantedBytes; copy++) {
    const chunk =
      body
        .map((line) => {
          const cells = line.split(',');
          cells[caseColumn] = `${cells[caseColumn]}-${copy}`;
          return cells.join(',');
        })
        .join('\n') + '\n';
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
const megabytes = statSync(bigLog).size / 1e6;
const imported = desksim([
  'metrics',
  bigLog,
  '--mapping',
  'scenarios/mappings/helpdesk.yaml',
  '--quiet',
  '--out',
  join(scratch, 'metrics'),
]);
const importRate = megabytes / imported.wallSeconds;
let pythonSeconds;
{
  const started = process.hrtime.bigint();
  execFileSync(python, [
    '-c',
    'import csv,sys\nrows=sum(1 for _ in csv.reader(open(sys.argv[1], newline="")))',
    bigLog,
  ]);
  pythonSeconds = Number(process.hrtime.bigint() - started) / 1e9;
}
console.log(
  `3. importer: ${number(megabytes)} MB export in ${number(imported.wallSeconds, 1)} s wall → ${number(importRate, 1)} MB/s, peak ${number(imported.maxRssMb)} MB (Python's csv.reader reads it in ${number(pythonSeconds, 1)} s)`,
);
rows.push(['3 importer', `${number(importRate, 1)} MB/s`, '≥ 40 MB/s', verdict(importRate >= 40)]);
rows.push(['3 importer peak RSS', `${number(imported.maxRssMb)} MB`, '≤ 1,024 MB', verdict(imported.maxRssMb <= 1024)]);

// 5: cores.
const longRun = [
  'run',
  'scenarios/textbook/mmc.yaml',
  '-r',
  '4',
  '--quiet',
  '--set',
  'arrivals.rate_per_hour=540',
  '--set',
  'complexity.standard.handle_time.mean=1',
  '--set',
  `horizon.days=${Math.max(1, Math.round(15 * scale))}`,
  '--set',
  'horizon.warmup_days=0',
];
// Alternating rounds, each side's best wall clock: the host's speed drifts in phases of seconds.
const rounds = [];
for (let round = 0; round < 3; round++)
  rounds.push(
    [1, 2].map((workers) => desksim([...longRun, '--workers', String(workers), '--out', join(scratch, `w${workers}`)])),
  );
const best = (index) => rounds.map((pair) => pair[index]).sort((a, b) => a.wallSeconds - b.wallSeconds)[0];
const [one, two] = [best(0), best(1)];
const speedup = one.wallSeconds / two.wallSeconds;
const cores = availableParallelism();
console.log(
  `5. four replications of a ${Math.max(1, Math.round(15 * scale))}-day run: ${number(one.wallSeconds, 1)} s on one worker, ${number(two.wallSeconds, 1)} s on two → ${number(speedup, 2)}× (best of ${rounds.length} alternating rounds)`,
);
// One worker already keeps more than one core busy (V8's compiler and garbage-collector
// threads, the chart renderer); the two-worker run cannot take less than its CPU over the cores.
console.log(
  `   CPU (all threads): ${number(one.cpuSeconds, 2)} s with one worker, ${number(two.cpuSeconds, 2)} s with two; on ${cores} cores two workers take at least ${number(two.cpuSeconds / cores, 2)} s, one worker keeps ${number(one.cpuSeconds / one.wallSeconds, 2)} cores busy`,
);
rows.push(['5 two workers / one', `${number(speedup, 2)}×`, '≥ 1.7×', verdict(speedup >= 1.7)]);

console.log('\nfigure                     desksim        target      ');
for (const [name, value, target, met] of rows)
  console.log(`${name.padEnd(26)} ${value.padEnd(14)} ${target.padEnd(11)} ${met}`);
console.log('(figure 4, the simulation alone against SimPy, is printed above by bench/mmc.js)');
rmSync(scratch, { recursive: true, force: true });
