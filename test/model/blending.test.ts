/**
 * Call blending with a reservation threshold (mechanisms/blending.ts): the rule's boundaries,
 * read back from the event log of a small desk, and a queueing sanity check.
 */
import { describe, expect, it } from 'vitest';
import { ArraySink, type TicketEvent } from '../../src/eventlog/types.js';
import { buildDesk, type DeskModel } from '../../src/model/build.js';
import { simulate } from '../../src/model/simulate.js';
import { loadScenarioText } from '../../src/scenario/load.js';

// Email enters `desk` (one agent, who solves nothing and escalates all to `spec`); chat enters
// `live` (three agents, who solve everything). Live agents blend onto email, keeping one free.
const DESK = `
name: blending-desk
seed: 5
replications: 1
horizon: { days: 14, warmup_days: 1 }
arrivals: { rate_per_hour: 6 }
channels:
  email: { share: 0.5 }
  chat: { share: 0.5, response: on_pickup, patience: { dist: exponential, mean: 5m }, entry_tier: live }
complexity: { standard: { handle_time: { dist: lognormal, mean: 15m, sd: 8m } } }
tiers:
  - { id: desk, agents: 1, skill: 0, escalates_to: spec }
  - { id: spec, agents: 2 }
  - { id: live, agents: 3, blend: { from: desk, reserve: 1 } }
`;

function model(overrides: string[] = []): DeskModel {
  return buildDesk(loadScenarioText(DESK, 'blending-desk.yaml', { overrides }).scenario);
}

function run(desk: DeskModel, replication = 0): TicketEvent[] {
  const sink = new ArraySink();
  simulate(desk, replication, sink);
  return sink.events;
}

/** A desk without the `blend` section: the same scenario otherwise. */
function unblended(): DeskModel {
  const text = DESK.replace(', blend: { from: desk, reserve: 1 }', '');
  return buildDesk(loadScenarioText(text, 'blending-desk.yaml').scenario);
}

/**
 * Replays the log: live tickets waiting, desk tickets waiting, busy live agents. At each
 * blended take, and after every instant (all events at one time), calls back with the state.
 */
function replay(
  events: TicketEvent[],
  onBlend: (state: { liveWaiting: number; idleOthers: number; ticketTier: string }) => void,
  onInstant: (state: { liveWaiting: number; deskWaiting: number; idleLive: number }) => void,
): void {
  const waiting = new Map<string, Set<number | string>>([
    ['live', new Set()],
    ['desk', new Set()],
  ]);
  const queuedAt = new Map<number | string, string>();
  const busy = new Set<string>();
  events.forEach((event, index) => {
    const ticket = event.ticket!;
    if (event.type === 'queued') {
      queuedAt.set(ticket, event.tier!);
      waiting.get(event.tier!)?.add(ticket);
    }
    if (event.type === 'abandoned') waiting.get(event.tier!)?.delete(ticket);
    if (event.type === 'work_ended' && event.agent!.startsWith('live')) busy.delete(event.agent!);
    if (event.type === 'assigned') {
      waiting.get(queuedAt.get(ticket)!)?.delete(ticket);
      if (event.kind === 'blended') {
        onBlend({
          liveWaiting: waiting.get('live')!.size,
          idleOthers: 3 - 1 - busy.size,
          ticketTier: queuedAt.get(ticket)!,
        });
      }
      if (event.agent!.startsWith('live')) busy.add(event.agent!);
    }
    if (events[index + 1] === undefined || events[index + 1]!.time > event.time) {
      onInstant({
        liveWaiting: waiting.get('live')!.size,
        deskWaiting: waiting.get('desk')!.size,
        idleLive: 3 - busy.size,
      });
    }
  });
}

describe('call blending with a reservation threshold', () => {
  const events = run(model());

  it('live agents take email only with their own queue empty and the reserve left idle', () => {
    let blended = 0;
    replay(
      events,
      (state) => {
        blended++;
        expect(state.ticketTier).toBe('desk');
        expect(state.liveWaiting).toBe(0);
        expect(state.idleOthers).toBeGreaterThanOrEqual(1);
      },
      () => {},
    );
    expect(blended).toBeGreaterThan(50);
  });

  it('never leaves email waiting while more than the reserve of live agents sit idle', () => {
    let instants = 0;
    replay(
      events,
      () => {},
      (state) => {
        if (state.deskWaiting === 0 || state.liveWaiting > 0) return;
        instants++;
        expect(state.idleLive).toBeLessThanOrEqual(1);
      },
    );
    expect(instants).toBeGreaterThan(50);
  });

  it('works a blended ticket under its own tier’s rules and counts the time to the agent’s tier', () => {
    const blendedTickets = new Set(events.filter((event) => event.kind === 'blended').map((event) => event.ticket));
    // `desk` solves nothing: every email a live agent worked is escalated to spec, by that live agent.
    const outcomes = events.filter(
      (event) =>
        blendedTickets.has(event.ticket) &&
        event.agent?.startsWith('live') === true &&
        (event.type === 'escalated' || event.type === 'resolved'),
    );
    expect(outcomes.length).toBeGreaterThan(50);
    for (const outcome of outcomes) {
      expect(outcome.type).toBe('escalated');
      expect(outcome.tier).toBe('live');
      expect(outcome.value).toBe('spec');
    }
    // A live agent's own chats are solved (live's skill is 1 and it escalates nowhere).
    const chats = new Set(events.filter((event) => event.channel === 'chat').map((event) => event.ticket));
    expect(events.some((event) => event.type === 'escalated' && chats.has(event.ticket))).toBe(false);
  });

  it('is deterministic: the same seed gives the same log', () => {
    expect(run(model())).toEqual(events);
  });
});

describe('blending: queueing sanity', () => {
  it('with the whole team in reserve nobody blends: the log equals the desk without blending', () => {
    const everyone = model();
    everyone.tiers[2]!.blendReserve = 3;
    expect(run(everyone)).toEqual(run(unblended()));
  });

  it('email waits fall and chat abandonment rises a little', () => {
    const measure = (desk: DeskModel) => {
      let waits = 0;
      let waited = 0;
      let chats = 0;
      let abandoned = 0;
      for (let replication = 0; replication < 4; replication++) {
        const queuedAt = new Map<number | string, number>();
        for (const event of run(desk, replication)) {
          if (event.type === 'created' && event.channel === 'chat') chats++;
          if (event.type === 'abandoned') abandoned++;
          if (event.type === 'queued' && event.tier === 'desk') queuedAt.set(event.ticket!, event.time);
          if (event.type === 'assigned' && queuedAt.has(event.ticket!)) {
            waits += event.time - queuedAt.get(event.ticket!)!;
            waited++;
            queuedAt.delete(event.ticket!);
          }
        }
      }
      return { emailWait: waits / waited, abandonment: abandoned / chats };
    };
    const without = measure(unblended());
    const blended = measure(model());
    expect(blended.emailWait).toBeLessThan(without.emailWait / 2);
    expect(blended.abandonment).toBeGreaterThan(without.abandonment);
    expect(blended.abandonment).toBeLessThan(without.abandonment + 0.05);
  });
});
