/**
 * The located tree: YAML read into plain values that remember where they were written, with
 * bounded work on any input.
 *
 * Reading is bounded three ways, so a ten-line file cannot take minutes or gigabytes:
 * - a file must be a regular file of at most {@link READ_LIMITS.fileBytes} bytes (not a
 *   directory, a device such as /dev/zero, or a pipe);
 * - expanding aliases (`*name` repeats the value anchored `&name`) may produce at most
 *   {@link READ_LIMITS.nodes} values in all — a "billion laughs" file stops there;
 * - values may nest at most {@link READ_LIMITS.depth} deep.
 */
import * as fs from 'node:fs';
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import { message, type ScenarioIssue } from './errors.js';

/** The bounds on reading a YAML file. */
export const READ_LIMITS = {
  /** 1 MiB: a scenario is a few kilobytes; a long empirical distribution fits many times over. */
  fileBytes: 1024 * 1024,
  /** Values after alias expansion: 200 thousand. */
  nodes: 200_000,
  /** Levels of nesting. */
  depth: 100,
} as const;

/** Where a value (or key) was written. */
export interface Location {
  file: string;
  line?: number;
  column?: number;
  /** Set when the value came from a `--set` override: its full text. */
  override?: string;
}

/** A key of a map, where it was written, and its value. */
export interface MapEntry {
  keyLocation: Location;
  node: Located;
}

/** A YAML value and where it was written; maps keep their keys in a `Map` (no prototype, no `__proto__` surprises). */
export type Located =
  | { kind: 'map'; location: Location; entries: Map<string, MapEntry> }
  | { kind: 'seq'; location: Location; items: Located[] }
  | { kind: 'scalar'; location: Location; value: unknown };

/** The plain data of a located tree; maps become objects without a prototype. */
export function toPlain(node: Located): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      // No prototype, and defineProperty: a key such as "__proto__" or "constructor" stays an
      // ordinary own key that the schema reports as unknown, never a path into Object.prototype.
      const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const [key, entry] of node.entries) {
        Object.defineProperty(result, key, {
          value: toPlain(entry.node),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return result;
    }
  }
}

/** A located tree of plain data, every node at one location (used for override values and defaults). */
export function fromPlain(value: unknown, location: Location): Located {
  if (Array.isArray(value)) return { kind: 'seq', location, items: value.map((item) => fromPlain(item, location)) };
  if (value !== null && typeof value === 'object') {
    const entries = new Map<string, MapEntry>();
    for (const [key, item] of Object.entries(value))
      entries.set(key, { keyLocation: location, node: fromPlain(item, location) });
    return { kind: 'map', location, entries };
  }
  return { kind: 'scalar', location, value };
}

/** The counters of one document's build: values made so far, and whether a limit was reported. */
interface Budget {
  nodes: number;
  exceeded: boolean;
}

/**
 * A YAML document as a located tree. Problems (syntax, duplicate keys, limits) are pushed to
 * `issues`; the tree is returned only when there were none.
 */
export function parseYaml(text: string, file: string, issues: ScenarioIssue[]): Located | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number | undefined): Location => {
    if (offset === undefined) return { file, line: 1, column: 1 };
    const position = lineCounter.linePos(offset);
    return { file, line: position.line, column: position.col };
  };
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      issues.push({
        code: 'yaml_syntax',
        ...at(error.pos[0]),
        path: '(root)',
        message: message.yamlSyntax(error.message),
      });
    }
    return undefined;
  }
  const before = issues.length;
  const tree = buildLocated(document, at, issues);
  return issues.length === before ? tree : undefined;
}

function rangeStart(node: unknown): number | undefined {
  return node !== null && typeof node === 'object' && 'range' in node ? (node as YamlNode).range?.[0] : undefined;
}

/**
 * The number of values a document expands to, counted without expanding it: each anchored
 * value's size is computed once and an alias adds it (a billion-laughs file is counted in
 * microseconds). Stops early, returning the offending alias's offset, past `limit`.
 */
function expandedSize(document: Document, limit: number): { size: number; offset?: number } {
  const sizes = new Map<YamlNode, number>();
  let offset: number | undefined;
  const size = (node: unknown): number => {
    if (node === null || node === undefined || typeof node !== 'object') return 1;
    const known = sizes.get(node as YamlNode);
    if (known !== undefined) return known;
    sizes.set(node as YamlNode, Infinity); // an alias inside its own anchor expands forever
    let total = 1;
    if (isAlias(node)) {
      total = size(node.resolve(document));
      if (total > limit && offset === undefined) offset = node.range?.[0];
    } else if (isMap(node)) {
      for (const pair of node.items) {
        total += size(pair.key) + size(pair.value);
        if (total > limit) {
          offset ??= rangeStart(pair.value);
          break;
        }
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        total += size(item);
        if (total > limit) {
          offset ??= rangeStart(item);
          break;
        }
      }
    }
    sizes.set(node as YamlNode, total);
    return total;
  };
  const total = size(document.contents);
  return offset === undefined ? { size: total } : { size: total, offset };
}

