/**
 * The pieces of the scenario's cross-field checks (`schema-cross-checks.ts`): shares that sum
 * to 1, ids that name something known, and the checks of automation tiers, channel hours and
 * knowledge coverage.
 */
import type { z } from 'zod';
import type { ScenarioObject } from './schema-object.js';

/** What a cross-field check reports its issues to. */
export type Context = z.RefinementCtx;

/** A mix or a section of shares lists at least one entry and its shares sum to 1. */
export function checkShares(
  mix: Record<string, { share: number }> | Record<string, number>,
  path: (string | number)[],
  context: Context,
) {
  const values = Object.values(mix).map((entry) => (typeof entry === 'number' ? entry : entry.share));
  if (values.length === 0) {
    context.addIssue({ code: 'custom', message: 'must list at least one entry', path });
    return;
  }
  const total = values.reduce((sum, value) => sum + value, 0);
  if (Math.abs(total - 1) > 1e-6) {
    context.addIssue({ code: 'custom', message: `shares must sum to 1 (found ${Number(total.toFixed(6))})`, path });
  }
}

/** Every id names one of `known` (the ids of another section); `what` names that section in the message. */
export function checkReferences(
  ids: string[],
  known: string[],
  what: string,
  path: (string | number)[],
  context: Context,
) {
  for (const id of ids) {
    if (!known.includes(id)) {
      context.addIssue({
        code: 'custom',
        message: `unknown ${what} "${id}" (known: ${known.join(', ')})`,
        path,
      });
    }
  }
}

/**
 * Automation tiers name known channels, categories, complexities and a human tier on the chain;
 * hand-backs name tiers.
 */
export function checkAutomation(scenario: ScenarioObject, context: Context): void {
  const tierIds = scenario.tiers.map((tier) => tier.id);
  const seen = new Set(tierIds);
  const chain = [scenario.routing.entry_tier ?? tierIds[0]!];
  const targets = new Map(scenario.tiers.map((tier) => [tier.id, tier.escalates_to]));
  for (
    let next = targets.get(chain[0]!) ?? null;
    next !== null && !chain.includes(next);
    next = targets.get(next) ?? null
  )
    chain.push(next);
  scenario.automation.forEach((bot, index) => {
    const path = ['automation', index];
    if (seen.has(bot.id))
      context.addIssue({ code: 'custom', message: `duplicate tier id "${bot.id}"`, path: [...path, 'id'] });
    seen.add(bot.id);
    if (bot.channels)
      checkReferences(bot.channels, Object.keys(scenario.channels), 'channel', [...path, 'channels'], context);
    if (bot.categories)
      checkReferences(bot.categories, Object.keys(scenario.categories), 'category', [...path, 'categories'], context);
    if (bot.complexities)
      checkReferences(
        bot.complexities,
        Object.keys(scenario.complexity),
        'complexity',
        [...path, 'complexities'],
        context,
      );
    if (bot.hands_off_to !== undefined && !chain.includes(bot.hands_off_to)) {
      context.addIssue({
        code: 'custom',
        message:
          `hands_off_to must be a tier on the escalation chain (${chain.join(' → ')}), ` +
          `found "${bot.hands_off_to}"`,
        path: [...path, 'hands_off_to'],
      });
    }
    if (bot.conversation !== undefined && bot.conversation < bot.response) {
      context.addIssue({
        code: 'custom',
        message: 'conversation must not be shorter than response',
        path: [...path, 'conversation'],
      });
    }
  });
  const handBack = scenario.handoffs.hand_back;
  if (typeof handBack !== 'number')
    checkReferences(Object.keys(handBack), tierIds, 'tier', ['handoffs', 'hand_back'], context);
}

/** A channel's redirect outside opening hours names another channel, which is always open. */
export function checkChannelHours(scenario: ScenarioObject, context: Context): void {
  for (const [id, channel] of Object.entries(scenario.channels)) {
    if (channel.redirect_to !== undefined && channel.outside_hours !== 'redirect') {
      context.addIssue({
        code: 'custom',
        message: 'redirect_to is used only with outside_hours: redirect',
        path: ['channels', id, 'redirect_to'],
      });
    }
    if (channel.hours === undefined || channel.outside_hours !== 'redirect') continue;
    const target = channel.redirect_to;
    const path = ['channels', id, 'redirect_to'];
    if (target === undefined)
      context.addIssue({ code: 'custom', message: 'outside_hours: redirect needs redirect_to (a channel id)', path });
    else if (target === id) context.addIssue({ code: 'custom', message: 'a channel cannot redirect to itself', path });
    else if (!(target in scenario.channels))
      checkReferences([target], Object.keys(scenario.channels), 'channel', path, context);
    else if (scenario.channels[target]!.hours !== undefined) {
      context.addIssue({
        code: 'custom',
        message: `"${target}" has opening hours of its own: redirect to a channel that is always open`,
        path,
      });
    }
  }
}

/**
 * Coverage can start no higher than what is documentable in its category. A value outside
 * 0..1 is already an error of its own and is not reported twice; one coverage for every
 * category is reported once, naming the categories whose ceiling it passes.
 */
export function checkDocumentable(scenario: ScenarioObject, categoryIds: string[], context: Context): void {
  const { coverage, documentable } = scenario.knowledge;
  const level = (value: number | Record<string, number>, id: string) =>
    typeof value === 'number' ? value : (value[id] ?? 0);
  const above: string[] = [];
  for (const id of categoryIds) {
    const start = level(coverage, id);
    const ceiling = typeof documentable === 'number' ? documentable : (documentable[id] ?? 0.9);
    if (start > 1 || ceiling > 1) continue;
    if (start > ceiling) above.push(`${id} ${start} > ${ceiling}`);
  }
  if (above.length === 0) return;
  context.addIssue({
    code: 'custom',
    message:
      `coverage starts above what is documentable (knowledge.documentable) in: ${above.join(', ')}; ` +
      'raise knowledge.documentable or lower the coverage',
    path: ['knowledge', 'coverage'],
  });
}
