/**
 * Overtime and turnover in the cost KPIs, on a hand-built log worked out by hand.
 *
 * Window 0..1000. Agent a1 (tier1, 60/h) works a shift 0..480, then an overtime stint
 * 480..540 (shift_ended, then shift_started kind overtime, at 480), and leaves at 600 (its
 * replacement costs 1,000, charged at the departure: the replacement is never hired inside
 * the window). Agent a2 (tier1) works 0..480 with no overtime. One ticket, created at 10.
 */
import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../src/eventlog/types.js';
import { computeKpisFromEvents } from '../../src/metrics/engine.js';

function log(): TicketEvent[] {
  return [
    { time: 0, type: 'shift_started', agent: 'a1', tier: 'tier1' },
    { time: 0, type: 'shift_started', agent: 'a2', tier: 'tier1' },
    { time: 10, type: 'created', ticket: 1 },
    { time: 10, type: 'queued', ticket: 1, tier: 'tier1' },
    { time: 480, type: 'shift_ended', agent: 'a1', tier: 'tier1' },
    { time: 480, type: 'shift_started', agent: 'a1', tier: 'tier1', kind: 'overtime' },
    { time: 480, type: 'shift_ended', agent: 'a2', tier: 'tier1' },
    { time: 540, type: 'shift_ended', agent: 'a1', tier: 'tier1', kind: 'overtime' },
    { time: 600, type: 'agent_left', agent: 'a1', tier: 'tier1' },
  ];
}

const window = { originEpochMs: 0, measureFrom: 0, measureTo: 1000 };
const costs = { hourlyByTier: { tier1: 60 }, perTicket: 0, fixedMonthly: 0, perHire: 1000, overtimePremium: 0.5 };

describe('overtime and turnover in the cost KPIs (hand-built log)', () => {
  const table = computeKpisFromEvents(
    log(),
    window,
    { serviceLevelThreshold: 60, reopenWindow: 100, fcrWindow: 100, costs },
    ['tier1'],
  );

  it('pays overtime at the premium and charges the replacement at the departure', () => {
    // On shift: a1 480 + 60, a2 480 = 1,020 min at 60/h = 1,020; the premium: 0.5 × 60 min at
    // 60/h = 30; one departure: 1,000 ⇒ 2,050 for one ticket.
    expect(table.values.total_cost).toBeCloseTo(2050, 9);
    expect(table.values.cost_per_ticket).toBeCloseTo(2050, 9);
    expect(table.values.agents_left).toBe(1);
    expect(table.values.agents_hired).toBe(0);
  });

  it('reports the overtime share of paid hours', () => {
    expect(table.values.overtime_share).toBeCloseTo(60 / 1020, 12);
  });

  it('an overtime stint cut short by the end of the window counts up to the end', () => {
    const cut = computeKpisFromEvents(
      log(),
      { originEpochMs: 0, measureFrom: 0, measureTo: 500 },
      { serviceLevelThreshold: 60, reopenWindow: 100, fcrWindow: 100, costs },
      ['tier1'],
    );
    // a1 480 + 20 of overtime, a2 480 ⇒ overtime 20 / 980; no departure before 500.
    expect(cut.values.overtime_share).toBeCloseTo(20 / 980, 12);
    expect(cut.values.total_cost).toBeCloseTo(980 + 0.5 * 20, 9);
  });
});
