/**
 * The frameworks report and the metrics report in a real browser (Debian's chromium through
 * playwright-core, as test/report/browser.test.ts does for the other reports): each loads
 * offline with no console error, and every chart becomes interactive with a visible SVG.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, root, temporaryDirectory } from '../support/cli.js';
import { findChromium } from '../support/chromium.js';

const executablePath = findChromium();
const directory = temporaryDirectory('desksim-frameworks-browser-');
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const STUDY = `name: browser
scenario: ${join(root, 'scenarios', 'baseline.yaml')}
replications: 2
set: [horizon.days=10, horizon.warmup_days=2, metrics.reopen_window_days=2]
frameworks: [${join(root, 'scenarios', 'frameworks', 'sqm-customer-outcome.yaml')}, ${join(root, 'scenarios', 'frameworks', 'speed-dashboard.yaml')}]
design: { desks: 4, seed: 2, factors: { tiers.tier2.shifts.0.agents: [2, 4], gaming.rushing.intensity: [0, 0.4] } }
sensitivity: { changes: [{ name: one more Tier 2 agent, set: [tiers.tier2.shifts.0.agents=4] }] }
bootstrap: { resamples: 100 }
`;

const REPORTS = [
  { kind: 'frameworks', charts: 3 },
  { kind: 'metrics', charts: 4 }, // a help desk's export has no queue or shift events: no waits or utilization by day
];

describe.skipIf(executablePath === undefined)('frameworks and metrics report.html in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    writeFileSync(join(directory, 'study.yaml'), STUDY);
    const study = await cli([
      'frameworks',
      join(directory, 'study.yaml'),
      '--out',
      join(directory, 'frameworks'),
      '--quiet',
    ]);
    expect(study.code, study.stderr).toBe(0);
    const log = join(root, 'test', 'fixtures', 'real-logs', 'helpdesk.csv');
    const metrics = await cli([
      'metrics',
      log,
      '-m',
      'scenarios/mappings/helpdesk.yaml',
      '--out',
      join(directory, 'metrics'),
      '--quiet',
    ]);
    expect(metrics.code, metrics.stderr).toBe(0);
    browser = await chromium.launch({ executablePath });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  for (const report of REPORTS) {
    it(`${report.kind}: loads offline with no console error, draws every chart interactively`, async () => {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          problems.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('request', (request) => {
        if (!request.url().startsWith('file:') && !request.url().startsWith('data:'))
          problems.push(`network request: ${request.url()}`);
      });
      await page.goto(pathToFileURL(join(directory, report.kind, 'report.html')).href, { waitUntil: 'load' });
      const figures = await page.locator('figure[data-chart]').count();
      expect(figures).toBe(report.charts);
      await page.waitForFunction(
        `document.querySelectorAll('figure[data-interactive="true"]').length === ${figures}`,
        undefined,
        { timeout: 30_000 },
      );
      const sizes = await page.$$eval('figure .live svg', (elements) =>
        elements.map((element) => element.getBoundingClientRect()).map(({ width, height }) => ({ width, height })),
      );
      expect(sizes).toHaveLength(figures);
      for (const size of sizes) expect(size.width * size.height).toBeGreaterThan(100 * 100);
      expect(await page.locator('section#findings li').count()).toBeGreaterThan(0);
      if (process.env.DESKSIM_SCREENSHOTS)
        await page.screenshot({ path: join(process.env.DESKSIM_SCREENSHOTS, `${report.kind}.png`), fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    }, 60_000);
  }
});
