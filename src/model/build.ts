/**
 * Build: turn a validated `Scenario` into a `DeskModel` — samplers, lookup tables, the
 * escalation chain, the arrival rate function and each agent's duty intervals. Built once
 * and shared by every replication; it holds no random state. The model's types are in
 * desk-model.ts (re-exported here, where the rest of desksim imports them from).
 */
import {
  BusinessCalendar,
  type LocalTimeTable,
  PiecewiseRate,
  createSampler,
  hourlyMultipliers,
  isIsoDateTime,
  parseDuration,
  windowIntervals,
} from '../engine/index.js';
import { scenarioBusinessHours, scenarioLocalTime } from '../scenario/calendar.js';
import type { Scenario } from '../scenario/schema.js';
import { buildGaming } from './gaming/model.js';
import { activePlugins } from './mechanisms/plugins.js';
import type {
  AgentPlan,
  CategoryModel,
  ChannelModel,
  DeskModel,
  IncidentStream,
  TierModel,
  WorkforceModel,
} from './desk-model.js';
import type { SatisfactionModel } from '../desk/satisfaction.js';

const MINUTES_PER_DAY = 24 * 60;
/** Ceiling of a category's coverage left out of a per-category `documentable` (the schema's overall default). */
const DEFAULT_DOCUMENTABLE = 0.9;

export type {
  ChannelModel,
  CategoryModel,
  TierModel,
  AgentPlan,
  IncidentStream,
  DeskModel,
  KnowledgeModel,
  CustomerModel,
  SurveyModel,
  WorkforceModel,
} from './desk-model.js';

function cumulative(shares: number[]): Float64Array {
  const result = new Float64Array(shares.length);
  let total = 0;
  shares.forEach((share, index) => {
    total += share;
    result[index] = total;
  });
  // Guard against rounding: the last bucket always catches u close to 1.
  if (result.length > 0) result[result.length - 1] = Number.POSITIVE_INFINITY;
  return result;
}

/** Index of the bucket a uniform draw falls in. */
export function pick(cumulativeShares: Float64Array, uniform: number): number {
  let index = 0;
  while (uniform >= cumulativeShares[index]!) index++;
  return index;
}

function surgeStart(start: number | string, time: LocalTimeTable): number {
  if (typeof start === 'number') return start;
  return isIsoDateTime(start) ? time.fromIso(start) : parseDuration(start);
}

/**
 * Arrival-rate multiplier per simulated hour, from the engine: open fraction of each hour
 * under `business_hours` (rate_per_hour is the rate while open); hourly × weekly weights,
 * each normalised to mean 1, under `profile` (rate_per_hour is the weekly average).
 */
function arrivalMultipliers(scenario: Scenario, time: LocalTimeTable, horizon: number): Float64Array {
  const arrivals = scenario.arrivals;
  if (arrivals.pattern === 'business_hours') {
    return hourlyMultipliers(time, horizon, { open: scenarioBusinessHours(scenario, time) });
  }
  if (arrivals.pattern === 'profile') {
    return hourlyMultipliers(time, horizon, { hourly: arrivals.hourly_profile, weekly: arrivals.weekly_profile });
  }
  return hourlyMultipliers(time, horizon, {});
}

function buildTier(
  scenario: Scenario,
  index: number,
  complexityIds: string[],
  time: LocalTimeTable,
  horizon: number,
): TierModel {
  const tier = scenario.tiers[index]!;
  const tierIds = scenario.tiers.map((candidate) => candidate.id);
  const byComplexity = (value: number | Record<string, number>) =>
    Float64Array.from(complexityIds, (id) => (typeof value === 'number' ? value : (value[id] ?? 1)));
  const skill = byComplexity(tier.skill);
  const accuracy = byComplexity(tier.accuracy);
  const agents: AgentPlan[] = [];
  const pad = (number: number) => String(number).padStart(2, '0');
  if (tier.agents !== undefined) {
    for (let number = 1; number <= tier.agents; number++) {
      agents.push({ name: `${tier.id}-${pad(number)}`, onDuty: [[0, horizon]] });
    }
  } else {
    (tier.shifts ?? []).forEach((shift, shiftIndex) => {
      const intervals = windowIntervals(time, [shift], 0, horizon);
      const shiftName = shift.name ?? `shift${shiftIndex + 1}`;
      for (let number = 1; number <= shift.agents; number++) {
        agents.push({ name: `${tier.id}-${shiftName}-${pad(number)}`, onDuty: intervals });
      }
    });
  }
  return {
    id: tier.id,
    index,
    speed: tier.speed,
    skill,
    accuracy,
    escalatesTo: tier.escalates_to === null ? -1 : tierIds.indexOf(tier.escalates_to),
    repliesOnEscalation: tier.reply_on_escalation,
    costPerHour: tier.cost_per_hour,
    agents,
    blendFrom: tier.blend === undefined ? -1 : tierIds.indexOf(tier.blend.from),
    blendReserve: tier.blend?.reserve ?? 0,
  };
}

