/** `desksim init`: a starter scenario that validates and runs, never overwritten by accident. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, temporaryDirectory } from '../support/cli.js';

describe('desksim init', () => {
  it('writes a commented starter scenario that validates and runs', async () => {
    const directory = temporaryDirectory();
    const written = await cli(['init', 'desks/support.yaml'], directory);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('Wrote desks/support.yaml (scenario "support")');
    const text = readFileSync(join(directory, 'desks', 'support.yaml'), 'utf8');
    expect(text).toContain('name: support');
    for (const section of [
      'horizon:',
      'clock:',
      'arrivals:',
      'channels:',
      'categories:',
      'tiers:',
      'customers:',
      'sla:',
      'costs:',
      'metrics:',
    ])
      expect(text).toContain(section);
    expect(text.split('\n').filter((line) => line.trim().startsWith('#')).length).toBeGreaterThan(30);

    const validated = await cli(['validate', 'desks/support.yaml', '--json'], directory);
    expect(validated.code).toBe(0);
    expect(JSON.parse(validated.stdout)).toMatchObject({ valid: true, scenario: { name: 'support', replications: 5 } });

    const out = join(directory, 'out');
    const ran = await cli(['run', 'desks/support.yaml', '--out', out, '--json'], directory);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    const summary = JSON.parse(ran.stdout);
    expect(summary.kpis.tickets_created.mean).toBeGreaterThan(100);
    expect(Object.keys(summary.tiers)).toEqual(['tier1', 'tier2']);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  });

  it('refuses to overwrite without --force (exit 2), and overwrites with it', async () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, 'my-desk.yaml'), 'name: mine\n');
    const refused = await cli(['init'], directory);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('my-desk.yaml already exists');
    expect(readFileSync(join(directory, 'my-desk.yaml'), 'utf8')).toBe('name: mine\n');
    const forced = await cli(['init', '--force', '--json'], directory);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toEqual({ file: 'my-desk.yaml', name: 'my-desk' });
    expect(readFileSync(join(directory, 'my-desk.yaml'), 'utf8')).toContain('name: my-desk');
  });

  it('validate --json reports the issues of a bad scenario with exit 2', async () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, 'bad.yaml'), 'name: bad\ntiers:\n  - id: tier1\n    agents: -3\n');
    const result = await cli(['validate', 'bad.yaml', '--json'], directory);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      valid: false,
      issues: [{ path: 'tiers.tier1.agents', line: 4, column: 13 }],
    });
  });
});
