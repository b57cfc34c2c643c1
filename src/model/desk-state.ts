/**
 * The desk's state and a ticket's life outside service: the fields of one replication (random
 * streams, tiers' queues and idle agents, the mechanisms, pools), what mechanisms and gaming
 * behaviours may call (`Desk`, `GamingDesk`: events, replies, the calendar), a new ticket's
 * arrival and opening, and its identity and work content (drawn once, at creation) with the
 * pools that recycle tickets and work arrays. `DeskSimulation` (simulate.ts) extends it with
 * the event loop and the flow of tickets through queues and agents: routing, service,
 * resolution, escalation and closing. One class at run time, so calls stay monomorphic.
 */
import { EventCalendar, SlotTimers, createStream, type Rng } from '../engine/index.js';
import { fieldSink, type EventSink, type EventType, type FieldSink, type ReplyKind } from '../eventlog/types.js';
import { type ArrivalSource, ArrivalSources } from './arrival-sources.js';
import { pick, type DeskModel } from './build.js';
import { createGaming, type Gaming, type GamingDesk, type Resolution } from './gaming/index.js';
import {
  type CalendarHandler,
  createMechanisms,
  dispatchTable,
  Kind,
  mechanismCalendar,
  type Mechanisms,
  Search,
  type Desk,
} from './mechanisms/index.js';
import { createPluginMechanisms, type PluginHost, type PluginMechanisms } from './mechanisms/plugins.js';
import {
  type Agent,
  CloseQueue,
  IdleList,
  NO_WORK,
  Ticket,
  TicketQueue,
  TicketState,
  WORK_STRIDE,
  type TierQueue,
} from '../desk/structures.js';

/** A tier's queue and its idle agents. */
export interface TierState {
  queue: TierQueue;
  idle: IdleList;
}

