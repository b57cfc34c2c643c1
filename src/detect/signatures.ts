/**
 * Gaming signatures: the pattern each of the nine behaviours (docs/gaming.md) leaves in
 * what a dashboard shows, as a score built from an agent's peer comparisons (compare.ts).
 * A score is a z-like figure: how many spreads of the tier's honest variation the agent's
 * pattern lies beyond its peers. Where a behaviour has two symptoms both are required
 * (see `combine`), so a fast but careful agent is not taken for a rusher.
 * An agent is flagged at `DEFAULT_THRESHOLD` or above.
 */
import type { GamingBehaviour } from '../scenario/incentives.js';
import type { AgentComparison, PeerComparison } from './compare.js';
import { FEATURE_DEFINITIONS, type Feature } from './features.js';

/** Flag at this score: on honest desks (docs/gaming.md, Detection) it gives the false-alarm rate the report states. */
export const DEFAULT_THRESHOLD = 3;

/** What an honest desk gives at `DEFAULT_THRESHOLD`, as measured (docs/gaming.md, Detection). */
export const STATED_FALSE_ALARMS =
  'about 0.4 false alarms per month-long log of a 17-agent desk (30 in 80 honest baseline replications, ' +
  'at most two in a log)';

/** One part of a signature: a feature and the direction that is suspicious. */
interface Symptom {
  feature: Feature;
  /** +1: higher than peers is suspicious; −1: lower. */
  direction: 1 | -1;
}

/**
 * A behaviour's pattern. The `primary` symptoms (the strongest of them counts) are what
 * honest agents do not show; the `support` symptoms, which honest agents may show (a fast
 * agent is not a rusher), must point the suspicious way too (see `combine`).
 */
export interface Signature {
  behaviour: GamingBehaviour;
  /** In words, for the report. */
  description: string;
  primary: Symptom[];
  support: Symptom[];
}

export const SIGNATURES: readonly Signature[] = [
  {
    behaviour: 'rushing',
    description:
      'resolution sessions shorter than peers on the same mix, with customers coming back more often or rating lower',
    primary: [
      { feature: 'returned', direction: 1 },
      { feature: 'csat', direction: -1 },
    ],
    support: [{ feature: 'resolve_time', direction: -1 }],
  },
  {
    behaviour: 'premature_close',
    description:
      'tickets closed by the agent at the moment of resolution (so they cannot be reopened; customers come back as ' +
      'new tickets)',
    primary: [{ feature: 'closed_at_once', direction: 1 }],
    support: [],
  },
  {
    behaviour: 'escalation_avoidance',
    description: 'escalation below peers on the same mix, tickets going back to the same queue instead',
    primary: [{ feature: 'requeued', direction: 1 }],
    support: [{ feature: 'escalated', direction: -1 }],
  },
  {
    behaviour: 'escalation_dumping',
    description: 'escalation far above peers on the same mix, after sessions shorter than theirs',
    primary: [{ feature: 'escalated', direction: 1 }],
    support: [{ feature: 'escalate_time', direction: -1 }],
  },
  {
    behaviour: 'generic_first_reply',
    description: 'sessions that end in a generic (templated) reply, far more than peers',
    primary: [{ feature: 'acknowledged', direction: 1 }],
    support: [],
  },
  {
    behaviour: 'survey_selection',
    description: "surveys sent on far fewer of the agent's closed tickets than on peers'",
    primary: [{ feature: 'surveyed', direction: -1 }],
    support: [],
  },
  {
    behaviour: 'sla_clock_pause',
    description:
      'escalations followed at once by a request for information, so the ticket waits on the customer (SLA clock ' +
      'paused) before the next queue',
    primary: [{ feature: 'asked_on_escalation', direction: 1 }],
    support: [],
  },
  {
    behaviour: 'ticket_splitting',
    description: 'resolutions followed at once by a new ticket from the same customer about the same category',
    primary: [{ feature: 'split', direction: 1 }],
    support: [],
  },
  {
    behaviour: 'cherry_pick',
    description: 'tickets taken while earlier tickets of the same priority still waited, far more often than peers',
    primary: [{ feature: 'jumped', direction: 1 }],
    support: [],
  },
];

