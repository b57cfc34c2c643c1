/**
 * Durations as people write them ("45s", "15m", "1h30m", "2d") converted to
 * and from the simulation's unit, minutes.
 */

/** Thrown by {@link parseDuration} for negative or malformed durations. */
export class DurationError extends Error {
  /**
   * @param message - what was expected and what was found.
   */
  constructor(message: string) {
    super(message);
    this.name = 'DurationError';
  }
}

/** Minutes per duration unit suffix. */
const minutesPerUnit: Readonly<Record<string, number>> = {
  s: 1 / 60,
  m: 1,
  h: 60,
  d: 24 * 60,
  w: 7 * 24 * 60,
};

const expectation = 'expected a duration like 45s, 15m, 4h, 2d, 1w or a number of minutes';
const bareNumber = /^\d+(?:\.\d+)?$|^\.\d+$/;
const compound = /^(?:\d+(?:\.\d+)?|\.\d+)[smhdw](?:\s*(?:\d+(?:\.\d+)?|\.\d+)[smhdw])*$/;
const component = /(\d+(?:\.\d+)?|\.\d+)([smhdw])/g;

function malformed(found: string): DurationError {
  return new DurationError(`${expectation}, found ${found}`);
}

/**
 * Converts a duration to minutes.
 *
 * Numbers are minutes. Strings are either a bare non-negative number of
 * minutes (`"20"`) or one or more number–unit pairs with units `s`, `m`, `h`,
 * `d`, `w` (seconds, minutes, hours, days, weeks): `"45s"`, `"1.5h"`,
 * `"1h30m"`, `"2d 4h"` (spaces between pairs are allowed, so the output of
 * {@link formatDuration} parses back). Each unit may appear at most once.
 * Surrounding whitespace is ignored.
 *
 * @throws DurationError for negative, non-finite or malformed values; the
 *   message says what was expected and quotes what was found.
 */
export function parseDuration(value: number | string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw malformed(String(value));
    if (value < 0) throw new DurationError(`a duration must not be negative, found ${value}`);
    return value;
  }
  if (typeof value !== 'string') throw malformed(typeof value);
  const text = value.trim();
  if (bareNumber.test(text)) return Number(text);
  if (compound.test(text)) {
    let minutes = 0;
    const seen = new Set<string>();
    for (const match of text.matchAll(component)) {
      const unit = match[2] as string;
      if (seen.has(unit)) {
        throw new DurationError(`${expectation}, found ${JSON.stringify(value)} (unit "${unit}" appears twice)`);
      }
      seen.add(unit);
      minutes += Number(match[1]) * (minutesPerUnit[unit] as number);
    }
    return minutes;
  }
  if (/^\s*-/.test(text) && (bareNumber.test(text.slice(1).trim()) || compound.test(text.slice(1).trim()))) {
    throw new DurationError(`a duration must not be negative, found ${JSON.stringify(value)}`);
  }
  throw malformed(JSON.stringify(value));
}

const unitsForFormatting: ReadonlyArray<readonly [string, number]> = [
  ['d', 24 * 60 * 60],
  ['h', 60 * 60],
  ['m', 60],
  ['s', 1],
];

/**
 * Renders minutes for people: the two most significant units among days,
 * hours, minutes and seconds, rounded to the smaller one and omitting a zero
 * second part — `"45s"`, `"2m 30s"`, `"3h 20m"`, `"4h"`, `"2d 4h"`. Durations
 * under a second show tenths (`"0.5s"`), zero is `"0s"`, negative values get
 * a leading minus, and non-finite values render as `"∞"`, `"-∞"` or `"NaN"`.
 */
export function formatDuration(minutes: number): string {
  if (Number.isNaN(minutes)) return 'NaN';
  if (minutes < 0) return `-${formatDuration(-minutes)}`;
  if (minutes === Infinity) return '∞';
  const seconds = minutes * 60;
  if (seconds < 0.95) {
    const tenths = Math.round(seconds * 10) / 10;
    return tenths === 0 ? '0s' : `${tenths}s`;
  }
  // Find the largest unit, round to the next smaller unit, and repeat once if
  // rounding carried into a larger unit (59m 59.7s → 1h).
  let total = seconds;
  for (let attempt = 0; attempt < 2; attempt++) {
    const largest = unitsForFormatting.findIndex(([, size]) => total >= size);
    const index = largest < 0 ? unitsForFormatting.length - 1 : largest;
    const smaller = unitsForFormatting[Math.min(index + 1, unitsForFormatting.length - 1)] as readonly [string, number];
    const rounded = Math.round(total / smaller[1]) * smaller[1];
    const newLargest = unitsForFormatting.findIndex(([, size]) => rounded >= size);
    total = rounded;
    if (newLargest === index) break;
  }
  const largest = unitsForFormatting.findIndex(([, size]) => total >= size);
  const [bigName, bigSize] = unitsForFormatting[largest] as readonly [string, number];
  const big = Math.floor(total / bigSize + 1e-9);
  const remainder = total - big * bigSize;
  if (largest === unitsForFormatting.length - 1) return `${big}${bigName}`;
  const [smallName, smallSize] = unitsForFormatting[largest + 1] as readonly [string, number];
  const small = Math.round(remainder / smallSize);
  return small === 0 ? `${big}${bigName}` : `${big}${bigName} ${small}${smallName}`;
}
