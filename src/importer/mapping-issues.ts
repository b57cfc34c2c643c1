/**
 * A mapping file's problems, located: each zod issue said in the mapping's words ("did you
 * mean" for a misspelt key or event type) at the file:line:column where it was written (the
 * located tree of `document/located.ts`). The schema itself is `mapping.ts`.
 */
import type { z } from 'zod';
import { describeExpectedType, describeFound, message, type ScenarioIssue } from '../document/errors.js';
import type { Located, Location } from '../document/located.js';
import { closestMatch } from '../document/suggest.js';
import type { ImportIssue } from './errors.js';

type Schema = z.ZodType;

/** The schema under wrappers (default, optional, preprocess pipes), through zod's public `def`. */
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (let depth = 0; depth < 16; depth++) {
    const def = current.def as { type: string; innerType?: Schema; in?: Schema; out?: Schema };
    if (def.type === 'default' || def.type === 'prefault' || def.type === 'optional') current = def.innerType!;
    else if (def.type === 'pipe') current = def.in!.def.type === 'transform' ? def.out! : def.in!;
    else break;
  }
  return current;
}

/** The keys valid at a path of the mapping (for "did you mean"). */
function keysAt(root: Schema, segments: readonly PropertyKey[]): string[] {
  let schema: Schema = root;
  for (const segment of segments) {
    const def = unwrap(schema).def as { type: string; shape?: Record<string, Schema>; valueType?: Schema };
    if (def.type === 'object') schema = def.shape![String(segment)] ?? schema;
    else if (def.type === 'record') schema = def.valueType!;
    else return [];
  }
  const def = unwrap(schema).def as { type: string; shape?: Record<string, Schema> };
  return def.type === 'object' ? Object.keys(def.shape!) : [];
}

/**
 * Where the value at a path was written, or its nearest written ancestor: a plain value's
 * own place, a map's or list's key, or the key itself when asked (`atKey`).
 */
function locate(tree: Located, segments: readonly PropertyKey[], atKey: boolean): Location {
  let node = tree;
  let location = tree.location;
  for (const [index, segment] of segments.entries()) {
    if (node.kind === 'map') {
      const entry = node.entries.get(String(segment));
      if (entry === undefined) return location;
      const last = index === segments.length - 1;
      location = (last && atKey) || entry.node.kind !== 'scalar' ? entry.keyLocation : entry.node.location;
      node = entry.node;
    } else if (node.kind === 'seq' && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return location;
      location = item.location;
      node = item;
    } else {
      return location;
    }
  }
  return location;
}

function valueAt(data: unknown, segments: readonly PropertyKey[]): { present: boolean; value: unknown } {
  let value = data;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment))
      return { present: false, value: undefined };
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return { present: true, value };
}

/** The zod issue in the mapping's words. */
function describeIssue(
  schema: Schema,
  issue: z.core.$ZodIssue,
  data: unknown,
): { segments: PropertyKey[]; code: string; text: string; atKey: boolean }[] {
  let segments = [...issue.path];
  let found = valueAt(data, segments);
  // activities.X.0…: the user wrote one event, not a list.
  if (segments[0] === 'activities' && segments[2] === 0 && !Array.isArray(valueAt(data, segments.slice(0, 2)).value)) {
    segments = [...segments.slice(0, 2), ...segments.slice(3)];
    found = valueAt(data, segments);
  }
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
      const valid = keysAt(schema, segments);
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
      return [
        { segments, code: 'invalid_value', text: message.notOneOf(issue.values, what, suggestion), atKey: false },
      ];
    }
    case 'invalid_type': {
      const expected = describeExpectedType(issue.expected);
      const text = found.present
        ? message.typeMismatch(expected, what)
        : message.missingField(String(segments[segments.length - 1] ?? '(root)'), expected);
      return [{ segments, code: 'invalid_type', text, atKey: false }];
    }
    default:
      return [
        {
          segments,
          code: issue.code,
          text: message.refinement(issue.message, found.present ? what : undefined),
          atKey: false,
        },
      ];
  }
}

function dotted(segments: readonly PropertyKey[]): string {
  return segments.length === 0 ? '(root)' : segments.map(String).join('.');
}

/** A problem of the located layer (YAML syntax, a duplicate key, a file too deep or too large) as the importer's. */
export function importIssue(issue: ScenarioIssue): ImportIssue {
  const { code, file, line, column, path, message: text } = issue;
  // A syntax error has no field path: it is shown as file:line:column alone.
  return { code, file, line, column, ...(code === 'yaml_syntax' ? {} : { path }), message: text };
}

/** Every issue of a failed validation of `data` (read from `tree` in `file`), located and in file order. */
export function locatedIssues(
  schema: Schema,
  zodIssues: readonly z.core.$ZodIssue[],
  data: unknown,
  tree: Located,
  file: string,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  for (const issue of zodIssues) {
    for (const described of describeIssue(schema, issue, data)) {
      const { line, column } = locate(tree, described.segments, described.atKey);
      const path = dotted(described.segments);
      issues.push({ code: described.code, file, line, column, path, message: described.text });
    }
  }
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return issues;
}
