/** Event values as typed attributes: flattening, and one type per attribute across the log. */
import { describe, expect, it } from 'vitest';
import { arraySource } from '../../src/export/source.js';
import { scanLog, valueAttributes, valueFromAttributes } from '../../src/export/attributes.js';

describe('export attributes', () => {
  it('flattens an object of primitives to value.<field> and reads it back; anything else becomes JSON text', () => {
    expect(valueAttributes({ csat: 4, ces: 2.5 })).toEqual([
      ['value.csat', 4],
      ['value.ces', 2.5],
    ]);
    expect(valueFromAttributes(new Map(valueAttributes({ csat: 4, ces: 2.5 })))).toEqual({ csat: 4, ces: 2.5 });
    expect(valueAttributes([1, 2])).toEqual([['value', '[1,2]']]);
    expect(valueAttributes(7)).toEqual([['value', 7]]);
    expect(valueAttributes(undefined)).toEqual([]);
  });

  it('gives an attribute one type across the log: int and float make float, anything with text makes string', () => {
    const scan = scanLog(
      arraySource(
        [
          { ticket: 1, time: 0, type: 'survey_answered', value: { csat: 4 } },
          { ticket: 2, time: 1, type: 'survey_answered', value: { csat: 3.5 } },
          { ticket: 3, time: 2, type: 'truth_issue', value: 1 },
          { ticket: 'A', time: 3, type: 'truth_issue', value: 'first' },
          { time: 4, type: 'shift_started', agent: 'ann', tier: 't1' },
        ],
        0,
      ),
    );
    expect(scan.attributes.get('survey_answered')!.get('value.csat')).toBe('float');
    expect(scan.attributes.get('truth_issue')!.get('value')).toBe('string');
    expect(scan.integerTickets).toBe(false);
    expect(scan.ticketless).toBe(1);
    expect([...scan.lastEventOfTicket]).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      ['A', 3],
    ]);
  });
});
