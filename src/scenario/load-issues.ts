/**
 * zod issues → scenario issues: each located where the user wrote the value (file, line,
 * column, or the `--set` override), its path shown with list items by id, its message in
 * words (`document/errors.ts`), then echoes dropped, duplicates removed and the list sorted.
 */
import { z } from 'zod';
import {
  describeExpectedType,
  describeFound,
  describeListSize,
  describeNumber,
  describeStringSize,
  message,
  type DocumentKind,
  type ScenarioIssue,
} from '../document/errors.js';
import type { Located, Location } from '../document/located.js';
import { closestMatch } from '../document/suggest.js';
import { overrideFile } from './load-overrides.js';
import {
  childData,
  defOf,
  isDuration,
  numberRule,
  schemasAt,
  unwrap,
  validKeys,
  type Schema,
} from './load-schema-walk.js';

type ZodIssue = z.core.$ZodIssue;
type PathSegment = string | number;

/**
 * The field a whole-map check's sentence is about (its `params.field`), kept beside the issue the
 * user reads rather than in it, so `dropEchoes` can tell a repeat without reading the sentence.
 */
const aboutField = new WeakMap<ScenarioIssue, string>();

/** True when the schema declared its own message for this issue: zod's default would say something else. */
function declaredMessage(issue: ZodIssue): boolean {
  const standard = z.config().localeError?.(issue as unknown as z.core.$ZodRawIssue);
  return issue.message !== (typeof standard === 'string' ? standard : standard?.message);
}

/** True for the duration parser's own issue (`params.unreadable`, `document/values.ts`): not a duration at all. */
function unreadableDuration(issue: ZodIssue): boolean {
  return issue.code === 'custom' && issue.params?.unreadable === true;
}

/** One document being validated: the schema, the located tree, its plain data and the issues found. */
export interface Validation {
  /** The schema the document is checked against (the scenario's, or another document's). */
  schema: Schema;
  /** What the document is, for the message when its root is not a map ("a scenario"). */
  kind: DocumentKind;
  tree: Located;
  data: unknown;
  issues: ScenarioIssue[];
}

function valueAt(data: unknown, segments: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let value = data;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) {
      return { found: false, value: undefined };
    }
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return { found: true, value };
}

/** The dotted path, list items shown by their id when they have one. */
function renderPath(data: unknown, segments: readonly PropertyKey[]): string {
  if (segments.length === 0) return '(root)';
  const parts: string[] = [];
  let value = data;
  for (const segment of segments) {
    let part = String(segment);
    if (Array.isArray(value) && typeof segment === 'number') {
      const item: unknown = value[segment];
      const id = item !== null && typeof item === 'object' ? (item as Record<string, unknown>).id : undefined;
      if (typeof id === 'string' && id !== '') part = id;
    }
    parts.push(part);
    value = childData(value, typeof segment === 'symbol' ? String(segment) : segment);
  }
  return parts.join('.');
}

/**
 * Where the value at a path was written, or its nearest written ancestor: a plain value's own
 * place, a map's or list's key (or a list item's first line), or the key itself when asked.
 */
export function locate(tree: Located, segments: readonly PropertyKey[], atKey = false): Location {
  let node = tree;
  let location = tree.location;
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    if (node.kind === 'map') {
      const entry = node.entries.get(String(segment));
      if (!entry) return location;
      // A whole map or list was "written" where its key is.
      location = (last && atKey) || entry.node.kind !== 'scalar' ? entry.keyLocation : entry.node.location;
      node = entry.node;
    } else if (node.kind === 'seq' && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) return location;
      location = item.location;
      node = item;
    } else {
      return location;
    }
  }
  return location;
}

/** An issue located where the value at `segments` was written (at its key with `atKey`). */
export function issueAt(
  validation: Validation,
  segments: readonly PropertyKey[],
  fields: Omit<ScenarioIssue, 'file' | 'path'>,
  atKey = false,
): ScenarioIssue {
  const location = locate(validation.tree, segments, atKey);
  const issue: ScenarioIssue = {
    code: fields.code,
    file: location.file,
    path: renderPath(validation.data, segments),
    message: fields.message,
  };
  if (location.line !== undefined) issue.line = location.line;
  if (location.column !== undefined) issue.column = location.column;
  if (location.override !== undefined) issue.override = location.override;
  if (fields.expected !== undefined) issue.expected = fields.expected;
  if (fields.found !== undefined) issue.found = fields.found;
  return issue;
}

function toSegments(issuePath: readonly PropertyKey[]): PathSegment[] {
  return issuePath.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
}

