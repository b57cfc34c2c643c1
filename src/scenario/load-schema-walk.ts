/**
 * Walking the zod schema by path, for what a message needs to say: the keys a map may hold
 * ("did you mean"), a number's bounds, whether a value is a duration, a section's default.
 * It reads zod's plain-data definitions (`_zod.def`), and only here.
 *
 * Why not zod 4's public API (checked against zod 4.6.7, issue 16): it cannot answer two of
 * the questions. (1) A number's bound and whether it is inclusive: `z.number().gt(0).minValue`
 * and `z.number().min(0).minValue` are both 0, and a check object has no public definition
 * (`Object.keys(check)` is only `_zod`), so "> 0" and "≥ 0" could not be told apart. (2) Which
 * value is a duration: `z.toJSONSchema` (io "input") renders the duration schema (a number or
 * string piped into the parser) exactly as a plain `z.union([z.number(), z.string()])`, both
 * `{"type":["number","string"]}`; only the pipe into a transform tells them apart, and only
 * the definition shows it. The classic `.def`/`.type` accessors are the same objects as
 * `_zod.def` and exist only on classic schemas, not on the `z.core.$ZodType` this walk takes.
 */
import type { z } from 'zod';

/** A zod schema of any kind, as the walk sees it. */
export type Schema = z.core.$ZodType;

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

/** A schema's plain-data definition (zod's `_zod.def`), read through `LooseDefinition` only. */
export function defOf(schema: Schema): LooseDefinition {
  return schema._zod.def as unknown as LooseDefinition;
}

const wrappers = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch', 'nonoptional']);

/** Strip wrappers and pipes down to the schema that checks the written (input) value. */
export function unwrap(schema: Schema): Schema {
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
export function isDuration(schema: Schema): boolean {
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

/** The value one segment below `data`, or undefined (own keys only). */
export function childData(data: unknown, segment: string | number): unknown {
  if (data === null || typeof data !== 'object' || !Object.hasOwn(data, String(segment))) return undefined;
  return (data as Record<string, unknown>)[String(segment)];
}

/** Every schema that may check the value at a path (more than one under unions). */
export function schemasAt(root: Schema, segments: readonly (string | number)[], data: unknown): Schema[] {
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
export function validKeys(schemas: readonly Schema[], data: unknown): string[] {
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

/** The kind and bounds of the first number schema among `schemas` (a union's options included). */
export function numberRule(schemas: readonly Schema[]): NumberRule | undefined {
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
        if (checkDefinition.check === 'number_format' && /int/.test(checkDefinition.format ?? ''))
          rule.kind = 'integer';
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
