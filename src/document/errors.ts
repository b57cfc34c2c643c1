/**
 * Problems in the documents desksim reads (scenarios, and the experiment files, frameworks
 * and mappings read the same way) and every word said about them.
 *
 * The loaders (`scenario/load.ts` and the others) find problems and call the builders in
 * `message` below; all the wording a user reads lives here, in one place (like vega-lite's
 * `log/message.ts`), so it stays consistent and plain: "expected an integer >= 0, found -3",
 * never zod's jargon.
 */

/** One problem in a scenario, with where it was written and what was wrong. */
export interface ScenarioIssue {
  /**
   * What kind of problem: `yaml_syntax`, `duplicate_key`, `unknown_key`, `invalid_type`,
   * `invalid_value`, `too_small`, `too_big`, `invalid_format`, `invalid_key`, `custom`,
   * `bad_override`, `file_not_found`, `file_unreadable`, `not_a_file`, `too_large` (a file, its
   * values after alias expansion, or its nesting beyond the reading limits), `extends_cycle`,
   * `extends_too_deep`, `not_a_scenario` (a parent named by extends), `bad_replace`.
   */
  code: string;
  /** The file the problem was written in, or `--set` for a command-line override. */
  file: string;
  /** 1-based line, when the problem is in a file. */
  line?: number;
  /** 1-based column, when the problem is in a file. */
  column?: number;
  /** The full text of the `--set` override the problem came from, when file is `--set`. */
  override?: string;
  /** The field path, dotted, list items shown by id ("tiers.tier1.agents"); "(root)" for the top. */
  path: string;
  /** What the field should hold, in words ("an integer >= 0"). */
  expected?: string;
  /** What was found instead, as written ("-3", "\"4 hours\""). */
  found?: string;
  /** The one-line human explanation. */
  message: string;
}

/** Where an issue was written, as shown at the start of its block. */
export function issueLocation(issue: Pick<ScenarioIssue, 'file' | 'line' | 'column' | 'override'>): string {
  if (issue.override !== undefined) return `--set ${issue.override}`;
  if (issue.line === undefined) return issue.file;
  return `${issue.file}:${issue.line}:${issue.column ?? 1}`;
}

/** One issue as a two-line block: location and path, then the explanation. */
export function renderIssue(issue: ScenarioIssue): string {
  return `${issueLocation(issue)}  ${issue.path}\n  ${issue.message}`;
}

/** Every issue, one block each. */
export function renderIssues(issues: readonly ScenarioIssue[]): string {
  return issues.map(renderIssue).join('\n');
}

/** A scenario that cannot be used, with every problem found in it. */
export class ScenarioError extends Error {
  readonly issues: ScenarioIssue[];

