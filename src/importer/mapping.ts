/**
 * The mapping file: how a help desk's own export (a CSV of activity rows) becomes desksim's
 * event log. YAML, validated here once; problems come back located (file:line:column) with
 * a "did you mean" for misspelt keys and event types.
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
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { EVENT_TYPES, TICKETLESS_TYPES, type EventType } from '../eventlog/types.js';
import { describeExpectedType, describeFound, message } from '../scenario/errors.js';
import { closestMatch } from '../scenario/suggest.js';
import { ImportError, readTextFile, type ImportIssue } from './errors.js';

/**
 * Event types an export's row may become. Agent shifts, self-service without a ticket and
 * the simulator's truth records are not things a ticketing export holds.
 */
const NOT_IMPORTABLE = new Set<EventType>([...TICKETLESS_TYPES, 'truth_fixed', 'truth_satisfaction', 'truth_issue']);
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
    .enum(['iso', 'epoch_seconds', 'epoch_milliseconds'])
    .default('iso')
    .describe('iso: ISO 8601 date-time ("2010-01-13 08:40:25+00:00", "…T…Z"); epoch_seconds / epoch_milliseconds: numbers since 1970 UTC.'),
  timezone: timeZone.optional(),
});

const activityTypes = [...IMPORTABLE_TYPES, 'ignore'] as const;

/** One activity's meaning: an event type (with its kind and tier), or `ignore`. A bare string is the type. */
const activitySchema = z.preprocess(
  (value) => (typeof value === 'string' ? { type: value } : value),
  z.strictObject({
    type: z
      .enum(activityTypes)
      .describe('The SPEC §4 event type this activity is, or ignore: its rows are counted in the import report and not used.'),
    kind: z.string().min(1).optional().describe('The event\'s kind, e.g. pending kind engineering (does not pause SLA clocks), replied kind generic.'),
    tier: z.string().min(1).optional().describe('The tier to record on the event when the export has no tier column, e.g. the queue a triage step puts tickets in.'),
  }),
);

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
  activities: z
    .record(z.string(), activitySchema)
    .refine((table) => Object.keys(table).length > 0, 'must map at least one activity')
    .describe('Every activity value of the export → an event type, or ignore. A value not listed stops the import (exit 2) with its count.'),
  missing_created: z
    .enum(['synthesize', 'error'])
    .default('synthesize')
    .describe('A ticket whose first event is not created: synthesize one at its first event (counted in the report), or stop with an error.'),
  infer_reopened: z
    .boolean()
    .default(false)
    .describe('An assigned after a resolved (with no reopened between) means the customer reopened it: synthesize a reopened just before (counted).'),
});

/** A validated mapping, every default filled in. */
export type Mapping = z.infer<typeof mappingSchema>;
/** What one activity value becomes. */
export type ActivityMapping = Mapping['activities'][string];

// ---------------------------------------------------------------------------
// YAML positions
// ---------------------------------------------------------------------------

type Schema = z.core.$ZodType;

function definition(schema: Schema): Record<string, unknown> & { type: string } {
  return (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
}

/** The schema under wrappers (default, optional, preprocess pipes). */
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (let depth = 0; depth < 16; depth++) {
    const def = definition(current);
    if (def.type === 'default' || def.type === 'prefault' || def.type === 'optional') current = def.innerType as Schema;
    else if (def.type === 'pipe') current = (definition(def.in as Schema).type === 'transform' ? def.out : def.in) as Schema;
    else break;
  }
  return current;
}

/** The keys valid at a path of the mapping (for "did you mean"). */
function keysAt(segments: readonly PropertyKey[]): string[] {
  let schema: Schema = mappingSchema;
  for (const segment of segments) {
    const def = definition(unwrap(schema));
    if (def.type === 'object') schema = (def.shape as Record<string, Schema>)[String(segment)] ?? schema;
    else if (def.type === 'record') schema = def.valueType as Schema;
    else return [];
  }
  const def = definition(unwrap(schema));
  return def.type === 'object' ? Object.keys(def.shape as Record<string, Schema>) : [];
}

