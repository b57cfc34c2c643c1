/**
 * The simulation worker: desksim's own scenario loader, model and metric engine, off the
 * page's thread. A run validates the overrides exactly as `desksim run --set` does, then
 * simulates replication after replication, posting the summary of those done so far after
 * each; between replications it yields, so a newer request (the user moved a control)
 * cancels the rest of an older one.
 */
import { averageDaily } from '../src/experiment/detail.js';
import { incentiveOverride, pressureResult } from '../src/experiment/pressure.js';
import { metricOptions, runReplication, ticketTable, type ReplicationOutcome } from '../src/experiment/replication.js';
import { summarizeOutcomes } from '../src/experiment/summary.js';
import type { RunOutcomes } from '../src/experiment/compare.js';
import type { Ledger } from '../src/metrics/ledger.js';
import { buildDesk } from '../src/model/build.js';
import { ScenarioError } from '../src/document/errors.js';
import { loadScenarioText } from '../src/scenario/load.js';
import { scenarioJsonSchema, type Scenario } from '../src/scenario/schema.js';
import type { FromWorker, PageScenario, RunRequest, ToWorker } from './protocol.js';
import { ReplayRecorder } from './replay-recorder.js';

const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};
let latestJob = 0;

const post = (message: FromWorker) => scope.postMessage(message);
/** Lets queued messages in: a newer job sets `latestJob`. */
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function load(scenario: PageScenario, overrides: readonly string[]): Scenario {
  return loadScenarioText(scenario.yaml, scenario.file, { overrides }).scenario;
}

/**
 * Runs every replication of `scenario`, calling `after` with the outcomes so far; undefined
 * if a newer job cancelled it. `main`: the run the page shows, so its replications carry the
 * daily series and its first one posts its resolved tickets and replay (the sweep's do not).
 */
async function replicate(
  job: number,
  scenario: Scenario,
  main: boolean,
  after: (outcomes: ReplicationOutcome[], milliseconds: number) => void,
): Promise<ReplicationOutcome[] | undefined> {
  const model = buildDesk(scenario);
  const outcomes: ReplicationOutcome[] = [];
  let reuse: Ledger | undefined;
  for (let replication = 1; replication <= scenario.replications; replication++) {
    await yieldToMessages();
    if (job !== latestJob) return undefined;
    const started = performance.now();
    const recorder = main && replication === 1 ? new ReplayRecorder(model.tiers.map((tier) => tier.id)) : undefined;
    const { outcome, ledger } = runReplication(model, replication, recorder, reuse, main);
    reuse = ledger;
    outcomes.push(outcome);
    after(outcomes, performance.now() - started);
    if (recorder !== undefined) {
      const tickets = ticketTable(ledger, metricOptions(model));
      post({
        type: 'first',
        job,
        resolved: tickets.resolved,
        replay: recorder.finish(model.horizon, model.measureFrom, model.originEpochMs, scenario.clock.timezone),
      });
    }
  }
  return outcomes;
}

async function run(request: RunRequest): Promise<void> {
  const { job } = request;
  let scenario: Scenario;
  try {
    scenario = load(request.scenario, request.overrides);
  } catch (error) {
    if (error instanceof ScenarioError) return post({ type: 'invalid', job, issues: error.issues });
    throw error;
  }
  post({ type: 'started', job, scenario, total: scenario.replications });
  const done = await replicate(job, scenario, true, (outcomes, milliseconds) => {
    const daily = averageDaily(outcomes.flatMap((outcome) => (outcome.daily === undefined ? [] : [outcome.daily])));
    post({
      type: 'replication',
      job,
      done: outcomes.length,
      total: scenario.replications,
      milliseconds,
      summary: summarizeOutcomes(scenario, outcomes),
      daily,
    });
  });
  if (done === undefined) return;

  const sweep = request.sweep;
  if (sweep !== undefined) {
    const runs: RunOutcomes[] = [];
    for (const level of sweep.levels) {
      const atLevel = load(request.scenario, [
        ...request.overrides,
        incentiveOverride(sweep.kpi, level),
        `replications=${sweep.replications}`,
      ]);
      const outcomes = await replicate(job, atLevel, false, () => undefined);
      if (outcomes === undefined) return;
      runs.push({ outcomes, summary: summarizeOutcomes(atLevel, outcomes) });
      if (runs.length >= 2) {
        const levels = sweep.levels.slice(0, runs.length);
        post({
          type: 'pressure',
          job,
          result: pressureResult(sweep.kpi, scenario, levels, runs),
          replications: sweep.replications,
          complete: runs.length === sweep.levels.length,
        });
      }
    }
  }
  post({ type: 'finished', job });
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'describe') {
    try {
      post({
        type: 'described',
        id: message.scenario.id,
        scenario: load(message.scenario, []),
        jsonSchema: scenarioJsonSchema(),
      });
    } catch (error) {
      post({ type: 'failed', job: 0, message: error instanceof ScenarioError ? error.message : String(error) });
    }
    return;
  }
  latestJob = message.job;
  run(message).catch((error: unknown) =>
    post({
      type: 'failed',
      job: message.job,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }),
  );
};
