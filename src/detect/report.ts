/**
 * What `desksim detect` writes: detect.json (every score, flag and comparison, and the
 * evaluation against the truth when there is one), detect.csv (one row per agent and
 * behaviour), peers.csv (each agent against peers on the same mix, feature by feature), a
 * heat map of the scores and report.html, through src/report like every other report.
 */
import { toCsv } from '../document/csv.js';
import type { ChartRenderer } from '../report/chart-renderer.js';
import { chart, chartFiles, round, type Chart } from '../report/charts/chart.js';
import { escapeHtml, renderReportPage } from '../report/html.js';
import { GAMING_BEHAVIOURS } from '../scenario/incentives.js';
import { FEATURE_DEFINITIONS } from './features.js';
import { SIGNATURES } from './signatures.js';
import type { Confusion, Detection, ScenarioDetection } from './index.js';

/** Everything one `detect` command found. */
export interface DetectReport {
  /** What was read: a log file, or a scenario and its replications. */
  source: string;
  version: string;
  threshold: number;
  /** The detection shown (a log's, or a scenario's pooled replications). */
  detection: Detection;
  /** A scenario's replications one by one, when detected from a scenario. */
  scenario?: ScenarioDetection;
  /** The false-alarm rate an honest desk gives at this threshold, as measured (docs/gaming.md). */
  statedFalseAlarms: string;
}

const share = (value: number | null) => (value === null ? '—' : `${(100 * value).toFixed(0)} %`);

/** The findings in words: who is flagged, for what, and how far the flags can be trusted. */
export function detectFindings(report: DetectReport): string[] {
  const flags = report.detection.scores.filter((score) => score.flagged).sort((a, b) => b.score! - a.score!);
  const lines: string[] = [];
  if (flags.length === 0) lines.push(`No agent matches a gaming signature at score ≥ ${report.threshold}.`);
  for (const flag of flags) lines.push(`${flag.agent} (${flag.tier}) looks like ${flag.behaviour.replace(/_/g, ' ')}, score ${flag.score!.toFixed(1)}: ${flag.evidence}.`);
  lines.push(`On honest desks this threshold raises ${report.statedFalseAlarms}: a flag is a reason to look at the agent's tickets, not a verdict.`);
  const scenario = report.scenario;
  if (scenario !== undefined) {
    const count = scenario.replications.length;
    const gamed = scenario.replications.some((detection) => Object.values(detection.evaluation!.gamers).some((agents) => agents.length > 0));
    lines.push(
      gamed
        ? `Against the truth, replication by replication: every gamer found with at most one false alarm in ${scenario.foundWithAtMostOneFalseAlarm} of ${count} ` +
            `replications (${scenario.falseAlarmsPerReplication.toFixed(2)} false alarms per replication).`
        : `Against the truth: nobody gamed in any of the ${count} replications; ${scenario.falseAlarmsPerReplication.toFixed(2)} false alarms per replication.`,
    );
    for (const behaviour of GAMING_BEHAVIOURS) {
      const counts = scenario.byBehaviour[behaviour];
      if (counts.truePositives + counts.falseNegatives + counts.falsePositives === 0) continue;
      lines.push(`${behaviour}: precision ${share(counts.precision)}, recall ${share(counts.recall)} (${counts.truePositives} found, ${counts.falsePositives} false alarms, ${counts.falseNegatives} missed).`);
    }
  } else if (report.detection.evaluation !== null) {
    const evaluation = report.detection.evaluation;
    const gamers = new Set(Object.values(evaluation.gamers).flat()).size;
    const alarms = `${evaluation.falseAlarms} false alarm${evaluation.falseAlarms === 1 ? '' : 's'}`;
    lines.push(
      gamers === 0
        ? `Against the log's truth: nobody gamed; ${alarms}.`
        : `Against the log's truth (${gamers} agent${gamers === 1 ? '' : 's'} gamed): ${evaluation.allFound ? 'every gamer found' : 'some gamers missed'}, ${alarms}.`,
    );
  }
  return lines;
}