/** One agent flagged for one behaviour (or scored below the threshold). */
export interface SignatureScore {
  agent: string;
  tier: string;
  behaviour: GamingBehaviour;
  /** Null when the log has too few observations for one of the symptoms. */
  score: number | null;
  flagged: boolean;
  /** The symptoms in words, with the agent's figure, its peers' and the interval. */
  evidence: string;
}

/** A support symptom must point the suspicious way by at least this much. */
const SUPPORT = 0.5;

/**
 * The primary symptom combined with the support (Stouffer: Σ z / √k), but never above the
 * primary alone, and only when every support symptom reaches `SUPPORT` (else the weakest
 * counts): honest variation in a support symptom never makes a signature by itself.
 */
function combine(primary: number, support: readonly number[]): number {
  if (support.length === 0) return primary;
  const weakest = Math.min(...support);
  if (weakest < SUPPORT) return Math.min(primary, weakest);
  const stouffer = (primary + support.reduce((total, part) => total + part, 0)) / Math.sqrt(support.length + 1);
  return Math.min(primary, stouffer);
}

function signed(comparison: PeerComparison | undefined, direction: 1 | -1): number | null {
  return comparison === undefined || comparison.z === null ? null : direction * comparison.z;
}

/** Each agent's score on every signature. */
export function scoreSignatures(agents: readonly AgentComparison[], threshold = DEFAULT_THRESHOLD): SignatureScore[] {
  const scores: SignatureScore[] = [];
  for (const agent of agents) {
    for (const signature of SIGNATURES) {
      const primaries = signature.primary
        .map((symptom) => ({ symptom, z: signed(agent.features[symptom.feature], symptom.direction) }))
        .filter((option) => option.z !== null);
      const best = primaries.reduce<(typeof primaries)[number] | undefined>(
        (top, option) => (top === undefined || option.z! > top.z! ? option : top),
        undefined,
      );
      const support = signature.support.map((symptom) => signed(agent.features[symptom.feature], symptom.direction));
      const score =
        best === undefined || support.some((part) => part === null) ? null : combine(best.z!, support as number[]);
      const shown = [best?.symptom ?? signature.primary[0]!, ...signature.support];
      scores.push({
        agent: agent.agent,
        tier: agent.tier,
        behaviour: signature.behaviour,
        score,
        flagged: score !== null && score >= threshold,
        evidence: shown.map((symptom) => describe(agent.features[symptom.feature], symptom.feature)).join('; '),
      });
    }
  }
  return scores;
}

/**
 * A comparison in words: "handle time … 9.8 min (95 % 9.1–10.6) vs 15.2 expected from peers on the same mix, 412
 * resolution sessions".
 */
export function describe(comparison: PeerComparison | undefined, feature: Feature): string {
  if (comparison === undefined) return `${feature}: too few observations to compare`;
  const share = (value: number) => `${(100 * value).toFixed(1)} %`;
  const { kind, label, per } = FEATURE_DEFINITIONS[feature];
  const format =
    kind === 'share'
      ? share
      : kind === 'log_minutes'
        ? (value: number) => `${value.toFixed(1)} min`
        : (value: number) => value.toFixed(2);
  const z = comparison.z === null ? '' : `, z ${comparison.z >= 0 ? '+' : ''}${comparison.z.toFixed(1)}`;
  return (
    `${label}: ${format(comparison.observed)} (95 % ${format(comparison.low)}–${format(comparison.high)}) vs ` +
    `${format(comparison.expected)} ` +
    `for peers on the same mix, ${comparison.n} ${per}${comparison.n === 1 ? '' : 's'}${z}`
  );
}
