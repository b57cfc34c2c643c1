/**
 * The byte reader of CSV exports (src/importer/byte-csv.ts, byte-cells.ts) reads what the
 * string reader reads: the same rows on the same lines, the same errors on the same lines,
 * across chunk boundaries; a file it declines is read as text. Through the importer, a row
 * quoted, padded with spaces, with CRLF line ends or a byte-order mark is the same row.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvBytes } from '../../src/importer/byte-csv.js';
import { importLog } from '../../src/importer/index.js';
import { readCsvLog, type CsvReadOptions } from '../../src/importer/raw.js';

const directory = mkdtempSync(join(tmpdir(), 'desksim-byte-csv-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const options: CsvReadOptions = { shownAs: 'export.csv', delimiter: ',', form: 'mapped' };

type Read = { header?: string[]; rows: Array<[number, string[]]>; count?: number; error?: string } | 'declined';

function errorOf(read: () => void): string | undefined {
  try {
    read();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The header, rows and errors the byte reader reads from `path`. */
function byBytes(path: string): Read {
  const found: Read = { rows: [] };
  let declined = false;
  found.error = errorOf(() => {
    const result = readCsvBytes(
      path,
      options,
      (header) => (found.header = header),
      (row, line) => {
        const cells = [];
        for (let cell = 0; cell < row.count; cell++)
          cells.push(row.bytes.toString('utf8', row.starts[cell], row.ends[cell]));
        found.rows.push([line, cells]);
      },
    );
    if (result === undefined) declined = true;
    else found.count = result.rows;
  });
  return declined ? 'declined' : found;
}

/** The same read by the string reader. */
function byText(path: string): Read {
  const found: Read = { rows: [] };
  found.error = errorOf(() => {
    const result = readCsvLog(
      path,
      options,
      (header) => (found.header = header),
      (cells, line) => found.rows.push([line, [...cells]]),
    );
    found.count = result.rows;
  });
  return found;
}

const CELLS = ['x', 'y z', ' p ', '', 'é', '"q"', '"r,s"', '"t""u"', '"v\nw"', '"x\r\ny"', 'a"b', '"c"d', ' "e"', '"'];

/** CSV texts near an export's: a header, rows of cells quoted or not, now and then ragged or wrong. */
const csvText = fc
  .record({
    bom: fc.boolean(),
    end: fc.constantFrom('\n', '\r\n'),
    rows: fc.array(
      fc.record({
        cells: fc.array(fc.constantFrom(...CELLS), { minLength: 2, maxLength: 4 }),
        blank: fc.constantFrom('', '', '', '\n', '\r\n'),
      }),
      { maxLength: 12 },
    ),
    last: fc.boolean(),
  })
  .map(({ bom, end, rows, last }) => {
    const body = rows.map((row) => row.blank + row.cells.join(',')).join(end);
    return `${bom ? '\uFEFF' : ''}ticket,time,activity${end}${body}${last ? end : ''}`;
  });

