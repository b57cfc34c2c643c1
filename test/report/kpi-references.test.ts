/**
 * Every KPI id that the report and experiment code names — string literals, `kpis.<id>`
 * look-ups, the keys of the direction and label tables — is a KPI of the catalog. A finding
 * or label keyed on an id no KPI has (`resolved_share`, once) stays silently blank.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIFFERENCE_COLUMNS } from '../../src/experiment/compare.js';
import { SEGMENT_COLUMNS } from '../../src/experiment/detail.js';
import { PRESSURE_COLUMNS } from '../../src/experiment/pressure.js';
import { WARNING_CODES } from '../../src/experiment/warnings.js';
import { KPI_CATALOG, TIER_KPI_CATALOG } from '../../src/metrics/catalog.js';
import { root } from '../support/cli.js';

/** Snake-case names that are not KPIs: column and field names, warning and error codes, an example tier id. */
const NOT_KPIS = new Set<string>([
  ...DIFFERENCE_COLUMNS,
  ...SEGMENT_COLUMNS,
  ...PRESSURE_COLUMNS,
  ...WARNING_CODES,
  'invalid_value',
  'file_unreadable',
  'file_not_found',
  'bad_override',
  'service_desk',
  'relative_ci95',
  'replaced_incentives',
]);

function sources(directory: string): Array<{ file: string; text: string }> {
  return readdirSync(join(root, directory), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(directory, entry.name))
      : entry.name.endsWith('.ts')
        ? [{ file: join(directory, entry.name), text: readFileSync(join(root, directory, entry.name), 'utf8') }]
        : [],
  );
}

/** KPI-like names a source mentions: snake-case string literals, `kpis.<id>` and `values.<id>`, and object keys. */
function namesIn(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  const snake = '[a-z][a-z0-9]*(?:_[a-z0-9]+)+';
  const patterns = [new RegExp(`['\`"](${snake})['\`"]`, 'g'), new RegExp(`\\b(?:kpis|values)\\??\\.(${snake})\\b`, 'g'), new RegExp(`^\\s+(${snake}):`, 'gm')];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]!));
}

describe('KPI ids named in src/report and src/experiment', () => {
  const catalog = new Set([...KPI_CATALOG, ...TIER_KPI_CATALOG].map((kpi) => kpi.id));
  const files = [...sources('src/report'), ...sources('src/experiment')];

  it('finds the names it checks (the scan itself works)', () => {
    const all = files.flatMap(({ text }) => namesIn(text));
    expect(all).toContain('true_resolution_rate');
    expect(all).toContain('first_response_time_p50');
    expect(namesIn("const x = kpis.resolved_share ?? values['resolution_rate'];")).toEqual(['resolution_rate', 'resolved_share']);
  });

  for (const { file, text } of files) {
    it(`${file} names only catalog KPIs`, () => {
      const unknown = [...new Set(namesIn(text))].filter((name) => !catalog.has(name) && !NOT_KPIS.has(name));
      expect(unknown).toEqual([]);
    });
  }
});
