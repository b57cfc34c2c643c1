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
 * Gaming behaviours (gaming/, docs/gaming.md) are plug-ins called at the decision points —
 * which ticket a free agent takes, a session's work, how it ends, escalation, a customer's
 * answer, resolution, survey — through `Gaming`, which is null on a desk without gaming.
 */
import { BusyDaysRate, busyDayFactors } from '../engine/arrivals.js';
import { EventCalendar, SlotTimers, ThinningArrivals, createStream, type Rng } from '../engine/index.js';
import { fieldSink, type EventSink, type EventType, type FieldSink, type ReplyKind } from '../eventlog/types.js';
import { pick, type DeskModel, type TierModel } from './build.js';
import { BRIEF_SESSION, createGaming, Outcome, Resolution, type Gaming, type GamingDesk } from './gaming/index.js';
import {
  createMechanisms,
  Kind,
  MINUTES_PER_DAY,
  Search,
  type Conversation,
  type Desk,
  type SurveyReply,
} from './mechanisms/index.js';
import type { Aging } from './mechanisms/aging.js';
import type { Automation } from './mechanisms/automation.js';
import type { Handoffs } from './mechanisms/handoffs.js';
import type { CustomerOpinion } from './mechanisms/opinion.js';
import type { Engineering } from './mechanisms/engineering.js';
import type { InformationRequests } from './mechanisms/information.js';
import type { Knowledge } from './mechanisms/knowledge.js';
import type { Returns } from './mechanisms/returns.js';
import type { Workforce } from './mechanisms/workforce.js';
import type { AutoAcknowledgement } from './mechanisms/auto-acknowledgement.js';
import type { ChannelHours } from './mechanisms/channels.js';
import type { Blending } from './mechanisms/blending.js';
import {
  type Agent,
  CloseQueue,
  IdleList,
  NO_WORK,
  type ShiftChange,
  Ticket,
  TicketQueue,
  TicketState,
  WORK_STRIDE,
  type TierQueue,
} from './structures.js';

/**
 * A source of new tickets: the main arrival process or an incident surge. Not a calendar
 * entry: a source always has exactly one next arrival, kept here, and the event loop merges
 * the sources with the calendar (see `run`).
 */
class ArrivalSource {
  /** The next arrival (Infinity: none up to the horizon). */
  due = Number.POSITIVE_INFINITY;
  /** When `due` was drawn, counting arrival draws: at equal times the earlier draw goes first. */
  drawn = 0;
  constructor(
    readonly process: ThinningArrivals,
    /** Category forced on its tickets, or -1 to draw from the mix. */
    readonly category: number,
  ) {}
}

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

interface TierState {
  queue: TierQueue;
  idle: IdleList;
}

/** Runs one replication and streams its events into `sink`. */
export function simulate(model: DeskModel, replication: number, sink: EventSink): SimulationResult {
  return new DeskSimulation(model, replication, sink).run();
}

