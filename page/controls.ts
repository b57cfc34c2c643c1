/**
 * The page's controls, generated rather than written by hand: which settings a what-if
 * needs is declared once below as paths into the scenario (one family per kind of setting);
 * the instances come from the scenario itself (its tiers, shifts, priorities, categories),
 * the gaming behaviours and incentive KPIs from the incentive table, and each control's
 * bounds, integer-ness and help text from the scenario's JSON Schema (`desksim schema`).
 *
 * A control's value becomes a `--set` override, `path=value`, except the incentive
 * pressures, which together make one `incentives=[...]` override.
 */
import { GAMING_BEHAVIOURS, INCENTIVE_KPIS } from '../src/scenario/incentives.js';
import type { Scenario } from '../src/scenario/schema.js';

/** One control: a number the user can set. */
export interface Control {
  /** The `--set` path ("tiers.tier2.shifts.0.agents"), or `incentives.<kpi>` for a pressure. */
  path: string;
  group: ControlGroup;
  label: string;
  /** The schema's description of the field (help text). */
  help: string;
  /** The scenario's own value. */
  value: number;
  minimum: number;
  maximum: number;
  step: number;
  integer: boolean;
  /** Minutes: shown as a duration beside the number. */
  duration?: boolean;
}

export const CONTROL_GROUPS = [
  'Staffing',
  'Arrivals',
  'Knowledge',
  'SLA targets',
  'Incentive pressure',
  'Gaming behaviours',
  'Run',
] as const;
export type ControlGroup = (typeof CONTROL_GROUPS)[number];

type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
};

