/**
 * The importer fixes found by trying a foreign log (issue 20 §3), each on a small log
 * written here: a tier for every queue, real years and offsets, outlier times, reopens the
 * mapping cannot record, duplicates by value, encodings, separators, ragged rows, a plain
 * `replied`, and the shipped example log.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, importLog, type ImportedLog } from '../../src/importer/index.js';
import { timestampReader } from '../../src/importer/time.js';
import { computeKpisFromEvents } from '../../src/metrics/engine.js';
import { root, temporaryDirectory } from '../support/cli.js';

/** Imports `log` (text or bytes) read through `mapping` (YAML), both written to a scratch directory. */
function importText(log: string | Uint8Array, mapping?: string, name = 'log.csv'): ImportedLog {
  const directory = temporaryDirectory();
  writeFileSync(join(directory, name), log);
  if (mapping !== undefined) writeFileSync(join(directory, 'mapping.yaml'), mapping);
  return importLog(join(directory, name), {
    shownAs: name,
    ...(mapping === undefined ? {} : { mappingFile: join(directory, 'mapping.yaml'), mappingShownAs: 'mapping.yaml' }),
  });
}

function problems(log: string | Uint8Array, mapping?: string, name = 'log.csv'): string {
  try {
    importText(log, mapping, name);
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw error;
  }
  throw new Error('expected the import to be refused');
}

const columns = 'columns: { ticket: id, time: when, activity: what, agent: who }\n';
const activities = 'activities: { Open: created, Triage: queued, Take: assigned, Solve: resolved, Close: closed }\n';
const defaults = { serviceLevelThreshold: 60, reopenWindow: 7 * 1440 };

describe('a queue entry without a tier', () => {
  const log =
    'id,when,what,who\nT1,2024-03-01T09:00:00Z,Open,\nT1,2024-03-01T09:05:00Z,Triage,\nT1,2024-03-01T09:30:00Z,Take,ann\n';

  it('is refused, saying the three ways to give one', () => {
    expect(problems(log, columns + activities)).toMatchInlineSnapshot(`
      "log.csv:3  what
        a queued event needs a tier (the queue it waits in), and this row names none: map a tier column (columns.tier), give the activity one ({ type: queued, tier: desk }), or set default_tier: in the mapping"
    `);
    expect(problems('ticket,time,type\n1,2024-03-01T09:00:00Z,created\n1,2024-03-01T09:05:00Z,queued\n')).toContain(
      'log.csv:3  tier\n  a queued event needs a tier',
    );
  });

  it("takes the mapping's default_tier, so no KPI is keyed tiers..*", () => {
    const imported = importText(log, `${columns}${activities}default_tier: desk\n`);
    const kpis = computeKpisFromEvents(imported.events, imported.window, defaults, undefined, imported.recordedTypes);
    expect(Object.keys(kpis.tiers)).toEqual(['desk']);
    expect(kpis.tiers.desk!.queue_wait_mean).toBe(25);
  });
});

describe('times', () => {
  it('reads years 0000–0099 as written, not as 19xx', () => {
    const read = timestampReader({ format: 'iso' });
    expect(read('0099-05-01T00:00:00Z')).toEqual({ epochMs: Date.parse('0099-05-01T00:00:00Z') });
    expect(read('0000-01-01T00:00:00Z')).toEqual({ epochMs: Date.parse('0000-01-01T00:00:00Z') });
    expect(new Date((read('0012-02-29T12:00:00Z') as { epochMs: number }).epochMs).getUTCFullYear()).toBe(12);
    expect(read('0013-02-29T12:00:00Z')).toMatchObject({ problem: 'unreadable' }); // 13 was no leap year
  });

  it('refuses a UTC offset no place has', () => {
    const read = timestampReader({ format: 'iso' });
    expect(read('2024-03-01T09:00:00+14:00')).toEqual({ epochMs: Date.parse('2024-02-29T19:00:00Z') });
    expect(read('2024-03-01T09:00:00-12:00')).toEqual({ epochMs: Date.parse('2024-03-01T21:00:00Z') });
    for (const text of [
      '2024-03-01T09:00:00+25:00',
      '2024-03-01T09:00:00+14:30',
      '2024-03-01T09:00:00-12:30',
      '2024-03-01T09:00:00+01:60',
    ]) {
      expect(read(text), text).toEqual({
        problem: 'unreadable',
        expected:
          'an ISO 8601 date-time such as 2010-01-13T08:40:25+00:00, with a UTC offset between -12:00 and +14:00',
      });
    }
  });
});

