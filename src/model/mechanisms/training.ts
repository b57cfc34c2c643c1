/**
 * A new hire's training (docs/model.md, Agents): before taking tickets, a replacement spends
 * `agents.new_hire.training_weeks` in classroom training — employed, on the seat's shifts and
 * paid, but off the queue (WFM practice counts it as 100 % shrinkage). The log shows it as
 * paid absence (`absence_started` / `absence_ended`, kind `training`), so its wages reach
 * cost per ticket from the log, as a real desk's payroll would, and utilization leaves it out.
 * The end of training is a calendar entry on the seat (kind Hire, told from a hire by the
 * seat's `hireDue`); the new hire's ramp in speed and accuracy (`new_hire.ramp_weeks`)
 * starts then.
 *
 * No random stream: a length, not a draw. Default 0: the replacement takes tickets on day one.
 */
import type { Agent } from '../../desk/structures.js';
import { Kind, type Desk } from './desk.js';

/** `kind` of the paid absence that training is in the log. */
export const TRAINING = 'training';

export class Training {
  private readonly minutes: number;

  constructor(private readonly desk: Desk) {
    this.minutes = desk.model.workforce.trainingMinutes;
  }

  /** A replacement starts: in training until `minutes` from now; the ramp begins after it. */
  start(agent: Agent, now: number): void {
    agent.trainingUntil = now + this.minutes;
    agent.hiredAt = agent.trainingUntil;
    if (this.minutes > 0 && agent.trainingUntil <= this.desk.model.horizon)
      this.desk.schedule(agent.trainingUntil, Kind.Hire, agent);
  }

  /** A Hire entry on this seat now that is no hire is the end of its holder's training (not of one who left). */
  ends(agent: Agent, now: number): boolean {
    return agent.employed && now === agent.trainingUntil;
  }

  /** Still in training: employed and paid on shift, but not on the queue. */
  inTraining(agent: Agent, now: number): boolean {
    return now < agent.trainingUntil;
  }
}
