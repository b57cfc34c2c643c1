/** The replay recorder on a hand-written event stream: every wait, and each ticket's fate in truth. */
import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../src/eventlog/types.js';
import { FATE, queueSeries, ReplayRecorder, waitingAt } from '../../page/replay-recorder.js';

const events: TicketEvent[] = [
  // Ticket 1: waits at tier1 10..20, escalated, waits at tier2 30..50, really fixed.
  { time: 10, type: 'queued', ticket: 1, tier: 'tier1' },
  { time: 20, type: 'assigned', ticket: 1, tier: 'tier1', agent: 'a' },
  { time: 30, type: 'queued', ticket: 1, tier: 'tier2' },
  { time: 50, type: 'assigned', ticket: 1, tier: 'tier2', agent: 'b' },
  { time: 60, type: 'resolved', ticket: 1 },
  { time: 60, type: 'truth_fixed', ticket: 1 },
  // Ticket 2: waits at tier1 15..25, resolved but not fixed.
  { time: 15, type: 'queued', ticket: 2, tier: 'tier1' },
  { time: 25, type: 'assigned', ticket: 2, tier: 'tier1', agent: 'a' },
  { time: 40, type: 'resolved', ticket: 2 },
  // Ticket 3: gives up after waiting 5..35 at tier1.
  { time: 5, type: 'queued', ticket: 3, tier: 'tier1' },
  { time: 35, type: 'abandoned', ticket: 3, tier: 'tier1' },
  // Ticket 4: still waiting at tier2 when the run ends at 100.
  { time: 70, type: 'queued', ticket: 4, tier: 'tier2' },
  // An agent's record and an unknown tier are ignored.
  { time: 0, type: 'shift_started', agent: 'a', tier: 'tier1' },
  { time: 80, type: 'queued', ticket: 5, tier: 'nowhere' },
];

function replay() {
  const recorder = new ReplayRecorder(['tier1', 'tier2']);
  for (const event of events) recorder.emit(event);
  return recorder.finish(100, 0, Date.UTC(2026, 0, 5), 'UTC');
}

describe('replay recorder', () => {
  it('keeps every wait, sorted by start, with its tier and the ticket’s fate', () => {
    const result = replay();
    expect(result.start).toEqual([5, 10, 15, 30, 70]);
    expect(result.end).toEqual([35, 20, 25, 50, 100]);
    expect(result.tier).toEqual([0, 0, 0, 1, 1]);
    expect(result.fate).toEqual([FATE.notFixed, FATE.fixed, FATE.notFixed, FATE.fixed, FATE.open]);
  });

  it('answers who waits when, and the queue length over time', () => {
    const result = replay();
    // At minute 17: tickets 3 (since 5), 1 (since 10) and 2 (since 15) wait at tier1; none at tier2.
    expect(waitingAt(result, 17)).toEqual([[0, 1, 2], []]);
    // At minute 40: only ticket 1 at tier2; at 90 ticket 4.
    expect(waitingAt(result, 40)).toEqual([[], [3]]);
    expect(waitingAt(result, 90)).toEqual([[], [4]]);
    // Instants 0, 10, ..., 100; a wait counts at the instants in [start, end): tier1 at 10 has
    // tickets 3 and 1, at 20 tickets 3 and 2 (1 was taken at 20), at 30 ticket 3 alone.
    expect(queueSeries(result, 10)).toEqual([
      [0, 2, 2, 1, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 1, 1, 0, 0, 1, 1, 1, 0],
    ]);
  });
});
