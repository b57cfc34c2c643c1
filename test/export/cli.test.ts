/** `run` and `metrics` with `--format` and `--all-replications`: which files, with what, and bad input. */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, temporaryDirectory } from '../support/cli.js';

const scratch = temporaryDirectory('desksim-export-cli-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const short = ['--set', 'horizon.days=4', '--set', 'horizon.warmup_days=1', '-r', '2', '--no-report', '--quiet'];

describe('run --format', () => {
  it("writes the event log as XES and OCEL without keeping the NDJSON it streamed through, and every replication's tickets", async () => {
    const out = join(scratch, 'run');
    const result = await cli([
      'run',
      'scenarios/baseline.yaml',
      ...short,
      '--format',
      'xes,ocel,parquet',
      '--all-replications',
      '--out',
      out,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const files = readdirSync(out);
    expect(files).toEqual(expect.arrayContaining(['events.xes', 'events.ocel.json', 'tickets.parquet', 'tickets.csv']));
    // Parquet of the event log only beside --events; the NDJSON was a step, not asked for.
    expect(files).not.toContain('events.parquet');
    expect(files).not.toContain('events.ndjson');
    const lines = readFileSync(join(out, 'tickets.csv'), 'utf8').trim().split('\n');
    expect(lines[0]!.startsWith('replication,ticket,')).toBe(true);
    expect(new Set(lines.slice(1).map((line) => line.split(',')[0]))).toEqual(new Set(['1', '2']));
  });

  it('with --events keeps events.ndjson and adds events.parquet', async () => {
    const out = join(scratch, 'run-events');
    expect(
      (await cli(['run', 'scenarios/baseline.yaml', ...short, '--events', '--format', 'parquet', '--out', out])).code,
    ).toBe(0);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['events.ndjson', 'events.parquet', 'tickets.parquet']));
    expect(readFileSync(join(out, 'tickets.csv'), 'utf8').startsWith('ticket,')).toBe(true);
  });

  it('leaves the other outputs byte-identical', async () => {
    const plain = join(scratch, 'plain');
    const exported = join(scratch, 'exported');
    expect((await cli(['run', 'scenarios/baseline.yaml', ...short, '--out', plain])).code).toBe(0);
    expect(
      (await cli(['run', 'scenarios/baseline.yaml', ...short, '--format', 'xes,parquet', '--out', exported])).code,
    ).toBe(0);
    for (const file of ['summary.json', 'kpis.csv', 'tickets.csv', 'segments.csv', 'daily.csv']) {
      expect(readFileSync(join(exported, file), 'utf8'), file).toBe(readFileSync(join(plain, file), 'utf8'));
    }
  });

  it('rejects an unknown format with exit 2, naming the known ones, and writes nothing', async () => {
    const out = join(scratch, 'bad');
    const result = await cli(['run', 'scenarios/baseline.yaml', ...short, '--format', 'xes,csv', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatchInlineSnapshot(`
      "--format: unknown format "csv"; known: xes, ocel, parquet (comma-separated)
      "
    `);
    expect(existsSync(out)).toBe(false);
  });
});

describe('metrics --format', () => {
  it('exports an imported log in every format', async () => {
    const out = join(scratch, 'metrics');
    const result = await cli([
      'metrics',
      'test/fixtures/real-logs/helpdesk.csv',
      '--mapping',
      'scenarios/mappings/helpdesk.yaml',
      '--format',
      'xes,ocel,parquet',
      '--quiet',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(readdirSync(out)).toEqual(
      expect.arrayContaining(['events.xes', 'events.ocel.json', 'events.parquet', 'tickets.parquet']),
    );
    const ocel = JSON.parse(readFileSync(join(out, 'events.ocel.json'), 'utf8')) as {
      objects: Array<{ type: string }>;
    };
    expect(ocel.objects.filter((object) => object.type === 'ticket').length).toBe(4580);
  });
});
