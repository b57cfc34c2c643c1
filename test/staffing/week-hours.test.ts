import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/report/charts/render.js';
import { weekHeatmapChart } from '../../src/report/charts/week-heatmap.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { weekHourCells } from '../../src/staffing/week-hours.js';
import { cli, root, temporaryDirectory } from '../support/cli.js';

describe('waits and service level by hour of the week', () => {
  it('fold tickets onto local hour × weekday', () => {
    // mmc starts 2026-01-05 00:00 UTC, a Monday; threshold 5 minutes.
    const scenario = loadScenarioFile(join(root, 'scenarios/textbook/mmc.yaml')).scenario;
    const monday10 = 10 * 60 + 15;
    const tuesday3 = 24 * 60 + 3 * 60 + 59;
    const cells = weekHourCells(
      {
        created: Float64Array.from([monday10, monday10 + 20, monday10 + 7 * 24 * 60, tuesday3, tuesday3]),
        wait: Float64Array.from([2, 8, 5, 1, Number.NaN]),
        abandoned: Uint8Array.from([0, 0, 0, 1, 0]),
      },
      scenario,
    );
    // Monday 10:00: waits 2, 8, 5 (a week later) ⇒ mean 5, two of three within 5 min.
    // Tuesday 03:00: one queued ticket, abandoned (a miss); the one never queued is left out.
    expect(cells).toEqual([
      { weekday: 'Mon', hour: 10, tickets: 3, meanWait: 5, serviceLevel: 2 / 3 },
      { weekday: 'Tue', hour: 3, tickets: 1, meanWait: 1, serviceLevel: 0 },
    ]);
    return renderChart(weekHeatmapChart(cells, '5m')).then((chart) => expect(chart.warnings).toEqual([]));
  });

  it('are drawn in the run report', async () => {
    const out = join(temporaryDirectory(), 'run');
    const result = await cli([
      'run',
      'scenarios/baseline.yaml',
      '--set',
      'horizon.days=9',
      '-r',
      '2',
      '--out',
      out,
      '--quiet',
    ]);
    expect(result.code).toBe(0);
    expect(existsSync(join(out, 'charts', 'week-heatmap.svg'))).toBe(true);
  });
});
