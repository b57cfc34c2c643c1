/**
 * The what-if page: controls made from the scenario schema (`controls.ts`), a simulation
 * worker that streams replications (`worker.ts`), and desksim's own tables and charts
 * (`views.ts`), a replay (`replay-player.ts`) and the settings in the address (`share.ts`).
 *
 *   control moved ──▶ overrides (--set) ──▶ worker: validate, simulate, metric engine
 *        ▲                                         │ summary after each replication,
 *        │ issues beside the control ◀─────────────┤ first replication's tickets and replay,
 *        │                                         └ pressure sweep level by level
 *   address (#scenario=…&set=…) ◀── settings       ──▶ tables, charts, replay
 */
import './style.css';
import { DEFAULT_PRESSURE_LEVELS } from '../src/experiment/pressure.js';
import type { RunSummary } from '../src/experiment/summary.js';
import type { DailySeries } from '../src/metrics/daily.js';
import { INCENTIVE_KPIS } from '../src/scenario/incentives.js';
import type { ResolvedTickets } from '../src/experiment/replication.js';
import { kpiLabel } from '../src/report/labels.js';
import type { Scenario } from '../src/scenario/schema.js';
import type { PressureResult } from '../src/experiment/pressure.js';
import { ControlPanel } from './control-panel.js';
import { buildControls, overridesFor, type Control } from './controls.js';
import type { FromWorker, PageScenario, ToWorker } from './protocol.js';
import { ReplayPlayer } from './replay-player.js';
import { decodeSettings, encodeSettings } from './share.js';
import { ChartSlot, dashboardVsTruth, kpiTable, pairsTableHtml, runChartsByName, warmUpCharts } from './views.js';
import SimulationWorker from './worker.ts?worker&inline';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const scenarios = JSON.parse(byId('desksim-scenarios').textContent ?? '[]') as PageScenario[];
const worker = new SimulationWorker();
const send = (message: ToWorker) => worker.postMessage(message);

/** Everything the page holds. */
const state = {
  scenario: scenarios[0]!,
  controls: [] as Control[],
  /** Values the user set (control path → value); absent = the scenario's own. */
  values: new Map<string, number>(),
  trainer: false,
  revealed: false,
  sweepKpi: 'tickets_per_agent_day',
  job: 0,
  /** The newest results shown, and the scenario they are for. */
  shown: {
    scenario: undefined as Scenario | undefined,
    summary: undefined as RunSummary | undefined,
    daily: undefined as DailySeries | undefined,
    resolved: { priorities: [], priority: new Int32Array(0), minutes: new Float64Array(0) } as ResolvedTickets,
    pressure: undefined as PressureResult | undefined,
  },
  /** The scenario of the run under way (shown with its first replication's results). */
  running: undefined as Scenario | undefined,
  /** Settings restored from the address, applied once the controls exist. */
  restore: decodeSettings(location.hash),
};

const charts = {
  pressure: new ChartSlot(byId('chart-pressure')),
  resolution: new ChartSlot(byId('chart-resolution')),
  waits: new ChartSlot(byId('chart-waits')),
};
const player = new ReplayPlayer(
  byId('replay'),
  byId('replay-scrub'),
  byId('replay-play'),
  byId('replay-speed'),
  byId('replay-clock'),
);
const status = byId<HTMLParagraphElement>('status');
const panel = new ControlPanel(byId('controls'), byId('issues'), () => settingsChanged());

function setStatus(text: string, stateName: string): void {
  status.textContent = text;
  status.dataset.state = stateName;
}

function controlValue(control: Control): number {
  return state.values.get(control.path) ?? control.value;
}

/** The address's hash for the current settings. */
function currentHash(): string {
  const { scenario, values, trainer, sweepKpi } = state;
  return `#${encodeSettings({ scenario: scenario.id, values, trainer, sweepKpi })}`;
}

// --- running -------------------------------------------------------------------------------

let pending: number | undefined;

function settingsChanged(): void {
  history.replaceState(null, '', currentHash());
  window.clearTimeout(pending);
  pending = window.setTimeout(run, 200);
}

function sweepReplications(): number {
  const value = Number(byId<HTMLInputElement>('sweep-replications').value);
  return Number.isInteger(value) && value >= 1 ? Math.min(value, 20) : 3;
}

function run(): void {
  state.job++;
  const overrides = overridesFor(state.controls, state.values);
  send({
    type: 'run',
    job: state.job,
    scenario: state.scenario,
    overrides,
    sweep: { kpi: state.sweepKpi, levels: [...DEFAULT_PRESSURE_LEVELS], replications: sweepReplications() },
  });
  setStatus('Starting…', 'running');
}

