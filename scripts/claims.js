#!/usr/bin/env node
/**
 * Measures the seeds' ten claims (docs/claims.md) with the experiments of scenarios/claims/:
 * each one's paired differences (same seeds, 95 % intervals), as `desksim compare` computes
 * them, plus the two analyses `compare` does not print — the week-by-week daily series of
 * claim 5 and the satisfaction per extra contact estimated from the logs of claim 6. Prints
 * Markdown lines to paste into docs/claims.md (claim 7 also its whole curve, as
 * scenarios/experiments/utilization-cost.yaml sweeps it). Uses the build (`npm run build` first).
 *
 *   node scripts/claims.js [claim numbers, comma-separated; default all]
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const load = await import(join(root, 'dist', 'scenario', 'load.js'));
const { runScenario } = await import(join(root, 'dist', 'experiment', 'run.js'));
const { alignScenarios, differenceTable, pairedDifference } = await import(
  join(root, 'dist', 'experiment', 'compare.js')
);
const { whoPays, WHO_PAYS_SEGMENTS } = await import(join(root, 'dist', 'experiment', 'who-pays.js'));
const { segmentDifference } = await import(join(root, 'dist', 'experiment', 'segment-difference.js'));
const { weeklyDifferences } = await import(join(root, 'dist', 'experiment', 'weekly-difference.js'));
const { buildDesk } = await import(join(root, 'dist', 'model', 'build.js'));
const { simulate } = await import(join(root, 'dist', 'model', 'simulate.js'));
const { ArraySink } = await import(join(root, 'dist', 'eventlog', 'types.js'));
const { contactSatisfaction } = await import(join(root, 'dist', 'metrics', 'contact-satisfaction.js'));

const scenario = (file, overrides = []) => load.loadScenarioFile(join(root, 'scenarios', file), { overrides }).scenario;
const number = (value) =>
  value === null
    ? '—'
    : Math.abs(value) >= 100
      ? value.toFixed(0)
      : Math.abs(value) >= 1
        ? value.toFixed(2)
        : value.toPrecision(3);
const line = (label, d) =>
  `| ${label} | ${number(d.reference_mean)} | ${number(d.mean)} | ${number(d.difference)} [${number(d.ci95?.[0] ?? null)}, ${number(d.ci95?.[1] ?? null)}] | ` +
  `${d.relative === null ? '—' : (100 * d.relative).toFixed(1) + ' %'} | ${d.significant ? 'yes' : 'no'} |`;
const header = '| KPI | reference | scenario | change [95 % CI] | relative | significant |\n|---|---|---|---|---|---|';

function compare(files, kpis, { overrides = [], categories = [], inCategories = [], categoryKpis = kpis } = {}) {
  const { scenarios } = alignScenarios(files.map((file) => scenario(file, overrides)));
  const detail =
    categories.length > 0
      ? WHO_PAYS_SEGMENTS
      : inCategories.length > 0
        ? { dimensions: ['category'], kpis: categoryKpis }
        : undefined;
  const [reference, ...others] = scenarios.map((each) => runScenario(each, detail === undefined ? {} : { detail }));
  others.forEach((other, index) => {
    console.log(
      `\n${files[0]} → ${files[index + 1]} (${scenarios[0].replications} replications, seed ${scenarios[0].seed})\n${header}`,
    );
    const table = differenceTable(reference, other);
    for (const kpi of kpis) {
      const [tier, id] = kpi.includes('.') ? kpi.split('.') : [undefined, kpi];
      const d = tier === undefined ? table.kpis[kpi] : table.tiers[tier]?.[id];
      if (d !== undefined) console.log(line(kpi, d));
    }
    const section = categories.length > 0 ? whoPays(reference, other) : undefined;
    for (const [category, id] of categories)
      if (section?.[category]?.[id]) console.log(line(`${category}: ${id}`, section[category][id]));
    for (const category of inCategories)
      for (const kpi of categoryKpis)
        console.log(line(`${category}: ${kpi}`, segmentDifference(reference, other, 'category', category, kpi)));
  });
}

const claims = {
  1: () =>
    compare(
      ['baseline.yaml', 'claims/push-first-response.yaml'],
      [
        'first_response_time_mean',
        'resolution_time_mean',
        'resolution_time_p50',
        'true_resolution_time_mean',
        'handle_time_mean',
      ],
    ),
  2: () =>
    compare(
      ['baseline.yaml', 'claims/push-closures.yaml'],
      ['tickets_per_agent_day', 'true_satisfaction_mean', 'true_satisfied_share', 'csat_mean', 'true_resolution_rate'],
    ),
  3: () =>
    compare(
      ['baseline.yaml', 'claims/push-resolution-time.yaml'],
      [
        'resolution_time_mean',
        'hidden_failure_share',
        'reopen_rate',
        'repeat_contact_rate',
        'contacts_per_issue',
        'tickets_created',
        'true_resolution_time_mean',
      ],
    ),
  4: () =>
    compare(
      ['claims/push-first-response.yaml', 'claims/push-first-response-staffing.yaml'],
      [
        'first_response_time_mean',
        'tier1.utilization',
        'tier1.queue_wait_mean',
        'tier2.utilization',
        'tier2.queue_wait_mean',
        'resolution_time_mean',
        'true_resolution_time_mean',
      ],
    ),
  5: () => {
    compare(
      ['baseline.yaml', 'claims/push-backlog.yaml'],
      ['backlog_mean', 'tickets_created', 'repeat_contact_rate', 'reopen_rate'],
    );
    // Week by week from the first day: the backlog falls at once, the volume follows.
    const overrides = ['horizon.warmup_days=0'];
    const [reference, pushed] = ['baseline.yaml', 'claims/push-backlog.yaml'].map((file) =>
      runScenario(scenario(file, overrides), { detail: true }),
    );
    console.log(
      '\nweek by week, no warm-up (daily means; paired over replications)\n| week | backlog (end of day) | tickets created per day |\n|---|---|---|',
    );
    const backlog = weeklyDifferences(reference.outcomes, pushed.outcomes, 'backlog', 'tickets');
    const created = weeklyDifferences(reference.outcomes, pushed.outcomes, 'tickets_created', 'tickets');
    const cell = (d) =>
      `${number(d.reference_mean)} → ${number(d.mean)}: ${number(d.difference)} [${number(d.ci95[0])}, ${number(d.ci95[1])}]`;
    backlog.forEach((week, index) => console.log(`| ${week.week} | ${cell(week)} | ${cell(created[index])} |`));
  },
  6: () => {
    // The same tickets with and without the satisfaction cost of a contact: what the log says in each.
    const estimates = (overrides) => {
      const model = buildDesk(scenario('baseline.yaml', ['horizon.days=182', 'replications=5', ...overrides]));
      return Array.from({ length: model.scenario.replications }, (_, index) => {
        const sink = new ArraySink();
        simulate(model, index + 1, sink);
        return contactSatisfaction(sink.events);
      });
    };
    const on = estimates([]);
    const off = estimates(['customers.satisfaction.per_extra_contact=0']);
    const values = (list) => new Map(list.map((estimate, index) => [index + 1, estimate.factorPerExtraContact]));
    const zero = new Map(on.map((_, index) => [index + 1, 1]));
    console.log(
      `\nbaseline, 182 days, 5 replications: ${on.map((e) => e.issues).join(', ')} issues, ${on.map((e) => e.repeatedIssues).join(', ')} with more than one contact\n${header}`,
    );
    console.log(line('factor per extra contact − 1 (as simulated)', pairedDifference(zero, values(on), '')));
    console.log(line('factor per extra contact − 1 (per_extra_contact 0)', pairedDifference(zero, values(off), '')));
    console.log(line('as simulated − per_extra_contact 0', pairedDifference(values(off), values(on), '')));
  },
  7: () => {
    compare(
      ['claims/burnout-desk.yaml', 'claims/burnout-desk-busy.yaml'],
      [
        'utilization',
        'overtime_share',
        'agents_left',
        'total_cost',
        'cost_per_ticket',
        'cost_per_resolution',
        'true_satisfaction_mean',
      ],
    );
    // The whole curve, as scenarios/experiments/utilization-cost.yaml sweeps it (same seed at every load).
    const columns = [
      'utilization',
      'overtime_share',
      'agents_left',
      'total_cost',
      'cost_per_ticket',
      'cost_per_issue',
      'cost_per_resolution',
      'true_resolution_rate',
      'true_satisfaction_mean',
    ];
    console.log(`\nthe curve (burnout-desk, 10 replications a point)\n| tickets/h | ${columns.join(' | ')} |`);
    console.log(`|---|${columns.map(() => '---').join('|')}|`);
    for (const rate of [2.6, 2.9, 3.2, 3.4, 3.6, 3.8, 4.0, 4.5]) {
      const { summary } = runScenario(scenario('claims/burnout-desk.yaml', [`arrivals.rate_per_hour=${rate}`]));
      console.log(`| ${rate} | ${columns.map((kpi) => number(summary.kpis[kpi]?.mean ?? null)).join(' | ')} |`);
    }
  },
  8: () =>
    compare(
      ['baseline.yaml', 'claims/knowledge-gap.yaml', 'claims/knowledge-none.yaml'],
      ['escalation_rate', 'fcr_rate', 'deflection_rate', 'tickets_created'],
      {
        inCategories: ['integration', 'billing', 'how_to'],
        categoryKpis: ['escalation_rate', 'fcr_rate'],
      },
    ),
  9: () => {
    compare(
      ['claims/two-size-queue.yaml', 'claims/two-size-queue-quick-first.yaml'],
      ['utilization', 'queue_wait_mean', 'queue_wait_p90', 'resolution_time_mean', 'resolution_time_p90'],
    );
    // The same order on the busy baseline desk: the desk-wide p90 improves, a segment's worsens.
    compare(
      ['claims/busy-desk.yaml', 'claims/quick-tickets-first.yaml'],
      ['queue_wait_mean', 'queue_wait_p90', 'first_response_time_mean', 'resolution_time_mean', 'resolution_time_p90'],
      {
        categories: [
          ['bug', 'queue_wait_p90'],
          ['bug', 'resolution_time_p90'],
          ['bug', 'first_response_time_p90'],
          ['integration', 'first_response_time_p90'],
          ['integration', 'queue_wait_p90'],
        ],
      },
    );
  },
  10: () =>
    compare(
      ['baseline.yaml', 'claims/auto-acknowledgement.yaml'],
      [
        'first_response_time_mean',
        'sla_first_response_compliance',
        'first_response_substantive_share',
        'resolution_time_mean',
        'true_resolution_rate',
        'true_satisfaction_mean',
      ],
    ),
};

const chosen = (process.argv[2] ?? Object.keys(claims).join(',')).split(',');
for (const id of chosen) {
  console.log(`\n## Claim ${id}`);
  claims[id]();
}
