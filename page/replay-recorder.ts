/**
 * The replay of one replication: every wait in a tier's queue (from `queued` to `assigned`
 * or `abandoned`) and what became of each ticket in truth. An event sink: it reads the same
 * event stream the metric engine reads and keeps a few numbers per wait.
 */
import type { EventSink, TicketEvent } from '../src/eventlog/types.js';

/** What became of a ticket by the end of the simulation. */
export const FATE = { notFixed: 0, fixed: 1, open: 2 } as const;

/** The data a replay draws: waits as parallel arrays, sorted by start. */
export interface Replay {
  tiers: string[];
  /** Simulated minutes: the run's end, and where measurement starts (after warm-up). */
  horizon: number;
  measureFrom: number;
  originEpochMs: number;
  timezone: string;
  start: number[];
  /** When the wait ended (the horizon if it never did). */
  end: number[];
  tier: number[];
  /** FATE of the waiting ticket. */
  fate: number[];
}

/** Collects a replay from the event stream of one replication. */
export class ReplayRecorder implements EventSink {
  private readonly tierIndex = new Map<string, number>();
  private readonly open = new Map<number | string, number>();
  private readonly ticketOf: Array<number | string> = [];
  private readonly fixed = new Set<number | string>();
  private readonly resolved = new Set<number | string>();
  private readonly abandoned = new Set<number | string>();
  private readonly start: number[] = [];
  private readonly end: number[] = [];
  private readonly tier: number[] = [];

  constructor(private readonly tiers: readonly string[]) {
    tiers.forEach((id, index) => this.tierIndex.set(id, index));
  }

  emit(event: TicketEvent): void {
    const ticket = event.ticket;
    if (ticket === undefined) return;
    switch (event.type) {
      case 'queued': {
        const tier = this.tierIndex.get(event.tier ?? '');
        if (tier === undefined) return;
        this.closeWait(ticket, event.time);
        this.open.set(ticket, this.start.length);
        this.ticketOf.push(ticket);
        this.start.push(event.time);
        this.end.push(Number.POSITIVE_INFINITY);
        this.tier.push(tier);
        return;
      }
      case 'assigned':
        this.closeWait(ticket, event.time);
        return;
      case 'abandoned':
        this.closeWait(ticket, event.time);
        this.abandoned.add(ticket);
        return;
      case 'truth_fixed':
        this.fixed.add(ticket);
        return;
      case 'resolved':
        this.resolved.add(ticket);
        return;
      default:
    }
  }

  private closeWait(ticket: number | string, time: number): void {
    const index = this.open.get(ticket);
    if (index === undefined) return;
    this.end[index] = time;
    this.open.delete(ticket);
  }

  /** The replay, once the replication has ended at `horizon`. */
  finish(horizon: number, measureFrom: number, originEpochMs: number, timezone: string): Replay {
    const order = this.start.map((_, index) => index).sort((a, b) => this.start[a]! - this.start[b]! || a - b);
    const fateOf = (ticket: number | string) =>
      this.fixed.has(ticket)
        ? FATE.fixed
        : this.resolved.has(ticket) || this.abandoned.has(ticket)
          ? FATE.notFixed
          : FATE.open;
    return {
      tiers: [...this.tiers],
      horizon,
      measureFrom,
      originEpochMs,
      timezone,
      start: order.map((index) => this.start[index]!),
      end: order.map((index) => Math.min(this.end[index]!, horizon)),
      tier: order.map((index) => this.tier[index]!),
      fate: order.map((index) => fateOf(this.ticketOf[index]!)),
    };
  }
}

/** Indices of the waits in progress at `time` (start ≤ time < end), per tier, oldest first. */
export function waitingAt(replay: Replay, time: number): number[][] {
  const byTier: number[][] = replay.tiers.map(() => []);
  for (let index = 0; index < replay.start.length && replay.start[index]! <= time; index++) {
    if (replay.end[index]! > time) byTier[replay.tier[index]!]!.push(index);
  }
  return byTier;
}

/** Queue length per tier at each of `steps` evenly spaced instants over the whole horizon. */
export function queueSeries(replay: Replay, steps: number): number[][] {
  const series = replay.tiers.map(() => new Array<number>(steps + 1).fill(0));
  const step = replay.horizon / steps;
  for (let index = 0; index < replay.start.length; index++) {
    const first = Math.ceil(replay.start[index]! / step);
    const last = Math.ceil(replay.end[index]! / step) - 1;
    const row = series[replay.tier[index]!]!;
    for (let slot = first; slot <= Math.min(last, steps); slot++) row[slot]!++;
  }
  return series;
}
