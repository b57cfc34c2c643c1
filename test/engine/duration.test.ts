import { describe, expect, it } from 'vitest';
import { DurationError, formatDuration, parseDuration } from '../../src/engine/duration.js';

describe('parseDuration', () => {
  it.each([
    [15, 15],
    [0, 0],
    [2.5, 2.5],
    ['20', 20],
    ['0.5', 0.5],
    ['45s', 0.75],
    ['15m', 15],
    ['4h', 240],
    ['2d', 2880],
    ['1w', 10080],
    ['1.5h', 90],
    ['.5h', 30],
    ['1h30m', 90],
    ['1h 30m', 90],
    ['3d10h', 3 * 1440 + 600],
    ['1w2d3h4m30s', 10080 + 2880 + 180 + 4.5],
    ['  4h  ', 240],
    ['0m', 0],
  ] as Array<[number | string, number]>)('%j is %d minutes', (input, minutes) => {
    expect(parseDuration(input)).toBeCloseTo(minutes, 12);
  });

  it.each(['4 hours', '', 'h', '4x', '1h30', '4h-', 'abc', '1..5h', '1,5h', '4H', '1m 30 m'])(
    'rejects %j with a message saying what was expected',
    (input) => {
      expect(() => parseDuration(input)).toThrow(DurationError);
      expect(() => parseDuration(input)).toThrow(
        `expected a duration like 45s, 15m, 4h, 2d, 1w or a number of minutes, found ${JSON.stringify(input)}`,
      );
    },
  );

  it('quotes the input exactly as in the documented example', () => {
    expect(() => parseDuration('4 hours')).toThrow(
      'expected a duration like 45s, 15m, 4h, 2d, 1w or a number of minutes, found "4 hours"',
    );
  });

  it('rejects negative durations', () => {
    expect(() => parseDuration(-5)).toThrow(/must not be negative, found -5/);
    expect(() => parseDuration('-5m')).toThrow(/must not be negative, found "-5m"/);
    expect(() => parseDuration('-20')).toThrow(DurationError);
  });

  it('rejects non-finite numbers and repeated units', () => {
    expect(() => parseDuration(Number.NaN)).toThrow(DurationError);
    expect(() => parseDuration(Infinity)).toThrow(DurationError);
    expect(() => parseDuration('1m30m')).toThrow(/unit "m" appears twice/);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [0.75, '45s'],
    [1, '1m'],
    [2.5, '2m 30s'],
    [15, '15m'],
    [200, '3h 20m'],
    [240, '4h'],
    [2 * 1440 + 240, '2d 4h'],
    [2 * 1440 + 1, '2d'],
    [59 + 59.7 / 60, '1h'],
    [1439.99, '1d'],
    [0.5 / 60, '0.5s'],
    [-90, '-1h 30m'],
    [Infinity, '∞'],
    [Number.NaN, 'NaN'],
  ])('%d minutes is %j', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });

  it('round-trips through parseDuration for whole-unit values', () => {
    for (const minutes of [0.75, 1, 2.5, 15, 200, 240, 2 * 1440 + 240, 10 * 1440]) {
      expect(parseDuration(formatDuration(minutes))).toBeCloseTo(minutes, 9);
    }
  });
});
