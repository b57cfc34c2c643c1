#!/usr/bin/env node
/**
 * Screenshots of every kind of report, for docs/ and the README (`npm run screenshots`).
 *
 * Runs the shipped scenarios through the built CLI into a temporary directory, opens each
 * report.html in Debian's chromium (playwright-core), waits for its interactive charts, and
 * saves PNGs to docs/screenshots/: the top of the page and every chart. The charts' SVGs the
 * README shows are copied to docs/images/ (deterministic: re-running changes nothing unless
 * the numbers or the charts changed).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { runCli } from '../dist/cli/program.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const screenshots = join(root, 'docs', 'screenshots');
const images = join(root, 'docs', 'images');

/** The reports to photograph: a name, the CLI arguments, the charts the README shows (chart → file in docs/images). */
const REPORTS = [
  {
    name: 'run',
    args: ['run', 'scenarios/baseline.yaml'],
    readme: {
      'kpi-dashboard': 'kpi-dashboard',
      'resolution-time': 'resolution-time',
      'daily-waits': 'daily-waits',
      'tier-utilization': 'tier-utilization',
    },
  },
  {
    name: 'gaming-run',
    args: ['run', 'scenarios/gaming/closure-count-bonus.yaml'],
    figures: ['kpi-dashboard'],
    readme: { 'kpi-dashboard': 'closure-count-bonus-kpi-dashboard' },
  },
  {
    name: 'compare',
    args: ['compare', 'scenarios/baseline.yaml', 'scenarios/understaffed-tier2.yaml'],
    readme: { 'compare-forest': 'compare-forest' },
  },
  {
    name: 'sweep',
    args: ['sweep', 'scenarios/experiments/tier1-staffing.yaml'],
    readme: { 'sweep-curves': 'sweep-curves' },
  },
  {
    name: 'pressure',
    args: ['pressure', 'scenarios/baseline.yaml', '--kpi', 'tickets_per_agent_day'],
    readme: { 'pressure-heatmap': 'pressure-heatmap', 'dashboard-vs-truth': 'dashboard-vs-truth' },
  },
  {
    name: 'pressure-matrix',
    args: ['pressure', 'scenarios/baseline.yaml', '--all-kpis', '--level', '0.8'],
    readme: { 'pressure-heatmap': 'pressure-matrix-heatmap' },
  },
];

function chromiumPath() {
  const candidates = [
    process.env.DESKSIM_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('no Chromium found: apt-get install chromium, or set DESKSIM_CHROMIUM');
  return found;
}

const scratch = mkdtempSync(join(tmpdir(), 'desksim-screenshots-'));
mkdirSync(screenshots, { recursive: true });
mkdirSync(images, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath() });
try {
  for (const report of REPORTS) {
    const out = join(scratch, report.name);
    const quiet = { stdout: () => {}, stderr: (text) => process.stderr.write(text), interactive: false, cwd: root };
    const code = await runCli([...report.args, '--out', out, '--quiet'], quiet);
    if (code !== 0) throw new Error(`desksim ${report.args.join(' ')} exited ${code}`);
    const page = await browser.newPage({ viewport: { width: 1200, height: 1500 } });
    await page.goto(pathToFileURL(join(out, 'report.html')).href);
    const figures = await page.locator('figure[data-chart]').count();
    await page.waitForFunction(
      `document.querySelectorAll('figure[data-interactive="true"]').length === ${figures}`,
      undefined,
      { timeout: 60_000 },
    );
    await page.screenshot({ path: join(screenshots, `${report.name}-report.png`) });
    const ids = await page.$$eval('figure[data-chart]', (elements) => elements.map((element) => element.id));
    for (const id of ids.filter((figure) => report.figures === undefined || report.figures.includes(figure))) {
      const file = id.startsWith(report.name) ? id : `${report.name}-${id}`;
      await page.locator(`figure#${id} .live`).screenshot({ path: join(screenshots, `${file}.png`) });
    }
    for (const [chart, file] of Object.entries(report.readme))
      copyFileSync(join(out, 'charts', `${chart}.svg`), join(images, `${file}.svg`));
    await page.close();
    console.log(`${report.name}: ${figures} charts → docs/screenshots/${report.name}-*.png`);
  }
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}