describe('a time far outside the log', () => {
  const rows = ['id,when,what,who', 'T1,1970-01-01T00:00:00Z,Open,'];
  for (let day = 1; day <= 9; day++)
    rows.push(`T${day + 1},2024-03-0${day}T09:00:00Z,Open,`, `T${day + 1},2024-03-0${day}T10:00:00Z,Solve,ann`);
  rows.push('T1,2024-03-01T11:00:00Z,Solve,ann', 'T2,2099-03-02T10:00:00Z,Close,ann');
  const log = rows.join('\n') + '\n';

  it("is dropped, counted and listed in a warning, and the window stays the log's", () => {
    const imported = importText(log, columns + activities);
    expect(imported.report.rows_dropped.outlier_time).toBe(2);
    expect(imported.report.window).toEqual({
      start: '2024-03-01T09:00:00.000Z',
      end: '2024-03-09T10:00:00.000Z',
      minutes: 8 * 1440 + 60,
    });
    // 21 times: quartiles at positions 5 and 15 of the sorted list, 2 Mar 10:00 and 7 Mar 10:00; their
    // 5 days' spread is below the 30-day floor, so the fences are 90 days out: 3 Dec 2023 – 5 Jun 2024.
    expect(imported.report.warnings).toEqual([
      "2 row(s) have a time far outside the log's bulk (2023-12-03 – 2024-06-05), dropped (outlier_times: keep keeps them); lines 2, 22",
    ]);
    // T1 lost its 1970 creation: created at its first row left.
    expect(imported.events.find((event) => event.ticket === 'T1' && event.type === 'created')!.time).toBe(11 * 60);
  });

  it('is kept with outlier_times: keep, still with the warning', () => {
    const imported = importText(log, `${columns}${activities}outlier_times: keep\n`);
    expect(imported.report.rows_dropped.outlier_time).toBe(0);
    expect(imported.report.window.start).toBe('1970-01-01T00:00:00.000Z');
    expect(imported.report.warnings[0]).toMatch(
      /^2 row\(s\) have a time far outside the log's bulk .*, kept \(outlier_times: keep\): they stretch the measured window; lines 2, 22$/,
    );
  });

  it("leaves a short log's late close alone (the fences are at least 90 days out)", () => {
    const imported = importText(
      'id,when,what,who\nA,2024-03-01T09:00:00Z,Open,\nA,2024-03-01T10:00:00Z,Solve,x\nB,2024-03-01T11:00:00Z,Open,\nB,2024-03-01T12:00:00Z,Solve,x\nB,2024-04-15T12:00:00Z,Close,x\n',
      columns + activities,
    );
    expect(imported.report.rows_dropped.outlier_time).toBe(0);
    expect(imported.report.warnings).toEqual([]);
  });
});

describe('reopens', () => {
  const log =
    'id,when,what,who\nT1,2024-03-01T09:00:00Z,Open,\nT1,2024-03-01T10:00:00Z,Solve,ann\nT1,2024-03-01T11:00:00Z,Close,ann\nT1,2024-03-02T09:00:00Z,Take,bob\nT1,2024-03-02T10:00:00Z,Solve,bob\n';

  it('reopen_rate is blank, not 0 %, when the mapping cannot record a reopen', () => {
    const imported = importText(log, columns + activities);
    expect(imported.recordedTypes).not.toContain('reopened');
    expect(
      computeKpisFromEvents(imported.events, imported.window, defaults, undefined, imported.recordedTypes).values
        .reopen_rate,
    ).toBeNull();
  });

  it('a ticket worked again after its close is counted as a reopen, and inferred with infer_reopened', () => {
    expect(importText(log, columns + activities).report.reopens_after_close).toBe(1);
    const inferred = importText(log, `${columns}${activities}infer_reopened: true\n`);
    expect(inferred.report).toMatchObject({ reopens_after_close: 1, synthesized: { reopened: 1 } });
    const kpis = computeKpisFromEvents(inferred.events, inferred.window, defaults, undefined, inferred.recordedTypes);
    expect(kpis.values.reopen_rate).toBe(1); // reopened 23 h after its resolution, inside 7 days
  });
});

describe('duplicates', () => {
  it('are the same values, however quoted and however the time is written', () => {
    const log =
      'id,when,what,who\nT1,2024-03-01T09:00:00Z,Open,ann\n"T1","2024-03-01 10:00:00+01:00","Open","ann"\n' +
      'T1,2024-03-01T09:10:00Z,Take, ann\nT1,2024-03-01T09:10:00Z,Take,bob\n';
    const imported = importText(log, columns + activities);
    expect(imported.report.rows_dropped.duplicate).toBe(1);
    expect(imported.events.filter((event) => event.type === 'assigned').map((event) => event.agent)).toEqual([
      'ann',
      'bob',
    ]);
  });

  it('are rows of the same ticket: the same row of two tickets, or with another note, is kept', () => {
    const log =
      'id,when,what,who,note\nT1,2024-03-01T09:00:00Z,Open,ann,x\nT2,2024-03-01T09:00:00Z,Open,ann,x\n' +
      'T1,2024-03-01T09:10:00Z,Take,ann,x\nT1,2024-03-01T09:10:00Z,Take,ann,y\n T2 ,2024-03-01T09:00:00Z,Open,ann, x\n';
    const imported = importText(log, columns + activities);
    // Only line 6 repeats an earlier row (line 3, once trimmed).
    expect(imported.report.rows_dropped.duplicate).toBe(1);
    expect(imported.report.tickets).toBe(2);
    expect(imported.events.filter((event) => event.type === 'assigned')).toHaveLength(2);
  });
});

