/**
 * Channel opening hours with `outside_hours: turn_away` (mechanisms/channels.ts): a contact
 * arriving while its channel is closed creates no ticket; a `turned_away` event counts it,
 * and the `turned_away_rate` KPI is worked out by hand on a small log.
 */
import { describe, expect, it } from 'vitest';
import { ArraySink, type TicketEvent } from '../../src/eventlog/types.js';
import { computeKpisFromEvents } from '../../src/metrics/engine.js';
import { buildDesk } from '../../src/model/build.js';
import { simulate } from '../../src/model/simulate.js';
import { loadScenarioText } from '../../src/scenario/load.js';

// A phone line open weekdays 09:00–17:00 (UTC, from a Monday), and email always open.
const DESK = `
name: turn-away-desk
seed: 11
replications: 1
horizon: { days: 14, warmup_days: 0 }
clock: { start: "2026-01-05T00:00:00", timezone: UTC }
arrivals: { rate_per_hour: 4 }
channels:
  email: { share: 0.5 }
  phone:
    share: 0.5
    response: on_pickup
    hours: [ { days: [mon, tue, wed, thu, fri], start: "09:00", end: "17:00" } ]
    outside_hours: OUTSIDE
complexity: { standard: { handle_time: { dist: lognormal, mean: 10m, sd: 5m } } }
tiers:
  - { id: desk, agents: 3 }
`;

function log(outside: string): TicketEvent[] {
  const sink = new ArraySink();
  simulate(buildDesk(loadScenarioText(DESK.replace('OUTSIDE', outside), 'turn-away.yaml').scenario), 0, sink);
  return sink.events;
}

/** Minutes since the Monday start: is the phone line open then? */
function open(time: number): boolean {
  const day = Math.floor(time / 1440) % 7;
  const minute = time % 1440;
  return day < 5 && minute >= 9 * 60 && minute < 17 * 60;
}

describe('outside_hours: turn_away', () => {
  const events = log('turn_away');
  const turnedAway = events.filter((event) => event.type === 'turned_away');
  const created = events.filter((event) => event.type === 'created');

  it('creates no ticket for a call while the line is closed, and counts the contact', () => {
    expect(turnedAway.length).toBeGreaterThan(50);
    for (const event of turnedAway) {
      expect(event.ticket).toBeUndefined();
      expect(event.channel).toBe('phone');
      expect(event.kind).toBe('outside_hours');
      expect(open(event.time)).toBe(false);
    }
    const calls = created.filter((event) => event.channel === 'phone');
    expect(calls.length).toBeGreaterThan(50);
    expect(calls.every((event) => open(event.time))).toBe(true);
  });

  it('turns away exactly the contacts a callback would have taken in (the arrivals are the same)', () => {
    const callbacks = log('callback').filter((event) => event.type === 'created' && event.kind === 'callback');
    expect(callbacks.map((event) => event.time)).toEqual(turnedAway.map((event) => event.time));
  });

  it('shows in turned_away_rate: turned away / (turned away + tickets created)', () => {
    const window = { originEpochMs: 0, measureFrom: 0, measureTo: 14 * 1440 };
    const kpis = computeKpisFromEvents(events, window, { serviceLevelThreshold: 60, reopenWindow: 7 * 1440 });
    expect(kpis.values.turned_away_rate).toBeCloseTo(turnedAway.length / (turnedAway.length + created.length), 12);
    // A desk whose closed line calls back turns nobody away: the rate is 0, not unknown.
    const recorded = ['turned_away'] as const;
    const none = computeKpisFromEvents(
      log('callback'),
      window,
      { serviceLevelThreshold: 60, reopenWindow: 1 },
      [],
      recorded,
    );
    expect(none.values.turned_away_rate).toBe(0);
  });
});

describe('turned_away_rate on a hand-built log', () => {
  it('counts only the contacts inside the measured window', () => {
    // Window 100..1000. Tickets 1 and 2 created inside; contacts turned away at 50 (warm-up),
    // 200 and 900 (inside) and 1000 (after the window): 2 / (2 + 2) = 0.5.
    const events: TicketEvent[] = [
      { time: 50, type: 'turned_away', channel: 'phone', kind: 'outside_hours' },
      { time: 150, type: 'created', ticket: 1, channel: 'email' },
      { time: 200, type: 'turned_away', channel: 'phone', kind: 'outside_hours' },
      { time: 600, type: 'created', ticket: 2, channel: 'email' },
      { time: 900, type: 'turned_away', channel: 'phone', kind: 'outside_hours' },
      { time: 1000, type: 'turned_away', channel: 'phone', kind: 'outside_hours' },
    ];
    const kpis = computeKpisFromEvents(
      events,
      { originEpochMs: 0, measureFrom: 100, measureTo: 1000 },
      {
        serviceLevelThreshold: 60,
        reopenWindow: 100,
      },
    );
    expect(kpis.values.turned_away_rate).toBe(0.5);
  });
});
