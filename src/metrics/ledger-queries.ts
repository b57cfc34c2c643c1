/**
 * What the ledger answers once events are folded (src/metrics/ledger.ts): ticket ids and rows,
 * issues, whether a ticket is open, queue waits and ticket snapshots.
 */
import { LedgerColumns } from './ledger-columns.js';
import { grow, optional, type IssueTickets, type TicketSnapshot } from './ledger-records.js';

/** The reads of a ledger over its columns. */
export abstract class LedgerQueries extends LedgerColumns {
  /** Ends the fold (`Ledger.finish`): reads of the whole log call it first. */
  abstract finish(): this;

  /** The id of the ticket in `row`, as the log gave it. */
  ticketId(row: number): number | string {
    return this.ids === undefined ? row + 1 : this.ids[row]!;
  }

  /** The row of a ticket id, or -1 if the log has no `created` event for it. */
  rowOf(id: number | string): number {
    return this.lookup(id);
  }

  /**
   * The customer's issues that took more than one ticket (repeat contacts, split tickets):
   * each repeat's `truth_issue` names the issue's first ticket (a chain of them is followed
   * to its start). A repeat naming a ticket the log does not have is its own issue. Built
   * once per log, from the repeats only: most tickets are an issue of their own.
   */
  issueTickets(): IssueTickets {
    if (this.issueCache !== undefined) return this.issueCache;
    const firstOf = new Map<number, number>();
    const members = new Map<number, number[]>();
    // In log order: a repeat's `truth_issue` follows its `created`, so members come in creation order.
    for (const [ticket, id] of this.issueOf) {
      let first = this.lookup(id);
      for (let hops = 0; first >= 0 && hops < 64; hops++) {
        const earlier = this.issueOf.get(first);
        if (earlier === undefined) break;
        first = this.lookup(earlier);
      }
      if (first < 0 || first === ticket) continue;
      firstOf.set(ticket, first);
      let tickets = members.get(first);
      if (tickets === undefined) members.set(first, (tickets = [first]));
      tickets.push(ticket);
    }
    this.issueCache = { firstOf, members };
    return this.issueCache;
  }

  protected lookup(id: number | string): number {
    // Every id so far is its row + 1 (`denseIndex`): the row is the id − 1.
    if (this.ids === undefined)
      return typeof id === 'number' && id >= 1 && id <= this.ticketCount && Number.isInteger(id) ? id - 1 : -1;
    if (typeof id === 'number' && id >= 0 && id < this.denseIndex.length && Number.isInteger(id)) {
      const row = this.denseIndex[id]! - 1;
      if (row >= 0) return row;
    }
    return this.index.get(id) ?? -1;
  }

  protected remember(id: number | string, row: number): void {
    if (typeof id === 'number' && Number.isInteger(id) && id >= 0 && id < 1 << 26) {
      if (id >= this.denseIndex.length)
        this.denseIndex = grow(this.denseIndex, Math.max(id + 1, this.denseIndex.length * 2), 0);
      this.denseIndex[id] = row + 1;
    } else {
      this.index.set(id, row);
    }
  }

  /**
   * A reopened ticket's open periods after its first: reopen and done times in turn (the
   * last done missing while open). Undefined for a ticket never reopened — most of them,
   * answered from the `reopens` column without a map lookup.
   */
  reopeningsOf(ticket: number): number[] | undefined {
    return this.reopens[ticket] === 0 ? undefined : this.reopenings.get(ticket);
  }

  /** Is the ticket open at `time` (created, and not resolved, abandoned or closed since)? */
  isOpenAt(ticket: number, time: number): boolean {
    if (!(this.createdAt[ticket]! <= time)) return false;
    const done = this.doneAt[ticket]!;
    if (Number.isNaN(done) || time < done) return true;
    const reopenings = this.reopeningsOf(ticket);
    if (reopenings === undefined) return false;
    for (let index = 0; index < reopenings.length; index += 2) {
      const end = reopenings[index + 1] ?? Number.POSITIVE_INFINITY;
      if (time >= reopenings[index]! && time < end) return true;
    }
    return false;
  }

