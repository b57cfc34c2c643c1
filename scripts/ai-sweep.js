#!/usr/bin/env node
/**
 * Where an AI agent pays, and where it only flatters the dashboard (docs/model.md, "Automation
 * tier"; README, "AI agents"): the desks of the AI sweep, each against the baseline desk
 * without the AI, paired replication by replication (common random numbers, 95 % intervals),
 * as `desksim compare` computes them. Prints Markdown tables to quote. Uses the build.
 *
 * The desks, all with the experiment file's `set` (its horizon) and ai-agent.yaml's handoffs:
 * - no-AI full: scenarios/ai-agent.yaml without its automation tier (the baseline and the handoffs);
 * - no-AI thin: the same with the experiment file's thinner Tier 1 (its `tiers.` sets: the saving an AI is bought for);
 * - AI full: ai-agent.yaml as shipped;
 * - AI thin, c × a: the thin desk with the AI at each containment × accuracy of the experiment's grid.
 * A desk whose run raises the `unstable` or `unfinished_work` warning is named after the tables:
 * its time KPIs would depend on the horizon, not on the desk.
 *
 *   node scripts/ai-sweep.js [replications=10]
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { loadScenarioFile } = await import(join(root, 'dist', 'scenario', 'load.js'));
const { runScenario } = await import(join(root, 'dist', 'experiment', 'run.js'));
const { differenceTable } = await import(join(root, 'dist', 'experiment', 'compare.js'));

const replications = Number(process.argv[2] ?? 10);
const experimentFile = join(root, 'scenarios', 'experiments', 'ai-containment-accuracy.yaml');
const experiment = parse(readFileSync(experimentFile, 'utf8'));
const horizon = experiment.set.filter((entry) => entry.startsWith('horizon.'));
const common = [...horizon, `replications=${replications}`];
const load = (file, overrides) => loadScenarioFile(join(root, 'scenarios', file), { overrides }).scenario;

// The thinner desk: the experiment file's own settings of the tiers.
const thin = experiment.set.filter((entry) => entry.startsWith('tiers.'));
const tier1 = load('baseline.yaml', []).tiers.find((tier) => tier.id === 'tier1');
const shiftText = (overrides) =>
  tier1.shifts.map((shift, index) => {
    const set = overrides.find((entry) => entry.startsWith(`tiers.tier1.shifts.${index}.agents=`));
    return `${shift.name} ${set === undefined ? shift.agents : set.split('=')[1]}`;
  });

const desks = [
  { label: 'no-AI full', file: 'ai-agent.yaml', overrides: ['automation=[]'] },
  { label: 'no-AI thin', file: 'ai-agent.yaml', overrides: ['automation=[]', ...thin] },
  { label: 'AI full (ai-agent.yaml)', file: 'ai-agent.yaml', overrides: [] },
];
const grid = experiment.grid;
for (const containment of grid['automation.ai_agent.containment'])
  for (const accuracy of grid['automation.ai_agent.accuracy'])
    desks.push({
      label: `AI thin, c ${containment}, a ${accuracy}`,
      file: 'ai-agent.yaml',
      overrides: [
        ...thin,
        `automation.ai_agent.containment=${containment}`,
        `automation.ai_agent.accuracy=${accuracy}`,
      ],
    });

const started = Date.now();
const runs = desks.map((desk) => {
  const scenario = load(desk.file, [...common, ...desk.overrides]);
  return { ...desk, scenario, result: runScenario(scenario) };
});
const seconds = Math.round((Date.now() - started) / 1000);

/** How each KPI is shown: its label, a scale (minutes stay minutes) and its decimals. */
const COLUMNS = [
  ['cost_per_issue', 'cost per issue', 2],
  ['true_satisfaction_mean', 'true satisfaction (1–5)', 3],
  ['csat_mean', 'CSAT (survey)', 2],
  ['first_response_time_mean', 'first response, mean (min)', 0],
  ['resolution_rate', 'resolution rate (dashboard)', 3],
  ['true_resolution_rate', 'true resolution rate', 3],
  ['reopen_rate', 'reopen rate', 3],
  ['contacts_per_issue', 'contacts per issue', 3],
  ['tier1.queue_wait_mean', 'Tier 1 queue wait (min)', 0],
];
const AUTOMATION = [
  ['automation_coverage', 'coverage', 2],
  ['automation_containment_rate', 'containment (dashboard)', 3],
  ['automation_true_fix_rate', 'true fix rate', 3],
  ['automation_hidden_failure_share', 'hidden failures / contained', 3],
  ['handoffs_per_ticket', 'handoffs per ticket', 3],
];
const fixed = (value, decimals) => (value === null || value === undefined ? '—' : value.toFixed(decimals));
const signed = (value, decimals) => (value > 0 ? '+' : value < 0 ? '−' : '') + Math.abs(value).toFixed(decimals);
const summaryOf = (run, kpi) => {
  const [tier, id] = kpi.includes('.') ? kpi.split('.') : [undefined, kpi];
  return tier === undefined ? run.result.summary.kpis[kpi] : run.result.summary.tiers[tier]?.[id];
};
const absolute = (run, kpi, decimals) => {
  const summary = summaryOf(run, kpi);
  if (summary?.mean === null || summary?.mean === undefined) return '—';
  const interval = summary.ci95;
  return interval === null
    ? fixed(summary.mean, decimals)
    : `${fixed(summary.mean, decimals)} [${fixed(interval[0], decimals)}, ${fixed(interval[1], decimals)}]`;
};
const change = (table, kpi, decimals) => {
  const [tier, id] = kpi.includes('.') ? kpi.split('.') : [undefined, kpi];
  const d = tier === undefined ? table.kpis[kpi] : table.tiers[tier]?.[id];
  if (d?.difference === null || d?.difference === undefined) return '—';
  if (!d.significant || d.ci95 === null) return `${signed(d.difference, decimals)} (n.s.)`;
  return `${signed(d.difference, decimals)} [${signed(d.ci95[0], decimals)}, ${signed(d.ci95[1], decimals)}]`;
};

