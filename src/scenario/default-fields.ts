/**
 * Every default a scenario gets without saying, read from the scenario's JSON Schema — the one
 * `desksim schema` prints — so that the list follows the schema files (`schema-*.ts`) without
 * anyone keeping it by hand. `default-sources.ts` says where each default comes from.
 */
import { z } from 'zod';
import { formatDuration } from '../engine/duration.js';
import { scenarioObjectSchema } from './schema-object.js';
import { scenarioJsonSchema } from './schema.js';

/** One field that takes a value when the scenario does not give one. */
export interface DefaultedField {
  /** The field as the JSON Schema names it: `customers.silence`, `channels.<id>.rank`, `tiers[].skill`. */
  path: string;
  /** The default as a scenario would write it (YAML flow style; durations as "4h", "5d"). */
  value: string;
  /** The field's description in the schema ('' when it has none). */
  description: string;
}

type JsonNode = Record<string, unknown>;

function isNode(value: unknown): value is JsonNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A duration is a number of minutes or a text such as "4h": the only number-or-string values with a default. */
function isDuration(node: JsonNode): boolean {
  return (
    Array.isArray(node.type) && node.type.length === 2 && node.type.includes('number') && node.type.includes('string')
  );
}

function isEmptyObject(value: unknown): boolean {
  return isNode(value) && Object.keys(value).length === 0;
}

/** Every node of a JSON Schema by path, in document order; an object's branches share its path. */
function nodesByPath(node: JsonNode, path: string, nodes: Map<string, JsonNode[]>): Map<string, JsonNode[]> {
  if (path !== '') nodes.set(path, [...(nodes.get(path) ?? []), node]);
  for (const [key, child] of Object.entries(isNode(node.properties) ? node.properties : {})) {
    if (isNode(child)) nodesByPath(child, path === '' ? key : `${path}.${key}`, nodes);
  }
  if (isNode(node.additionalProperties)) nodesByPath(node.additionalProperties, `${path}.<id>`, nodes);
  if (isNode(node.items)) nodesByPath(node.items, `${path}[]`, nodes);
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const branches = node[key];
    if (Array.isArray(branches)) for (const branch of branches) if (isNode(branch)) nodesByPath(branch, path, nodes);
  }
  return nodes;
}

/** The first default at a path, if any node there has one. */
function defaultAt(nodes: JsonNode[] | undefined): { value: unknown } | undefined {
  const node = nodes?.find((candidate) => 'default' in candidate);
  return node === undefined ? undefined : { value: node.default };
}

/** The schema node that describes `key` of an object value at `node` (through its branches). */
function childNode(node: JsonNode, key: string, value: JsonNode): JsonNode | undefined {
  if (isNode(node.properties) && isNode(node.properties[key])) return node.properties[key];
  for (const branchKey of ['oneOf', 'anyOf']) {
    const branches = node[branchKey];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches.filter(isNode)) {
      const properties = isNode(branch.properties) ? branch.properties : {};
      const discriminator = isNode(properties.dist) ? properties.dist.const : undefined;
      if (discriminator !== undefined && discriminator !== value.dist) continue;
      const found = childNode(branch, key, value);
      if (found) return found;
    }
  }
  return isNode(node.additionalProperties) ? node.additionalProperties : undefined;
}

function durationNode(node: JsonNode): boolean {
  if (isDuration(node)) return true;
  const branches = node.anyOf;
  return Array.isArray(branches) && branches.some((branch) => isNode(branch) && isDuration(branch));
}

const DURATION_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['w', 10080],
  ['d', 1440],
  ['h', 60],
  ['m', 1],
  ['s', 1 / 60],
];

/** Minutes as a scenario writes them: one whole unit if one fits ("40h", "6w", "15s"), else two units. */
function durationText(minutes: number): string {
  if (minutes === 0) return '0';
  for (const [unit, size] of DURATION_UNITS) {
    const count = minutes / size;
    if (Math.abs(count - Math.round(count)) < 1e-9) return `${Math.round(count)}${unit}`;
  }
  return formatDuration(minutes);
}

/** A default as YAML flow text; numbers the schema calls durations are shown as durations. */
function render(value: unknown, node: JsonNode | undefined): string {
  if (typeof value === 'number' && node !== undefined && durationNode(node)) {
    return durationText(value);
  }
  if (Array.isArray(value)) {
    const items = isNode(node?.items) ? node.items : undefined;
    return `[${value.map((item) => render(item, items)).join(', ')}]`;
  }
  if (isNode(value)) {
    const entries = Object.entries(value).map(([key, item]) => {
      return `${key}: ${render(item, node === undefined ? undefined : childNode(node, key, value))}`;
    });
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  if (typeof value === 'string') return /^[A-Za-z0-9_.:-]+$/.test(value) ? value : JSON.stringify(value);
  return String(value);
}

/**
 * The defaulted fields of the scenario, in the schema's order. The JSON Schema of the input
 * (`desksim schema`) leaves out the defaults of durations (zod drops a default whose schema
 * transforms its input), so those come from the schema of the output, in minutes, and are shown
 * as durations. An object whose default is `{}` is not listed: its own fields carry the defaults.
 */
export function defaultedFields(): DefaultedField[] {
  const input = nodesByPath(scenarioJsonSchema(), '', new Map());
  const outputSchema = z.toJSONSchema(scenarioObjectSchema, { io: 'output', unrepresentable: 'any' });
  const output = nodesByPath(outputSchema as JsonNode, '', new Map());
  const fields: DefaultedField[] = [];
  for (const [path, nodes] of input) {
    const found = defaultAt(nodes) ?? defaultAt(output.get(path));
    const node = nodes[0] as JsonNode;
    if (found === undefined || (isEmptyObject(found.value) && isNode(node.properties))) continue;
    const description = typeof node.description === 'string' ? node.description : '';
    fields.push({ path, value: render(found.value, node), description });
  }
  // A path only the output has (none today) is still a default a scenario gets.
  for (const [path, nodes] of output) {
    const found = input.has(path) ? undefined : defaultAt(nodes);
    if (found === undefined || isEmptyObject(found.value)) continue;
    const node = nodes[0] as JsonNode;
    const description = typeof node.description === 'string' ? node.description : '';
    fields.push({ path, value: render(found.value, node), description });
  }
  return fields;
}
