/**
 * A new hire's paid training (mechanisms/training.ts): the replacement is on the payroll for
 * its shifts but takes no ticket until the training is over; the log shows the time as paid
 * absence of kind training, so the cost of a ticket carries the trainee's wages while
 * utilization leaves them out. Same seeds with and without training (common random numbers).
 */
import { describe, expect, it } from 'vitest';
import { ArraySink, type TicketEvent } from '../../src/eventlog/types.js';
import { Ledger } from '../../src/metrics/ledger.js';
import { buildDesk } from '../../src/model/build.js';
import { simulate } from '../../src/model/simulate.js';
import { loadScenarioText } from '../../src/scenario/load.js';

// Weekday day shifts, heavy turnover and a fixed two-day hiring delay: departures come at the
// daily review (midnight), so every replacement starts at midnight and two weeks of training
// hold exactly ten eight-hour shifts.
const DESK = `
name: training
seed: 3
horizon: { days: 120, warmup_days: 0 }
arrivals: { rate_per_hour: 2, pattern: constant }
complexity: { standard: { handle_time: { dist: lognormal, mean: 20m, sd: 10m } } }
agents:
  attrition: { per_year: 3, fatigued_multiplier: 1, hiring_delay: { dist: deterministic, value: 2d } }
tiers:
  - id: desk
    cost_per_hour: 30
    shifts:
      - { agents: 4, days: [mon, tue, wed, thu, fri], start: "08:00", end: "16:00" }
`;
const DAY = 1440;
const TWO_WEEKS = 14 * DAY;
const HORIZON = 120 * DAY;

function run(weeks: number): { events: TicketEvent[]; ledger: Ledger } {
  const { scenario } = loadScenarioText(DESK, 'training.yaml', {
    overrides: [`agents.new_hire.training_weeks=${weeks}`],
  });
  const model = buildDesk(scenario);
  const sink = new ArraySink();
  const ledger = new Ledger({ originEpochMs: 0, measureFrom: 0, measureTo: model.horizon });
  simulate(model, 1, {
    emit: (event) => {
      sink.emit(event);
      ledger.emit(event);
    },
  });
  ledger.finish();
  return { events: sink.events, ledger };
}

describe('a new hire’s training', () => {
  const trained = run(2);
  const untrained = run(0);
  const hires = trained.events.filter((event) => event.type === 'agent_hired');

  it('sees replacements hired (the desk has turnover)', () => {
    expect(hires.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps a replacement off the queue for two weeks, then puts it to work', () => {
    for (const hire of hires) {
      const work = trained.events.filter((event) => event.type === 'work_started' && event.agent === hire.agent);
      const firstWork = work[0]?.time ?? Number.POSITIVE_INFINITY;
      expect(firstWork).toBeGreaterThanOrEqual(hire.time + TWO_WEEKS);
      const left = trained.events.find((event) => event.type === 'agent_left' && event.agent === hire.agent);
      if (hire.time + TWO_WEEKS + 7 * DAY < HORIZON && left === undefined)
        expect(firstWork).toBeLessThan(hire.time + TWO_WEEKS + 4 * DAY);
    }
  });

  it('pays the training as absence of kind training: ten shifts of eight hours a replacement', () => {
    for (const hire of hires) {
      if (hire.time + TWO_WEEKS > HORIZON) continue;
      if (trained.events.some((event) => event.type === 'agent_left' && event.agent === hire.agent)) continue;
      let started = Number.NaN;
      let minutes = 0;
      for (const event of trained.events) {
        if (event.agent !== hire.agent) continue;
        if (event.type === 'absence_started' && event.kind === 'training') started = event.time;
        if (event.type === 'absence_ended' && !Number.isNaN(started)) {
          minutes += event.time - started;
          started = Number.NaN;
        }
      }
      expect(minutes).toBe(10 * 8 * 60);
    }
  });

  it('pays the training like a shift: the payroll keeps the hours, utilization\u2019s on-shift time loses them', () => {
    const paid = (ledger: Ledger) => {
      let onShift = 0;
      let absent = 0;
      for (const record of ledger.agents.values()) {
        onShift += record.onShiftTime;
        absent += record.absentTime;
      }
      return { onShift, absent };
    };
    const withTraining = paid(trained.ledger);
    const without = paid(untrained.ledger);
    // The same departures (per-seat streams, no fatigue), so the same scheduled, employed time.
    expect(trained.events.filter((event) => event.type === 'agent_left').map((event) => event.time)).toEqual(
      untrained.events.filter((event) => event.type === 'agent_left').map((event) => event.time),
    );
    expect(without.absent).toBe(0);
    expect(withTraining.absent).toBeGreaterThanOrEqual(3 * 10 * 8 * 60);
    expect(withTraining.onShift).toBeLessThan(without.onShift - withTraining.absent / 2);
    // Nothing drops out of the payroll (the busier others finish a few more tickets past their shift).
    expect(withTraining.onShift + withTraining.absent).toBeGreaterThanOrEqual(without.onShift);
  });
});
