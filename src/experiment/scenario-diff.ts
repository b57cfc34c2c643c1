/**
 * What differs between two resolved scenarios, in words: "tiers.tier2.shifts.0.agents: 3 → 2",
 * "added arrivals.surges.0", "removed channels.phone". Compared after defaults, so a value
 * written in one file and defaulted in the other to the same thing is no difference. Tiers
 * are matched by id, other lists by position; the name and description are left out.
 */
import type { Scenario } from '../scenario/schema.js';

/** Differences listed before "… and N more". */
const MOST = 25;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value in a line: scalars as written, small structures as compact JSON. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function walk(path: string, reference: unknown, other: unknown, lines: string[]): void {
  if (JSON.stringify(reference) === JSON.stringify(other)) return;
  const at = (key: string | number) => (path === '' ? String(key) : `${path}.${key}`);
  if (reference === undefined) {
    lines.push(`added ${path}: ${shown(other)}`);
    return;
  }
  if (other === undefined) {
    lines.push(`removed ${path} (was ${shown(reference)})`);
    return;
  }
  if (isPlainObject(reference) && isPlainObject(other)) {
    for (const key of new Set([...Object.keys(reference), ...Object.keys(other)]))
      walk(at(key), reference[key], other[key], lines);
    return;
  }
  if (Array.isArray(reference) && Array.isArray(other)) {
    const byId = (list: unknown[]) => list.every((entry) => isPlainObject(entry) && typeof entry.id === 'string');
    if (byId(reference) && byId(other)) {
      const ids = [...new Set([...reference, ...other].map((entry) => (entry as { id: string }).id))];
      for (const id of ids)
        walk(
          at(id),
          reference.find((entry) => (entry as { id: string }).id === id),
          other.find((entry) => (entry as { id: string }).id === id),
          lines,
        );
      return;
    }
    if (reference.every((entry) => typeof entry !== 'object') && other.every((entry) => typeof entry !== 'object')) {
      lines.push(`${path}: ${shown(reference)} → ${shown(other)}`);
      return;
    }
    for (let index = 0; index < Math.max(reference.length, other.length); index++)
      walk(at(index), reference[index], other[index], lines);
    return;
  }
  lines.push(`${path}: ${shown(reference)} → ${shown(other)}`);
}

/** The differences from `reference` to `other`, one line each (at most 25, then a count). */
export function scenarioDifferences(reference: Scenario, other: Scenario): string[] {
  const { name: _name, description: _description, extends: _extends, ...left } = reference;
  const { name: _otherName, description: _otherDescription, extends: _otherExtends, ...right } = other;
  const lines: string[] = [];
  walk('', left, right, lines);
  return lines.length > MOST ? [...lines.slice(0, MOST), `… and ${lines.length - MOST} more`] : lines;
}
