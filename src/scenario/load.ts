/**
 * Scenario loading: YAML text → located tree → extends merge → overrides → zod validation.
 *
 * ```
 * file ──parse──▶ Located tree ──extends: merge onto parent (recursively)──▶ merged tree
 *      ──--set overrides──▶ final tree ──plain data──▶ scenarioSchema ──▶ Scenario
 *                                                          │ issues
 *                                                          ▼
 *                 located by path in the final tree ──▶ ScenarioError (every problem)
 * ```
 *
 * Every value in the located tree remembers where it was written (file, line, column, or the
 * `--set` override), so a problem found by the schema is reported where the user wrote it —
 * in the child file when the child wrote it, in the parent otherwise.
 */
import * as path from 'node:path';
import { LineCounter, parseDocument, stringify } from 'yaml';
import type { z } from 'zod';
import {
  describeExpectedType,
  describeFound,
  describeListSize,
  describeNumber,
  describeStringSize,
  message,
  SCENARIO_KIND,
  ScenarioError,
  type DocumentKind,
  type ScenarioIssue,
} from '../document/errors.js';
import { mergeOver, resolveReplaceMarkers, type InheritanceNote } from './inherit.js';
import { buildLocated, fromPlain, parseYaml, readYamlFile, toPlain, type Located, type Location } from '../document/located.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { workProblems } from './size.js';
import { closestMatch } from '../document/suggest.js';

/** A loaded, validated scenario and the files it came from. */
export interface LoadedScenario {
  /** The scenario with every default applied; durations in minutes. */
  scenario: Scenario;
  /** The file itself, then its parent, grandparent... (its extends chain). */
  files: string[];
  /** What each file inherited from its parent, collection by collection (empty without extends). */
  inheritance: InheritanceNote[];
}

/** Options of the loaders. */
export interface LoadOptions {
  /** `path=value` overrides, as given to `--set`, applied in order after the extends merge. */
  overrides?: readonly string[];
  /** Accept a run larger than the work limits (`--allow-large`); the schema's bounds still apply. */
  allowLarge?: boolean;
}

// ---------------------------------------------------------------------------
// Files and extends
// ---------------------------------------------------------------------------

interface Chain {
  files: string[];
  issues: ScenarioIssue[];
  notes: InheritanceNote[];
}

/** The longest extends chain: a scenario, its parent and up to 15 more ancestors. */
const EXTENDS_DEPTH = 16;

/**
 * Parse a file and, recursively, the scenarios it extends; return them merged (`inherit.ts`).
 * A parent (`referencedFrom` is the extends that named it) must look like a scenario before
 * anything of it is used or echoed in a message.
 */
function loadChain(file: string, text: string, visiting: string[], chain: Chain, referencedFrom?: Location): Located | undefined {
  chain.files.push(file);
  const tree = parseYaml(text, file, chain.issues);
  if (!tree) return undefined;
  if (referencedFrom && !looksLikeScenario(tree, file, referencedFrom, chain.issues)) return undefined;
  if (tree.kind !== 'map') return tree;
  const extension = tree.entries.get('extends');
  if (!extension) return resolveReplaceMarkers(tree, chain.issues);

  const entries = new Map(tree.entries);
  entries.delete('extends');
  const child: Located = { ...tree, entries };
  const target = extension.node;
  if (target.kind !== 'scalar' || typeof target.value !== 'string' || target.value.trim() === '') {
    chain.issues.push({
      code: 'invalid_type',
      ...target.location,
      path: 'extends',
      expected: 'a file path',
      found: describeFound(toPlain(target)),
      message: message.extendsNotPath(describeFound(toPlain(target))),
    });
    return undefined;
  }
  const parentFile = path.isAbsolute(target.value) ? target.value : path.join(path.dirname(file), target.value);
  const resolved = path.resolve(parentFile);
  const cycleStart = visiting.indexOf(resolved);
  if (cycleStart >= 0) {
    const loop = [...chain.files.slice(cycleStart), parentFile];
    chain.issues.push({ code: 'extends_cycle', ...target.location, path: 'extends', message: message.extendsCycle(loop) });
    return undefined;
  }
  if (visiting.length >= EXTENDS_DEPTH) {
    chain.issues.push({ code: 'extends_too_deep', ...target.location, path: 'extends', message: message.extendsTooDeep(EXTENDS_DEPTH) });
    return undefined;
  }
  const parentText = readYamlFile(parentFile, target.location, chain.issues);
  if (parentText === undefined) return undefined;
  const parent = loadChain(parentFile, parentText, [...visiting, resolved], chain, target.location);
  if (!parent) return undefined;
  return resolveReplaceMarkers(mergeOver(parent, child, { parent: parentFile, child: file }, chain.notes), chain.issues);
}

