/**
 * The bytes of `String(value)` for the fractional numbers a ticket table is made of (times in
 * minutes, from 0.00001 up to 2^52), without building the string: `String` costs a string per
 * cell and was the largest single cost of writing `tickets.csv` (0.7 s of 3.9 million numbers).
 *
 * `String` writes the shortest decimal that reads back as the same double, and of those the
 * nearest (ECMAScript's Number::toString). For a scale k (the decimal N · 10^-k), the nearest
 * candidate is N = round(value · 10^k); the shortest decimal is the one of the smallest k whose
 * N reads back. Both steps are exact here:
 * - value · 10^k is computed exactly as a sum of two doubles (Dekker's product; 10^k is exact
 *   for k ≤ 22), so N is the true nearest integer;
 * - N / 10^k, both exact doubles with N ≤ 2^53 and k ≤ 22, is rounded once by the division,
 *   which is what reading the decimal does (Clinger's fast path), so it equals the value iff
 *   the decimal reads back.
 * Seventeen significant digits always read back, so when sixteen do not, the nearest
 * 17-digit decimal is the answer; its last digit is rounded from the exact remainder. Every
 * case this cannot settle exactly (a tie between two candidates, N over 2^53, a power of two,
 * whose rounding interval is lopsided) returns -1 and the caller writes `String(value)`.
 * test/experiment/number-text.test.ts checks it against `String` over many values.
 */

const MINUS = 0x2d;
const POINT = 0x2e;
const ZERO = 0x30;

/** 10^k, exact in a double for k ≤ 22. */
const POWERS = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Dekker's splitting constant for doubles (2^27 + 1). */
const SPLIT = 134217729;
/** Each power split into two 26-bit halves (high + low = 10^k exactly), for the exact product. */
const POWER_HIGH = POWERS.map((power) => {
  const scaled = SPLIT * power;
  return scaled - (scaled - power);
});
const POWER_LOW = POWERS.map((power, k) => power - POWER_HIGH[k]!);

const SMALLEST = 1e-5;
const TWO_53 = 2 ** 53;
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/**
 * The low part of value · 10^k, exactly (the product rounded, `value * 10^k`, is the high part), from the value's
 * halves (valueHigh + valueLow = value, each of 26 bits): Dekker's product.
 */
function productError(valueHigh: number, valueLow: number, k: number, product: number): number {
  const high = POWER_HIGH[k]!;
  const low = POWER_LOW[k]!;
  return valueHigh * high - product + valueHigh * low + valueLow * high + valueLow * low;
}

/** The nearest integer to high + low (high < 2^53, low at most half its last place); NaN on a tie. */
function nearestInteger(high: number, low: number): number {
  const floor = Math.floor(high);
  const fraction = high - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return low > 0 ? floor + 1 : low < 0 ? floor : Number.NaN;
}

/**
 * Writes the digits of `value` (a double, not a whole number) as `String(value)` would at
 * `bytes[at…]`, and returns the position after them; -1 if this value is not one it settles
 * exactly (nothing written). `bytes` needs room for 25 bytes from `at`.
 */
export function writeFraction(bytes: Uint8Array, at: number, value: number): number {
  const magnitude = value < 0 ? -value : value;
  if (!(magnitude >= SMALLEST && magnitude < TWO_53)) return -1;
  bits[0] = magnitude;
  const upper = words[1]!;
  // A power of two: the doubles below it are closer than those above, so the nearest decimal may not read back.
  if (words[0] === 0 && (upper & 0xfffff) === 0) return -1;
  const scaled = SPLIT * magnitude;
  const valueHigh = scaled - (scaled - magnitude);
  const valueLow = magnitude - valueHigh;
  const exponent = decimalExponent(magnitude, valueHigh, valueLow, (upper >>> 20) - 1023);
  // Sixteen significant digits first: most of a ticket's times need sixteen or seventeen.
  let scale = 15 - exponent;
  if (scale > 22) return -1;
  const product = magnitude * POWERS[scale]!;
  let digits = Number.NaN;
  if (product < TWO_53) {
    const low = productError(valueHigh, valueLow, scale, product);
    digits = nearestInteger(product, low);
    if (Number.isNaN(digits)) return -1;
    // Sixteen digits do not read back: the nearest seventeen-digit decimal does.
    if (digits / POWERS[scale]! !== magnitude) return writeSeventeen(bytes, at, value, product, low, scale);
  }
  // Fewer digits while they read back; a whole number (scale 0) is not this function's. (Sixteen digits over
  // 2^53 cannot be checked: only a shorter decimal that reads back is settled then.)
  while (scale > 0) {
    const shorter = magnitude * POWERS[scale - 1]!;
    const candidate = nearestInteger(shorter, productError(valueHigh, valueLow, scale - 1, shorter));
    if (Number.isNaN(candidate)) return -1;
    if (candidate / POWERS[scale - 1]! !== magnitude) break;
    digits = candidate;
    scale--;
  }
  if (scale === 0 || Number.isNaN(digits)) return -1;
  let start = at;
  if (value < 0) bytes[start++] = MINUS;
  return writeDecimal(bytes, start, digits, scale, exponent);
}

