/**
 * A framework study in words (src/frameworks/report.ts): numbers, intervals, frameworks ranked
 * by validity and by gameability, and the ranking as sentences.
 */
import type { FrameworkResult, FrameworkStudyResult } from './evaluate.js';
import type { Estimate } from './statistics.js';

/** A number as the study writes it: fixed digits, a true minus sign, — for none. */
export const number = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined ? '—' : value.toFixed(digits).replace(/^-/, '−');
/** A 95 % interval as " [low, high]", empty for none. */
export const interval = (ci: readonly [number, number] | null) =>
  ci === null ? '' : ` [${number(ci[0])}, ${number(ci[1])}]`;
/** A change with its sign. */
export const signed = (value: number | null) => (value === null ? '—' : `${value >= 0 ? '+' : ''}${number(value)}`);

/** How strong a rank correlation is, in words. */
function strength(estimate: Estimate): string {
  const value = estimate.value;
  if (value === null) return 'cannot rank the desks (its score does not vary)';
  const excludesZero = estimate.ci95 !== null && (estimate.ci95[0] > 0 || estimate.ci95[1] < 0);
  if (!excludesZero) return 'ranks the desks no better than chance';
  if (value < 0) return 'ranks the desks against the truth';
  if (value >= 0.8) return 'ranks the desks closely with the truth';
  if (value >= 0.5) return 'ranks the desks fairly with the truth';
  return 'ranks the desks weakly with the truth';
}

/** Frameworks in order of validity (highest rank correlation first). */
export function byValidity(frameworks: readonly FrameworkResult[]): FrameworkResult[] {
  return [...frameworks].sort(
    (a, b) => (b.validity.rank_correlation.value ?? -2) - (a.validity.rank_correlation.value ?? -2),
  );
}

/** Frameworks in order of gameability (smallest gap first; those pressure cannot reach last, as unmeasured). */
export function byGameability(frameworks: readonly FrameworkResult[]): FrameworkResult[] {
  const gap = (framework: FrameworkResult) =>
    framework.gameability.pressurable ? (framework.gameability.gap.mean ?? Infinity) : Infinity;
  return [...frameworks].sort((a, b) => gap(a) - gap(b));
}

/** The sentence about one framework's gameability. */
function gameabilityWords(framework: FrameworkResult): string {
  const { gameability } = framework;
  if (!gameability.pressurable) {
    return (
      `None of its KPIs is in the incentive table, so desksim cannot put pressure on it: its gameability is not ` +
      `measured (0 by construction).`
    );
  }
  const worst = [...gameability.behaviours].sort(
    (a, b) =>
      (b.score_change.mean ?? 0) -
      (b.truth_change.mean ?? 0) -
      ((a.score_change.mean ?? 0) - (a.truth_change.mean ?? 0)),
  )[0];
  return (
    `Under pressure on its own KPIs its score moves ${signed(gameability.score_change.mean)} desk sds while the ` +
    `truth moves ${signed(gameability.truth_change.mean)}: ` +
    `a gap of ${signed(gameability.gap.mean)}${interval(gameability.gap.ci95)}` +
    (worst === undefined
      ? '.'
      : `; the behaviour that opens it most is ${worst.behaviour.replace(/_/g, ' ')} (score ` +
        `${signed(worst.score_change.mean)}, truth ${signed(worst.truth_change.mean)}).`)
  );
}

/** The ranking in words: one paragraph per framework, best validity first, and the headline. */
export function rankingWords(result: FrameworkStudyResult): string[] {
  const ordered = byValidity(result.frameworks);
  const gameOrder = byGameability(result.frameworks).filter((framework) => framework.gameability.pressurable);
  const lines: string[] = [];
  const best = ordered[0];
  if (best !== undefined) {
    lines.push(
      `Tracks the truth best: ${best.name} (rank correlation ` +
        `${number(best.validity.rank_correlation.value)}${interval(best.validity.rank_correlation.ci95)} over ` +
        `${result.desks.length} desks); ` +
        `worst: ${ordered[ordered.length - 1]!.name} ` +
        `(${number(ordered[ordered.length - 1]!.validity.rank_correlation.value)}).`,
    );
  }
  if (gameOrder.length > 0) {
    const most = gameOrder[gameOrder.length - 1]!;
    lines.push(
      `Most gameable: ${most.name} — pressure on its KPIs opens a gap of ${signed(most.gameability.gap.mean)} desk ` +
        `sds between its score and the truth; least: ${gameOrder[0]!.name} ` +
        `(${signed(gameOrder[0]!.gameability.gap.mean)}).`,
    );
  }
  ordered.forEach((framework, index) => {
    const detected = framework.sensitivity.changes
      .filter((item) => item.detected && item.right_direction === true)
      .map((item) => item.name);
    const wrong = framework.sensitivity.changes
      .filter((item) => item.detected && item.right_direction === false)
      .map((item) => item.name);
    const moved = framework.definitions.filter((definition) => (definition.rank_correlation.value ?? 1) < 0.9);
    lines.push(
      `${index + 1}. ${framework.name} ${strength(framework.validity.rank_correlation)} ` +
        `(${number(framework.validity.rank_correlation.value)}` +
        `${interval(framework.validity.rank_correlation.ci95)}). ` +
        `${gameabilityWords(framework)} ` +
        `At ${framework.sensitivity.replications} replications it detects ` +
        `${detected.length === 0 ? 'none of the real changes' : detected.join(', ')}` +
        `${wrong.length === 0 ? '' : `; it reads ${wrong.join(', ')} against the truth`} (noise ` +
        `${number(framework.sensitivity.noise_sd)} desk sds a replication). ` +
        (framework.definitions.length === 0
          ? ''
          : moved.length === 0
            ? 'No changed definition moves its ranking of desks much (rank correlation ≥ 0.9).'
            : `Its ranking of desks moves with ${moved
                .map((definition) => `${definition.name} (${number(definition.rank_correlation.value)})`)
                .join(', ')}.`),
    );
  });
  return lines;
}