/**
 * True when a parent file holds a map of scenario fields. Otherwise the problem is reported
 * at the extends that named it, without quoting the file's content: `extends: /etc/passwd`
 * must not print the password file. A scenario with a mistyped top-level key is told apart
 * by "did you mean" (every unknown key close to a scenario field).
 */
function looksLikeScenario(tree: Located, file: string, referencedFrom: Location, issues: ScenarioIssue[]): boolean {
  const notMap = (what: string): false => {
    issues.push({ code: 'not_a_scenario', ...referencedFrom, path: 'extends', message: message.parentNotMap(file, what) });
    return false;
  };
  if (tree.kind === 'seq') return notMap('a list');
  if (tree.kind === 'scalar') {
    if (tree.value === null || tree.value === undefined) return notMap('nothing (it is empty)');
    return notMap(typeof tree.value === 'string' ? 'a text' : 'a single value');
  }
  if (tree.entries.size === 0) return notMap('an empty map');
  const fields = validKeys([scenarioSchema], undefined);
  const unknown = [...tree.entries].filter(([key]) => !fields.includes(key));
  if (unknown.length === 0) return true;
  const suggestions = unknown.map(([key]) => closestMatch(key, fields));
  if (unknown.length < tree.entries.size && suggestions.every((suggestion) => suggestion !== undefined)) {
    unknown.forEach(([, entry], index) => {
      issues.push({ code: 'unknown_key', ...entry.keyLocation, path: '(root)', message: message.parentUnknownKey(suggestions[index] as string) });
    });
    return false;
  }
  const first = (unknown[0] as [string, { keyLocation: Location }])[1].keyLocation;
  issues.push({
    code: 'not_a_scenario',
    ...referencedFrom,
    path: 'extends',
    message: message.parentNotScenario(file, unknown.length, `line ${first.line ?? 1}, column ${first.column ?? 1}`),
  });
  return false;
}

// ---------------------------------------------------------------------------
// Overrides
// ---------------------------------------------------------------------------

const overrideFile = '--set';

function overrideIssue(text: string, detail: string): ScenarioIssue {
  const equals = text.indexOf('=');
  return {
    code: 'bad_override',
    file: overrideFile,
    override: text,
    path: equals > 0 ? text.slice(0, equals) : text,
    message: detail,
  };
}

