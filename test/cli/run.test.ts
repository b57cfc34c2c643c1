import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, temporaryDirectory } from '../support/cli.js';

const quick = ['--set', 'horizon.days=10', '--set', 'horizon.warmup_days=2', '--replications', '3'];

describe('desksim run', () => {
  it('writes the output directory with every file', async () => {
    const out = join(temporaryDirectory(), 'baseline');
    const result = await cli(['run', 'scenarios/baseline.yaml', '--out', out, '--events', ...quick]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('first_response_time_mean');
    expect(result.stdout).toContain(`Charts and findings: ${join(out, 'report.html')}`);
    expect(readdirSync(out).sort()).toEqual(['.desksim-output', 'charts', 'daily.csv', 'events.ndjson', 'kpis.csv', 'report.html', 'scenario.resolved.yaml', 'segments.csv', 'summary.json', 'tickets.csv']);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual(
      ['daily-sla', 'daily-volume', 'daily-waits', 'kpi-dashboard', 'resolution-time', 'tier-utilization', 'week-heatmap'].flatMap((name) => [`${name}.svg`, `${name}.vl.json`]),
    );
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ scenario: 'baseline', seed: 2026, replications: 3 });
    expect(summary.kpis.queue_wait_mean).toMatchObject({ n: 3, unit: 'minutes' });
    expect(summary.kpis.queue_wait_mean.ci95[0]).toBeLessThan(summary.kpis.queue_wait_mean.ci95[1]);
    expect(Object.keys(summary.tiers)).toEqual(['tier1', 'tier2', 'live']);
    const kpis = readFileSync(join(out, 'kpis.csv'), 'utf8').trim().split('\n');
    expect(kpis).toHaveLength(4);
    expect(kpis[0]).toMatch(/^replication,tickets_created,.*,tiers\.live\.utilization$/);
    const firstEvent = JSON.parse(readFileSync(join(out, 'events.ndjson'), 'utf8').split('\n')[0]!);
    expect(firstEvent.time).toMatch(/^2026-01-0\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const tickets = readFileSync(join(out, 'tickets.csv'), 'utf8').trim().split('\n');
    expect(tickets.length - 1).toBe(Number(kpis[1]!.split(',')[1])); // rows = tickets_created of replication 1
  });

  it('is deterministic: same seed ⇒ byte-identical summary.json, kpis.csv, charts and report.html', async () => {
    const [first, second, other] = [temporaryDirectory(), temporaryDirectory(), temporaryDirectory()];
    for (const out of [first, second]) expect((await cli(['run', 'scenarios/baseline.yaml', '--out', out, '--quiet', ...quick])).code).toBe(0);
    expect((await cli(['run', 'scenarios/baseline.yaml', '--out', other, '--quiet', '--seed', '7', ...quick])).code).toBe(0);
    for (const file of ['summary.json', 'kpis.csv', 'segments.csv', 'daily.csv']) {
      expect(readFileSync(join(first, file))).toEqual(readFileSync(join(second, file)));
    }
    expect(readFileSync(join(first, 'kpis.csv'), 'utf8')).not.toEqual(readFileSync(join(other, 'kpis.csv'), 'utf8'));
  });

  it('refuses a bad scenario with exit code 2, a located message, and nothing written', async () => {
    const directory = temporaryDirectory();
    const file = join(directory, 'bad.yaml');
    writeFileSync(file, 'name: bad\ntiers:\n  - id: tier1\n    agents: -3\n');
    const out = join(directory, 'out');
    const result = await cli(['run', file, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:4:13`);
    expect(result.stderr).toContain('tiers.tier1.agents');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(directory)).toEqual(['bad.yaml']);
  });

  it('refuses a bad override with exit code 2 and leaves an existing output untouched', async () => {
    const out = temporaryDirectory();
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'keep.txt'), 'previous run');
    const result = await cli(['run', 'scenarios/baseline.yaml', '--out', out, '--set', 'tiers.tier9.agents=3']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('tier9');
    expect(readdirSync(out)).toEqual(['keep.txt']);
  });

  it('prints the summary as JSON with --json', async () => {
    const result = await cli(['run', 'scenarios/textbook/mmc.yaml', '--out', temporaryDirectory(), '--json', '--set', 'horizon.days=3', '-r', '2']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).kpis.tickets_created.n).toBe(2);
  });
});

describe('desksim validate and schema', () => {
  it('validate prints the resolved scenario', async () => {
    const result = await cli(['validate', 'scenarios/textbook/mmc.yaml', '--set', 'tiers.desk.agents=12']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('agents: 12');
    expect(result.stdout).toContain('discipline: fifo');
  });

  it('schema prints a JSON Schema with every top-level section', async () => {
    const result = await cli(['schema']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'arrivals', 'tiers', 'routing', 'metrics']));
  });

  it('exits 2 on an unknown command or option', async () => {
    expect((await cli(['launch'])).code).toBe(2);
    expect((await cli(['run', 'scenarios/baseline.yaml', '--frobnicate'])).code).toBe(2);
  });

  for (const command of ['run', 'validate', 'schema']) {
    it(`${command} --help teaches with examples`, async () => {
      const result = await cli([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Examples:');
    });
  }
});
