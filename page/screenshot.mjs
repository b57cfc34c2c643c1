// Screenshots of the what-if page for the README (docs/screenshots/page*.png), with
// playwright-core and Debian's chromium. Run after `npm run build`:
//   node page/screenshot.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const directory = mkdtempSync(join(tmpdir(), 'desksim-page-shots-'));
try {
  execFileSync(process.execPath, [join(root, 'dist/cli/main.js'), 'page', '--out', join(directory, 'site')], {
    cwd: root,
    stdio: 'ignore',
  });
  const site = pathToFileURL(join(directory, 'site', 'index.html')).href;
  const browser = await chromium.launch({ executablePath: process.env.DESKSIM_CHROMIUM ?? '/usr/bin/chromium' });
  const shots = [
    // A manager's what-if: one Tier 2 specialist fewer, and a bonus on tickets closed per day.
    {
      file: 'page.png',
      hash: 'scenario=baseline&set=tiers.tier2.shifts.0.agents%3D2&set=incentives.tickets_per_agent_day%3D0.75',
    },
    // A trainer's room: the truth hidden until revealed.
    { file: 'page-trainer.png', hash: 'scenario=gaming%2Fclosure-count-bonus&trainer=1' },
  ];
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
    await page.goto(`${site}#${shot.hash}`);
    await page.waitForFunction(() => document.getElementById('status').dataset.state === 'done', undefined, {
      timeout: 600_000,
    });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(root, 'docs/screenshots', shot.file) });
    await page.close();
    console.log(`wrote docs/screenshots/${shot.file}`);
  }
  await browser.close();
} finally {
  rmSync(directory, { recursive: true, force: true });
}