function readOverride(text: string): { path: string[]; value: Located } | ScenarioIssue {
  const equals = text.indexOf('=');
  if (equals <= 0) return overrideIssue(text, message.malformedOverride(text));
  const segments = text.slice(0, equals).trim().split('.');
  if (segments.some((segment) => segment.trim() === '')) return overrideIssue(text, message.overrideEmptyPath(text));
  const location: Location = { file: overrideFile, override: text };
  const issues: ScenarioIssue[] = [];
  const valueText = text.slice(equals + 1);
  const lineCounter = new LineCounter();
  const document = parseDocument(valueText, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const firstError = document.errors[0];
  if (firstError) return overrideIssue(text, message.overrideBadYaml(text, firstError.message));
  const tree = buildLocated(document, () => location, issues, location);
  const duplicate = issues[0];
  if (duplicate) return overrideIssue(text, message.overrideBadYaml(text, duplicate.message));
  return { path: segments.map((segment) => segment.trim()), value: fromPlain(toPlain(tree), location) };
}

/**
 * Read one `--set` override: `tiers.tier1.agents=8` → `{ path: ['tiers', 'tier1', 'agents'], value: 8 }`.
 * The value is YAML (`8` is a number, `{dist: exponential, mean: 5}` a map, `4h` a string).
 * Throws a `ScenarioError` (code `bad_override`) when the text is not `path=value`.
 */
export function parseOverride(text: string): { path: string[]; value: unknown } {
  const result = readOverride(text);
  if ('code' in result) throw new ScenarioError([result]);
  return { path: result.path, value: toPlain(result.value) };
}

/** The schema default at a path, as data, to fill in a section an override reaches into. */
function schemaDefault(segments: readonly string[]): unknown {
  const candidates = schemasAt(scenarioSchema, segments, undefined);
  for (const candidate of candidates) {
    const definition = defOf(candidate);
    if ((definition.type === 'default' || definition.type === 'prefault') && definition.defaultValue !== null && typeof definition.defaultValue === 'object') {
      return structuredClone(definition.defaultValue);
    }
  }
  return undefined;
}

function applyOverride(root: Located, text: string, issues: ScenarioIssue[]): void {
  const parsed = readOverride(text);
  if ('code' in parsed) {
    issues.push(parsed);
    return;
  }
  applyAt(root, text, parsed.path, parsed.value, issues);
}

/**
 * A value given as data, with the `path=value` text it stands for (`label`, what messages
 * name): an experiment's grid value or pressure level, applied without being written out as
 * text and read back.
 */
export interface ValueOverride {
  path: readonly string[];
  value: unknown;
  label: string;
}

function applyValueOverride(root: Located, override: ValueOverride, issues: ScenarioIssue[]): void {
  if (override.path.length === 0 || override.path.some((segment) => segment.trim() === '')) {
    issues.push(overrideIssue(override.label, message.overrideEmptyPath(override.label)));
    return;
  }
  const location: Location = { file: overrideFile, override: override.label };
  applyAt(root, override.label, override.path.map((segment) => segment.trim()), fromPlain(override.value, location), issues);
}

function applyAt(root: Located, text: string, segments: readonly string[], value: Located, issues: ScenarioIssue[]): void {
  const location = value.location;
  if (root.kind !== 'map') {
    issues.push(overrideIssue(text, message.overrideRootNotMap()));
    return;
  }
  let node: Located = root;
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index] as string;
    const last = index === segments.length - 1;
    const here = segments.slice(0, index).join('.') || 'the scenario';
    if (node.kind === 'map') {
      const existing = node.entries.get(segment);
      if (last) {
        node.entries.set(segment, { keyLocation: existing?.keyLocation ?? location, node: value });
        return;
      }
      if (existing) {
        node = existing.node;
      } else {
        const fallback = schemaDefault(segments.slice(0, index + 1));
        const created = fromPlain(fallback ?? {}, location);
        node.entries.set(segment, { keyLocation: location, node: created });
        node = created;
      }
    } else if (node.kind === 'seq') {
      const items: Located[] = node.items;
      let position: number;
      if (/^\d+$/.test(segment)) {
        position = Number(segment);
        if (position >= items.length) {
          issues.push(overrideIssue(text, message.overrideBadIndex(here, position, items.length)));
          return;
        }
      } else {
        const ids = items.map(itemId);
        position = ids.indexOf(segment);
        if (position < 0) {
          issues.push(overrideIssue(text, message.overrideUnknownId(segments[index - 1] ?? 'list', segment, ids.filter((id): id is string => id !== undefined))));
          return;
        }
      }
      if (last) {
        items[position] = value;
        return;
      }
      node = items[position] as Located;
    } else {
      issues.push(overrideIssue(text, message.overrideNotContainer(here, describeFound(node.value))));
      return;
    }
  }
}

function itemId(item: Located): string | undefined {
  if (item.kind !== 'map') return undefined;
  const id = item.entries.get('id')?.node;
  return id?.kind === 'scalar' && (typeof id.value === 'string' || typeof id.value === 'number') ? String(id.value) : undefined;
}

// ---------------------------------------------------------------------------
// Walking the zod schema (for "did you mean", bounds and defaults)
// ---------------------------------------------------------------------------

type Schema = z.core.$ZodType;

interface CheckDefinition {
  check: string;
  value?: unknown;
  inclusive?: boolean;
  format?: string;
}

/** The parts of zod's plain-data definitions this module reads. */
interface LooseDefinition {
  type: string;
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  valueType?: Schema;
  options?: Schema[];
  discriminator?: string;
  values?: unknown[];
  entries?: Record<string, unknown>;
  checks?: { _zod: { def: CheckDefinition } }[];
  defaultValue?: unknown;
}

function defOf(schema: Schema): LooseDefinition {
  return schema._zod.def as unknown as LooseDefinition;
}

const wrappers = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch', 'nonoptional']);

