/** Terminal layout of the CLI's tables. Value formatting is shared with the report: `report/format.ts`. */
import { join } from 'node:path';

/** A two-column table with aligned first column. */
export function table(rows: Array<[string, string]>): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n') + '\n';
}

/** The line that points to a command's report.html. */
export function reportLine(directory: string): string {
  return `Charts and findings: ${join(directory, 'report.html')}\n`;
}