/** detect.json. */
export function detectJson(report: DetectReport): string {
  const scenario = report.scenario;
  return (
    JSON.stringify(
      {
        source: report.source,
        version: report.version,
        threshold: report.threshold,
        stated_false_alarms: report.statedFalseAlarms,
        flags: report.detection.scores.filter((score) => score.flagged),
        scores: report.detection.scores,
        agents: report.detection.agents,
        evaluation: report.detection.evaluation,
        replications:
          scenario === undefined
            ? undefined
            : {
                count: scenario.replications.length,
                found_with_at_most_one_false_alarm: scenario.foundWithAtMostOneFalseAlarm,
                false_alarms_per_replication: scenario.falseAlarmsPerReplication,
                by_behaviour: scenario.byBehaviour,
                each: scenario.replications.map((detection) => detection.evaluation),
              },
      },
      null,
      2,
    ) + '\n'
  );
}

/** detect.csv: one row per agent and behaviour. */
export function detectCsv(detection: Detection): string {
  const rows = detection.scores.map((score) => [score.agent, score.tier, score.behaviour, score.score === null ? null : round(score.score, 4), score.flagged ? 1 : 0, score.evidence]);
  return toCsv(['agent', 'tier', 'behaviour', 'score', 'flagged', 'evidence'], rows);
}

/** peers.csv: each agent against peers on the same mix, one row per feature. */
export function peersCsv(detection: Detection): string {
  const rows: Array<Array<string | number | null>> = [];
  for (const agent of detection.agents) {
    for (const [feature, comparison] of Object.entries(agent.features)) {
      const digits = (value: number) => round(value, 5);
      rows.push([
        agent.agent,
        agent.tier,
        feature,
        comparison.n,
        digits(comparison.observed),
        digits(comparison.expected),
        digits(comparison.low),
        digits(comparison.high),
        comparison.z === null ? null : digits(comparison.z),
      ]);
    }
  }
  return toCsv(['agent', 'tier', 'feature', 'n', 'observed', 'expected_from_peers', 'low95', 'high95', 'z'], rows);
}

/** Scores above this take the darkest colour. */
const SATURATION = 10;

/** The heat map: agents × behaviours, the score in each cell, flagged cells outlined. */
export function scoresChart(report: DetectReport): Chart {
  const values = report.detection.scores.map((score) => ({
    agent: `${score.agent} (${score.tier})`,
    behaviour: score.behaviour.replace(/_/g, ' '),
    score: score.score === null ? null : round(score.score, 3),
    text: score.score === null ? '—' : score.score.toFixed(1),
    flagged: score.flagged ? 'flagged' : 'not flagged',
    evidence: score.evidence,
  }));
  const agents = [...new Set(values.map((value) => value.agent))];
  return chart('detect-scores', 'Who looks like gaming', `Signature scores (≥ ${report.threshold}: flagged, outlined); each agent against peers on the same ticket mix`, {
    data: { values },
    width: { step: 74 },
    height: { step: 22 },
    encoding: {
      x: { field: 'behaviour', type: 'nominal', sort: SIGNATURES.map((signature) => signature.behaviour.replace(/_/g, ' ')), title: null, axis: { orient: 'top', labelAngle: -40, labelAlign: 'left' } },
      y: { field: 'agent', type: 'nominal', sort: agents, title: null },
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: { field: 'score', type: 'quantitative', scale: { domain: [0, SATURATION], range: ['#f4f4f4', '#c0392b'], clamp: true }, legend: { title: 'score' } },
          stroke: { field: 'flagged', type: 'nominal', scale: { domain: ['flagged', 'not flagged'], range: ['#000000', '#ffffff'] }, legend: null },
          strokeWidth: { condition: { test: "datum.flagged === 'flagged'", value: 2.5 }, value: 1 },
          tooltip: [
            { field: 'agent', title: 'agent' },
            { field: 'behaviour', title: 'behaviour' },
            { field: 'text', title: 'score' },
            { field: 'evidence', title: 'evidence' },
          ],
        },
      },
      { mark: { type: 'text', fontSize: 10 }, encoding: { text: { field: 'text' }, color: { condition: { test: `datum.score >= ${SATURATION / 2}`, value: 'white' }, value: '#333333' } } },
    ],
  });
}

