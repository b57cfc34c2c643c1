/**
 * Each agent against peers on the same ticket mix: for every feature, what the agent did,
 * what its tier's other agents did on tickets of the same cells (channel × category),
 * weighted by the agent's own mix (indirect standardisation), with a 95 % interval.
 *
 * Then how unusual the agent's difference is: agents differ honestly (speed, shifts,
 * luck), so the difference is set against the spread of the other agents' differences as
 * well as its own sampling error:
 *
 *   z = (effect − median of peers' effects) / √(spread² + se²),  spread = 1.4826 × MAD of peers' effects
 *
 * which a fast but honest agent does not reach on one feature alone; the signatures
 * (signatures.ts) ask for several features at once.
 */
import { FEATURES, FEATURE_DEFINITIONS, type Feature } from './features.js';
import type { AgentObservations, Sums } from './observe.js';

/** Fewer observations than this: no comparison (blank, not zero). */
export const MINIMUM_OBSERVATIONS = 20;
/** Peers needed to measure a tier's honest spread itself (fewer: it borrows one, see `comparePeers`). */
const MINIMUM_PEERS = 4;
/** Pseudo-observations that pull a cell's peer share toward the tier's (cells with few peer tickets). */
const CELL_PRIOR = 5;
const Z95 = 1.959964;
/**
 * Least variance of one share observation, as if the share were 1 %: a share all peers hold
 * at 0 % or 100 % would otherwise make one odd ticket in hundreds look like a signature.
 */
const SHARE_VARIANCE_FLOOR = 0.01;

/** One agent's figure on one feature beside its peers'. */
export interface PeerComparison {
  feature: Feature;
  /** Observations of the agent (tickets, sessions, surveys: see the feature). */
  n: number;
  /** The agent's share or mean (minutes for durations: the geometric mean). */
  observed: number;
  /** What peers did on the same mix, in the same unit. */
  expected: number;
  /** 95 % interval of `observed`, from the agent's own sampling error. */
  low: number;
  high: number;
  /** Difference in the comparison scale (share points, or log minutes, or CSAT points). */
  effect: number;
  /** Standard error of `effect`. */
  se: number;
  /** How unusual `effect` is among the tier's agents (see the top); null with too few observations. */
  z: number | null;
}

/** One agent's comparisons. */
export interface AgentComparison {
  agent: string;
  tier: string;
  sessions: number;
  features: Partial<Record<Feature, PeerComparison>>;
}

interface CellSums {
  /** Cell → sums of one agent (or of the tier). */
  cells: Map<string, Sums>;
  total: Sums;
}

function emptySums(): Sums {
  return { n: 0, sum: 0, squares: 0 };
}

function addInto(target: Sums, source: Sums): void {
  target.n += source.n;
  target.sum += source.sum;
  target.squares += source.squares;
}

/** The agent's main tier: the one it worked most sessions in. */
function mainTiers(observations: AgentObservations): Map<string, { tier: string; sessions: number }> {
  const result = new Map<string, { tier: string; sessions: number }>();
  for (const [agent, tiers] of observations.sessionsByAgentTier) {
    let best = '';
    let most = -1;
    let total = 0;
    for (const [tier, sessions] of tiers) {
      total += sessions;
      if (sessions > most || (sessions === most && tier < best)) [best, most] = [tier, sessions];
    }
    result.set(agent, { tier: best, sessions: total });
  }
  return result;
}

