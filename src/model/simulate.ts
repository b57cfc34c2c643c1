/**
 * Simulate: one replication of a `DeskModel`, streaming events (docs/contracts.md#event-log)
 * into a sink. This file is the desk core — the event loop, arrivals, queues and service,
 * resolution, escalation and closing; every other mechanism lives in `mechanisms/`, each
 * with its own streams and state, called at the core's decision points:
 *
 *   arrival ─[knowledge: self-service]─▶ created ─▶ queued(entry tier) ─▶ assigned ─▶ work ─┐
 *      ▲   [workforce: speed; gaming: plan; knowledge: lookup]                                  │
 *      │        ┌───────────────────────────────────────────────────────────────────────────────┘
 *      │        ├─▶ [information] ask the customer ─▶ pending … answer ─▶ queued(same tier)
 *      │        ├─▶ [engineering] file it ─▶ pending … fix delivered ─▶ queued(same tier)
 *      │        ├─▶ escalated ─▶ queued(target tier)
 *      │        └─▶ resolved, [truth_fixed] ─[returns]─▶ reopened / new ticket … closed ─[opinion]─▶ survey
 *      └── patience runs out ─▶ abandoned ─[opinion]
 *   [workforce: shifts, absence, fatigue, attrition, hires on the calendar throughout]
 *   [automation: an AI agent may take a new ticket first — replies, then resolves it or hands it off]
 *   [handoffs: a handoff may lose the context; a tier may hand an escalated ticket back]
 *
 * Randomness: one named stream per purpose, derived from (seed, replication, purpose). A
 * ticket's attributes and work content are drawn when it is created, in creation order, so
 * changing staffing or discipline does not shift any draw (common random numbers).
 *
 * Gaming behaviours (src/gaming/, docs/gaming.md) are plug-ins called at the decision points —
 * which ticket a free agent takes, a session's work, how it ends, escalation, a customer's
 * answer, resolution, survey — through `Gaming`, which is null on a desk without gaming.
 * Plug-in mechanisms (src/mechanisms/) are asked at generic ones — a ticket opened, a
 * session's work, a resolution, an escalation — and on their own calendar entries, through
 * `PluginMechanisms`, null on a desk that uses none. Calendar entries are dispatched through a
 * table by kind (`dispatchTable`), so a new kind needs no edit here.
 *
 * The desk's state, what mechanisms may call, arrivals and a ticket's identity and work
 * content are in desk-state.ts (`DeskState`, which this class extends); the arrival sources in
 * arrival-sources.ts. Here: the event loop, routing (`enqueue`, `assign`, and `becomeFree`,
 * which picks an agent's next ticket), service, resolution, escalation and closing.
 */
import type { EventSink } from '../eventlog/types.js';
import type { DeskModel, TierModel } from './build.js';
import { DeskState } from './desk-state.js';
import { BRIEF_SESSION, Outcome, Resolution } from './gaming/index.js';
import { Kind } from './mechanisms/index.js';
import { type Agent, type Ticket, TicketState } from '../desk/structures.js';

/**
 * What one replication did (the KPIs come from the event log, not from here). A sink that
 * wants the number of events counts what it receives: the simulation keeps no count of its
 * own, a field store fewer on every event.
 */
export interface SimulationResult {
  replication: number;
  ticketsCreated: number;
  endTime: number;
}

/** Runs one replication and streams its events into `sink`. */
export function simulate(model: DeskModel, replication: number, sink: EventSink): SimulationResult {
  return new DeskSimulation(model, replication, sink).run();
}

/** The desk core: the event loop and the flow of tickets through queues and agents. */
class DeskSimulation extends DeskState {
  run(): SimulationResult {
    this.start();
    this.loop();
    return { replication: this.replication, ticketsCreated: this.ticketsOpened, endTime: this.model.horizon };
  }

  /** The initial calendar: shifts, the attrition review, the first arrival of each source. */
  private start(): void {
    this.workforce.plan();
    this.arrivals.start();
  }