class DeskSimulation implements GamingDesk, Desk {
  private readonly calendar = new EventCalendar<object>();
  /** When each agent (by seat, the order of `agents`) finishes the work in hand: beside the calendar (see `run`). */
  private readonly workDone: SlotTimers;
  private readonly tiers: TierState[];
  private readonly ticketRandom: Rng;
  private readonly workRandom: Rng;
  private readonly patienceRandom: Rng;
  private readonly truthRandom: Rng;
  readonly reworkRandom: Rng;
  private readonly identityRandom: Rng;
  readonly tierIds: string[];
  readonly gaming: Gaming | null;
  readonly agents: Agent[] = [];
  private readonly closing = new CloseQueue();
  // The mechanisms (mechanisms/index.ts), each in a field of its own class: calls stay monomorphic.
  private readonly knowledge: Knowledge;
  private readonly engineering: Engineering;
  private readonly opinion: CustomerOpinion;
  private readonly information: InformationRequests;
  private readonly returns: Returns;
  private readonly workforce: Workforce;
  private readonly aging: Aging;
  private readonly acknowledgement: AutoAcknowledgement;
  private readonly handoffs: Handoffs;
  private readonly automation: Automation;
  private readonly channelHours: ChannelHours;
  private readonly blending: Blending;
  /** Every arrival source, and the one whose arrival is next (null: none up to the horizon). */
  private readonly sources: ArrivalSource[] = [];
  private nextSource: ArrivalSource | null = null;
  private arrivalDraws = 0;
  private nextTicketId = 1;
  /** Tickets opened (ids of issues deflected by self-service stay unused). */
  private ticketsOpened = 0;
  /** Finished tickets ready for reuse. */
  private readonly pool: Ticket[] = [];
  /**
   * Work arrays ready for reuse. A ticket holds one only while it is being worked on;
   * resolved tickets wait days to close, and their arrays would go cold in the meantime.
   */
  private readonly workPool: number[][] = [];
  // Both pools grow by `pool[pool.length] = item`, not `push`: V8 cannot infer these fields'
  // array maps, so it does not inline `push` and calls the generic builtin (~110 machine
  // instructions per call, measured); an indexed store goes through an inline cache.
  /** Where events go: the sink's `emitFields`, or an adapter filling one reused event for its `emit`. */
  private readonly out: FieldSink;

  constructor(
    readonly model: DeskModel,
    readonly replication: number,
    sink: EventSink,
  ) {
    this.out = fieldSink(sink);
    const seed = model.scenario.seed;
    this.ticketRandom = createStream(seed, replication, 'ticket.attributes');
    this.workRandom = createStream(seed, replication, 'ticket.work');
    this.patienceRandom = createStream(seed, replication, 'customer.patience');
    this.truthRandom = createStream(seed, replication, 'ticket.truth');
    this.reworkRandom = createStream(seed, replication, 'ticket.rework');
    this.identityRandom = createStream(seed, replication, 'customer.identity');
    this.tierIds = model.tiers.map((tier) => tier.id);
    this.workDone = new SlotTimers(model.tiers.reduce((seats, tier) => seats + tier.agents.length, 0));
    this.gaming = createGaming(model, this, replication);
    this.tiers = model.tiers.map((tier) => ({
      queue: this.gaming?.queues[tier.index] ?? new TicketQueue(model.bucketCount, tier.index),
      idle: new IdleList(),
    }));
    const mechanisms = createMechanisms(this);
    this.knowledge = mechanisms.knowledge;
    this.engineering = mechanisms.engineering;
    this.opinion = mechanisms.opinion;
    this.information = mechanisms.information;
    this.returns = mechanisms.returns;
    this.workforce = mechanisms.workforce;
    this.aging = mechanisms.aging;
    this.acknowledgement = mechanisms.acknowledgement;
    this.handoffs = mechanisms.handoffs;
    this.automation = mechanisms.automation;
    this.channelHours = mechanisms.channelHours;
    this.blending = mechanisms.blending;
  }

  run(): SimulationResult {
    this.start();
    this.loop();
    return { replication: this.replication, ticketsCreated: this.ticketsOpened, endTime: this.model.horizon };
  }

