/**
 * report.html of every kind (run, compare, sweep, pressure) in a real browser — Debian's
 * chromium through playwright-core: it loads with no console error and no request leaving
 * the file, every chart becomes interactive with a non-empty SVG, and with scripts off the
 * static SVGs are there instead.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, temporaryDirectory } from '../support/cli.js';
import { findChromium } from '../support/chromium.js';

const executablePath = findChromium();
if (executablePath === undefined) {
  console.warn('SKIPPED browser test: no Chromium found (apt-get install chromium, or set DESKSIM_CHROMIUM)');
}

/** Sizes of the charts' visible SVGs. */
async function chartSizes(page: Page, selector: string): Promise<Array<{ width: number; height: number }>> {
  return page.$$eval(selector, (elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { width: box.width, height: box.height };
    }),
  );
}

/** One report of each kind, quick to make, and how many charts it has. */
const REPORTS: Array<{ kind: string; args: string[]; charts: number }> = [
  {
    kind: 'run',
    args: ['run', 'scenarios/baseline.yaml', '--set', 'horizon.days=10', '--set', 'horizon.warmup_days=2', '-r', '3'],
    charts: 7,
  },
  {
    kind: 'compare',
    args: [
      'compare',
      'scenarios/baseline.yaml',
      'scenarios/understaffed-tier2.yaml',
      '--set',
      'horizon.days=10',
      '--set',
      'horizon.warmup_days=2',
      '-r',
      '3',
    ],
    charts: 1,
  },
  {
    kind: 'sweep',
    args: [
      'sweep',
      'scenarios/experiments/tier1-staffing.yaml',
      '--set',
      'horizon.days=6',
      '--set',
      'horizon.warmup_days=1',
      '-r',
      '2',
    ],
    charts: 1,
  },
  {
    kind: 'pressure',
    args: [
      'pressure',
      'scenarios/baseline.yaml',
      '--kpi',
      'tickets_per_agent_day',
      '--steps',
      '0.5,1',
      '--set',
      'horizon.days=8',
      '--set',
      'horizon.warmup_days=2',
      '-r',
      '2',
    ],
    charts: 2,
  },
];

describe.skipIf(executablePath === undefined)('report.html in Chromium', () => {
  let browser: Browser;
  const reports = new Map<string, string>();

  beforeAll(async () => {
    for (const report of REPORTS) {
      const out = join(temporaryDirectory(), report.kind);
      const result = await cli([...report.args, '--out', out, '--quiet']);
      expect(result.code, result.stderr).toBe(0);
      reports.set(report.kind, pathToFileURL(join(out, 'report.html')).href);
    }
    browser = await chromium.launch({ executablePath });
    // Four runs with reports and a browser start: past the 10 s default on a shared, loaded machine.
  }, 120_000);

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
      page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`));
      page.on('request', (request) => {
        if (!request.url().startsWith('file:') && !request.url().startsWith('data:'))
          problems.push(`network request: ${request.url()}`);
      });
      await page.goto(reports.get(report.kind)!, { waitUntil: 'load' });
      const figures = await page.locator('figure[data-chart]').count();
      expect(figures).toBe(report.charts);
      await page.waitForFunction(
        `document.querySelectorAll('figure[data-interactive="true"]').length === ${figures}`,
        undefined,
        { timeout: 30_000 },
      );
      const sizes = await chartSizes(page, 'figure .live svg');
      expect(sizes).toHaveLength(figures);
      for (const size of sizes) {
        expect(size.width).toBeGreaterThan(100);
        expect(size.height).toBeGreaterThan(100);
      }
      expect(await page.locator('section#findings li').count()).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('run: shows the static SVGs when scripts cannot run', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(reports.get('run')!, { waitUntil: 'load' });
    const sizes = await chartSizes(page, 'figure .static svg');
    expect(sizes).toHaveLength(7);
    for (const size of sizes) expect(size.width * size.height).toBeGreaterThan(100 * 100);
    await context.close();
  });
});