  /**
   * The event loop, up to the horizon. A method of its own, apart from the one-off setup,
   * so that V8's optimised code for it is not thrown away when setup code meets new types.
   */
  private loop(): void {
    const { model, calendar } = this;
    // Each kind of entry has its own priority, so the popped priority says what it is
    // without reading a property of the (polymorphic) payload.
    const horizon = model.horizon;
    const closing = this.closing;
    const workDone = this.workDone;
    const arrivals = this.arrivals;
    const handlers = this.calendarHandlers;
    for (;;) {
      // Three more sources of events are merged here with the calendar, each cheaper than a
      // calendar entry per event. Agents finishing work: one timer per agent, and work
      // finishes first among events at the same time. Resolved tickets waiting to close,
      // already sorted (every close is due a fixed window after its resolution). And
      // arrivals: each source has exactly one next arrival, and arrivals come last.
      const workDue = workDone.peekTime();
      const closeDue = closing.headDue();
      const nextTime = calendar.peekTime();
      const source = arrivals.next;
      const arrivalDue = source === null ? Number.POSITIVE_INFINITY : source.due;
      if (workDue <= nextTime && workDue <= closeDue && workDue <= arrivalDue) {
        if (workDue > horizon) break;
        this.finishWork(this.agents[workDone.pop()]!, workDue);
        continue;
      }
      if (
        closeDue <= horizon &&
        closeDue <= arrivalDue &&
        (closeDue < nextTime || (closeDue === nextTime && calendar.peekPriority() > Kind.Close))
      ) {
        this.close(closeDue);
        continue;
      }
      if (arrivalDue < nextTime) {
        this.arrive(source!, arrivalDue);
        continue;
      }
      const entry = calendar.pop();
      const now = calendar.now;
      if (entry === undefined || now > horizon) break;
      handlers[calendar.priority]!(entry, now);
    }
  }

  // --- queues and service ---------------------------------------------------------

  enqueue(ticket: Ticket, tierIndex: number, now: number): void {
    ticket.tier = tierIndex;
    ticket.state = TicketState.Queued;
    this.emit(now, 'queued', ticket.id, undefined, this.tierIds[tierIndex]);
    const tier = this.tiers[tierIndex]!;
    const agent = tier.idle.take() ?? this.blendingAgent(tierIndex);
    if (agent !== undefined) {
      this.assign(agent, ticket, now);
      return;
    }
    tier.queue.push(ticket);
    this.aging.waiting(ticket, now);
    if (!ticket.taken && !ticket.callback) {
      const patience = this.model.channels[ticket.channel]!.patience;
      if (patience !== null) {
        ticket.pendingTimers++;
        this.calendar.schedule(now + patience.sample(this.patienceRandom), Kind.Abandonment, ticket);
      }
    }
  }

  /**
   * Back to a tier's queue in the place it held (gaming, with selective queues; an agent who took
   * it keeps it, so no patience).
   */
  requeue(ticket: Ticket, tierIndex: number, now: number): void {
    ticket.tier = tierIndex;
    ticket.state = TicketState.Queued;
    this.emit(now, 'queued', ticket.id, undefined, this.tierIds[tierIndex]);
    const tier = this.tiers[tierIndex]!;
    const agent = tier.idle.take() ?? this.blendingAgent(tierIndex);
    if (agent !== undefined) this.assign(agent, ticket, now);
    else this.gaming!.queues[tierIndex]!.restore(ticket);
  }

  protected assign(agent: Agent, ticket: Ticket, now: number): void {
    const tierId = this.tierIds[agent.tier];
    ticket.state = TicketState.InService;
    ticket.taken = true;
    agent.ticket = ticket;
    // An agent working another tier's ticket (blending) says so: its kind is `blended`.
    this.emit(now, 'assigned', ticket.id, agent.name, tierId, agent.tier === ticket.tier ? undefined : 'blended');
    this.emit(now, 'work_started', ticket.id, agent.name, tierId);
    if (!ticket.replied && this.model.channels[ticket.channel]!.repliesOnPickup)
      this.reply(ticket, agent.name, tierId, 'substantive', now);
    const tier = this.model.tiers[agent.tier]!;
    let speed = tier.speed;
    if (this.workforce.enabled) {
      this.workforce.observe(agent, now, false);
      speed *= this.workforce.personalSpeed(agent, now);
    }
    // `retell`: the customer repeating themselves after a handoff lost the context (0 without).
    let workTime = (ticket.handleDraw() + ticket.retell) / speed;
    ticket.retell = 0;
    if (this.gaming !== null) workTime = this.gaming.plan(agent, ticket, workTime, now);
    ticket.knowledgeHit = false;
    if (this.knowledge.enabled && this.model.isEntryTier[ticket.tier] && (ticket.session & BRIEF_SESSION) === 0) {
      workTime = this.knowledge.consult(agent, ticket, workTime, now);
    }
    if (this.plugins !== null) workTime = this.plugins.assigned(agent, ticket, workTime, now);
    this.workDone.set(agent.slot, now + workTime);
  }

