/**
 * Every KPI id that code outside the catalog names — string literals, `kpis.<id>` look-ups,
 * object keys (the incentive table's rows) — is a KPI of the catalog. A finding or label
 * keyed on an id no KPI has (`resolved_share`, once) stays silently blank. Where ids are typed
 * (`KpiId`, `TierKpiId`) the compiler says so too; this scan covers the places that still
 * hold plain strings (report tables read from JSON, tests of the incentive table).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIFFERENCE_COLUMNS } from '../../src/experiment/compare.js';
import { SEGMENT_COLUMNS } from '../../src/experiment/detail.js';
import { PRESSURE_COLUMNS } from '../../src/experiment/pressure.js';
import { WARNING_CODES } from '../../src/experiment/warnings.js';
import { EVENT_TYPES } from '../../src/eventlog/types.js';
import { FRAMEWORK_COLUMNS } from '../../src/frameworks/report.js';
import { SCORING_RULES } from '../../src/frameworks/framework.js';
import { KPI_CATALOG, TIER_KPI_CATALOG } from '../../src/metrics/catalog.js';
import { GAMING_BEHAVIOURS } from '../../src/scenario/incentives.js';
import { root } from '../support/cli.js';

/**
 * Snake-case names that are not KPIs: column and field names, warning and error codes, event
 * types, gaming behaviours, scenario fields, an example tier id.
 */
const NOT_KPIS = new Set<string>([
  ...DIFFERENCE_COLUMNS,
  ...SEGMENT_COLUMNS,
  ...PRESSURE_COLUMNS,
  ...WARNING_CODES,
  ...EVENT_TYPES,
  ...GAMING_BEHAVIOURS,
  ...FRAMEWORK_COLUMNS,
  ...SCORING_RULES,
  // frameworks: designs, measures and score fields; scenario metric options they set
  'latin_hypercube',
  'rank_correlation',
  'score_change',
  'truth_change',
  'right_direction',
  'noise_sd',
  'smallest_detected',
  'truth_score',
  'fcr_window_days',
  'auto_reply_counts_as_response',
  'count_pending_time',
  // staffing and calibration columns
  'agent_hours',
  'simulated_mean',
  'interval_low',
  'interval_high',
  'invalid_value',
  'file_unreadable',
  'file_not_found',
  'bad_override',
  'service_desk',
  'relative_ci95',
  'replaced_incentives',
  // shard manifests (shard.json)
  'desksim_shard',
  'data_sha256',
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

/** Where KPI ids are named outside the catalog (the metric engine's ledger and columns name event types and fields). */
const SCANNED = ['src/report', 'src/experiment', 'src/frameworks', 'src/staffing', 'src/calibrate'];
const SCANNED_FILES = [
  'src/scenario/incentives.ts',
  'src/scenario/targets.ts',
  'src/metrics/daily.ts',
  'src/metrics/segments.ts',
  'src/metrics/kpi-key.ts',
  'src/api.ts',
];

describe('KPI ids named outside the catalog', () => {
  const catalog = new Set<string>([...KPI_CATALOG, ...TIER_KPI_CATALOG].map((kpi) => kpi.id));
  const files = [
    ...SCANNED.flatMap((directory) => sources(directory)),
    ...SCANNED_FILES.map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') })),
  ];

  it('finds the names it checks (the scan itself works)', () => {
    const all = files.flatMap(({ text }) => namesIn(text));
    expect(all).toContain('true_resolution_rate');
    expect(all).toContain('first_response_time_p50');
    // The incentive table's rows, as object keys.
    expect(all).toContain('tickets_per_agent_day');
    expect(namesIn("const x = kpis.resolved_share ?? values['resolution_rate'];")).toEqual(['resolution_rate', 'resolved_share']);
  });

  for (const { file, text } of files) {
    it(`${file} names only catalog KPIs`, () => {
      const unknown = [...new Set(namesIn(text))].filter((name) => !catalog.has(name) && !NOT_KPIS.has(name));
      expect(unknown).toEqual([]);
    });
  }
});
