/**
 * The mapping file: how a help desk's own export (a CSV of activity rows) becomes desksim's
 * event log. YAML read by the located layer every document shares (`document/located.ts`:
 * bounded, duplicate keys refused), validated here once; problems come back located
 * (file:line:column) with a "did you mean" for misspelt keys and event types.
 *
 * ```yaml
 * format: csv
 * columns: { ticket: "Case ID", time: Timestamp, activity: Activity, agent: Resource }
 * timestamps: { timezone: Europe/Rome }      # only for times written without an offset
 * activities:
 *   Ticket opened: created
 *   Picked up: assigned
 *   Waiting for customer: { type: pending, kind: customer }
 *   Internal note: ignore
 * ```
 */
import { z } from 'zod';
import { EVENT_TYPES, TICKETLESS_TYPES, type EventType } from '../eventlog/types.js';
import type { ScenarioIssue } from '../document/errors.js';
import { parseYaml, toPlain } from '../document/located.js';
import { durationSchema } from '../document/values.js';
import { compileTimeFormat, NAMED_TIME_FORMATS } from './time.js';
import { ImportError, readTextFile } from './errors.js';
import { importIssue, locatedIssues } from './mapping-issues.js';

/**
 * Event types an export's row may become. Agent shifts, self-service without a ticket and
 * the simulator's truth records are not things a ticketing export holds.
 */
const NOT_IMPORTABLE = new Set<EventType>([
  ...TICKETLESS_TYPES,
  'truth_fixed',
  'truth_satisfaction',
  'truth_issue',
  'truth_gamed',
]);
export const IMPORTABLE_TYPES = EVENT_TYPES.filter((type) => !NOT_IMPORTABLE.has(type));

const columnName = z.string().min(1);

const columnsSchema = z.strictObject({
  ticket: columnName.describe('Column holding the ticket (case) id. Required.'),
  time: columnName.describe('Column holding when the activity happened. Required.'),
  activity: columnName.describe('Column holding the activity name, looked up in activities:. Required.'),
  agent: columnName.optional().describe('Column naming the agent (resource) who did it.'),
  tier: columnName.optional().describe('Column naming the support tier or group.'),
  channel: columnName.optional().describe('Column holding the channel (email, phone, …), read from the creation row.'),
  category: columnName.optional().describe('Column holding the issue category.'),
  priority: columnName.optional().describe('Column holding the priority id (SLA targets are per priority).'),
  customer: columnName.optional().describe('Column holding the customer id (for repeat contacts).'),
  created: columnName
    .optional()
    .describe(
      'Column holding when the ticket was created (opened_at): its creation is taken from here, not from its ' +
        'first row.',
    ),
  reassignment_count: columnName
    .optional()
    .describe(
      "Column holding the export's own count of reassignments: its last value per ticket is reported beside " +
        "desksim's count.",
    ),
  reopen_count: columnName
    .optional()
    .describe("Column holding the export's own count of reopens, reported beside desksim's."),
  made_sla: columnName
    .optional()
    .describe(
      "Column holding the export's own met-the-SLA flag (true/false), reported beside desksim's SLA compliance.",
    ),
});

const timeZone = z
  .string()
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Rome or UTC')
  .describe('IANA time zone of times written without a UTC offset; without it such times are an error.');

const timestampsSchema = z.strictObject({
  format: z
    .union([
      z.enum(NAMED_TIME_FORMATS),
      z.string().superRefine((format, context) => {
        if (!format.includes('%')) {
          context.addIssue({
            code: 'custom',
            message:
              `must be one of ${NAMED_TIME_FORMATS.join(', ')}, or a strftime-style pattern such as ` +
              `"%d-%m-%Y %H:%M"`,
          });
          return;
        }
        const compiled = compileTimeFormat(format);
        if ('unknown' in compiled) {
          context.addIssue({
            code: 'custom',
            message:
              `unknown directive ${compiled.unknown}: use %Y %y %m %b %B %d %e %H %I %p %M %S %f %z %a ` +
              `%A %T %F %%`,
          });
        }
      }),
    ])
    .default('iso')
    .describe(
      'iso: ISO 8601 date-time ("2010-01-13 08:40:25+00:00", "…T…Z"); day_first ("29/02/2016 01:23") or month_first ' +
        '("02/29/2016 1:23 PM"); a strftime-style pattern ("%d-%m-%Y %H:%M"); epoch_seconds / ' +
        'epoch_milliseconds: numbers since 1970 UTC.',
    ),
  timezone: timeZone.optional(),
});

