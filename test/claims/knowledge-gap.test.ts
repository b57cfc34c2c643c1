/**
 * Claim 8: knowledge gaps → escalations and lower first-contact resolution, for a partial
 * gap (no articles for billing and integration) and for no knowledge base at all.
 * Mechanism: a knowledge-base hit raises the entry tier's chance to solve the ticket itself
 * (knowledge.solve_boost, src/model/mechanisms/knowledge.ts); fewer hits, more escalations.
 * With solve_boost at 0 the gap moves no escalation: the last test pins that.
 */
import { describe, expect, it } from 'vitest';
import { differenceTable } from '../../src/experiment/compare.js';
import { segmentDifference } from '../../src/experiment/segment-difference.js';
import { runAligned } from './support.js';

const SMALL = ['replications=6'];
const DETAIL = { detail: { dimensions: ['category' as const], kpis: ['escalation_rate', 'fcr_rate'] } };

describe('claim 8: knowledge gaps', () => {
  const [baseline, gap, none] = runAligned(
    ['baseline.yaml', 'claims/knowledge-gap.yaml', 'claims/knowledge-none.yaml'],
    SMALL,
    DETAIL,
  );

  it('a partial gap: where the articles are missing (billing), escalations rise and FCR falls', () => {
    const escalation = segmentDifference(baseline!, gap!, 'category', 'billing', 'escalation_rate');
    const fcr = segmentDifference(baseline!, gap!, 'category', 'billing', 'fcr_rate');
    expect(escalation.significant).toBe(true);
    expect(escalation.difference!).toBeGreaterThan(0);
    expect(fcr.significant).toBe(true);
    expect(fcr.difference!).toBeLessThan(0);
  });

  it('no knowledge base: desk-wide escalations rise and FCR falls', () => {
    const change = differenceTable(baseline!, none!).kpis;
    expect(change.escalation_rate!.significant).toBe(true);
    expect(change.escalation_rate!.difference!).toBeGreaterThan(0);
    expect(change.fcr_rate!.significant).toBe(true);
    expect(change.fcr_rate!.difference!).toBeLessThan(0);
  });

  it('when a hit does not help solving, the gap moves no escalation (the mechanism is the solve boost)', () => {
    const [flat, flatGap] = runAligned(
      ['baseline.yaml', 'claims/knowledge-gap.yaml'],
      ['replications=3', 'knowledge.solve_boost=0'],
      DETAIL,
    );
    const escalation = segmentDifference(flat!, flatGap!, 'category', 'billing', 'escalation_rate');
    expect(Math.abs(escalation.difference!)).toBeLessThan(0.005);
  });
});