  constructor(issues: ScenarioIssue[]) {
    super(renderIssues(issues));
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

// ---------------------------------------------------------------------------
// Describing values and expectations
// ---------------------------------------------------------------------------

/** A value found in the scenario, as a user would recognise it. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    // A long text (a whole file read as one string) is named, not echoed.
    if (value.length <= 80) return JSON.stringify(value);
    return `${JSON.stringify(value.slice(0, 40))}… (a text of ${value.length} characters)`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty list';
    return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (typeof value === 'object') return Object.keys(value).length === 0 ? 'an empty map' : 'a map';
  return String(value);
}

/** The words for a kind of value zod expected (its `expected` field). */
export function describeExpectedType(expected: string): string {
  switch (expected) {
    case 'number':
      return 'a number';
    case 'int':
    case 'integer':
      return 'an integer';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'object':
    case 'record':
    case 'map':
      return 'a map (key: value)';
    case 'array':
      return 'a list';
    case 'null':
      return 'an empty value (null)';
    case 'duration':
      return 'a duration (minutes, or a string like "45s", "15m", "4h", "2d", "1w")';
    default:
      return `a ${expected}`;
  }
}

/** Numeric bounds as words: "a number >= 0", "an integer from 1 to 100000", "a number > 0". */
export function describeNumber(
  kind: 'number' | 'integer',
  minimum?: { value: number; inclusive: boolean },
  maximum?: { value: number; inclusive: boolean },
): string {
  const noun = kind === 'integer' ? 'an integer' : 'a number';
  if (minimum && maximum && minimum.inclusive && maximum.inclusive) {
    return `${noun} from ${minimum.value} to ${maximum.value}`;
  }
  const parts: string[] = [];
  if (minimum) parts.push(`${minimum.inclusive ? '>=' : '>'} ${minimum.value}`);
  if (maximum) parts.push(`${maximum.inclusive ? '<=' : '<'} ${maximum.value}`);
  return parts.length === 0 ? noun : `${noun} ${parts.join(' and ')}`;
}

/** A list's required size as words. */
export function describeListSize(minimum: number, exact: boolean, kind: 'at least' | 'at most'): string {
  const items = `${minimum} item${minimum === 1 ? '' : 's'}`;
  if (exact) return `a list of exactly ${items}`;
  return `a list of ${kind} ${items}`;
}

/** A string's required size as words. */
export function describeStringSize(bound: number, exact: boolean, kind: 'at least' | 'at most'): string {
  if (!exact && kind === 'at least' && bound === 1) return 'a non-empty string';
  const characters = `${bound} character${bound === 1 ? '' : 's'}`;
  if (exact) return `a string of exactly ${characters}`;
  return `a string of ${kind} ${characters}`;
}

/** Options joined for reading: a, b, c. */
export function listOptions(options: readonly unknown[]): string {
  return options.map((option) => (typeof option === 'string' ? option : JSON.stringify(option))).join(', ');
}

function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : ` — did you mean "${suggestion}"?`;
}

/** What kind of YAML document is being read, for messages about the document as a whole. */
export interface DocumentKind {
  /** "scenario", "experiment". */
  noun: string;
  /** "a" or "an", as the noun wants. */
  article: 'a' | 'an';
  /** Two top-level keys such a document usually has, to show what was expected. */
  exampleKeys: readonly string[];
}

/** A scenario file. */
export const SCENARIO_KIND: DocumentKind = { noun: 'scenario', article: 'a', exampleKeys: ['name', 'tiers'] };

// ---------------------------------------------------------------------------
// The messages
// ---------------------------------------------------------------------------

export const message = {
  yamlSyntax: (detail: string) => `YAML syntax error: ${detail}`,
  duplicateKey: (key: string, firstLine: number | undefined) =>
    `duplicate key "${key}"${firstLine === undefined ? '' : ` (already set on line ${firstLine})`}`,
  fileNotFound: (file: string, asParent: boolean, noun = 'scenario') =>
    asParent ? `cannot find the parent scenario "${file}" named by extends` : `cannot find the ${noun} file "${file}"`,
  fileUnreadable: (file: string, reason: string) => `cannot read "${file}": ${reason}`,
  extendsCycle: (chain: readonly string[]) => `extends goes round in a circle: ${chain.join(' → ')}`,
  extendsNotPath: (found: string) => `extends must be the path of a parent scenario file, found ${found}`,
  extendsTooDeep: (limit: number) =>
    `extends goes more than ${limit} files deep; a chain that long is surely a mistake`,
  notAFile: (file: string, what: string, noun = 'scenario') => `"${file}" is ${what}, not a ${noun} file`,
  fileTooLarge: (file: string, bytes: number, limit: number, noun = 'scenario') =>
    `"${file}" is ${bytes > limit + 1 ? `${bytes} bytes` : `more than ${limit} bytes`}; a ${noun} file may hold at ` +
    `most ${limit} bytes`,
  tooManyValues: (limit: number) =>
    `the YAML expands to more than ${limit} values (each alias *name repeats the value anchored &name): ` +
    'a scenario needs far fewer — check the anchors and aliases',
  nestedTooDeep: (limit: number) => `values nest more than ${limit} levels deep`,
  parentNotMap: (file: string, what: string) =>
    `the parent "${file}" named by extends is not a scenario: it holds ${what}, not a map of fields such as "name:" ` +
    `and "tiers:"`,
  parentNotScenario: (file: string, unknown: number, first: string) =>
    `the parent "${file}" named by extends is not a desksim scenario: ${unknown} of its top-level keys ` +
    `${unknown === 1 ? 'is not a scenario field' : 'are not scenario fields'} (the first at ${first})`,
  parentUnknownKey: (suggestion: string) => `unknown top-level key — did you mean "${suggestion}"?`,
  replaceNotAlone: () => '$replace must be the only key of its map: { $replace: <the new value> }',

  malformedOverride: (text: string) =>
    `cannot read the override "${text}": expected path=value, e.g. tiers.tier1.agents=8`,
  overrideEmptyPath: (text: string) => `the override "${text}" has an empty path segment`,
  overrideBadYaml: (text: string, detail: string) => `the value of the override "${text}" is not valid YAML: ${detail}`,
  overrideNotContainer: (where: string, found: string) =>
    `cannot go inside ${where}: it holds ${found}, not a map or a list`,
  overrideUnknownId: (list: string, id: string, known: readonly string[]) => {
    const singular = list.endsWith('s') ? list.slice(0, -1) : list;
    return `unknown ${singular} id "${id}" in ${list} (known: ${known.length === 0 ? 'none' : known.join(', ')})`;
  },
  overrideBadIndex: (list: string, index: number, length: number) =>
    `${list} has ${length} item${length === 1 ? '' : 's'}, so there is no item ${index} (items count from 0)`,
  overrideRootNotMap: () => 'the scenario is not a map of fields, so it cannot be overridden',

  typeMismatch: (expected: string, found: string) => `expected ${expected}, found ${found}`,
  missingField: (field: string, expected: string) => `required field "${field}" is missing (expected ${expected})`,
  rootNotMap: (found: string, kind: DocumentKind = SCENARIO_KIND) =>
    `expected ${kind.article} ${kind.noun}: a map of fields such as ` +
    `${kind.exampleKeys.map((key) => `"${key}:"`).join(' and ')}, found ${found}`,
  unknownKey: (key: string, suggestion: string | undefined, valid: readonly string[]) =>
    suggestion !== undefined
      ? `unknown key "${key}"${didYouMean(suggestion)}`
      : `unknown key "${key}" — valid keys here: ${valid.length === 0 ? 'none' : valid.join(', ')}`,
  notOneOf: (options: readonly unknown[], found: string, suggestion: string | undefined) =>
    `expected one of ${listOptions(options)}; found ${found}${didYouMean(suggestion)}`,
  unknownDiscriminator: (
    discriminator: string,
    value: unknown,
    options: readonly unknown[],
    suggestion: string | undefined,
  ) =>
    value === undefined
      ? `missing "${discriminator}": give one of ${listOptions(options)}`
      : `unknown ${discriminator} ${describeFound(value)}${didYouMean(suggestion)} (allowed: ${listOptions(options)})`,
  notADistribution: (found: string) =>
    `expected a distribution such as { dist: exponential, mean: 20 }, found ${found}`,
  invalidKey: (key: string, problem: string) => `invalid key "${key}": ${problem}`,
  /** A refinement's own message; "must ..." messages get what was found appended. */
  refinement: (text: string, found: string | undefined) =>
    found !== undefined && /^must\b/.test(text) && !/\bfound\b/.test(text) ? `${text}, found ${found}` : text,
  badDuration: (found: string, detail: string) =>
    `expected ${describeExpectedType('duration')}, found ${found}${detail ? ` (${detail})` : ''}`,
  invalidFormat: (format: string, found: string) => `expected ${format}, found ${found}`,
  validationCrashed: (detail: string) => `the scenario could not be checked: ${detail}`,
  other: (found: string) => `invalid value ${found}`,
  unknownKpi: (found: string, suggestion: string | undefined) =>
    `unknown KPI ` +
    `${found}${suggestion === undefined ? ' (every KPI is listed in docs/kpis.md)' : didYouMean(suggestion)}`,
} as const;
