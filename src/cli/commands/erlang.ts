/** `desksim erlang`: the Erlang C / Erlang A calculator — measures for given agents, or the agents targets need. */
import type { Command } from 'commander';
import { DurationError, formatDuration, parseDuration } from '../../engine/duration.js';
import {
  hasTargets,
  meetsTargets,
  minimalAgents,
  queueMeasures,
  type QueueLoad,
  type QueueMeasures,
  type QueueTargets,
} from '../../staffing/erlang.js';
import { alignedTable } from '../experiment-format.js';
import { CliError, ExitCode, type CliIo } from '../io.js';
import { jsonText } from './experiment-shared.js';

interface ErlangOptionValues {
  rate?: string;
  handle?: string;
  agents?: string;
  patience?: string;
  threshold: string;
  serviceLevel?: string;
  maxWaitProbability?: string;
  maxAbandon?: string;
  maxMeanWait?: string;
  json?: boolean;
}

/** The machine-readable answer of `desksim erlang --json`. */
export interface ErlangAnswer {
  load: QueueLoad;
  targets: QueueTargets;
  /** The fewest agents meeting the targets, when targets were given and no agents. */
  required?: number;
  rows: Array<QueueMeasures & { meetsTargets?: boolean }>;
}

function badInput(text: string): CliError {
  return new CliError(`desksim erlang: ${text}`, ExitCode.BadInput);
}

/** A positive or non-negative number from a flag, or a clear error naming the flag. */
function number(flag: string, text: string, positive = false): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || (positive && value === 0)) {
    throw badInput(`${flag} must be a ${positive ? 'positive' : 'non-negative'} number, found "${text}"`);
  }
  return value;
}

/** A share from a flag: 0.8 or 80%. */
function share(flag: string, text: string): number {
  const percent = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
  const value = percent === null ? number(flag, text) : Number(percent[1]) / 100;
  if (value > 1) throw badInput(`${flag} must be a share between 0 and 1 (or a percentage like 80%), found "${text}"`);
  return value;
}

/** A duration from a flag: minutes, or 45s, 3m, 1h. */
function duration(flag: string, text: string): number {
  try {
    return parseDuration(text);
  } catch (error) {
    if (error instanceof DurationError) throw badInput(`${flag}: ${error.message}`);
    throw error;
  }
}