/** Compares every agent (of its main tier) with the tier's other agents, feature by feature. */
export function comparePeers(observations: AgentObservations): AgentComparison[] {
  const tiers = mainTiers(observations);
  const agents = [...tiers.keys()].sort();
  const comparisons: AgentComparison[] = agents.map((agent) => ({
    agent,
    tier: tiers.get(agent)!.tier,
    sessions: tiers.get(agent)!.sessions,
    features: {},
  }));
  for (const feature of FEATURES) {
    // tier → agent → sums by cell, and tier → sums by cell over all its agents.
    const byAgent = new Map<string, CellSums>();
    const byTier = new Map<string, CellSums>();
    for (const [key, sums] of observations.sums.get(feature)!) {
      const [agent, tier, cell] = key.split('\u0000') as [string, string, string];
      if (tiers.get(agent)?.tier !== tier) continue;
      for (const [map, id] of [
        [byAgent, agent],
        [byTier, tier],
      ] as const) {
        let entry = map.get(id);
        if (entry === undefined) map.set(id, (entry = { cells: new Map(), total: emptySums() }));
        let cellSums = entry.cells.get(cell);
        if (cellSums === undefined) entry.cells.set(cell, (cellSums = emptySums()));
        addInto(cellSums, sums);
        addInto(entry.total, sums);
      }
    }
    const raw = new Map<string, PeerComparison>();
    for (const comparison of comparisons) {
      const own = byAgent.get(comparison.agent);
      const all = byTier.get(comparison.tier);
      if (own === undefined || all === undefined || own.total.n < MINIMUM_OBSERVATIONS) continue;
      const result =
        FEATURE_DEFINITIONS[feature].kind === 'share'
          ? compareShare(feature, own, all)
          : compareMean(feature, own, all);
      if (result !== undefined) raw.set(comparison.agent, result);
    }
    // A tier too small to show its honest spread borrows the widest of the larger tiers'.
    let borrowedSpread = 0;
    for (const tier of new Set(comparisons.map((comparison) => comparison.tier))) {
      const effects = comparisons
        .filter((other) => other.tier === tier && raw.has(other.agent))
        .map((other) => raw.get(other.agent)!.effect);
      if (effects.length > MINIMUM_PEERS) borrowedSpread = Math.max(borrowedSpread, madSpread(effects));
    }
    for (const comparison of comparisons) {
      const result = raw.get(comparison.agent);
      if (result === undefined) continue;
      const peers = comparisons.filter(
        (other) => other.tier === comparison.tier && other.agent !== comparison.agent && raw.has(other.agent),
      );
      const effects = peers.map((other) => raw.get(other.agent)!.effect);
      const centre = effects.length >= 2 ? median(effects) : 0;
      const spread = effects.length >= MINIMUM_PEERS ? madSpread(effects) : borrowedSpread;
      const scale = Math.sqrt(spread * spread + result.se * result.se);
      result.z = scale > 0 ? (result.effect - centre) / scale : null;
      comparison.features[feature] = result;
    }
  }
  return comparisons;
}

/** A share: observed successes against the peers' share in each cell, weighted by the agent's opportunities there. */
function compareShare(feature: Feature, own: CellSums, all: CellSums): PeerComparison | undefined {
  const peerTotal = emptySums();
  addInto(peerTotal, all.total);
  peerTotal.n -= own.total.n;
  peerTotal.sum -= own.total.sum;
  if (peerTotal.n <= 0) return undefined;
  const tierShare = (peerTotal.sum + 0.5) / (peerTotal.n + 1);
  let expected = 0;
  let variance = 0;
  for (const [cell, sums] of own.cells) {
    const cellAll = all.cells.get(cell)!;
    const peerN = cellAll.n - sums.n;
    const peerSum = cellAll.sum - sums.sum;
    const share = (peerSum + CELL_PRIOR * tierShare) / (peerN + CELL_PRIOR);
    expected += sums.n * share;
    variance += sums.n * Math.max(share * (1 - share), SHARE_VARIANCE_FLOOR);
  }
  const n = own.total.n;
  const observed = own.total.sum / n;
  const se = Math.sqrt(variance) / n;
  const ownSe = Math.sqrt(Math.max(observed * (1 - observed), 0.25 / n) / n);
  return {
    feature,
    n,
    observed,
    expected: expected / n,
    low: Math.max(0, observed - Z95 * ownSe),
    high: Math.min(1, observed + Z95 * ownSe),
    effect: observed - expected / n,
    se,
    z: null,
  };
}

/** A mean (log minutes or a rating): the agent's observations against the peers' mean in each cell. */
function compareMean(feature: Feature, own: CellSums, all: CellSums): PeerComparison | undefined {
  let difference = 0;
  let variance = 0;
  let n = 0;
  let expectedSum = 0;
  for (const [cell, sums] of own.cells) {
    const cellAll = all.cells.get(cell)!;
    const peerN = cellAll.n - sums.n;
    if (peerN < 2) continue;
    const peerMean = (cellAll.sum - sums.sum) / peerN;
    const peerVariance = Math.max(0, (cellAll.squares - sums.squares - peerN * peerMean * peerMean) / (peerN - 1));
    difference += sums.sum - sums.n * peerMean;
    variance += sums.n * peerVariance;
    expectedSum += sums.n * peerMean;
    n += sums.n;
  }
  if (n < MINIMUM_OBSERVATIONS) return undefined;
  const effect = difference / n;
  const se = Math.sqrt(variance) / n;
  const expected = expectedSum / n;
  const observed = expected + effect;
  const show = FEATURE_DEFINITIONS[feature].kind === 'log_minutes' ? Math.exp : (value: number) => value;
  return {
    feature,
    n,
    observed: show(observed),
    expected: show(expected),
    low: show(observed - Z95 * se),
    high: show(observed + Z95 * se),
    effect,
    se,
    z: null,
  };
}

/** 1.4826 × the median absolute deviation: the sd of a normal sample, robust to a few gamers among the peers. */
function madSpread(effects: readonly number[]): number {
  const centre = median(effects);
  return 1.4826 * median(effects.map((effect) => Math.abs(effect - centre)));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
