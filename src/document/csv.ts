/**
 * CSV writing (RFC 4180): comma-separated, CRLF-free, fields quoted when they need it.
 *
 * Text that a spreadsheet would run as a formula (OWASP "CSV injection": a cell beginning
 * with `=`, `+`, `-`, `@`, a tab or a carriage return, e.g. a ticket category exported from
 * a help desk as `=HYPERLINK(…)`) is written quoted with a single quote in front, so it is
 * shown as text. Numbers are never altered: a number, or text that is a plain number such
 * as `-3.5`, is written as it is.
 */

export type CsvValue = string | number | boolean | null | undefined;

/** Characters that make a field need quotes. */
const SPECIAL = /[",\n\r]/;

/** First characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A plain decimal number, which no spreadsheet runs as a formula. */
const PLAIN_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** One CSV field: quoted when it needs it, a formula-looking text made inert. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // A number or boolean never holds a comma, quote or line break: only text is tested.
  if (typeof value !== 'string') return String(value);
  if (FORMULA_START.test(value) && !PLAIN_NUMBER.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return SPECIAL.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Renders rows under a header; each row gives values in header order. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.join('\n') + '\n';
}
