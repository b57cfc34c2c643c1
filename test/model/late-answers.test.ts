/**
 * A customer's answer, or the desk's deadline for one, that comes after the ticket has moved
 * on. Found by the framework study: under several pressures at once, an answer arrived for a
 * ticket already back in its queue, which entered it a second time and crashed the queue.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run.js';
import { loadScenarioFile } from '../../src/scenario/load.js';

describe('late answers', () => {
  it('a ticket back in its queue before its customer answers is not entered twice', () => {
    const scenario = loadScenarioFile('scenarios/baseline.yaml', {
      overrides: [
        'replications=5',
        'horizon.days=28',
        'knowledge.documentable=1',
        'incentives=[{kpi: csat_mean, pressure: 1}, {kpi: fcr_rate, pressure: 0.5}, ' +
          '{kpi: reopen_rate, pressure: 0.5}, {kpi: sla_resolution_compliance, pressure: 0.5}]',
      ],
    }).scenario;
    // Before the guard in InformationRequests.answer: TypeError in SelectiveQueue.remove.
    const result = runScenario(scenario);
    expect(result.outcomes).toHaveLength(5);
    expect(result.summary.kpis.tickets_created!.mean!).toBeGreaterThan(0);
  });
});
