/**
 * The scenario sections of metric gaming: the gaming behaviours with their intensities and
 * who does them (docs/gaming.md; each behaviour's section is in its file, `src/gaming/`), and
 * the incentives that push KPIs.
 */
import { z } from 'zod';
import { gamingSections } from '../gaming/registry.js';
import { probability } from './schema-values.js';

/**
 * `gaming`: one section per gaming behaviour, each declared in its own file (`src/gaming/`,
 * assembled in registry order).
 */
export const gamingSchema = z.strictObject(gamingSections());

/** One entry of `incentives`: a KPI management pushes, and how hard. */
export const incentiveSchema = z.strictObject({
  kpi: z
    .string()
    .min(1)
    .describe(
      'The KPI management pushes: a KPI id of the incentive table (docs/gaming.md), e.g. first_response_time_mean.',
    ),
  pressure: probability.describe('How hard it is pushed: 0 = not at all, 1 = bonus and ranking depend on it.'),
});
