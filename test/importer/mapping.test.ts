/** The mapping format: shipped mappings load; bad ones are refused with located, pinned messages. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, loadMappingFile, parseMapping } from '../../src/importer/index.js';
import { root } from '../support/cli.js';

function problems(text: string): string {
  try {
    parseMapping(text, 'bad.yaml');
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw error;
  }
  throw new Error('expected the mapping to be refused');
}

const columns = 'columns: { ticket: id, time: when, activity: what }\n';

describe('mapping files', () => {
  const directory = join(root, 'scenarios', 'mappings');
  const files = readdirSync(directory).filter((name) => name.endsWith('.yaml'));
  it('are shipped', () => expect(files).toContain('helpdesk.yaml'));
  for (const file of files) {
    it(`${relative(root, join(directory, file))} loads`, () => {
      const mapping = loadMappingFile(join(directory, file));
      expect(Object.keys(mapping.activities).length).toBeGreaterThan(0);
    });
  }

  it('fills in defaults and reads a bare type as { type }', () => {
    const mapping = parseMapping(
      `${columns}activities: { Opened: created, Hold: { type: pending, kind: customer } }\n`,
      'ok.yaml',
    );
    expect(mapping).toEqual({
      format: 'csv',
      delimiter: ',',
      columns: { ticket: 'id', time: 'when', activity: 'what' },
      timestamps: { format: 'iso' },
      missing: ['', '?', 'NULL', 'N/A'],
      activities: { Opened: [{ type: 'created' }], Hold: [{ type: 'pending', kind: 'customer' }] },
      rows: 'events',
      outlier_times: 'drop',
      missing_created: 'synthesize',
      infer_reopened: false,
    });
  });

  it('refuses an unknown key with its line and a suggestion', () => {
    expect(problems(`${columns}activites:\n  Opened: created\n`)).toMatchInlineSnapshot(`
      "bad.yaml:1:1  activities
        required field "activities" is missing (expected a map (key: value))
      bad.yaml:2:1  activites
        unknown key "activites" — did you mean "activities"?"
    `);
    expect(
      problems(`columns: { ticket: id, time: when, activity: what, agnet: who }\nactivities: { Opened: created }\n`),
    ).toMatchInlineSnapshot(`
      "bad.yaml:1:52  columns.agnet
        unknown key "agnet" — did you mean "agent"?"
    `);
  });

  it('refuses an unknown event type with its line and a suggestion', () => {
    expect(
      problems(
        `${columns}activities:\n  Opened: created\n  Picked up: asigned\n  Parked: { type: pendng, kind: customer }\n`,
      ),
    ).toMatchInlineSnapshot(`
      "bad.yaml:4:14  activities.Picked up
        expected one of created, queued, assigned, work_started, work_ended, replied, customer_replied, pending, resumed, escalated, kb_consulted, resolved, reopened, closed, abandoned, survey_sent, survey_answered, ignore; found "asigned" — did you mean "assigned"?
      bad.yaml:5:19  activities.Parked.type
        expected one of created, queued, assigned, work_started, work_ended, replied, customer_replied, pending, resumed, escalated, kb_consulted, resolved, reopened, closed, abandoned, survey_sent, survey_answered, ignore; found "pendng" — did you mean "pending"?"
    `);
  });

  it('refuses YAML syntax errors, bad time zones and a missing file', () => {
    expect(problems(`${columns}activities: { Opened: created\n`)).toMatch(
      /^bad\.yaml:3:1\n {2}YAML syntax error: Flow map/,
    );
    expect(
      problems(`${columns}timestamps: { timezone: Europe/Rom }\nactivities: { Opened: created }\n`),
    ).toMatchInlineSnapshot(`
      "bad.yaml:2:25  timestamps.timezone
        must be an IANA time zone such as Europe/Rome or UTC, found "Europe/Rom""
    `);
    expect(() => loadMappingFile('/nonexistent/mapping.yaml', 'mapping.yaml')).toThrow(
      'cannot find the mapping file "mapping.yaml"',
    );
  });

  it('reads YAML through the shared located layer: a duplicate key is refused where it was written', () => {
    expect(
      problems(`${columns}activities: { Opened: created }\nactivities: { Closed: closed }\n`),
    ).toMatchInlineSnapshot(`
      "bad.yaml:3:1  activities
        duplicate key "activities" (already set on line 2)"
    `);
    expect(problems('')).toMatchInlineSnapshot(`
      "bad.yaml:1:1  columns
        required field "columns" is missing (expected a map (key: value))
      bad.yaml:1:1  activities
        required field "activities" is missing (expected a map (key: value))"
    `);
  });
});
