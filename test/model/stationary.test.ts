/**
 * The shipped baseline measures a steady desk, not a transition (issue 15, part 2): over 26
 * weeks its weekly created tickets and escalation rate show no trend beyond ±3 %.
 *
 * Method: one replication of 27 weeks; week 0 is warm-up (the desk starts empty), weeks 1–26
 * are measured. Escalation rate of a week = tickets created that week and ever escalated ÷
 * tickets created that week (the week after the last gives its tickets time to escalate).
 * The trend is the least-squares slope × 26 weeks ÷ the mean: the change from first to last
 * week as a share of the level. One replication cannot pin a slope to ±3 % (the weekly
 * escalation rate alone varies by ±9 %), so the test asks what the data can say: the slope's
 * 95 % confidence interval must reach into [−3 %, +3 %], that is, no trend beyond ±3 % is
 * demonstrated. On the knowledge base that filled up without bound (coverage 0.40 → 0.95),
 * created tickets fell 15 % and escalations 17 % over the same weeks, far outside.
 */
import { describe, expect, it } from 'vitest';
import type { EventSink, TicketEvent } from '../../src/eventlog/types.js';
import { buildDesk } from '../../src/model/build.js';
import { simulate } from '../../src/model/simulate.js';
import { loadScenarioFile } from '../../src/scenario/load.js';

const WEEK = 7 * 1440;
const MEASURED_WEEKS = 26;

/** Counts created and escalated tickets by the week each ticket was created in. */
class WeeklyCounts implements EventSink {
  readonly created = new Array<number>(MEASURED_WEEKS + 1).fill(0);
  readonly escalated = new Array<number>(MEASURED_WEEKS + 1).fill(0);
  private readonly createdWeek = new Map<number | string, number>();
  private readonly counted = new Set<number | string>();

  emit(event: TicketEvent): void {
    if (event.ticket === undefined) return;
    if (event.type === 'created') {
      const week = Math.floor(event.time / WEEK);
      if (week <= MEASURED_WEEKS) {
        this.created[week]!++;
        this.createdWeek.set(event.ticket, week);
      }
    } else if (event.type === 'escalated' && !this.counted.has(event.ticket)) {
      const week = this.createdWeek.get(event.ticket);
      if (week === undefined) return;
      this.counted.add(event.ticket);
      this.escalated[week]!++;
    }
  }
}

/** Least-squares slope × n ÷ mean, and its 95 % confidence interval (t with n − 2 degrees of freedom). */
function relativeTrend(values: number[]): { trend: number; low: number; high: number } {
  const n = values.length;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((sum, value) => sum + value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  values.forEach((value, x) => {
    sxx += (x - meanX) ** 2;
    sxy += (x - meanX) * (value - meanY);
  });
  const slope = sxy / sxx;
  const residuals = values.reduce((sum, value, x) => sum + (value - meanY - slope * (x - meanX)) ** 2, 0);
  const slopeError = Math.sqrt(residuals / (n - 2) / sxx);
  const t = 2.064; // 97.5 % quantile of Student's t with 24 degrees of freedom
  const scale = n / meanY;
  return { trend: slope * scale, low: (slope - t * slopeError) * scale, high: (slope + t * slopeError) * scale };
}

describe('stationary baseline', () => {
  it('26 weeks of scenarios/baseline.yaml: weekly created tickets and escalation rate trend no more than ±3 %', () => {
    const scenario = loadScenarioFile('scenarios/baseline.yaml', {
      overrides: ['replications=1', `horizon.days=${7 * (MEASURED_WEEKS + 2)}`, 'horizon.warmup_days=0'],
    }).scenario;
    const counts = new WeeklyCounts();
    simulate(buildDesk(scenario), 0, counts);
    const created = counts.created.slice(1);
    const rate = counts.escalated.slice(1).map((escalated, index) => escalated / created[index]!);
    for (const [name, series] of [['weekly created tickets', created], ['weekly escalation rate', rate]] as const) {
      const { trend, low, high } = relativeTrend(series);
      const shown = `${name}: trend ${(100 * trend).toFixed(1)} % [${(100 * low).toFixed(1)}, ${(100 * high).toFixed(1)}]`;
      expect(low, shown).toBeLessThanOrEqual(0.03);
      expect(high, shown).toBeGreaterThanOrEqual(-0.03);
    }
  });
});
