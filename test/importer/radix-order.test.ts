/**
 * The radix order of the cleaned events (src/importer/radix-order.ts) is the stable comparator
 * sort's; the selection behind the outlier fences (outliers.ts) finds what sorting would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderStatistic } from '../../src/importer/outliers.js';
import { radixOrder } from '../../src/importer/radix-order.js';

const comparatorOrder = (primary: number[], secondary: number[]) =>
  primary.map((_, at) => at).sort((a, b) => primary[a]! - primary[b]! || secondary[a]! - secondary[b]!);

describe('radixOrder', () => {
  it('orders by the instant, ties by the order, as the stable comparator sort does', () => {
    const instant = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.integer({ min: -2e12, max: 4e12 }),
      fc.constantFrom(0, 2 ** 32, 2 ** 32 - 1, 2 ** 48 + 5, 65_535, 65_536),
    );
    const pairs = fc.array(fc.tuple(instant, fc.integer({ min: 0, max: 2 ** 32 - 1 })), { maxLength: 200 });
    fc.assert(
      fc.property(pairs, (list) => {
        const primary = list.map(([key]) => key);
        const secondary = list.map(([, tie]) => (tie % 7 === 0 ? 3 : tie));
        expect(Array.from(radixOrder(primary, secondary)!)).toEqual(comparatorOrder(primary, secondary));
      }),
      { numRuns: 300 },
    );
  });

  it('declines keys that are not whole numbers', () => {
    expect(radixOrder([1.5, 2], [0, 1])).toBeUndefined();
    expect(radixOrder([1, 2], [0, -1])).toBeUndefined();
  });
});

describe('orderStatistic (the outlier fences)', () => {
  it('finds the value sorting would put at each place', () => {
    const values = fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true })), {
      minLength: 1,
      maxLength: 300,
    });
    fc.assert(
      fc.property(values, fc.nat(), (list, pick) => {
        const sorted = Float64Array.from(list).sort();
        const rank = pick % list.length;
        expect(orderStatistic(Float64Array.from(list), rank)).toBe(sorted[rank]);
      }),
      { numRuns: 2000 },
    );
  });
});