function buildSatisfaction(scenario: Scenario, channelIds: string[], priorityIds: string[]): SatisfactionModel {
  const satisfaction = scenario.customers.satisfaction;
  const byId = (value: number | Record<string, number>, ids: string[], fallback: number) =>
    Float64Array.from(ids, (id) => (typeof value === 'number' ? value : (value[id] ?? fallback)));
  return {
    base: satisfaction.base,
    contactFactor: 1 - satisfaction.per_extra_contact,
    notFixedFactor: 1 - satisfaction.not_fixed,
    abandonedFactor: 1 - satisfaction.abandoned,
    handoffFactor: 1 - satisfaction.per_handoff,
    exchangeFactor: 1 - satisfaction.per_exchange,
    genericFactor: 1 - satisfaction.per_generic_reply,
    waitSensitivity: satisfaction.wait_sensitivity,
    repeatFactor: 1 - scenario.handoffs.per_repeat,
    repeatEffort: scenario.handoffs.repeat_effort,
    expectedFirstResponse: byId(satisfaction.expected_first_response, channelIds, 240),
    expectedResolution: byId(satisfaction.expected_resolution, priorityIds, MINUTES_PER_DAY),
  };
}

function buildWorkforce(scenario: Scenario): WorkforceModel {
  const agents = scenario.agents;
  const absence = agents.absence;
  // Fatigue is tracked only where it has an effect: on work, or on the leaving hazard.
  const tracksFatigue =
    agents.fatigue.slowdown > 0 ||
    agents.fatigue.accuracy_loss > 0 ||
    (agents.attrition.per_year > 0 && agents.attrition.fatigued_multiplier > 1);
  return {
    enabled: agents.proficiency_sd > 0 || agents.attrition.per_year > 0 || tracksFatigue,
    proficiency:
      agents.proficiency_sd > 0 ? createSampler({ dist: 'lognormal', mean: 1, sd: agents.proficiency_sd }) : null,
    rampMinutes: agents.new_hire.ramp_weeks * 7 * MINUTES_PER_DAY,
    trainingMinutes: agents.new_hire.training_weeks * 7 * MINUTES_PER_DAY,
    rampSpeed: agents.new_hire.speed,
    rampAccuracy: agents.new_hire.accuracy,
    fatigueThreshold: tracksFatigue ? agents.fatigue.threshold : Number.POSITIVE_INFINITY,
    fatigueWindow: agents.fatigue.window,
    fatigueSlowdown: 1 + agents.fatigue.slowdown,
    fatigueAccuracy: 1 - agents.fatigue.accuracy_loss,
    attritionPerMinute: agents.attrition.per_year / (365 * MINUTES_PER_DAY),
    fatiguedMultiplier: agents.attrition.fatigued_multiplier,
    hiringDelay: createSampler(agents.attrition.hiring_delay),
    absenceShare: absence.share,
    absenceMean: absence.episode,
    presenceMean:
      absence.share > 0 ? (absence.episode * (1 - absence.share)) / absence.share : Number.POSITIVE_INFINITY,
  };
}

