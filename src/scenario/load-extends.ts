/**
 * Reading a scenario file and the files it `extends`: each parsed (bounded:
 * `document/located.ts`), checked to look like a scenario before anything of it is echoed,
 * and merged onto its parent by `inherit.ts` (lists by id, `replace` markers), with the
 * extends chain's cycles and depth refused.
 */
import * as path from 'node:path';
import { describeFound, message, type ScenarioIssue } from '../document/errors.js';
import { parseYaml, readYamlFile, toPlain, type Located, type Location } from '../document/located.js';
import { closestMatch } from '../document/suggest.js';
import { mergeOver, resolveReplaceMarkers, type InheritanceNote } from './inherit.js';
import { validKeys } from './load-schema-walk.js';
import { scenarioSchema } from './schema.js';

/** What reading an extends chain collects: its files, its problems, what each file inherited. */
export interface Chain {
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
export function loadChain(
  file: string,
  text: string,
  visiting: string[],
  chain: Chain,
  referencedFrom?: Location,
): Located | undefined {
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
    chain.issues.push({
      code: 'extends_cycle',
      ...target.location,
      path: 'extends',
      message: message.extendsCycle(loop),
    });
    return undefined;
  }
  if (visiting.length >= EXTENDS_DEPTH) {
    chain.issues.push({
      code: 'extends_too_deep',
      ...target.location,
      path: 'extends',
      message: message.extendsTooDeep(EXTENDS_DEPTH),
    });
    return undefined;
  }
  const parentText = readYamlFile(parentFile, target.location, chain.issues);
  if (parentText === undefined) return undefined;
  const parent = loadChain(parentFile, parentText, [...visiting, resolved], chain, target.location);
  if (!parent) return undefined;
  return resolveReplaceMarkers(
    mergeOver(parent, child, { parent: parentFile, child: file }, chain.notes),
    chain.issues,
  );
}

/**
 * True when a parent file holds a map of scenario fields. Otherwise the problem is reported
 * at the extends that named it, without quoting the file's content: `extends: /etc/passwd`
 * must not print the password file. A scenario with a mistyped top-level key is told apart
 * by "did you mean" (every unknown key close to a scenario field).
 */
function looksLikeScenario(tree: Located, file: string, referencedFrom: Location, issues: ScenarioIssue[]): boolean {
  const notMap = (what: string): false => {
    issues.push({
      code: 'not_a_scenario',
      ...referencedFrom,
      path: 'extends',
      message: message.parentNotMap(file, what),
    });
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
      issues.push({
        code: 'unknown_key',
        ...entry.keyLocation,
        path: '(root)',
        message: message.parentUnknownKey(suggestions[index] as string),
      });
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