describe('encodings', () => {
  const latin1 = Uint8Array.from([
    ...Buffer.from('id,when,what,who\nT1,2024-03-01T09:00:00Z,Open,\nT1,2024-03-01T09:10:00Z,Take,Ren'),
    0xe9,
    ...Buffer.from('\n'),
  ]);

  it('a file that is not UTF-8 is read with a warning saying where, and what to set', () => {
    const imported = importText(latin1, columns + activities);
    expect(imported.report.warnings).toEqual([
      'the file is not valid UTF-8: 1 byte sequence(s) could not be read (the first on line 3) and read as "\uFFFD"; if it is Latin-1 (an older Western-European export), set encoding: latin1 in the mapping',
    ]);
  });

  it('encoding: latin1 reads it right, without a warning', () => {
    const imported = importText(latin1, `${columns}${activities}encoding: latin1\n`);
    expect(imported.report.warnings).toEqual([]);
    expect(imported.events.find((event) => event.type === 'assigned')!.agent).toBe('René');
  });

  it('an unknown encoding is refused in the mapping', () => {
    expect(problems('id,when,what\n', `${columns}${activities}encoding: latin-9000\n`)).toContain(
      'must be a text encoding such as utf-8, latin1',
    );
  });
});

describe('separators and ragged rows', () => {
  it('a semicolon-separated file read with the default delimiter suggests delimiter: ";"', () => {
    expect(
      problems('id;when;what;who\nT1;2024-03-01T09:00:00Z;Open;ann\n', columns + activities),
    ).toMatchInlineSnapshot(`
      "log.csv:1
        the header has no "," but has ";": the file seems separated by ";" — set delimiter: ";" in the mapping"
    `);
    expect(
      importText('id;when;what;who\nT1;2024-03-01T09:00:00Z;Open;ann\n', `${columns}${activities}delimiter: ";"\n`)
        .report.tickets,
    ).toBe(1);
  });

  it('every ragged row is listed (the first 20, the rest counted)', () => {
    const rows = ['id,when,what,who', 'T0,2024-03-01T09:00:00Z,Open,'];
    for (let index = 1; index <= 25; index++) rows.push(`T${index},2024-03-01T09:00:00Z,Open`);
    const message = problems(rows.join('\n') + '\n', columns + activities);
    expect(message.split('\n').slice(0, 2)).toEqual([
      'log.csv:3',
      '  this row has 3 field(s) but the header has 4: a missing or extra separator, or an unquoted one inside a value',
    ]);
    expect(message).toContain('log.csv:22\n');
    expect(message).not.toContain('log.csv:23\n');
    expect(message.trimEnd().split('\n').pop()).toBe('… and 5 more problem(s) of the same kinds');
  });
});

describe('a plain replied', () => {
  it('counts as a substantive answer, and the report says so', () => {
    const imported = importText(
      'id,when,what,who\nT1,2024-03-01T09:00:00Z,Open,\nT1,2024-03-01T09:30:00Z,Reply,ann\n',
      `${columns}activities: { Open: created, Reply: replied }\n`,
    );
    expect(imported.report.warnings).toEqual([
      'replied rows without a kind count as substantive answers (first_response_substantive_share): give the activity a kind (generic, info_request, auto) if it is not one',
    ]);
    expect(
      computeKpisFromEvents(imported.events, imported.window, defaults, undefined, imported.recordedTypes).values
        .first_response_substantive_share,
    ).toBe(1);
  });
});

describe('the example log', () => {
  it('ships inside the repository, and the README recipe reads it from there', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const paths = [...readme.matchAll(/^npx desksim metrics (\S+)/gm)].map((match) => match[1]!);
    expect(paths).toContain('examples/logs/helpdesk.csv');
    for (const path of paths) expect(existsSync(join(root, path)), path).toBe(true);
    expect(readme).not.toContain('../shared/');
    expect(readFileSync(join(root, 'examples', 'logs', 'README.md'), 'utf8')).toContain('4TU.ResearchData');
  });
});
