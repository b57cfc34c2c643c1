/**
 * Live channels with opening hours and their own team (issue 15, part 3), and the status reply
 * when a ticket goes to engineering (part 4), on small runs of the shipped baseline.
 */
import { describe, expect, it } from 'vitest';
import { ArraySink, type TicketEvent } from '../../src/eventlog/types.js';
import { buildDesk } from '../../src/model/build.js';
import { simulate } from '../../src/model/simulate.js';
import { loadScenarioFile } from '../../src/scenario/load.js';

function baselineEvents(overrides: string[] = [], replication = 0): TicketEvent[] {
  const scenario = loadScenarioFile('scenarios/baseline.yaml', {
    overrides: ['replications=1', 'horizon.days=28', 'horizon.warmup_days=7', ...overrides],
  }).scenario;
  const sink = new ArraySink();
  simulate(buildDesk(scenario), replication, sink);
  return sink.events;
}

/** Tickets created after the warm-up, with what happened to them. */
function ticketsOf(events: TicketEvent[]) {
  const tickets = new Map<number | string, { created: TicketEvent; abandoned: boolean; firstReply: number; engineeringAt: number }>();
  for (const event of events) {
    if (event.ticket === undefined) continue;
    if (event.type === 'created' && event.time >= 7 * 1440) {
      tickets.set(event.ticket, { created: event, abandoned: false, firstReply: Number.NaN, engineeringAt: Number.NaN });
    }
    const ticket = tickets.get(event.ticket);
    if (ticket === undefined) continue;
    if (event.type === 'abandoned') ticket.abandoned = true;
    if (event.type === 'replied' && event.kind !== 'auto' && Number.isNaN(ticket.firstReply)) ticket.firstReply = event.time;
    if (event.type === 'pending' && event.kind === 'engineering' && Number.isNaN(ticket.engineeringAt)) ticket.engineeringAt = event.time;
  }
  return [...tickets.values()];
}

describe('live channels: opening hours and a live team', () => {
  const tickets = ticketsOf(baselineEvents());

  it('baseline abandonment on each live channel lies in the industry range of 3–12 %', () => {
    for (const channel of ['chat', 'phone']) {
      const live = tickets.filter((ticket) => ticket.created.channel === channel && ticket.created.kind !== 'callback');
      const share = live.filter((ticket) => ticket.abandoned).length / live.length;
      expect(live.length, channel).toBeGreaterThan(100);
      expect(share, `${channel} abandonment`).toBeGreaterThanOrEqual(0.03);
      expect(share, `${channel} abandonment`).toBeLessThanOrEqual(0.12);
    }
  });

  it('outside opening hours a call becomes a callback that never abandons, a chat becomes an email', () => {
    const callbacks = tickets.filter((ticket) => ticket.created.kind === 'callback');
    const redirected = tickets.filter((ticket) => ticket.created.kind === 'redirected');
    expect(callbacks.length).toBeGreaterThan(10);
    expect(callbacks.every((ticket) => ticket.created.channel === 'phone' && !ticket.abandoned)).toBe(true);
    expect(redirected.length).toBeGreaterThan(30);
    expect(redirected.every((ticket) => ticket.created.channel === 'email')).toBe(true);
  });

  it('urgent tickets get a faster first response than normal ones', () => {
    const meanFirstResponse = (priority: string) => {
      const answered = tickets.filter((ticket) => ticket.created.priority === priority && !Number.isNaN(ticket.firstReply));
      return answered.reduce((sum, ticket) => sum + ticket.firstReply - ticket.created.time, 0) / answered.length;
    };
    expect(meanFirstResponse('urgent')).toBeLessThan(meanFirstResponse('normal'));
  });
});

describe('engineering status reply', () => {
  it('filing a ticket with engineering answers its customer at once (configurable)', () => {
    const filed = ticketsOf(baselineEvents()).filter((ticket) => !Number.isNaN(ticket.engineeringAt));
    expect(filed.length).toBeGreaterThan(50);
    expect(filed.every((ticket) => ticket.firstReply <= ticket.engineeringAt)).toBe(true);
    const silent = ticketsOf(baselineEvents(['engineering.status_reply=false'])).filter(
      (ticket) => !Number.isNaN(ticket.engineeringAt) && ticket.created.channel === 'email',
    );
    expect(silent.some((ticket) => !(ticket.firstReply <= ticket.engineeringAt))).toBe(true);
  });
});