  protected finishWork(agent: Agent, now: number): void {
    const ticket = agent.ticket!;
    agent.ticket = null;
    const tier = this.model.tiers[agent.tier]!;
    this.emit(now, 'work_ended', ticket.id, agent.name, tier.id);
    if (this.workforce.enabled) this.workforce.observe(agent, now, true);
    if (ticket.escalatedFrom >= 0 && this.handoffs.handsBack(ticket, agent, now)) {
      this.becomeFree(agent, now);
      return;
    }
    const outcome = this.outcomeOf(ticket, this.model.tiers[ticket.tier]!);
    if (this.gaming === null || !this.gaming.finish(agent, ticket, outcome, now)) {
      if (outcome === Outcome.AskCustomer) this.information.ask(ticket, agent, now);
      else if (outcome === Outcome.Engineering) this.engineering.file(ticket, agent, now);
      else if (outcome === Outcome.Resolve) this.resolve(ticket, agent, now, Resolution.Drawn);
      else this.escalate(ticket, agent, now);
    }
    this.becomeFree(agent, now);
  }

  /** How the session just finished on a ticket ends, as the ticket's draws have it. */
  protected outcomeOf(ticket: Ticket, tier: TierModel): Outcome {
    if (this.information.needed(ticket)) return Outcome.AskCustomer;
    const solved =
      tier.escalatesTo < 0 ||
      ticket.solveDraw() < this.knowledge.solveProbability(tier.skill[ticket.complexity]!, ticket.knowledgeHit);
    if (!solved) return Outcome.Escalate;
    return ticket.needsEngineering ? Outcome.Engineering : Outcome.Resolve;
  }

  /**
   * The agent marks the ticket solved. As usual (`Drawn`) it is really fixed with the tier's
   * accuracy, raised by a knowledge hit and lowered by a new hire or a fatigued agent; a
   * gaming agent may mark it solved unfixed, or even close it at once (`Closed`). A customer
   * whose problem is not fixed comes back with `return_when_not_fixed`, unless the issue
   * goes on in another ticket (`Part`).
   */
  resolve(ticket: Ticket, agent: Agent, now: number, resolution: Resolution): void {
    // Events name the agent's tier (who did it); the rules are those of the ticket's tier (blending).
    const tierId = this.tierIds[agent.tier]!;
    this.reply(ticket, agent.name, tierId, 'substantive', now);
    this.emit(now, 'resolved', ticket.id, agent.name, tierId);
    let fixed = false;
    if (resolution === Resolution.Drawn) {
      fixed = ticket.fixDraw() < this.fixProbability(ticket, agent, this.model.tiers[ticket.tier]!, now);
      // What a higher tier solves after an escalation may become an article for the entry tier.
      // Not after an engineering fix: the defect is gone, and an article about it would answer no later ticket.
      if (this.knowledge.enabled && ticket.chainPosition > 0 && !ticket.engineered)
        this.knowledge.mayWriteArticle(ticket.category, now);
    }
    this.dropWork(ticket);
    if (this.gaming !== null) this.gaming.resolved(ticket, agent, now);
    let returns = false;
    if (fixed) {
      this.emit(now, 'truth_fixed', ticket.id, undefined, tierId);
    } else if (resolution !== Resolution.Part) {
      returns = this.returns.mayReturn(ticket, now);
    }
    if (this.plugins !== null) this.plugins.resolved(ticket, agent, now);
    if (resolution === Resolution.Closed) this.closeNow(ticket, now);
    else this.awaitClose(ticket, now, returns, fixed);
  }

  settleResolution(ticket: Ticket, tier: string, fixed: boolean, now: number): void {
    this.dropWork(ticket);
    let returns = false;
    if (fixed) this.emit(now, 'truth_fixed', ticket.id, undefined, tier);
    else returns = this.returns.mayReturn(ticket, now);
    this.awaitClose(ticket, now, returns, fixed);
  }

