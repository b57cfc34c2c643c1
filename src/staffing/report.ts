/**
 * The presentation of `desksim staff`: findings in words, the charts (cost against each
 * target; needed beside rostered, hour × weekday), report.html and the terminal text, all
 * from a `StaffResult` (staffing.json).
 */
import type { Chart, RenderedChart } from '../report/charts/chart.js';
import { staffCostChart, VERDICT_COLORS, type StaffCostPoint } from '../report/charts/staff-cost.js';
import { staffHeatmapChart } from '../report/charts/staff-heatmap.js';
import { formatInterval, formatValue, targetText } from '../report/format.js';
import { escapeHtml, renderReportPage } from '../report/html.js';
import { kpiLabel } from '../report/labels.js';
import type { StaffResult } from './staff.js';
import type { TargetCheck } from '../experiment/targets.js';

/** The objective in words: "12,345.00 (staff cost)" or "2,016 agent-hours". */
export function costText(result: StaffResult, cost: number): string {
  return result.objective === 'agent-hours'
    ? `${Math.round(cost).toLocaleString('en-US')} agent-hours`
    : `${cost.toLocaleString('en-US', { maximumFractionDigits: 0 })} (staff cost)`;
}

/** A target's verdict in words with its interval: "service_level ≥ 0.8: met — 84.1% [83.0% – 85.2%]". */
export function checkText(check: TargetCheck): string {
  return (
    `${targetText(check.target)}: ${check.verdict} — ` +
    `${formatValue(check.mean, check.unit)} ${formatInterval(check.ci95, check.unit)}`
  ).trimEnd();
}

/** The findings: the plan, its cost, each target's verdict, and where formulas and simulation differ. */
export function staffFindings(result: StaffResult): string[] {
  const findings: string[] = [];
  const search = result.search;
  const analytic = result.variables
    .map((variable, index) => `${variable.name}=${result.analytic.start[index]}`)
    .join(' ');
  if (search === undefined) {
    findings.push(
      `The formulas (Erlang ${result.analytic.loads.some((load) => load.patienceMinutes !== undefined) ? 'A' : 'C'} ` +
        `per hour, ${(result.analytic.shrinkage * 100).toFixed(0)} % shrinkage) suggest ${analytic}; nothing was ` +
        `simulated (--analytic).`,
    );
  } else if (search.best === null) {
    findings.push(`No plan found that meets every target: ${search.stopped}.`);
  } else {
    const best = search.best;
    const current = result.variables.map((variable) => variable.current);
    const currentCost = result.variables.reduce(
      (sum, variable) => sum + variable.current * variable.costPerAgent,
      result.fixedCost,
    );
    findings.push(
      `Cheapest plan found that meets every target: ${best.text}, ${costText(result, best.cost)} over the ` +
        `${result.measuredDays} measured days (the scenario's own ` +
        `${result.variables.map((variable, index) => `${variable.name}=${current[index]}`).join(' ')}: ` +
        `${costText(result, currentCost)}).`,
    );
    for (const check of best.checks) findings.push(checkText(check));
    const own = search.candidates.find((candidate) => candidate.plan.every((value, index) => value === current[index]));
    if (own !== undefined && own.order !== best.order) {
      const failing = own.checks
        .filter((check) => check.verdict !== 'met')
        .map((check) => `${targetText(check.target)} ${check.verdict}`);
      findings.push(
        `The scenario's own plan was simulated too: ` +
          `${failing.length === 0 ? 'it meets every target but costs more' : failing.join('; ')}.`,
      );
    }
    const error = result.forecastError;
    if (error !== undefined) {
      findings.push(
        error.perfectCost === null || error.extraCost === null
          ? `With a perfect forecast (no day-to-day error, cv ${error.cv}) no plan within the bounds was found either.`
          : `Forecast error (days' volumes vary with cv ${error.cv}) costs ${costText(result, error.extraCost)} over ` +
              `the measured days (${((error.extraCost / error.perfectCost) * 100).toFixed(1)} %): with a perfect ` +
              `forecast ${error.perfectPlan} would do, at ${costText(result, error.perfectCost)}.`,
      );
    }
    findings.push(
      `${search.candidates.length} candidate plan(s) simulated with the same seed (common random numbers), ` +
        `${search.replications}–${search.maxReplications} replications each; the search stopped because ` +
        `${search.stopped}.`,
    );
  }
  return [...findings, ...result.notes];
}

/** The charts: cost against each target (after a search) and the analytic heat map. */
export function staffCharts(result: StaffResult): Chart[] {
  const charts: Chart[] = [];
  const search = result.search;
  if (search !== undefined && search.candidates.length > 0 && result.targets.length > 0) {
    const points: StaffCostPoint[] = search.candidates.flatMap((candidate) =>
      candidate.checks.map((check) => ({
        target: targetText(check.target),
        kpi: check.target.kpi,
        unit: check.unit,
        bound: check.target.value,
        plan: candidate.text,
        cost: candidate.cost,
        mean: check.mean,
        ci95: check.ci95,
        verdict: check.verdict,
        chosen: search.best?.order === candidate.order,
      })),
    );
    charts.push(staffCostChart(points, result.objective));
  }
  if (result.analytic.week.length > 0) {
    charts.push(
      staffHeatmapChart(
        (result.analytic.weekPlan ?? result.analytic.week).map((cell) => ({
          tier: cell.tier,
          weekday: cell.weekday,
          hour: cell.hour,
          arrivalsPerHour: cell.arrivalsPerHour,
          needed: cell.rosteredNeeded,
          rostered: cell.rostered,
        })),
        result.analytic.shrinkage,
        result.analytic.weekPlan === undefined ? 'rostered' : 'rostered (plan)',
      ),
    );
  }
  return charts;
}

