/**
 * Tiers from a log (src/calibrate/estimate.ts): staffing by hour of the week from agents'
 * shifts, and escalation probabilities.
 */
import type { TicketEvent } from '../eventlog/types.js';
import { calendarOf, HOUR, identifierOf, MINIMUM_SAMPLE, type TierEstimate, wilson } from './calibration.js';
import { fitDurations } from './fit.js';
import type { CalibrationTicket, foldTickets } from './tickets.js';

export function estimateTiers(
  tickets: CalibrationTicket[],
  activity: ReturnType<typeof foldTickets>['activity'],
  originEpochMs: number,
  start: number,
  end: number,
  hasWork: boolean,
  spansOf: (ticket: CalibrationTicket) => Array<{ start: number; end: number; tier: string | undefined }>,
  shifts: Map<string, Array<[number, number]>>,
): TierEstimate[] {
  const labels = new Map<string, number>();
  for (const ticket of tickets) for (const tier of ticket.queues) labels.set(tier, (labels.get(tier) ?? 0) + 1);
  // Hours of the week the window holds, to average over.
  // Hours are counted on the UTC clock (epoch minutes), not from the log's first event.
  const originMinutes = originEpochMs / 60000;
  const exposure = new Array<number>(168).fill(0);
  for (let hour = Math.floor((originMinutes + start) / HOUR); hour * HOUR < originMinutes + end; hour++)
    exposure[hourOfWeek(0, hour * HOUR)]!++;
  const result: TierEstimate[] = [];
  for (const [label, visits] of labels) {
    const active = new Map<number, Set<string>>();
    for (const record of activity) {
      if (record.tier !== label) continue;
      const hour = Math.floor((originMinutes + record.time) / HOUR);
      let agents = active.get(hour);
      if (agents === undefined) active.set(hour, (agents = new Set()));
      agents.add(record.agent);
    }
    const agentsActive = new Array<number>(168).fill(0);
    for (const [hour, agents] of active) agentsActive[hourOfWeek(0, hour * HOUR)]! += agents.size;
    const tier: TierEstimate = {
      id: identifierOf(label),
      label,
      visits,
      agentsActive: agentsActive.map((sum, index) => (exposure[index]! > 0 ? sum / exposure[index]! : 0)),
      escalations: [],
    };
    const onShift = shifts.get(label);
    if (onShift !== undefined) {
      const minutes = new Array<number>(168).fill(0);
      for (const [from, to] of onShift) spread(minutes, originMinutes + from, originMinutes + Math.min(to, end));
      tier.agentsOnShift = minutes.map((sum, index) => (exposure[index]! > 0 ? sum / HOUR / exposure[index]! : 0));
    }
    if (!hasWork) {
      const busy = new Array<number>(168).fill(0);
      for (const ticket of tickets)
        for (const span of ticket.processing)
          if (span.tier === label) spread(busy, originMinutes + span.start, originMinutes + span.end);
      tier.ticketsInProcessing = busy.map((minutes, index) =>
        exposure[index]! > 0 ? minutes / HOUR / exposure[index]! : 0,
      );
    }
    const targets = new Map<string, number>();
    for (const ticket of tickets)
      for (const escalation of ticket.escalations)
        if (escalation.from === label && escalation.to !== undefined)
          targets.set(escalation.to, (targets.get(escalation.to) ?? 0) + 1);
    tier.escalations = [...targets]
      .sort((a, b) => b[1] - a[1])
      .map(([to, count]) => ({ to: identifierOf(to), count, probability: count / visits, ci: wilson(count, visits) }));
    const sample = tickets.flatMap((ticket) =>
      spansOf(ticket)
        .filter((span) => span.tier === label)
        .map((span) => span.end - span.start),
    );
    if (sample.length >= MINIMUM_SAMPLE) tier.work = fitDurations(sample);
    result.push(tier);
  }
  return result;
}

/**
 * Each tier's agents' on-shift intervals, from shift_started and shift_ended (a shift still open ends with the log).
 */
export function shiftsByTier(events: readonly TicketEvent[]): Map<string, Array<[number, number]>> {
  const open = new Map<string, { tier: string; from: number }>();
  const shifts = new Map<string, Array<[number, number]>>();
  const close = (agent: string, to: number) => {
    const shift = open.get(agent);
    if (shift === undefined) return;
    open.delete(agent);
    if (!shifts.has(shift.tier)) shifts.set(shift.tier, []);
    shifts.get(shift.tier)!.push([shift.from, to]);
  };
  let last = 0;
  for (const event of events) {
    last = Math.max(last, event.time);
    if (event.agent === undefined || event.tier === undefined) continue;
    if (event.type === 'shift_started') {
      close(event.agent, event.time);
      open.set(event.agent, { tier: event.tier, from: event.time });
    } else if (event.type === 'shift_ended') {
      close(event.agent, event.time);
    }
  }
  for (const agent of [...open.keys()]) close(agent, last);
  return shifts;
}

function hourOfWeek(originEpochMs: number, time: number): number {
  const { weekday, hour } = calendarOf(originEpochMs, time);
  return weekday * 24 + hour;
}

/** Adds the minutes of [from, to) (epoch minutes) to the hours of the week they fall in. */
function spread(busy: number[], from: number, to: number): void {
  let time = from;
  while (time < to) {
    const next = Math.min(to, (Math.floor(time / HOUR) + 1) * HOUR);
    busy[hourOfWeek(0, time)]! += next - time;
    time = next;
  }
}