/** Strip wrappers and pipes down to the schema that checks the written (input) value. */
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (let guard = 0; guard < 32; guard += 1) {
    const definition = defOf(current);
    if (wrappers.has(definition.type) && definition.innerType) current = definition.innerType;
    else if (definition.type === 'pipe' && definition.in) current = definition.in;
    else break;
  }
  return current;
}

/** True for the duration schema: a number or string piped into a transform. */
function isDuration(schema: Schema): boolean {
  let current = schema;
  for (let guard = 0; guard < 32; guard += 1) {
    const definition = defOf(current);
    if (wrappers.has(definition.type) && definition.innerType) current = definition.innerType;
    else break;
  }
  const definition = defOf(current);
  if (definition.type !== 'pipe' || !definition.in || !definition.out) return false;
  const input = defOf(definition.in);
  const types = (input.options ?? []).map((option) => defOf(option).type).sort();
  return defOf(definition.out).type === 'transform' && input.type === 'union' && types.join() === 'number,string';
}

function literalValues(schema: Schema): unknown[] {
  const definition = defOf(unwrap(schema));
  if (definition.values) return definition.values;
  if (definition.entries) return Object.values(definition.entries);
  return [];
}

/** The options of a union that fit the data (by discriminator when the union has one). */
function unionOptions(definition: LooseDefinition, data: unknown): Schema[] {
  const options = definition.options ?? [];
  const discriminator = definition.discriminator;
  if (discriminator === undefined || data === null || typeof data !== 'object') return options;
  const tag = (data as Record<string, unknown>)[discriminator];
  const matching = options.filter((option) => {
    const field = defOf(unwrap(option)).shape?.[discriminator];
    return field !== undefined && literalValues(field).includes(tag);
  });
  return matching.length > 0 ? matching : options;
}

/** The schemas that check the value one segment below. */
function childSchemas(schema: Schema, segment: string | number, data: unknown): Schema[] {
  const inner = unwrap(schema);
  const definition = defOf(inner);
  switch (definition.type) {
    case 'object': {
      // Own fields only: "constructor" is not a field of the schema's shape.
      const shape = definition.shape;
      const field = shape !== undefined && Object.hasOwn(shape, String(segment)) ? shape[String(segment)] : undefined;
      return field ? [field] : [];
    }
    case 'array':
      return definition.element ? [definition.element] : [];
    case 'record':
      return definition.valueType ? [definition.valueType] : [];
    case 'union':
      return unionOptions(definition, data).flatMap((option) => childSchemas(option, segment, data));
    default:
      return [];
  }
}

function childData(data: unknown, segment: string | number): unknown {
  if (data === null || typeof data !== 'object' || !Object.hasOwn(data, String(segment))) return undefined;
  return (data as Record<string, unknown>)[String(segment)];
}

/** Every schema that may check the value at a path (more than one under unions). */
function schemasAt(root: Schema, segments: readonly (string | number)[], data: unknown): Schema[] {
  let current: Schema[] = [root];
  let value = data;
  for (const segment of segments) {
    current = current.flatMap((schema) => childSchemas(schema, segment, value));
    value = childData(value, segment);
    if (current.length === 0) break;
  }
  return current;
}

/** The keys an object at this path may hold. */
function validKeys(schemas: readonly Schema[], data: unknown): string[] {
  const keys = new Set<string>();
  const visit = (schema: Schema): void => {
    const definition = defOf(unwrap(schema));
    if (definition.type === 'object') Object.keys(definition.shape ?? {}).forEach((key) => keys.add(key));
    if (definition.type === 'union') unionOptions(definition, data).forEach(visit);
  };
  schemas.forEach(visit);
  return [...keys];
}

interface NumberRule {
  kind: 'number' | 'integer';
  minimum?: { value: number; inclusive: boolean };
  maximum?: { value: number; inclusive: boolean };
}