  /** The initial calendar: shifts, the attrition review, the first arrival of each source. */
  private start(): void {
    const model = this.model;
    this.workforce.plan();
    // Forecast error has its own stream: turning it on changes the arrivals, no other draw.
    const cv = model.scenario.arrivals.busyness_cv ?? 0;
    const busy =
      cv === 0
        ? undefined
        : busyDayFactors(
            model.horizon / MINUTES_PER_DAY,
            cv,
            createStream(model.scenario.seed, this.replication, 'arrivals.busyness'),
          );
    const rate = busy === undefined ? model.arrivalRate : new BusyDaysRate(model.arrivalRate, busy);
    const main = new ArrivalSource(
      new ThinningArrivals(rate, createStream(model.scenario.seed, this.replication, 'arrivals')),
      -1,
    );
    this.sources.push(main);
    this.scheduleArrival(main, 0);
    model.incidents.forEach((incident, index) => {
      const stream = createStream(model.scenario.seed, this.replication, `arrivals.incident.${index}`);
      const source = new ArrivalSource(new ThinningArrivals(incident.rate, stream), incident.category);
      this.sources.push(source);
      this.scheduleArrival(source, incident.start);
    });
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
    for (;;) {
      // Three more sources of events are merged here with the calendar, each cheaper than a
      // calendar entry per event. Agents finishing work: one timer per agent, and work
      // finishes first among events at the same time. Resolved tickets waiting to close,
      // already sorted (every close is due a fixed window after its resolution). And
      // arrivals: each source has exactly one next arrival, and arrivals come last.
      const workDue = workDone.peekTime();
      const closeDue = closing.headDue();
      const nextTime = calendar.peekTime();
      const source = this.nextSource;
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
      switch (calendar.priority) {
        case Kind.Abandonment:
          this.abandon(entry as Ticket, now);
          break;
        case Kind.ShiftChange:
          this.workforce.changeDuty(entry as ShiftChange, now);
          break;
        case Kind.Return:
          this.returns.comeBack(entry as Ticket, now);
          break;
        case Kind.EngineeringDone:
          this.engineering.deliver(entry as Ticket, now);
          break;
        case Kind.CustomerReply:
          this.information.answer(entry as Ticket, now);
          break;
        case Kind.SilentClose:
          this.information.closeSilent(entry as Ticket, now);
          break;
        case Kind.SurveyAnswer:
          this.opinion.answerSurvey(entry as SurveyReply, now);
          break;
        case Kind.Absence:
          this.workforce.toggleAbsence(entry as Agent, now);
          break;
        case Kind.Review:
          this.workforce.reviewAttrition(now);
          break;
        case Kind.Hire:
          this.workforce.hire(entry as Agent, now);
          break;
        case Kind.Chase:
          this.aging.chase(entry as Ticket, now);
          break;
        case Kind.Acknowledgement:
          this.acknowledgement.due(entry as Ticket, now);
          break;
        case Kind.Automation:
          this.automation.converse(entry as Conversation, now);
          break;
      }
    }
  }

  // --- what mechanisms and behaviours may do (Desk, GamingDesk) ----------------------------

  emit(
    time: number,
    type: EventType,
    ticket: number | undefined,
    agent: string | undefined,
    tier: string | undefined,
    kind?: string,
    value?: unknown,
  ): void {
    this.out.emitFields(time, type, ticket, agent, tier, kind, value, undefined, undefined, undefined, undefined);
  }

  emitAbout(
    time: number,
    type: EventType,
    ticket: number | undefined,
    kind: string | undefined,
    channel: string | undefined,
    category: string | undefined,
    priority: string | undefined,
    customer: number,
  ): void {
    this.out.emitFields(
      time,
      type,
      ticket,
      undefined,
      undefined,
      kind,
      undefined,
      channel,
      category,
      priority,
      customer,
    );
  }

  schedule(time: number, kind: Kind, entry: object): void {
    this.calendar.schedule(time, kind, entry);
  }

  reply(ticket: Ticket, agent: string | undefined, tier: string | undefined, kind: ReplyKind, now: number): void {
    if (!ticket.replied) ticket.firstReplyAt = now;
    ticket.replied = true;
    this.emit(now, 'replied', ticket.id, agent, tier, kind);
  }

  scheduleAnswer(ticket: Ticket, at: number): void {
    this.information.scheduleAnswer(ticket, at);
  }

  scheduleSilentClose(ticket: Ticket, at: number): void {
    this.information.scheduleSilentClose(ticket, at);
  }

  customerReplied(ticket: Ticket, now: number): void {
    this.information.customerReplied(ticket, now);
  }

  leaveIdle(agent: Agent): void {
    this.tiers[agent.tier]!.idle.remove(agent);
  }

  waiting(tier: number): number {
    return this.tiers[tier]!.queue.waiting;
  }

  idleAgents(tier: number): number {
    return this.tiers[tier]!.idle.size;
  }

