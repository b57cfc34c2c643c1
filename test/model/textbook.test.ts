/**
 * The textbook subset: with every behaviour beyond the queue switched off, the simulator
 * must be the queue of the formula. Each check runs the shipped scenario through the CLI
 * with --set overrides (several parameter sets, not only the shipped one) and asserts the
 * formula's value lies inside the simulation's confidence interval over replications.
 */
import { describe, expect, it } from 'vitest';
import { erlangA, erlangC, priorityQueueWaits, tandemEscalation } from '../../src/theory/index.js';
import { runReplication, type RunSummary } from '../../src/experiment/run.js';
import { summarize } from '../../src/experiment/statistics.js';
import { buildDesk } from '../../src/model/build.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { cli, expectInside, temporaryDirectory } from '../support/cli.js';

async function simulateSummary(file: string, overrides: string[]): Promise<RunSummary> {
  const out = temporaryDirectory();
  const args = ['run', file, '--json', '--out', out];
  for (const override of overrides) args.push('--set', override);
  const result = await cli(args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as RunSummary;
}

describe('M/M/c against Erlang C', () => {
  const cases = [
    { agents: 10, perHour: 54, mean: 10, threshold: 5 }, // shipped: ρ = 0.9
    { agents: 5, perHour: 24, mean: 10, threshold: 10 }, // ρ = 0.8
    { agents: 2, perHour: 9, mean: 10, threshold: 15 }, // ρ = 0.75
  ];
  for (const { agents, perHour, mean, threshold } of cases) {
    it(`c=${agents}, λ=${perHour}/h, mean handle ${mean} min`, async () => {
      const summary = await simulateSummary('scenarios/textbook/mmc.yaml', [
        `tiers.desk.agents=${agents}`,
        `arrivals.rate_per_hour=${perHour}`,
        `complexity.standard.handle_time.mean=${mean}`,
        `metrics.service_level_threshold=${threshold}`,
        'horizon.days=22',
        'replications=10',
      ]);
      const theory = erlangC({ servers: agents, arrivalRate: perHour / 60, serviceRate: 1 / mean });
      expectInside(summary.kpis.waited_share, theory.probabilityWait, 'P(wait)');
      expectInside(summary.kpis.queue_wait_mean, theory.meanWait, 'mean wait');
      expectInside(summary.kpis.service_level, theory.serviceLevel(threshold), `P(wait ≤ ${threshold})`);
      expectInside(summary.kpis.utilization, theory.utilization, 'utilization');
      expectInside(summary.kpis.handle_time_mean, mean, 'mean handle time');
    });
  }
});

describe('M/M/c+M against Erlang A', () => {
  const cases = [
    { agents: 10, perHour: 60, patience: 20 }, // shipped: ρ = 1, stable only through abandonment
    { agents: 4, perHour: 30, patience: 5 }, // ρ = 1.25, impatient customers
  ];
  for (const { agents, perHour, patience } of cases) {
    it(`c=${agents}, λ=${perHour}/h, mean patience ${patience} min`, async () => {
      const summary = await simulateSummary('scenarios/textbook/mmc-abandonment.yaml', [
        `tiers.desk.agents=${agents}`,
        `arrivals.rate_per_hour=${perHour}`,
        `channels.chat.patience.mean=${patience}`,
        'horizon.days=22',
      ]);
      const theory = erlangA({
        servers: agents,
        arrivalRate: perHour / 60,
        serviceRate: 0.1,
        abandonmentRate: 1 / patience,
      });
      expectInside(summary.kpis.abandonment_rate, theory.probabilityAbandon, 'P(abandon)');
      expectInside(summary.kpis.queue_wait_mean, theory.meanWait, 'mean wait (all arrivals)');
      expectInside(summary.kpis.waited_share, theory.probabilityWait, 'P(wait)');
      expectInside(summary.kpis.utilization, theory.utilization, 'utilization');
    });
  }
});

describe('non-preemptive priority against Cobham', () => {
  const cases = [
    { agents: 5, perHour: 24, urgentShare: 0.3 }, // shipped: ρ = 0.8
    { agents: 3, perHour: 16, urgentShare: 0.5 }, // ρ ≈ 0.89
  ];
  for (const { agents, perHour, urgentShare } of cases) {
    it(`c=${agents}, λ=${perHour}/h, urgent share ${urgentShare}`, async () => {
      const overrides = [
        `tiers.desk.agents=${agents}`,
        `arrivals.rate_per_hour=${perHour}`,
        `priorities.urgent.share=${urgentShare}`,
        `priorities.normal.share=${1 - urgentShare}`,
        'horizon.days=22',
      ];
      const { scenario } = loadScenarioFile('scenarios/textbook/priority.yaml', { overrides });
      const model = buildDesk(scenario);
      const classWaits: Record<string, number[]> = { urgent: [], normal: [] };
      const overall: number[] = [];
      for (let replication = 1; replication <= scenario.replications; replication++) {
        const { ledger, outcome } = runReplication(model, replication);
        overall.push(outcome.kpis.values.queue_wait_mean!);
        for (const priority of ['urgent', 'normal']) {
          const waits = ledger
            .measuredTickets()
            .filter((ticket) => ticket.priority === priority)
            .map((ticket) => ticket.queueWait)
            .filter((wait): wait is number => wait !== undefined);
          classWaits[priority]!.push(waits.reduce((sum, wait) => sum + wait, 0) / waits.length);
        }
      }
      const lambda = perHour / 60;
      const theory = priorityQueueWaits({
        servers: agents,
        serviceRate: 0.1,
        arrivalRates: [lambda * urgentShare, lambda * (1 - urgentShare)],
      });
      expectInside(summarize(classWaits.urgent!, 'minutes'), theory.meanWaits[0]!, 'urgent mean wait');
      expectInside(summarize(classWaits.normal!, 'minutes'), theory.meanWaits[1]!, 'normal mean wait');
      // Conservation: the desk-wide wait is the λ-weighted average, i.e. the FCFS wait.
      expectInside(summarize(overall, 'minutes'), theory.overallMeanWait, 'overall mean wait');
    });
  }
});

describe('Tier 1 → Tier 2 tandem against Jackson', () => {
  const cases = [
    { tier1: 8, tier2: 5, skill: 0.7, perHour: 36 }, // shipped
    { tier1: 6, tier2: 3, skill: 0.8, perHour: 30 },
  ];
  for (const { tier1, tier2, skill, perHour } of cases) {
    it(`c1=${tier1}, c2=${tier2}, escalation ${1 - skill}, λ=${perHour}/h`, async () => {
      const summary = await simulateSummary('scenarios/textbook/tandem.yaml', [
        `tiers.tier1.agents=${tier1}`,
        `tiers.tier2.agents=${tier2}`,
        `tiers.tier1.skill=${skill}`,
        `arrivals.rate_per_hour=${perHour}`,
        'horizon.days=22',
      ]);
      const theory = tandemEscalation({
        arrivalRate: perHour / 60,
        tiers: [
          { servers: tier1, serviceRate: 0.1 },
          { servers: tier2, serviceRate: 0.05 },
        ],
        escalationProbabilities: [1 - skill],
      });
      expectInside(summary.kpis.escalation_rate, 1 - skill, 'escalation probability');
      expectInside(summary.tiers.tier1!.queue_wait_mean, theory.tiers[0]!.meanWait, 'tier 1 mean wait');
      expectInside(summary.tiers.tier2!.queue_wait_mean, theory.tiers[1]!.meanWait, 'tier 2 mean wait');
      expectInside(summary.tiers.tier1!.utilization, theory.tiers[0]!.utilization, 'tier 1 utilization');
      expectInside(summary.tiers.tier2!.utilization, theory.tiers[1]!.utilization, 'tier 2 utilization');
      expectInside(summary.kpis.queue_wait_mean, theory.meanWaitPerTicket, 'total wait per ticket');
    });
  }
});
