/**
 * report.html in a real browser (Debian's chromium through playwright-core): it loads with no
 * console error and no request leaving the file, every chart becomes interactive with a
 * non-empty SVG, and with scripts off the static SVGs are there instead.
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

describe.skipIf(executablePath === undefined)('report.html in Chromium', () => {
  let browser: Browser;
  let report: string;

  beforeAll(async () => {
    const out = join(temporaryDirectory(), 'baseline');
    const result = await cli(['run', 'scenarios/baseline.yaml', '--out', out, '--quiet', '--set', 'horizon.days=10', '--set', 'horizon.warmup_days=2', '-r', '3']);
    expect(result.code).toBe(0);
    report = pathToFileURL(join(out, 'report.html')).href;
    browser = await chromium.launch({ executablePath });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads offline with no console error, draws every chart interactively', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) problems.push(`network request: ${request.url()}`);
    });
    await page.goto(report, { waitUntil: 'load' });
    const figures = await page.locator('figure[data-chart]').count();
    expect(figures).toBe(6);
    await page.waitForFunction(`document.querySelectorAll('figure[data-interactive="true"]').length === ${figures}`, undefined, { timeout: 30_000 });
    const sizes = await chartSizes(page, 'figure .live svg');
    expect(sizes).toHaveLength(figures);
    for (const size of sizes) {
      expect(size.width).toBeGreaterThan(100);
      expect(size.height).toBeGreaterThan(100);
    }
    expect(await page.locator('text=Every KPI with its 95 % confidence interval').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the static SVGs when scripts cannot run', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(report, { waitUntil: 'load' });
    const sizes = await chartSizes(page, 'figure .static svg');
    expect(sizes).toHaveLength(6);
    for (const size of sizes) expect(size.width * size.height).toBeGreaterThan(100 * 100);
    await context.close();
  });
});