/** The state of one replication and everything around service; `DeskSimulation` adds the flow. */
export abstract class DeskState implements GamingDesk, Desk, PluginHost {
  protected readonly calendar = new EventCalendar<object>();
  /**
   * When each agent (by seat, the order of `agents`) finishes the work in hand: beside the
   * calendar (see `DeskSimulation.loop`).
   */
  protected readonly workDone: SlotTimers;
  protected readonly tiers: TierState[];
  protected readonly ticketRandom: Rng;
  protected readonly workRandom: Rng;
  protected readonly patienceRandom: Rng;
  protected readonly truthRandom: Rng;
  readonly reworkRandom: Rng;
  protected readonly identityRandom: Rng;
  readonly tierIds: string[];
  readonly gaming: Gaming | null;
  readonly agents: Agent[] = [];
  protected readonly closing = new CloseQueue();
  // The built-in mechanisms (mechanisms/index.ts), each in a field of its own type: calls stay monomorphic.
  protected readonly knowledge: Mechanisms['knowledge'];
  protected readonly engineering: Mechanisms['engineering'];
  protected readonly opinion: Mechanisms['opinion'];
  protected readonly information: Mechanisms['information'];
  protected readonly returns: Mechanisms['returns'];
  protected readonly workforce: Mechanisms['workforce'];
  protected readonly aging: Mechanisms['aging'];
  protected readonly handoffs: Mechanisms['handoffs'];
  protected readonly automation: Mechanisms['automation'];
  protected readonly channelHours: Mechanisms['channelHours'];
  protected readonly blending: Mechanisms['blending'];
  /** The plug-in mechanisms the scenario uses (`src/mechanisms/`), or null: then no hook is asked. */
  protected readonly plugins: PluginMechanisms | null;
  /** The calendar's dispatch table: each kind's handler, by kind (`dispatchTable`). */
  protected readonly calendarHandlers: CalendarHandler[];
  /** Every arrival source, and the one whose arrival is next. */
  protected readonly arrivals: ArrivalSources;
  protected nextTicketId = 1;
  /** Tickets opened (ids of issues deflected by self-service stay unused). */
  protected ticketsOpened = 0;
  /** Finished tickets ready for reuse. */
  protected readonly pool: Ticket[] = [];
  /**
   * Work arrays ready for reuse. A ticket holds one only while it is being worked on;
   * resolved tickets wait days to close, and their arrays would go cold in the meantime.
   */
  protected readonly workPool: number[][] = [];
  // Both pools grow by `pool[pool.length] = item`, not `push`: V8 cannot infer these fields'
  // array maps, so it does not inline `push` and calls the generic builtin (~110 machine
  // instructions per call, measured); an indexed store goes through an inline cache.
  /** Where events go: the sink's `emitFields`, or an adapter filling one reused event for its `emit`. */
  protected readonly out: FieldSink;

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
    this.handoffs = mechanisms.handoffs;
    this.automation = mechanisms.automation;
    this.channelHours = mechanisms.channelHours;
    this.blending = mechanisms.blending;
    this.arrivals = new ArrivalSources(model, replication);
    this.plugins = createPluginMechanisms(model, this, replication);
    const abandon: CalendarHandler = (entry, now) => this.abandon(entry as Ticket, now);
    this.calendarHandlers = dispatchTable(
      [[Kind.Abandonment, abandon], ...mechanismCalendar(mechanisms)],
      this.plugins,
    );
  }

  // --- the ticket flow (simulate.ts) ------------------------------------------------------

  abstract enqueue(ticket: Ticket, tierIndex: number, now: number): void;
  abstract requeue(ticket: Ticket, tierIndex: number, now: number): void;
  abstract resolve(ticket: Ticket, agent: Agent, now: number, resolution: Resolution): void;
  abstract settleResolution(ticket: Ticket, tier: string, fixed: boolean, now: number): void;
  abstract escalate(ticket: Ticket, agent: Agent, now: number): void;
  abstract becomeFree(agent: Agent, now: number): void;
  protected abstract abandon(ticket: Ticket, now: number): void;

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

  /** Puts an entry on the calendar: a `Kind`, or a plug-in's kind (`FIRST_PLUGIN_KIND` on). */
  schedule(time: number, kind: number, entry: object): void {
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

  /** Blending (mechanisms/blending.ts): an idle agent of a tier that may take a ticket just queued at `tier`. */
  protected blendingAgent(tier: number): Agent | undefined {
    if (!this.blending.enabled) return undefined;
    const blender = this.blending.blenderFor(tier);
    return blender < 0 ? undefined : this.tiers[blender]!.idle.take();
  }

  /** Blending: the source tier's next ticket for a free agent whose own queue is empty, if the reserve allows. */
  protected blendedTicket(agent: Agent, now: number): Ticket | undefined {
    const source = this.blending.enabled ? this.blending.sourceFor(agent.tier) : -1;
    if (source < 0) return undefined;
    const queue = this.tiers[source]!.queue;
    return this.gaming === null ? queue.take() : this.gaming.next(agent, queue, now);
  }

  // --- arrivals ----------------------------------------------------------------------------

  protected arrive(source: ArrivalSource, now: number): void {
    const ticket = this.createTicket(now, source.category);
    this.arrivals.schedule(source, now);
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
    const { channels, categories, priorities } = this.model;
    // A split (already taken by its agent) is the desk's own doing: opening hours apply to customers' contacts.
    const afterHours = this.channelHours.used && !ticket.taken ? this.channelHours.admit(ticket, now) : undefined;
    if (afterHours === 'turned_away') {
      this.channelHours.turnAway(ticket, now);
      return;
    }
    this.ticketsOpened++;
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
    if (this.plugins !== null) this.plugins.opened(ticket, now);
    if (this.automation.enabled && this.automation.take(ticket, now)) return;
    this.enqueue(ticket, this.model.channels[ticket.channel]!.entryTier, now);
  }

  // --- a ticket's identity and work content, and the pools ----------------------------------

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
}
