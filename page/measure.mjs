// Measures the what-if page in Chromium: how long each replication of a scenario takes in
// the worker, and whether the page stays responsive meanwhile (the longest gap between two
// animation frames, and main-thread tasks over 50 ms). Run after `npm run build`:
//   node page/measure.mjs [scenario.yaml]        (default scenarios/baseline.yaml)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const scenario = process.argv[2] ?? 'scenarios/baseline.yaml';
const directory = mkdtempSync(join(tmpdir(), 'desksim-page-measure-'));
try {
  execFileSync(process.execPath, [join(root, 'dist/cli/main.js'), 'page', scenario, '--out', join(directory, 'site')], {
    cwd: root,
    stdio: 'ignore',
  });
  const browser = await chromium.launch({ executablePath: process.env.DESKSIM_CHROMIUM ?? '/usr/bin/chromium' });
  const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  await page.addInitScript(() => {
    const record = { replications: [], frames: [], longTasks: [] };
    window.__measure = record;
    let last = performance.now();
    const frame = (now) => {
      record.frames.push(now - last);
      last = now;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => record.longTasks.push([entry.startTime, entry.duration])),
    ).observe({ type: 'longtask', buffered: true });
    document.addEventListener('DOMContentLoaded', () => {
      const status = document.getElementById('status');
      new MutationObserver(() => {
        const done = Number(status.dataset.done);
        if (done > record.replications.length) record.replications.push(Number(status.dataset.milliseconds));
      }).observe(status, { attributes: true });
    });
  });
  const started = Date.now();
  await page.goto(pathToFileURL(join(directory, 'site', 'index.html')).href);
  await page.waitForFunction(() => document.getElementById('status').dataset.done === '1', undefined, {
    timeout: 120_000,
  });
  const firstShown = Date.now() - started;
  // Frames while the simulation runs (replications, then the pressure sweep), not page load.
  const runFrom = await page.evaluate(() => {
    window.__measure.frames = [];
    return performance.now();
  });
  await page.waitForFunction(() => document.getElementById('status').dataset.state === 'done', undefined, {
    timeout: 600_000,
  });
  const record = await page.evaluate(() => window.__measure);
  const frames = record.frames.sort((a, b) => a - b);
  console.log(`Chromium ${browser.version()}, ${scenario}`);
  console.log(`replications (ms, in the worker): ${record.replications.map((value) => value.toFixed(0)).join(', ')}`);
  console.log(
    `first replication on screen ${firstShown} ms after navigation (page load, worker start, validation, simulation, metrics)`,
  );
  console.log(
    `frames while running: ${frames.length}, median gap ${frames[Math.floor(frames.length / 2)]?.toFixed(1)} ms, longest ${frames[frames.length - 1]?.toFixed(1)} ms`,
  );
  const during = record.longTasks.filter(([start]) => start >= runFrom).map(([, duration]) => duration);
  const before = record.longTasks.filter(([start]) => start < runFrom).map(([, duration]) => duration);
  const describe = (tasks) =>
    `${tasks.length}${tasks.length ? ` (longest ${Math.max(...tasks).toFixed(0)} ms, together ${tasks.reduce((a, b) => a + b, 0).toFixed(0)} ms)` : ''}`;
  console.log(
    `main-thread tasks over 50 ms: while loading ${describe(before)}; while the run streams ${describe(during)}`,
  );
  await browser.close();
} finally {
  rmSync(directory, { recursive: true, force: true });
}
