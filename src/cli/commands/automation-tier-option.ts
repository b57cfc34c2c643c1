/**
 * `desksim metrics --automation-tier <tier>`: names a tier of the log as a bot (an AI agent,
 * a chatbot), as the mapping's `automation_tiers` does, for a log read without a mapping or
 * a mapping that does not say (docs/metrics.md; src/importer/automation-tiers.ts).
 */
import { checkAutomationTiers, ImportError, optionAutomationTiers, type ImportedLog } from '../../importer/index.js';
import { CliError, ExitCode, type CliIo } from '../io.js';

/** The option's help. */
export const AUTOMATION_TIER_HELP =
  "a tier of the log that is an AI agent or bot (repeatable; or the mapping's automation_tiers): " +
  'computes automation coverage, containment and handoffs for it';

/** Collects the repeated option's values. */
export function collectTiers(tier: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), tier];
}

/**
 * Adds the tiers `--automation-tier` names to the log's bots, each checked against the log
 * (a tier that queues no ticket is an error, exit 2: its KPIs would read 0 %).
 */
export function addOptionAutomationTiers(log: ImportedLog, tiers: readonly string[], io: CliIo, json: boolean): void {
  try {
    const checked = checkAutomationTiers(log.events, optionAutomationTiers(tiers));
    log.automationTiers = [...new Set([...(log.automationTiers ?? []), ...checked])];
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    // --json always answers: the issues as an object on stdout, as a mapping's are.
    if (json) io.stdout(JSON.stringify({ valid: false, issues: error.issues }, null, 2) + '\n');
    throw new CliError(error.message, ExitCode.BadInput);
  }
}
