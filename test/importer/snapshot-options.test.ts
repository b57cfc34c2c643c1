/**
 * Mapping options for logs of other shapes (issue 20 §4) not already shown by the
 * ServiceNow fixture: a custom missing list, a tier change as a plain transfer, the last
 * value of an attribute, an activity that is several events whose later one is dropped,
 * and unreadable counters.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, importLog, type ImportedLog } from '../../src/importer/index.js';
import { temporaryDirectory } from '../support/cli.js';

function importText(log: string, mapping: string): ImportedLog {
  const directory = temporaryDirectory();
  writeFileSync(join(directory, 'log.csv'), log);
  writeFileSync(join(directory, 'mapping.yaml'), mapping);
  return importLog(join(directory, 'log.csv'), {
    shownAs: 'log.csv',
    mappingFile: join(directory, 'mapping.yaml'),
    mappingShownAs: 'mapping.yaml',
  });
}

const header = 'id,when,state,who,group,priority,reassigned\n';
const columns =
  'columns: { ticket: id, time: when, activity: state, agent: who, tier: group, priority: priority, reassignment_count: reassigned }\n';

describe('snapshot options', () => {
  const log =
    header +
    'T1,2024-03-01T09:00:00Z,New,-,desk,P3,0\n' +
    'T1,2024-03-01T09:10:00Z,New,-,network,P2,1\n' +
    'T1,2024-03-01T09:40:00Z,Work,ann,network,P4,1\n' +
    'T1,2024-03-01T10:00:00Z,Done,ann,network,P4,1\n' +
    'T1,2024-03-01T11:00:00Z,Done,ann,network,P4,1\n';
  const mapping =
    `${columns}missing: ["-"]\nrows: snapshots\nchanges: { tier: queued }\nattributes: { priority: last }\n` +
    'activities: { New: queued, Work: assigned, Done: [resolved, closed] }\n';

  it('reads a custom missing token, a transfer without an escalation, the last priority', () => {
    const imported = importText(log, mapping);
    expect(
      imported.events.map(({ time, type, tier, agent }) => [time - 540, type, tier ?? null, agent ?? null]),
    ).toEqual([
      [0, 'created', null, null],
      [0, 'queued', 'desk', null],
      [10, 'assigned', null, null], // the desk's wait ends at the move
      [10, 'queued', 'network', null], // a transfer: no escalation
      [40, 'assigned', 'network', 'ann'],
      [60, 'resolved', 'network', 'ann'],
      [60, 'closed', 'network', 'ann'],
    ]);
    expect(imported.events[0]!.priority).toBe('P4');
    expect(imported.events.some((event) => event.agent === '-')).toBe(false);
    expect(imported.recordedTypes).not.toContain('escalated');
    expect(imported.report).toMatchObject({
      rows_read: 5,
      rows_kept: 3, // New 09:00, Work, Done 10:00
      rows_dropped: { repeated_state: 2 }, // New 09:10 (its group change still counts), Done 11:00
      extra_events: { kept: 1, dropped: 1 }, // the closes of the two Done rows: the second one's with its row
      synthesized: { created: 1, queued: 1, escalated: 0, assigned: 1 },
      queue_waits_ended: 1,
      counters: { reassignment_count: { tickets: 1, log: 1, desksim: 1 } },
    });
  });

  it('refuses a counter that is not a count, and a flag that is not one', () => {
    try {
      importText(`${header}T1,2024-03-01T09:00:00Z,New,ann,desk,P3,two\n`, `${columns}activities: { New: queued }\n`);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).message).toBe(
        'log.csv:2  reassigned\n  cannot read the count "two": expected a whole number 0, 1, 2…',
      );
    }
  });
});
