#!/usr/bin/env node
/**
 * How well `desksim detect` finds each gaming behaviour (docs/gaming.md, Detection): on the
 * baseline desk, the agents scenarios/gaming/two-rushers.yaml makes rushers (its `gamers`:
 * share and tiers, so that the study and the scenario name the same people) game each
 * behaviour at each intensity; precision and recall over single months (replications), and whether both are
 * found when months are pooled, and how many months must be pooled to find both (1 when a
 * single month finds them with recall ≥ 80 %). Prints a Markdown table. Uses the build.
 *
 *   node scripts/detect-study.js [months=8] [intensities=0.1,0.2,0.4,0.8]
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { loadScenarioFile } = await import(join(root, 'dist', 'scenario', 'load.js'));
const { detectScenario } = await import(join(root, 'dist', 'detect', 'index.js'));
const { GAMING_BEHAVIOURS } = await import(join(root, 'dist', 'scenario', 'incentives.js'));

const months = Number(process.argv[2] ?? 8);
const intensities = (process.argv[3] ?? '0.1,0.2,0.4,0.8').split(',').map(Number);
// The gamers of scenarios/gaming/two-rushers.yaml, for every behaviour.
const { gamers } = loadScenarioFile(join(root, 'scenarios', 'gaming', 'two-rushers.yaml')).scenario.gaming.rushing;
const percent = (value) => (value === null ? '—' : `${Math.round(100 * value)} %`);

function run(behaviour, intensity, replications) {
  const overrides = [`replications=${replications}`];
  if (behaviour !== null) {
    overrides.push(
      `gaming.${behaviour}.intensity=${intensity}`,
      `gaming.${behaviour}.gamers.share=${gamers.share}`,
      `gaming.${behaviour}.gamers.tiers=[${gamers.tiers.join(', ')}]`,
    );
  }
  const { scenario } = loadScenarioFile(join(root, 'scenarios', 'baseline.yaml'), { overrides });
  return detectScenario(scenario);
}

/** Both gamers flagged for `behaviour` when the first `count` months are pooled. */
function foundPooling(behaviour, intensity, count) {
  const result = run(behaviour, intensity, count);
  const gamers = result.replications[0].evaluation.gamers[behaviour];
  return (
    gamers.length > 0 &&
    gamers.every((agent) =>
      result.pooled.scores.some((score) => score.agent === agent && score.behaviour === behaviour && score.flagged),
    )
  );
}

console.log(
  `Gamers: share ${gamers.share} of the seats of ${gamers.tiers.join(', ')} (scenarios/gaming/two-rushers.yaml).\n`,
);
console.log(
  `| behaviour | intensity | precision (one month) | recall (one month) | months with both found, ≤ 1 false alarm | both found pooling ${months} months | months to pool |`,
);
console.log('|---|---|---|---|---|---|---|');
for (const behaviour of GAMING_BEHAVIOURS) {
  for (const intensity of intensities) {
    const result = run(behaviour, intensity, months);
    const counts = result.byBehaviour[behaviour];
    // Precision over every flag raised (a gamer flagged for another behaviour counts as a false alarm).
    const flags = result.replications.reduce(
      (total, detection) => total + detection.scores.filter((score) => score.flagged).length,
      0,
    );
    const precision = flags === 0 ? null : counts.truePositives / flags;
    const gamers = result.replications[0].evaluation.gamers[behaviour];
    const pooled = result.pooled.scores.filter(
      (score) => score.behaviour === behaviour && score.flagged && gamers.includes(score.agent),
    ).length;
    // Months to pool: 1 when one month finds them (recall ≥ 80 %), else the fewest of 2, 4, months whose pool flags both.
    let needed = '1';
    if ((counts.recall ?? 0) < 0.8) {
      needed = `> ${months}`;
      for (const count of [2, 4, months]) {
        if (count <= months && foundPooling(behaviour, intensity, count)) {
          needed = String(count);
          break;
        }
      }
    }
    console.log(
      `| ${behaviour} | ${intensity} | ${percent(precision)} | ${percent(counts.recall)} | ${result.foundWithAtMostOneFalseAlarm} of ${months} | ${pooled === gamers.length && gamers.length > 0 ? 'yes' : `${pooled} of ${gamers.length}`} | ${needed} |`,
    );
  }
}
const honest = run(null, 0, months * 2);
console.log(
  `\nHonest baseline, ${months * 2} months: ${honest.falseAlarmsPerReplication.toFixed(2)} false alarms a month.`,
);
