/** `selectRank`: the value sorting would put at a place, found by selection. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectRank } from '../../src/engine/index.js';

describe('selectRank', () => {
  it('puts at each rank what sorting puts there, nothing greater left of it and nothing smaller right', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 200 }), fc.nat(), (list, seed) => {
        const values = Float64Array.from(list);
        const rank = seed % values.length;
        selectRank(values, rank);
        const sorted = Float64Array.from(list).sort();
        expect(values[rank]).toBe(sorted[rank]);
        for (let at = 0; at < rank; at++) expect(values[at]! <= values[rank]!).toBe(true);
        for (let at = rank + 1; at < values.length; at++) expect(values[at]! >= values[rank]!).toBe(true);
      }),
    );
  });

  it('selects within a range, leaving the rest alone', () => {
    const values = Float64Array.from([9, 5, 4, 3, 2, 1, 0]);
    selectRank(values, 3, 1, 5);
    expect(values[3]).toBe(3);
    expect(values[0]).toBe(9);
    expect(values[6]).toBe(0);
  });
});
