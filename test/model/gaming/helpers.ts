/**
 * What the gaming tests share: the baseline desk on a shortened horizon (28 measured days
 * after a week of warm-up, 8 replications, the scenario's seed: common random numbers), the
 * paired difference of a KPI between two runs with its Student-t 95 % interval, and KPIs of
 * a segment of the log (the metric engine run on some tickets' events).
 */
import jStat from 'jstat';
import type { EventSink, TicketEvent } from '../../../src/eventlog/types.js';
import { metricOptions, runScenario, type RunResult } from '../../../src/experiment/run.js';
import { computeKpis, type KpiTable } from '../../../src/metrics/engine.js';
import { Ledger } from '../../../src/metrics/ledger.js';
import { buildDesk } from '../../../src/model/build.js';
import { simulate } from '../../../src/model/simulate.js';
import { loadScenarioFile } from '../../../src/scenario/load.js';

export const REPLICATIONS = 12;
const SHORTENED = [`replications=${REPLICATIONS}`, 'horizon.days=35', 'horizon.warmup_days=7'];

/** The baseline desk with `overrides`, on the shortened horizon. */
export function baselineScenario(overrides: readonly string[] = []) {
  return loadScenarioFile('scenarios/baseline.yaml', { overrides: [...SHORTENED, ...overrides] }).scenario;
}

export function runBaseline(overrides: readonly string[] = []): RunResult {
  return runScenario(baselineScenario(overrides));
}

/** A KPI id, or `tiers.<tier>.<kpi>`. */
function read(table: KpiTable, kpi: string): number {
  const [scope, tier, id] = kpi.split('.');
  const value = scope === 'tiers' ? table.tiers[tier!]![id!] : table.values[kpi];
  if (value === null || value === undefined) throw new Error(`${kpi} has no value`);
  return value;
}

/** Paired change of a KPI from `before` to `after` (same seeds), with its 95 % interval. */
export interface Change {
  kpi: string;
  before: number;
  mean: number;
  low: number;
  high: number;
}

export function pairedChange(before: KpiTable[], after: KpiTable[], kpi: string): Change {
  const differences = before.map((table, index) => read(after[index]!, kpi) - read(table, kpi));
  const mean = jStat.mean(differences);
  const half =
    jStat.studentt.inv(0.975, differences.length - 1) *
    (jStat.stdev(differences, true) / Math.sqrt(differences.length));
  return {
    kpi,
    before: jStat.mean(before.map((table) => read(table, kpi))),
    mean,
    low: mean - half,
    high: mean + half,
  };
}

/** The KPI tables of a run's replications. */
export const tables = (result: RunResult): KpiTable[] => result.outcomes.map((outcome) => outcome.kpis);

const describeChange = (change: Change) =>
  `${change.kpi}: ${change.before.toPrecision(4)} → ${(change.before + change.mean).toPrecision(4)}, change ${change.mean.toPrecision(3)} [${change.low.toPrecision(3)}, ${change.high.toPrecision(3)}]`;

/** Asserts that the KPI rose: the whole 95 % interval of the paired change is above 0. */
export function expectRise(before: KpiTable[], after: KpiTable[], kpi: string): Change {
  const change = pairedChange(before, after, kpi);
  if (!(change.low > 0)) throw new Error(`expected a rise of ${describeChange(change)}`);
  return change;
}

/** Asserts that the KPI fell: the whole 95 % interval of the paired change is below 0. */
export function expectFall(before: KpiTable[], after: KpiTable[], kpi: string): Change {
  const change = pairedChange(before, after, kpi);
  if (!(change.high < 0)) throw new Error(`expected a fall of ${describeChange(change)}`);
  return change;
}

/** A sink that folds into a ledger only the events of tickets whose `created` event passes `keep` (and agent-level records). */
class SegmentSink implements EventSink {
  private readonly kept = new Set<number | string>();

  constructor(
    readonly ledger: Ledger,
    private readonly keep: (created: TicketEvent) => boolean,
  ) {}

  emit(event: TicketEvent): void {
    if (event.ticket === undefined) {
      this.ledger.emit(event);
      return;
    }
    if (event.type === 'created' && this.keep(event)) this.kept.add(event.ticket);
    if (this.kept.has(event.ticket)) this.ledger.emit(event);
  }
}

/** Per replication, the KPIs of the baseline desk's tickets that pass `keep` (a segment of the log). */
export function segmentTables(overrides: readonly string[], keep: (created: TicketEvent) => boolean): KpiTable[] {
  const model = buildDesk(baselineScenario(overrides));
  const window = { originEpochMs: model.originEpochMs, measureFrom: model.measureFrom, measureTo: model.horizon };
  const tiers = model.tiers.map((tier) => tier.id);
  return Array.from({ length: REPLICATIONS }, (_, index) => {
    const sink = new SegmentSink(new Ledger(window), keep);
    simulate(model, index + 1, sink);
    return computeKpis(sink.ledger, metricOptions(model), tiers);
  });
}