function onMessage(message: FromWorker): void {
  if (message.type === 'described') {
    described(message.scenario, message.jsonSchema);
    return;
  }
  if (message.job !== state.job && !(message.type === 'failed' && message.job === 0)) return;
  switch (message.type) {
    case 'invalid':
      panel.showIssues(message.issues);
      setStatus(
        'These settings are not valid (see the marked controls); the results shown are for the last valid ones.',
        'invalid',
      );
      return;
    case 'started':
      panel.showIssues([]);
      state.running = message.scenario;
      setStatus(`Simulating: 0 of ${message.total} replications…`, 'running');
      return;
    case 'replication': {
      const last = message.done === message.total;
      state.shown.scenario = state.running;
      state.shown.summary = message.summary;
      state.shown.daily = message.daily;
      status.dataset.milliseconds = message.milliseconds.toFixed(0);
      setStatus(
        `${last ? 'Done' : 'Simulating'}: ${message.done} of ${message.total} replications ` +
          `(the last took ${(message.milliseconds / 1000).toFixed(2)} s)${last ? '; pressure sweep next' : '…'}`,
        last ? 'sweeping' : 'running',
      );
      status.dataset.done = String(message.done);
      status.dataset.job = String(message.job);
      showRun(last);
      return;
    }
    case 'first':
      state.shown.resolved = message.resolved;
      player.load(message.replay);
      showRunCharts(true);
      return;
    case 'pressure':
      state.shown.pressure = message.result;
      byId('sweep-note').textContent =
        `Pressure on ${kpiLabel(message.result.kpi)} alone (the settings' other incentives replaced), ` +
        `levels ${message.result.levels.join(', ')}${message.complete ? '' : ' so far'}; ` +
        `${message.replications} replication(s) per level, seed ${message.result.seed}, same random numbers at every level.`;
      showPressure();
      return;
    case 'failed':
      setStatus(`The simulation failed: ${message.message}`, 'failed');
      return;
    case 'finished':
      status.dataset.finished = String(message.job);
      setStatus(`Done: ${state.shown.summary?.replications ?? 0} replications and the pressure sweep.`, 'done');
      return;
  }
}

function showRun(final: boolean): void {
  const summary = state.shown.summary;
  if (summary === undefined) return;
  byId('pairs').innerHTML = pairsTableHtml(summary);
  byId('kpis').innerHTML = kpiTable(summary);
  const json = `${JSON.stringify(summary, null, 2)}\n`;
  const link = byId<HTMLAnchorElement>('download-summary');
  link.href = `data:application/json;charset=utf-8,${encodeURIComponent(json)}`;
  link.hidden = false;
  showRunCharts(final);
}

/**
 * When the run charts were last drawn: they redraw at most every 2 s while replications
 * stream, since Vega's redraw is most of the page's own work.
 */
let chartsDrawnAt = 0;
let chartsTimer: number | undefined;
/** The resolved tickets the resolution-time chart shows (they change only with a new first replication). */
let resolutionShown: ResolvedTickets | undefined;

function showRunCharts(final = false): void {
  window.clearTimeout(chartsTimer);
  const wait = chartsDrawnAt + 2000 - performance.now();
  if (!final && wait > 0) {
    chartsTimer = window.setTimeout(() => showRunCharts(true), wait);
    return;
  }
  chartsDrawnAt = performance.now();
  const { summary, scenario, daily, resolved } = state.shown;
  if (summary === undefined || scenario === undefined) return;
  const byName = runChartsByName({
    summary,
    resolved,
    daily,
    priorities: Object.keys(scenario.priorities),
    tiers: scenario.tiers.map((tier) => tier.id),
    measuredDays: scenario.horizon.days - scenario.horizon.warmup_days,
    scenarioYaml: '',
  });
  if (byName.has('resolution-time') && resolved !== resolutionShown) {
    resolutionShown = resolved;
    charts.resolution.show(byName.get('resolution-time'));
  }
  if (byName.has('daily-waits')) charts.waits.show(byName.get('daily-waits'));
}

function showPressure(): void {
  if (state.shown.pressure !== undefined) charts.pressure.show(dashboardVsTruth(state.shown.pressure, hideTruth()));
}

// --- trainer mode --------------------------------------------------------------------------

function hideTruth(): boolean {
  return state.trainer && !state.revealed;
}

function applyTrainer(): void {
  document.body.classList.toggle('hide-truth', hideTruth());
  byId('trainer-bar').hidden = !state.trainer;
  byId<HTMLInputElement>('trainer').checked = state.trainer;
  byId<HTMLButtonElement>('reveal').textContent = state.revealed ? 'Hide the truth' : 'Reveal the truth';
  byId('step-kpi').textContent = kpiLabel(state.sweepKpi);
  const control = state.controls.find((candidate) => candidate.path === `incentives.${state.sweepKpi}`);
  byId('step-level').textContent = control === undefined ? '0' : String(controlValue(control));
  player.setHideTruth(hideTruth());
  showPressure();
}

