import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

describe('desksim erlang', () => {
  it('prints the measures of one staffing', async () => {
    const result = await cli(['erlang', '--rate', '200', '--handle', '180s', '--agents', '11']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('10.00 Erlangs offered; Erlang C');
    expect(result.stdout).toMatch(/11\s+90\.9%\s+68\.2%\s+2m 3s\s+39\.0%/);
  });

  it('finds the agents a service level needs, with neighbours either side', async () => {
    const result = await cli(['erlang', '--rate', '200', '--handle', '3m', '--service-level', '80%']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Agents needed: 14');
    expect(result.stdout).toMatch(/13 .* missed\n/);
    expect(result.stdout).toMatch(/14 .* met\n/);
  });

  it('tables a range as JSON', async () => {
    const result = await cli([
      'erlang',
      '--rate',
      '60',
      '--handle',
      '10m',
      '--patience',
      '20m',
      '--agents',
      '8..12',
      '--max-abandon',
      '0.05',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer.rows.map((row: { agents: number }) => row.agents)).toEqual([8, 9, 10, 11, 12]);
    expect(answer.rows.every((row: { model: string }) => row.model === 'erlang-a')).toBe(true);
    const met = answer.rows
      .filter((row: { meetsTargets: boolean }) => row.meetsTargets)
      .map((row: { agents: number }) => row.agents);
    expect(met[0]).toBeGreaterThan(8);
    expect(met).toEqual(Array.from({ length: 13 - met[0] }, (_, index) => met[0] + index));
  });

  it('says what is missing or wrong, exit 2', async () => {
    expect(await cli(['erlang', '--rate', '200', '--handle', '3m'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('give --agents'),
    });
    expect(await cli(['erlang', '--rate', '-1', '--handle', '3m', '--agents', '3'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--rate must be a non-negative number'),
    });
    expect(await cli(['erlang', '--rate', '200', '--handle', '3 minutes', '--agents', '3'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--handle: expected a duration'),
    });
    expect(await cli(['erlang', '--rate', '200', '--handle', '3m', '--max-abandon', '5%'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('needs --patience'),
    });
    expect(await cli(['erlang', '--rate', '200', '--handle', '3m', '--agents', '9..x'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--agents must be'),
    });
    expect(await cli(['erlang', '--rate', '200', '--handle', '3m', '--service-level', '1.5'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('between 0 and 1'),
    });
  });
});
