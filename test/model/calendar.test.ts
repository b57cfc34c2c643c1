/**
 * Arrival patterns, incident surges and shifts, end to end through the model: what the
 * engine's calendars promise must show in the simulated event log.
 */
import { describe, expect, it } from 'vitest';
import type { LocalTimeTable } from '../../src/engine/local-time.js';
import { ArraySink, type TicketEvent } from '../../src/eventlog/types.js';
import { buildDesk } from '../../src/model/build.js';
import { simulate } from '../../src/model/simulate.js';
import { loadScenarioText } from '../../src/scenario/load.js';

function run(yaml: string, overrides: string[] = []): { events: TicketEvent[]; time: LocalTimeTable } {
  const { scenario } = loadScenarioText(yaml, 'test.yaml', { overrides });
  const model = buildDesk(scenario);
  const sink = new ArraySink();
  simulate(model, 1, sink);
  return { events: sink.events, time: model.time };
}

const desk = `
name: calendar-test
horizon: { days: 28 }
clock: { start: "2026-03-02T00:00:00", timezone: Europe/Rome,
         business_hours: [{ days: [mon, tue, wed, thu, fri], start: "09:00", end: "17:00" }] }
categories:
  how_to: { share: 0.8, complexity: standard }
  outage: { share: 0.2, complexity: standard }
complexity: { standard: { handle_time: { dist: exponential, mean: 5 } } }
tiers: [{ id: desk, agents: 20 }]
`;

describe('arrival patterns through the model', () => {
  it('business_hours: tickets arrive only while open, at rate_per_hour while open', () => {
    const { events, time } = run(desk, ['arrivals.pattern=business_hours', 'arrivals.rate_per_hour=30']);
    const created = events.filter((event) => event.type === 'created');
    for (const event of created) {
      const day = time.dayOfWeek(event.time);
      const minute = time.minuteOfDay(event.time);
      expect(day, 'weekday').toBeLessThan(5);
      expect(minute >= 9 * 60 && minute < 17 * 60, `local ${minute} min`).toBe(true);
    }
    // 4 weeks × 5 days × 8 h × 30/h = 4800; Poisson sd ≈ 69, so ±4 sd ≈ ±277. (The
    // Italian DST change on 29 March 2026 is a Sunday: opening hours are unaffected.)
    expect(Math.abs(created.length - 4800)).toBeLessThan(277);
  });

  it('profile: the weekly weights shape the volume (weekends quiet)', () => {
    const { events, time } = run(desk, [
      'arrivals.pattern=profile',
      'arrivals.rate_per_hour=10',
      'arrivals.weekly_profile=[1.5,1.5,1.5,1.5,1.5,0.25,0.25]',
    ]);
    const created = events.filter((event) => event.type === 'created');
    const weekend = created.filter((event) => time.dayOfWeek(event.time) >= 5).length;
    // Weights normalise to mean 1: weekdays 1.5×, weekend days 0.25× the 10/h average.
    // Weekend share = 2·0.25 / (5·1.5 + 2·0.25) = 0.5 / 8 = 0.0625 (n ≈ 6720, sd of share ≈ 0.003).
    expect(Math.abs(weekend / created.length - 0.0625)).toBeLessThan(0.012);
  });

  it('a surge with a category adds that category only, in its window', () => {
    const surge = [
      'arrivals.rate_per_hour=20',
      'arrivals.surges=[{ start: "2026-03-10T10:00:00", duration: 4h, multiplier: 4, category: outage }]',
    ];
    const { events, time } = run(desk, surge);
    const start = time.fromIso('2026-03-10T10:00:00');
    const inWindow = (event: TicketEvent) =>
      event.type === 'created' && event.time >= start && event.time < start + 240;
    const byCategory = (category: string) =>
      events.filter((event) => inWindow(event) && event.category === category).length;
    // 4 h at 20/h: 80 tickets as usual (64 how_to, 16 outage), plus (4 − 1) × 80 = 240 outage.
    expect(Math.abs(byCategory('outage') - 256)).toBeLessThan(4 * Math.sqrt(256));
    expect(Math.abs(byCategory('how_to') - 64)).toBeLessThan(4 * Math.sqrt(64));
    const before = events.filter(
      (event) =>
        event.type === 'created' && event.time >= start - 240 && event.time < start && event.category === 'outage',
    ).length;
    expect(before).toBeLessThan(16 + 4 * 4);
  });
});

describe('shifts through the model', () => {
  it('agents start work only while on duty, and tickets wait for the next shift', () => {
    const shifts = `${desk.replace('tiers: [{ id: desk, agents: 20 }]', '')}
tiers:
  - id: desk
    shifts:
      - { name: day, agents: 3, days: [mon, tue, wed, thu, fri], start: "08:00", end: "16:00" }
`;
    const { events, time } = run(shifts, ['arrivals.rate_per_hour=4']);
    const onDuty = new Map<string, boolean>();
    let overnightWaits = 0;
    for (const event of events) {
      if (event.type === 'shift_started') onDuty.set(event.agent!, true);
      if (event.type === 'shift_ended') onDuty.set(event.agent!, false);
      if (event.type === 'work_started') {
        expect(onDuty.get(event.agent!), `${event.agent} at ${time.toIso(event.time)}`).toBe(true);
        const minute = time.minuteOfDay(event.time);
        expect(time.dayOfWeek(event.time)).toBeLessThan(5);
        expect(minute >= 8 * 60 && minute < 16 * 60).toBe(true);
        if (minute === 8 * 60) overnightWaits++;
      }
    }
    expect(overnightWaits).toBeGreaterThan(0); // the morning shift picks up the night's tickets at 08:00
    const starts = events.filter((event) => event.type === 'shift_started').length;
    expect(starts).toBe(3 * 20); // 3 agents × 20 weekdays
  });
});

describe('priority discipline through the model', () => {
  // Within one queue. (Over all tiers urgent tickets wait longer on the baseline desk: they
  // are mostly bugs, which escalate to Tier 2's shorter weekday hours — composition, not
  // discipline.)
  it('in the Tier 1 queue, urgent tickets wait less than normal ones, normal less than low', async () => {
    const { loadScenarioFile } = await import('../../src/scenario/load.js');
    const { runReplication } = await import('../../src/experiment/run.js');
    const { scenario } = loadScenarioFile('scenarios/baseline.yaml', { overrides: ['replications=1'] });
    const { ledger } = runReplication(buildDesk(scenario), 1);
    const meanWait = (priority: string) => {
      const waits = ledger
        .measuredTickets()
        .filter((ticket) => ticket.priority === priority)
        .map((ticket) => ticket.visits[0]!)
        .filter((visit) => visit.assignedAt !== undefined)
        .map((visit) => visit.assignedAt! - visit.queuedAt);
      return waits.reduce((sum, wait) => sum + wait, 0) / waits.length;
    };
    expect(meanWait('urgent')).toBeLessThan(meanWait('normal'));
    expect(meanWait('normal')).toBeLessThan(meanWait('low'));
  });
});
