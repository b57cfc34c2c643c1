/** A short baseline run's event log, the input of the export tests. */
import { ArraySink } from '../../src/eventlog/types.js';
import { buildDesk } from '../../src/model/build.js';
import { simulate } from '../../src/model/simulate.js';
import { loadScenarioFile } from '../../src/scenario/load.js';

export function baselineLog(days = 3) {
  const model = buildDesk(
    loadScenarioFile('scenarios/baseline.yaml', {
      overrides: [`horizon.days=${days}`, 'horizon.warmup_days=0', 'replications=1'],
    }).scenario,
  );
  const sink = new ArraySink();
  simulate(model, 1, sink);
  return { model, events: sink.events, originEpochMs: model.originEpochMs };
}
