import { describe, expect, it } from 'vitest';
import {
  BusinessCalendar,
  LocalTimeError,
  LocalTimeTable,
  windowIntervals,
  windowProblems,
  type WeeklyWindow,
} from '../../src/engine/local-time.js';
import { createStream } from '../../src/engine/random.js';

const day = 1440;
const weekdaysOfIntl = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Local weekday (0 = Monday) and minute of day straight from Intl: an independent oracle. */
function intlLocal(epochMs: number, timeZone: string): { dayOfWeek: number; minuteOfDay: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(epochMs);
  const value = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return {
    dayOfWeek: weekdaysOfIntl.indexOf(value('weekday')),
    minuteOfDay: Number(value('hour')) * 60 + Number(value('minute')),
  };
}

describe('LocalTimeTable', () => {
  it('maps a UTC start to weekdays, minutes of day and ISO strings', () => {
    const table = new LocalTimeTable('2026-01-05T09:30:00Z', 'UTC', 14 * day);
    expect(table.startEpochMs).toBe(Date.UTC(2026, 0, 5, 9, 30));
    expect(table.dayOfWeek(0)).toBe(0); // Monday
    expect(table.minuteOfDay(0)).toBe(570);
    expect(table.hourOfWeek(0)).toBe(9);
    expect(table.toIso(0)).toBe('2026-01-05T09:30:00.000Z');
    expect(table.toIso(60.5)).toBe('2026-01-05T10:30:30.000Z');
    expect(table.fromIso('2026-01-05T10:30:30.000Z')).toBe(60.5);
    expect(table.dayOfWeek(6 * day)).toBe(6); // Sunday
    expect(table.hourOfWeek(6 * day + 14 * 60 + 29)).toBe(167);
    expect(table.hourOfWeek(6 * day + 14 * 60 + 30)).toBe(0); // the next Monday 00:00
    expect(table.fromIso('2026-01-05')).toBe(-570);
  });

  it('handles the Europe/Rome spring-forward change (2026-03-29 01:00 UTC)', () => {
    // Start at local midnight, given without an offset: 2026-03-27T23:00Z.
    const table = new LocalTimeTable('2026-03-28T00:00', 'Europe/Rome', 3 * day);
    expect(table.startEpochMs).toBe(Date.UTC(2026, 2, 27, 23));
    expect(table.dayOfWeek(0)).toBe(5); // Saturday
    const change = 26 * 60; // 2026-03-29T01:00Z
    expect(table.offsetMinutes(change - 0.001)).toBe(60);
    expect(table.offsetMinutes(change)).toBe(120);
    expect(table.minuteOfDay(change - 1)).toBe(119); // 01:59 CET
    expect(table.minuteOfDay(change)).toBe(180); // 03:00 CEST
    expect(table.dayOfWeek(change)).toBe(6);
    expect(table.hourOfWeek(change)).toBe(6 * 24 + 3);
    expect(table.fromIso('2026-03-29T03:00')).toBe(change);
    expect(table.fromIso('2026-03-29T02:30')).toBe(change + 30); // nonexistent: shifted forward
    expect(table.fromIso('2026-03-29T01:00:00+01:00')).toBe(change - 60);
    expect(table.toIso(change)).toBe('2026-03-29T01:00:00.000Z');
  });

  it('handles the Europe/Rome autumn fold and a transition inside an hour of the clock', () => {
    const table = new LocalTimeTable('2026-10-24T00:00', 'Europe/Rome', 3 * day);
    const change = 27 * 60; // 2026-10-25T01:00Z
    expect(table.offsetMinutes(change - 0.001)).toBe(120);
    expect(table.offsetMinutes(change)).toBe(60);
    expect(table.fromIso('2026-10-25T02:30')).toBe(change - 30); // ambiguous: the earlier instant
    expect(table.minuteOfDay(change - 30)).toBe(150);
    expect(table.minuteOfDay(change + 30)).toBe(150); // 02:30 again, an hour later

    // A start at 23:17 local puts the change 163 minutes in, mid-way through a clock hour.
    const skewed = new LocalTimeTable('2026-03-28T23:17', 'Europe/Rome', day);
    expect(skewed.offsetMinutes(162.999)).toBe(60);
    expect(skewed.offsetMinutes(163)).toBe(120);
    expect(skewed.minuteOfDay(163)).toBe(180);
  });

  it('handles a +05:30 zone', () => {
    const table = new LocalTimeTable('2026-01-05T00:00:00+05:30', 'Asia/Kolkata', 7 * day);
    expect(table.toIso(0)).toBe('2026-01-04T18:30:00.000Z');
    expect(table.offsetMinutes(0)).toBe(330);
    expect(table.dayOfWeek(0)).toBe(0);
    expect(table.minuteOfDay(0)).toBe(0);
    expect(table.minuteOfDay(day - 1)).toBe(day - 1);
    expect(table.dayOfWeek(day)).toBe(1);
    const utcStart = new LocalTimeTable('2026-01-05T09:00:00Z', 'Asia/Kolkata', day);
    expect(utcStart.minuteOfDay(0)).toBe(14 * 60 + 30);
    expect(utcStart.fromIso('2026-01-05T15:00')).toBe(30); // local time in the table's zone
  });

  it('agrees with Intl at random instants in several zones, inside and outside the tabulated range', () => {
    const rng = createStream(1, 0, 'local-time-oracle');
    const zones = [
      'Europe/Rome',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'America/Sao_Paulo',
      'Pacific/Chatham',
    ];
    let mismatches = 0;
    for (const zone of zones) {
      const horizon = 400 * day;
      const table = new LocalTimeTable('2025-12-31T21:13:00', zone, horizon);
      for (let index = 0; index < 500; index++) {
        // Mostly inside, some before the start or after the horizon (slow path).
        const t = Math.floor((rng() * 1.2 - 0.1) * horizon * 60) / 60; // whole seconds
        const expected = intlLocal(table.startEpochMs + t * 60_000, zone);
        if (table.dayOfWeek(t) !== expected.dayOfWeek || Math.floor(table.minuteOfDay(t)) !== expected.minuteOfDay) {
          mismatches++;
        }
      }
    }
    expect(mismatches).toBe(0);
  });

  it('rejects unknown time zones and malformed dates with clear messages', () => {
    expect(() => new LocalTimeTable('2026-01-05T00:00Z', 'Mars/Olympus_Mons', day)).toThrow(LocalTimeError);
    expect(() => new LocalTimeTable('2026-01-05T00:00Z', 'Mars/Olympus_Mons', day)).toThrow(
      /unknown time zone "Mars\/Olympus_Mons" \(expected an IANA time zone name/,
    );
    expect(() => new LocalTimeTable('05/01/2026', 'UTC', day)).toThrow(/expected an ISO 8601 date-time/);
    expect(() => new LocalTimeTable('2026-02-30T00:00', 'UTC', day)).toThrow(/out of range/);
    expect(() => new LocalTimeTable('2026-01-05T00:00Z', 'UTC', -1)).toThrow(RangeError);
  });
});

describe('windowIntervals', () => {
  const monday = new LocalTimeTable('2026-01-05T00:00:00Z', 'UTC', 14 * day); // a Monday
  const weekdays: WeeklyWindow = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' };

  it('lists business hours across two weeks, skipping the weekend', () => {
    const intervals = windowIntervals(monday, [weekdays], 0, 14 * day);
    const expected = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11].map((d) => [d * day + 540, d * day + 1020]);
    expect(intervals).toEqual(expected);
  });

  it('runs overnight windows into the next day, including from the day before the range', () => {
    const friday: WeeklyWindow = { days: ['fri'], start: '22:00', end: '06:00' };
    expect(windowIntervals(monday, [friday], 0, 7 * day)).toEqual([[4 * day + 1320, 5 * day + 360]]);
    const sunday: WeeklyWindow = { days: ['sun'], start: '22:00', end: '06:00' };
    expect(windowIntervals(monday, [sunday], 0, 7 * day)).toEqual([
      [0, 360], // the previous Sunday's night, clipped to the range
      [6 * day + 1320, 7 * day],
    ]);
  });

  it('merges touching and overlapping windows and supports 24:00 and full-day windows', () => {
    const split: WeeklyWindow[] = [
      { days: ['mon'], start: '09:00', end: '12:00' },
      { days: ['mon'], start: '12:00', end: '17:00' },
      { days: ['mon'], start: '16:00', end: '18:00' },
    ];
    expect(windowIntervals(monday, split, 0, 7 * day)).toEqual([[540, 1080]]);
    expect(windowIntervals(monday, [{ days: ['sat'], start: '00:00', end: '24:00' }], 0, 7 * day)).toEqual([
      [5 * day, 6 * day],
    ]);
    expect(windowIntervals(monday, [{ days: ['sat', 'sun'], start: '00:00', end: '00:00' }], 0, 7 * day)).toEqual([
      [5 * day, 7 * day],
    ]);
  });

  it('clips to the requested range', () => {
    expect(windowIntervals(monday, [weekdays], 600, 1440 + 600)).toEqual([
      [600, 1020],
      [1440 + 540, 1440 + 600],
    ]);
  });

  it('keeps wall-clock hours across a DST change', () => {
    const rome = new LocalTimeTable('2026-03-28T00:00', 'Europe/Rome', 3 * day);
    const intervals = windowIntervals(rome, [{ days: ['sat', 'sun'], start: '09:00', end: '17:00' }], 0, 3 * day);
    expect(intervals).toEqual([
      [540, 1020], // Saturday, CET
      [day + 480, day + 960], // Sunday 09:00 CEST is an hour earlier on the clock
    ]);
    const night = windowIntervals(rome, [{ days: ['sat'], start: '22:00', end: '06:00' }], 0, 3 * day);
    expect(night).toEqual([[1320, day + 300]]); // 7 hours: the night lost an hour
  });

  it('rejects invalid windows with clear messages', () => {
    expect(windowProblems({ days: ['mon'], start: '9:00', end: '17:00' })).toEqual([
      'start must be a time "HH:MM" between 00:00 and 23:59 (found "9:00")',
    ]);
    expect(windowProblems({ days: ['monday' as 'mon'], start: '09:00', end: '24:01' })).toEqual([
      'unknown day "monday" (expected one of mon, tue, wed, thu, fri, sat, sun)',
      'end must be a time "HH:MM" between 00:00 and 24:00 (found "24:01")',
    ]);
    expect(windowProblems({ days: [], start: '24:00', end: '10:00' })).toHaveLength(2);
    expect(() => windowIntervals(monday, [{ days: ['mon'], start: '25:00', end: '10:00' }], 0, day)).toThrow(
      /invalid weekly window #1: start must be/,
    );
    expect(() => windowIntervals(monday, [weekdays], 0, Infinity)).toThrow(RangeError);
  });
});

