/**
 * `report.html`: one self-contained page, readable offline. Everything is inline — the CSS,
 * every chart as static SVG, and the Vega and vega-embed runtimes from node_modules, which
 * redraw each chart from its compiled spec with tooltips. If the scripts cannot run (or
 * fail), the static SVG stays: the page never needs the network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RenderedChart } from './charts/chart.js';
import { escapeHtml, scriptJson } from './escape.js';

export { escapeHtml };

/** A section of the page: a heading and its HTML. */
export interface ReportSection {
  id: string;
  title: string;
  html: string;
}

/** Everything a report page shows. */
export interface ReportPage {
  title: string;
  /** One line under the title (scenario, seed, replications, version). */
  subtitle: string;
  findings: readonly string[];
  /** What to know before trusting the numbers (`summary.json`'s warnings), shown first. */
  warnings?: ReadonlyArray<{ code: string; message: string }>;
  charts: readonly RenderedChart[];
  /** Sections after the charts (KPI table, scenario, files). */
  sections: readonly ReportSection[];
}

/** A script's source made safe inside a <script> element (no early end tag). */
function scriptSource(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

let runtimeCache: string | undefined;

/** The minified Vega and vega-embed builds, read once from node_modules. */
export function chartRuntime(): string {
  if (runtimeCache === undefined) {
    const require = createRequire(import.meta.url);
    // The packages export only their modules; their browser builds sit beside them.
    const vega = join(dirname(require.resolve('vega')), 'vega.min.js');
    const embed = join(dirname(require.resolve('vega-embed')), 'vega-embed.min.js');
    runtimeCache = [vega, embed]
      .map((file) => `<script>${scriptSource(readFileSync(file, 'utf8'))}</script>`)
      .join('\n');
  }
  return runtimeCache;
}

const STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --accent: #3366aa; --truth: #dd7722; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 Helvetica, Arial, sans-serif; color: var(--ink); background: #f6f8fa; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 64px; background: white; min-height: 100vh; }
h1 { font-size: 26px; margin: 8px 0 2px; }
h2 { font-size: 19px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.subtitle { color: var(--muted); margin: 0 0 12px; }
nav { font-size: 13px; color: var(--muted); margin-bottom: 8px; }
nav a { color: var(--accent); margin-right: 12px; text-decoration: none; }
.findings { list-style: none; padding: 0; margin: 12px 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 10px; }
.warnings { list-style: none; padding: 0; margin: 12px 0; }
.warnings li { background: #fff4e5; border-left: 4px solid #d9822b; padding: 10px 12px; border-radius: 4px; margin-bottom: 8px; }
.warnings code { color: var(--muted); font-size: 12px; }
.findings li { background: #f3f6fb; border-left: 4px solid var(--accent); padding: 10px 12px; border-radius: 4px; }
figure { margin: 18px 0 28px; overflow-x: auto; }
figure svg { max-width: none; height: auto; display: block; }
figcaption { font-size: 13px; color: var(--muted); margin-top: 4px; }
figcaption a { color: var(--accent); }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 13.5px; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eef1f4; vertical-align: top; }
th { background: #f6f8fa; position: sticky; top: 0; }
td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.group td { background: #fafbfc; font-weight: bold; padding-top: 12px; }
td.id { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; color: var(--muted); }
.truth { color: var(--truth); }
pre { background: #f6f8fa; padding: 12px; overflow-x: auto; font-size: 12.5px; border-radius: 4px; }
details summary { cursor: pointer; color: var(--accent); }
.vega-embed { display: block !important; }
.vega-embed summary { display: none; }
@media print { body { background: white; } main { padding: 0; } .live { display: none !important; } .static { display: block !important; } }
`;

/** Draws each chart interactively; a chart that cannot be drawn keeps its static SVG. */
const EMBED = `
(function () {
  if (typeof window.vegaEmbed !== 'function') return;
  document.querySelectorAll('figure[data-chart]').forEach(function (figure) {
    var source = document.getElementById(figure.getAttribute('data-chart') + '-spec');
    var live = figure.querySelector('.live');
    var still = figure.querySelector('.static');
    if (!source || !live || !still) return;
    var spec;
    try { spec = JSON.parse(source.textContent); } catch (error) { return; }
    window.vegaEmbed(live, spec, { mode: 'vega', renderer: 'svg', actions: false, tooltip: { theme: 'light' } })
      .then(function () { still.hidden = true; live.hidden = false; figure.setAttribute('data-interactive', 'true'); })
      .catch(function (error) { live.hidden = true; still.hidden = false; console.warn('desksim: static chart kept for ' + figure.id + ': ' + error); });
  });
})();
`;

/** One chart as a figure: static SVG, a slot for the interactive view, its compiled spec. */
function figure(chart: RenderedChart): string {
  return (
    `<figure id="${escapeHtml(chart.name)}" data-chart="${escapeHtml(chart.name)}">\n` +
    `<div class="static">${chart.svg}</div>\n<div class="live" hidden></div>\n` +
    `<figcaption>${escapeHtml(chart.title)} — <a href="charts/${escapeHtml(chart.name)}.svg">SVG</a>, <a ` +
    `href="charts/${escapeHtml(chart.name)}.vl.json">Vega-Lite spec</a></figcaption>\n` +
    `<script type="application/json" id="${escapeHtml(chart.name)}-spec">${scriptJson(chart.vega)}</script>\n</figure>`
  );
}

/** The warnings, before everything else; nothing when there are none. */
function warningsSection(warnings: NonNullable<ReportPage['warnings']>): string {
  if (warnings.length === 0) return '';
  const items = warnings
    .map((warning) => `<li>${escapeHtml(warning.message)} <code>${escapeHtml(warning.code)}</code></li>`)
    .join('\n');
  return `<section id="warnings">\n<h2>Read this first</h2>\n<ul class="warnings">\n${items}\n</ul>\n</section>\n`;
}

/** The whole page. */
export function renderReportPage(page: ReportPage): string {
  const nav = [
    ['findings', 'Findings'],
    ...(page.charts.length > 0 ? [['charts', 'Charts']] : []),
    ...page.sections.map((section) => [section.id, section.title]),
  ]
    .map(([id, title]) => `<a href="#${escapeHtml(id!)}">${escapeHtml(title!)}</a>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(page.title)}</h1>
<p class="subtitle">${escapeHtml(page.subtitle)}</p>
<nav>${nav}</nav>
${warningsSection(page.warnings ?? [])}<section id="findings">
<h2>Findings</h2>
<ul class="findings">
${page.findings.map((finding) => `<li>${escapeHtml(finding)}</li>`).join('\n')}
</ul>
</section>
${page.charts.length > 0 ? `<section id="charts">\n<h2>Charts</h2>\n${page.charts.map(figure).join('\n')}\n</section>` : ''}
${page.sections
  .map(
    (section) =>
      `<section ` +
      `id="${escapeHtml(section.id)}">\n<h2>${escapeHtml(section.title)}</h2>\n${section.html}\n</section>`,
  )
  .join('\n')}
</main>
${chartRuntime()}
<script>${EMBED}</script>
</body>
</html>
`;
}
