/** Terminal layout of the CLI's tables. Value formatting is shared with the report: `report/format.ts`. */
export { formatSummary, formatValue } from '../report/format.js';

/** A two-column table with aligned first column. */
export function table(rows: Array<[string, string]>): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n') + '\n';
}

/**
 * A minimal progress line, redrawn in place.
 * @deprecated Kept only for commands written before `progress.ts`; use `startProgress` (cli-progress).
 */
export function progressLine(label: string, done: number, total: number): string {
  const width = 24;
  const filled = Math.round((done / total) * width);
  return `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`;
}