describe('BusinessCalendar', () => {
  const table = new LocalTimeTable('2026-01-05T00:00:00Z', 'UTC', 14 * day);
  const calendar = new BusinessCalendar(table, [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' },
  ]);
  const friday = 4 * day;
  const nextMonday = 7 * day;

  it('answers isOpen and nextOpen', () => {
    expect(calendar.isOpen(540)).toBe(true);
    expect(calendar.isOpen(539.99)).toBe(false);
    expect(calendar.isOpen(1019.99)).toBe(true);
    expect(calendar.isOpen(1020)).toBe(false);
    expect(calendar.isOpen(5 * day + 600)).toBe(false); // Saturday
    expect(calendar.nextOpen(0)).toBe(540);
    expect(calendar.nextOpen(600)).toBe(600);
    expect(calendar.nextOpen(friday + 1020)).toBe(nextMonday + 540);
    expect(calendar.nextOpen(1e9)).toBe(Infinity); // beyond coverage
  });

  it('counts business minutes between two times', () => {
    expect(calendar.businessMinutesBetween(0, 7 * day)).toBe(5 * 480);
    expect(calendar.businessMinutesBetween(600, 660)).toBe(60);
    expect(calendar.businessMinutesBetween(1000, day + 560)).toBe(40);
    expect(calendar.businessMinutesBetween(friday + 960, nextMonday + 600)).toBe(120);
    expect(calendar.businessMinutesBetween(660, 600)).toBe(0);
  });

  it('adds business minutes, landing on closing time when reached exactly', () => {
    expect(calendar.addBusinessMinutes(friday + 960, 120)).toBe(nextMonday + 600);
    expect(calendar.addBusinessMinutes(friday + 960, 60)).toBe(friday + 1020);
    expect(calendar.addBusinessMinutes(5 * day + 600, 30)).toBe(nextMonday + 570);
    expect(calendar.addBusinessMinutes(5 * day + 600, 0)).toBe(5 * day + 600);
    expect(calendar.addBusinessMinutes(600, 1e9)).toBe(Infinity);
    expect(() => calendar.addBusinessMinutes(600, -1)).toThrow(RangeError);
  });

  it('agrees with brute force on random queries', () => {
    const rng = createStream(3, 0, 'business-calendar');
    const minuteOpen = (minute: number) => calendar.isOpen(minute + 0.5);
    let mismatches = 0;
    for (let query = 0; query < 300; query++) {
      const a = Math.floor(rng() * 13 * day);
      const b = a + Math.floor(rng() * 3 * day);
      let brute = 0;
      for (let minute = a; minute < b; minute++) if (minuteOpen(minute)) brute++;
      if (calendar.businessMinutesBetween(a, b) !== brute) mismatches++;
      const added = calendar.addBusinessMinutes(a, brute);
      if (brute > 0 && (calendar.businessMinutesBetween(a, added) !== brute || added > b)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('handles overnight shifts across the weekend', () => {
    const nights = new BusinessCalendar(table, [
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '22:00', end: '06:00' },
    ]);
    expect(nights.isOpen(day + 180)).toBe(true); // Tuesday 03:00 (Monday night)
    expect(nights.isOpen(5 * day + 180)).toBe(true); // Saturday 03:00 (Friday night)
    expect(nights.isOpen(6 * day + 180)).toBe(false); // Sunday 03:00
    expect(nights.isOpen(nextMonday + 180)).toBe(false); // Monday 03:00: no Sunday night shift
    expect(nights.businessMinutesBetween(0, 7 * day)).toBe(5 * 480);
  });

  it('is always open without windows', () => {
    const always = new BusinessCalendar(table, []);
    expect(always.alwaysOpen).toBe(true);
    expect(always.isOpen(12345.6)).toBe(true);
    expect(always.nextOpen(77)).toBe(77);
    expect(always.businessMinutesBetween(10, 100)).toBe(90);
    expect(always.addBusinessMinutes(10, 100)).toBe(110);
  });

  it('accepts an explicit coverage range', () => {
    const short = new BusinessCalendar(table, [{ days: ['mon'], start: '09:00', end: '17:00' }], 0, day);
    expect(short.openIntervals()).toEqual([[540, 1020]]);
    expect(short.nextOpen(1020)).toBe(Infinity);
  });
});
