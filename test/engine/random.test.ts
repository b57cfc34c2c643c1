import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { createStream, tycheI } from '../../src/engine/random.js';

function draws(count: number, seed: number | string, replication: number, purpose: string): number[] {
  const rng = createStream(seed, replication, purpose);
  return Array.from({ length: count }, () => rng());
}

describe('createStream', () => {
  it('gives the same sequence for the same inputs', () => {
    expect(draws(1000, 42, 3, 'arrivals')).toEqual(draws(1000, 42, 3, 'arrivals'));
    expect(draws(100, 'my-seed', 0, 'service')).toEqual(draws(100, 'my-seed', 0, 'service'));
  });

  it('gives different sequences for different purposes, replications and seeds', () => {
    const base = draws(50, 42, 0, 'arrivals');
    expect(draws(50, 42, 0, 'service')).not.toEqual(base);
    expect(draws(50, 42, 1, 'arrivals')).not.toEqual(base);
    expect(draws(50, 43, 0, 'arrivals')).not.toEqual(base);
    expect(draws(50, '42', 0, 'arrivals')).not.toEqual(base); // the string "42" is a different seed
    // Similar keys must not collide by concatenation.
    expect(draws(50, 1, 12, 'x')).not.toEqual(draws(50, 11, 2, 'x'));
  });

  it('is unaffected by draws from other streams', () => {
    const alone = draws(20, 7, 0, 'a');
    const a = createStream(7, 0, 'a');
    const b = createStream(7, 0, 'b');
    const interleaved: number[] = [];
    for (let index = 0; index < 20; index++) {
      b();
      b();
      interleaved.push(a());
    }
    expect(interleaved).toEqual(alone);
  });

  it('produces uniforms in [0, 1) with the right mean and variance', () => {
    const n = 200_000;
    const values = draws(n, 2026, 0, 'uniform-check');
    let sum = 0;
    let squares = 0;
    let outside = 0;
    for (const value of values) {
      if (!(value >= 0 && value < 1)) outside++;
      sum += value;
      squares += value * value;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    const variance = squares / n - mean * mean;
    // Mean of U(0,1) is 1/2 with sd √(1/12); the variance estimator has sd √((1/80 − 1/144)/n).
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(4 * Math.sqrt((1 / 80 - 1 / 144) / n));
  });

  it('has no lag-1 correlation between consecutive draws, nor between streams', () => {
    const n = 100_000;
    const a = draws(n + 1, 5, 0, 'p');
    const b = draws(n, 5, 0, 'q');
    let lagged = 0;
    let cross = 0;
    for (let index = 0; index < n; index++) {
      lagged += ((a[index] as number) - 0.5) * ((a[index + 1] as number) - 0.5);
      cross += ((a[index] as number) - 0.5) * ((b[index] as number) - 0.5);
    }
    // Each product has mean 0 and sd 1/12, so the average has sd 1/(12√n).
    expect(Math.abs(lagged / n)).toBeLessThan(4 / (12 * Math.sqrt(n)));
    expect(Math.abs(cross / n)).toBeLessThan(4 / (12 * Math.sqrt(n)));
  });

  it("is seedrandom's Tyche-i, draw for draw", () => {
    for (const seed of ['0123456789abcdef0123456789abcdef', 'f00dfacef00dfacef00dfacef00dface', 'x', '']) {
      const reference = seedrandom.tychei(seed);
      const ours = tycheI(seed);
      let differing = 0;
      for (let draw = 0; draw < 100_000; draw++) if (ours() !== reference()) differing++;
      expect(differing).toBe(0);
    }
  });

  it('keeps the streams of earlier versions (pinned draws)', () => {
    const arrivals = createStream(1, 1, 'arrivals');
    expect([arrivals(), arrivals(), arrivals()]).toEqual([
      0.9242731998674572, 0.38102524098940194, 0.13232690561562777,
    ]);
    const absence = createStream('my-seed', 7, 'agents.tier1-03.absence');
    for (let draw = 0; draw < 99_999; draw++) absence();
    expect(absence()).toBe(0.3502018782310188);
  });

  it('rejects invalid arguments', () => {
    expect(() => createStream(Number.NaN, 0, 'x')).toThrow(RangeError);
    expect(() => createStream(1, -1, 'x')).toThrow(/replication/);
    expect(() => createStream(1, 0.5, 'x')).toThrow(/replication/);
    expect(() => createStream(1, 0, '')).toThrow(/purpose/);
  });
});