function numberRule(schemas: readonly Schema[]): NumberRule | undefined {
  for (const schema of schemas) {
    const inner = unwrap(schema);
    const definition = defOf(inner);
    const candidates = definition.type === 'union' ? (definition.options ?? []).map(unwrap) : [inner];
    for (const candidate of candidates) {
      const candidateDefinition = defOf(candidate);
      if (candidateDefinition.type !== 'number') continue;
      const rule: NumberRule = { kind: 'number' };
      for (const check of candidateDefinition.checks ?? []) {
        const checkDefinition = check._zod.def;
        if (checkDefinition.check === 'number_format' && /int/.test(checkDefinition.format ?? '')) rule.kind = 'integer';
        if (checkDefinition.check === 'greater_than' && typeof checkDefinition.value === 'number') {
          rule.minimum = { value: checkDefinition.value, inclusive: checkDefinition.inclusive === true };
        }
        if (checkDefinition.check === 'less_than' && typeof checkDefinition.value === 'number') {
          rule.maximum = { value: checkDefinition.value, inclusive: checkDefinition.inclusive === true };
        }
      }
      return rule;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Zod issues → scenario issues
// ---------------------------------------------------------------------------

type ZodIssue = z.core.$ZodIssue;
type PathSegment = string | number;

interface Validation {
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
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, segment)) {
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
function locate(tree: Located, segments: readonly PropertyKey[], atKey = false): Location {
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

function issueAt(validation: Validation, segments: readonly PropertyKey[], fields: Omit<ScenarioIssue, 'file' | 'path'>, atKey = false): ScenarioIssue {
  const location = locate(validation.tree, segments, atKey);
  const issue: ScenarioIssue = { code: fields.code, file: location.file, path: renderPath(validation.data, segments), message: fields.message };
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

function mapIssue(validation: Validation, issue: ZodIssue, prefix: readonly PathSegment[]): ScenarioIssue[] {
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
        return issueAt(validation, [...segments, key], { code: 'unknown_key', found: JSON.stringify(key), message: message.unknownKey(key, suggestion, candidates) }, true);
      });
    }
    case 'invalid_type': {
      const here = schemas();
      if (segments.length === 0) return plain('invalid_type', message.rootNotMap(found, validation.kind), `a map of ${validation.kind.noun} fields`);
      if (here.some(isDuration)) return plain('invalid_type', message.typeMismatch(describeExpectedType('duration'), found), describeExpectedType('duration'));
      if (issue.expected === 'object' && here.some((schema) => defOf(unwrap(schema)).discriminator === 'dist')) {
        return plain('invalid_type', message.notADistribution(found), 'a distribution');
      }
      const rule = issue.expected === 'int' || issue.expected === 'number' ? numberRule(here) : undefined;
      const expected = rule ? describeNumber(rule.kind, rule.minimum, rule.maximum) : describeExpectedType(issue.expected);
      if (!present) {
        const field = String(segments[segments.length - 1]);
        return [issueAt(validation, segments, { code: 'invalid_type', expected, found: 'nothing', message: message.missingField(field, expected) })];
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
          : describeNumber('number', issue.code === 'too_small' ? { value: bound, inclusive } : undefined, issue.code === 'too_big' ? { value: bound, inclusive } : undefined);
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
      const suggestion = typeof value === 'string' ? closestMatch(value, options.filter((option): option is string => typeof option === 'string')) : undefined;
      return plain('invalid_value', message.notOneOf(options, found, suggestion), `one of ${options.map(String).join(', ')}`);
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
          const text = loose.discriminator === 'dist' ? message.notADistribution(describeFound(mapValue)) : message.typeMismatch(describeExpectedType('object'), describeFound(mapValue));
          return [issueAt(validation, atMap, { code: 'invalid_type', expected: 'a map', found: describeFound(mapValue), message: text })];
        }
        const suggestion = typeof tag.value === 'string' ? closestMatch(tag.value, options.filter((option): option is string => typeof option === 'string')) : undefined;
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
      const typeOnly = (branch: readonly ZodIssue[]) => branch.length > 0 && branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0);
      const deeper = branches.filter((branch) => !typeOnly(branch));
      const chosen = deeper[0];
      if (deeper.length >= 1 && chosen) return chosen.flatMap((inner) => mapIssue(validation, inner, segments));
      const here = schemas();
      if (here.some(isDuration)) return plain('invalid_type', message.typeMismatch(describeExpectedType('duration'), found), describeExpectedType('duration'));
      const expectedTypes = [
        ...new Set(
          branches.flatMap((branch) => branch.map((inner) => (inner.code === 'invalid_type' ? describeExpectedType(inner.expected) : ''))).filter((text) => text !== ''),
        ),
      ];
      const expected = expectedTypes.join(' or ') || 'another kind of value';
      return plain('invalid_type', message.typeMismatch(expected, found), expected);
    }
    case 'invalid_key': {
      const key = String(segments[segments.length - 1]);
      const problems = issue.issues.map((inner) => (inner.code === 'invalid_format' || inner.code === 'custom' ? inner.message : describeExpectedType('string'))).join('; ');
      return [issueAt(validation, segments, { code: 'invalid_key', found: JSON.stringify(key), message: message.invalidKey(key, problems) }, true)];
    }
    case 'invalid_format': {
      if (issue.format === 'regex' && !/^Invalid/.test(issue.message)) {
        return plain('invalid_format', message.refinement(issue.message, found));
      }
      return plain('invalid_format', message.invalidFormat(`a valid ${issue.format}`, found), `a valid ${issue.format}`);
    }
    case 'custom': {
      if (present && typeof value !== 'object' && !/^must\b/.test(issue.message) && schemas().some(isDuration)) {
        // A string the duration parser could not read: say what a duration looks like.
        if (typeof value === 'string') return plain('invalid_value', message.badDuration(found, ''), describeExpectedType('duration'));
        return plain('invalid_value', message.refinement(issue.message, found), describeExpectedType('duration'));
      }
      return plain('custom', message.refinement(issue.message, present && (value === null || typeof value !== 'object') ? found : undefined));
    }
    default:
      return plain(issue.code, message.other(found));
  }
}