  // --- arrivals -----------------------------------------------------------------

  /** Draws a source's next arrival, and finds the source whose arrival is next. */
  private scheduleArrival(source: ArrivalSource, after: number): void {
    const time = source.process.next(after);
    source.due = time <= this.model.horizon ? time : Number.POSITIVE_INFINITY;
    source.drawn = this.arrivalDraws++;
    const sources = this.sources;
    let next: ArrivalSource | null = null;
    for (let index = 0; index < sources.length; index++) {
      const candidate = sources[index]!;
      if (candidate.due === Number.POSITIVE_INFINITY) continue;
      if (next === null || candidate.due < next.due || (candidate.due === next.due && candidate.drawn < next.drawn))
        next = candidate;
    }
    this.nextSource = next;
  }

  private arrive(source: ArrivalSource, now: number): void {
    const ticket = this.createTicket(now, source.category);
    this.scheduleArrival(source, now);
    const search = this.knowledge.search(ticket, now);
    if (search === Search.Deflected) {
      // The knowledge base answered, and no ticket is opened (its id stays unused).
      const { channels, categories } = this.model;
      this.emitAbout(
        now,
        'self_service',
        undefined,
        'deflected',
        channels[ticket.channel]!.id,
        categories[ticket.category]!.id,
        undefined,
        ticket.customer,
      );
      ticket.state = TicketState.Done;
      this.dropWork(ticket);
      this.release(ticket);
      return;
    }
    this.open(ticket, now, search === Search.Failed);
  }

  /** A new ticket enters the log (after a failed self-service search, if any) and the entry tier's queue. */
  open(ticket: Ticket, now: number, searchedFirst = false): void {
    this.ticketsOpened++;
    const { channels, categories, priorities } = this.model;
    // A split (already taken by its agent) is the desk's own doing: opening hours apply to customers' contacts.
    const afterHours = this.channelHours.used && !ticket.taken ? this.channelHours.admit(ticket, now) : undefined;
    this.emitAbout(
      now,
      'created',
      ticket.id,
      afterHours,
      channels[ticket.channel]!.id,
      categories[ticket.category]!.id,
      priorities[ticket.priority]!.id,
      ticket.customer,
    );
    ticket.searchedFirst = searchedFirst;
    if (searchedFirst) this.emit(now, 'self_service', ticket.id, undefined, undefined, 'failed');
    if (ticket.issue !== ticket.id)
      this.emit(now, 'truth_issue', ticket.id, undefined, undefined, undefined, ticket.issue);
    if (this.acknowledgement.enabled) this.acknowledgement.created(ticket, now);
    if (this.automation.enabled && this.automation.take(ticket, now)) return;
    this.enqueue(ticket, this.model.channels[ticket.channel]!.entryTier, now);
  }

  private createTicket(now: number, forcedCategory: number): Ticket {
    const { model, ticketRandom } = this;
    // Always four uniforms per ticket, whatever the mixes, to keep streams aligned; none on a
    // desk whose every mix has one entry (nothing to choose, and the stream has no other use).
    const varies = model.attributesVary;
    const channel = varies ? pick(model.channelCumulative, ticketRandom()) : 0;
    const categoryDraw = varies ? pick(model.categoryCumulative, ticketRandom()) : 0;
    const category = model.categories[forcedCategory >= 0 ? forcedCategory : categoryDraw]!;
    const complexity = category.complexityIndices[varies ? pick(category.complexityCumulative, ticketRandom()) : 0]!;
    const priority = category.priorityIndices[varies ? pick(category.priorityCumulative, ticketRandom()) : 0]!;
    const categoryIndex = forcedCategory >= 0 ? forcedCategory : categoryDraw;
    const id = this.nextTicketId++;
    const population = model.customers.population;
    const customer = population > 0 ? 1 + Math.floor(this.identityRandom() * population) : id;
    const ticket = this.pool.pop() ?? new Ticket();
    const bucket = model.priorities[priority]!.bucket + model.channels[channel]!.bucketOffset;
    ticket.init(id, now, channel, categoryIndex, complexity, priority, bucket, customer);
    // Each mechanism's draws from its own stream, whatever the shares, so arrivals keep their
    // draws; a desk without the mechanism skips the stream altogether (no other draw moves).
    this.engineering.drawFor(ticket, category.needsEngineering);
    this.knowledge.drawFor(ticket);
    this.drawWork(ticket, this.workRandom, this.truthRandom, this.information.drawStream);
    return ticket;
  }

