import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultedFields } from '../../src/scenario/default-fields.js';
import { DEFAULT_SOURCES, defaultSourceProblems, defaultsTableMarkdown } from '../../src/scenario/default-sources.js';
import { root } from '../support/cli.js';

describe('the sources of the scenario defaults', () => {
  it('gives every default of the JSON Schema a source, and no source to a field without a default', () => {
    expect(defaultSourceProblems()).toEqual([]);
  });

  it('finds the defaults the input schema leaves out (durations) and shows them as durations', () => {
    const fields = new Map(defaultedFields().map((field) => [field.path, field.value]));
    expect(fields.get('customers.silent_close_after')).toBe('5d');
    expect(fields.get('customers.reply_delay')).toBe('{ dist: lognormal, mean: 4h, sd: 6h }');
    expect(fields.get('customers.satisfaction.per_extra_contact')).toBe('0.15');
    // A section's `{}` is not a default of its own: its fields are listed instead.
    expect(fields.has('customers')).toBe(false);
    expect(fields.get('sla.targets')).toBe('{}');
  });

  it('names the default that lost its source', () => {
    const { 'customers.silence': _removed, ...rest } = DEFAULT_SOURCES;
    expect(defaultSourceProblems(rest)).toEqual([
      'customers.silence (default 0.05) has no source: add it to src/scenario/default-sources-*.ts',
    ]);
  });

  it('names a source whose field is gone or has no default', () => {
    const sources = { ...DEFAULT_SOURCES, 'customers.gone': { source: 'assumption', why: 'x' } } as const;
    expect(defaultSourceProblems(sources)).toEqual([
      'customers.gone has a source but the scenario has no default there',
    ]);
    const withoutDefault = { ...DEFAULT_SOURCES, name: { source: 'assumption', why: 'x' } } as const;
    expect(defaultSourceProblems(withoutDefault)).toEqual(['name has a source but the scenario has no default there']);
  });

  it('is docs/defaults.md, as generated (run `npm run docs:defaults` after changing a default)', () => {
    expect(readFileSync(join(root, 'docs', 'defaults.md'), 'utf8')).toBe(defaultsTableMarkdown());
  });
});