  /**
   * Probability that the agent's resolution really fixes the problem: the tier's accuracy, raised
   * by a knowledge hit, lowered by a new hire or fatigue (and gaming's say).
   */
  protected fixProbability(ticket: Ticket, agent: Agent, tier: TierModel, now: number): number {
    let probability = this.knowledge.fixProbability(tier.accuracy[ticket.complexity]!, ticket.knowledgeHit);
    if (this.workforce.enabled) probability *= this.workforce.personalAccuracy(agent, now);
    return this.gaming === null ? probability : this.gaming.fixProbability(ticket, probability);
  }

  /**
   * The agent passes the ticket to its tier's escalation target, with a note to the customer if the
   * tier writes one.
   */
  escalate(ticket: Ticket, agent: Agent, now: number): void {
    const tier = this.model.tiers[ticket.tier]!;
    const tierId = this.tierIds[agent.tier]!;
    const target = tier.escalatesTo;
    if (tier.repliesOnEscalation) this.reply(ticket, agent.name, tierId, 'substantive', now);
    this.emit(now, 'escalated', ticket.id, agent.name, tierId, undefined, this.tierIds[target]);
    ticket.handoffs++;
    ticket.chainPosition++;
    ticket.asked = false;
    if (this.handoffs.enabled) this.handoffs.escalated(ticket, ticket.tier);
    if (this.plugins !== null) this.plugins.escalated(ticket, agent, ticket.tier, target, now);
    if (this.gaming?.escalating(agent, ticket, target, now)) return;
    this.enqueue(ticket, target, now);
  }

  becomeFree(agent: Agent, now: number): void {
    if (agent.leaving) {
      agent.leaving = false;
      this.workforce.goOffDuty(agent, now, agent.leaveKind);
      return;
    }
    const tier = this.tiers[agent.tier]!;
    const own = this.gaming === null ? tier.queue.take() : this.gaming.next(agent, tier.queue, now);
    const next = own ?? this.blendedTicket(agent, now);
    if (next !== undefined) this.assign(agent, next, now);
    else tier.idle.add(agent);
  }

  protected abandon(ticket: Ticket, now: number): void {
    ticket.pendingTimers--;
    if (ticket.taken) {
      this.release(ticket);
      return;
    }
    ticket.state = TicketState.Abandoned;
    this.dropWork(ticket);
    this.tiers[ticket.tier]!.queue.forget(ticket);
    this.emit(now, 'abandoned', ticket.id, undefined, this.tierIds[ticket.tier]);
    this.opinion.settleUnresolved(ticket, now, true);
  }

  // --- closing ---------------------------------------------------------------------

  /**
   * The agent closes a resolved ticket at once (not fixed): it cannot be reopened, and its customer
   * is surveyed now.
   */
  protected closeNow(ticket: Ticket, now: number): void {
    ticket.state = TicketState.Done;
    this.emit(now, 'closed', ticket.id, undefined, this.tierIds[ticket.tier], 'agent');
    this.opinion.judge(ticket, false, now);
    this.opinion.settle(ticket.id, now, true);
    this.release(ticket);
  }

  /**
   * A resolved ticket closes when the reopen window ends, unless reopened before. One that
   * cannot be reopened (no customer return pending) is done with now: only its id waits.
   */
  protected awaitClose(ticket: Ticket, now: number, reopenable: boolean, fixed: boolean): void {
    ticket.closeDue = now + this.model.reopenWindow;
    // The experience is complete unless the ticket is reopened (then this entry goes stale).
    const opinion = this.opinion;
    opinion.judge(ticket, fixed, now);
    if (reopenable) {
      ticket.state = TicketState.Resolved;
      this.closing.push(ticket.id, ticket.closeDue, ticket, opinion.probability, opinion.effort);
    } else {
      ticket.state = TicketState.Done;
      this.closing.push(ticket.id, ticket.closeDue, null, opinion.probability, opinion.effort);
      this.release(ticket);
    }
  }

  /** The head of the close queue is due: close it (unless it was reopened since). */
  protected close(now: number): void {
    const closing = this.closing;
    const id = closing.shift();
    if (id < 0) return;
    this.emit(now, 'closed', id, undefined, undefined);
    const ticket = closing.ticket;
    if (ticket !== null) {
      ticket.state = TicketState.Done;
      this.release(ticket);
    }
    // The experience judged at resolution, kept in the close queue (field to field: nothing boxed).
    const opinion = this.opinion;
    opinion.probability = closing.probability;
    opinion.effort = closing.effort;
    opinion.settle(id, now, true);
  }
}
