/**
 * Little's law, L = λW, measured on the event stream itself: L is the time-average number
 * of tickets in the system over the measured window (integrated from created → resolved
 * or abandoned; nobody reopens in this queue), λ the observed arrival rate, W the mean time in system of measured tickets.
 * Also checked against Erlang C's L for the same queue.
 */
import { describe, expect, it } from 'vitest';
import type { EventSink, TicketEvent } from '../../src/eventlog/types.js';
import { summarize } from '../../src/experiment/statistics.js';
import { buildDesk } from '../../src/model/build.js';
import { simulate } from '../../src/model/simulate.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { erlangC } from '../../src/theory/index.js';
import { expectInside } from '../support/cli.js';

/** Integrates the number in system over [from, to) and records sojourns of tickets created in it. */
class LittleSink implements EventSink {
  inSystem = 0;
  private lastTime = 0;
  area = 0;
  arrivals = 0;
  private readonly createdAt = new Map<number | string, number>();
  sojourns: number[] = [];

  constructor(
    private readonly from: number,
    private readonly to: number,
  ) {}

  private advance(time: number): void {
    const start = Math.max(this.lastTime, this.from);
    const end = Math.min(time, this.to);
    if (end > start) this.area += this.inSystem * (end - start);
    this.lastTime = time;
  }

  emit(event: TicketEvent): void {
    if (event.ticket === undefined) return;
    if (event.type === 'created') {
      this.advance(event.time);
      this.inSystem++;
      if (event.time >= this.from) {
        this.arrivals++;
        this.createdAt.set(event.ticket, event.time);
      }
    } else if (event.type === 'resolved' || event.type === 'abandoned') {
      this.advance(event.time);
      this.inSystem--;
      const created = this.createdAt.get(event.ticket);
      if (created !== undefined) this.sojourns.push(event.time - created);
    }
  }

  finish(): { L: number; lambda: number; W: number } {
    this.advance(this.to);
    const duration = this.to - this.from;
    return {
      L: this.area / duration,
      lambda: this.arrivals / duration,
      W: this.sojourns.reduce((a, b) => a + b, 0) / this.sojourns.length,
    };
  }
}

describe("Little's law", () => {
  it('L = λW on an M/M/4 at ρ = 0.85, and L matches Erlang C', () => {
    const { scenario } = loadScenarioFile('scenarios/textbook/mmc.yaml', {
      overrides: ['tiers.desk.agents=4', 'arrivals.rate_per_hour=20.4', 'horizon.days=30', 'replications=10'],
    });
    const model = buildDesk(scenario);
    const differences: number[] = [];
    const levels: number[] = [];
    for (let replication = 1; replication <= scenario.replications; replication++) {
      const sink = new LittleSink(model.measureFrom, model.horizon);
      simulate(model, replication, sink);
      const { L, lambda, W } = sink.finish();
      differences.push(L - lambda * W);
      levels.push(L);
      // Sample-path Little: only tickets straddling the window edges separate the two sides.
      expect(Math.abs(L - lambda * W) / L).toBeLessThan(0.01);
    }
    expectInside(summarize(differences, 'tickets'), 0, 'L − λW');
    const theory = erlangC({ servers: 4, arrivalRate: 20.4 / 60, serviceRate: 0.1 });
    expectInside(summarize(levels, 'tickets'), theory.meanInSystem, 'L (Erlang C)');
  });
});