  /**
   * Work content at each tier of the chain: handle time, solve, fix and info-request draws.
   * `infoRandom` is null on a desk that never asks customers for information: its stream is
   * not drawn (no other use), and the draw reads as 1, above every request probability (0).
   */
  private drawWork(ticket: Ticket, workRandom: Rng, truthRandom: Rng, infoRandom: Rng | null): void {
    const work = this.takeWork();
    ticket.work = work;
    const sampler = this.model.complexities[ticket.complexity]!.handleTime;
    for (let index = 0; index < work.length; index += WORK_STRIDE) {
      work[index] = sampler.sample(workRandom);
      work[index + 1] = workRandom();
      work[index + 2] = truthRandom();
      work[index + 3] = infoRandom === null ? 1 : infoRandom();
    }
  }

  redrawWork(ticket: Ticket): void {
    this.drawWork(ticket, this.reworkRandom, this.reworkRandom, this.reworkRandom);
  }

  /** An array for a ticket's work content: a recycled one (see `dropWork`), else a new one. */
  private takeWork(): number[] {
    return this.workPool.pop() ?? new Array<number>(WORK_STRIDE * this.model.longestChain).fill(0);
  }

  /** The ticket needs no more work content: recycle its array. */
  dropWork(ticket: Ticket): void {
    if (ticket.work !== NO_WORK) {
      this.workPool[this.workPool.length] = ticket.work;
      ticket.work = NO_WORK;
    }
  }

  /**
   * Returns a finished ticket to the pool, so the hot path allocates no ticket objects in
   * steady state: only once closed and no calendar entry points at it any more (a timer
   * that fires later releases it). Never an abandoned ticket, whose stale entry may remain
   * in a queue.
   */
  release(ticket: Ticket): void {
    if (ticket.state === TicketState.Done && ticket.pendingTimers === 0) this.pool[this.pool.length] = ticket;
  }

  follow(from: Ticket, now: number): Ticket {
    const ticket = this.pool.pop() ?? new Ticket();
    ticket.init(
      this.nextTicketId++,
      now,
      from.channel,
      from.category,
      from.complexity,
      from.priority,
      from.bucket,
      from.customer,
    );
    ticket.contacts = from.contacts + 1;
    ticket.issue = from.issue;
    // A defect nobody filed with engineering (a ticket closed instead) is still there.
    ticket.needsEngineering = from.needsEngineering;
    return ticket;
  }

