/**
 * Text widths for charts laid out in Node. Without a canvas Vega guesses every character as
 * 0.8 em wide, so labels are cut short ("First response time, 90th percent…") and margins
 * are far too wide. Vega lets a caller supply the measure (vl-convert does the same): here,
 * Helvetica's advance widths from its Adobe font metrics. The table is fixed, so layouts
 * stay byte-identical across machines; browsers measure their own fonts when interactive.
 */
import * as vega from 'vega';

/** Helvetica advance widths (1/1000 em) for the printable ASCII characters 32..126. */
// prettier-ignore
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];

/** Widths of the few non-ASCII characters charts use (dashes, °, ×, −, …). */
const OTHER: Record<string, number> = {
  '–': 556,
  '—': 1000,
  '−': 584,
  '×': 584,
  '…': 1000,
  '·': 278,
  '≥': 549,
  '≤': 549,
  ' ': 278,
};

/** Width in em of a text in Helvetica (bold about 6 % wider). */
export function helveticaWidth(text: string, bold = false): number {
  let thousandths = 0;
  for (const character of text) {
    const code = character.charCodeAt(0);
    thousandths += code >= 32 && code <= 126 ? HELVETICA[code - 32]! : (OTHER[character] ?? 556);
  }
  return (thousandths / 1000) * (bold ? 1.06 : 1);
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  text?: unknown;
}

function itemWidth(item: TextItem, text?: unknown): number {
  const value = text === undefined || text === null ? (item.text ?? '') : text;
  const line = String(value).trim();
  const size = item.fontSize ?? 11;
  const weight = item.fontWeight;
  const bold = weight === 'bold' || (typeof weight === 'number' && weight >= 600);
  return size <= 0 || line === '' ? 0 : helveticaWidth(line, bold) * size;
}

/** Makes Vega measure text with Helvetica metrics (once per process). */
export function useHelveticaMetrics(): void {
  (vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics.width =
    itemWidth;
}