describe('the byte reader of CSV exports', () => {
  it('reads the rows, lines and errors the string reader reads', () => {
    let file = 0;
    fc.assert(
      fc.property(csvText, (text) => {
        const path = join(directory, `random-${file++}.csv`);
        writeFileSync(path, text);
        const bytes = byBytes(path);
        expect(bytes).not.toBe('declined');
        expect(bytes).toEqual(byText(path));
      }),
      { numRuns: 400 },
    );
  });

  it('reads rows and quoted values across its chunks (1 MiB) as the string reader does', () => {
    const rows = ['ticket,time,activity'];
    for (let row = 0, length = 0; length < 2_600_000; row++) {
      const cell = row % 97 === 0 ? `"a long, quoted value\n${'é'.repeat(row % 7)}"` : `value ${row % 13}`;
      rows.push(`T${row},${'é'.repeat(row % 5)},${cell}`);
      length += rows[rows.length - 1]!.length + 2;
    }
    const path = join(directory, 'chunks.csv');
    writeFileSync(path, rows.join('\r\n'));
    const bytes = byBytes(path);
    expect(bytes).toEqual(byText(path));
    expect(bytes !== 'declined' && bytes.rows.length).toBe(rows.length - 1);
  });

  it('declines files it does not read as the string reader would, which then reads them', () => {
    const cases = {
      latin1: Buffer.from('ticket,time,activity\nT1,caf\xe9,x\n', 'latin1'),
      padded: Buffer.from(' ticket,time,activity\nT1,t,x\n'),
      quotedHeader: Buffer.from('"ticket",time,activity\nT1,t,x\n'),
      empty: Buffer.alloc(0),
    };
    for (const [name, content] of Object.entries(cases)) {
      const path = join(directory, `${name}.csv`);
      writeFileSync(path, content);
      expect(byBytes(path)).toBe('declined');
    }
  });

  it('imports a row the same however it is quoted, padded or ended', () => {
    const mapping = join(directory, 'mapping.yaml');
    writeFileSync(
      mapping,
      'columns: { ticket: id, time: when, activity: what, agent: who }\n' +
        'missing: ["n/a"]\n' +
        'activities: { Open: created, Take: assigned, Solve: resolved }\n',
    );
    const plain = [
      'id,when,what,who,note',
      'T1,2024-03-01T09:00:00Z,Open,ann,first',
      'T1,2024-03-01T09:10:00Z,Take,ann,',
      'T1,2024-03-01T09:10:00Z,Take,ann,',
      'T2,2024-03-01T09:20:00Z,Open,,x',
      'T2,2024-03-01T10:00:00Z,Solve,bob,"a, b"',
      'T1,2024-03-01T10:00:00Z,Solve,ann,last',
    ];
    const dressed = [
      '\uFEFFid,when,what,who,note',
      '"T1",2024-03-01T09:00:00Z,"Open",ann , first ',
      ' T1 ,2024-03-01T09:10:00Z,Take,"ann",n/a',
      'T1,2024-03-01T09:10:00Z,Take, ann,',
      'T2 ,2024-03-01 09:20:00+00:00,Open,n/a,x',
      'T2,2024-03-01T11:00:00+01:00,Solve,bob,"a, b"',
      'T1, 2024-03-01T10:00:00Z,Solve,ann,"last"',
    ];
    const imported = (lines: string[], name: string, end: string) => {
      const path = join(directory, name);
      writeFileSync(path, lines.join(end) + end);
      const log = importLog(path, { shownAs: 'export.csv', mappingFile: mapping });
      return { events: log.events, report: log.report };
    };
    const expected = imported(plain, 'plain.csv', '\n');
    // The duplicate (line 4) is dropped in both; the padded, quoted and blank cells read as the plain ones.
    expect(expected.report.rows_dropped.duplicate).toBe(1);
    expect(imported(dressed, 'dressed.csv', '\r\n')).toEqual(expected);
  });

  it('tells duplicates by every cell, an earlier row read again from the file, as the string reader does', () => {
    const columns = 'columns: { ticket: id, time: when, activity: what, agent: who }\nmissing: ["n/a"]\n';
    const activities = 'activities: { Open: created, Take: assigned, Solve: resolved }\n';
    const mappings = { bytes: join(directory, 'utf8.yaml'), text: join(directory, 'latin1.yaml') };
    writeFileSync(mappings.bytes, columns + activities);
    // Declared latin1, the same ASCII file is read as text (`CsvCells`), whose duplicates are told by joined texts.
    writeFileSync(mappings.text, `${columns}encoding: latin1\n${activities}`);
    // Each ticket: a first row, then rows at one instant that differ or not only in the unmapped column.
    const pairs: Array<[string, string, boolean]> = [
      ['same', 'same', true],
      ['one', 'other', false],
      [' padded ', 'padded', true],
      ['n/a', '', true],
      ['"quoted"', 'quoted', true],
      ['"a, b"', '"a, b"', true],
    ];
    const early = ['id,when,what,who,note'];
    const late: string[] = [];
    let expected = 0;
    // Over 1 MiB between a ticket's first and later rows: the earlier row is no longer in the reader's chunk.
    for (let ticket = 0; ticket < 15_000; ticket++) {
      const [first, second, duplicate] = pairs[ticket % pairs.length]!;
      early.push(`T${ticket},2024-03-01T09:00:00Z,Open,ann,x`, `T${ticket},2024-03-01T09:10:00Z,Take,ann,${first}`);
      late.push(`T${ticket},2024-03-01T09:10:00Z,Take,ann,${second}`, `T${ticket},2024-03-01T10:00:00Z,Solve,bob,`);
      if (duplicate) expected++;
    }
    const path = join(directory, 'far-duplicates.csv');
    writeFileSync(path, [...early, ...late].join('\n') + '\n');
    const read = (mappingFile: string) => {
      const log = importLog(path, { shownAs: 'export.csv', mappingFile });
      return { events: log.events, report: { ...log.report, mapping: null } };
    };
    const bytes = read(mappings.bytes);
    expect(bytes.report.rows_dropped.duplicate).toBe(expected);
    expect(bytes).toEqual(read(mappings.text));
  });
});
