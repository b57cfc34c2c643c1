/**
 * The people at the desk (docs/model.md, Agents): seats on shifts; absence (shrinkage) as an
 * alternating process; a rolling utilization whose excess over a threshold means fatigue —
 * slower work, fewer real fixes, more departures; attrition reviewed daily, a hiring delay,
 * a new hire's paid training off the queue (`training.ts`) and ramp in speed and accuracy.
 * Overtime stints (`overtime.ts`) extend shifts and count as busy time toward fatigue; a
 * seat's tier may be moved by `staffing.ts`.
 *
 * Streams: each seat's own (`agents.<seat>.absence`, `.attrition`, `.hiring`,
 * `.proficiency`), so adding or removing a seat shifts no other seat's draws.
 */
import { createStream } from '../../engine/index.js';
import { Agent, ShiftChange } from '../../desk/structures.js';
import { Kind, MINUTES_PER_DAY, type Desk } from './desk.js';
import type { Overtime } from './overtime.js';
import type { Staffing } from './staffing.js';
import { TRAINING, type Training } from './training.js';

/** The daily review of who leaves (one calendar entry a day, for all agents). */
const REVIEW = { review: true } as const;

export class Workforce {
  constructor(
    private readonly desk: Desk,
    private readonly overtime: Overtime,
    private readonly staffing: Staffing,
    private readonly training: Training,
  ) {}

  /** Proficiency, ramp or fatigue act on the agents (else their speed and accuracy are the tier's). */
  get enabled(): boolean {
    return this.desk.model.workforce.enabled;
  }

  /** Seats, their shifts and absences on the calendar, and the first attrition review. */
  plan(): void {
    const desk = this.desk;
    const { model } = desk;
    const workforce = model.workforce;
    model.tiers.forEach((tier) => {
      tier.agents.forEach((plan, number) => {
        const agent = new Agent(plan.name, this.staffing.tierOf(tier.index, number));
        agent.slot = desk.agents.length;
        desk.agents.push(agent);
        if (workforce.enabled || workforce.absenceShare > 0) this.giveStreams(agent);
        if (workforce.proficiency !== null) agent.proficiency = workforce.proficiency.sample(agent.proficiencyRandom);
        if (workforce.absenceShare > 0) {
          // Start in the alternating process's stationary state, so the share holds from minute 0.
          agent.absent = agent.absenceRandom() < workforce.absenceShare;
          this.scheduleAbsenceToggle(agent, 0);
        }
        for (const [start, end] of plan.onDuty) {
          if (start > model.horizon) break;
          desk.schedule(start, Kind.ShiftChange, new ShiftChange(agent, true));
          if (end < model.horizon) desk.schedule(end, Kind.ShiftChange, new ShiftChange(agent, false));
        }
      });
    });
    if (workforce.attritionPerMinute > 0 && MINUTES_PER_DAY <= model.horizon)
      desk.schedule(MINUTES_PER_DAY, Kind.Review, REVIEW);
  }

  changeDuty(change: ShiftChange, now: number): void {
    const agent = change.agent;
    let kind: string | undefined;
    if (this.overtime.enabled) {
      if (this.overtime.isStale(change)) return;
      if (change.starts) {
        this.overtime.stop(agent, now, agent.onDuty);
      } else {
        if (agent.onDuty) this.observe(agent, now, agent.ticket !== null);
        if (this.overtime.extend(agent, now)) return;
        // The stint is over; the agent stays in overtime until off duty (a busy agent finishes
        // the ticket in hand first), or until the seat's next shift starts before that.
        if (agent.overtime) kind = 'overtime';
      }
    }
    agent.scheduled = change.starts;
    this.syncDuty(agent, now, kind);
  }

