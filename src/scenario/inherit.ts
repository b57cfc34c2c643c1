/**
 * `extends`: how a child scenario is laid over its parent, and what it inherited.
 *
 * - Maps merge key by key, the child winning: `horizon: { days: 14 }` keeps the parent's
 *   `warmup_days`; `priorities: { urgent: {...} }` adds a priority to the parent's.
 * - Lists whose items all have an `id` (`tiers`) merge by id: an item with a parent's id is
 *   merged into it, in the parent's place; a new id is added after the parent's items. A file
 *   that lists only `tier2` changes Tier 2 and keeps Tier 1.
 * - Any other list (shifts, surges, business hours, incentives) is replaced whole.
 * - `{ $replace: value }` takes `value` as it is, without merging: `tiers: { $replace: [...] }`
 *   makes a desk of exactly those tiers; `priorities: { $replace: { normal: { share: 1 } } }`
 *   drops the parent's other priorities; a list item `- $replace: { id: tier2, agents: 3 }`
 *   replaces that one tier.
 *
 * Every merge of ids and every whole replacement is recorded as an {@link InheritanceNote},
 * which `desksim validate` prints, so nothing is dropped or kept silently.
 */
import { message, type ScenarioIssue } from '../document/errors.js';
import type { Located, MapEntry } from '../document/located.js';

/** The key that marks a value to be taken whole, not merged with the parent's. */
export const REPLACE_KEY = '$replace';

/** What a child did to one collection (a list of items with ids, a map, a list) of its parent. */
export interface InheritanceNote {
  /** The dotted path of the collection ("tiers", "priorities", "tiers.tier1.shifts"). */
  path: string;
  /** The parent file the collection came from. */
  parent: string;
  /** The child file that changed it. */
  child: string;
  /** Ids (or keys) the parent had and the child did not mention: kept as they were. */
  inherited: string[];
  /** Ids the child changed: merged into the parent's item field by field. */
  merged: string[];
  /** Ids only the child has. */
  added: string[];
  /** Ids whose item the child replaced whole (`- $replace: {...}`). */
  replacedItems: string[];
  /** True when the child replaced the whole collection (`$replace`, or a list without ids). */
  replaced: boolean;
}

/** The value a `{ $replace: value }` map stands for, or undefined for any other node. */
function replacement(node: Located): Located | undefined {
  if (node.kind !== 'map' || node.entries.size !== 1) return undefined;
  return node.entries.get(REPLACE_KEY)?.node;
}

function itemId(item: Located): string | undefined {
  const inner = replacement(item) ?? item;
  if (inner.kind !== 'map') return undefined;
  const id = inner.entries.get('id')?.node;
  return id?.kind === 'scalar' && typeof id.value === 'string' && id.value !== '' ? id.value : undefined;
}

/** The ids of a list when every item has one and none repeats; otherwise undefined. */
function listIds(list: Located & { kind: 'seq' }): string[] | undefined {
  const ids = list.items.map(itemId);
  if (ids.length === 0 || ids.some((id) => id === undefined)) return undefined;
  return new Set(ids).size === ids.length ? (ids as string[]) : undefined;
}

/** Lays a child over its parent (see the module comment) and records what it did in `notes`. */
export function mergeOver(
  parent: Located,
  child: Located,
  files: { parent: string; child: string },
  notes: InheritanceNote[],
): Located {
  return merge(parent, child, [], files, notes);
}

function note(
  path: readonly string[],
  files: { parent: string; child: string },
  fields: Partial<InheritanceNote>,
): InheritanceNote {
  return {
    path: path.join('.'),
    parent: files.parent,
    child: files.child,
    inherited: [],
    merged: [],
    added: [],
    replacedItems: [],
    replaced: false,
    ...fields,
  };
}

/**
 * Keys that are alternatives to one another: the child's choice of one drops the parent's
 * others (a tier is staffed by a fixed number of `agents` or by `shifts`, never both).
 */
const ALTERNATIVES: ReadonlyArray<readonly string[]> = [['agents', 'shifts']];

function merge(
  parent: Located,
  child: Located,
  path: string[],
  files: { parent: string; child: string },
  notes: InheritanceNote[],
): Located {
  const whole = replacement(child);
  if (whole !== undefined) {
    if (parent.kind !== 'scalar') notes.push(note(path, files, { replaced: true }));
    return whole;
  }
  // A distribution (`{ dist: … }`) is one value: the child's replaces the parent's whole, or
  // an exponential over a lognormal would keep the lognormal's sd.
  if (parent.kind === 'map' && child.kind === 'map' && child.entries.has('dist')) {
    notes.push(note(path, files, { replaced: true }));
    return child;
  }
  if (parent.kind === 'map' && child.kind === 'map') return mergeMaps(parent, child, path, files, notes);
  if (parent.kind === 'seq' && child.kind === 'seq') {
    const parentIds = listIds(parent);
    const childIds = listIds(child);
    if (parentIds && childIds) return mergeLists(parent, parentIds, child, childIds, path, files, notes);
    if (parent.items.length > 0) notes.push(note(path, files, { replaced: true }));
  }
  return child;
}

