/**
 * The simulation-ready desk's shape: what `buildDesk` (build.ts) makes of a scenario and the
 * simulation reads — channels, categories, tiers with their agents, customers, knowledge and
 * workforce parameters. Types only: built once, shared by every replication, no random state.
 */
import type { BusinessCalendar, LocalTimeTable, RateFunction, Sampler } from '../engine/index.js';
import type { MechanismDefinition } from '../mechanisms/definition.js';
import type { Scenario } from '../scenario/schema.js';
import type { GamingModel } from './gaming/model.js';
import type { SatisfactionModel } from '../desk/satisfaction.js';

export interface ChannelModel {
  id: string;
  /** Patience while waiting for the first agent; null = never abandons. */
  patience: Sampler | null;
  /** The first public reply goes out when an agent picks the ticket up (chat, phone). */
  repliesOnPickup: boolean;
  /** Opening hours over the horizon, or null: always open. */
  hours: BusinessCalendar | null;
  /** Outside opening hours: index of the channel offered instead, or −1 for a callback. */
  redirectTo: number;
  /** Outside opening hours the contact is turned away: no ticket (`outside_hours: turn_away`). */
  turnsAway: boolean;
  /** Added to a ticket's priority bucket: the channel's rank × the number of priority buckets. */
  bucketOffset: number;
  /** Index of the tier that takes the channel's new tickets (`entry_tier`, else the routing's). */
  entryTier: number;
}

export interface CategoryModel {
  id: string;
  /** Probability that a ticket of this category needs an engineering fix. */
  needsEngineering: number;
  /** Complexity indices and their cumulative shares. */
  complexityIndices: number[];
  complexityCumulative: Float64Array;
  /** Priority indices and cumulative shares for this category. */
  priorityIndices: number[];
  priorityCumulative: Float64Array;
}

export interface TierModel {
  id: string;
  index: number;
  speed: number;
  /** Probability of solving, by complexity index. */
  skill: Float64Array;
  /** Probability that a resolution by this tier really fixes the problem, by complexity index. */
  accuracy: Float64Array;
  /** Index of the escalation target, or -1. */
  escalatesTo: number;
  /** A public reply goes out with each escalation. */
  repliesOnEscalation: boolean;
  costPerHour: number;
  agents: AgentPlan[];
  /** Index of the tier whose queue this tier's idle agents take from (`blend.from`), or -1. */
  blendFrom: number;
  /** Agents of this tier kept idle for its own tickets while others blend (`blend.reserve`). */
  blendReserve: number;
}

/** One agent and the intervals (sim minutes) when it is on duty. */
export interface AgentPlan {
  name: string;
  onDuty: Array<[number, number]>;
}

/** A surge whose extra tickets all belong to one category (an incident). */
export interface IncidentStream {
  rate: RateFunction;
  start: number;
  category: number;
}

/** The simulation-ready desk. */
export interface DeskModel {
  scenario: Scenario;
  /** Minutes simulated. */
  horizon: number;
  /** Tickets created before this minute are excluded from KPIs. */
  measureFrom: number;
  originEpochMs: number;
  time: LocalTimeTable;
  arrivalRate: RateFunction;
  incidents: IncidentStream[];
  channels: ChannelModel[];
  channelCumulative: Float64Array;
  categories: CategoryModel[];
  categoryCumulative: Float64Array;
  /** Some mix (channel, category, a category's complexity or priority) has more than one entry. */
  attributesVary: boolean;
  complexities: Array<{ id: string; handleTime: Sampler }>;
  priorities: Array<{ id: string; bucket: number }>;
  /** Number of queue buckets per tier: channel ranks × priority ranks (1 × 1 under fifo with one channel rank). */
  bucketCount: number;
  tiers: TierModel[];
  /** Tier indices from the entry tier along escalation targets. */
  chain: number[];
  /** Tiers along the longest chain from any channel's entry tier (the work content a ticket carries). */
  longestChain: number;
  /** By tier index: some channel's new tickets enter there (its agents consult the knowledge base). */
  isEntryTier: boolean[];
  customers: CustomerModel;
  engineering: { delay: Sampler; followUp: number; statusReply: boolean };
  /** Some category may need engineering. */
  engineeringUsed: boolean;
  knowledge: KnowledgeModel;
  workforce: WorkforceModel;
  /** Opening hours over the horizon (`clock.business_hours`), for business-hours SLA clocks. */
  businessHours: BusinessCalendar;
  /** Minutes after a resolution before the ticket closes unless reopened. */
  reopenWindow: number;
  /** Gaming behaviours and legitimate effort (docs/gaming.md). */
  gaming: GamingModel;
  /** The plug-in mechanisms the scenario uses (`src/mechanisms/`), in registry order; often none. */
  plugins: readonly MechanismDefinition[];
}

/** The knowledge base (see docs/model.md, Knowledge). */
export interface KnowledgeModel {
  /** The desk has a knowledge base (some initial coverage, or self-service): else no lookups, no articles. */
  enabled: boolean;
  /** Initial coverage by category index. */
  coverage: Float64Array;
  consult: number;
  lookupTime: number;
  handleTimeFactor: number;
  solveBoost: number;
  fixBoost: number;
  articleProbability: number;
  articleGain: number;
  /** Ceiling of coverage by category index (`documentable`): articles add gain × (1 − coverage / ceiling). */
  documentable: Float64Array;
  /** Coverage kept per minute: (1 − decay per week)^(1 / minutes per week). */
  retentionPerMinute: number;
  selfService: number;
}

/** How customers behave (see docs/model.md, Customers). */
export interface CustomerModel {
  /** Probability of an information request per work session, by complexity index. */
  infoRequest: Float64Array;
  /** Some complexity has a non-zero information-request probability. */
  infoRequested: boolean;
  replyDelay: Sampler;
  silence: number;
  silentCloseAfter: number;
  infoFollowUp: number;
  /** Distinct customers to draw from; 0 = a new customer per ticket. */
  population: number;
  /** Probability that a customer whose problem was not really fixed comes back. */
  returnProbability: number;
  returnDelay: Sampler;
  satisfaction: SatisfactionModel;
  survey: SurveyModel;
}

/** Surveys after resolution (see docs/model.md, Satisfaction and surveys). */
export interface SurveyModel {
  share: number;
  responseRate: number;
  responseBias: number;
  delay: Sampler;
}

/** Agents as people (see docs/model.md, Agents). */
export interface WorkforceModel {
  /** Some mechanism differentiates agents: else every agent works at its tier's speed and accuracy. */
  enabled: boolean;
  /** Individual speed multipliers (lognormal, mean 1), or null when all agents are alike. */
  proficiency: Sampler | null;
  rampMinutes: number;
  /** A replacement's paid training before taking tickets, in minutes (0: none). */
  trainingMinutes: number;
  rampSpeed: number;
  rampAccuracy: number;
  fatigueThreshold: number;
  /** Time constant of the rolling utilization, in on-duty minutes. */
  fatigueWindow: number;
  /** Work time multiplier of a fatigued agent (1 + slowdown). */
  fatigueSlowdown: number;
  /** Fix probability multiplier of a fatigued agent (1 − accuracy loss). */
  fatigueAccuracy: number;
  /** Hazard of leaving per minute, when not fatigued (annual turnover rate / minutes per year). */
  attritionPerMinute: number;
  fatiguedMultiplier: number;
  hiringDelay: Sampler;
  absenceShare: number;
  /** Mean length of an absence and of the presence between two (exponential). */
  absenceMean: number;
  presenceMean: number;
}
