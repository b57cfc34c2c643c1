/**
 * Which tiers of a log are bots (AI agents, chatbots, a virtual agent): a log does not say,
 * so the mapping's `automation_tiers` (or `desksim metrics --automation-tier`) names them,
 * and the automation KPIs (`automation_coverage`, `automation_containment_rate`,
 * `handoffs_per_ticket`, …; docs/model.md, Automation tier) are computed for them.
 *
 * A named tier must be one the log's tickets queue at: a tier that took no ticket would give
 * an automation coverage of 0 %, which reads as "the bot took nothing", not as "misspelt".
 * So it is an error (exit 2), located where the name was written, with the log's tiers.
 */
import { z } from 'zod';
import type { TicketEvent } from '../eventlog/types.js';
import { parseYaml, type Located } from '../document/located.js';
import { closestMatch } from '../document/suggest.js';
import { ImportError, readTextFile, type ImportIssue } from './errors.js';

/** The mapping's `automation_tiers`: the tier ids of the log that are bots. */
export const automationTiersSchema = z
  .array(z.string().min(1))
  .min(1)
  .optional()
  .describe(
    'Tier ids of this log that are an AI agent or a bot (as the tier column or an activity writes them): ' +
      'the automation KPIs (coverage, containment, handoffs) are computed for them. A tier the log never ' +
      'queues a ticket at is an error.',
  );

/** Where a tier name was written: the mapping's place, or the command-line option. */
export interface NamedTier {
  tier: string;
  where: Omit<ImportIssue, 'code' | 'message'>;
}

/** Tickets queued at each tier of the log (a bot's conversation is a queue visit, as a person's). */
export function ticketsQueuedByTier(events: readonly TicketEvent[]): Map<string, number> {
  const tickets = new Map<string, Set<string | number>>();
  for (const event of events) {
    if (event.type !== 'queued' || event.tier === undefined || event.ticket === undefined) continue;
    let seen = tickets.get(event.tier);
    if (seen === undefined) {
      seen = new Set();
      tickets.set(event.tier, seen);
    }
    seen.add(event.ticket);
  }
  return new Map([...tickets].map(([tier, seen]) => [tier, seen.size]));
}

/** Tiers named on any event, queued or not (a tier column on every row, an `assigned` of its agents). */
function tiersNamed(events: readonly TicketEvent[]): Set<string> {
  const tiers = new Set<string>();
  for (const event of events) if (event.tier !== undefined) tiers.add(event.tier);
  return tiers;
}

/**
 * The named tiers, checked against the log: each must have queued tickets. Throws an
 * `ImportError` naming every one that has not, where it was written, with the log's tiers.
 * Returns the distinct tier ids, in the order named.
 */
export function checkAutomationTiers(events: readonly TicketEvent[], named: readonly NamedTier[]): string[] {
  const queued = ticketsQueuedByTier(events);
  const known = [...queued.keys()];
  const issues: ImportIssue[] = [];
  for (const { tier, where } of named) {
    if (queued.has(tier)) continue;
    const suggestion = closestMatch(tier, known);
    const elsewhere = tiersNamed(events).has(tier)
      ? `tier "${tier}" is on some of the log's events, but no ticket is ever queued there`
      : `tier "${tier}" appears nowhere in the log`;
    issues.push({
      ...where,
      code: 'unknown_automation_tier',
      message:
        `${elsewhere}: its automation coverage would be 0 %, which would read as "the bot took no ticket". ` +
        (suggestion === undefined ? '' : `Did you mean "${suggestion}"? `) +
        (known.length === 0
          ? 'The log queues no ticket at any tier (map a queued activity, a tier column or default_tier).'
          : `The log's tiers: ${known.join(', ')}.`),
    });
  }
  if (issues.length > 0) throw new ImportError(issues);
  return [...new Set(named.map(({ tier }) => tier))];
}

/**
 * The mapping's `automation_tiers` with where each was written (file:line:column), read
 * again from the mapping file's text: the validated mapping keeps values, not places.
 */
export function mappingAutomationTiers(tiers: readonly string[], file: string, shownAs: string): NamedTier[] {
  const tree = parseYaml(readTextFile(file, shownAs, 'mapping file'), shownAs, []);
  const list: Located | undefined = tree?.kind === 'map' ? tree.entries.get('automation_tiers')?.node : undefined;
  return tiers.map((tier, index) => {
    const location = list?.kind === 'seq' ? list.items[index]?.location : list?.location;
    return {
      tier,
      where: { file: shownAs, line: location?.line, column: location?.column, path: `automation_tiers.${index}` },
    };
  });
}

/** `--automation-tier` values as named tiers (the option is where they were written). */
export function optionAutomationTiers(tiers: readonly string[], option = '--automation-tier'): NamedTier[] {
  return tiers.map((tier) => ({ tier, where: { file: `${option} ${tier}` } }));
}
