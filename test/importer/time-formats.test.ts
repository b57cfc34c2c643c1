/** Time formats of other exports: day-first, month-first and strftime patterns, with the zone for zone-less times. */
import { describe, expect, it } from 'vitest';
import { ImportError, parseMapping } from '../../src/importer/index.js';
import { formatExample, timestampReader } from '../../src/importer/time.js';

const utc = (text: string) => ({ epochMs: Date.parse(text) });

describe('time formats', () => {
  it("reads a strftime pattern, in the mapping's zone when the time has none", () => {
    const read = timestampReader({ format: '%d-%m-%Y %H:%M', timezone: 'Europe/Rome' });
    expect(read('29-02-2016 01:23')).toEqual(utc('2016-02-29T00:23:00Z')); // Rome is UTC+1 in winter
    expect(read('01-07-2016 12:00')).toEqual(utc('2016-07-01T10:00:00Z')); // and UTC+2 in summer
    expect(timestampReader({ format: '%b %e, %Y %I:%M:%S %p %z' })('Feb 29, 2016 01:23:45 PM +01:00')).toEqual(
      utc('2016-02-29T12:23:45Z'),
    );
    expect(timestampReader({ format: '%d/%m/%y %T.%f', timezone: 'UTC' })('29/02/16 13:23:45.250')).toEqual(
      utc('2016-02-29T13:23:45.250Z'),
    );
  });

  it('reads day-first and month-first dates', () => {
    expect(timestampReader({ format: 'day_first', timezone: 'UTC' })('3/2/2016 1:23')).toEqual(
      utc('2016-02-03T01:23:00Z'),
    );
    expect(timestampReader({ format: 'month_first', timezone: 'UTC' })('3/2/2016 1:23 PM')).toEqual(
      utc('2016-03-02T13:23:00Z'),
    );
    expect(timestampReader({ format: 'day_first' })('29.02.2016 13:00:00Z')).toEqual(utc('2016-02-29T13:00:00Z'));
  });

  it('says which format it expected, with an example, and asks for a zone for zone-less times', () => {
    expect(timestampReader({ format: '%d-%m-%Y %H:%M', timezone: 'UTC' })('2016-02-29 01:23')).toEqual({
      problem: 'unreadable',
      expected: 'a time in the format "%d-%m-%Y %H:%M" (timestamps.format) such as 29-02-2016 13:23',
    });
    expect(timestampReader({ format: 'day_first', timezone: 'UTC' })('30/02/2016 10:00')).toMatchObject({
      problem: 'unreadable',
    });
    expect(timestampReader({ format: '%d-%m-%Y %H:%M' })('29-02-2016 01:23')).toMatchObject({ problem: 'naive' });
    expect(formatExample('%Y-%m-%dT%H:%M:%S%z')).toBe('2016-02-29T13:23:45+01:00');
  });

  it('refuses an unknown directive or a format that is no pattern, in the mapping', () => {
    const refuse = (format: string) => {
      try {
        parseMapping(
          `columns: { ticket: id, time: when, activity: what }\ntimestamps: { format: "${format}" }\nactivities: { Open: created }\n`,
          'bad.yaml',
        );
      } catch (error) {
        if (error instanceof ImportError) return error.message;
      }
      throw new Error('expected a refusal');
    };
    expect(refuse('%d-%m-%Y %Q')).toContain('unknown directive %Q');
    expect(refuse('dd-mm-yyyy')).toContain(
      'must be one of iso, epoch_seconds, epoch_milliseconds, day_first, month_first, or a strftime-style pattern',
    );
  });
});
