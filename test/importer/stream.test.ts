/**
 * Reading a log a piece at a time (src/importer/stream.ts): however the text is cut into
 * pieces, the CSV rows and their lines are the same; quoted values span lines and chunks;
 * syntax errors name their line; a multi-byte character across a chunk boundary is read
 * whole; a log too large for the heap is refused before it is read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../src/importer/errors.js';
import { checkLogSize, estimateLogSize } from '../../src/importer/size.js';
import { CsvRowParser, decodeFile, LineSplitter } from '../../src/importer/stream.js';

const directory = mkdtempSync(join(tmpdir(), 'desksim-stream-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** The rows of `text` pushed in pieces of `size` characters (all at once without a size). */
function rows(text: string, size = text.length, delimiter = ','): Array<[number, string[]]> {
  const found: Array<[number, string[]]> = [];
  const parser = new CsvRowParser(delimiter, (cells, line) => found.push([line, cells]));
  if (text.length === 0) parser.push('', true);
  for (let at = 0; at < text.length; at += Math.max(size, 1)) {
    parser.push(text.slice(at, at + size), at + size >= text.length);
  }
  return found;
}

function syntaxError(text: string): string {
  try {
    rows(text);
  } catch (error) {
    return `line ${(error as { line: number }).line}: ${(error as Error).message}`;
  }
  throw new Error('expected a syntax error');
}

describe('CSV rows', () => {
  const text =
    '\uFEFFid,note,who\r\n' +
    'T1,plain,ann\r\n' +
    '\r\n' +
    'T2,"a, quoted ""value""",bob\n' +
    'T3,"two\nlines",\n' +
    '\n' +
    'T4,,"x"\n' +
    'T5,last,row';

  it('reads quotes, doubled quotes, line breaks in values, CRLF, a BOM and skips empty lines', () => {
    expect(rows(text)).toEqual([
      [1, ['id', 'note', 'who']],
      [2, ['T1', 'plain', 'ann']],
      [4, ['T2', 'a, quoted "value"', 'bob']],
      [5, ['T3', 'two\nlines', '']],
      [8, ['T4', '', 'x']],
      [9, ['T5', 'last', 'row']],
    ]);
  });

  it('gives the same rows and lines however the text is cut into pieces', () => {
    const whole = rows(text);
    for (const size of [1, 2, 3, 5, 7, 11]) expect(rows(text, size)).toEqual(whole);
  });

  it('cuts on another delimiter', () => {
    expect(rows('a;b\n"x;y";z\n', 2, ';')).toEqual([
      [1, ['a', 'b']],
      [2, ['x;y', 'z']],
    ]);
  });

  it('names the line of a syntax error', () => {
    expect(syntaxError('a,b\nx,y\nT1,"open\nstill open')).toMatchInlineSnapshot(
      `"line 3: a quoted value (field 2) is never closed: the file ends inside it"`,
    );
    expect(syntaxError('a,b\nT1,"closed"x\n')).toMatchInlineSnapshot(
      `"line 2: field 2 has text after its closing quote: quote the whole value, and double each quote inside it"`,
    );
    expect(syntaxError('a,b\nT1,b"c\n')).toMatchInlineSnapshot(
      `"line 2: field 2 holds a quote but does not start with one: quote the whole value, and double each quote inside it"`,
    );
  });
});

describe('lines', () => {
  it('are numbered from 1, without their carriage return, however cut', () => {
    for (const size of [1, 4, 100]) {
      const found: Array<[number, string]> = [];
      const lines = new LineSplitter((line, number) => found.push([number, line]));
      const text = '{"a":1}\r\n\n{"b":2}';
      for (let at = 0; at < text.length; at += size) lines.push(text.slice(at, at + size), at + size >= text.length);
      expect(found).toEqual([
        [1, '{"a":1}'],
        [2, ''],
        [3, '{"b":2}'],
      ]);
    }
  });
});

describe('decoding', () => {
  it('reads a character whose bytes straddle two chunks whole', () => {
    const file = join(directory, 'straddle.csv');
    // 'é' is two bytes; the first chunk (64 KiB) ends between them, and later ones elsewhere.
    const text = ('x'.repeat(64 * 1024 - 1) + 'é').repeat(20) + 'y'.repeat(10);
    writeFileSync(file, text);
    let read = '';
    const { warnings } = decodeFile(file, undefined, true, (piece) => (read += piece));
    expect(warnings).toEqual([]);
    expect(read).toBe(text);
  });

  it('says where a file stops being UTF-8', () => {
    const file = join(directory, 'latin1.csv');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('a,b\nx,y\n'), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from(',z\n')]),
    );
    let read = '';
    const { warnings } = decodeFile(file, undefined, true, (piece) => (read += piece));
    expect(read).toBe('a,b\nx,y\ncaf\uFFFD,z\n');
    expect(warnings[0]).toContain('1 byte sequence(s) could not be read (the first on line 3)');
  });
});

describe('a log too large for the heap', () => {
  it('is estimated from its size and the length of its rows', () => {
    const file = join(directory, 'rows.csv');
    writeFileSync(file, 'id,when\n' + 'T1,2024-03-01T09:00:00Z\n'.repeat(999));
    const estimate = estimateLogSize(file);
    expect(estimate.rows).toBeGreaterThan(990);
    expect(estimate.rows).toBeLessThan(1010);
  });

  it('is refused before it is read, with the figures and what to do', () => {
    const file = join(directory, 'rows.csv');
    expect(() => checkLogSize(file, 'rows.csv', '--no-size-check', 1e12)).not.toThrow();
    let message = '';
    try {
      checkLogSize(file, 'rows.csv', '--no-size-check', 1e6);
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /^rows\.csv\n {2}the log is 0 MB, about 1,00\d rows: reading it and computing its KPIs needs about 4\d MB/,
    );
    expect(message).toContain('more than this Node process may use (1 MB)');
    expect(message).toContain('NODE_OPTIONS=--max-old-space-size=1000');
    expect(message).toContain('try anyway with --no-size-check');
  });
});
