/**
 * Settings in the address: `#scenario=baseline&set=tiers.tier2.shifts.0.agents%3D4&...`, so
 * a link restores what its sender saw. Only what differs from the scenario is written.
 */

/** What a link restores. */
export interface SharedSettings {
  scenario?: string;
  /** Control path → value. */
  values: Map<string, number>;
  trainer: boolean;
  /** The KPI of the pressure sweep. */
  sweepKpi?: string;
}

/** The hash for settings (without the leading '#'). */
export function encodeSettings(settings: SharedSettings): string {
  const parameters = new URLSearchParams();
  if (settings.scenario !== undefined) parameters.set('scenario', settings.scenario);
  for (const [path, value] of settings.values) parameters.append('set', `${path}=${value}`);
  if (settings.sweepKpi !== undefined) parameters.set('sweep', settings.sweepKpi);
  if (settings.trainer) parameters.set('trainer', '1');
  return parameters.toString();
}

/** Settings from a hash (with or without '#'); values that are not numbers are dropped. */
export function decodeSettings(hash: string): SharedSettings {
  const parameters = new URLSearchParams(hash.replace(/^#/, ''));
  const values = new Map<string, number>();
  for (const entry of parameters.getAll('set')) {
    const separator = entry.indexOf('=');
    const value = Number(entry.slice(separator + 1));
    if (separator > 0 && entry.slice(separator + 1).trim() !== '' && Number.isFinite(value))
      values.set(entry.slice(0, separator), value);
  }
  return {
    scenario: parameters.get('scenario') ?? undefined,
    values,
    trainer: parameters.get('trainer') === '1',
    sweepKpi: parameters.get('sweep') ?? undefined,
  };
}
