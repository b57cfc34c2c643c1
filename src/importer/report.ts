/**
 * The import report: every row of the file accounted for, every event made up counted, and
 * the warnings a person should read before trusting the KPIs — as JSON
 * (`import-report.json`) and in a few lines for the terminal.
 */
import type { RawLog } from './read.js';

/** Rows not used, by reason. rows_read = rows_kept + the sum of these. */
export interface DroppedRows {
  /** Copies of an earlier row: the same values, however quoted or however its time was written. */
  duplicate: number;
  /** Rows whose time lies far outside the bulk of the log's times (`outlier_times: drop`). */
  outlier_time: number;
  /** Rows whose activity the mapping maps to ignore. */
  ignored: number;
  /** A `created` after the ticket's first event, or any when the creation comes from its own column. */
  repeated_created: number;
  /** A `closed` followed by a later `closed` of the same ticket: only the final close is kept. */
  repeated_closed: number;
  /** A `queued` while the ticket already waited in that tier's queue. */
  requeued_while_waiting: number;
  /** Snapshot rows (`rows: snapshots`) whose state is the ticket's previous state: no new event. */
  repeated_state: number;
}

/** Events made up by cleaning, by what made them. */
export interface SynthesizedEvents {
  /** A creation at the first event of a ticket that had none. */
  created: number;
  /** A creation at the time of the export's creation column (`columns.created`). */
  created_from_column: number;
  /** A reopen inferred: taken again after a resolution, or worked again after a close. */
  reopened: number;
  /** A wait on the customer ended by an activity with `ends_pending`. */
  resumed: number;
  /** Queue entries read from a change of the tier column (`changes.tier`). */
  queued: number;
  /** Escalations read from a change of the tier column (`changes.tier: escalated`). */
  escalated: number;
  /** Assignments read from a change of the agent column (`changes.agent`), or ending a queue wait never ended. */
  assigned: number;
}

/** The export's own counter (or flag) beside desksim's computation of the same thing, over the tickets that have it. */
export interface CounterComparison {
  /** Tickets whose rows carry the counter. */
  tickets: number;
  /** The counter's last value per ticket, summed (for a flag: tickets with it true). */
  log: number;
  /** desksim's count over the same tickets (null for a flag: SLA compliance needs targets, see the metrics output). */
  desksim: number | null;
}

/** What cleaning did: every row of the file accounted for. */
export interface ImportReport {
  /** The log file, as given. */
  file: string;
  /** ndjson / csv (the event-log forms) or mapped-csv / mapped-ndjson (an export read through a mapping). */
  form: RawLog['form'];
  /** The mapping file, for mapped logs. */
  mapping: string | null;
  /** Data rows in the file (header and blank lines not counted). */
  rows_read: number;
  /** Rows that became events (their first event, for an activity mapped to several). */
  rows_kept: number;
  /** Rows not used, by reason. */
  rows_dropped: DroppedRows;
  /** Ignored rows per activity value. */
  ignored_by_activity: Record<string, number>;
  /** Second and later events of rows whose activity maps to several: kept, or dropped by a rule above. */
  extra_events: { kept: number; dropped: number };
  /** Events made up by the cleaning rules. events = rows_kept + extra_events.kept + the sum of these. */
  synthesized: SynthesizedEvents;
  /**
   * Queue waits that never ended, ended at the ticket's next work, resolution or move (one
   * `assigned` each, in `synthesized.assigned`).
   */
  queue_waits_ended: number;
  /** Times a ticket was worked again after a close (each is a reopen, inferred or not). */
  reopens_after_close: number;
  /** Events of the cleaned log: rows_kept + extra_events.kept + synthesized. */
  events: number;
  /** Events of the cleaned log per type (synthesized ones included). */
  events_by_type: Record<string, number>;
  /** Rows per activity value and the event type(s) each became (mapped logs). */
  activities: Record<string, { rows: number; type: string }> | null;
  /** Tickets in the cleaned log. */
  tickets: number;
  /** Tickets whose every row was ignored or a duplicate, so they are not in the log. */
  tickets_without_events: number;
  /** Tickets whose rows were not in time order in the file (sorted). */
  tickets_out_of_order: number;
  /** Tickets whose first event was not `created` (one synthesized at their first event). */
  tickets_without_created: number;
  /** Tickets with more than one `closed`. */
  tickets_closed_repeatedly: number;
  /** The export's own counters and flags beside desksim's (mapped columns only; null without any). */
  counters: Partial<Record<'reassignment_count' | 'reopen_count' | 'made_sla', CounterComparison>> | null;
  /** Things to read before trusting the KPIs: outlier times, an encoding problem, a plain `replied`… */
  warnings: string[];
  /**
   * The measured window: from the earliest event to the last one. (The engine measures up to
   * the end of the last event's millisecond, so a ticket created at the very end counts.)
   */
  window: { start: string; end: string; minutes: number };
}