/** Precision and recall per behaviour over a scenario's replications, as an HTML table. */
function evaluationTable(byBehaviour: Record<string, Confusion>): string {
  const rows = Object.entries(byBehaviour)
    .filter(([, counts]) => counts.truePositives + counts.falsePositives + counts.falseNegatives > 0)
    .map(
      ([behaviour, counts]) =>
        `<tr><td>${escapeHtml(behaviour)}</td><td>${share(counts.precision)}</td><td>${share(counts.recall)}</td><td>${counts.truePositives}</td><td>${counts.falsePositives}</td><td>${counts.falseNegatives}</td></tr>`,
    );
  if (rows.length === 0) return '<p>Nobody gamed and nobody was flagged.</p>';
  return `<table><thead><tr><th>behaviour</th><th>precision</th><th>recall</th><th>found</th><th>false alarms</th><th>missed</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The peer comparison of every agent, as an HTML table (the figures of peers.csv, in words). */
function peersTable(detection: Detection): string {
  const rows: string[] = [];
  for (const agent of detection.agents) {
    for (const [feature, comparison] of Object.entries(agent.features)) {
      const kind = FEATURE_DEFINITIONS[feature as keyof typeof FEATURE_DEFINITIONS].kind;
      const format = (value: number) => (kind === 'share' ? `${(100 * value).toFixed(1)} %` : kind === 'log_minutes' ? `${value.toFixed(1)} min` : value.toFixed(2));
      rows.push(
        `<tr><td>${escapeHtml(agent.agent)}</td><td>${escapeHtml(feature)}</td><td>${comparison.n}</td><td>${format(comparison.observed)}</td>` +
          `<td>${format(comparison.low)} – ${format(comparison.high)}</td><td>${format(comparison.expected)}</td><td>${comparison.z === null ? '—' : comparison.z.toFixed(1)}</td></tr>`,
      );
    }
  }
  return (
    '<p>Each agent against its tier\'s other agents on tickets of the same channel and category, weighted by the agent\'s own mix; ' +
    'z sets the difference against the honest spread between agents (docs/gaming.md, Detection).</p>' +
    `<table><thead><tr><th>agent</th><th>figure</th><th>n</th><th>agent</th><th>95 % interval</th><th>peers, same mix</th><th>z</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

/** Writes detect.json, detect.csv, peers.csv, the chart and report.html. */
export async function writeDetectReport(report: DetectReport, write: (path: string, content: string) => void, renderer: ChartRenderer | undefined): Promise<void> {
  write('detect.json', detectJson(report));
  write('detect.csv', detectCsv(report.detection));
  write('peers.csv', peersCsv(report.detection));
  if (renderer === undefined) return;
  const charts = await renderer.render([scoresChart(report)]);
  for (const rendered of charts) for (const [path, content] of chartFiles(rendered)) write(path, content);
  const signatures = SIGNATURES.map((signature) => `<li><b>${escapeHtml(signature.behaviour)}</b>: ${escapeHtml(signature.description)}</li>`).join('');
  const sections = [
    { id: 'signatures', title: 'Signatures', html: `<ul>${signatures}</ul>` },
    ...(report.scenario === undefined ? [] : [{ id: 'truth', title: 'Against the truth', html: evaluationTable(report.scenario.byBehaviour) }]),
    { id: 'peers', title: 'Each agent against peers', html: peersTable(report.detection) },
  ];
  write(
    'report.html',
    renderReportPage({
      title: `Gaming detection — ${report.source}`,
      subtitle: `desksim ${report.version} · threshold ${report.threshold}${report.scenario === undefined ? '' : ` · ${report.scenario.replications.length} replications pooled`}`,
      findings: detectFindings(report),
      charts,
      sections,
    }),
  );
}
