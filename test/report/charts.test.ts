/**
 * Every chart compiles with Vega-Lite without a warning, renders to SVG in Node, carries its
 * title and axis titles, and renders byte-identically twice.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numberDefinitions, renderChart } from '../../src/report/charts/render.js';
import { helveticaWidth } from '../../src/report/charts/text-metrics.js';
import { fixtureCharts } from './chart-fixtures.js';

/** Text of the SVG's <text> elements, entities decoded. */
function texts(svg: string): string {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
    .map((match) =>
      match[1]!
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"'),
    )
    .join('\n');
}

/** Axis titles of a Vega-Lite spec, wherever they are declared. */
function axisTitles(spec: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown, key?: string) => {
    if (Array.isArray(node)) node.forEach((child) => visit(child));
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if ((key === 'x' || key === 'y') && typeof record.title === 'string') found.push(record.title);
      for (const [childKey, child] of Object.entries(record)) visit(child, childKey);
    }
  };
  visit(spec);
  return [...new Set(found)];
}

describe('charts', () => {
  const charts = fixtureCharts();
  it('have unique file names', () => expect(new Set(charts.map((chart) => chart.name)).size).toBe(charts.length));

  for (const chart of charts) {
    it(`${chart.name} compiles, renders with its title and axis titles, and is deterministic`, async () => {
      const rendered = await renderChart(chart);
      expect(rendered.warnings).toEqual([]);
      expect(rendered.svg).toMatch(/^<svg [^>]*width="\d+(\.\d+)?" height="\d+(\.\d+)?"/);
      const text = texts(rendered.svg);
      expect(text).toContain(chart.title);
      const titles = axisTitles(chart.spec);
      expect(titles.length).toBeGreaterThan(0);
      for (const title of titles) expect(text).toContain(title);
      // Nothing cut short with an ellipsis: the label limits fit the labels.
      expect(text).not.toContain('…');
      const again = await renderChart(chart);
      expect(again.svg).toBe(rendered.svg);
      if (process.env.DESKSIM_CHARTS_OUT) {
        mkdirSync(process.env.DESKSIM_CHARTS_OUT, { recursive: true });
        writeFileSync(join(process.env.DESKSIM_CHARTS_OUT, `${chart.name}.svg`), rendered.svg);
      }
    });
  }

  it('renumber clip paths under the chart name', () => {
    const svg =
      '<svg><clipPath id="clip7"><rect/></clipPath><g clip-path="url(#clip7)"></g><clipPath id="clip9"/></svg>';
    expect(numberDefinitions(svg, 'daily-volume')).toBe(
      '<svg><clipPath id="daily-volume-def1"><rect/></clipPath><g clip-path="url(#daily-volume-def1)"></g><clipPath id="daily-volume-def2"/></svg>',
    );
  });

  it('measure text with Helvetica widths', () => {
    expect(helveticaWidth('iiii')).toBeCloseTo(0.888, 3);
    expect(helveticaWidth('MMMM')).toBeCloseTo(3.332, 3);
    expect(helveticaWidth('Tier 1', true)).toBeGreaterThan(helveticaWidth('Tier 1'));
  });
});
