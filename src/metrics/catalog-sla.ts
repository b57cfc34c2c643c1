/**
 * SLA compliance and the moment a ticket breached its target, on the policy's clock.
 */
import type { MetricContext, SlaPolicy } from './catalog-definition.js';
import { elapsedSinceCreation, firstResponseAt } from './catalog-tickets.js';
import { NOT_COUNTED, shareOf } from './log-columns.js';

function slaElapsed(context: MetricContext, policy: SlaPolicy, ticket: number, to: number): number {
  return elapsedSinceCreation(context, ticket, to, policy.clock, policy.pauseWhenPending);
}

/**
 * Share of tickets with a target that met it. A ticket that reached the milestone counts
 * met or missed. One that did not: abandoned, it counts missed only if it was already past
 * the target; still open at the end, it misses a first-response target (it has not been
 * answered within it as far as anyone knows — an overloaded desk's silence is a miss, not
 * a gap), and a resolution target only once past it (a resolution can take days, and the
 * unfinished share says how many are left out).
 */
export function slaCompliance(context: MetricContext, which: 'firstResponse' | 'resolution'): number | null {
  if (context.options.sla === undefined) return null;
  return shareOf(context, slaFlags(context, which));
}

/**
 * Each ticket's SLA outcome (`slaCompliance`), once per log: met (1), missed (0), or not
 * counted (2: no target, or not known yet).
 */
function slaFlags(context: MetricContext, which: 'firstResponse' | 'resolution'): Uint8Array {
  return context.columns.column(`sla.${which}`, () => {
    const policy = context.options.sla!;
    const { ledger } = context;
    const flags = new Uint8Array(ledger.ticketCount).fill(NOT_COUNTED);
    // Each priority's target, by code, looked up once rather than per ticket.
    const targets = ledger.priorities.values.map((priority) => policy.targets[priority]?.[which]);
    for (let ticket = 0; ticket < flags.length; ticket++) {
      const code = ledger.priority[ticket]!;
      const target = code < 0 ? undefined : targets[code];
      if (target === undefined) continue;
      const reached = which === 'firstResponse' ? firstResponseAt(context, ticket) : ledger.lastResolvedAt[ticket]!;
      if (!Number.isNaN(reached)) {
        flags[ticket] = (
          which === 'firstResponse'
            ? policy.clock(ledger.createdAt[ticket]!, reached) <= target
            : slaElapsed(context, policy, ticket, reached) <= target
        )
          ? 1
          : 0;
        continue;
      }
      const abandoned = ledger.abandonedAt[ticket]!;
      if (which === 'firstResponse' && Number.isNaN(abandoned) && ledger.isOpenAt(ticket, context.window.measureTo)) {
        flags[ticket] = 0;
        continue;
      }
      const until = Number.isNaN(abandoned) ? context.window.measureTo : abandoned;
      const elapsed =
        which === 'firstResponse'
          ? policy.clock(ledger.createdAt[ticket]!, until)
          : slaElapsed(context, policy, ticket, until);
      if (elapsed > target) flags[ticket] = 0;
    }
    return flags;
  });
}

/**
 * When the ticket breached its SLA target (minutes since the log origin): the instant at
 * which the SLA clock, less pauses if the policy pauses, reached the target — found by
 * bisection, since a business clock with pauses has no closed-form inverse. NaN if it met
 * the target, has none, or had not passed it by the end of observation (or its abandonment).
 */
export function slaBreachAt(context: MetricContext, ticket: number, which: 'firstResponse' | 'resolution'): number {
  const policy = context.options.sla;
  if (policy === undefined) return Number.NaN;
  const ledger = context.ledger;
  const priority = ledger.priorities.value(ledger.priority[ticket]!);
  const target = priority === undefined ? undefined : policy.targets[priority]?.[which];
  if (target === undefined) return Number.NaN;
  const elapsed = (to: number) =>
    which === 'firstResponse' ? policy.clock(ledger.createdAt[ticket]!, to) : slaElapsed(context, policy, ticket, to);
  const reached = which === 'firstResponse' ? firstResponseAt(context, ticket) : ledger.lastResolvedAt[ticket]!;
  const abandoned = ledger.abandonedAt[ticket]!;
  let high = !Number.isNaN(reached) ? reached : !Number.isNaN(abandoned) ? abandoned : context.window.measureTo;
  if (!(elapsed(high) > target)) return Number.NaN;
  // The clock reached the target at or after created + target: no clock runs faster than the calendar.
  let low = ledger.createdAt[ticket]! + target;
  if (elapsed(low) >= target) return low;
  // Bisection to a hundredth of a second.
  while (high - low > 1 / 6000) {
    const middle = (low + high) / 2;
    if (elapsed(middle) >= target) high = middle;
    else low = middle;
  }
  return high;
}
