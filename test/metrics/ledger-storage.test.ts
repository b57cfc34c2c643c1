import { describe, expect, it } from 'vitest';
import { Ledger } from '../../src/metrics/ledger.js';

/**
 * The ledger's narrow columns (a byte a row for codes and counts, single precision for survey
 * answers, no id index while ids are rows + 1, a shared absent column for abandoned visits)
 * must read back exactly what was folded, including once a value needs the wide form.
 */
const window = { originEpochMs: 0, measureFrom: 0, measureTo: 10_000 };

describe('ledger storage', () => {
  it('widens a code column past 128 strings, keeping the codes already written', () => {
    const ledger = new Ledger(window);
    for (let ticket = 1; ticket <= 300; ticket++)
      ledger.emit({ time: ticket, type: 'created', ticket, category: `category-${ticket}`, channel: 'email' });
    expect(ledger.category).toBeInstanceOf(Int32Array);
    expect(ledger.channel).toBeInstanceOf(Int8Array);
    for (const row of [0, 127, 128, 299]) {
      expect(ledger.categories.value(ledger.category[row]!)).toBe(`category-${row + 1}`);
      expect(ledger.snapshot(row).category).toBe(`category-${row + 1}`);
    }
  });

  it('counts past 255 replies exactly', () => {
    const ledger = new Ledger(window);
    ledger.emit({ time: 0, type: 'created', ticket: 1 });
    ledger.emit({ time: 0, type: 'created', ticket: 2 });
    for (let reply = 0; reply < 300; reply++) ledger.emit({ time: 1 + reply, type: 'replied', ticket: 1 });
    ledger.emit({ time: 400, type: 'replied', ticket: 2 });
    expect(ledger.replies).toBeInstanceOf(Int32Array);
    expect(ledger.replies[0]).toBe(300);
    expect(ledger.replies[1]).toBe(1);
  });

  it('keeps survey answers exact: whole scores in single precision, others in double', () => {
    const ledger = new Ledger(window);
    for (let ticket = 1; ticket <= 3; ticket++) ledger.emit({ time: ticket, type: 'created', ticket });
    ledger.emit({ time: 5, type: 'survey_answered', ticket: 1, value: { csat: 5, ces: 2, nps: 10 } });
    expect(ledger.csat).toBeInstanceOf(Float32Array);
    ledger.emit({ time: 6, type: 'survey_answered', ticket: 2, value: { csat: 4.5, ces: 0.1, nps: -0 } });
    expect(ledger.csat).toBeInstanceOf(Float32Array);
    expect(ledger.ces).toBeInstanceOf(Float64Array);
    expect([ledger.csat[0], ledger.ces[0], ledger.nps[0]]).toEqual([5, 2, 10]);
    expect([ledger.csat[1], ledger.ces[1]]).toEqual([4.5, 0.1]);
    expect(Object.is(ledger.nps[1], -0)).toBe(true);
    expect([ledger.csat[2], ledger.ces[2], ledger.nps[2]]).toEqual([Number.NaN, Number.NaN, Number.NaN]);
  });

  it('finds rows by id before and after the first id that is not its row + 1', () => {
    const ledger = new Ledger(window);
    for (let ticket = 1; ticket <= 5; ticket++) ledger.emit({ time: ticket, type: 'created', ticket });
    expect([ledger.rowOf(1), ledger.rowOf(5), ledger.rowOf(6), ledger.rowOf(0), ledger.rowOf(2.5)]).toEqual([
      0, 4, -1, -1, -1,
    ]);
    ledger.emit({ time: 6, type: 'created', ticket: 'T-9' });
    ledger.emit({ time: 7, type: 'created', ticket: 42 });
    expect([ledger.rowOf(1), ledger.rowOf(5), ledger.rowOf('T-9'), ledger.rowOf(42), ledger.rowOf(6)]).toEqual([
      0, 4, 5, 6, -1,
    ]);
    ledger.emit({ time: 8, type: 'replied', ticket: 3 });
    expect(ledger.replies[2]).toBe(1);
    expect([ledger.ticketId(0), ledger.ticketId(5), ledger.ticketId(6)]).toEqual([1, 'T-9', 42]);
  });

  it('records abandoned visits, also when visits outgrow the ticket columns', () => {
    const ledger = new Ledger(window);
    ledger.emit({ time: 0, type: 'created', ticket: 1 });
    ledger.emit({ time: 0, type: 'queued', ticket: 1, tier: 'desk' });
    ledger.emit({ time: 1, type: 'assigned', ticket: 1, tier: 'desk', agent: 'a' });
    expect(Number.isNaN(ledger.visitAbandonedAt[0]!)).toBe(true);
    // Three thousand visits of one ticket: more rows than the ticket columns were given.
    for (let visit = 1; visit < 3000; visit++) ledger.emit({ time: visit, type: 'queued', ticket: 1, tier: 'desk' });
    ledger.emit({ time: 3000, type: 'abandoned', ticket: 1 });
    expect(ledger.visitCount).toBe(3000);
    expect(ledger.visitAbandonedAt[2999]).toBe(3000);
    expect(Number.isNaN(ledger.visitAbandonedAt[2998]!)).toBe(true);
    expect(ledger.snapshot(0).visits.at(-1)?.abandonedAt).toBe(3000);
    ledger.reset(window);
    ledger.emit({ time: 0, type: 'created', ticket: 1 });
    ledger.emit({ time: 0, type: 'queued', ticket: 1, tier: 'desk' });
    expect(Number.isNaN(ledger.visitAbandonedAt[0]!)).toBe(true);
    expect(ledger.visitAbandonedAt.length).toBeGreaterThanOrEqual(ledger.visitTicket.length);
  });
});
