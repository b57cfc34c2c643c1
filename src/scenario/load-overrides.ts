/**
 * `--set` overrides and values given as data (an experiment's grid point): read
 * `path=value` (the value is YAML), then set it in the located tree — through maps, list
 * items by index or id, and sections not written yet (filled with the schema's default).
 */
import { LineCounter, parseDocument } from 'yaml';
import { describeFound, message, ScenarioError, type ScenarioIssue } from '../document/errors.js';
import { buildLocated, fromPlain, toPlain, type Located, type Location } from '../document/located.js';
import { defOf, schemasAt } from './load-schema-walk.js';
import { scenarioSchema } from './schema.js';

/** The `file` of an issue in a `--set` override (sorted after every file). */
export const overrideFile = '--set';

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
    if (
      (definition.type === 'default' || definition.type === 'prefault') &&
      definition.defaultValue !== null &&
      typeof definition.defaultValue === 'object'
    ) {
      return structuredClone(definition.defaultValue);
    }
  }
  return undefined;
}

/** Apply one `--set` text to the located tree, or add the issue it has. */
export function applyOverride(root: Located, text: string, issues: ScenarioIssue[]): void {
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

/** Apply one value given as data to the located tree, or add the issue it has. */
export function applyValueOverride(root: Located, override: ValueOverride, issues: ScenarioIssue[]): void {
  if (override.path.length === 0 || override.path.some((segment) => segment.trim() === '')) {
    issues.push(overrideIssue(override.label, message.overrideEmptyPath(override.label)));
    return;
  }
  const location: Location = { file: overrideFile, override: override.label };
  applyAt(
    root,
    override.label,
    override.path.map((segment) => segment.trim()),
    fromPlain(override.value, location),
    issues,
  );
}

function applyAt(
  root: Located,
  text: string,
  segments: readonly string[],
  value: Located,
  issues: ScenarioIssue[],
): void {
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
          issues.push(
            overrideIssue(
              text,
              message.overrideUnknownId(
                segments[index - 1] ?? 'list',
                segment,
                ids.filter((id): id is string => id !== undefined),
              ),
            ),
          );
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
  return id?.kind === 'scalar' && (typeof id.value === 'string' || typeof id.value === 'number')
    ? String(id.value)
    : undefined;
}