const encoding = z
  .string()
  .refine((label) => {
    try {
      new TextDecoder(label);
      return true;
    } catch {
      return false;
    }
  }, 'must be a text encoding such as utf-8, latin1 (windows-1252) or utf-16le')
  .describe('Text encoding of the export (default utf-8; latin1 for a Western-European export from an older system).');

const activityTypes = [...IMPORTABLE_TYPES, 'ignore'] as const;

/** One activity's meaning: an event type (with its kind and tier), or `ignore`. A bare string is the type. */
const activitySchema = z.preprocess(
  (value) => (typeof value === 'string' ? { type: value } : value),
  z.strictObject({
    type: z
      .enum(activityTypes)
      .describe(
        'The event type this activity is (docs/contracts.md#event-log), or ignore: its rows are counted in ' +
          'the import report and not used.',
      ),
    kind: z
      .string()
      .min(1)
      .optional()
      .describe("The event's kind, e.g. pending kind engineering (does not pause SLA clocks), replied kind generic."),
    tier: z
      .string()
      .min(1)
      .optional()
      .describe(
        'The tier to record on the event when the export has no tier column, e.g. the queue a triage step ' +
          'puts tickets in.',
      ),
    ends_pending: z
      .boolean()
      .optional()
      .describe(
        'A ticket waiting on the customer stops waiting here: a resumed is recorded just before the event (counted).',
      ),
  }),
);

/**
 * An activity's events: one, or a list of them recorded in turn at the row's instant (a state
 * that is several things).
 */
const activityEventsSchema = z.preprocess(
  (value) => (Array.isArray(value) ? value : [value]),
  z.array(activitySchema).min(1),
);

/** How a ticket's attribute is chosen when its rows disagree. */
const attributeChoiceSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { take: value } : value),
  z
    .strictObject({
      take: z
        .enum(['first', 'last', 'most_severe'])
        .describe(
          "first: the creation row's value, else the first row's that has one; last: the last row's; " +
            'most_severe: the earliest in order.',
        ),
      order: z
        .array(z.string().min(1))
        .min(1)
        .optional()
        .describe('Values from most to least severe (most_severe only).'),
    })
    .refine((choice) => choice.take !== 'most_severe' || choice.order !== undefined, {
      message: 'most_severe needs order: the values from most to least severe',
      path: ['order'],
    }),
);

const slaTargetSchema = z.strictObject({
  first_response: durationSchema.optional().describe('Target from creation to the first public agent reply.'),
  resolution: durationSchema.optional().describe('Target from creation to the (last) resolution.'),
});

