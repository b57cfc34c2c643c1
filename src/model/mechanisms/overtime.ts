/**
 * Backlog-triggered overtime (docs/model.md, Load and staffing policies): when a shift ends
 * while the agent's tier has at least `backlog_per_agent` waiting tickets per agent on duty,
 * the agent stays on for a stint, then decides again, up to `max_per_week` a week.
 *
 * In the log an overtime stint is on-shift time of its own: the planned shift ends
 * (`shift_ended`) and a stint starts (`shift_started`, kind `overtime`) at the same minute;
 * the metric engine pays it at `costs.overtime_premium` on top of the tier's rate. Fatigue
 * counts a stint as busy time (the workforce's `observe`): staying late tires whether or
 * not the queue keeps the agent busy every minute.
 *
 * No random stream: the decision follows the queue, so turning overtime on shifts no draw.
 */
import { ShiftChange, type Agent } from '../../desk/structures.js';
import { Kind, type Desk } from './desk.js';

const MINUTES_PER_WEEK = 7 * 24 * 60;

export class Overtime {
  private readonly maxPerWeek: number;
  private readonly backlogPerAgent: number;
  private readonly stint: number;

  constructor(private readonly desk: Desk) {
    const policy = desk.model.scenario.policies.overtime;
    this.maxPerWeek = policy.max_per_week;
    this.backlogPerAgent = policy.backlog_per_agent;
    this.stint = policy.stint;
  }

  /** Some agent may ever work overtime. */
  get enabled(): boolean {
    return this.maxPerWeek > 0;
  }

  /**
   * A shift (or a stint) of an on-duty agent ends: stays on for another stint if the tier's
   * backlog calls for it and the week's allowance is not spent. True if the agent stays.
   */
  extend(agent: Agent, now: number): boolean {
    if (!agent.onDuty || !agent.employed || agent.absent) return false;
    const week = Math.floor(now / MINUTES_PER_WEEK);
    if (week !== agent.overtimeWeek) {
      agent.overtimeWeek = week;
      agent.overtimeUsed = 0;
    }
    const allowance = this.maxPerWeek - agent.overtimeUsed;
    if (allowance <= 0 || !this.backlogCalls(agent.tier)) return false;
    const stint = Math.min(this.stint, allowance);
    const end = now + stint;
    if (end > this.desk.model.horizon) return false;
    agent.overtimeUsed += stint;
    if (!agent.overtime) {
      agent.overtime = true;
      const tier = this.desk.tierIds[agent.tier];
      this.desk.emit(now, 'shift_ended', undefined, agent.name, tier);
      this.desk.emit(now, 'shift_started', undefined, agent.name, tier, 'overtime');
    }
    this.desk.schedule(end, Kind.ShiftChange, new ShiftChange(agent, false, true));
    return true;
  }

  /**
   * The stint ended early (the agent left duty: absence, departure) or the seat's next shift
   * starts during it (then the agent's paid time goes on as planned time). The stint's own
   * end, still on the calendar, is then stale (`isStale`).
   */
  stop(agent: Agent, now: number, onDuty: boolean): void {
    if (!agent.overtime) return;
    agent.overtime = false;
    // Off duty in the middle of a stint: the planned shift is long over, so no return after an absence.
    if (!onDuty) agent.scheduled = false;
    else {
      const tier = this.desk.tierIds[agent.tier];
      this.desk.emit(now, 'shift_ended', undefined, agent.name, tier, 'overtime');
      this.desk.emit(now, 'shift_started', undefined, agent.name, tier);
    }
  }

  /** The end of a stint that was stopped before it (see `stop`). */
  isStale(change: ShiftChange): boolean {
    return change.overtime && !change.agent.overtime;
  }

  /** Waiting tickets per agent on duty at the tier reach the trigger. */
  private backlogCalls(tier: number): boolean {
    let onDuty = 0;
    for (const agent of this.desk.agents) if (agent.tier === tier && agent.onDuty) onDuty++;
    return this.desk.waiting(tier) >= this.backlogPerAgent * Math.max(onDuty, 1);
  }
}
