import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/engine/random.js';
import { mean, quantile, selectQuantile } from '../../src/metrics/statistics.js';

describe('quantiles', () => {
  it('type 7 on a hand example', () => {
    // [1, 2, 3, 4]: p=0.5 ⇒ position 1.5 ⇒ 2.5; p=0.9 ⇒ position 2.7 ⇒ 3 + 0.7·1 = 3.7
    expect(quantile([4, 1, 3, 2], 0.5)).toBeCloseTo(2.5, 12);
    expect(quantile([4, 1, 3, 2], 0.9)).toBeCloseTo(3.7, 12);
    expect(quantile([], 0.5)).toBeNull();
    expect(mean([])).toBeNull();
  });

  it('selection agrees with sorting on random samples, with ties, at every size', () => {
    const random = createStream(7, 1, 'test.quantiles');
    for (const size of [1, 2, 3, 5, 10, 101, 1000, 4096]) {
      for (const ties of [false, true]) {
        const values = Array.from({ length: size }, () => (ties ? Math.floor(random() * 5) : random() * 100));
        for (const probability of [0, 0.1, 0.5, 0.9, 0.99, 1]) {
          expect(selectQuantile(Float64Array.from(values), probability), `size ${size}, p ${probability}`).toBeCloseTo(
            quantile(values, probability)!,
            12,
          );
        }
      }
    }
  });

  it('several quantiles of one sample, each selecting between those already selected, agree with sorting', () => {
    const random = createStream(7, 2, 'test.quantiles');
    for (const size of [1, 2, 7, 100, 1001]) {
      for (const ties of [false, true]) {
        const values = Array.from({ length: size }, () => (ties ? Math.floor(random() * 5) : random() * 100));
        const sample = Float64Array.from(values);
        // The catalog's order (median, then 90th), then others on either side and one repeated.
        for (const probability of [0.5, 0.9, 0.1, 0.99, 0.5, 0.75, 0, 1])
          expect(selectQuantile(sample, probability), `size ${size}, p ${probability}`).toBe(
            quantile(values, probability),
          );
      }
    }
  });
});
