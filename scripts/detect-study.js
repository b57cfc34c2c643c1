#!/usr/bin/env node
/**
 * How well `desksim detect` finds each gaming behaviour (docs/gaming.md, Detection): on the
 * baseline desk, two of the eleven Tier 1 agents game (gamers share 0.2 of tier1) at each
 * intensity; precision and recall over single months (replications), and whether both are
 * found when months are pooled. Prints a Markdown table. Uses the build (`npm run build`).
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
const percent = (value) => (value === null ? '—' : `${Math.round(100 * value)} %`);

function run(behaviour, intensity, replications) {
  const overrides = [`replications=${replications}`];
  if (behaviour !== null) {
    overrides.push(`gaming.${behaviour}.intensity=${intensity}`, `gaming.${behaviour}.gamers.share=0.2`, `gaming.${behaviour}.gamers.tiers=[tier1]`);
  }
  const { scenario } = loadScenarioFile(join(root, 'scenarios', 'baseline.yaml'), { overrides });
  return detectScenario(scenario);
}

console.log(`| behaviour | intensity | precision (one month) | recall (one month) | months with both found, ≤ 1 false alarm | both found pooling ${months} months |`);
console.log('|---|---|---|---|---|---|');
for (const behaviour of GAMING_BEHAVIOURS) {
  for (const intensity of intensities) {
    const result = run(behaviour, intensity, months);
    const counts = result.byBehaviour[behaviour];
    // Precision over every flag raised (a gamer flagged for another behaviour counts as a false alarm).
    const flags = result.replications.reduce((total, detection) => total + detection.scores.filter((score) => score.flagged).length, 0);
    const precision = flags === 0 ? null : counts.truePositives / flags;
    const gamers = result.replications[0].evaluation.gamers[behaviour];
    const pooled = result.pooled.scores.filter((score) => score.behaviour === behaviour && score.flagged && gamers.includes(score.agent)).length;
    console.log(
      `| ${behaviour} | ${intensity} | ${percent(precision)} | ${percent(counts.recall)} | ${result.foundWithAtMostOneFalseAlarm} of ${months} | ${pooled === gamers.length && gamers.length > 0 ? 'yes' : `${pooled} of ${gamers.length}`} |`,
    );
  }
}
const honest = run(null, 0, months * 2);
console.log(`\nHonest baseline, ${months * 2} months: ${honest.falseAlarmsPerReplication.toFixed(2)} false alarms a month.`);
