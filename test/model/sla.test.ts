/** SLA policies: targets per priority on a calendar or business clock, with customer pauses. */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run.js';
import { loadScenarioFile } from '../../src/scenario/load.js';

const baseline = (overrides: string[]) =>
  runScenario(
    loadScenarioFile('scenarios/baseline.yaml', { overrides: ['replications=4', 'horizon.days=21', ...overrides] })
      .scenario,
  ).outcomes;

describe('SLA policies (baseline desk, same seeds)', () => {
  it('a business-hours clock is more lenient than a calendar clock for the same tickets', () => {
    const business = baseline(['sla.clock=business']);
    const calendar = baseline(['sla.clock=calendar']);
    business.forEach((outcome, index) => {
      for (const id of ['sla_first_response_compliance', 'sla_resolution_compliance']) {
        expect(outcome.kpis.values[id]!, id).toBeGreaterThan(calendar[index]!.kpis.values[id]!);
      }
    });
  });

  it('tighter targets lower compliance; pausing for the customer raises resolution compliance', () => {
    const published = baseline([]);
    const tighter = baseline(['sla.targets.normal.first_response=1h', 'sla.targets.normal.resolution=1d']);
    const noPause = baseline(['sla.pause_when_pending=false']);
    published.forEach((outcome, index) => {
      const values = outcome.kpis.values;
      expect(tighter[index]!.kpis.values.sla_first_response_compliance!).toBeLessThan(
        values.sla_first_response_compliance!,
      );
      expect(tighter[index]!.kpis.values.sla_resolution_compliance!).toBeLessThan(values.sla_resolution_compliance!);
      expect(noPause[index]!.kpis.values.sla_resolution_compliance!).toBeLessThanOrEqual(
        values.sla_resolution_compliance!,
      );
      // Only the measurement changed: the desk itself is the same.
      expect(noPause[index]!.kpis.values.resolution_time_mean).toBe(values.resolution_time_mean);
    });
    const total = (outcomes: typeof published) =>
      outcomes.reduce((sum, outcome) => sum + outcome.kpis.values.sla_resolution_compliance!, 0);
    expect(total(noPause)).toBeLessThan(total(published));
  });

  it('without targets the SLA KPIs are null', () => {
    const [outcome] = runScenario(
      loadScenarioFile('scenarios/textbook/mmc.yaml', { overrides: ['replications=2', 'horizon.days=3'] }).scenario,
    ).outcomes;
    expect(outcome!.kpis.values.sla_first_response_compliance).toBeNull();
  });
});