  /**
   * An agent goes off duty (a shift's end, an absence, a departure), now or — busy — after
   * the ticket in hand (see `syncDuty`).
   */
  goOffDuty(agent: Agent, now: number, kind: string | undefined): void {
    const desk = this.desk;
    desk.leaveIdle(agent);
    if (desk.model.workforce.enabled) this.observe(agent, now, false);
    this.overtime.stop(agent, now, false);
    agent.onDuty = false;
    desk.emit(now, 'shift_ended', undefined, agent.name, desk.tierIds[agent.tier], kind);
    this.syncAbsence(agent, now);
  }

  toggleAbsence(agent: Agent, now: number): void {
    agent.absent = !agent.absent;
    this.scheduleAbsenceToggle(agent, now);
    this.syncDuty(agent, now, 'absence');
  }

  /**
   * Updates the rolling utilization: an exponentially weighted busy share of on-duty time,
   * with time constant `fatigue.window`. `busy` says what the agent did since the last update.
   */
  observe(agent: Agent, now: number, busy: boolean): void {
    const workforce = this.desk.model.workforce;
    if (workforce.fatigueThreshold === Number.POSITIVE_INFINITY) return;
    const elapsed = now - agent.observedAt;
    agent.observedAt = now;
    if (elapsed <= 0) return;
    const target = busy || agent.overtime ? 1 : 0;
    agent.utilization = target + (agent.utilization - target) * Math.exp(-elapsed / workforce.fatigueWindow);
  }

  /** Speed multiplier of the person: proficiency, ramp, fatigue. */
  personalSpeed(agent: Agent, now: number): number {
    const workforce = this.desk.model.workforce;
    const speed = agent.proficiency * this.rampLevel(agent, now, workforce.rampSpeed);
    return this.fatigued(agent) ? speed / workforce.fatigueSlowdown : speed;
  }

  /** Fix probability multiplier of the person: ramp, fatigue. */
  personalAccuracy(agent: Agent, now: number): number {
    const workforce = this.desk.model.workforce;
    const accuracy = this.rampLevel(agent, now, workforce.rampAccuracy);
    return this.fatigued(agent) ? accuracy * workforce.fatigueAccuracy : accuracy;
  }

  /**
   * Once a day, each person decides whether to leave: hazard `attrition.per_year`, times
   * `fatigued_multiplier` while fatigued. One draw per employed agent, from its seat's stream.
   */
  reviewAttrition(now: number): void {
    const desk = this.desk;
    const workforce = desk.model.workforce;
    for (const agent of desk.agents) {
      if (!agent.employed) continue;
      if (agent.onDuty) this.observe(agent, now, agent.ticket !== null);
      const hazard = workforce.attritionPerMinute * (this.fatigued(agent) ? workforce.fatiguedMultiplier : 1);
      if (agent.attritionRandom() < -Math.expm1(-hazard * MINUTES_PER_DAY)) this.depart(agent, now);
    }
    if (now + MINUTES_PER_DAY <= desk.model.horizon) desk.schedule(now + MINUTES_PER_DAY, Kind.Review, REVIEW);
  }

  /** The replacement's first day: a new person in the seat, starting training or the ramp. */
  hire(agent: Agent, now: number): void {
    const desk = this.desk;
    if (agent.employed || now !== agent.hireDue) {
      // Not a hire due on an empty seat: the end of its holder's training (or of a trainee who
      // left before it: nothing to do).
      if (this.training.ends(agent, now)) this.syncDuty(agent, now, TRAINING);
      return;
    }
    if (agent.onDuty) {
      // The leaver is still finishing a ticket (a hiring delay shorter than a work session).
      agent.hireDue = now + 1;
      desk.schedule(agent.hireDue, Kind.Hire, agent);
      return;
    }
    const workforce = desk.model.workforce;
    agent.hires++;
    agent.name = `${agent.seat}-h${agent.hires}`;
    this.training.start(agent, now);
    agent.utilization = 0;
    if (workforce.proficiency !== null) agent.proficiency = workforce.proficiency.sample(agent.proficiencyRandom);
    agent.employed = true;
    desk.emit(now, 'agent_hired', undefined, agent.name, desk.tierIds[agent.tier]);
    this.syncDuty(agent, now, 'hire');
  }