/** `--agents 12` or `--agents 8..14`: the counts to show. */
function agentRange(text: string): number[] {
  const match = /^\s*(\d+)\s*(?:\.\.\s*(\d+)\s*)?$/.exec(text);
  const from = match === null ? NaN : Number(match[1]);
  const to = match?.[2] === undefined ? from : Number(match[2]);
  if (!(from >= 1) || !(to >= from) || to - from > 1000) {
    throw badInput(
      `--agents must be a whole number of agents or a range like 8..14 (at most 1,000 rows), found "${text}"`,
    );
  }
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** Computes the answer the options ask for; bad input ⇒ CliError (exit 2). */
export function erlangAnswer(options: ErlangOptionValues): ErlangAnswer {
  if (options.rate === undefined) throw badInput('give the arrival rate: --rate <arrivals per hour>');
  if (options.handle === undefined) throw badInput('give the mean handle time: --handle <duration>, e.g. 3m or 180s');
  const load: QueueLoad = {
    arrivalsPerHour: number('--rate', options.rate),
    handleMinutes: duration('--handle', options.handle),
    thresholdMinutes: duration('--threshold', options.threshold),
  };
  if (!(load.handleMinutes > 0)) throw badInput(`--handle must be a positive duration, found "${options.handle}"`);
  if (options.patience !== undefined) {
    load.patienceMinutes = duration('--patience', options.patience);
    if (!(load.patienceMinutes > 0))
      throw badInput(`--patience must be a positive duration, found "${options.patience}"`);
  }
  const targets: QueueTargets = {};
  if (options.serviceLevel !== undefined) targets.serviceLevel = share('--service-level', options.serviceLevel);
  if (options.maxWaitProbability !== undefined)
    targets.maxProbabilityWait = share('--max-wait-probability', options.maxWaitProbability);
  if (options.maxAbandon !== undefined) {
    if (load.patienceMinutes === undefined)
      throw badInput('--max-abandon needs --patience: without it nobody abandons (Erlang C)');
    targets.maxProbabilityAbandon = share('--max-abandon', options.maxAbandon);
  }
  if (options.maxMeanWait !== undefined) targets.maxMeanWait = duration('--max-mean-wait', options.maxMeanWait);

  const targeted = hasTargets(targets);
  if (options.agents === undefined && !targeted) {
    throw badInput(
      'give --agents (a count or a range like 8..14), ' +
        'or a target such as --service-level 0.8 to find the agents needed',
    );
  }
  try {
    const answer: ErlangAnswer = { load, targets, rows: [] };
    let counts: number[];
    if (options.agents !== undefined) {
      counts = agentRange(options.agents);
    } else {
      const required = minimalAgents(load, targets).agents;
      answer.required = required;
      // A few counts either side show what one agent more or fewer does.
      const lowest =
        load.patienceMinutes === undefined ? Math.floor((load.arrivalsPerHour / 60) * load.handleMinutes) + 1 : 1;
      counts = agentRange(`${Math.max(lowest, required - 2)}..${required + 2}`);
    }
    answer.rows = counts.map((agents) => {
      const measures = queueMeasures(load, agents);
      return targeted ? { ...measures, meetsTargets: meetsTargets(measures, targets) } : measures;
    });
    return answer;
  } catch (error) {
    if (error instanceof RangeError) throw badInput(error.message);
    throw error;
  }
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** The terminal rendering: what was asked, then one row per agent count. */
export function renderErlang(answer: ErlangAnswer): string {
  const { load, targets } = answer;
  const model =
    load.patienceMinutes === undefined
      ? 'Erlang C (nobody abandons)'
      : `Erlang A (mean patience ${formatDuration(load.patienceMinutes)})`;
  const offered = (load.arrivalsPerHour / 60) * load.handleMinutes;
  const lines = [
    `${load.arrivalsPerHour} arrivals/hour × ${formatDuration(load.handleMinutes)} mean handle time = ` +
      `${offered.toFixed(2)} Erlangs offered; ${model}`,
  ];
  const wanted: string[] = [];
  if (targets.serviceLevel !== undefined)
    wanted.push(`service level ≥ ${percent(targets.serviceLevel)} within ${formatDuration(load.thresholdMinutes)}`);
  if (targets.maxProbabilityWait !== undefined) wanted.push(`P(wait) ≤ ${percent(targets.maxProbabilityWait)}`);
  if (targets.maxProbabilityAbandon !== undefined)
    wanted.push(`P(abandon) ≤ ${percent(targets.maxProbabilityAbandon)}`);
  if (targets.maxMeanWait !== undefined) wanted.push(`mean wait ≤ ${formatDuration(targets.maxMeanWait)}`);
  if (wanted.length > 0) lines.push(`Targets: ${wanted.join(', ')}`);
  if (answer.required !== undefined) lines.push(`Agents needed: ${answer.required}`);
  const abandon = load.patienceMinutes !== undefined;
  const targeted = wanted.length > 0;
  const header = [
    'agents',
    'occupancy',
    'P(wait)',
    'mean wait',
    `within ${formatDuration(load.thresholdMinutes)}`,
    ...(abandon ? ['P(abandon)'] : []),
    ...(targeted ? ['targets'] : []),
  ];
  const rows = answer.rows.map((row) => [
    String(row.agents),
    percent(row.occupancy),
    percent(row.probabilityWait),
    row.stable ? formatDuration(row.meanWait) : '∞ (unstable)',
    percent(row.serviceLevel),
    ...(abandon ? [percent(row.probabilityAbandon)] : []),
    ...(targeted ? [row.meetsTargets ? 'met' : 'missed'] : []),
  ]);
  lines.push(alignedTable([header, ...rows]).trimEnd());
  if (answer.rows.some((row) => !row.stable))
    lines.push(
      'Unstable: with no more agents than the offered load and nobody abandoning, the queue grows without end.',
    );
  return lines.join('\n') + '\n';
}

/** Adds `desksim erlang` to the program. */
export function registerErlang(program: Command, io: CliIo): void {
  program
    .command('erlang')
    .summary('Erlang C / Erlang A calculator: waits and service level for given agents, or the agents a target needs')
    .description(
      'The steady-state answer for one queue: Poisson arrivals, exponential handle times, identical\n' +
        'agents, first come first served. Without --patience it is Erlang C (nobody abandons); with a\n' +
        'mean patience it is Erlang A (customers leave after an exponential patience).\n\n' +
        'Given --agents (a count, or a range like 8..14 for a table): occupancy, P(wait), mean wait\n' +
        'over all arrivals, the service level (share taken within --threshold; those who abandon\n' +
        'miss) and, with --patience, P(abandon). Given a target instead, the fewest agents that meet\n' +
        'every target, with two counts either side. Agents here are agents on the phones: add\n' +
        'shrinkage (breaks, absence) yourself, or let `desksim staff --analytic` do it per hour.',
    )
    .option('--rate <per-hour>', 'arrivals per hour')
    .option('--handle <duration>', 'mean handle time: minutes, or 180s, 3m, 1h')
    .option('--agents <n|from..to>', 'agents on duty, or a range for a table')
    .option('--patience <duration>', 'mean patience of a waiting customer (Erlang A); leave out for Erlang C')
    .option('--threshold <duration>', 'the service level counts customers taken within this wait', '20s')
    .option('--service-level <share>', 'target: least share taken within --threshold (0.8 or 80%)')
    .option('--max-wait-probability <share>', 'target: most share who wait at all')
    .option('--max-abandon <share>', 'target: most share who abandon (needs --patience)')
    .option('--max-mean-wait <duration>', 'target: longest mean wait (ASA)')
    .option('--json', 'print the answer as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ desksim erlang --rate 200 --handle 3m --agents 11\n' +
        '  $ desksim erlang --rate 200 --handle 3m --service-level 80% --threshold 20s\n' +
        '  $ desksim erlang --rate 200 --handle 3m --agents 10..16 --service-level 0.8\n' +
        '  $ desksim erlang --rate 60 --handle 10m --patience 20m --agents 8..12 --max-abandon 5%\n' +
        '  $ desksim erlang --rate 54 --handle 10m --max-mean-wait 1m --json\n',
    )
    .action((options: ErlangOptionValues) => {
      const answer = erlangAnswer(options);
      io.stdout(options.json ? jsonText(answer) : renderErlang(answer));
    });
}
