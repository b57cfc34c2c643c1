/** CSV writing (RFC 4180): what is quoted and what is not. */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/document/csv.js';

describe('toCsv', () => {
  it('writes numbers, booleans and empty values bare, and quotes text holding a comma, quote or line break', () => {
    const csv = toCsv(
      ['a', 'b, c'],
      [
        [1.5, -2e-7],
        [true, null],
        [undefined, 'plain'],
        ['x,y', 'say "hi"'],
        ['two\nlines', 'carriage\rreturn'],
        [Number.NaN, 1e21],
      ],
    );
    expect(csv).toBe(
      [
        'a,"b, c"',
        '1.5,-2e-7',
        'true,',
        ',plain',
        '"x,y","say ""hi"""',
        '"two\nlines","carriage\rreturn"',
        'NaN,1e+21',
        '',
      ].join('\n'),
    );
  });
});

describe('toCsv against CSV injection (OWASP)', () => {
  it('writes text a spreadsheet would run as a formula quoted, behind a single quote', () => {
    const csv = toCsv(
      ['category'],
      [['=HYPERLINK("http://x","y")'], ['+1+cmd'], ['-2+3'], ['@SUM(A1)'], ['\tindent'], ['\rreturn'], ['a=b']],
    );
    expect(csv.split('\n').slice(1, -1)).toEqual([
      `"'=HYPERLINK(""http://x"",""y"")"`,
      `"'+1+cmd"`,
      `"'-2+3"`,
      `"'@SUM(A1)"`,
      `"'\tindent"`,
      `"'\rreturn"`,
      'a=b',
    ]);
  });

  it('never alters a number, nor text that is a plain number', () => {
    expect(toCsv(['a', 'b', 'c', 'd', 'e'], [[-3.5, '-3.5', '+2', '-1e-7', '-.5']])).toBe(
      'a,b,c,d,e\n-3.5,-3.5,+2,-1e-7,-.5\n',
    );
  });

  it('guards header cells too', () => {
    expect(toCsv(['=cmd'], [])).toBe(`"'=cmd"\n`);
  });
});