/** One zod issue as the scenario issues a user reads (a union may give more than one). */
export function mapIssue(validation: Validation, issue: ZodIssue, prefix: readonly PathSegment[]): ScenarioIssue[] {
  const segments = [...prefix, ...toSegments(issue.path)];
  const { found: present, value } = valueAt(validation.data, segments);
  const found = describeFound(value);
  const schemas = () => schemasAt(validation.schema, segments, validation.data);
  const plain = (code: string, text: string, expected?: string): ScenarioIssue[] => {
    const fields: Omit<ScenarioIssue, 'file' | 'path'> = { code, message: text, found };
    if (expected !== undefined) fields.expected = expected;
    return [issueAt(validation, segments, fields)];
  };

  switch (issue.code) {
    case 'unrecognized_keys': {
      const candidates = validKeys(schemas(), value);
      return issue.keys.map((key) => {
        const suggestion = closestMatch(key, candidates);
        return issueAt(
          validation,
          [...segments, key],
          { code: 'unknown_key', found: JSON.stringify(key), message: message.unknownKey(key, suggestion, candidates) },
          true,
        );
      });
    }
    case 'invalid_type': {
      const here = schemas();
      if (segments.length === 0)
        return plain(
          'invalid_type',
          message.rootNotMap(found, validation.kind),
          `a map of ${validation.kind.noun} fields`,
        );
      if (here.some(isDuration))
        return plain(
          'invalid_type',
          message.typeMismatch(describeExpectedType('duration'), found),
          describeExpectedType('duration'),
        );
      if (issue.expected === 'object' && here.some((schema) => defOf(unwrap(schema)).discriminator === 'dist')) {
        return plain('invalid_type', message.notADistribution(found), 'a distribution');
      }
      const rule = issue.expected === 'int' || issue.expected === 'number' ? numberRule(here) : undefined;
      const expected = rule
        ? describeNumber(rule.kind, rule.minimum, rule.maximum)
        : describeExpectedType(issue.expected);
      if (!present) {
        const field = String(segments[segments.length - 1]);
        return [
          issueAt(validation, segments, {
            code: 'invalid_type',
            expected,
            found: 'nothing',
            message: message.missingField(field, expected),
          }),
        ];
      }
      return plain('invalid_type', message.typeMismatch(expected, found), expected);
    }
    case 'too_small':
    case 'too_big': {
      const kind = issue.code === 'too_small' ? 'at least' : 'at most';
      const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      let expected: string;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        const rule = numberRule(schemas());
        const inclusive = issue.inclusive !== false;
        expected = rule
          ? describeNumber(rule.kind, rule.minimum, rule.maximum)
          : describeNumber(
              'number',
              issue.code === 'too_small' ? { value: bound, inclusive } : undefined,
              issue.code === 'too_big' ? { value: bound, inclusive } : undefined,
            );
        return plain(issue.code, message.typeMismatch(expected, found), expected);
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        expected = describeListSize(bound, issue.exact === true, kind);
      } else if (issue.origin === 'string') {
        expected = describeStringSize(bound, issue.exact === true, kind);
      } else {
        expected = `${kind} ${bound}`;
      }
      return plain(issue.code, message.typeMismatch(expected, found), expected);
    }
    case 'invalid_value': {
      const options = issue.values;
      const suggestion =
        typeof value === 'string'
          ? closestMatch(
              value,
              options.filter((option): option is string => typeof option === 'string'),
            )
          : undefined;
      return plain(
        'invalid_value',
        message.notOneOf(options, found, suggestion),
        `one of ${options.map(String).join(', ')}`,
      );
    }
    case 'invalid_union': {
      const loose = issue as unknown as { discriminator?: string; options?: unknown[]; note?: string };
      if (loose.discriminator !== undefined) {
        // zod reports the discriminator's own path; the user wrote the map around it.
        const options = loose.options ?? [];
        const atMap = segments[segments.length - 1] === loose.discriminator ? segments.slice(0, -1) : segments;
        const tagPath = [...atMap, loose.discriminator];
        const tag = valueAt(validation.data, tagPath);
        const mapValue = valueAt(validation.data, atMap).value;
        if (mapValue === null || typeof mapValue !== 'object' || Array.isArray(mapValue)) {
          const text =
            loose.discriminator === 'dist'
              ? message.notADistribution(describeFound(mapValue))
              : message.typeMismatch(describeExpectedType('object'), describeFound(mapValue));
          return [
            issueAt(validation, atMap, {
              code: 'invalid_type',
              expected: 'a map',
              found: describeFound(mapValue),
              message: text,
            }),
          ];
        }
        const suggestion =
          typeof tag.value === 'string'
            ? closestMatch(
                tag.value,
                options.filter((option): option is string => typeof option === 'string'),
              )
            : undefined;
        return [
          issueAt(validation, tag.found ? tagPath : atMap, {
            code: 'invalid_value',
            expected: `one of ${options.map(String).join(', ')}`,
            found: describeFound(tag.value),
            message: message.unknownDiscriminator(loose.discriminator, tag.value, options, suggestion),
          }),
        ];
      }
      const branches = issue.errors;
      const typeOnly = (branch: readonly ZodIssue[]) =>
        branch.length > 0 && branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0);
      const deeper = branches.filter((branch) => !typeOnly(branch));
      const chosen = deeper[0];
      if (deeper.length >= 1 && chosen) return chosen.flatMap((inner) => mapIssue(validation, inner, segments));
      const here = schemas();
      if (here.some(isDuration))
        return plain(
          'invalid_type',
          message.typeMismatch(describeExpectedType('duration'), found),
          describeExpectedType('duration'),
        );
      const expectedTypes = [
        ...new Set(
          branches
            .flatMap((branch) =>
              branch.map((inner) => (inner.code === 'invalid_type' ? describeExpectedType(inner.expected) : '')),
            )
            .filter((text) => text !== ''),
        ),
      ];
      const expected = expectedTypes.join(' or ') || 'another kind of value';
      return plain('invalid_type', message.typeMismatch(expected, found), expected);
    }
    case 'invalid_key': {
      const key = String(segments[segments.length - 1]);
      const problems = issue.issues
        .map((inner) =>
          inner.code === 'invalid_format' || inner.code === 'custom' ? inner.message : describeExpectedType('string'),
        )
        .join('; ');
      return [
        issueAt(
          validation,
          segments,
          { code: 'invalid_key', found: JSON.stringify(key), message: message.invalidKey(key, problems) },
          true,
        ),
      ];
    }
    case 'invalid_format': {
      if (issue.format === 'regex' && declaredMessage(issue)) {
        return plain('invalid_format', message.refinement(issue.message, found));
      }
      return plain(
        'invalid_format',
        message.invalidFormat(`a valid ${issue.format}`, found),
        `a valid ${issue.format}`,
      );
    }
    case 'custom': {
      if (present && typeof value !== 'object' && unreadableDuration(issue) && schemas().some(isDuration)) {
        // A string the duration parser could not read: say what a duration looks like.
        if (typeof value === 'string')
          return plain('invalid_value', message.badDuration(found, ''), describeExpectedType('duration'));
        return plain('invalid_value', message.refinement(issue.message, found), describeExpectedType('duration'));
      }
      const issues = plain(
        'custom',
        message.refinement(issue.message, present && (value === null || typeof value !== 'object') ? found : undefined),
      );
      const field = issue.params?.field;
      if (typeof field === 'string') issues.forEach((mapped) => aboutField.set(mapped, field));
      return issues;
    }
    default:
      return plain(issue.code, message.other(found));
  }
}