// ---------------------------------------------------------------------------
// The loaders
// ---------------------------------------------------------------------------

function finish(tree: Located, files: string[], options: LoadOptions | undefined, earlier: ScenarioIssue[], inheritance: InheritanceNote[] = []): LoadedScenario {
  const issues = [...earlier];
  for (const override of options?.overrides ?? []) applyOverride(tree, override, issues);
  const data = toPlain(tree);
  const validation: Validation = { schema: scenarioSchema, kind: SCENARIO_KIND, tree, data, issues: [] };
  let result: ReturnType<typeof scenarioSchema.safeParse>;
  try {
    result = scenarioSchema.safeParse(data, { reportInput: true });
  } catch (error) {
    throw new ScenarioError([...issues, { code: 'custom', file: files[0] ?? '', path: '(root)', message: message.validationCrashed((error as Error).message) }]);
  }
  if (!result.success) {
    for (const issue of result.error.issues) validation.issues.push(...mapIssue(validation, issue, []));
  }
  if (result.success && issues.length === 0 && validation.issues.length === 0 && options?.allowLarge !== true) {
    for (const problem of workProblems(result.data)) {
      validation.issues.push(issueAt(validation, problem.path, { code: 'too_large', message: problem.message }));
    }
  }
  const all = sortIssues(dedupe([...issues, ...dropEchoes(validation.issues)]), files);
  if (all.length > 0 || !result.success) throw new ScenarioError(all);
  return { scenario: result.data, files, inheritance };
}

/**
 * A check on a whole map may repeat what its field's own check said ("mean must be > 0" on a
 * distribution whose mean already failed): keep only the field's issue.
 */
function dropEchoes(issues: ScenarioIssue[]): ScenarioIssue[] {
  const paths = new Set(issues.map((issue) => issue.path));
  return issues.filter((issue) => {
    if (issue.code !== 'custom') return true;
    const field = /^(\w+) must\b/.exec(issue.message)?.[1];
    return field === undefined || !paths.has(issue.path === '(root)' ? field : `${issue.path}.${field}`);
  });
}