  private giveStreams(agent: Agent): void {
    const { model, replication } = this.desk;
    const seed = model.scenario.seed;
    agent.absenceRandom = createStream(seed, replication, `agents.${agent.seat}.absence`);
    agent.attritionRandom = createStream(seed, replication, `agents.${agent.seat}.attrition`);
    agent.hiringRandom = createStream(seed, replication, `agents.${agent.seat}.hiring`);
    agent.proficiencyRandom = createStream(seed, replication, `agents.${agent.seat}.proficiency`);
  }

  /**
   * Brings an agent's duty in line with its seat's schedule, its presence and its
   * employment. Non-preemptive: an agent due off duty while busy finishes the ticket in
   * hand first (and stays if due back before then: one continuous stint). `kind` says why
   * on the shift events (none for the shift plan).
   */
  private syncDuty(agent: Agent, now: number, kind: string | undefined): void {
    const wanted = agent.scheduled && agent.employed && !agent.absent && !this.training.inTraining(agent, now);
    if (wanted) {
      if (agent.leaving) {
        agent.leaving = false;
      } else if (!agent.onDuty) {
        agent.onDuty = true;
        agent.observedAt = now;
        this.syncAbsence(agent, now);
        this.desk.emit(now, 'shift_started', undefined, agent.name, this.desk.tierIds[agent.tier], kind);
        this.desk.becomeFree(agent, now);
        return;
      }
    } else if (agent.onDuty) {
      if (agent.ticket !== null) {
        agent.leaving = true;
        agent.leaveKind = kind;
      } else {
        this.goOffDuty(agent, now, kind);
        return;
      }
    }
    this.syncAbsence(agent, now);
  }

  /** Records paid absence: scheduled and employed, but away (absent, or a new hire in training). */
  private syncAbsence(agent: Agent, now: number): void {
    const training = this.training.inTraining(agent, now);
    const paid = agent.scheduled && agent.employed && (agent.absent || training) && !agent.onDuty;
    if (paid === agent.paidAbsence) return;
    agent.paidAbsence = paid;
    this.desk.emit(
      now,
      paid ? 'absence_started' : 'absence_ended',
      undefined,
      agent.name,
      this.desk.tierIds[agent.tier],
      training && !agent.absent ? TRAINING : undefined,
    );
  }

  /** Absences alternate with presence, both exponential (shrinkage = their long-run share). */
  private scheduleAbsenceToggle(agent: Agent, now: number): void {
    const workforce = this.desk.model.workforce;
    const mean = agent.absent ? workforce.absenceMean : workforce.presenceMean;
    const at = now - mean * Math.log(1 - agent.absenceRandom());
    if (at <= this.desk.model.horizon) this.desk.schedule(at, Kind.Absence, agent);
  }

  private fatigued(agent: Agent): boolean {
    return agent.utilization > this.desk.model.workforce.fatigueThreshold;
  }

  /** Where a new hire stands on the ramp from `start` to 1. */
  private rampLevel(agent: Agent, now: number, start: number): number {
    const tenure = now - agent.hiredAt;
    const ramp = this.desk.model.workforce.rampMinutes;
    return tenure >= ramp ? 1 : start + ((1 - start) * tenure) / ramp;
  }

  private depart(agent: Agent, now: number): void {
    const desk = this.desk;
    agent.employed = false;
    desk.emit(
      now,
      'agent_left',
      undefined,
      agent.name,
      desk.tierIds[agent.tier],
      this.fatigued(agent) ? 'fatigued' : undefined,
    );
    this.syncDuty(agent, now, 'attrition');
    const start = now + desk.model.workforce.hiringDelay.sample(agent.hiringRandom);
    agent.hireDue = start;
    if (start <= desk.model.horizon) desk.schedule(start, Kind.Hire, agent);
  }
}
