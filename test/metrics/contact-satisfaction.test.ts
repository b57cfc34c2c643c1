/**
 * The satisfaction factor per extra contact, estimated from a log (claim 6, docs/claims.md):
 * the regression on data whose answer is known, and the issue bookkeeping on a hand-built log.
 */
import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../src/eventlog/types.js';
import { contactSatisfaction, logLinearRegression } from '../../src/metrics/contact-satisfaction.js';

describe('log-linear regression', () => {
  it('recovers group shares exactly: 80 of 100 satisfied at one contact, 68 of 100 at two ⇒ factor 0.85', () => {
    // With an intercept and a 0/1 covariate the fit is saturated: exp(b0) = 0.80, exp(b0 + b1) = 0.68.
    const rows = [...Array.from({ length: 100 }, () => [1, 0]), ...Array.from({ length: 100 }, () => [1, 1])];
    const outcomes = [
      ...Array.from({ length: 100 }, (_, i) => (i < 80 ? 1 : 0)),
      ...Array.from({ length: 100 }, (_, i) => (i < 68 ? 1 : 0)),
    ];
    const [intercept, slope] = logLinearRegression(rows, outcomes);
    expect(Math.exp(intercept!)).toBeCloseTo(0.8, 6);
    expect(Math.exp(slope!)).toBeCloseTo(0.85, 6);
  });
});

describe('contactSatisfaction on a hand-built log', () => {
  /** A ticket created, answered after 10 min, resolved after 30, fixed, and judged. */
  function ticket(id: number, start: number, satisfied: boolean, issue?: number): TicketEvent[] {
    return [
      { ticket: id, time: start, type: 'created', channel: 'email', priority: 'normal' },
      ...(issue === undefined ? [] : [{ ticket: id, time: start, type: 'truth_issue' as const, value: issue }]),
      { ticket: id, time: start + 10, type: 'replied', kind: 'substantive' },
      { ticket: id, time: start + 30, type: 'resolved' },
      { ticket: id, time: start + 30, type: 'truth_fixed' },
      { ticket: id, time: start + 40, type: 'truth_satisfaction', value: { csat: satisfied ? 5 : 2, ces: 2, nps: 8 } },
    ];
  }

  it('joins repeat tickets to their issue and judges the issue by its last ticket', () => {
    // Issues of one contact: 8 of 10 satisfied. Issues of two (a first ticket, then a repeat
    // that names it in truth_issue): 6 of 10 satisfied after the repeat, whatever the first said.
    const log: TicketEvent[] = [];
    for (let i = 0; i < 10; i++) log.push(...ticket(i, i * 100, i < 8));
    for (let i = 0; i < 10; i++) {
      const first = 100 + 2 * i;
      log.push(...ticket(first, 5000 + i * 100, true), ...ticket(first + 1, 5050 + i * 100, i < 6, first));
    }
    log.sort((a, b) => a.time - b.time);
    const estimate = contactSatisfaction(log);
    expect(estimate.issues).toBe(20);
    expect(estimate.repeatedIssues).toBe(10);
    expect(estimate.factorPerExtraContact).toBeCloseTo(0.6 / 0.8, 6);
  });

  it('says when the log has no truth', () => {
    expect(() => contactSatisfaction([{ ticket: 1, time: 0, type: 'created' }])).toThrow(/simulated logs only/);
  });
});
