/**
 * `desksim metrics` says what a reader must know before trusting a log's numbers, as `run`
 * does (summary.json, the terminal, report.html), and `--json` answers even when the log
 * cannot be read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, temporaryDirectory } from '../support/cli.js';

/** An event log (the NDJSON form `run --events` writes) of `tickets` tickets over `days` days, the first `replied` of them answered and resolved. */
function log(tickets: number, replied: number, days: number): string {
  const start = Date.parse('2026-03-02T08:00:00Z');
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
  const span = days * 24 * 60;
  const lines: string[] = [];
  for (let ticket = 1; ticket <= tickets; ticket++) {
    const created = ((ticket - 1) * span) / tickets;
    lines.push(JSON.stringify({ ticket, time: at(created), type: 'created', channel: 'email', customer: ticket }));
    lines.push(JSON.stringify({ ticket, time: at(created), type: 'queued', tier: 'desk' }));
    if (ticket <= replied) {
      lines.push(JSON.stringify({ ticket, time: at(created + 30), type: 'assigned', tier: 'desk', agent: 'a1' }));
      lines.push(
        JSON.stringify({
          ticket,
          time: at(created + 60),
          type: 'replied',
          tier: 'desk',
          agent: 'a1',
          kind: 'substantive',
        }),
      );
      lines.push(JSON.stringify({ ticket, time: at(created + 60), type: 'resolved', tier: 'desk', agent: 'a1' }));
    }
  }
  lines.sort((a, b) => Date.parse(JSON.parse(a).time) - Date.parse(JSON.parse(b).time));
  return lines.join('\n') + '\n';
}

describe('desksim metrics warnings', () => {
  it('warns of unfinished work and a window shorter than the reopen window, in summary.json, on the terminal and in report.html', async () => {
    const directory = temporaryDirectory();
    const file = join(directory, 'short.ndjson');
    // 40 tickets over 3 days, only 10 answered: 75 % without a first reply; 3 days < the 7-day reopen window.
    writeFileSync(file, log(40, 10, 3));
    const out = join(directory, 'out');
    const result = await cli(['metrics', file, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const codes = summary.warnings.map((warning: { code: string }) => warning.code);
    expect(codes).toContain('unfinished_work');
    expect(codes).toContain('short_window');
    expect(codes).not.toContain('few_replications'); // a log is one history, not a replication
    expect(summary.warnings.find((warning: { code: string }) => warning.code === 'unfinished_work').message).toMatch(
      /^75 % of tickets had no first reply/,
    );
    expect(result.stdout).toContain('! [unfinished_work]');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('unfinished_work');
  });

  it('raises none of them on a log that is long enough and finished', async () => {
    const directory = temporaryDirectory();
    const file = join(directory, 'long.ndjson');
    writeFileSync(file, log(60, 60, 30));
    const result = await cli(['metrics', file, '--out', join(directory, 'out'), '--json', '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    const codes = JSON.parse(result.stdout).warnings.map((warning: { code: string }) => warning.code);
    expect(codes).not.toContain('unfinished_work');
    expect(codes).not.toContain('short_window');
    expect(codes).not.toContain('unstable');
  });

  it('--json answers a log it cannot read with the located issues, exit 2', async () => {
    const directory = temporaryDirectory();
    const bad = join(directory, 'bad.ndjson');
    writeFileSync(bad, '{"ticket": 1, "time": "not a time", "type": "created"}\n');
    const result = await cli(['metrics', bad, '--out', join(directory, 'out'), '--json']);
    expect(result.code).toBe(2);
    const answer = JSON.parse(result.stdout);
    expect(answer.valid).toBe(false);
    expect(answer.issues.length).toBeGreaterThan(0);
    expect(answer.issues[0]).toMatchObject({ file: bad, line: 1 });
  });
});
