/**
 * Call blending with a reservation threshold (docs/model.md, "Blending: a live team takes
 * email when idle"): a tier's `blend` section, and its cross-field check.
 *
 * The rule is the threshold policy of Bhulai & Koole (2003, "A queueing model for call
 * blending in call centers", IEEE Transactions on Automatic Control 48(8)) and Gans & Zhou
 * (2003, "A call-routing problem with service-level constraints", Operations Research 51(2)):
 * an idle agent of the live tier takes deferrable work only while more than `reserve` of its
 * colleagues stay idle for the next live contact.
 */
import { z } from 'zod';

/** The `blend` section of a tier: whose queue its idle agents take from, and how many they keep free. */
export const blendSchema = z
  .strictObject({
    from: z
      .string()
      .describe("Tier whose queue this tier's idle agents take from when their own queue is empty (email, say)."),
    reserve: z
      .number()
      .int()
      .min(0)
      .describe(
        'Agents of this tier kept idle for its own contacts: an agent takes a ticket from `from` only if at least ' +
          'this many colleagues stay idle after it (0 = blend whenever idle).',
      ),
  })
  .describe(
    "Call blending: idle agents of this tier take tickets from another tier's queue, keeping `reserve` agents free " +
      "(threshold policy, Bhulai & Koole 2003). The ticket is worked under the source tier's skill, accuracy and " +
      'escalation; its time and cost count to this tier.',
  );

/** A tier as far as blending needs it. */
interface BlendingTier {
  id: string;
  agents?: number | undefined;
  shifts?: Array<{ agents: number }> | undefined;
  blend?: z.output<typeof blendSchema> | undefined;
}

/** Where a problem lies and what it is, for the scenario's cross-field check to report. */
export interface BlendingProblem {
  message: string;
  path: (string | number)[];
}

/** Seats of a tier: its 24/7 agents, or every shift's agents together. */
export function headcount(tier: BlendingTier): number {
  return tier.agents ?? (tier.shifts ?? []).reduce((seats, shift) => seats + shift.agents, 0);
}

/**
 * A blending tier names another human tier, and keeps in reserve fewer agents than it has
 * (a reserve of the whole team could never leave one free to blend).
 */
export function blendingProblems(tiers: readonly BlendingTier[]): BlendingProblem[] {
  const problems: BlendingProblem[] = [];
  const ids = tiers.map((tier) => tier.id);
  tiers.forEach((tier, index) => {
    const blend = tier.blend;
    if (blend === undefined) return;
    const path = ['tiers', index, 'blend'];
    if (blend.from === tier.id) {
      problems.push({ message: 'a tier cannot blend from its own queue', path: [...path, 'from'] });
    } else if (!ids.includes(blend.from)) {
      problems.push({ message: `unknown tier "${blend.from}" (known: ${ids.join(', ')})`, path: [...path, 'from'] });
    }
    const seats = headcount(tier);
    if (blend.reserve >= seats) {
      problems.push({
        message:
          `reserve must be smaller than the tier's ${seats} agent${seats === 1 ? '' : 's'}, found ${blend.reserve} ` +
          '(with every agent in reserve nobody would ever blend)',
        path: [...path, 'reserve'],
      });
    }
  });
  return problems;
}