  /** A new ticket about the same issue (gaming: a split): its identity and draws, one contact more. */
  spawn(from: Ticket, now: number): Ticket {
    const ticket = this.follow(from, now);
    ticket.chainPosition = from.chainPosition;
    ticket.asked = from.asked;
    ticket.needsEngineering = from.needsEngineering;
    ticket.consultDraw = from.consultDraw;
    ticket.hitDraw = from.hitDraw;
    ticket.work = this.takeWork();
    for (let index = 0; index < from.work.length; index++) ticket.work[index] = from.work[index]!;
    return ticket;
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

  /** Back to a tier's queue in the place it held (gaming, with selective queues; an agent who took it keeps it, so no patience). */
  requeue(ticket: Ticket, tierIndex: number, now: number): void {
    ticket.tier = tierIndex;
    ticket.state = TicketState.Queued;
    this.emit(now, 'queued', ticket.id, undefined, this.tierIds[tierIndex]);
    const tier = this.tiers[tierIndex]!;
    const agent = tier.idle.take() ?? this.blendingAgent(tierIndex);
    if (agent !== undefined) this.assign(agent, ticket, now);
    else this.gaming!.queues[tierIndex]!.restore(ticket);
  }

  private assign(agent: Agent, ticket: Ticket, now: number): void {
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
    this.workDone.set(agent.slot, now + workTime);
  }

  private finishWork(agent: Agent, now: number): void {
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
  private outcomeOf(ticket: Ticket, tier: TierModel): Outcome {
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

  /** Probability that the agent's resolution really fixes the problem: the tier's accuracy, raised by a knowledge hit, lowered by a new hire or fatigue (and gaming's say). */
  private fixProbability(ticket: Ticket, agent: Agent, tier: TierModel, now: number): number {
    let probability = this.knowledge.fixProbability(tier.accuracy[ticket.complexity]!, ticket.knowledgeHit);
    if (this.workforce.enabled) probability *= this.workforce.personalAccuracy(agent, now);
    return this.gaming === null ? probability : this.gaming.fixProbability(ticket, probability);
  }

  /** The agent passes the ticket to its tier's escalation target, with a note to the customer if the tier writes one. */
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
    const next = this.gaming === null ? tier.queue.take() : this.gaming.next(agent, tier.queue, now);
    if (next !== undefined) this.assign(agent, next, now);
    else if (!this.blending.enabled || !this.blend(agent, now)) tier.idle.add(agent);
  }

  /** Blending: a free agent whose own queue is empty takes the source tier's next ticket, if the reserve allows. */
  private blend(agent: Agent, now: number): boolean {
    const source = this.blending.sourceFor(agent.tier);
    if (source < 0) return false;
    const queue = this.tiers[source]!.queue;
    const next = this.gaming === null ? queue.take() : this.gaming.next(agent, queue, now);
    if (next === undefined) return false;
    this.assign(agent, next, now);
    return true;
  }

  /** Blending: an idle agent of a tier that may take a ticket just queued at `tier`, if the reserve allows. */
  private blendingAgent(tier: number): Agent | undefined {
    if (!this.blending.enabled) return undefined;
    const blender = this.blending.blenderFor(tier);
    return blender < 0 ? undefined : this.tiers[blender]!.idle.take();
  }

  private abandon(ticket: Ticket, now: number): void {
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

  /** The agent closes a resolved ticket at once (not fixed): it cannot be reopened, and its customer is surveyed now. */
  private closeNow(ticket: Ticket, now: number): void {
    ticket.state = TicketState.Done;
    this.emit(now, 'closed', ticket.id, undefined, this.tierIds[ticket.tier], 'agent');
    const probability = this.opinion.satisfiedProbability(ticket, false, now);
    this.opinion.settle(ticket.id, probability, this.opinion.effort(), now, true);
    this.release(ticket);
  }

  /**
   * A resolved ticket closes when the reopen window ends, unless reopened before. One that
   * cannot be reopened (no customer return pending) is done with now: only its id waits.
   */
  private awaitClose(ticket: Ticket, now: number, reopenable: boolean, fixed: boolean): void {
    ticket.closeDue = now + this.model.reopenWindow;
    // The experience is complete unless the ticket is reopened (then this entry goes stale).
    const probability = this.opinion.satisfiedProbability(ticket, fixed, now);
    const effort = this.opinion.effort();
    if (reopenable) {
      ticket.state = TicketState.Resolved;
      this.closing.push(ticket.id, ticket.closeDue, ticket, probability, effort);
    } else {
      ticket.state = TicketState.Done;
      this.closing.push(ticket.id, ticket.closeDue, null, probability, effort);
      this.release(ticket);
    }
  }

  /** The head of the close queue is due: close it (unless it was reopened since). */
  private close(now: number): void {
    const closing = this.closing;
    const id = closing.shift();
    if (id < 0) return;
    this.emit(now, 'closed', id, undefined, undefined);
    const ticket = closing.ticket;
    if (ticket !== null) {
      ticket.state = TicketState.Done;
      this.release(ticket);
    }
    this.opinion.settle(id, closing.probability, closing.effort, now, true);
  }
}
