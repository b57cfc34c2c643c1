/** CSV writing (RFC 4180): what is quoted and what is not. */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/report/csv.js';

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
    expect(csv).toBe(['a,"b, c"', '1.5,-2e-7', 'true,', ',plain', '"x,y","say ""hi"""', '"two\nlines","carriage\rreturn"', 'NaN,1e+21', ''].join('\n'));
  });
});
