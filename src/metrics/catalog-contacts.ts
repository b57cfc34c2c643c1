/**
 * Repeat contacts: the next contact of each customer within the FCR window.
 */
import type { MetricContext } from './catalog-definition.js';
import type { Ledger } from './ledger.js';

/** Default FCR window: 7 days. */
export const DEFAULT_FCR_WINDOW = 7 * 24 * 60;

/**
 * For every ticket row, when the same customer next opened a ticket in the same category
 * (NaN: never, or no customer), over all the log's tickets. Read once, by `repeatedFlags`.
 */
function nextContacts(ledger: Ledger): Float64Array {
  const count = ledger.ticketCount;
  const next = new Float64Array(count).fill(Number.NaN);
  // Walk the tickets in creation order (ties by row), remembering each (customer, category)
  // pair's latest ticket: a ticket's next contact is the creation of the next one seen for
  // its pair. Pairs are numbered (a dense customer code × categories + category), so the
  // walk builds no string and no list per pair, and looks pairs up in a typed array.
  const customers = customerCodes(ledger);
  const categorySpan = ledger.categories.values.length + 1;
  const pairs = customers.count * categorySpan;
  const latest = new Int32Array(pairs).fill(-1);
  const order = creationOrder(ledger);
  for (let index = 0; index < count; index++) {
    const ticket = order === null ? index : order[index]!;
    const code = customers.codes[ticket]!;
    if (code < 0) continue;
    const pair = code * categorySpan + ledger.category[ticket]! + 1;
    const previous = latest[pair]!;
    if (previous >= 0) next[previous] = ledger.createdAt[ticket]!;
    latest[pair] = ticket;
  }
  return next;
}

/**
 * A dense code (0, 1, …) per distinct customer, by ledger row (−1: no customer). Whole-number
 * customer ids, as simulated logs have, are coded through a typed array; others (strings) through a map.
 */
function customerCodes(ledger: Ledger): { codes: Int32Array; count: number } {
  const codes = new Int32Array(ledger.ticketCount).fill(-1);
  let byNumber = new Int32Array(0);
  const byValue = new Map<string | number, number>();
  let count = 0;
  for (let ticket = 0; ticket < codes.length; ticket++) {
    const customer = ledger.customer[ticket];
    if (customer === undefined || customer === '') continue;
    if (typeof customer === 'number' && Number.isInteger(customer) && customer >= 0 && customer < 1 << 26) {
      if (customer >= byNumber.length) {
        const grown = new Int32Array(Math.max(customer + 1, 2 * byNumber.length)).fill(-1);
        grown.set(byNumber);
        byNumber = grown;
      }
      if (byNumber[customer]! < 0) byNumber[customer] = count++;
      codes[ticket] = byNumber[customer]!;
      continue;
    }
    let code = byValue.get(customer);
    if (code === undefined) {
      code = count++;
      byValue.set(customer, code);
    }
    codes[ticket] = code;
  }
  return { codes, count };
}

/** Ledger rows in creation order, ties by row; null when the rows already are (a simulated log always is). */
function creationOrder(ledger: Ledger): Int32Array | null {
  const createdAt = ledger.createdAt;
  let sorted = true;
  for (let ticket = 1; ticket < ledger.ticketCount && sorted; ticket++)
    sorted = createdAt[ticket - 1]! <= createdAt[ticket]!;
  if (sorted) return null;
  const order = new Int32Array(ledger.ticketCount);
  for (let ticket = 0; ticket < order.length; ticket++) order[ticket] = ticket;
  return order.sort((a, b) => createdAt[a]! - createdAt[b]! || a - b);
}

/**
 * Tickets with a known customer: did the customer come back about the same category within
 * the FCR window of the ticket's resolution (or creation)? 1 yes, 0 no, 2 (not counted) for
 * no customer. Once per log (`LogColumns`).
 */
export function repeatedFlags(context: MetricContext): Uint8Array {
  return context.columns.column('repeated', () => {
    const ledger = context.ledger;
    const next = nextContacts(ledger);
    const window = context.options.fcrWindow ?? DEFAULT_FCR_WINDOW;
    const flags = new Uint8Array(ledger.ticketCount);
    for (let ticket = 0; ticket < flags.length; ticket++) {
      const customer = ledger.customer[ticket];
      if (customer === undefined || customer === '') {
        flags[ticket] = 2;
        continue;
      }
      const contact = next[ticket]!;
      if (Number.isNaN(contact)) continue;
      const resolved = ledger.lastResolvedAt[ticket]!;
      if (contact - (Number.isNaN(resolved) ? ledger.createdAt[ticket]! : resolved) <= window) flags[ticket] = 1;
    }
    return flags;
  });
}
