/** CSV writing (RFC 4180): comma-separated, CRLF-free, fields quoted when they need it. */

export type CsvValue = string | number | boolean | null | undefined;

/** Characters that make a field need quotes. */
const SPECIAL = /[",\n\r]/;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // A number or boolean never holds a comma, quote or line break: only text is tested.
  if (typeof value !== 'string') return String(value);
  return SPECIAL.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Renders rows under a header; each row gives values in header order. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  const lines = [header.map(field).join(',')];
  for (const row of rows) lines.push(row.map(field).join(','));
  return lines.join('\n') + '\n';
}