/** The mapping file's schema: defaults inside, unknown keys rejected. */
export const mappingSchema = z.strictObject({
  format: z
    .enum(['csv', 'ndjson'])
    .default('csv')
    .describe(
      'Format of the export. csv: RFC 4180, a header row naming the columns. ndjson: one JSON object a line; ' +
        'columns: name its keys, or dotted paths into nested objects (fields.status.name).',
    ),
  delimiter: z.string().length(1).default(',').describe('Field separator of a CSV export.'),
  columns: columnsSchema.describe('Which column holds what.'),
  timestamps: timestampsSchema.prefault({}).describe('How to read the time column.'),
  encoding: encoding.optional(),
  missing: z
    .array(z.string())
    .default(['', '?', 'NULL', 'N/A'])
    .describe('Cell values that mean "no value" (compared after trimming): the cell is read as empty.'),
  activities: z
    .record(z.string(), activityEventsSchema)
    .refine((table) => Object.keys(table).length > 0, 'must map at least one activity')
    .describe(
      'Every activity value of the export → an event type (or a list of them), or ignore. A value not listed ' +
        'stops the import (exit 2) with its count.',
    ),
  rows: z
    .enum(['events', 'snapshots'])
    .default('events')
    .describe(
      "events: each row is something that happened. snapshots: each row is the ticket's state after an update " +
        '(ServiceNow-style); ' +
        "a row whose state is the ticket's previous state is no new event (counted), though its changes " +
        '(changes:) and counters are read.',
    ),
  default_tier: z
    .string()
    .min(1)
    .optional()
    .describe(
      'The tier of a queued event whose row names none (no tier column value, no tier on the activity). ' +
        'Without it such a row is an error.',
    ),
  changes: z
    .strictObject({
      tier: z
        .enum(['queued', 'escalated'])
        .optional()
        .describe(
          "A change of the tier column between a ticket's rows: queued (a transfer: it waits in the new " +
            "tier's queue) or escalated (an escalation, then a wait there).",
        ),
      agent: z
        .enum(['assigned'])
        .optional()
        .describe("A change of the agent column between a ticket's rows: the new agent took it (assigned)."),
    })
    .optional()
    .describe("Events read from a column's value changing between a ticket's rows (counted in the report)."),
  attributes: z
    .strictObject({
      channel: attributeChoiceSchema.optional(),
      category: attributeChoiceSchema.optional(),
      priority: attributeChoiceSchema.optional(),
      customer: attributeChoiceSchema.optional(),
    })
    .optional()
    .describe(
      'Which value a ticket takes when its rows disagree: first (default), last, or most_severe with an order.',
    ),
  outlier_times: z
    .enum(['drop', 'keep'])
    .default('drop')
    .describe(
      "Rows far outside the bulk of the log's times (a 1970 or year-0099 date): drop them (listed, counted) " +
        'or keep them (listed).',
    ),
  sla: z
    .strictObject({
      targets: z
        .record(z.string().min(1), slaTargetSchema)
        .describe('Targets by the priority values of this log, as written ("1 - Critical").'),
    })
    .optional()
    .describe(
      "SLA targets keyed by the log's own priority labels; they replace the --scenario's targets (its clock " +
        'and pause rule still apply).',
    ),
  missing_created: z
    .enum(['synthesize', 'error'])
    .default('synthesize')
    .describe(
      'A ticket whose first event is not created: synthesize one at its first event (counted in the report), ' +
        'or stop with an error.',
    ),
  infer_reopened: z
    .boolean()
    .default(false)
    .describe(
      'An assigned after a resolved (with no reopened between) means the customer reopened it: synthesize a ' +
        'reopened just before (counted).',
    ),
});

/** A validated mapping, every default filled in. */
export type Mapping = z.infer<typeof mappingSchema>;
/** What one activity value becomes: its events, in order. */
export type ActivityMapping = Mapping['activities'][string];
/** One event an activity value becomes. */
export type ActivityEvent = ActivityMapping[number];

/** Validates mapping YAML text read from `file`. Throws an `ImportError` listing every problem. */
export function parseMapping(text: string, file: string): Mapping {
  const problems: ScenarioIssue[] = [];
  const tree = parseYaml(text, file, problems);
  if (tree === undefined) throw new ImportError(problems.map(importIssue));
  const data: unknown = toPlain(tree) ?? {};
  const result = mappingSchema.safeParse(data);
  if (result.success) return result.data;
  throw new ImportError(locatedIssues(mappingSchema, result.error.issues, data, tree, file));
}

/** Reads and validates a mapping file. Throws an `ImportError` (file:line:column, path, why). */
export function loadMappingFile(file: string, shownAs = file): Mapping {
  const text = readTextFile(file, shownAs, 'mapping file');
  return parseMapping(text, shownAs);
}
