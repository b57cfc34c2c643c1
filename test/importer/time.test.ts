/** Timestamps of exports: with an offset, naive in a named zone (across DST), epoch numbers. */
import { describe, expect, it } from 'vitest';
import { timestampReader } from '../../src/importer/time.js';

describe('timestampReader', () => {
  it('reads naive times in the mapping’s zone, on both sides of a DST change', () => {
    const read = timestampReader({ format: 'iso', timezone: 'Europe/Rome' });
    // Winter: UTC+1; summer (after 2010-03-28 02:00): UTC+2.
    expect(read('2010-01-13 08:40:25')).toEqual({ epochMs: Date.parse('2010-01-13T07:40:25Z') });
    expect(read('2010-07-01T12:00')).toEqual({ epochMs: Date.parse('2010-07-01T10:00:00Z') });
    expect(read('2010-03-28 03:30')).toEqual({ epochMs: Date.parse('2010-03-28T01:30:00Z') });
  });

  it('keeps an explicit offset, refuses a naive time without a zone, reads epoch numbers', () => {
    expect(timestampReader({ format: 'iso', timezone: 'Europe/Rome' })('2010-01-13T08:40:25+00:00')).toEqual({
      epochMs: Date.parse('2010-01-13T08:40:25Z'),
    });
    expect(timestampReader({ format: 'iso' })('2010-01-13 08:40:25')).toMatchObject({ problem: 'naive' });
    expect(timestampReader({ format: 'epoch_seconds' })('1263372025')).toEqual({ epochMs: 1263372025000 });
  });
});