  /** Indices of tickets created inside the measured window (after warm-up), in creation order. */
  measuredIndices(): Int32Array {
    const { measureFrom, measureTo } = this.window;
    const indices = new Int32Array(this.ticketCount);
    let count = 0;
    for (let ticket = 0; ticket < this.ticketCount; ticket++) {
      const created = this.createdAt[ticket]!;
      if (created >= measureFrom && created < measureTo) indices[count++] = ticket;
    }
    return indices.subarray(0, count);
  }

  /** Wait of a visit that has ended (taken or abandoned); NaN while still waiting. */
  visitWait(visit: number): number {
    const assigned = this.visitAssignedAt[visit]!;
    const left = Number.isNaN(assigned) ? this.visitAbandonedAt[visit]! : assigned;
    return left - this.visitQueuedAt[visit]!;
  }

  /** Did the visit wait at all (a wait still open at the end counts)? */
  visitWaited(visit: number): boolean {
    const assigned = this.visitAssignedAt[visit]!;
    return Number.isNaN(assigned) || assigned > this.visitQueuedAt[visit]!;
  }

  /** Total queue wait of a ticket over all its visits; NaN if a wait is still open at the end. */
  ticketQueueWait(ticket: number): number {
    let total = 0;
    for (let visit = this.firstVisit[ticket]!; visit >= 0; visit = this.visitNext[visit]!)
      total += this.visitWait(visit);
    return total;
  }

  /** Did the ticket wait in any queue? */
  ticketWaited(ticket: number): boolean {
    for (let visit = this.firstVisit[ticket]!; visit >= 0; visit = this.visitNext[visit]!)
      if (this.visitWaited(visit)) return true;
    return false;
  }

  /** A plain copy of one ticket's record. */
  snapshot(ticket: number): TicketSnapshot {
    const visits: TicketSnapshot['visits'] = [];
    for (let visit = this.firstVisit[ticket]!; visit >= 0; visit = this.visitNext[visit]!) {
      visits.push({
        tier: this.tiers.value(this.visitTier[visit]!) ?? '',
        queuedAt: this.visitQueuedAt[visit]!,
        assignedAt: optional(this.visitAssignedAt[visit]!),
        abandonedAt: optional(this.visitAbandonedAt[visit]!),
      });
    }
    return {
      ticket: this.ticketId(ticket),
      createdAt: this.createdAt[ticket]!,
      channel: this.channels.value(this.channel[ticket]!),
      category: this.categories.value(this.category[ticket]!),
      priority: this.priorities.value(this.priority[ticket]!),
      customer: this.customer[ticket],
      firstReplyAt: optional(this.firstReplyAt[ticket]!),
      firstReplyKind: this.replyKinds.value(this.firstReplyKind[ticket]!),
      replies: this.replies[ticket]!,
      autoReplies: this.autoReplies[ticket]!,
      lastResolvedAt: optional(this.lastResolvedAt[ticket]!),
      resolvedCount: this.resolvedCount[ticket]!,
      abandonedAt: optional(this.abandonedAt[ticket]!),
      closedAt: optional(this.closedAt[ticket]!),
      truthFixedAt: optional(this.truthFixedAt[ticket]!),
      survey:
        Number.isNaN(this.csat[ticket]!) && Number.isNaN(this.nps[ticket]!)
          ? undefined
          : { csat: this.csat[ticket]!, ces: this.ces[ticket]!, nps: this.nps[ticket]! },
      truthSatisfaction: Number.isNaN(this.trueCsat[ticket]!)
        ? undefined
        : { csat: this.trueCsat[ticket]!, ces: this.trueCes[ticket]!, nps: this.trueNps[ticket]! },
      reopens: this.reopens[ticket]!,
      escalations: this.escalations[ticket]!,
      handleTime: this.handleTime[ticket]!,
      workIntervals: this.workIntervals[ticket]!,
      lastAgent: this.agentNames.value(this.lastAgent[ticket]!),
      queueWait: visits.length === 0 ? undefined : optional(this.ticketQueueWait(ticket)),
      visits,
    };
  }

  /** Snapshots of the measured tickets, in creation order. */
  measuredTickets(): TicketSnapshot[] {
    this.finish();
    return Array.from(this.measuredIndices(), (ticket) => this.snapshot(ticket));
  }
}
