/**
 * The knowledge base (docs/model.md, Knowledge): coverage by category that decays and grows
 * with articles written from higher tiers' solutions; self-service searches that deflect
 * an issue before it becomes a ticket; entry-tier lookups that shorten work and raise the
 * chances of solving and really fixing it.
 *
 * Coverage saturates: an article adds `article_gain` × (1 − coverage / ceiling), the ceiling
 * being the category's `documentable` share (diminishing returns: the common problems are
 * written up first), and decay pulls it down, so coverage settles where articles balance decay. A ticket that needs
 * an engineering fix is answered by no article (none can exist before the fix), and one
 * resolved after the fix writes none (the defect is gone).
 *
 * Streams: `knowledge.lookup` (two draws per ticket: consult, hit), `knowledge.articles`,
 * `customer.self_service` (two draws per arrival). A desk without a knowledge base draws
 * none of them, so switching it off shifts no other draw.
 */
import { createStream, type Rng } from '../../engine/index.js';
import type { KnowledgeModel } from '../build.js';
import type { Agent, Ticket } from '../../desk/structures.js';
import type { Desk } from './desk.js';

/** What a customer's self-service search did before the ticket: nothing, searched in vain, or answered it. */
export const Search = { None: 0, Failed: 1, Deflected: 2 } as const;
export type Search = (typeof Search)[keyof typeof Search];

export class Knowledge {
  private readonly model: KnowledgeModel;
  private readonly lookupRandom: Rng;
  private readonly articleRandom: Rng;
  private readonly selfServiceRandom: Rng;
  /** Coverage by category, as of `coverageAt` (decay is applied when read). */
  private readonly coverage: Float64Array;
  private readonly coverageAt: Float64Array;
  /** Probability that an entry-tier agent consults the knowledge base (effort may raise it). */
  private readonly consultProbability: number;

  constructor(private readonly desk: Desk) {
    const { model, replication, gaming } = desk;
    const seed = model.scenario.seed;
    this.model = model.knowledge;
    this.lookupRandom = createStream(seed, replication, 'knowledge.lookup');
    this.articleRandom = createStream(seed, replication, 'knowledge.articles');
    this.selfServiceRandom = createStream(seed, replication, 'customer.self_service');
    this.coverage = Float64Array.from(model.knowledge.coverage);
    this.coverageAt = new Float64Array(model.knowledge.coverage.length);
    this.consultProbability = gaming?.consultProbability ?? model.knowledge.consult;
  }

  get enabled(): boolean {
    return this.model.enabled;
  }

  /** A new ticket's lookup draws (none on a desk without a knowledge base). */
  drawFor(ticket: Ticket): void {
    if (this.model.enabled) {
      ticket.consultDraw = this.lookupRandom();
      ticket.hitDraw = this.lookupRandom();
    }
  }

  /** Whether the arriving ticket's customer searches the help centre first, and whether it answers them. */
  search(ticket: Ticket, now: number): Search {
    const selfService = this.model.selfService;
    // Two draws per arrival from their own stream (none on a desk without self-service).
    const searches = selfService > 0 && this.selfServiceRandom() < selfService;
    const found =
      selfService > 0 && this.selfServiceRandom() < this.coverageOf(ticket.category, now) && !ticket.needsEngineering;
    if (!searches) return Search.None;
    return found ? Search.Deflected : Search.Failed;
  }

  /** An entry-tier agent may look the ticket up: the session's work time after it. */
  consult(agent: Agent, ticket: Ticket, workTime: number, now: number): number {
    const coverage = this.coverageOf(ticket.category, now);
    if (!(coverage > 0 && ticket.consultDraw < this.consultProbability)) return workTime;
    const knowledge = this.model;
    ticket.knowledgeHit = ticket.hitDraw < coverage && !ticket.needsEngineering;
    this.desk.emit(
      now,
      'kb_consulted',
      ticket.id,
      agent.name,
      this.desk.tierIds[agent.tier],
      ticket.knowledgeHit ? 'hit' : 'miss',
    );
    return knowledge.lookupTime + (ticket.knowledgeHit ? workTime * knowledge.handleTimeFactor : workTime);
  }

  /** The chance of solving the ticket at a tier of `skill`, with the session's lookup. */
  solveProbability(skill: number, hit: boolean): number {
    return hit ? skill + this.model.solveBoost * (1 - skill) : skill;
  }

  /** The chance that a resolution by a tier of `accuracy` really fixes the problem, with the session's lookup. */
  fixProbability(accuracy: number, hit: boolean): number {
    return hit ? accuracy + this.model.fixBoost * (1 - accuracy) : accuracy;
  }

  /**
   * A higher tier's solution may become an article for the entry tier: the category's coverage
   * rises toward its ceiling.
   */
  mayWriteArticle(category: number, now: number): void {
    const knowledge = this.model;
    if (this.articleRandom() >= knowledge.articleProbability) return;
    const ceiling = knowledge.documentable[category]!;
    const coverage = this.coverageOf(category, now);
    if (coverage >= ceiling) return;
    this.coverage[category] = Math.min(ceiling, coverage + knowledge.articleGain * (1 - coverage / ceiling));
    this.coverageAt[category] = now;
  }

  /** Coverage of a category now, after the decay since it was last updated. */
  private coverageOf(category: number, now: number): number {
    const coverage = this.coverage[category]!;
    if (coverage === 0) return 0;
    const decayed = coverage * Math.pow(this.model.retentionPerMinute, now - this.coverageAt[category]!);
    this.coverage[category] = decayed;
    this.coverageAt[category] = now;
    return decayed;
  }
}
