/** `desksim metrics` writes the report `run` writes, in the words of one log (no replications, no intervals). */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, root, temporaryDirectory } from '../support/cli.js';

const directory = temporaryDirectory();
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('desksim metrics report.html', () => {
  it('writes charts and a page that speaks of the log, not of replications', async () => {
    const out = join(directory, 'helpdesk');
    const log = join(root, 'test', 'fixtures', 'real-logs', 'helpdesk.csv');
    const outcome = await cli([
      'metrics',
      log,
      '--mapping',
      'scenarios/mappings/helpdesk.yaml',
      '--scenario',
      'scenarios/it-service-desk.yaml',
      '--out',
      out,
    ]);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain(`Charts and findings: ${join(out, 'report.html')}`);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('the event log helpdesk.csv');
    expect(html).toContain('one log: no confidence interval');
    // The scenario the definitions came from is shown as written (its `replications:` included); nothing else speaks of replications.
    expect(html.replace(/<pre>[\s\S]*?<\/pre>/g, '')).not.toMatch(/replication/);
    for (const chart of ['kpi-dashboard', 'resolution-time', 'daily-volume'])
      expect(existsSync(join(out, 'charts', `${chart}.svg`))).toBe(true);
  }, 60_000);

  it('--no-report leaves the charts and the page out', async () => {
    const out = join(directory, 'bare');
    const outcome = await cli([
      'metrics',
      join(root, 'test', 'fixtures', 'real-logs', 'helpdesk.csv'),
      '-m',
      'scenarios/mappings/helpdesk.yaml',
      '--out',
      out,
      '--no-report',
      '--quiet',
    ]);
    expect(outcome.code).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(false);
    expect(existsSync(join(out, 'charts'))).toBe(false);
    expect(existsSync(join(out, 'kpis.csv'))).toBe(true);
  }, 60_000);
});
