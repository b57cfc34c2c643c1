import { describe, expect, it } from 'vitest';
import {
  closedSurges,
  hourlyMultipliers,
  PiecewiseRate,
  ThinningArrivals,
  type RateFunction,
} from '../../src/engine/arrivals.js';
import { BusinessCalendar, LocalTimeTable } from '../../src/engine/local-time.js';
import { createStream, type Rng } from '../../src/engine/random.js';

const day = 1440;

function arrivalTimes(rate: RateFunction, rng: Rng): number[] {
  const process = new ThinningArrivals(rate, rng);
  const times: number[] = [];
  for (let t = process.next(0); t !== Infinity; t = process.next(t)) times.push(t);
  return times;
}

function countingRng(rng: Rng): { rng: Rng; calls: () => number } {
  let calls = 0;
  return {
    rng: () => {
      calls++;
      return rng();
    },
    calls: () => calls,
  };
}

/** Counts per consecutive window of `width` minutes over [0, end). */
function windowCounts(times: number[], width: number, end: number): number[] {
  const counts = new Array<number>(Math.floor(end / width)).fill(0);
  for (const t of times) {
    const index = Math.floor(t / width);
    if (index < counts.length) counts[index] = (counts[index] as number) + 1;
  }
  return counts;
}

function meanAndVariance(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

/** Asserts Poisson(expected) window counts: mean and variance within 4 standard errors. */
function expectPoissonCounts(counts: number[], expected: number): void {
  const k = counts.length;
  const { mean, variance } = meanAndVariance(counts);
  expect(Math.abs(mean - expected)).toBeLessThan(4 * Math.sqrt(expected / k));
  // For Poisson(μ): μ₄ − σ⁴ = μ + 2μ², so se(sample variance) ≈ √((μ + 2μ²)/k).
  expect(Math.abs(variance - expected)).toBeLessThan(4 * Math.sqrt((expected + 2 * expected * expected) / k));
}

describe('ThinningArrivals with a constant rate', () => {
  const ratePerMinute = 0.8;
  const end = 2000 * 60;

  it('gives Poisson window counts and uses one uniform per arrival (piecewise path)', () => {
    const counter = countingRng(createStream(11, 0, 'constant-piecewise'));
    const times = arrivalTimes(PiecewiseRate.constant(ratePerMinute, end), counter.rng);
    expect(counter.calls()).toBe(times.length + 1); // + the draw that ran past the end
    expectPoissonCounts(windowCounts(times, 60, end), ratePerMinute * 60);
  });

  it('gives Poisson window counts and uses one uniform per arrival (classic Lewis–Shedler path)', () => {
    const counter = countingRng(createStream(11, 0, 'constant-classic'));
    const rate: RateFunction = { rateAt: () => ratePerMinute, maxRate: ratePerMinute, end };
    const times = arrivalTimes(rate, counter.rng);
    expect(counter.calls()).toBe(times.length + 1);
    expectPoissonCounts(windowCounts(times, 60, end), ratePerMinute * 60);
  });

  it('is strictly increasing, stops at the end, and is reproducible', () => {
    const rate = PiecewiseRate.constant(2, 500);
    const first = arrivalTimes(rate, createStream(1, 0, 'repeat'));
    const second = arrivalTimes(rate, createStream(1, 0, 'repeat'));
    expect(first).toEqual(second);
    expect(first.every((t, index) => t < 500 && (index === 0 || t > (first[index - 1] as number)))).toBe(true);
    expect(new ThinningArrivals(PiecewiseRate.constant(0, 500), createStream(1, 0, 'zero')).next(0)).toBe(Infinity);
  });
});

describe('ThinningArrivals with a varying rate', () => {
  it('matches the integrated rate of a smooth (non-piecewise) rate function', () => {
    // λ(t) = 1 + 0.5 sin(2πt/1440): over each whole day the integral is 1440.
    const rate: RateFunction = {
      rateAt: (t) => 1 + 0.5 * Math.sin((2 * Math.PI * t) / day),
      maxRate: 1.5,
      end: 300 * day,
    };
    const times = arrivalTimes(rate, createStream(5, 0, 'sinusoid'));
    expectPoissonCounts(windowCounts(times, day, 300 * day), day);
    // The first quarter-day has ∫ = 360 + 0.5·1440/(2π) ≈ 474.6 arrivals.
    const quarter = 360 + (0.5 * day) / (2 * Math.PI);
    const quarters = windowCounts(times, day / 4, 300 * day).filter((_, index) => index % 4 === 0);
    const { mean } = meanAndVariance(quarters);
    expect(Math.abs(mean - quarter)).toBeLessThan(4 * Math.sqrt(quarter / quarters.length));
  });

  it('thins correctly against a piecewise majorant that is not the rate itself', () => {
    // λ(t) = 1 + 0.5 sin(2πt/1440), bounded per hour by its exact hourly maximum.
    const lambda = (t: number) => 1 + 0.5 * Math.sin((2 * Math.PI * t) / day);
    const hourMaximum = (hour: number) => {
      let maximum = 0;
      for (let step = 0; step <= 60; step++) maximum = Math.max(maximum, lambda(hour * 60 + step));
      return maximum + 1e-9;
    };
    const rate: RateFunction = {
      rateAt: lambda,
      maxRate: 1.5,
      end: 300 * day,
      majorantAt: (t) => hourMaximum(Math.floor(t / 60)),
      majorantEnd: (t) => (Math.floor(t / 60) + 1) * 60,
    };
    const times = arrivalTimes(rate, createStream(6, 0, 'sinusoid-piecewise'));
    expectPoissonCounts(windowCounts(times, day, 300 * day), day);
    const quarter = 360 + (0.5 * day) / (2 * Math.PI);
    const quarters = windowCounts(times, day / 4, 300 * day).filter((_, index) => index % 4 === 0);
    const { mean } = meanAndVariance(quarters);
    expect(Math.abs(mean - quarter)).toBeLessThan(4 * Math.sqrt(quarter / quarters.length));
  });

  it('restarts correctly when asked for an earlier time than the last call', () => {
    const rate = new PiecewiseRate(1, Float64Array.from([0, 0, 1, 1]));
    const process = new ThinningArrivals(rate, createStream(2, 0, 'rewind'));
    expect(process.next(150)).toBeGreaterThanOrEqual(150);
    const rewound = process.next(0);
    expect(rewound).toBeGreaterThanOrEqual(120); // nothing can arrive in the first two (zero-rate) hours
    expect(rewound).toBeLessThan(240);
  });

  it('produces no arrivals while closed at night', () => {
    const table = new LocalTimeTable('2026-01-05T00:00:00Z', 'UTC', 56 * day);
    const open = new BusinessCalendar(table, [
      { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '08:00', end: '20:00' },
    ]);
    const multipliers = hourlyMultipliers(table, 56 * day, { open });
    const rate = new PiecewiseRate(0.5, multipliers);
    const times = arrivalTimes(rate, createStream(9, 0, 'closed-night'));
    expect(times.filter((t) => !open.isOpen(t))).toEqual([]);
    expect(times.filter((t) => table.minuteOfDay(t) < 480 || table.minuteOfDay(t) >= 1200)).toEqual([]);
    // While open the rate is the base rate: 0.5 × 720 per day.
    expectPoissonCounts(windowCounts(times, day, 56 * day), 0.5 * 720);
  });

  it('is minute-exact with closedSurges for half-hour opening times', () => {
    const table = new LocalTimeTable('2026-01-05T00:00:00Z', 'UTC', 28 * day);
    const open = new BusinessCalendar(table, [
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:30', end: '17:30' },
    ]);
    const rate = new PiecewiseRate(1, hourlyMultipliers(table, 28 * day, {}), closedSurges(open, 0, 28 * day));
    const times = arrivalTimes(rate, createStream(9, 0, 'half-hours'));
    expect(times.filter((t) => !open.isOpen(t))).toEqual([]);
    const expected = open.businessMinutesBetween(0, 28 * day);
    expect(Math.abs(times.length - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });

  it('a ×3 surge triples the arrivals in its window', () => {
    const base = 0.4;
    const surges = Array.from({ length: 40 }, (_, index) => ({
      start: index * 3000 + 1000,
      end: index * 3000 + 2000,
      multiplier: 3,
    }));
    const rate = new PiecewiseRate(base, new Float64Array(2000).fill(1), surges, 120_000);
    const times = arrivalTimes(rate, createStream(21, 0, 'surge'));
    const inSurge = times.filter((t) => t % 3000 >= 1000 && t % 3000 < 2000).length;
    const outside = times.length - inSurge;
    const expectedInSurge = 3 * base * 1000 * 40;
    const expectedOutside = base * 2000 * 40;
    expect(Math.abs(inSurge - expectedInSurge)).toBeLessThan(4 * Math.sqrt(expectedInSurge));
    expect(Math.abs(outside - expectedOutside)).toBeLessThan(4 * Math.sqrt(expectedOutside));
    // The ratio of per-minute intensities is 3 within its delta-method interval.
    const ratio = inSurge / 1000 / (outside / 2000);
    const ratioSe = 3 * Math.sqrt(1 / expectedInSurge + 1 / expectedOutside);
    expect(Math.abs(ratio - 3)).toBeLessThan(4 * ratioSe);
  });
});

describe('PiecewiseRate', () => {
  it('multiplies base, hourly multipliers and overlapping surges, with an exact maxRate', () => {
    const hourly = Float64Array.from([1, 2, 0.5, 0]);
    const rate = new PiecewiseRate(0.1, hourly, [
      { start: 30, end: 90, multiplier: 2 },
      { start: 75, end: 200, multiplier: 3 },
    ]);
    expect(rate.end).toBe(240);
    expect(rate.rateAt(0)).toBeCloseTo(0.1, 15);
    expect(rate.rateAt(30)).toBeCloseTo(0.2, 15);
    expect(rate.rateAt(60)).toBeCloseTo(0.4, 15);
    expect(rate.rateAt(75)).toBeCloseTo(1.2, 15); // 0.1 × 2 × 2 × 3
    expect(rate.rateAt(90)).toBeCloseTo(0.6, 15);
    expect(rate.rateAt(150)).toBeCloseTo(0.15, 15);
    expect(rate.rateAt(200)).toBe(0);
    expect(rate.rateAt(239.9)).toBe(0);
    expect(rate.rateAt(240)).toBe(0);
    expect(rate.rateAt(-1)).toBe(0);
    expect(rate.maxRate).toBe(rate.rateAt(80));
    expect(rate.majorantEnd(76)).toBe(90);
    expect(rate.majorantEnd(-5)).toBe(0);
    expect(rate.majorantEnd(240)).toBe(Infinity);
  });

  it('honours a custom end and merges equal neighbouring pieces', () => {
    const rate = new PiecewiseRate(1, new Float64Array(10).fill(1), [], 125);
    expect(rate.end).toBe(125);
    expect(rate.majorantEnd(0)).toBe(125); // one piece
    expect(rate.rateAt(124.9)).toBe(1);
    expect(rate.rateAt(125)).toBe(0);
  });

  it('rejects invalid parameters', () => {
    expect(() => new PiecewiseRate(-1, new Float64Array(1))).toThrow(RangeError);
    expect(() => new PiecewiseRate(1, Float64Array.from([1, Number.NaN]))).toThrow(/hourly multiplier #1/);
    expect(() => new PiecewiseRate(1, new Float64Array(1), [{ start: 0, end: 10, multiplier: -2 }])).toThrow(
      /surge #1/,
    );
  });
});

describe('hourlyMultipliers', () => {
  const table = new LocalTimeTable('2026-01-05T00:00:00Z', 'UTC', 14 * day);

  it('normalises hourly and weekly weights to mean 1 over a week', () => {
    const hourly: number[] = Array.from({ length: 24 }, (_, hour) => (hour >= 8 && hour < 18 ? 3 : 1));
    const weekly = [5, 5, 5, 5, 5, 1, 1];
    const multipliers = hourlyMultipliers(table, 14 * day, { hourly, weekly });
    expect(multipliers.length).toBe(14 * 24);
    const mean = multipliers.reduce((sum, value) => sum + value, 0) / multipliers.length;
    expect(mean).toBeCloseTo(1, 12);
    const hourlyMean = hourly.reduce((a, b) => a + b) / 24;
    const weeklyMean = weekly.reduce((a, b) => a + b) / 7;
    expect(multipliers[9]).toBeCloseTo((3 / hourlyMean) * (5 / weeklyMean), 12); // Monday 09:00
    expect(multipliers[5 * 24 + 2]).toBeCloseTo((1 / hourlyMean) * (1 / weeklyMean), 12); // Saturday 02:00
  });

  it('gives partly open hours their open fraction, in local time', () => {
    const kolkata = new LocalTimeTable('2026-01-05T00:00:00Z', 'Asia/Kolkata', 7 * day); // clock hours start at :30 local
    const open = new BusinessCalendar(kolkata, [{ days: ['mon'], start: '09:00', end: '17:00' }]);
    const multipliers = hourlyMultipliers(kolkata, 7 * day, { open });
    // Monday 09:00 local is 03:30 UTC, i.e. halfway through clock hour 3.
    expect(Array.from(multipliers.slice(2, 13))).toEqual([0, 0.5, 1, 1, 1, 1, 1, 1, 1, 0.5, 0]);
    expect(multipliers.reduce((sum, value) => sum + value, 0)).toBeCloseTo(8, 12);
  });

  it('is all ones without a profile and rejects malformed weights', () => {
    expect(Array.from(hourlyMultipliers(table, 150, {}))).toEqual([1, 1, 1]);
    expect(() => hourlyMultipliers(table, 60, { hourly: [1, 2, 3] })).toThrow(/24 entries/);
    expect(() => hourlyMultipliers(table, 60, { weekly: [0, 0, 0, 0, 0, 0, 0] })).toThrow(/not all be 0/);
    expect(() => hourlyMultipliers(table, 60, { weekly: [1, 1, 1, 1, 1, 1, -1] })).toThrow(/weekly weight #6/);
  });
});

describe('closedSurges', () => {
  it('lists the closed gaps as zero multipliers', () => {
    const table = new LocalTimeTable('2026-01-05T00:00:00Z', 'UTC', 2 * day);
    const open = new BusinessCalendar(table, [{ days: ['mon', 'tue'], start: '09:00', end: '17:00' }]);
    expect(closedSurges(open, 0, 2 * day)).toEqual([
      { start: 0, end: 540, multiplier: 0 },
      { start: 1020, end: day + 540, multiplier: 0 },
      { start: day + 1020, end: 2 * day, multiplier: 0 },
    ]);
    expect(closedSurges(new BusinessCalendar(table, []), 0, day)).toEqual([]);
  });
});
