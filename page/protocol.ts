/**
 * What the page and its simulation worker say to each other. The page sends the scenario's
 * resolved YAML with `--set`-style overrides; the worker validates them exactly as
 * `desksim run --set` does, then streams each replication's summary as it finishes, the
 * first replication's tickets and replay, and the pressure sweep level by level.
 */
import type { RunSummary } from '../src/experiment/summary.js';
import type { PressureResult } from '../src/experiment/pressure.js';
import type { DailySeries } from '../src/metrics/daily.js';
import type { ResolvedTickets } from '../src/experiment/replication.js';
import type { ScenarioIssue } from '../src/document/errors.js';
import type { Scenario } from '../src/scenario/schema.js';
import type { Replay } from './replay-recorder.js';

/** A scenario shipped inside the page: its resolved YAML (every default applied, no extends). */
export interface PageScenario {
  /** Short id, used in shared links: the file name without `.yaml`, e.g. `baseline`. */
  id: string;
  name: string;
  description?: string;
  /** The file it was read from, relative to where `desksim page` ran. */
  file: string;
  yaml: string;
}

/** A run: the scenario with overrides, then (optionally) pressure on one KPI at rising levels. */
export interface RunRequest {
  type: 'run';
  job: number;
  scenario: PageScenario;
  overrides: string[];
  /** The pressure sweep: the KPI pushed, its levels (from 0) and replications per level. */
  sweep?: { kpi: string; levels: number[]; replications: number };
}

export type ToWorker = RunRequest | { type: 'describe'; scenario: PageScenario };

export type FromWorker =
  /** The scenario as written (no overrides) and the JSON Schema the controls are made from. */
  | { type: 'described'; id: string; scenario: Scenario; jsonSchema: Record<string, unknown> }
  | { type: 'invalid'; job: number; issues: ScenarioIssue[] }
  | { type: 'started'; job: number; scenario: Scenario; total: number }
  /** Replications 1..done finished: their summary and mean daily series. */
  | {
      type: 'replication';
      job: number;
      done: number;
      total: number;
      milliseconds: number;
      summary: RunSummary;
      daily: DailySeries;
    }
  /** The first replication's resolved tickets (resolution-time chart) and its replay. */
  | { type: 'first'; job: number; resolved: ResolvedTickets; replay: Replay }
  /** The sweep's levels done so far (at least two). */
  | { type: 'pressure'; job: number; result: PressureResult; replications: number; complete: boolean }
  | { type: 'finished'; job: number }
  | { type: 'failed'; job: number; message: string };