/**
 * A check on a whole map may repeat what its field's own check said ("mean must be > 0" on a
 * distribution whose mean already failed): keep only the field's issue.
 */
export function dropEchoes(issues: ScenarioIssue[]): ScenarioIssue[] {
  const paths = new Set(issues.map((issue) => issue.path));
  return issues.filter((issue) => {
    if (issue.code !== 'custom') return true;
    const field = aboutField.get(issue);
    return field === undefined || !paths.has(issue.path === '(root)' ? field : `${issue.path}.${field}`);
  });
}

/** The issues without repeats (same place, same message). */
export function dedupe(issues: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.file}|${issue.override}|${issue.line}|${issue.column}|${issue.path}|${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** File order (the file, then its parents, then overrides), then line and column. */
export function sortIssues(issues: ScenarioIssue[], files: readonly string[]): ScenarioIssue[] {
  const rank = (issue: ScenarioIssue): number => {
    if (issue.file === overrideFile) return files.length + 1;
    const index = files.indexOf(issue.file);
    return index < 0 ? files.length : index;
  };
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort(
      (a, b) =>
        rank(a.issue) - rank(b.issue) ||
        (a.issue.line ?? 0) - (b.issue.line ?? 0) ||
        (a.issue.column ?? 0) - (b.issue.column ?? 0) ||
        a.order - b.order,
    )
    .map(({ issue }) => issue);
}
