/**
 * How a target's standing is drawn in a report: one coloured cell, the same in a run's
 * targets table and in a comparison's scenario-by-KPI table.
 */
import type { TargetStatus } from '../experiment/targets.js';
import { escapeHtml } from './html.js';

/** Green meets, amber too close to call (or misses within the warning level), red misses. */
export const STATUS_COLORS = { green: '#1e8449', amber: '#d68910', red: '#c0392b' } as const;

/**
 * A cell with the standing in words, its colour and a dot (the words carry it without
 * colour), and under it `detailHtml` (already escaped) when given.
 */
export function standingCell(status: Pick<TargetStatus, 'status' | 'verdict'>, detailHtml?: string): string {
  const color = STATUS_COLORS[status.status];
  const detail = detailHtml === undefined ? '' : `<br>${detailHtml}`;
  return `<td><span style="color:${color};font-weight:600">● ${escapeHtml(status.verdict)}</span>${detail}</td>`;
}

/** The sentence that explains the colours, shared by every targets table. */
export const STANDING_LEGEND =
  "green when the 95 % interval's worse end meets the target, amber when it is too close to call " +
  '(or misses the target but meets the warning level), red when it misses.';
