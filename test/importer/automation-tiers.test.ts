/**
 * A real log's bot tier (the mapping's `automation_tiers`, `metrics --automation-tier`): the
 * automation KPIs of a hand-built help-desk export, worked out by hand; the truth ones cannot
 * be measured from an export and say so; a tier the log never queues at is a located error.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, importLog } from '../../src/importer/index.js';
import { computeKpis } from '../../src/metrics/engine.js';
import { logLedger, logMetricOptions } from '../../src/cli/commands/metrics.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { cli, root, temporaryDirectory } from '../support/cli.js';

/**
 * The shipped example (examples/logs/chatbot.csv, read by scenarios/mappings/chatbot.yaml):
 * six tickets of a desk with a chatbot (group "bot") in front of its people ("desk", then "tier2"):
 * - C1: the bot answers and solves it — contained;
 * - C2: the bot solves it, the customer reopens it, the desk solves it again — contained (then a reopen);
 * - C3: the bot hands it to the desk, which solves it — one handoff;
 * - C4: the bot hands it to the desk, which escalates it to tier2 — two handoffs;
 * - C5, C6: straight to the desk, no bot (C6's reply is written under a group "triage" no ticket queues at).
 * By hand: coverage 4/6; containment 2/4 = 0.5; handoffs per ticket (1 + 2)/6 = 0.5; resolution rate 6/6.
 */
const EXPORT = readFileSync(join(root, 'examples', 'logs', 'chatbot.csv'), 'utf8');
const SHIPPED = readFileSync(join(root, 'scenarios', 'mappings', 'chatbot.yaml'), 'utf8');
/** The shipped mapping without its automation_tiers line (its last): the tests name the bot themselves. */
const MAPPING = SHIPPED.replace(/^automation_tiers:.*\n/m, '');

/** Writes the export and a mapping (with `extra` appended) into a fresh directory. */
function files(extra = ''): { directory: string; log: string; mapping: string } {
  const directory = temporaryDirectory();
  const log = join(directory, 'export.csv');
  const mapping = join(directory, 'mapping.yaml');
  writeFileSync(log, EXPORT);
  writeFileSync(mapping, MAPPING + extra);
  return { directory, log, mapping };
}

function kpisOf(extra: string) {
  const { log, mapping } = files(extra);
  const imported = importLog(log, { mappingFile: mapping, mappingShownAs: 'mapping.yaml' });
  const options = logMetricOptions(scenarioSchema.parse({ name: 'defaults' }), imported);
  return { imported, options, kpis: computeKpis(logLedger(imported), options).values };
}

function refusal(extra: string): string {
  try {
    kpisOf(extra);
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw error;
  }
  throw new Error('expected the mapping to be refused');
}

describe('a real log names its bot tier', () => {
  it('computes the automation KPIs worked out by hand; the truth ones cannot be measured (null)', () => {
    expect(SHIPPED).toMatch(/^automation_tiers: \[bot\]/m);
    const { imported, options, kpis } = kpisOf('automation_tiers: [bot]\n');
    expect(imported.automationTiers).toEqual(['bot']);
    expect(options.automationTiers).toEqual(['bot']);
    expect(kpis.tickets_created).toBe(6);
    expect(kpis.automation_coverage).toBeCloseTo(4 / 6, 12);
    expect(kpis.automation_containment_rate).toBeCloseTo(0.5, 12);
    expect(kpis.handoffs_per_ticket).toBeCloseTo(0.5, 12);
    // The dashboard counts the bot's closures as resolutions: all six tickets were resolved.
    expect(kpis.resolution_rate).toBeCloseTo(1, 12);
    for (const id of [
      'automation_true_fix_rate',
      'automation_hidden_failure_share',
      'contacts_per_issue_automated',
      'contacts_per_issue_not_automated',
    ])
      expect(kpis[id], id).toBeNull();
  });

  it('without naming one, the automation KPIs do not apply (null), handoffs still count', () => {
    const { options, kpis } = kpisOf('');
    expect(options.automationTiers).toBeUndefined();
    expect(kpis.automation_coverage).toBeNull();
    expect(kpis.automation_containment_rate).toBeNull();
    expect(kpis.handoffs_per_ticket).toBeCloseTo(0.5, 12);
  });

  it('refuses a misspelt tier where it was written, with a suggestion and the log’s tiers', () => {
    expect(refusal('automation_tiers:\n  - bot\n  - bto\n')).toMatchInlineSnapshot(`
      "mapping.yaml:23:5  automation_tiers.1
        tier "bto" appears nowhere in the log: its automation coverage would be 0 %, which would read as "the bot took no ticket". Did you mean "bot"? The log's tiers: bot, desk, tier2."
    `);
  });

  it('refuses a tier on some events that no ticket is queued at', () => {
    expect(refusal('automation_tiers: [triage]\n')).toMatch(
      /^mapping\.yaml:21:20 {2}automation_tiers\.0\n {2}tier "triage" is on some of the log's events, but no ticket is ever queued there/,
    );
  });

  it('desksim metrics --automation-tier names it on the command line; an unknown one is exit 2, nothing written', async () => {
    const { directory, log, mapping } = files();
    const out = join(directory, 'out');
    const named = await cli(['metrics', log, '--mapping', mapping, '--automation-tier', 'bot', '--out', out]);
    expect(named.code, named.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.kpis.automation_coverage.value).toBeCloseTo(4 / 6, 12);
    expect(summary.kpis.automation_containment_rate.value).toBeCloseTo(0.5, 12);
    expect(summary.kpis.automation_true_fix_rate.value).toBeNull();
    const blank = summary.warnings.find((warning: { code: string }) => warning.code === 'blank_kpis').message;
    expect(blank).toMatch(/truth KPIs cannot be measured from this log: .*automation_true_fix_rate/);
    expect(named.stdout).toContain('automation_coverage');

    const wrong = join(directory, 'wrong');
    const unknown = await cli(['metrics', log, '--mapping', mapping, '--automation-tier', 'chatbot', '--out', wrong]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--automation-tier chatbot');
    expect(unknown.stderr).toContain('tier "chatbot" appears nowhere in the log');
    expect(existsSync(wrong)).toBe(false);
  });

  it('a --scenario bot the log never queues at is left out (blank, not 0 %) with a warning in words', async () => {
    const { directory, log, mapping } = files();
    const out = join(directory, 'out');
    // ai-agent.yaml declares the bot ai_agent, which this export does not have; its own bot is named on the command line.
    const args = ['metrics', log, '--mapping', mapping, '--scenario', 'scenarios/ai-agent.yaml', '--out', out];
    const alone = await cli(args);
    expect(alone.code, alone.stderr).toBe(0);
    let summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.kpis.automation_coverage.value).toBeNull();
    const absent = summary.warnings.find((warning: { code: string }) => warning.code === 'automation_tier_absent');
    expect(absent.message).toMatch(
      /^scenarios\/ai-agent\.yaml declares the automation tier ai_agent, which the log never/,
    );
    expect(alone.stdout).toContain('[automation_tier_absent]');

    const named = await cli([...args, '--automation-tier', 'bot', '--force']);
    expect(named.code, named.stderr).toBe(0);
    summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.kpis.automation_coverage.value).toBeCloseTo(4 / 6, 12);
    expect(summary.warnings.map((warning: { code: string }) => warning.code)).toContain('automation_tier_absent');
  });
});