/** Moves the sweep KPI's pressure to the next level up or down; the truth hides again. */
function step(direction: 1 | -1): void {
  const path = `incentives.${state.sweepKpi}`;
  const control = state.controls.find((candidate) => candidate.path === path);
  if (control === undefined) return;
  const levels = DEFAULT_PRESSURE_LEVELS;
  const current = controlValue(control);
  const next =
    direction > 0
      ? levels.find((level) => level > current + 1e-9)
      : [...levels].reverse().find((level) => level < current - 1e-9);
  if (next === undefined) return;
  panel.set(path, next);
  state.revealed = false;
  applyTrainer();
  settingsChanged();
}

// --- start ---------------------------------------------------------------------------------

function described(scenario: Scenario, jsonSchema: Record<string, unknown>): void {
  state.controls = buildControls(scenario, jsonSchema);
  state.values = new Map();
  const restore = state.restore;
  state.restore = { values: new Map(), trainer: restore.trainer, sweepKpi: restore.sweepKpi };
  for (const [path, value] of restore.values)
    if (state.controls.some((control) => control.path === path)) state.values.set(path, value);
  const pressured = [...scenario.incentives].sort((a, b) => b.pressure - a.pressure)[0];
  state.sweepKpi =
    restore.sweepKpi !== undefined && INCENTIVE_KPIS.includes(restore.sweepKpi)
      ? restore.sweepKpi
      : (pressured?.kpi ?? 'tickets_per_agent_day');
  byId<HTMLSelectElement>('sweep-kpi').value = state.sweepKpi;
  byId('description').textContent =
    `${scenario.name}${scenario.description ? ` — ${scenario.description}` : ''} (${state.scenario.file}). ` +
    'Every change re-runs the simulation in your browser.';
  panel.render(state.controls, state.values);
  applyTrainer();
  settingsChanged();
}

function selectScenario(id: string): void {
  state.scenario = scenarios.find((scenario) => scenario.id === id) ?? scenarios[0]!;
  byId<HTMLSelectElement>('scenario').value = state.scenario.id;
  setStatus(`Loading ${state.scenario.name}…`, 'loading');
  send({ type: 'describe', scenario: state.scenario });
}

function start(): void {
  worker.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
  worker.onerror = (event) => setStatus(`The simulation worker failed: ${event.message}`, 'failed');
  const select = byId<HTMLSelectElement>('scenario');
  for (const scenario of scenarios) select.add(new Option(`${scenario.name} (${scenario.file})`, scenario.id));
  select.addEventListener('change', () => {
    state.restore = { values: new Map(), trainer: state.trainer };
    selectScenario(select.value);
  });
  const sweepSelect = byId<HTMLSelectElement>('sweep-kpi');
  for (const kpi of INCENTIVE_KPIS) sweepSelect.add(new Option(kpiLabel(kpi), kpi));
  sweepSelect.addEventListener('change', () => {
    state.sweepKpi = sweepSelect.value;
    applyTrainer();
    settingsChanged();
  });
  byId('sweep-replications').addEventListener('change', settingsChanged);
  byId<HTMLInputElement>('trainer').addEventListener('change', (event) => {
    state.trainer = (event.target as HTMLInputElement).checked;
    state.revealed = false;
    applyTrainer();
    history.replaceState(null, '', currentHash());
  });
  byId('reveal').addEventListener('click', () => {
    state.revealed = !state.revealed;
    applyTrainer();
  });
  byId('step-up').addEventListener('click', () => step(1));
  byId('step-down').addEventListener('click', () => step(-1));
  byId('share').addEventListener('click', () => {
    void navigator.clipboard?.writeText(location.href).then(
      () => setStatus('Link copied: it opens this page with these settings.', status.dataset.state ?? 'done'),
      () => setStatus(`Copy this link: ${location.href}`, status.dataset.state ?? 'done'),
    );
  });
  window.addEventListener('hashchange', () => {
    const settings = decodeSettings(location.hash);
    if (`#${encodeSettings(settings)}` === currentHash()) return;
    state.restore = settings;
    state.trainer = settings.trainer;
    selectScenario(settings.scenario ?? state.scenario.id);
  });
  state.trainer = state.restore.trainer;
  if (scenarios.length === 0) {
    setStatus('No scenario is embedded in this page.', 'failed');
    return;
  }
  selectScenario(state.restore.scenario ?? scenarios[0]!.id);
  warmUpCharts();
}

start();