const [reference] = runs;
const scenario = reference.scenario;
console.log(
  `Seed ${scenario.seed}, ${replications} replications a desk, ${scenario.horizon.days} days of which ` +
    `${scenario.horizon.warmup_days} warm-up; Tier 1 shifts full: ${shiftText([]).join(', ')}; ` +
    `thin: ${shiftText(thin).join(', ')} (${seconds} s).\n`,
);
console.log('Paired against no-AI full (its row: the values; n.s.: the 95 % interval contains 0).\n');
console.log(`| desk | ${COLUMNS.map(([, label]) => label).join(' | ')} |`);
console.log(`|---|${COLUMNS.map(() => '---|').join('')}`);
console.log(`| ${reference.label} | ${COLUMNS.map(([kpi, , d]) => absolute(reference, kpi, d)).join(' | ')} |`);
for (const run of runs.slice(1)) {
  const table = differenceTable(reference.result, run.result);
  console.log(`| ${run.label} | ${COLUMNS.map(([kpi, , d]) => change(table, kpi, d)).join(' | ')} |`);
}

console.log('\nEach desk on its own: mean [95 % interval] over the replications.\n');
const own = [COLUMNS[0], COLUMNS[1], COLUMNS[3], COLUMNS[4], COLUMNS[5], COLUMNS[6], ...AUTOMATION];
console.log(`| desk | ${own.map(([, label]) => label).join(' | ')} |`);
console.log(`|---|${own.map(() => '---|').join('')}`);
for (const run of runs) console.log(`| ${run.label} | ${own.map(([kpi, , d]) => absolute(run, kpi, d)).join(' | ')} |`);

// The AI's own effect on the thin desk: what the dashboard shows against what the truth knows.
const thinReference = runs[1];
const against = [COLUMNS[3], COLUMNS[4], COLUMNS[5], COLUMNS[1], COLUMNS[6], COLUMNS[0]];
console.log('\nThe thin desk with the AI, paired against the thin desk without it.\n');
console.log(`| desk | ${against.map(([, label]) => label).join(' | ')} |`);
console.log(`|---|${against.map(() => '---|').join('')}`);
console.log(`| ${thinReference.label} | ${against.map(([kpi, , d]) => absolute(thinReference, kpi, d)).join(' | ')} |`);
for (const run of runs.slice(3)) {
  const table = differenceTable(thinReference.result, run.result);
  console.log(`| ${run.label} | ${against.map(([kpi, , d]) => change(table, kpi, d)).join(' | ')} |`);
}

const warned = runs.flatMap((run) =>
  run.result.summary.warnings
    .filter((warning) => warning.code === 'unstable' || warning.code === 'unfinished_work')
    .map((warning) => `> ${run.label}: [${warning.code}] ${warning.message}`),
);
console.log(warned.length === 0 ? '\nNo desk is unstable or leaves much work unfinished.' : `\n${warned.join('\n')}`);
