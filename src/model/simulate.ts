/**
 * Simulate: one replication of a `DeskModel`, streaming SPEC §4 events into a sink.
 *
 *   arrival ──▶ created ──▶ queued(entry tier) ──▶ assigned ──▶ work ──┬─▶ resolved, [truth_fixed], closed
 *                              ▲        │ patience runs out             └─▶ escalated ──┐
 *                              │        └─▶ abandoned                                    │
 *                              └──────────────── queued(target tier) ◀───────────────────┘
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
import { fieldSink, type EventSink, type EventType, type FieldSink } from '../eventlog/types.js';
import { pick, type DeskModel, type TierModel } from './build.js';
import { BRIEF_SESSION, createGaming, Outcome, Resolution, type Gaming, type GamingDesk } from './gaming/index.js';
import { effortPoints, responseProbability, satisfiedProbability, surveyAnswers, type Experience, type SurveyAnswers } from './satisfaction.js';
import { Agent, CloseQueue, IdleList, NO_WORK, ShiftChange, Ticket, TicketQueue, TicketState, WORK_STRIDE, type TierQueue } from './structures.js';

/**
 * Kinds of event, and their tie-breaking at equal times: finish work first, then duty
 * changes, closes (a customer returning just as the window ends opens a new ticket),
 * abandonment, customer returns, customer answers, silent customers' tickets closed by
 * policy, engineering fixes delivered, survey answers, arrivals. Agents' absences, the
 * daily attrition review and hires come right after shift changes. Finishing work, closes
 * and arrivals are not calendar entries: see the event loop.
 */
const enum Priority {
  WorkDone = 0,
  ShiftChange = 1,
  Absence = 2,
  Review = 3,
  Hire = 4,
  Close = 5,
  Abandonment = 6,
  Return = 7,
  CustomerReply = 8,
  SilentClose = 9,
  EngineeringDone = 10,
  SurveyAnswer = 11,
  Arrival = 12,
}

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

/** A survey answer on its way (the ticket itself may be recycled by then). */
class SurveyReply {
  constructor(
    readonly ticket: number,
    readonly answers: { csat: number; ces: number; nps: number },
  ) {}
}

/** The daily review of who leaves (one calendar entry a day, for all agents). */
const REVIEW = { review: true } as const;

type CalendarEntry = Ticket | Agent | ShiftChange | SurveyReply | typeof REVIEW;

const MINUTES_PER_DAY = 24 * 60;

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

