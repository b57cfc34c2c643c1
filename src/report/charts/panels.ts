/**
 * KPIs of different units cannot share an axis. Charts that show many KPIs at once (the KPI
 * dashboard, the comparison forest plot) split them into panels, one per kind of unit, each
 * with its own axis: shares in %, short durations in minutes, long ones in hours or days,
 * survey scores, NPS, cost, volumes.
 */
import { parseKpiKey } from '../../metrics/kpi-key.js';
import { axisUnit, durationScale, type AxisUnit } from './chart.js';

/** One panel: its title and its axis. */
export interface Panel {
  key: string;
  title: string;
  axis: AxisUnit;
  /** Axis domain when the unit has natural bounds (shares 0..100 %), else undefined. */
  domain?: [number, number];
}

/** Durations whose largest value stays under this many minutes go to the "minutes" panel. */
export const SHORT_DURATION_LIMIT = 120;

const ORDER = ['share', 'minutes-short', 'minutes-long', 'score', 'nps', 'ratio', 'currency', 'tickets', 'agents'];

/** Which panel a KPI belongs to; durations by their size (`largest` in the KPI's unit). */
export function panelKey(id: string, unit: string, largest: number): string {
  if (unit === 'minutes') return Math.abs(largest) <= SHORT_DURATION_LIMIT ? 'minutes-short' : 'minutes-long';
  if (unit === 'score') return parseKpiKey(id).kpi === 'nps' ? 'nps' : 'score';
  return unit;
}

/** A panel's title and axis; `largest` is the largest absolute value drawn in it (raw unit). */
export function panel(key: string, largest: number, what: 'value' | 'difference'): Panel {
  const difference = what === 'difference';
  switch (key) {
    case 'share':
      return difference
        ? { key, title: 'Shares and rates', axis: { divisor: 0.01, label: 'percentage points', format: '+,.3~r' } }
        : { key, title: 'Shares and rates', axis: axisUnit('share'), domain: [0, 1] };
    case 'minutes-short':
      return {
        key,
        title: 'Waits and work time',
        axis: {
          ...axisUnit('minutes', Math.min(largest, SHORT_DURATION_LIMIT)),
          format: difference ? '+,.3~r' : ',.3~r',
        },
      };
    case 'minutes-long': {
      const scale = durationScale(Math.max(largest, SHORT_DURATION_LIMIT + 1));
      return {
        key,
        title: 'Response and resolution times',
        axis: { divisor: scale.minutes, label: scale.unit, format: difference ? '+,.3~r' : ',.3~r' },
      };
    }
    case 'score':
      return {
        key,
        title: 'Survey scores',
        axis: { ...axisUnit('score'), label: 'CSAT 1–5, CES 1–7' },
        ...(difference ? {} : { domain: [1, 7] as [number, number] }),
      };
    case 'nps':
      return {
        key,
        title: 'Net promoter score',
        axis: { ...axisUnit('score'), label: '−100 to 100' },
        ...(difference ? {} : { domain: [-100, 100] as [number, number] }),
      };
    case 'currency':
      return { key, title: 'Cost', axis: axisUnit('currency') };
    case 'tickets':
      return { key, title: 'Ticket volumes', axis: axisUnit('tickets') };
    case 'agents':
      return { key, title: 'Staff turnover', axis: axisUnit('agents') };
    case 'ratio':
      return { key, title: 'Counts per ticket, agent-day or issue', axis: { ...axisUnit('ratio'), label: 'count' } };
    default:
      return { key, title: key.charAt(0).toUpperCase() + key.slice(1), axis: axisUnit(key) };
  }
}

/** Panels in reading order: shares first, then durations, scores, cost, volumes. */
export function panelOrder(key: string): number {
  const index = ORDER.indexOf(key);
  return index === -1 ? ORDER.length : index;
}