/** The located tree of a parsed document, every node at `at(offset)`; limits reported to `issues`. */
export function buildLocated(
  document: Document,
  at: (offset: number | undefined) => Location,
  issues: ScenarioIssue[],
  fallback?: Location,
): Located {
  const budget: Budget = { nodes: 0, exceeded: false };
  const expanded = expandedSize(document, READ_LIMITS.nodes);
  if (expanded.size > READ_LIMITS.nodes) {
    const location = expanded.offset === undefined ? (fallback ?? at(undefined)) : at(expanded.offset);
    issues.push({ code: 'too_large', ...location, path: '(root)', message: message.tooManyValues(READ_LIMITS.nodes) });
    return { kind: 'scalar', location, value: null };
  }
  return build(document.contents, document, at, issues, 0, budget, fallback ?? at(undefined));
}

function build(
  node: YamlNode | null,
  document: Document,
  at: (offset: number | undefined) => Location,
  issues: ScenarioIssue[],
  depth: number,
  budget: Budget,
  fallback: Location,
): Located {
  const location = node?.range ? at(node.range[0]) : fallback;
  if (budget.exceeded || node === null || node === undefined) return { kind: 'scalar', location, value: null };
  budget.nodes += 1;
  if (budget.nodes > READ_LIMITS.nodes || depth > READ_LIMITS.depth) {
    budget.exceeded = true;
    const tooMany = budget.nodes > READ_LIMITS.nodes;
    issues.push({
      code: 'too_large',
      ...location,
      path: '(root)',
      message: tooMany ? message.tooManyValues(READ_LIMITS.nodes) : message.nestedTooDeep(READ_LIMITS.depth),
    });
    return { kind: 'scalar', location, value: null };
  }
  if (isAlias(node)) {
    const target = node.resolve(document);
    if (!target) return { kind: 'scalar', location, value: null };
    return { ...build(target, document, at, issues, depth + 1, budget, location), location };
  }
  if (isMap(node)) {
    const entries = new Map<string, MapEntry>();
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : keyNode === null ? 'null' : String(keyNode);
      const keyLocation = keyNode?.range ? at(keyNode.range[0]) : location;
      const previous = entries.get(key);
      if (previous) {
        issues.push({
          code: 'duplicate_key',
          ...keyLocation,
          path: key,
          message: message.duplicateKey(key, previous.keyLocation.line),
        });
        continue;
      }
      const value = build(pair.value as YamlNode | null, document, at, issues, depth + 1, budget, keyLocation);
      entries.set(key, { keyLocation, node: value });
    }
    return { kind: 'map', location, entries };
  }
  if (isSeq(node)) {
    const items = node.items.map((item) =>
      build(item as YamlNode | null, document, at, issues, depth + 1, budget, location),
    );
    return { kind: 'seq', location, items };
  }
  if (isScalar(node)) return { kind: 'scalar', location, value: node.value };
  return { kind: 'scalar', location, value: null };
}

/**
 * The text of a YAML file, or undefined with an issue at `referencedFrom` (the `extends` that
 * named it) or at the file itself: not found, unreadable, not a regular file, or too large.
 * The size is checked before reading, and the read itself stops at the limit.
 */
export function readYamlFile(
  file: string,
  referencedFrom: Location | undefined,
  issues: ScenarioIssue[],
  noun = 'scenario',
): string | undefined {
  const where: Location = referencedFrom ?? { file };
  const path = referencedFrom ? 'extends' : '(root)';
  const problem = (code: string, text: string): undefined => {
    issues.push({ code, ...where, path, message: text });
    return undefined;
  };
  let descriptor: number | undefined;
  try {
    // stat before open: opening a named pipe would wait for a writer.
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return problem('not_a_file', message.notAFile(file, 'a directory', noun));
    if (!stat.isFile()) return problem('not_a_file', message.notAFile(file, 'a device, pipe or socket', noun));
    if (stat.size > READ_LIMITS.fileBytes)
      return problem('too_large', message.fileTooLarge(file, stat.size, READ_LIMITS.fileBytes, noun));
    descriptor = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(READ_LIMITS.fileBytes + 1);
    let length = 0;
    for (;;) {
      const read = fs.readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > READ_LIMITS.fileBytes)
        return problem('too_large', message.fileTooLarge(file, length, READ_LIMITS.fileBytes, noun));
    }
    return buffer.subarray(0, length).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return problem('file_not_found', message.fileNotFound(file, referencedFrom !== undefined, noun));
    return problem('file_unreadable', message.fileUnreadable(file, (error as Error).message));
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
}