interface Position {
  line: number;
  column: number;
}

/** Where the value (or, with `atKey`, the key) at a path was written; the nearest ancestor otherwise. */
function positionOf(root: YamlNode | null, segments: readonly PropertyKey[], at: (offset: number) => Position, atKey: boolean): Position {
  let node: YamlNode | null = root;
  let position = at(root?.range?.[0] ?? 0);
  for (const [index, segment] of segments.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair === undefined) return position;
      const key = pair.key as YamlNode;
      const value = pair.value as YamlNode | null;
      const last = index === segments.length - 1;
      position = at(((last && atKey) || !isScalar(value) ? key.range?.[0] : value.range?.[0]) ?? 0);
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment] as YamlNode | null;
      if (node?.range) position = at(node.range[0]);
    } else {
      return position;
    }
  }
  return position;
}

function valueAt(data: unknown, segments: readonly PropertyKey[]): { present: boolean; value: unknown } {
  let value = data;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, segment)) return { present: false, value: undefined };
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return { present: true, value };
}

/** The zod issue in the mapping's words. */
function describeIssue(issue: z.core.$ZodIssue, data: unknown): { segments: PropertyKey[]; code: string; text: string; atKey: boolean }[] {
  let segments = [...issue.path];
  let found = valueAt(data, segments);
  // activities.X.type of a bare string: the user wrote activities.X.
  if (!found.present && segments[0] === 'activities' && segments.length === 3 && segments[2] === 'type') {
    const bare = valueAt(data, segments.slice(0, 2));
    if (typeof bare.value === 'string') {
      segments = segments.slice(0, 2);
      found = bare;
    }
  }
  const what = describeFound(found.value);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const valid = keysAt(segments);
      return issue.keys.map((key) => ({
        segments: [...segments, key],
        code: 'unknown_key',
        text: message.unknownKey(key, closestMatch(key, valid), valid),
        atKey: true,
      }));
    }
    case 'invalid_value': {
      const options = issue.values.filter((option): option is string => typeof option === 'string');
      const suggestion = typeof found.value === 'string' ? closestMatch(found.value, options) : undefined;
      return [{ segments, code: 'invalid_value', text: message.notOneOf(issue.values, what, suggestion), atKey: false }];
    }
    case 'invalid_type': {
      const expected = describeExpectedType(issue.expected);
      const text = found.present ? message.typeMismatch(expected, what) : message.missingField(String(segments[segments.length - 1] ?? '(root)'), expected);
      return [{ segments, code: 'invalid_type', text, atKey: false }];
    }
    default:
      return [{ segments, code: issue.code, text: message.refinement(issue.message, found.present ? what : undefined), atKey: false }];
  }
}

function dotted(segments: readonly PropertyKey[]): string {
  return segments.length === 0 ? '(root)' : segments.map(String).join('.');
}

/** Validates mapping YAML text read from `file`. Throws an `ImportError` listing every problem. */
export function parseMapping(text: string, file: string): Mapping {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number): Position => {
    const position = lineCounter.linePos(offset);
    return { line: position.line, column: position.col };
  };
  if (document.errors.length > 0) {
    throw new ImportError(
      document.errors.map((error) => ({ code: 'yaml_syntax', file, ...at(error.pos[0]), message: message.yamlSyntax(error.message) })),
    );
  }
  const data: unknown = document.toJS() ?? {};
  const result = mappingSchema.safeParse(data);
  if (result.success) return result.data;
  const issues: ImportIssue[] = [];
  for (const issue of result.error.issues) {
    for (const described of describeIssue(issue, data)) {
      const position = positionOf(document.contents as YamlNode | null, described.segments, at, described.atKey);
      issues.push({ code: described.code, file, ...position, path: dotted(described.segments), message: described.text });
    }
  }
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  throw new ImportError(issues);
}

/** Reads and validates a mapping file. Throws an `ImportError` (file:line:column, path, why). */
export function loadMappingFile(file: string, shownAs = file): Mapping {
  const text = readTextFile(file, shownAs, 'mapping file');
  return parseMapping(text, shownAs);
}