/** Builds the simulation-ready desk from a validated scenario. */
export function buildDesk(scenario: Scenario): DeskModel {
  const horizon = scenario.horizon.days * MINUTES_PER_DAY;
  const measureFrom = scenario.horizon.warmup_days * MINUTES_PER_DAY;
  const time = scenarioLocalTime(scenario);

  const complexityIds = Object.keys(scenario.complexity);
  const complexities = complexityIds.map((id) => ({
    id,
    handleTime: createSampler(scenario.complexity[id]!.handle_time),
  }));

  const priorityEntries = Object.entries(scenario.priorities).map(([id, priority], order) => ({
    id,
    share: priority.share,
    rank: priority.rank ?? order,
  }));
  const ranks = [...new Set(priorityEntries.map((priority) => priority.rank))].sort((a, b) => a - b);
  const usePriority = scenario.routing.discipline === 'priority';
  const priorities = priorityEntries.map((priority) => ({
    id: priority.id,
    bucket: usePriority ? ranks.indexOf(priority.rank) : 0,
  }));
  const priorityIds = priorities.map((priority) => priority.id);

  const channelIds = Object.keys(scenario.channels);
  const channelRanks = [...new Set(Object.values(scenario.channels).map((channel) => channel.rank))].sort(
    (a, b) => a - b,
  );
  const priorityBuckets = usePriority ? ranks.length : 1;
  const channels = Object.entries(scenario.channels).map(
    ([id, channel]): ChannelModel => ({
      id,
      patience: channel.patience === null ? null : createSampler(channel.patience),
      repliesOnPickup: channel.response === 'on_pickup',
      hours: channel.hours === undefined ? null : new BusinessCalendar(time, channel.hours, 0, horizon),
      redirectTo:
        channel.outside_hours === 'redirect' && channel.redirect_to !== undefined
          ? channelIds.indexOf(channel.redirect_to)
          : -1,
      turnsAway: channel.outside_hours === 'turn_away',
      bucketOffset: channelRanks.indexOf(channel.rank) * priorityBuckets,
      entryTier: -1,
    }),
  );

  const categories = Object.entries(scenario.categories).map(([id, category]): CategoryModel => {
    const complexityMix = typeof category.complexity === 'string' ? { [category.complexity]: 1 } : category.complexity;
    const priorityMix =
      category.priorities ?? Object.fromEntries(priorityEntries.map((priority) => [priority.id, priority.share]));
    return {
      id,
      needsEngineering: category.needs_engineering,
      complexityIndices: Object.keys(complexityMix).map((key) => complexityIds.indexOf(key)),
      complexityCumulative: cumulative(Object.values(complexityMix)),
      priorityIndices: Object.keys(priorityMix).map((key) => priorityIds.indexOf(key)),
      priorityCumulative: cumulative(Object.values(priorityMix)),
    };
  });
  const categoryIds = categories.map((category) => category.id);

  const tiers = scenario.tiers.map((_, index) => buildTier(scenario, index, complexityIds, time, horizon));
  const entry =
    scenario.routing.entry_tier === undefined ? 0 : tiers.findIndex((tier) => tier.id === scenario.routing.entry_tier);
  const chainFrom = (start: number) => {
    const path = [start];
    while (tiers[path[path.length - 1]!]!.escalatesTo >= 0) path.push(tiers[path[path.length - 1]!]!.escalatesTo);
    return path;
  };
  const chain = chainFrom(entry);
  Object.values(scenario.channels).forEach((channel, index) => {
    channels[index]!.entryTier =
      channel.entry_tier === undefined ? entry : tiers.findIndex((tier) => tier.id === channel.entry_tier);
  });
  const longestChain = Math.max(...channels.map((channel) => chainFrom(channel.entryTier).length));
  const isEntryTier = tiers.map((tier) => channels.some((channel) => channel.entryTier === tier.index));

  const basePerMinute = scenario.arrivals.rate_per_hour / 60;
  const multipliers = arrivalMultipliers(scenario, time, horizon);
  const surges = scenario.arrivals.surges.map((surge) => {
    const start = surgeStart(surge.start, time);
    return { start, end: start + surge.duration, multiplier: surge.multiplier, category: surge.category };
  });
  const arrivalRate = new PiecewiseRate(
    basePerMinute,
    multipliers,
    surges.filter((surge) => surge.category === undefined),
    horizon,
  );
  const incidents = surges
    .filter((surge) => surge.category !== undefined && surge.multiplier > 1)
    .map((surge): IncidentStream => {
      const extra = surge.multiplier - 1;
      const end = Math.min(surge.end, horizon);
      return {
        start: surge.start,
        category: categoryIds.indexOf(surge.category!),
        rate: {
          rateAt: (t: number) => (t >= surge.start && t < end ? extra * arrivalRate.rateAt(t) : 0),
          maxRate: extra * arrivalRate.maxRate,
          end,
        },
      };
    });

  const infoRequest = Float64Array.from(complexityIds, (id) =>
    typeof scenario.customers.info_request === 'number'
      ? scenario.customers.info_request
      : (scenario.customers.info_request[id] ?? 0),
  );
  const channelCumulative = cumulative(Object.values(scenario.channels).map((channel) => channel.share));
  const categoryCumulative = cumulative(Object.values(scenario.categories).map((category) => category.share));
  return {
    scenario,
    horizon,
    measureFrom,
    originEpochMs: time.startEpochMs,
    time,
    arrivalRate,
    incidents,
    channels,
    channelCumulative,
    categories,
    categoryCumulative,
    attributesVary:
      channelCumulative.length > 1 ||
      categoryCumulative.length > 1 ||
      categories.some((category) => category.complexityCumulative.length > 1 || category.priorityCumulative.length > 1),
    complexities,
    priorities,
    bucketCount: channelRanks.length * priorityBuckets,
    tiers,
    chain,
    longestChain,
    isEntryTier,
    customers: {
      infoRequest,
      infoRequested: infoRequest.some((probability) => probability > 0),
      replyDelay: createSampler(scenario.customers.reply_delay),
      silence: scenario.customers.silence,
      silentCloseAfter: scenario.customers.silent_close_after,
      infoFollowUp: scenario.customers.info_follow_up,
      population: scenario.customers.population,
      returnProbability: scenario.customers.return_when_not_fixed,
      returnDelay: createSampler(scenario.customers.return_delay),
      satisfaction: buildSatisfaction(
        scenario,
        channels.map((channel) => channel.id),
        priorityIds,
      ),
      survey: {
        share: scenario.customers.survey.share,
        responseRate: scenario.customers.survey.response_rate,
        responseBias: scenario.customers.survey.response_bias,
        delay: createSampler(scenario.customers.survey.delay),
      },
    },
    workforce: buildWorkforce(scenario),
    engineering: {
      delay: createSampler(scenario.engineering.delay),
      followUp: scenario.engineering.follow_up,
      statusReply: scenario.engineering.status_reply,
    },
    engineeringUsed: categories.some((category) => category.needsEngineering > 0),
    knowledge: {
      enabled:
        scenario.knowledge.self_service > 0 ||
        (typeof scenario.knowledge.coverage === 'number'
          ? scenario.knowledge.coverage > 0
          : Object.values(scenario.knowledge.coverage).some((value) => value > 0)),
      coverage: Float64Array.from(categoryIds, (id) =>
        typeof scenario.knowledge.coverage === 'number'
          ? scenario.knowledge.coverage
          : (scenario.knowledge.coverage[id] ?? 0),
      ),
      consult: scenario.knowledge.consult,
      lookupTime: scenario.knowledge.lookup_time,
      handleTimeFactor: scenario.knowledge.handle_time_factor,
      solveBoost: scenario.knowledge.solve_boost,
      fixBoost: scenario.knowledge.fix_boost,
      articleProbability: scenario.knowledge.article_probability,
      articleGain: scenario.knowledge.article_gain,
      documentable: Float64Array.from(categoryIds, (id) => {
        const documentable = scenario.knowledge.documentable;
        return typeof documentable === 'number' ? documentable : (documentable[id] ?? DEFAULT_DOCUMENTABLE);
      }),
      retentionPerMinute: Math.pow(1 - scenario.knowledge.decay_per_week, 1 / (7 * MINUTES_PER_DAY)),
      selfService: scenario.knowledge.self_service,
    },
    businessHours: scenarioBusinessHours(scenario, time),
    reopenWindow: scenario.metrics.reopen_window_days * MINUTES_PER_DAY,
    gaming: buildGaming(scenario, complexities),
    plugins: activePlugins(scenario),
  };
}
