import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvBytes } from '../../src/experiment/csv-bytes.js';

/** The text a `CsvBytes` hands on, written by `fill` (small chunks, so flushes happen mid-way). */
function written(fill: (out: CsvBytes) => void, capacity = 64): string {
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  const out = new CsvBytes(capacity, (bytes) => chunks.push(decoder.decode(bytes)));
  fill(out);
  out.flush();
  return chunks.join('');
}

/** Numbers as the formatter meets them, and the edges of `String`'s formats. */
const EDGES = [
  0,
  -0,
  1,
  -1,
  9,
  10,
  99,
  100,
  0.1,
  0.5,
  -0.5,
  1e-7,
  1e-6,
  123e-20,
  1e20,
  1e21,
  1.5e21,
  -1e21,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  Number.EPSILON,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
  0.28673590559776346,
  1.6204075304927008,
  4.03626524755951,
  86399.99999999999,
  1440,
  1439.9999999999998,
];

const anyNumber = fc.oneof(
  fc.double(),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.integer().map((value) => value / 1000),
  fc.maxSafeInteger(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(...EDGES),
);

describe('CSV bytes', () => {
  it('writes every number as String() does (NaN: nothing), repeats included', () => {
    const expected = (values: number[]) => values.map((value) => (Number.isNaN(value) ? '' : String(value))).join(',');
    fc.assert(
      fc.property(fc.array(anyNumber, { maxLength: 40 }), (values) => {
        // Each value twice in a row too: the second is copied from the buffer.
        const doubled = values.flatMap((value) => [value, value]);
        const text = written((out) => {
          doubled.forEach((value, index) => {
            if (index > 0) out.comma();
            out.number(value);
            if (out.full()) out.flush();
          });
        });
        expect(text).toBe(expected(doubled));
      }),
      { numRuns: 2000 },
    );
    for (const value of EDGES)
      expect(written((out) => out.number(value))).toBe(Number.isNaN(value) ? '' : String(value));
  });

  it('writes whole numbers digit by digit as String() does', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (value) => {
        expect(written((out) => out.integer(value))).toBe(String(value));
      }),
      { numRuns: 2000 },
    );
    expect(written((out) => out.integer(-0))).toBe('0');
  });

  it('writes NaN as "NaN" through value(), and text as UTF-8, growing past its capacity', () => {
    expect(written((out) => out.value(Number.NaN))).toBe('NaN');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(written((out) => out.text(text), 16)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