const plural = (count: number, word: string) =>
  `${count} ${count === 1 ? word : word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`}`;

/** The report in a few lines for a person: counts, every odd thing found, then the warnings. */
export function renderImportReport(report: ImportReport): string {
  const { rows_dropped: dropped, synthesized } = report;
  const lines = [
    `Imported ${report.file}${report.mapping === null ? '' : ` with ${report.mapping}`}: ` +
      `${plural(report.rows_read, 'row')} → ` +
      `${plural(report.events, 'event')}, ${plural(report.tickets, 'ticket')}, ${report.window.start} – ` +
      `${report.window.end}`,
  ];
  const odd: string[] = [];
  if (dropped.duplicate > 0)
    odd.push(`${plural(dropped.duplicate, 'duplicate row')} dropped (the same values as an earlier row)`);
  if (dropped.outlier_time > 0)
    odd.push(`${plural(dropped.outlier_time, 'row')} with a time far outside the log dropped (see the warning)`);
  if (dropped.ignored > 0) {
    const which = Object.entries(report.ignored_by_activity)
      .map(([activity, count]) => `${JSON.stringify(activity)} ${count}`)
      .join(', ');
    odd.push(`${plural(dropped.ignored, 'row')} of ignored activities dropped (${which})`);
  }
  if (dropped.repeated_state > 0)
    odd.push(`${plural(dropped.repeated_state, 'snapshot row')} repeated the ticket's state: no new event`);
  if (report.tickets_out_of_order > 0)
    odd.push(`${plural(report.tickets_out_of_order, 'ticket')} had rows out of time order (sorted)`);
  if (report.tickets_without_created > 0) {
    odd.push(
      `${plural(report.tickets_without_created, 'ticket')} did not start with a creation: created synthesized ` +
        `at their first event`,
    );
  }
  if (synthesized.created_from_column > 0)
    odd.push(`${plural(synthesized.created_from_column, 'creation')} taken from the creation column`);
  if (dropped.repeated_created > 0)
    odd.push(`${plural(dropped.repeated_created, 'later created event')} dropped (a ticket is created once)`);
  if (dropped.repeated_closed > 0) {
    odd.push(
      `${plural(report.tickets_closed_repeatedly, 'ticket')} closed more than once: kept the final close, ` +
        `dropped ${plural(dropped.repeated_closed, 'earlier close')}`,
    );
  }
  if (dropped.requeued_while_waiting > 0)
    odd.push(
      `${plural(dropped.requeued_while_waiting, 'queued event')} dropped: the ticket already waited in that queue`,
    );
  if (report.extra_events.kept + report.extra_events.dropped > 0) {
    odd.push(
      `${plural(report.extra_events.kept, 'further event')} from rows mapped to several ` +
        `(${report.extra_events.dropped} dropped by the rules above)`,
    );
  }
  if (synthesized.queued + synthesized.escalated > 0) {
    odd.push(
      `${plural(synthesized.queued, 'queue entry')} and ${plural(synthesized.escalated, 'escalation')} read ` +
        `from changes of the tier column`,
    );
  }
  const agentChanges = synthesized.assigned - report.queue_waits_ended;
  if (agentChanges > 0) odd.push(`${plural(agentChanges, 'assignment')} read from changes of the agent column`);
  if (report.queue_waits_ended > 0) {
    odd.push(
      `${plural(report.queue_waits_ended, 'queue wait')} never ended: ended at the ticket's next work, ` +
        `resolution or move (an assigned each)`,
    );
  }
  if (synthesized.resumed > 0)
    odd.push(`${plural(synthesized.resumed, 'wait')} on the customer ended by an activity that ends pending`);
  if (report.reopens_after_close > 0)
    odd.push(`${plural(report.reopens_after_close, 'time')} a ticket was worked again after its close: a reopen`);
  if (synthesized.reopened > 0)
    odd.push(
      `${plural(synthesized.reopened, 'reopen')} inferred: taken again after a resolution, or worked after a close`,
    );
  if (report.tickets_without_events > 0)
    odd.push(`${plural(report.tickets_without_events, 'ticket')} had only ignored rows and are not in the log`);
  for (const line of odd) lines.push(`  ${line}`);
  lines.push(
    `  events: ${Object.entries(report.events_by_type)
      .map(([type, count]) => `${type} ${count}`)
      .join(', ')}`,
  );
  const counted: Record<string, string> = { reassignment_count: 'changes of the tier column', reopen_count: 'reopens' };
  for (const [name, counter] of Object.entries(report.counters ?? {})) {
    if (name === 'made_sla') continue; // beside desksim's SLA compliance, once the KPIs are computed
    lines.push(
      `  the export's ${name} sums to ${counter.log} over ${plural(counter.tickets, 'ticket')}; desksim ` +
        `counts ${counter.desksim} (${counted[name]})`,
    );
  }
  for (const warning of report.warnings) lines.push(`  warning: ${warning}`);
  return lines.join('\n') + '\n';
}