function dedupe(issues: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.file}|${issue.override}|${issue.line}|${issue.column}|${issue.path}|${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** File order (the file, then its parents, then overrides), then line and column. */
function sortIssues(issues: ScenarioIssue[], files: readonly string[]): ScenarioIssue[] {
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

/**
 * Load a scenario from YAML text, as if read from `file` (its `extends` is relative to it).
 * Throws a `ScenarioError` listing every problem found.
 */
export function loadScenarioText(text: string, file: string, options?: LoadOptions): LoadedScenario {
  const chain: Chain = { files: [], issues: [], notes: [] };
  const tree = loadChain(file, text, [path.resolve(file)], chain);
  if (!tree || chain.issues.length > 0) throw new ScenarioError(sortIssues(chain.issues, chain.files));
  return finish(tree, chain.files, options, [], chain.notes);
}

/** A scenario file read and merged with its parents once, to be resolved with different overrides many times. */
export interface PreparedScenario {
  /**
   * The scenario with these overrides (`--set` texts and values as data, applied in order),
   * validated; throws a `ScenarioError` listing every problem, as `loadScenarioFile` would.
   */
  resolve(overrides?: ReadonlyArray<string | ValueOverride>, options?: Pick<LoadOptions, 'allowLarge'>): LoadedScenario;
}

/**
 * Reads a scenario file (and the files it extends) once, for an experiment that runs it at
 * many points: each point's overrides are applied to a copy of the merged tree, so a grid
 * value is never turned into `--set` text and the file never read again. A problem with the
 * file itself is thrown by every `resolve`, as it would be by every load.
 */
export function prepareScenarioFile(file: string): PreparedScenario {
  const issues: ScenarioIssue[] = [];
  const text = readYamlFile(file, undefined, issues);
  const chain: Chain = { files: [], issues: [], notes: [] };
  const tree = text === undefined ? undefined : loadChain(file, text, [path.resolve(file)], chain);
  return {
    resolve(overrides = [], options = {}) {
      if (text === undefined) throw new ScenarioError(issues);
      if (!tree || chain.issues.length > 0) throw new ScenarioError(sortIssues(chain.issues, chain.files));
      const copy = structuredClone(tree);
      const applied: ScenarioIssue[] = [];
      for (const override of overrides) {
        if (typeof override === 'string') applyOverride(copy, override, applied);
        else applyValueOverride(copy, override, applied);
      }
      return finish(copy, [...chain.files], { allowLarge: options.allowLarge }, applied, chain.notes);
    },
  };
}

/** Load and validate a scenario file (and the files it extends). Throws a `ScenarioError` listing every problem. */
export function loadScenarioFile(file: string, options?: LoadOptions): LoadedScenario {
  const issues: ScenarioIssue[] = [];
  const text = readYamlFile(file, undefined, issues);
  if (text === undefined) throw new ScenarioError(issues);
  return loadScenarioText(text, file, options);
}

/** Where a value of a document was written. */
export interface DocumentLocation {
  file: string;
  line?: number;
  column?: number;
}

/** A YAML document other than a scenario, validated, with the place every value was written. */
export interface LocatedDocument<T> {
  /** The validated data (defaults applied). */
  value: T;
  file: string;
  /**
   * Where the value at a path was written, or its nearest written ancestor; with `atKey`,
   * where its key was written. For problems found after validation (a grid value the
   * scenario refuses), reported like the schema's own.
   */
  locate(segments: readonly (string | number)[], atKey?: boolean): DocumentLocation;
}

/**
 * Load a YAML file that is not a scenario (an experiment file) and validate it with its own
 * zod schema. Problems are reported as a scenario's are — file:line:column, the field path,
 * expected and found, "did you mean" for unknown keys — in a `ScenarioError` listing every
 * one. No `extends`, no overrides.
 */
export function loadYamlDocument<T>(file: string, schema: z.ZodType<T>, kind: DocumentKind): LocatedDocument<T> {
  const issues: ScenarioIssue[] = [];
  const text = readYamlFile(file, undefined, issues, kind.noun);
  if (text === undefined) throw new ScenarioError(issues);
  const tree = parseYaml(text, file, issues);
  if (!tree || issues.length > 0) throw new ScenarioError(sortIssues(issues, [file]));
  const data = toPlain(tree);
  const validation: Validation = { schema, kind, tree, data, issues: [] };
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) validation.issues.push(...mapIssue(validation, issue, []));
    throw new ScenarioError(sortIssues(dedupe(dropEchoes(validation.issues)), [file]));
  }
  return {
    value: result.data,
    file,
    locate: (segments, atKey = false) => {
      const location = locate(tree, segments, atKey);
      return { file: location.file, line: location.line, column: location.column };
    },
  };
}

// ---------------------------------------------------------------------------
// The resolved scenario
// ---------------------------------------------------------------------------

const resolvedHeader = '# resolved by desksim — defaults and overrides applied; durations in minutes\n';

/** The fully resolved scenario as YAML (defaults applied, durations in minutes); it loads back to the same scenario. */
export function resolvedScenarioYaml(scenario: Scenario): string {
  const { extends: _parent, ...resolved } = scenario;
  return resolvedHeader + stringify(resolved, { aliasDuplicateObjects: false, lineWidth: 0 });
}
