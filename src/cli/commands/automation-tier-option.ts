/**
 * `desksim metrics --automation-tier <tier>`: names a tier of the log as a bot (an AI agent,
 * a chatbot), as the mapping's `automation_tiers` does, for a log read without a mapping or
 * a mapping that does not say (docs/metrics.md; src/importer/automation-tiers.ts).
 */
import { checkAutomationTiers, ImportError, optionAutomationTiers, type ImportedLog } from '../../importer/index.js';
import { CliError, ExitCode, type CliIo } from '../io.js';
import type { MetricOptions } from '../../metrics/catalog.js';
import type { Ledger } from '../../metrics/ledger.js';
import type { RunWarning } from '../../experiment/warnings.js';

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

/** The bots the mapping or --automation-tier named for the log, beside any the scenario declares. */
export function withLogBots(options: MetricOptions, log: ImportedLog): MetricOptions {
  const bots = [...new Set([...(options.automationTiers ?? []), ...(log.automationTiers ?? [])])];
  return bots.length === 0 ? options : { ...options, automationTiers: bots };
}

/** Tiers among `tiers` at which the log queues no ticket. */
function tiersWithoutVisits(ledger: Ledger, tiers: readonly string[]): string[] {
  const visited = new Set<number>();
  for (let visit = 0; visit < ledger.visitCount; visit++) visited.add(ledger.visitTier[visit]!);
  return tiers.filter((tier) => {
    const code = ledger.tiers.values.indexOf(tier);
    return code < 0 || !visited.has(code);
  });
}

/**
 * The metric definitions without the bots a `--scenario` declares but the log never queues a
 * ticket at (the mapping's and the option's are checked on import), and the warning that says
 * so: their KPIs are left blank rather than read as 0 %, "the bot took nothing".
 */
export function withoutAbsentBots(
  definitions: MetricOptions,
  ledger: Ledger,
  scenarioFile: string | undefined,
): { definitions: MetricOptions; warnings: RunWarning[] } {
  const bots = definitions.automationTiers ?? [];
  const absent = tiersWithoutVisits(ledger, bots);
  if (absent.length === 0) return { definitions, warnings: [] };
  const present = bots.filter((tier) => !absent.includes(tier));
  const { automationTiers: _dropped, ...rest } = definitions;
  const several = absent.length > 1;
  return {
    definitions: present.length === 0 ? rest : { ...rest, automationTiers: present },
    warnings: [
      {
        code: 'automation_tier_absent',
        message:
          `${scenarioFile ?? 'The scenario'} declares the automation tier${several ? 's' : ''} ${absent.join(', ')}, ` +
          `which the log never queues a ticket at: ${several ? 'their' : 'its'} automation KPIs are left blank ` +
          'rather than read as 0 % ("the bot took no ticket"). If the log has a bot of its own, name its tier ' +
          "with the mapping's automation_tiers or --automation-tier.",
      },
    ],
  };
}