function mergeMaps(
  parent: Located & { kind: 'map' },
  child: Located & { kind: 'map' },
  path: string[],
  files: { parent: string; child: string },
  notes: InheritanceNote[],
): Located {
  const entries = new Map(parent.entries);
  for (const group of ALTERNATIVES) {
    const chosen = group.filter((key) => child.entries.has(key));
    if (chosen.length === 0) continue;
    for (const key of group) {
      if (chosen.includes(key) || !entries.has(key)) continue;
      entries.delete(key);
      notes.push(note([...path, key], files, { replaced: true }));
    }
  }
  for (const [key, entry] of child.entries) {
    const inherited = entries.get(key);
    const node = inherited ? merge(inherited.node, entry.node, [...path, key], files, notes) : entry.node;
    entries.set(key, { keyLocation: entry.keyLocation, node });
  }
  // A map of maps is a collection by id (channels, categories, priorities, complexity):
  // say which ids the child kept, changed and added.
  const isCollection =
    [...parent.entries.values()].every((entry) => entry.node.kind === 'map') &&
    parent.entries.size > 0 &&
    path.length > 0;
  if (isCollection && [...child.entries.values()].every((entry) => entry.node.kind === 'map')) {
    const childKeys = [...child.entries.keys()];
    notes.push(
      note(path, files, {
        inherited: [...parent.entries.keys()].filter((key) => !child.entries.has(key)),
        merged: childKeys.filter(
          (key) => parent.entries.has(key) && replacement(child.entries.get(key)!.node) === undefined,
        ),
        added: childKeys.filter((key) => !parent.entries.has(key)),
        replacedItems: childKeys.filter(
          (key) => parent.entries.has(key) && replacement(child.entries.get(key)!.node) !== undefined,
        ),
      }),
    );
  }
  return { kind: 'map', location: child.location, entries };
}

function mergeLists(
  parent: Located & { kind: 'seq' },
  parentIds: string[],
  child: Located & { kind: 'seq' },
  childIds: string[],
  path: string[],
  files: { parent: string; child: string },
  notes: InheritanceNote[],
): Located {
  const fromChild = new Map(childIds.map((id, index) => [id, child.items[index] as Located]));
  const added = childIds.filter((id) => !parentIds.includes(id));
  const changed = childIds.filter((id) => parentIds.includes(id));
  const isWhole = (id: string) => replacement(fromChild.get(id) as Located) !== undefined;
  notes.push(
    note(path, files, {
      inherited: parentIds.filter((id) => !fromChild.has(id)),
      merged: changed.filter((id) => !isWhole(id)),
      added,
      replacedItems: changed.filter(isWhole),
    }),
  );
  // Fields inside merged items (a tier's shifts) are noted too, after the list's own note.
  const items = parentIds.map((id, index) => {
    const parentItem = parent.items[index] as Located;
    const childItem = fromChild.get(id);
    return childItem === undefined
      ? parentItem
      : merge(parentItem, childItem, [...path, id], files, replacement(childItem) ? [] : notes);
  });
  for (const id of added) items.push(fromChild.get(id) as Located);
  return { kind: 'seq', location: child.location, items };
}

/**
 * The tree with every `{ $replace: value }` taken as `value` (left where no parent value was
 * there to replace). A map holding `$replace` beside other keys is reported.
 */
export function resolveReplaceMarkers(node: Located, issues: ScenarioIssue[]): Located {
  const whole = replacement(node);
  if (whole !== undefined) return resolveReplaceMarkers(whole, issues);
  if (node.kind === 'seq') return { ...node, items: node.items.map((item) => resolveReplaceMarkers(item, issues)) };
  if (node.kind !== 'map') return node;
  const entries = new Map<string, MapEntry>();
  for (const [key, entry] of node.entries) {
    if (key === REPLACE_KEY) {
      issues.push({ code: 'bad_replace', ...entry.keyLocation, path: REPLACE_KEY, message: message.replaceNotAlone() });
      continue;
    }
    entries.set(key, { keyLocation: entry.keyLocation, node: resolveReplaceMarkers(entry.node, issues) });
  }
  return { ...node, entries };
}

/** One line per note, for `desksim validate`: "tiers (from baseline.yaml): tier1 inherited; tier2 merged". */
export function describeInheritance(
  notes: readonly InheritanceNote[],
  name: (file: string) => string = (file) => file,
): string[] {
  return notes.map((entry) => {
    const parts: string[] = [];
    if (entry.replaced) parts.push(`replaced whole by ${name(entry.child)}`);
    const list = (ids: readonly string[]) => ids.join(', ');
    if (entry.inherited.length > 0) parts.push(`${list(entry.inherited)} inherited`);
    if (entry.merged.length > 0) parts.push(`${list(entry.merged)} merged with the child's changes`);
    if (entry.replacedItems.length > 0) parts.push(`${list(entry.replacedItems)} replaced whole`);
    if (entry.added.length > 0) parts.push(`${list(entry.added)} added`);
    return `${entry.path} (from ${name(entry.parent)}): ${parts.join('; ')}`;
  });
}
