/**
 * Where every default of the scenario comes from: the sources table (`default-sources-desk.ts`,
 * `default-sources-people.ts`, and `default-sources-plugins.ts` from the plug-ins' files),
 * checked against the defaults the JSON Schema holds (`default-fields.ts`), and
 * docs/defaults.md generated from both (`npm run docs:defaults`).
 */
import { type DefaultedField, defaultedFields } from './default-fields.js';
import { ASSUMPTION, type DefaultSource, REFERENCES, UNCHECKED } from './default-references.js';
import { DESK_SOURCES } from './default-sources-desk.js';
import { PEOPLE_SOURCES } from './default-sources-people.js';
import { PLUGIN_SOURCES } from './default-sources-plugins.js';

/** The source of every default, by the field's path in the JSON Schema. */
export const DEFAULT_SOURCES: Readonly<Record<string, DefaultSource>> = {
  ...DESK_SOURCES,
  ...PEOPLE_SOURCES,
  ...PLUGIN_SOURCES,
};

/**
 * What is wrong between the schema's defaults and a sources table: a default without a source,
 * a source for a field that is gone or has no default, a source that is not a checked reference
 * or an assumption, a reason missing. Empty when they agree.
 */
export function defaultSourceProblems(
  sources: Readonly<Record<string, DefaultSource>> = DEFAULT_SOURCES,
  fields: readonly DefaultedField[] = defaultedFields(),
): string[] {
  const problems: string[] = [];
  const defaulted = new Set(fields.map((field) => field.path));
  for (const field of fields) {
    if (!Object.hasOwn(sources, field.path)) {
      problems.push(
        `${field.path} (default ${field.value}) has no source: add it to src/scenario/default-sources-*.ts`,
      );
    }
  }
  for (const [path, entry] of Object.entries(sources)) {
    if (!defaulted.has(path)) problems.push(`${path} has a source but the scenario has no default there`);
    const known = entry.source === ASSUMPTION || entry.source === UNCHECKED || Object.hasOwn(REFERENCES, entry.source);
    if (!known) problems.push(`${path}: "${entry.source}" is neither a reference nor an assumption`);
    if (entry.why.trim() === '') problems.push(`${path}: the reason is missing`);
  }
  return problems;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** docs/defaults.md: every default with its source and reason, then the references. */
export function defaultsTableMarkdown(): string {
  const rows = defaultedFields().map((field) => {
    const entry = DEFAULT_SOURCES[field.path];
    const source = entry === undefined ? '**missing**' : entry.source;
    return `| \`${field.path}\` | \`${cell(field.value)}\` | ${cell(source)} | ${cell(entry?.why ?? '')} |`;
  });
  const references = Object.entries(REFERENCES).map(([name, reference]) => `- **${name}** — ${reference.citation}`);
  return [
    '# Defaults and their sources',
    '',
    'Every value a scenario gets without saying, and where it comes from. Generated from the',
    "scenario's JSON Schema (`desksim schema`) and the sources table in",
    '`src/scenario/default-sources-*.ts` (`npm run docs:defaults`); a test fails when a default has',
    'no source, when a source names a field without a default, or when this file is out of date.',
    'How each parameter acts is in [model.md](model.md).',
    '',
    '- A **reference** (listed below) is a published work whose text was checked for the figure.',
    `- **${ASSUMPTION}** is the project's choice, with its reason. "Neutral" defaults switch a mechanism`,
    '  off (0, 1, none), so that a scenario gets only the mechanisms it asks for and the textbook',
    '  queues keep their formulas; the baseline scenario (`scenarios/baseline.yaml`) sets its own values.',
    `- **${UNCHECKED}** is a figure repeated in industry writing whose`,
    '  original the project has not read.',
    '',
    'Paths: `<id>` is any key of a map (a channel, a category), `[]` any item of a list. Durations',
    'are shown as a scenario writes them; the schema holds them in minutes. A section whose default',
    'is `{}` is not listed: its fields are.',
    '',
    '| field | default | source | why |',
    '|---|---|---|---|',
    ...rows,
    '',
    '## References',
    '',
    ...references,
    '',
  ].join('\n');
}