/** Words of an id: "premature_close" → "Premature close", "tier2" → "Tier 2". */
export function words(id: string): string {
  const text = id.replace(/_/g, ' ').replace(/([a-z])(\d)/g, '$1 $2');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The schema of the field at a `--set` path. Lists are addressed by index or (tiers) by id;
 * unions take their numeric branch when the path ends, else their object branch.
 */
export function schemaAt(root: JsonSchema, path: readonly string[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  const described: string[] = [];
  for (let index = 0; index <= path.length && node !== undefined; index++) {
    if (typeof node.description === 'string') described.push(node.description);
    if (node.anyOf !== undefined) {
      const last = index === path.length;
      node = node.anyOf.find((branch) =>
        last
          ? branch.type === 'number' || branch.type === 'integer'
          : branch.type === 'object' || branch.type === 'array',
      );
      if (node === undefined) return undefined;
    }
    if (index === path.length) break;
    const segment = path[index]!;
    if (node.type === 'array') node = node.items;
    else
      node =
        node.properties?.[segment] ??
        (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
  }
  if (node === undefined) return undefined;
  return {
    ...node,
    description: typeof node.description === 'string' ? node.description : (described[described.length - 1] ?? ''),
  };
}

/** Bounds the user can reach with the slider: the schema's, else a generous range around the value. */
function bounds(
  schema: JsonSchema,
  value: number,
  integer: boolean,
): { minimum: number; maximum: number; step: number } {
  const minimum = typeof schema.minimum === 'number' ? schema.minimum : 0;
  const declared = typeof schema.maximum === 'number' && schema.maximum < 1e6 ? schema.maximum : undefined;
  const maximum = declared ?? (integer ? Math.max(10, value * 3) : Math.max(1, value * 3));
  const step = integer ? 1 : maximum <= 1 ? 0.01 : Number((maximum / 100).toPrecision(1));
  return { minimum, maximum, step };
}

function control(
  root: JsonSchema,
  path: string[],
  group: ControlGroup,
  label: string,
  value: number,
  options: { duration?: boolean; help?: string } = {},
): Control | undefined {
  const schema = schemaAt(root, path);
  if (schema === undefined) return undefined;
  const integer = schema.type === 'integer';
  return {
    path: path.join('.'),
    group,
    label,
    help: options.help ?? String(schema.description ?? ''),
    value,
    ...bounds(schema, value, integer),
    integer,
    duration: options.duration,
  };
}

/** A shift in words: "early, Mon–Fri 07:00–15:30". */
function shiftLabel(shift: { name?: string; days: readonly string[]; start: string; end: string }): string {
  const days = shift.days.map(words);
  const span = days.length > 2 ? `${days[0]}–${days[days.length - 1]}` : days.join(', ');
  return `${shift.name ?? 'shift'}, ${span} ${shift.start}–${shift.end}`;
}

/** Every control for a scenario (as written, defaults applied), in group order. */
export function buildControls(scenario: Scenario, jsonSchema: Record<string, unknown>): Control[] {
  const root = jsonSchema as JsonSchema;
  const controls: Array<Control | undefined> = [];
  for (const tier of scenario.tiers) {
    if (tier.shifts === undefined) {
      controls.push(
        control(root, ['tiers', tier.id, 'agents'], 'Staffing', `${words(tier.id)} agents`, tier.agents ?? 0),
      );
    } else {
      tier.shifts.forEach((shift, index) =>
        controls.push(
          control(
            root,
            ['tiers', tier.id, 'shifts', String(index), 'agents'],
            'Staffing',
            `${words(tier.id)} agents (${shiftLabel(shift)})`,
            shift.agents,
          ),
        ),
      );
    }
  }
  controls.push(
    control(root, ['arrivals', 'rate_per_hour'], 'Arrivals', 'Tickets per hour', scenario.arrivals.rate_per_hour),
  );
  const coverage = scenario.knowledge.coverage;
  if (typeof coverage === 'number') {
    controls.push(control(root, ['knowledge', 'coverage'], 'Knowledge', 'Knowledge base coverage', coverage));
  } else {
    for (const [category, share] of Object.entries(coverage)) {
      controls.push(
        control(root, ['knowledge', 'coverage', category], 'Knowledge', `Coverage: ${words(category)}`, share, {
          help: String(schemaAt(root, ['knowledge', 'coverage'])?.description ?? ''),
        }),
      );
    }
  }
  for (const [priority, target] of Object.entries(scenario.sla.targets)) {
    for (const field of ['first_response', 'resolution'] as const) {
      const minutes = target[field];
      if (minutes !== undefined)
        controls.push(
          control(
            root,
            ['sla', 'targets', priority, field],
            'SLA targets',
            `${words(priority)}: ${words(field).toLowerCase()} (minutes)`,
            minutes,
            { duration: true },
          ),
        );
    }
  }
  const pressure = schemaAt(root, ['incentives', '0', 'pressure']);
  for (const kpi of INCENTIVE_KPIS) {
    const value = scenario.incentives.find((incentive) => incentive.kpi === kpi)?.pressure ?? 0;
    controls.push({
      path: `incentives.${kpi}`,
      group: 'Incentive pressure',
      label: kpi,
      help: String(pressure?.description ?? ''),
      value,
      minimum: 0,
      maximum: 1,
      step: 0.05,
      integer: false,
    });
  }
  for (const behaviour of GAMING_BEHAVIOURS) {
    const described = (path: string[]) => String(schemaAt(root, path)?.description ?? '');
    const help = `${described(['gaming', behaviour])} ${described(['gaming', behaviour, 'intensity'])}`.trim();
    controls.push(
      control(
        root,
        ['gaming', behaviour, 'intensity'],
        'Gaming behaviours',
        words(behaviour),
        scenario.gaming[behaviour].intensity,
        { help },
      ),
    );
  }
  controls.push(control(root, ['replications'], 'Run', 'Replications', scenario.replications));
  controls.push(control(root, ['seed'], 'Run', 'Seed', scenario.seed));
  return controls
    .filter((item): item is Control => item !== undefined)
    .map((item) =>
      item.path === 'replications'
        ? { ...item, maximum: Math.max(item.value, 30) }
        : item.path === 'seed'
          ? { ...item, maximum: Math.max(item.value, 10_000) }
          : item,
    );
}

/**
 * The overrides for control values that differ from the scenario's, in control order; the
 * incentive pressures as one `incentives=[...]` (every KPI with pressure above 0).
 */
export function overridesFor(controls: readonly Control[], values: ReadonlyMap<string, number>): string[] {
  const overrides: string[] = [];
  let incentivesChanged = false;
  const incentives: Array<{ kpi: string; pressure: number }> = [];
  for (const item of controls) {
    const value = values.get(item.path) ?? item.value;
    if (item.path.startsWith('incentives.')) {
      if (value !== item.value) incentivesChanged = true;
      if (value !== 0) incentives.push({ kpi: item.path.slice('incentives.'.length), pressure: value });
    } else if (value !== item.value) {
      overrides.push(`${item.path}=${value}`);
    }
  }
  if (incentivesChanged) overrides.push(`incentives=${JSON.stringify(incentives)}`);
  return overrides;
}

/** The control an issue's path belongs to: the same path, or (incentives.N...) the N-th incentive with pressure. */
export function controlForIssue(
  controls: readonly Control[],
  values: ReadonlyMap<string, number>,
  issuePath: string,
): Control | undefined {
  const direct = controls.find((item) => item.path === issuePath || issuePath.startsWith(`${item.path}.`));
  if (direct !== undefined) return direct;
  const incentive = /^incentives\.(\d+)/.exec(issuePath);
  if (incentive === null) return undefined;
  const pressured = controls.filter(
    (item) => item.path.startsWith('incentives.') && (values.get(item.path) ?? item.value) !== 0,
  );
  return pressured[Number(incentive[1])];
}
