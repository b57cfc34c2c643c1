import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../src/eventlog/types.js';
import { computeKpisFromEvents } from '../../src/metrics/engine.js';

/**
 * A hand-built log with an automation tier `bot` before `tier1` (and `tier2`). Window 0..1000.
 *
 *   t1: the bot answers and resolves it at 14, really fixed (truth_fixed at 14): contained, fixed.
 *   t2: the bot resolves it at 24, not fixed; the customer reopens at 200, a1 fixes it at 230:
 *       contained, a hidden failure (its truth_fixed comes after the next visit, at 200).
 *   t3: the bot hands it off at 34 (escalated, kind handoff), a1 fixes it 40..60: not contained.
 *   t4: never meets the bot: tier1 escalates it at 80, tier2 fixes it at 120.
 *   t5: the bot resolves it at 304, not fixed; the customer opens t6 about it (truth_issue 5).
 *   t6: the bot hands it off at 504, a1 fixes it 510..530.
 *   t7: created at 900, still talking to the bot at the end.
 */
function automationLog(): TicketEvent[] {
  const events: TicketEvent[] = [];
  const add = (time: number, type: TicketEvent['type'], fields: Partial<TicketEvent> = {}) =>
    events.push({ time, type, ...fields });
  const ticket = (id: number, time: number, type: TicketEvent['type'], fields: Partial<TicketEvent> = {}) =>
    add(time, type, { ticket: id, ...fields });
  const bot = (id: number, at: number) => {
    ticket(id, at, 'created', { channel: 'chat', customer: `c${id}` });
    ticket(id, at, 'queued', { tier: 'bot' });
    ticket(id, at, 'assigned', { tier: 'bot' });
    ticket(id, at + 0.25, 'replied', { tier: 'bot', kind: 'substantive' });
  };
  const human = (id: number, agent: string, tier: string, start: number, end: number, fixed: boolean) => {
    ticket(id, start, 'assigned', { agent, tier });
    ticket(id, start, 'work_started', { agent, tier });
    ticket(id, end, 'work_ended', { agent, tier });
    ticket(id, end, 'resolved', { agent, tier });
    if (fixed) ticket(id, end, 'truth_fixed', { tier });
  };
  add(0, 'shift_started', { agent: 'a1', tier: 'tier1' });
  add(0, 'shift_started', { agent: 'a2', tier: 'tier2' });

  bot(1, 10);
  ticket(1, 14, 'resolved', { tier: 'bot' });
  ticket(1, 14, 'truth_fixed', { tier: 'bot' });

  bot(2, 20);
  ticket(2, 24, 'resolved', { tier: 'bot' });
  ticket(2, 200, 'reopened');
  ticket(2, 200, 'queued', { tier: 'tier1' });
  human(2, 'a1', 'tier1', 200, 230, true);

  bot(3, 30);
  ticket(3, 34, 'escalated', { tier: 'bot', kind: 'handoff', value: 'tier1' });
  ticket(3, 34, 'queued', { tier: 'tier1' });
  human(3, 'a1', 'tier1', 40, 60, true);

  ticket(4, 40, 'created', { channel: 'phone', customer: 'c4' });
  ticket(4, 40, 'queued', { tier: 'tier1' });
  ticket(4, 60, 'assigned', { agent: 'a1', tier: 'tier1' });
  ticket(4, 60, 'work_started', { agent: 'a1', tier: 'tier1' });
  ticket(4, 80, 'work_ended', { agent: 'a1', tier: 'tier1' });
  ticket(4, 80, 'escalated', { agent: 'a1', tier: 'tier1', value: 'tier2' });
  ticket(4, 80, 'queued', { tier: 'tier2' });
  human(4, 'a2', 'tier2', 100, 120, true);

  bot(5, 300);
  ticket(5, 304, 'resolved', { tier: 'bot' });

  bot(6, 500);
  ticket(6, 500, 'truth_issue', { value: 5 });
  ticket(6, 504, 'escalated', { tier: 'bot', kind: 'handoff', value: 'tier1' });
  ticket(6, 504, 'queued', { tier: 'tier1' });
  human(6, 'a1', 'tier1', 510, 530, true);

  bot(7, 900);
  return events;
}

const window = { originEpochMs: 0, measureFrom: 0, measureTo: 1000 };
// Agents cost nothing here, tickets nothing: only the bot's 0.5 per conversation.
const costs = {
  hourlyByTier: { tier1: 0, tier2: 0 },
  perTicket: 0,
  fixedMonthly: 0,
  perConversationByTier: { bot: 0.5 },
};
const table = computeKpisFromEvents(automationLog(), window, {
  serviceLevelThreshold: 25,
  reopenWindow: 500,
  costs,
  automationTiers: ['bot'],
});

describe('automation KPIs on a hand-built log', () => {
  it('counts what the bot took, contained and really fixed', () => {
    // Took t1, t2, t3, t5, t6, t7 of the seven tickets.
    expect(table.values.automation_coverage).toBeCloseTo(6 / 7, 12);
    // Contained (resolved before any other visit): t1, t2, t5 of the six.
    expect(table.values.automation_containment_rate).toBeCloseTo(3 / 6, 12);
    // Really fixed before any other visit: t1 only, of the six it took.
    expect(table.values.automation_true_fix_rate).toBeCloseTo(1 / 6, 12);
    // Of the three it contained, t2 and t5 were not really fixed.
    expect(table.values.automation_hidden_failure_share).toBeCloseTo(2 / 3, 12);
  });

  it('counts handoffs and contacts per issue with and without the bot', () => {
    // Escalated events: t3 (handoff), t4 (escalation), t6 (handoff) over seven tickets.
    expect(table.values.handoffs_per_ticket).toBeCloseTo(3 / 7, 12);
    // Issues the bot took part in: t1 (1 contact), t2 (1 + 1 reopen), t3 (1), issue 5 = t5 + t6
    // (2), t7 (1) ⇒ 7 contacts over 5 issues. Without: t4 (1 contact) ⇒ 1.
    expect(table.values.contacts_per_issue_automated).toBeCloseTo(7 / 5, 12);
    expect(table.values.contacts_per_issue_not_automated).toBeCloseTo(1, 12);
    // Every contact over every issue: 8 over 6 (the catalog's own KPI, for comparison).
    expect(table.values.contacts_per_issue).toBeCloseTo(8 / 6, 12);
  });

  it('charges each conversation at the bot’s price', () => {
    // Six conversations × 0.5; agents at 0 an hour, no per-ticket or fixed cost.
    expect(table.values.total_cost).toBeCloseTo(3, 12);
    expect(table.values.cost_per_ticket).toBeCloseTo(3 / 7, 12);
    // Six issues (t5 and t6 are one): the repeat ticket lowers the cost per ticket, not per issue.
    expect(table.values.cost_per_issue).toBeCloseTo(3 / 6, 12);
  });

  it('treats the bot as a tier of its own in per-tier KPIs', () => {
    expect(table.tiers.bot?.tickets_queued).toBe(6);
    expect(table.tiers.bot?.queue_wait_mean).toBe(0);
  });

  it('reports null without automation tiers in the options (a log does not say which tier is a bot)', () => {
    const plain = computeKpisFromEvents(automationLog(), window, { serviceLevelThreshold: 25, reopenWindow: 500 });
    expect(plain.values.automation_coverage).toBeNull();
    expect(plain.values.automation_containment_rate).toBeNull();
    expect(plain.values.contacts_per_issue_automated).toBeNull();
    expect(plain.values.handoffs_per_ticket).toBeCloseTo(3 / 7, 12);
  });
});