class DeskSimulation implements GamingDesk {
  private readonly calendar = new EventCalendar<CalendarEntry>();
  /** When each agent (by seat, the order of `agents`) finishes the work in hand: beside the calendar (see `run`). */
  private readonly workDone: SlotTimers;
  private readonly tiers: TierState[];
  private readonly ticketRandom: Rng;
  private readonly workRandom: Rng;
  private readonly patienceRandom: Rng;
  private readonly truthRandom: Rng;
  private readonly reworkRandom: Rng;
  private readonly identityRandom: Rng;
  private readonly returnRandom: Rng;
  private readonly engineeringRandom: Rng;
  private readonly infoRandom: Rng;
  private readonly knowledgeRandom: Rng;
  private readonly articleRandom: Rng;
  private readonly selfServiceRandom: Rng;
  /** Knowledge-base coverage by category, as of `coverageAt` (decay is applied when read). */
  private readonly coverage: Float64Array;
  private readonly coverageAt: Float64Array;
  private readonly replyRandom: Rng;
  private readonly engineeringDelayRandom: Rng;
  private readonly satisfactionRandom: Rng;
  private readonly surveyRandom: Rng;
  private readonly tierIds: string[];
  /** The gaming behaviours in play, or null. */
  private readonly gaming: Gaming | null;
  /** Probability that an entry-tier agent consults the knowledge base (effort may raise it). */
  private readonly consult: number;
  /** Every seat, in plan order. */
  private readonly agents: Agent[] = [];
  private readonly closing = new CloseQueue();
  /** Reused for a customer's answers before they are copied into an event's value. */
  private readonly answers: SurveyAnswers = { rating: 0, csat: 0, ces: 0, nps: 0 };
  /** The value of every `truth_satisfaction` event, refilled each time (sinks copy what they keep: see `EventSink`). */
  private readonly truthValue = { csat: 0, ces: 0, nps: 0 };
  /** Reused to describe a ticket's experience (see `experienceOf`). */
  private readonly experience: Experience = {
    contacts: 1,
    fixed: false,
    handoffs: 0,
    exchanges: 0,
    genericReplies: 0,
    firstResponseWait: 0,
    resolutionWait: 0,
    searchedFirst: false,
  };
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
    private readonly model: DeskModel,
    private readonly replication: number,
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
    this.returnRandom = createStream(seed, replication, 'customer.return');
    this.engineeringRandom = createStream(seed, replication, 'ticket.engineering');
    this.infoRandom = createStream(seed, replication, 'customer.info');
    this.knowledgeRandom = createStream(seed, replication, 'knowledge.lookup');
    this.articleRandom = createStream(seed, replication, 'knowledge.articles');
    this.selfServiceRandom = createStream(seed, replication, 'customer.self_service');
    this.coverage = Float64Array.from(model.knowledge.coverage);
    this.coverageAt = new Float64Array(model.knowledge.coverage.length);
    this.replyRandom = createStream(seed, replication, 'customer.reply');
    this.engineeringDelayRandom = createStream(seed, replication, 'engineering.delay');
    this.satisfactionRandom = createStream(seed, replication, 'customer.satisfaction');
    this.surveyRandom = createStream(seed, replication, 'customer.survey');
    this.tierIds = model.tiers.map((tier) => tier.id);
    this.workDone = new SlotTimers(model.tiers.reduce((seats, tier) => seats + tier.agents.length, 0));
    this.gaming = createGaming(model, this, replication);
    this.consult = this.gaming?.consultProbability ?? model.knowledge.consult;
    this.tiers = model.tiers.map((tier) => ({
      queue: this.gaming?.queues[tier.index] ?? new TicketQueue(model.bucketCount, tier.index),
      idle: new IdleList(),
    }));
  }

  run(): SimulationResult {
    this.start();
    this.loop();
    return { replication: this.replication, ticketsCreated: this.ticketsOpened, endTime: this.model.horizon };
  }

  /** The initial calendar: shifts, the attrition review, the first arrival of each source. */
  private start(): void {
    const model = this.model;
    this.planShifts();
    if (model.workforce.attritionPerMinute > 0 && MINUTES_PER_DAY <= model.horizon) this.calendar.schedule(MINUTES_PER_DAY, Priority.Review, REVIEW);
    // Forecast error has its own stream: turning it on changes the arrivals, no other draw.
    const cv = model.scenario.arrivals.busyness_cv ?? 0;
    const busy = cv === 0 ? undefined : busyDayFactors(model.horizon / MINUTES_PER_DAY, cv, createStream(model.scenario.seed, this.replication, 'arrivals.busyness'));
    const rate = busy === undefined ? model.arrivalRate : new BusyDaysRate(model.arrivalRate, busy);
    const main = new ArrivalSource(new ThinningArrivals(rate, createStream(model.scenario.seed, this.replication, 'arrivals')), -1);
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
      if (closeDue <= horizon && closeDue <= arrivalDue && (closeDue < nextTime || (closeDue === nextTime && calendar.peekPriority() > Priority.Close))) {
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
        case Priority.Abandonment:
          this.abandon(entry as Ticket, now);
          break;
        case Priority.ShiftChange:
          this.changeDuty(entry as ShiftChange, now);
          break;
        case Priority.Return:
          this.customerReturns(entry as Ticket, now);
          break;
        case Priority.EngineeringDone:
          this.engineeringDelivers(entry as Ticket, now);
          break;
        case Priority.CustomerReply:
          this.customerAnswers(entry as Ticket, now);
          break;
        case Priority.SilentClose:
          this.closeSilent(entry as Ticket, now);
          break;
        case Priority.SurveyAnswer:
          this.answerSurvey(entry as SurveyReply, now);
          break;
        case Priority.Absence:
          this.toggleAbsence(entry as Agent, now);
          break;
        case Priority.Review:
          this.reviewAttrition(now);
          break;
        case Priority.Hire:
          this.hire(entry as Agent, now);
          break;
      }
    }
  }

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

  /** An event that also names the ticket's channel, category, priority or customer. */
  private emitAbout(
    time: number,
    type: EventType,
    ticket: number | undefined,
    kind: string | undefined,
    channel: string | undefined,
    category: string | undefined,
    priority: string | undefined,
    customer: number,
  ): void {
    this.out.emitFields(time, type, ticket, undefined, undefined, kind, undefined, channel, category, priority, customer);
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
      if (next === null || candidate.due < next.due || (candidate.due === next.due && candidate.drawn < next.drawn)) next = candidate;
    }
    this.nextSource = next;
  }

  private arrive(source: ArrivalSource, now: number): void {
    const ticket = this.createTicket(now, source.category);
    this.scheduleArrival(source, now);
    // Self-service first: two draws per arrival from their own stream (none on a desk
    // without self-service: skipping an unused stream shifts no other draw).
    const knowledge = this.model.knowledge;
    const searches = knowledge.selfService > 0 && this.selfServiceRandom() < knowledge.selfService;
    const found = knowledge.selfService > 0 && this.selfServiceRandom() < this.coverageOf(ticket.category, now);
    if (searches && found) {
      // Deflected: the knowledge base answered, and no ticket is opened (its id stays unused).
      const { channels, categories } = this.model;
      this.emitAbout(now, 'self_service', undefined, 'deflected', channels[ticket.channel]!.id, categories[ticket.category]!.id, undefined, ticket.customer);
      ticket.state = TicketState.Done;
      this.dropWork(ticket);
      this.release(ticket);
      return;
    }
    this.open(ticket, now, searches);
  }

  /** Coverage of a category now, after the decay since it was last updated. */
  private coverageOf(category: number, now: number): number {
    const coverage = this.coverage[category]!;
    if (coverage === 0) return 0;
    const decayed = coverage * Math.pow(this.model.knowledge.retentionPerMinute, now - this.coverageAt[category]!);
    this.coverage[category] = decayed;
    this.coverageAt[category] = now;
    return decayed;
  }

  /** A new ticket enters the log (after a failed self-service search, if any) and the entry tier's queue. */
  open(ticket: Ticket, now: number, searchedFirst = false): void {
    this.ticketsOpened++;
    const { channels, categories, priorities } = this.model;
    this.emitAbout(now, 'created', ticket.id, undefined, channels[ticket.channel]!.id, categories[ticket.category]!.id, priorities[ticket.priority]!.id, ticket.customer);
    ticket.searchedFirst = searchedFirst;
    if (searchedFirst) this.emit(now, 'self_service', ticket.id, undefined, undefined, 'failed');
    if (ticket.issue !== ticket.id) this.emit(now, 'truth_issue', ticket.id, undefined, undefined, undefined, ticket.issue);
    this.enqueue(ticket, this.model.chain[0]!, now);
  }

  private createTicket(now: number, forcedCategory: number): Ticket {
    const { model, ticketRandom, workRandom, truthRandom } = this;
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
    ticket.init(id, now, channel, categoryIndex, complexity, priority, model.priorities[priority]!.bucket, customer);
    this.drawMechanisms(ticket, category.needsEngineering);
    this.drawWork(ticket, workRandom, truthRandom, model.customers.infoRequested ? this.infoRandom : null);
    return ticket;
  }

  /**
   * A new ticket's engineering and knowledge-base draws. Each from its own stream, drawn per
   * ticket whatever the shares, so arrivals keep their draws; a desk without the mechanism
   * skips the stream altogether (no other draw moves).
   */
  private drawMechanisms(ticket: Ticket, needsEngineering: number): void {
    const model = this.model;
    ticket.needsEngineering = model.engineeringUsed && this.engineeringRandom() < needsEngineering;
    if (model.knowledge.enabled) {
      ticket.consultDraw = this.knowledgeRandom();
      ticket.hitDraw = this.knowledgeRandom();
    }
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

  /** An array for a ticket's work content: a recycled one (see `dropWork`), else a new one. */
  private takeWork(): number[] {
    return this.workPool.pop() ?? new Array<number>(WORK_STRIDE * this.model.chain.length).fill(0);
  }

  /** The ticket needs no more work content: recycle its array. */
  private dropWork(ticket: Ticket): void {
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
  private release(ticket: Ticket): void {
    if (ticket.state === TicketState.Done && ticket.pendingTimers === 0) this.pool[this.pool.length] = ticket;
  }

  // --- queues and service ---------------------------------------------------------

  enqueue(ticket: Ticket, tierIndex: number, now: number): void {
    ticket.tier = tierIndex;
    ticket.state = TicketState.Queued;
    this.emit(now, 'queued', ticket.id, undefined, this.tierIds[tierIndex]);
    const tier = this.tiers[tierIndex]!;
    const agent = tier.idle.take();
    if (agent !== undefined) {
      this.assign(agent, ticket, now);
      return;
    }
    tier.queue.push(ticket);
    if (!ticket.taken) {
      const patience = this.model.channels[ticket.channel]!.patience;
      if (patience !== null) {
        ticket.pendingTimers++;
        this.calendar.schedule(now + patience.sample(this.patienceRandom), Priority.Abandonment, ticket);
      }
    }
  }

  /** Back to a tier's queue in the place it held (gaming, with selective queues; an agent who took it keeps it, so no patience). */
  requeue(ticket: Ticket, tierIndex: number, now: number): void {
    ticket.tier = tierIndex;
    ticket.state = TicketState.Queued;
    this.emit(now, 'queued', ticket.id, undefined, this.tierIds[tierIndex]);
    const tier = this.tiers[tierIndex]!;
    const agent = tier.idle.take();
    if (agent !== undefined) this.assign(agent, ticket, now);
    else this.gaming!.queues[tierIndex]!.restore(ticket);
  }

  /** A new ticket about the same issue (gaming: a split): its identity and draws, one contact more. */
  spawn(from: Ticket, now: number): Ticket {
    const ticket = this.pool.pop() ?? new Ticket();
    ticket.init(this.nextTicketId++, now, from.channel, from.category, from.complexity, from.priority, from.bucket, from.customer);
    ticket.contacts = from.contacts + 1;
    ticket.issue = from.issue;
    ticket.chainPosition = from.chainPosition;
    ticket.asked = from.asked;
    ticket.needsEngineering = from.needsEngineering;
    ticket.consultDraw = from.consultDraw;
    ticket.hitDraw = from.hitDraw;
    ticket.work = this.takeWork();
    for (let index = 0; index < from.work.length; index++) ticket.work[index] = from.work[index]!;
    return ticket;
  }

  private assign(agent: Agent, ticket: Ticket, now: number): void {
    const tierId = this.tierIds[agent.tier];
    ticket.state = TicketState.InService;
    ticket.taken = true;
    agent.ticket = ticket;
    this.emit(now, 'assigned', ticket.id, agent.name, tierId);
    this.emit(now, 'work_started', ticket.id, agent.name, tierId);
    if (!ticket.replied && this.model.channels[ticket.channel]!.repliesOnPickup) {
      ticket.replied = true;
      ticket.firstReplyAt = now;
      this.emit(now, 'replied', ticket.id, agent.name, tierId, 'substantive');
    }
    const tier = this.model.tiers[agent.tier]!;
    let speed = tier.speed;
    if (this.model.workforce.enabled) {
      this.observe(agent, now, false);
      speed *= this.personalSpeed(agent, now);
    }
    let workTime = ticket.work[WORK_STRIDE * ticket.chainPosition]! / speed;
    if (this.gaming !== null) workTime = this.gaming.plan(agent, ticket, workTime, now);
    ticket.knowledgeHit = false;
    if (this.model.knowledge.enabled && agent.tier === this.model.chain[0] && (ticket.session & BRIEF_SESSION) === 0) workTime = this.consultKnowledge(agent, ticket, workTime, now);
    this.workDone.set(agent.slot, now + workTime);
  }

  /** An entry-tier agent may look the ticket up in the knowledge base: the session's work time after it. */
  private consultKnowledge(agent: Agent, ticket: Ticket, workTime: number, now: number): number {
    const coverage = this.coverageOf(ticket.category, now);
    if (!(coverage > 0 && ticket.consultDraw < this.consult)) return workTime;
    const knowledge = this.model.knowledge;
    ticket.knowledgeHit = ticket.hitDraw < coverage;
    this.emit(now, 'kb_consulted', ticket.id, agent.name, this.tierIds[agent.tier], ticket.knowledgeHit ? 'hit' : 'miss');
    return knowledge.lookupTime + (ticket.knowledgeHit ? workTime * knowledge.handleTimeFactor : workTime);
  }

  private finishWork(agent: Agent, now: number): void {
    const ticket = agent.ticket!;
    agent.ticket = null;
    const tier = this.model.tiers[agent.tier]!;
    this.emit(now, 'work_ended', ticket.id, agent.name, tier.id);
    if (this.model.workforce.enabled) this.observe(agent, now, true);
    const outcome = this.outcomeOf(ticket, tier);
    if (this.gaming === null || !this.gaming.finish(agent, ticket, outcome, now)) {
      if (outcome === Outcome.AskCustomer) this.askCustomer(ticket, agent, now);
      else if (outcome === Outcome.Engineering) this.fileWithEngineering(ticket, agent, now);
      else if (outcome === Outcome.Resolve) this.resolve(ticket, agent, now, Resolution.Drawn);
      else this.escalate(ticket, agent, now);
    }
    this.becomeFree(agent, now);
  }

  /** How the session just finished on a ticket ends, as the ticket's draws have it. */
  private outcomeOf(ticket: Ticket, tier: TierModel): Outcome {
    const position = WORK_STRIDE * ticket.chainPosition;
    if (!ticket.asked && ticket.work[position + 3]! < this.model.customers.infoRequest[ticket.complexity]!) return Outcome.AskCustomer;
    const skill = tier.skill[ticket.complexity]!;
    const solved = tier.escalatesTo < 0 || ticket.work[position + 1]! < (ticket.knowledgeHit ? skill + this.model.knowledge.solveBoost * (1 - skill) : skill);
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
    const tier = this.model.tiers[agent.tier]!;
    if (!ticket.replied) ticket.firstReplyAt = now;
    ticket.replied = true;
    this.emit(now, 'replied', ticket.id, agent.name, tier.id, 'substantive');
    this.emit(now, 'resolved', ticket.id, agent.name, tier.id);
    let fixed = false;
    if (resolution === Resolution.Drawn) {
      fixed = ticket.work[WORK_STRIDE * ticket.chainPosition + 2]! < this.fixProbability(ticket, agent, tier, now);
      // What a higher tier solves after an escalation may become an article for the entry tier.
      if (this.model.knowledge.enabled && ticket.chainPosition > 0) this.mayWriteArticle(ticket.category, now);
    }
    this.dropWork(ticket);
    if (this.gaming !== null) this.gaming.resolved(ticket, agent, now);
    let returns = false;
    if (fixed) {
      this.emit(now, 'truth_fixed', ticket.id, undefined, tier.id);
    } else if (resolution !== Resolution.Part) {
      returns = this.mayReturn(ticket, now);
    }
    if (resolution === Resolution.Closed) this.closeNow(ticket, now);
    else this.awaitClose(ticket, now, returns, fixed);
  }

  /** A customer whose problem is not fixed comes back with `return_when_not_fixed`: schedules the return; true if so. */
  private mayReturn(ticket: Ticket, now: number): boolean {
    const customers = this.model.customers;
    if (this.returnRandom() >= customers.returnProbability) return false;
    ticket.pendingTimers++;
    this.calendar.schedule(now + customers.returnDelay.sample(this.returnRandom), Priority.Return, ticket);
    return true;
  }

  /** Probability that the agent's resolution really fixes the problem: the tier's accuracy, raised by a knowledge hit, lowered by a new hire or fatigue (and gaming's say). */
  private fixProbability(ticket: Ticket, agent: Agent, tier: TierModel, now: number): number {
    const accuracy = tier.accuracy[ticket.complexity]!;
    let probability = ticket.knowledgeHit ? accuracy + this.model.knowledge.fixBoost * (1 - accuracy) : accuracy;
    if (this.model.workforce.enabled) probability *= this.personalAccuracy(agent, now);
    return this.gaming === null ? probability : this.gaming.fixProbability(ticket, probability);
  }

  /** A higher tier's solution may become an article for the entry tier: the category's coverage rises. */
  private mayWriteArticle(category: number, now: number): void {
    const knowledge = this.model.knowledge;
    if (this.articleRandom() >= knowledge.articleProbability) return;
    this.coverage[category] = Math.min(1, this.coverageOf(category, now) + knowledge.articleGain);
    this.coverageAt[category] = now;
  }

  /** The agent closes a resolved ticket at once (not fixed): it cannot be reopened, and its customer is surveyed now. */
  private closeNow(ticket: Ticket, now: number): void {
    ticket.state = TicketState.Done;
    this.emit(now, 'closed', ticket.id, undefined, this.tierIds[ticket.tier], 'agent');
    const probability = this.satisfiedProbabilityOf(ticket, false, now);
    this.settleSatisfaction(ticket.id, probability, effortPoints(this.experience), now, true);
    this.release(ticket);
  }

  /** The agent passes the ticket to its tier's escalation target, with a note to the customer if the tier writes one. */
  escalate(ticket: Ticket, agent: Agent, now: number): void {
    const tier = this.model.tiers[agent.tier]!;
    const target = tier.escalatesTo;
    if (tier.repliesOnEscalation) {
      if (!ticket.replied) ticket.firstReplyAt = now;
      ticket.replied = true;
      this.emit(now, 'replied', ticket.id, agent.name, tier.id, 'substantive');
    }
    this.emit(now, 'escalated', ticket.id, agent.name, tier.id, undefined, this.tierIds[target]);
    ticket.handoffs++;
    ticket.chainPosition++;
    ticket.asked = false;
    if (this.gaming !== null && this.gaming.escalating(agent, ticket, target, now)) return;
    this.enqueue(ticket, target, now);
  }

  /** An agent without a ticket: leave if the shift is over, else take the next ticket or wait. */
  private becomeFree(agent: Agent, now: number): void {
    if (agent.leaving) {
      agent.leaving = false;
      this.goOffDuty(agent, now, agent.leaveKind);
      return;
    }
    const tier = this.tiers[agent.tier]!;
    const next = this.gaming === null ? tier.queue.take() : this.gaming.next(agent, tier.queue, now);
    if (next !== undefined) this.assign(agent, next, now);
    else tier.idle.add(agent);
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
    this.settleUnresolved(ticket, now);
  }

  // --- closing, and customers coming back ----------------------------------------------

  /**
   * A resolved ticket closes when the reopen window ends, unless reopened before. One that
   * cannot be reopened (no customer return pending) is done with now: only its id waits.
   */
  private awaitClose(ticket: Ticket, now: number, reopenable: boolean, fixed: boolean): void {
    ticket.closeDue = now + this.model.reopenWindow;
    // The experience is complete unless the ticket is reopened (then this entry goes stale).
    const probability = this.satisfiedProbabilityOf(ticket, fixed, now);
    const effort = effortPoints(this.experience);
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
    this.settleSatisfaction(id, closing.probability, closing.effort, now, true);
  }

  // --- satisfaction and surveys ---------------------------------------------------------

  /** The experience of a ticket now (one reused object: read it before the next call). */
  private experienceOf(ticket: Ticket, fixed: boolean, now: number): Experience {
    const experience = this.experience;
    experience.contacts = ticket.contacts;
    experience.fixed = fixed;
    experience.handoffs = ticket.handoffs;
    experience.exchanges = ticket.exchanges;
    experience.genericReplies = ticket.genericReplies;
    experience.firstResponseWait = (Number.isNaN(ticket.firstReplyAt) ? now : ticket.firstReplyAt) - ticket.createdAt;
    experience.resolutionWait = now - ticket.contactAt;
    experience.searchedFirst = ticket.searchedFirst;
    return experience;
  }

  /** The ticket's customer's satisfied probability now; `this.experience` then describes the ticket. */
  private satisfiedProbabilityOf(ticket: Ticket, fixed: boolean, now: number): number {
    return satisfiedProbability(this.model.customers.satisfaction, this.experienceOf(ticket, fixed, now), ticket.channel, ticket.priority);
  }

  /** A ticket ended without a resolution (abandoned, or closed for want of an answer): not fixed, no survey. */
  private settleUnresolved(ticket: Ticket, now: number): void {
    const probability = this.satisfiedProbabilityOf(ticket, false, now);
    this.settleSatisfaction(ticket.id, probability, effortPoints(this.experience), now, false);
  }

  /**
   * A ticket has ended: record what its customer thinks (truth_satisfaction), and, after a
   * resolution, survey them; a respondent answers after a delay. Draws from their own
   * streams, two per ticket for the answers and up to three per survey.
   */
  private settleSatisfaction(ticket: number, probability: number, effort: number, now: number, resolved: boolean): void {
    const random = this.satisfactionRandom;
    const answers = surveyAnswers(probability, effort, random(), random(), this.answers);
    const value = this.truthValue;
    value.csat = answers.csat;
    value.ces = answers.ces;
    value.nps = answers.nps;
    this.emit(now, 'truth_satisfaction', ticket, undefined, undefined, undefined, value);
    const survey = this.model.customers.survey;
    if (!resolved || survey.share === 0) return;
    if (this.gaming !== null && !this.gaming.surveys(ticket)) return;
    if (this.surveyRandom() >= survey.share) return;
    this.emit(now, 'survey_sent', ticket, undefined, undefined);
    if (this.surveyRandom() < responseProbability(survey.responseRate, survey.responseBias, answers.rating)) {
      const answerAt = now + survey.delay.sample(this.surveyRandom);
      if (answerAt <= this.model.horizon) this.calendar.schedule(answerAt, Priority.SurveyAnswer, new SurveyReply(ticket, { ...value }));
    }
  }

  private answerSurvey(reply: SurveyReply, now: number): void {
    this.emit(now, 'survey_answered', reply.ticket, undefined, undefined, undefined, reply.answers);
  }

  /**
   * A customer whose problem was not really fixed comes back: within the reopen window
   * the ticket reopens and starts over at the entry tier; after it, the customer opens a
   * new ticket about the same issue (a repeat contact). New work is drawn from the rework
   * stream, so returns never shift the draws of arriving tickets.
   */
  private customerReturns(ticket: Ticket, now: number): void {
    ticket.pendingTimers--;
    if (ticket.state === TicketState.Resolved) {
      ticket.reopens++;
      ticket.contacts++;
      ticket.contactAt = now;
      ticket.chainPosition = 0;
      ticket.asked = false;
      ticket.closeDue = Number.NaN;
      this.drawWork(ticket, this.reworkRandom, this.reworkRandom, this.reworkRandom);
      this.emitAbout(now, 'reopened', ticket.id, undefined, undefined, undefined, undefined, ticket.customer);
      this.enqueue(ticket, this.model.chain[0]!, now);
      return;
    }
    const repeat = this.pool.pop() ?? new Ticket();
    repeat.init(this.nextTicketId++, now, ticket.channel, ticket.category, ticket.complexity, ticket.priority, ticket.bucket, ticket.customer);
    repeat.contacts = ticket.contacts + 1;
    repeat.issue = ticket.issue;
    this.drawWork(repeat, this.reworkRandom, this.reworkRandom, this.reworkRandom);
    this.release(ticket);
    this.open(repeat, now);
  }

  // --- information requests -------------------------------------------------------------

  /**
   * The agent needs information to go on: a public reply asking for it, and the ticket
   * waits on the customer. Most answer after a delay; a silent one's ticket is closed by
   * the desk's rule, unresolved.
   */
  private askCustomer(ticket: Ticket, agent: Agent, now: number): void {
    const tierId = this.tierIds[agent.tier];
    ticket.asked = true;
    if (!ticket.replied) ticket.firstReplyAt = now;
    ticket.replied = true;
    ticket.exchanges++;
    ticket.state = TicketState.AwaitingCustomer;
    this.emit(now, 'replied', ticket.id, agent.name, tierId, 'info_request');
    this.emit(now, 'pending', ticket.id, agent.name, tierId, 'customer');
    ticket.pendingTimers++;
    const customers = this.model.customers;
    if (this.replyRandom() < customers.silence) {
      this.calendar.schedule(now + customers.silentCloseAfter, Priority.SilentClose, ticket);
    } else {
      this.calendar.schedule(now + customers.replyDelay.sample(this.replyRandom), Priority.CustomerReply, ticket);
    }
  }

  scheduleAnswer(ticket: Ticket, at: number): void {
    ticket.pendingTimers++;
    this.calendar.schedule(at, Priority.CustomerReply, ticket);
  }

  scheduleSilentClose(ticket: Ticket, at: number): void {
    ticket.pendingTimers++;
    this.calendar.schedule(at, Priority.SilentClose, ticket);
  }

  customerReplied(ticket: Ticket, now: number): void {
    this.emitAbout(now, 'customer_replied', ticket.id, undefined, undefined, undefined, undefined, ticket.customer);
  }

  private customerAnswers(ticket: Ticket, now: number): void {
    ticket.pendingTimers--;
    if (this.gaming !== null && this.gaming.customerAnswered(ticket, now)) {
      this.release(ticket);
      return;
    }
    this.customerReplied(ticket, now);
    this.emit(now, 'resumed', ticket.id, undefined, this.tierIds[ticket.tier], 'customer');
    // The rest of the work: a fraction of a fresh handle time; the solve and fix draws stand.
    const position = WORK_STRIDE * ticket.chainPosition;
    ticket.work[position] = this.model.complexities[ticket.complexity]!.handleTime.sample(this.reworkRandom) * this.model.customers.infoFollowUp;
    this.enqueue(ticket, ticket.tier, now);
  }

  private closeSilent(ticket: Ticket, now: number): void {
    ticket.pendingTimers--;
    ticket.state = TicketState.Done;
    this.emit(now, 'closed', ticket.id, undefined, this.tierIds[ticket.tier], 'no_reply');
    this.settleUnresolved(ticket, now);
    this.dropWork(ticket);
    this.release(ticket);
  }

  // --- engineering ----------------------------------------------------------------------

  /**
   * The agent has diagnosed a defect that support cannot fix: the ticket waits for
   * engineering (pending, kind engineering) and comes back to the same tier's queue when
   * the fix is delivered, for a follow-up session before it is resolved.
   */
  private fileWithEngineering(ticket: Ticket, agent: Agent, now: number): void {
    const tierId = this.tierIds[agent.tier];
    ticket.needsEngineering = false;
    ticket.state = TicketState.AwaitingEngineering;
    this.dropWork(ticket);
    if (this.gaming === null || !this.gaming.engineeringWait(agent, ticket, now)) this.emit(now, 'pending', ticket.id, agent.name, tierId, 'engineering');
    ticket.pendingTimers++;
    this.calendar.schedule(now + this.model.engineering.delay.sample(this.engineeringDelayRandom), Priority.EngineeringDone, ticket);
  }

  private engineeringDelivers(ticket: Ticket, now: number): void {
    ticket.pendingTimers--;
    if (this.gaming === null || !this.gaming.engineeringDelivered(ticket, now)) this.emit(now, 'resumed', ticket.id, undefined, this.tierIds[ticket.tier], 'engineering');
    // Follow-up work: a fraction of a fresh handle time; the fix is in, so the tier resolves it.
    this.drawWork(ticket, this.reworkRandom, this.reworkRandom, this.reworkRandom);
    const position = WORK_STRIDE * ticket.chainPosition;
    ticket.work[position] = ticket.work[position]! * this.model.engineering.followUp;
    ticket.work[position + 3] = 1; // the fix is in: nothing left to ask the customer
    ticket.work[position + 1] = 0;
    this.enqueue(ticket, ticket.tier, now);
  }

  // --- agents: shifts, absence, fatigue, attrition ------------------------------------------

  private planShifts(): void {
    const workforce = this.model.workforce;
    this.model.tiers.forEach((tier) => {
      for (const plan of tier.agents) {
        const agent = new Agent(plan.name, tier.index);
        agent.slot = this.agents.length;
        this.agents.push(agent);
        if (workforce.enabled || workforce.absenceShare > 0) this.giveStreams(agent);
        if (workforce.proficiency !== null) agent.proficiency = workforce.proficiency.sample(agent.proficiencyRandom);
        if (workforce.absenceShare > 0) {
          // Start in the alternating process's stationary state, so the share holds from minute 0.
          agent.absent = agent.absenceRandom() < workforce.absenceShare;
          this.scheduleAbsenceToggle(agent, 0);
        }
        for (const [start, end] of plan.onDuty) {
          if (start > this.model.horizon) break;
          this.calendar.schedule(start, Priority.ShiftChange, new ShiftChange(agent, true));
          if (end < this.model.horizon) this.calendar.schedule(end, Priority.ShiftChange, new ShiftChange(agent, false));
        }
      }
    });
  }

  private giveStreams(agent: Agent): void {
    const { seed } = this.model.scenario;
    agent.absenceRandom = createStream(seed, this.replication, `agents.${agent.seat}.absence`);
    agent.attritionRandom = createStream(seed, this.replication, `agents.${agent.seat}.attrition`);
    agent.hiringRandom = createStream(seed, this.replication, `agents.${agent.seat}.hiring`);
    agent.proficiencyRandom = createStream(seed, this.replication, `agents.${agent.seat}.proficiency`);
  }

  private changeDuty(change: ShiftChange, now: number): void {
    change.agent.scheduled = change.starts;
    this.syncDuty(change.agent, now, undefined);
  }

  /**
   * Brings an agent's duty in line with its seat's schedule, its presence and its
   * employment. Non-preemptive: an agent due off duty while busy finishes the ticket in
   * hand first (and stays if due back before then: one continuous stint). `kind` says why
   * on the shift events (none for the shift plan).
   */
  private syncDuty(agent: Agent, now: number, kind: string | undefined): void {
    const wanted = agent.scheduled && agent.employed && !agent.absent;
    if (wanted) {
      if (agent.leaving) {
        agent.leaving = false;
      } else if (!agent.onDuty) {
        agent.onDuty = true;
        agent.observedAt = now;
        this.syncAbsence(agent, now);
        this.emit(now, 'shift_started', undefined, agent.name, this.tierIds[agent.tier], kind);
        this.becomeFree(agent, now);
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

  private goOffDuty(agent: Agent, now: number, kind: string | undefined): void {
    this.tiers[agent.tier]!.idle.remove(agent);
    if (this.model.workforce.enabled) this.observe(agent, now, false);
    agent.onDuty = false;
    this.emit(now, 'shift_ended', undefined, agent.name, this.tierIds[agent.tier], kind);
    this.syncAbsence(agent, now);
  }

  /** Records paid absence: scheduled and employed, but away. */
  private syncAbsence(agent: Agent, now: number): void {
    const paid = agent.scheduled && agent.employed && agent.absent && !agent.onDuty;
    if (paid === agent.paidAbsence) return;
    agent.paidAbsence = paid;
    this.emit(now, paid ? 'absence_started' : 'absence_ended', undefined, agent.name, this.tierIds[agent.tier]);
  }

  /** Absences alternate with presence, both exponential (shrinkage = their long-run share). */
  private scheduleAbsenceToggle(agent: Agent, now: number): void {
    const workforce = this.model.workforce;
    const mean = agent.absent ? workforce.absenceMean : workforce.presenceMean;
    const at = now - mean * Math.log(1 - agent.absenceRandom());
    if (at <= this.model.horizon) this.calendar.schedule(at, Priority.Absence, agent);
  }

  private toggleAbsence(agent: Agent, now: number): void {
    agent.absent = !agent.absent;
    this.scheduleAbsenceToggle(agent, now);
    this.syncDuty(agent, now, 'absence');
  }

  /**
   * Updates the rolling utilization: an exponentially weighted busy share of on-duty time,
   * with time constant `fatigue.window`. `busy` says what the agent did since the last update.
   */
  private observe(agent: Agent, now: number, busy: boolean): void {
    const workforce = this.model.workforce;
    if (workforce.fatigueThreshold === Number.POSITIVE_INFINITY) return;
    const elapsed = now - agent.observedAt;
    agent.observedAt = now;
    if (elapsed <= 0) return;
    const target = busy ? 1 : 0;
    agent.utilization = target + (agent.utilization - target) * Math.exp(-elapsed / workforce.fatigueWindow);
  }

  private fatigued(agent: Agent): boolean {
    return agent.utilization > this.model.workforce.fatigueThreshold;
  }

  /** Where a new hire stands on the ramp from `start` to 1. */
  private rampLevel(agent: Agent, now: number, start: number): number {
    const tenure = now - agent.hiredAt;
    const ramp = this.model.workforce.rampMinutes;
    return tenure >= ramp ? 1 : start + ((1 - start) * tenure) / ramp;
  }

  /** Speed multiplier of the person: proficiency, ramp, fatigue. */
  private personalSpeed(agent: Agent, now: number): number {
    const workforce = this.model.workforce;
    const speed = agent.proficiency * this.rampLevel(agent, now, workforce.rampSpeed);
    return this.fatigued(agent) ? speed / workforce.fatigueSlowdown : speed;
  }

  /** Fix probability multiplier of the person: ramp, fatigue. */
  private personalAccuracy(agent: Agent, now: number): number {
    const workforce = this.model.workforce;
    const accuracy = this.rampLevel(agent, now, workforce.rampAccuracy);
    return this.fatigued(agent) ? accuracy * workforce.fatigueAccuracy : accuracy;
  }

  /**
   * Once a day, each person decides whether to leave: hazard `attrition.per_year`, times
   * `fatigued_multiplier` while fatigued. One draw per employed agent, from its seat's stream.
   */
  private reviewAttrition(now: number): void {
    const workforce = this.model.workforce;
    for (const agent of this.agents) {
      if (!agent.employed) continue;
      if (agent.onDuty) this.observe(agent, now, agent.ticket !== null);
      const hazard = workforce.attritionPerMinute * (this.fatigued(agent) ? workforce.fatiguedMultiplier : 1);
      if (agent.attritionRandom() < -Math.expm1(-hazard * MINUTES_PER_DAY)) this.depart(agent, now);
    }
    if (now + MINUTES_PER_DAY <= this.model.horizon) this.calendar.schedule(now + MINUTES_PER_DAY, Priority.Review, REVIEW);
  }

  private depart(agent: Agent, now: number): void {
    agent.employed = false;
    this.emit(now, 'agent_left', undefined, agent.name, this.tierIds[agent.tier], this.fatigued(agent) ? 'fatigued' : undefined);
    this.syncDuty(agent, now, 'attrition');
    const start = now + this.model.workforce.hiringDelay.sample(agent.hiringRandom);
    if (start <= this.model.horizon) this.calendar.schedule(start, Priority.Hire, agent);
  }

  /** The replacement's first day: a new person in the seat, starting the ramp. */
  private hire(agent: Agent, now: number): void {
    if (agent.onDuty) {
      // The leaver is still finishing a ticket (a hiring delay shorter than a work session).
      this.calendar.schedule(now + 1, Priority.Hire, agent);
      return;
    }
    const workforce = this.model.workforce;
    agent.hires++;
    agent.name = `${agent.seat}-h${agent.hires}`;
    agent.hiredAt = now;
    agent.utilization = 0;
    if (workforce.proficiency !== null) agent.proficiency = workforce.proficiency.sample(agent.proficiencyRandom);
    agent.employed = true;
    this.emit(now, 'agent_hired', undefined, agent.name, this.tierIds[agent.tier]);
    this.syncDuty(agent, now, 'hire');
  }
}
