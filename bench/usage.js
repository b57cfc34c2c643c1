// Preloaded into a desksim process by the bench (`node --import ./bench/usage.js ...`): at exit,
// writes the process's own CPU time (all threads) and peak resident memory to the file named
// by DESKSIM_BENCH_USAGE, so the bench measures a whole command exactly as a user runs it.
import { writeFileSync } from 'node:fs';

const target = process.env.DESKSIM_BENCH_USAGE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    writeFileSync(target, JSON.stringify({ cpuSeconds, maxRssMb: usage.maxRSS / 1024 }));
  });
}
