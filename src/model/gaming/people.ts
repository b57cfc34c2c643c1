/**
 * Who games (docs/gaming.md, Who games): each behaviour's intensity per seat. Without
 * `gaming.<behaviour>.gamers` every seat has the behaviour's intensity, as before, and
 * nothing is drawn. With it, a seat games at that intensity or not at all: in each tier the
 * behaviour names, the `round(share × seats)` seats with the lowest draw of
 * `gaming.people.<seat>` do. One draw per seat, seeded by the scenario's seed alone (stream
 * of replication 0), so every replication, every behaviour and every compared scenario with
 * the same seed and seats has the same people; a larger share only adds people. Incentives
 * act through this choice: the effective intensity (explicit and pressure combined) applies
 * to the gamers only.
 */
import { createStream } from '../../engine/index.js';
import type { GamingBehaviour } from '../../scenario/incentives.js';
import type { DeskModel } from '../build.js';

/** The people's own draw: one uniform per seat, the same for every behaviour and replication. */
function seatDraws(model: DeskModel): Map<string, number> {
  const draws = new Map<string, number>();
  for (const tier of model.tiers) {
    for (const plan of tier.agents)
      draws.set(plan.name, createStream(model.scenario.seed, 0, `gaming.people.${plan.name}`)());
  }
  return draws;
}

/**
 * Each seat's intensity of one behaviour, indexed by the seat's slot (`Agent.slot`: tiers in
 * order, then each tier's seats in plan order, as the workforce creates them).
 */
export function seatIntensities(
  model: DeskModel,
  behaviour: GamingBehaviour,
  intensity: number,
  draws: () => Map<string, number>,
): Float64Array {
  const seats = model.tiers.reduce((count, tier) => count + tier.agents.length, 0);
  const intensities = new Float64Array(seats).fill(intensity);
  const gamers = model.gaming.settings[behaviour].gamers;
  if (gamers === undefined) return intensities;
  const seatDraw = draws();
  let slot = 0;
  for (const tier of model.tiers) {
    const first = slot;
    slot += tier.agents.length;
    const eligible = gamers.tiers === undefined || gamers.tiers.includes(tier.id);
    const count = eligible ? Math.round(gamers.share * tier.agents.length) : 0;
    const order = tier.agents.map((plan, index) => ({ index, draw: seatDraw.get(plan.name)! }));
    order.sort((a, b) => a.draw - b.draw || a.index - b.index);
    order.forEach((seat, rank) => {
      if (rank >= count) intensities[first + seat.index] = 0;
    });
  }
  return intensities;
}

/** The seat draws, made once and only when some behaviour names its gamers. */
export function lazySeatDraws(model: DeskModel): () => Map<string, number> {
  let draws: Map<string, number> | undefined;
  return () => (draws ??= seatDraws(model));
}
