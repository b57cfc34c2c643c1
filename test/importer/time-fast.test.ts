/**
 * The fast timestamp path answers only what the full reader would: for any text near the
 * ISO form (digits, separators, offsets, impossible dates and offsets included), it is
 * either NaN (ask the full reader) or exactly the full reader's instant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastIsoBytesMs, fastIsoMs } from '../../src/importer/time-fast.js';
import { timestampReader } from '../../src/importer/time.js';

const read = timestampReader({ format: 'iso' });
const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Texts shaped like ISO date-times, often wrong in one place. */
const isoLike = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.integer({ min: 0, max: 61 }),
    separator: fc.constantFrom(' ', 'T', 't', '_'),
    offset: fc.oneof(
      fc.constantFrom('Z', 'z', '', ' Z', '.5Z', ',250+01:00', 'X', '+', '+1'),
      fc
        .record({
          sign: fc.constantFrom('+', '-'),
          hours: fc.integer({ min: 0, max: 16 }),
          minutes: fc.integer({ min: 0, max: 61 }),
          form: fc.constantFrom('hh:mm', 'hhmm', 'hh', 'hh:m'),
        })
        .map(({ sign, hours, minutes, form }) =>
          form === 'hh'
            ? `${sign}${pad(hours, 2)}`
            : form === 'hhmm'
              ? `${sign}${pad(hours, 2)}${pad(minutes, 2)}`
              : form === 'hh:m'
                ? `${sign}${pad(hours, 2)}:${minutes % 10}`
                : `${sign}${pad(hours, 2)}:${pad(minutes, 2)}`,
        ),
    ),
  })
  .map(
    ({ year, month, day, hour, minute, second, separator, offset }) =>
      `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}${separator}${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${offset}`,
  );

describe('fastIsoMs', () => {
  it('is NaN or exactly what the full reader reads', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.oneof(isoLike, fc.string({ maxLength: 30 })), (text) => {
        const fast = fastIsoMs(text);
        if (Number.isNaN(fast)) return;
        answered++;
        expect(read(text)).toEqual({ epochMs: fast });
      }),
      { numRuns: 20_000 },
    );
    // The fast path is taken, not always declined.
    expect(answered).toBeGreaterThan(1000);
  });

  it("reads a text's UTF-8 bytes (in a larger buffer) as it reads the text", () => {
    fc.assert(
      fc.property(
        fc.oneof(isoLike, fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 26 })),
        (text) => {
          const bytes = Buffer.from(`,${text},`, 'utf8');
          expect(fastIsoBytesMs(bytes, 1, bytes.length - 1)).toEqual(fastIsoMs(text));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('reads the forms exports write, and declines what it does not know', () => {
    expect(fastIsoMs('2010-01-13 08:40:25+00:00')).toBe(Date.parse('2010-01-13T08:40:25Z'));
    expect(fastIsoMs('2016-02-29T23:59:59-0530')).toBe(Date.parse('2016-03-01T05:29:59Z'));
    expect(fastIsoMs('0099-03-01T00:00:00Z')).toBe(Date.UTC(2099, 2, 1) - 146_097 * 5 * 86_400_000);
    expect(fastIsoMs('2015-02-29T00:00:00Z')).toBeNaN();
    expect(fastIsoMs('2010-01-13 08:40:25')).toBeNaN();
    expect(fastIsoMs('2010-01-13 08:40:25.5Z')).toBeNaN();
    expect(fastIsoMs('2010-01-13 08:40:25+15:00')).toBeNaN();
  });
});
