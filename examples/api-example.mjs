// desksim from code: run, compare, sweep, and one replication by hand (docs/api.md).
// Run it in the repository after `npm run build` (`node examples/api-example.mjs`), or in any
// project that installed desksim: the scenarios ship with the package.
import { buildDesk, compare, computeKpis, loadScenario, metricOptions, replicationLedger, run, simulate, sweep } from 'desksim';

const scenarios = new URL('../scenarios/', import.meta.resolve('desksim'));
const baseline = new URL('baseline.yaml', scenarios).pathname;
const quick = { set: ['horizon.days=21'], replications: 3 };

// 1. A scenario, validated, with overrides as --set takes them.
const desk = loadScenario(baseline, quick);

// 2. Every replication and every KPI with its 95 % confidence interval.
const result = await run(desk);
const truth = result.summary.kpis.true_resolution_rate;
console.log(`true resolution rate ${truth.mean.toFixed(3)} [${truth.ci95.map((x) => x.toFixed(3)).join(', ')}]`);

// 3. Two desks on common random numbers: one Tier 2 specialist fewer.
const thin = loadScenario(new URL('understaffed-tier2.yaml', scenarios).pathname, quick);
const comparison = await compare([desk, thin]);
const change = comparison.contrasts[0].kpis.resolution_time_mean;
console.log(`one Tier 2 agent fewer: mean resolution time ${change.difference >= 0 ? '+' : ''}${change.difference.toFixed(0)} min (95 % CI excludes 0: ${change.significant})`);

// 4. A sweep over Tier 2's day shift.
const curve = await sweep(baseline, { ...quick, grid: { 'tiers.tier2.shifts.0.agents': [2, 3, 4] } });
for (const point of curve.points) {
  console.log(`tier 2 agents ${point.parameters['tiers.tier2.shifts.0.agents']}: queue wait ${point.kpis.queue_wait_mean.mean.toFixed(0)} min`);
}

// 5. One replication by hand: the event log goes into a ledger, the metric engine reads it.
const model = buildDesk(desk);
const ledger = replicationLedger(model);
simulate(model, 1, ledger);
const kpis = computeKpis(ledger, metricOptions(model));
console.log(`replication 1: ${kpis.values.tickets_created} tickets, CSAT ${kpis.values.csat_mean.toFixed(2)} against a true ${kpis.values.true_satisfaction_mean.toFixed(2)}`);