/**
 * The decimal exponent of a magnitude from 0.00001 up (floor of its base-10 logarithm), exactly:
 * estimated from the binary exponent, which gives it or one less, then checked against 10^(estimate + 1).
 */
function decimalExponent(magnitude: number, valueHigh: number, valueLow: number, binaryExponent: number): number {
  const estimate = Math.floor(binaryExponent * Math.LOG10E * Math.LN2);
  const next = estimate + 1;
  if (next >= 0) return magnitude >= POWERS[next]! ? next : estimate;
  // magnitude ≥ 10^next exactly iff magnitude · 10^-next ≥ 1, told by the exact product.
  const product = magnitude * POWERS[-next]!;
  if (product !== 1) return product > 1 ? next : estimate;
  return productError(valueHigh, valueLow, -next, product) >= 0 ? next : estimate;
}

/**
 * The nearest decimal of 17 significant digits, from the exact value · 10^scale = product + low
 * (sixteen digits before the point): its whole part, and a last digit rounded from the rest;
 * -1 when that cannot be told.
 */
function writeSeventeen(
  bytes: Uint8Array,
  at: number,
  value: number,
  product: number,
  low: number,
  scale: number,
): number {
  if (!(product > 1e15) || scale > 21) return -1;
  let whole = Math.floor(product);
  let fraction = product - whole;
  // The exact value a hair below a whole number rounded up to it.
  if (fraction === 0 && low < 0) {
    whole--;
    fraction = 1;
  }
  // The fraction is a multiple of 1/8 here (product ≥ 2^49), so ten times it is exact; `low` is far smaller.
  const tenths = 10 * fraction + 10 * low;
  const floor = Math.floor(tenths);
  const rest = tenths - floor;
  // Too near a half to round with certainty: rare, and `String` settles it.
  if (Math.abs(rest - 0.5) < 1e-6) return -1;
  const last = rest > 0.5 ? floor + 1 : floor;
  // A last digit of 0 (or 10) would mean sixteen digits read back: not reached, but not trusted either.
  if (last <= 0 || last >= 10) return -1;
  let start = at;
  if (value < 0) bytes[start++] = MINUS;
  const end = writeDecimal(bytes, start, whole, scale, 15 - scale);
  bytes[end] = ZERO + last;
  return end + 1;
}

/** Two ASCII digits for each number below 100. */
const PAIRS = Uint8Array.from({ length: 200 }, (_, index) =>
  index % 2 === 0 ? ZERO + Math.floor(index / 20) : ZERO + (((index - 1) / 2) % 10),
);

/** The `count` digits of a whole number below 10^min(count, 8), leading zeros kept, ending before `end`. */
function writeSmall(bytes: Uint8Array, end: number, value: number, count: number): void {
  let at = end;
  let rest = value | 0;
  let left = count;
  for (; left >= 2; left -= 2) {
    const next = (rest / 100) | 0;
    const pair = (rest - next * 100) << 1;
    bytes[--at] = PAIRS[pair + 1]!;
    bytes[--at] = PAIRS[pair]!;
    rest = next;
  }
  if (left === 1) bytes[--at] = ZERO + rest;
}

/** Writes a whole number from 0 to 2^53 at `bytes[at…]` by its digits; returns the position after them. */
export function writeWhole(bytes: Uint8Array, at: number, value: number): number {
  let count = 1;
  while (count < 16 && value >= POWERS[count]!) count++;
  writeDigits(bytes, at + count, value, count);
  return at + count;
}

/** The `count` digits of a whole number below 2^53 and 10^count, leading zeros kept, ending before `end`. */
function writeDigits(bytes: Uint8Array, end: number, value: number, count: number): void {
  if (count <= 8) {
    writeSmall(bytes, end, value, count);
    return;
  }
  const high = quotient(value, 8);
  writeSmall(bytes, end, value - high * 1e8, 8);
  writeSmall(bytes, end - 8, high, count - 8);
}

/** The quotient of a whole number below 2^53 by 10^power, exactly (the division rounds, the check corrects it). */
function quotient(value: number, power: number): number {
  const divisor = POWERS[power]!;
  const estimate = Math.floor(value / divisor);
  const remainder = value - estimate * divisor;
  return remainder < 0 ? estimate - 1 : remainder >= divisor ? estimate + 1 : estimate;
}

/**
 * `digits · 10^-scale` in fixed notation, as `String` writes it: `scale` ≥ 1 (there is a
 * fraction), the value at least 10^exponent and below 10^(exponent + 1) unless rounded up to it.
 */
function writeDecimal(bytes: Uint8Array, at: number, digits: number, scale: number, exponent: number): number {
  let count = exponent + scale + 1;
  if (digits >= POWERS[count]!) count++;
  // Digits before the point (0 or fewer: "0." and zeros first).
  const whole = count - scale;
  let position = at;
  if (whole <= 0) {
    bytes[position++] = ZERO;
    bytes[position++] = POINT;
    for (let zero = whole; zero < 0; zero++) bytes[position++] = ZERO;
    writeDigits(bytes, position + count, digits, count);
    return position + count;
  }
  const integer = quotient(digits, scale);
  writeDigits(bytes, position + whole, integer, whole);
  position += whole;
  bytes[position++] = POINT;
  writeDigits(bytes, position + scale, digits - integer * POWERS[scale]!, scale);
  return position + scale;
}