function verdictCell(check: TargetCheck): string {
  return `<td style="color:${VERDICT_COLORS[check.verdict]};font-weight:600">${escapeHtml(check.verdict)}</td>`;
}

/** report.html of `desksim staff`. */
export function staffReportHtml(result: StaffResult, charts: readonly RenderedChart[]): string {
  const search = result.search;
  const planRows = result.variables
    .map((variable, index) => {
      const chosen = search?.best?.plan[index];
      return (
        `<tr><td>${escapeHtml(variable.name)}</td><td class="id">${escapeHtml(variable.path)}</td><td ` +
        `class="number">${variable.min}..${variable.max}</td><td class="number">${variable.current}</td><td ` +
        `class="number">${result.analytic.start[index]}</td><td class="number">${chosen ?? '—'}</td><td ` +
        `class="number">${variable.hoursPerAgent.toFixed(1)}</td></tr>`
      );
    })
    .join('\n');
  const sections = [
    {
      id: 'plan',
      title: 'The plan',
      html:
        `<p>Agents per decision variable: the scenario's own, what the formulas suggest (Erlang per hour, ` +
        `${(result.analytic.shrinkage * 100).toFixed(0)} % shrinkage), and what the simulation chose. ` +
        `scenario.staffed.yaml is the scenario with the chosen plan, ready for <code>desksim run</code> or ` +
        `<code>compare</code>.</p>\n` +
        `<table><thead><tr><th>variable</th><th>path</th><th>bounds</th><th>scenario</th><th>formulas</th><th>` +
        `chosen</th><th>hours per agent</th></tr></thead>\n<tbody>\n${planRows}\n</tbody></table>`,
    },
  ];
  if (search?.best) {
    const rows = search.best.checks
      .map(
        (check) =>
          `<tr><td>${escapeHtml(kpiLabel(check.target.kpi))}</td><td ` +
          `class="id">${escapeHtml(targetText(check.target))}</td><td ` +
          `class="number">${escapeHtml(formatValue(check.mean, check.unit))}</td><td ` +
          `class="number">${escapeHtml(formatInterval(check.ci95, check.unit))}</td>${verdictCell(check)}</tr>`,
      )
      .join('\n');
    sections.push({
      id: 'targets',
      title: 'Targets of the plan',
      html:
        `<p>A target is met when its 95 % interval's worse end meets it, missed when its better end misses it, too ` +
        `close to call in between (${search.best.replications} ` +
        `replications).</p>\n<table><thead><tr><th>KPI</th><th>target</th><th>mean</th><th>95 % ` +
        `CI</th><th>verdict</th></tr></thead>\n<tbody>\n${rows}\n</tbody></table>`,
    });
  }
  if (search !== undefined) {
    const header = [
      '#',
      'why',
      ...result.variables.map((variable) => variable.name),
      result.objective,
      'replications',
      ...result.targets,
    ];
    const rows = search.candidates
      .map(
        (candidate) =>
          `<tr${search.best?.order === candidate.order ? ' style="font-weight:600"' : ''}>` +
          `<td class="number">${candidate.order}</td><td>${escapeHtml(candidate.reason)}</td>` +
          `${candidate.plan.map((value) => `<td class="number">${value}</td>`).join('')}` +
          `<td class="number">${Math.round(candidate.cost).toLocaleString('en-US')}</td>` +
          `<td class="number">${candidate.replications}</td>` +
          `${candidate.checks
            .map(
              (check) =>
                `<td style="color:${VERDICT_COLORS[check.verdict]}">` +
                `${escapeHtml(`${formatValue(check.mean, check.unit)} ${check.verdict}`)}</td>`,
            )
            .join('')}</tr>`,
      )
      .join('\n');
    sections.push({
      id: 'candidates',
      title: 'Every candidate simulated',
      html:
        `<p>In the order simulated (also candidates.csv). The chosen plan is in bold.</p>\n<div class="table-scroll">` +
        `<table><thead><tr>${header.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr></thead>\n<tbody>\n` +
        `${rows}\n</tbody></table></div>`,
    });
  }
  sections.push({
    id: 'method',
    title: 'Method and limits',
    html:
      "<p>The formulas give each hour its own steady state (Poisson arrivals at the hour's rate, exponential handle " +
      'times, one queue per tier); the search simulates whole plans with escalations, shifts, returns and everything ' +
      "else the scenario models, and keeps a plan only when every target's 95 % interval meets it. It is a local " +
      'search: the cheapest plan one agent away (fewer, or moved) was checked and failed; a plan further away could ' +
      'in principle be cheaper. docs/staffing.md explains the method, its guarantees and its limits.</p>',
  });
  return renderReportPage({
    title: `desksim staff: ${result.scenario}`,
    subtitle:
      `seed ${result.seed}, ${result.measuredDays} measured days, targets: ${result.targets.join(', ') || 'none'}, ` +
      `desksim ${result.version}`,
    findings: staffFindings(result),
    charts,
    sections,
  });
}

/** The terminal text: the plan, its verdicts, and where the files are. */
export function renderStaff(result: StaffResult, directory: string): string {
  const lines = staffFindings(result).map((line) => `- ${line}`);
  return (
    `${result.scenario}: staffing for ${result.targets.join(', ') || 'no targets'}\n${lines.join('\n')}\nWrote ` +
    `${directory}\n`
  );
}
