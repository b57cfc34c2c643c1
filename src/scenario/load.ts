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
 *
 * This file holds the loaders; the steps live beside it: `load-extends.ts` (files and
 * extends), `load-overrides.ts` (`--set` and values as data), `load-issues.ts` (zod issues →
 * located scenario issues) and `load-schema-walk.ts` (what the schema allows at a path).
 */
import * as path from 'node:path';
import { stringify } from 'yaml';
import type { z } from 'zod';
import { message, SCENARIO_KIND, ScenarioError, type DocumentKind, type ScenarioIssue } from '../document/errors.js';
import { parseYaml, readYamlFile, toPlain, type Located } from '../document/located.js';
import type { InheritanceNote } from './inherit.js';
import { loadChain, type Chain } from './load-extends.js';
import { dedupe, dropEchoes, issueAt, locate, mapIssue, sortIssues, type Validation } from './load-issues.js';
import { applyOverride, applyValueOverride, type ValueOverride } from './load-overrides.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { workProblems } from './size.js';

export type { ValueOverride } from './load-overrides.js';

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
// The loaders
// ---------------------------------------------------------------------------

function finish(
  tree: Located,
  files: string[],
  options: LoadOptions | undefined,
  earlier: ScenarioIssue[],
  inheritance: InheritanceNote[] = [],
): LoadedScenario {
  const issues = [...earlier];
  for (const override of options?.overrides ?? []) applyOverride(tree, override, issues);
  const data = toPlain(tree);
  const validation: Validation = { schema: scenarioSchema, kind: SCENARIO_KIND, tree, data, issues: [] };
  let result: ReturnType<typeof scenarioSchema.safeParse>;
  try {
    result = scenarioSchema.safeParse(data, { reportInput: true });
  } catch (error) {
    throw new ScenarioError([
      ...issues,
      {
        code: 'custom',
        file: files[0] ?? '',
        path: '(root)',
        message: message.validationCrashed((error as Error).message),
      },
    ]);
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
