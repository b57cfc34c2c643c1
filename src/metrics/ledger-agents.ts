/**
 * The agent side of the ledger's fold (src/metrics/ledger.ts): shifts, work, absences,
 * departures and hires folded into one `AgentRecord` per agent.
 */
import type { EventType } from '../eventlog/types.js';
import { LedgerQueries } from './ledger-queries.js';
import { addByDay, AgentRecord, countShiftDays, overlap } from './ledger-records.js';

/** Folds agent events into agent records. */
export abstract class LedgerAgents extends LedgerQueries {
  protected agentRecord(agent: string, tier: string | undefined): AgentRecord {
    let record = this.lastAgentRecord;
    if (record !== undefined && record.agent === agent) return record;
    record = this.agents.get(agent);
    if (record === undefined) {
      record = new AgentRecord(agent, tier);
      this.agents.set(agent, record);
    }
    if (record.tier === undefined) record.tier = tier;
    this.lastAgentRecord = record;
    return record;
  }

  protected agentEvent(time: number, type: EventType, agent: string, tier: string | undefined, kind?: string): void {
    const { measureFrom, measureTo } = this.window;
    switch (type) {
      case 'shift_started': {
        const record = this.agentRecord(agent, tier);
        record.onShiftSince = time;
        record.overtimeSince = kind === 'overtime' ? time : undefined;
        break;
      }
      case 'shift_ended': {
        const record = this.agentRecord(agent, tier);
        if (record.overtimeSince !== undefined) {
          record.overtimeTime += overlap(record.overtimeSince, time, measureFrom, measureTo);
          record.overtimeSince = undefined;
        }
        if (record.onShiftSince !== undefined) {
          record.onShiftTime += overlap(record.onShiftSince, time, measureFrom, measureTo);
          countShiftDays(record, record.onShiftSince, time, measureFrom, measureTo);
          addByDay(record.onShiftByDay, record.onShiftSince, time, measureFrom, measureTo);
          record.onShiftSince = undefined;
        }
        break;
      }
      case 'work_started':
        this.agentRecord(agent, tier).busySince = time;
        break;
      case 'absence_started':
        this.agentRecord(agent, tier).absentSince = time;
        break;
      case 'absence_ended': {
        const record = this.agentRecord(agent, tier);
        if (record.absentSince !== undefined) {
          record.absentTime += overlap(record.absentSince, time, measureFrom, measureTo);
          record.absentSince = undefined;
        }
        break;
      }
      case 'agent_left':
        this.agentRecord(agent, tier);
        if (time >= measureFrom && time < measureTo) this.agentsLeft++;
        break;
      case 'agent_hired':
        this.agentRecord(agent, tier);
        if (time >= measureFrom && time < measureTo) this.agentsHired++;
        break;
      case 'work_ended': {
        const record = this.agentRecord(agent, tier);
        if (record.busySince !== undefined) {
          record.busyTime += overlap(record.busySince, time, measureFrom, measureTo);
          addByDay(record.busyByDay, record.busySince, time, measureFrom, measureTo);
          record.busySince = undefined;
        }
        break;
      }
      default:
        break;
    }
  }
}
