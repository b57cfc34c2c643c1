import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kpiTableMarkdown } from '../../src/metrics/kpi-table.js';
import { root } from '../support/cli.js';

describe('docs/kpis.md', () => {
  it('is the catalog, as generated (run `npm run docs:kpis` after changing a KPI)', () => {
    expect(readFileSync(join(root, 'docs', 'kpis.md'), 'utf8')).toBe(kpiTableMarkdown());
  });
});
